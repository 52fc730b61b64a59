/// An awk expression.
indirect enum AwkExpr {
    case number(Double)
    case string(String)
    case regex(String)
    case field(AwkExpr)
    case variable(String)
    case binary(String, AwkExpr, AwkExpr)
    case match(AwkExpr, AwkExpr, negated: Bool)
    case not(AwkExpr)
    case negate(AwkExpr)
    case assign(AwkExpr, String, AwkExpr)
    case increment(AwkExpr, Double, prefix: Bool)
    case call(String, [AwkExpr])
}

/// An awk statement.
indirect enum AwkStatement {
    case print([AwkExpr], AwkExpr?)
    case printf([AwkExpr], AwkExpr?)
    case expression(AwkExpr)
    case next
    case exit
    case ifElse(AwkExpr, [AwkStatement], [AwkStatement])
}

/// A pattern-action rule.
struct AwkRule {
    enum Kind { case begin, main, end }
    var kind: Kind
    var pattern: AwkExpr?
    var actions: [AwkStatement]?
}

/// Parses awk program text.
struct AwkParser {
    enum Token: Equatable {
        case number(Double), string(String), regex(String), name(String), punct(String), newline, end
    }
    var tokens: [Token] = []
    var index = 0
    var noGreater = false

    init(_ source: String) {
        let b = Array(source.utf8)
        var i = 0
        var operandBefore = false
        while i < b.count {
            let c = b[i]
            if c == 0x20 || c == 0x09 { i += 1; continue }
            if c == 0x5C && i + 1 < b.count && b[i + 1] == 0x0A { i += 2; continue }
            if c == 0x23 { while i < b.count && b[i] != 0x0A { i += 1 }; continue }
            if c == 0x0A { tokens.append(.newline); i += 1; operandBefore = false; continue }
            if c == 0x22 {
                var s: [UInt8] = []
                i += 1
                while i < b.count && b[i] != 0x22 {
                    if b[i] == 0x5C && i + 1 < b.count {
                        i += 1
                        switch b[i] { case 0x6E: s.append(0x0A); case 0x74: s.append(0x09); default: s.append(b[i]) }
                    } else { s.append(b[i]) }
                    i += 1
                }
                i += 1
                tokens.append(.string(String(decoding: s, as: UTF8.self)))
                operandBefore = true
                continue
            }
            if c == 0x2F && !operandBefore {
                var s: [UInt8] = []
                i += 1
                while i < b.count && b[i] != 0x2F {
                    if b[i] == 0x5C && i + 1 < b.count && b[i + 1] == 0x2F { s.append(0x2F); i += 2; continue }
                    s.append(b[i]); i += 1
                }
                i += 1
                tokens.append(.regex(String(decoding: s, as: UTF8.self)))
                operandBefore = true
                continue
            }
            if ShellBytes.isDigit(c) || (c == 0x2E && i + 1 < b.count && ShellBytes.isDigit(b[i + 1])) {
                let s = i
                while i < b.count && (ShellBytes.isDigit(b[i]) || b[i] == 0x2E) { i += 1 }
                tokens.append(.number(Double(String(decoding: b[s..<i], as: UTF8.self)) ?? 0))
                operandBefore = true
                continue
            }
            if ShellBytes.isNameStart(c) {
                let s = i
                while i < b.count && ShellBytes.isNameChar(b[i]) { i += 1 }
                tokens.append(.name(String(decoding: b[s..<i], as: UTF8.self)))
                operandBefore = true
                continue
            }
            let two = i + 1 < b.count ? String(decoding: b[i...(i + 1)], as: UTF8.self) : ""
            if ["==", "!=", "<=", ">=", "&&", "||", "!~", "++", "--", "+=", "-=", "*=", "/=", ">>"].contains(two) {
                tokens.append(.punct(two))
                i += 2
                operandBefore = two == "++" || two == "--"
                continue
            }
            let one = String(UnicodeScalar(c))
            tokens.append(.punct(one))
            operandBefore = one == ")" || one == "$" && false
            i += 1
        }
        tokens.append(.end)
    }

    var current: Token { tokens[index] }
    mutating func advance() { if index < tokens.count - 1 { index += 1 } }
    func isPunct(_ p: String) -> Bool { current == .punct(p) }

    mutating func expect(_ p: String) throws {
        guard isPunct(p) else { throw AwkError(message: "syntax error at or near \(describe(current))") }
        advance()
    }

    func describe(_ t: Token) -> String {
        switch t {
        case .number(let d): return AwkValue.format(d)
        case .string(let s): return "\"\(s)\""
        case .regex(let r): return "/\(r)/"
        case .name(let n): return n
        case .punct(let p): return p
        case .newline: return "end of line"
        case .end: return "end of file"
        }
    }

    mutating func skipTerminators() {
        while current == .newline || isPunct(";") { advance() }
    }

    mutating func parseProgram() throws -> [AwkRule] {
        var rules: [AwkRule] = []
        skipTerminators()
        while current != .end {
            if current == .name("BEGIN") || current == .name("END") {
                let kind: AwkRule.Kind = current == .name("BEGIN") ? .begin : .end
                advance()
                rules.append(AwkRule(kind: kind, pattern: nil, actions: try block()))
            } else if isPunct("{") {
                rules.append(AwkRule(kind: .main, pattern: nil, actions: try block()))
            } else {
                let pattern = try expression()
                rules.append(AwkRule(kind: .main, pattern: pattern, actions: isPunct("{") ? try block() : nil))
            }
            skipTerminators()
        }
        return rules
    }

    mutating func block() throws -> [AwkStatement] {
        try expect("{")
        var statements: [AwkStatement] = []
        skipTerminators()
        while !isPunct("}") {
            if current == .end { throw AwkError(message: "missing } near end of file") }
            statements.append(contentsOf: try statement())
            skipTerminators()
        }
        advance()
        return statements
    }

    mutating func statement() throws -> [AwkStatement] {
        switch current {
        case .punct("{"): return try block()
        case .name("print"), .name("printf"):
            let isPrintf = current == .name("printf")
            advance()
            var exprs: [AwkExpr] = []
            noGreater = true
            if !(current == .newline || isPunct(";") || isPunct("}") || isPunct(">") || current == .end) {
                exprs.append(try expression())
                while isPunct(",") { advance(); exprs.append(try expression()) }
            }
            noGreater = false
            var target: AwkExpr?
            if isPunct(">") || isPunct(">>") { advance(); target = try concatenation() }
            return [isPrintf ? .printf(exprs, target) : .print(exprs, target)]
        case .name("next"): advance(); return [.next]
        case .name("exit"): advance(); return [.exit]
        case .name("if"):
            advance()
            try expect("(")
            let condition = try expression()
            try expect(")")
            skipNewlines()
            let then = try statement()
            var otherwise: [AwkStatement] = []
            let save = index
            skipTerminators()
            if current == .name("else") { advance(); skipNewlines(); otherwise = try statement() } else { index = save }
            return [.ifElse(condition, then, otherwise)]
        default:
            return [.expression(try expression())]
        }
    }

    mutating func skipNewlines() { while current == .newline { advance() } }

    mutating func expression() throws -> AwkExpr {
        let lhs = try orExpression()
        if case .punct(let p) = current, ["=", "+=", "-=", "*=", "/="].contains(p) {
            switch lhs {
            case .variable, .field:
                advance()
                return .assign(lhs, String(p.dropLast()), try expression())
            default: break
            }
        }
        return lhs
    }

    mutating func orExpression() throws -> AwkExpr {
        var e = try andExpression()
        while isPunct("||") { advance(); skipNewlines(); e = .binary("||", e, try andExpression()) }
        return e
    }

    mutating func andExpression() throws -> AwkExpr {
        var e = try matchExpression()
        while isPunct("&&") { advance(); skipNewlines(); e = .binary("&&", e, try matchExpression()) }
        return e
    }

    mutating func matchExpression() throws -> AwkExpr {
        var e = try comparison()
        while isPunct("~") || isPunct("!~") {
            let negated = isPunct("!~")
            advance()
            e = .match(e, try comparison(), negated: negated)
        }
        return e
    }

    mutating func comparison() throws -> AwkExpr {
        let e = try concatenation()
        if case .punct(let p) = current, ["<", "<=", "==", "!=", ">=", ">"].contains(p), !(noGreater && p == ">") {
            advance()
            return .binary(p, e, try concatenation())
        }
        return e
    }

    mutating func concatenation() throws -> AwkExpr {
        var e = try additive()
        while true {
            switch current {
            case .number, .string, .name, .punct("$"), .punct("("), .punct("!"), .punct("++"), .punct("--"):
                if case .name(let n) = current, ["in", "else"].contains(n) { return e }
                e = .binary("concat", e, try additive())
            default: return e
            }
        }
    }

    mutating func additive() throws -> AwkExpr {
        var e = try multiplicative()
        while isPunct("+") || isPunct("-") {
            let op = isPunct("+") ? "+" : "-"
            advance()
            e = .binary(op, e, try multiplicative())
        }
        return e
    }

    mutating func multiplicative() throws -> AwkExpr {
        var e = try unary()
        while isPunct("*") || isPunct("/") || isPunct("%") {
            guard case .punct(let op) = current else { break }
            advance()
            e = .binary(op, e, try unary())
        }
        return e
    }

    mutating func unary() throws -> AwkExpr {
        if isPunct("!") { advance(); return .not(try unary()) }
        if isPunct("-") { advance(); return .negate(try unary()) }
        if isPunct("+") { advance(); return .binary("+", .number(0), try unary()) }
        if isPunct("++") || isPunct("--") {
            let delta: Double = isPunct("++") ? 1 : -1
            advance()
            return .increment(try primary(), delta, prefix: true)
        }
        let e = try primary()
        if isPunct("++") || isPunct("--") {
            let delta: Double = isPunct("++") ? 1 : -1
            advance()
            return .increment(e, delta, prefix: false)
        }
        return e
    }

    mutating func primary() throws -> AwkExpr {
        let t = current
        switch t {
        case .number(let d): advance(); return .number(d)
        case .string(let s): advance(); return .string(s)
        case .regex(let r): advance(); return .regex(r)
        case .punct("$"):
            advance()
            return .field(try primary())
        case .punct("("):
            advance()
            let saved = noGreater
            noGreater = false
            let e = try expression()
            noGreater = saved
            try expect(")")
            return e
        case .name(let name):
            advance()
            if isPunct("(") {
                advance()
                var args: [AwkExpr] = []
                if !isPunct(")") {
                    args.append(try expression())
                    while isPunct(",") { advance(); args.append(try expression()) }
                }
                try expect(")")
                return .call(name, args)
            }
            if name == "length" { return .call("length", []) }
            return .variable(name)
        default:
            throw AwkError(message: "syntax error at or near \(describe(t))")
        }
    }
}
