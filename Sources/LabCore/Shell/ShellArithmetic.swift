/// A small evaluator for `$(( … ))`: integers, variables, + - * / % and parentheses, comparisons.
struct ShellArithmetic {
    let bytes: [UInt8]
    let variables: [String: String]
    var pos = 0
    /// Parentheses and signs nested so far: deeper than 200 is an error, not a deeper stack.
    var depth = 0

    init(text: String, variables: [String: String]) {
        bytes = Array(text.utf8)
        self.variables = variables
    }

    /// The value, or nil on a syntax error or division by zero.
    mutating func evaluate() -> Int? {
        guard let v = comparison() else { return nil }
        skip()
        return pos == bytes.count ? v : nil
    }

    mutating func skip() { while pos < bytes.count && (bytes[pos] == 0x20 || bytes[pos] == 0x09 || bytes[pos] == 0x0A) { pos += 1 } }

    mutating func peekOp(_ s: String) -> Bool {
        skip()
        let u = Array(s.utf8)
        guard pos + u.count <= bytes.count, Array(bytes[pos..<(pos + u.count)]) == u else { return false }
        pos += u.count
        return true
    }

    mutating func comparison() -> Int? {
        guard var l = sum() else { return nil }
        while true {
            if peekOp("==") { guard let r = sum() else { return nil }; l = l == r ? 1 : 0 }
            else if peekOp("!=") { guard let r = sum() else { return nil }; l = l != r ? 1 : 0 }
            else if peekOp("<=") { guard let r = sum() else { return nil }; l = l <= r ? 1 : 0 }
            else if peekOp(">=") { guard let r = sum() else { return nil }; l = l >= r ? 1 : 0 }
            else if peekOp("<") { guard let r = sum() else { return nil }; l = l < r ? 1 : 0 }
            else if peekOp(">") { guard let r = sum() else { return nil }; l = l > r ? 1 : 0 }
            else { return l }
        }
    }

    mutating func sum() -> Int? {
        guard var l = product() else { return nil }
        while true {
            if peekOp("+") { guard let r = product() else { return nil }; l = l &+ r }
            else if peekOp("-") { guard let r = product() else { return nil }; l = l &- r }
            else { return l }
        }
    }

    mutating func product() -> Int? {
        guard var l = unary() else { return nil }
        while true {
            if peekOp("*") { guard let r = unary() else { return nil }; l = l &* r }
            else if peekOp("/") { guard let r = unary(), r != 0 else { return nil }; l = l.dividedReportingOverflow(by: r).partialValue }
            else if peekOp("%") { guard let r = unary(), r != 0 else { return nil }; l = l.remainderReportingOverflow(dividingBy: r).partialValue }
            else { return l }
        }
    }

    mutating func unary() -> Int? {
        depth += 1
        defer { depth -= 1 }
        if depth > 200 { return nil }
        if peekOp("-") { return unary().map { 0 &- $0 } }
        if peekOp("+") { return unary() }
        if peekOp("(") {
            guard let v = comparison(), peekOp(")") else { return nil }
            return v
        }
        skip()
        guard pos < bytes.count else { return nil }
        if ShellBytes.isDigit(bytes[pos]) {
            var v = 0
            while pos < bytes.count && ShellBytes.isDigit(bytes[pos]) { v = v &* 10 &+ Int(bytes[pos] - 0x30); pos += 1 }
            return v
        }
        if bytes[pos] == ShellBytes.dollar { pos += 1 }
        if pos < bytes.count && ShellBytes.isNameStart(bytes[pos]) {
            let s = pos
            while pos < bytes.count && ShellBytes.isNameChar(bytes[pos]) { pos += 1 }
            let name = String(decoding: bytes[s..<pos], as: UTF8.self)
            return Int(variables[name] ?? "0") ?? 0
        }
        return nil
    }
}
