/// A small awk: rules with BEGIN/END, regex and expression patterns; print, printf,
/// assignments and `next`; fields, NR, NF, FS, OFS; arithmetic, comparison, `~`, string
/// concatenation and a few functions (length, substr, index, toupper, tolower, int).
/// Enough for `docker ps | awk 'NR>1 {print $1}'` and friends.
enum Awk {
    static let program = ClosureProgram(run)

    static func run(_ p: inout ProcessContext, _ lab: inout Lab) -> Int32 {
        var args = Array(p.arguments.dropFirst())[...]
        var machine = AwkMachine()
        while let a = args.first, a.hasPrefix("-"), a.count > 1 {
            args = args.dropFirst()
            if a == "--" { break }
            if a.hasPrefix("-F") {
                var fs = a.count > 2 ? String(a.dropFirst(2)) : (args.popFirst() ?? " ")
                if fs == "\\t" || fs == "t" { fs = "\t" }
                machine.variables["FS"] = .string(fs)
            } else if a.hasPrefix("-v") {
                let assignment = a.count > 2 ? String(a.dropFirst(2)) : (args.popFirst() ?? "")
                if let eq = assignment.firstIndex(of: "=") {
                    machine.variables[String(assignment[..<eq])] = .strnum(String(assignment[assignment.index(after: eq)...]))
                }
            } else {
                p.writeError("awk: not an option: \(a)\n")
                return 2
            }
        }
        guard let source = args.popFirst() else {
            p.writeError("usage: awk [-F value] [-v var=value] [--] 'program text' [file ...]\n")
            return 2
        }
        var parser = AwkParser(source)
        let rules: [AwkRule]
        do { rules = try parser.parseProgram() } catch let error as AwkError {
            p.writeError("awk: line 1: \(error.message)\n")
            return 2
        } catch { return 2 }
        let (texts, failed) = p.readInputs(Array(args), program: "awk", lab: lab)
        do {
            try machine.run(rules, inputs: texts)
        } catch let error as AwkError {
            p.write(machine.output)
            p.writeError("awk: run time error: \(error.message)\n")
            return 2
        } catch { return 2 }
        p.write(machine.output)
        for (path, text) in machine.files {
            try? lab.machine.files.write(text, to: p.resolve(path))
        }
        return failed ? 2 : 0
    }
}

/// An awk failure (syntax or run time).
struct AwkError: Error { let message: String }

/// An awk value: a number, a string, or input text that compares as a number when it looks like one.
enum AwkValue {
    case number(Double)
    case string(String)
    case strnum(String)

    var text: String {
        switch self {
        case .number(let d): return AwkValue.format(d)
        case .string(let s), .strnum(let s): return s
        }
    }

    var number: Double {
        switch self {
        case .number(let d): return d
        case .string(let s), .strnum(let s): return AwkValue.leadingNumber(s)
        }
    }

    var truth: Bool {
        switch self {
        case .number(let d): return d != 0
        case .string(let s): return !s.isEmpty
        case .strnum(let s): return AwkValue.looksNumeric(s) ? AwkValue.leadingNumber(s) != 0 : !s.isEmpty
        }
    }

    /// Whether comparisons treat it as a number.
    var isNumeric: Bool {
        switch self {
        case .number: return true
        case .string: return false
        case .strnum(let s): return AwkValue.looksNumeric(s)
        }
    }

    static func looksNumeric(_ s: String) -> Bool {
        let t = s.trimmingBlanks()
        return !t.isEmpty && Double(t) != nil
    }

    static func leadingNumber(_ s: String) -> Double {
        let t = s.trimmingBlanks()
        if let d = Double(t) { return d }
        var end = t.startIndex
        var seenDigit = false
        if end < t.endIndex && (t[end] == "-" || t[end] == "+") { end = t.index(after: end) }
        while end < t.endIndex && (t[end].isNumber || t[end] == ".") { seenDigit = true; end = t.index(after: end) }
        return seenDigit ? Double(t[..<end]) ?? 0 : 0
    }

    /// A number as an Int, clamped (NaN is 0), for indexes and %d.
    static func int(_ d: Double) -> Int {
        if d.isNaN { return 0 }
        if d >= 9.2e18 { return Int.max / 2 }
        if d <= -9.2e18 { return Int.min / 2 }
        return Int(d)
    }

    /// Numbers print as integers when whole, else with six significant digits (%.6g).
    static func format(_ d: Double) -> String {
        if !d.isFinite { return d.isNaN ? "nan" : (d < 0 ? "-inf" : "inf") }
        if d == d.rounded() && abs(d) < 1e16 { return String(Int(d)) }
        var digits = 0
        var magnitude = abs(d)
        while magnitude >= 10 { magnitude /= 10; digits += 1 }
        let decimals = max(0, 5 - digits)
        var text = MiscPrograms.formatFixed(d, precision: decimals)
        if text.contains(".") {
            while text.hasSuffix("0") { text.removeLast() }
            if text.hasSuffix(".") { text.removeLast() }
        }
        return text
    }
}

fileprivate extension String {
    func trimmingBlanks() -> Substring {
        let t = drop { $0 == " " || $0 == "\t" || $0 == "\n" }
        var end = t.endIndex
        while end > t.startIndex, [" ", "\t", "\n"].contains(t[t.index(before: end)]) { end = t.index(before: end) }
        return t[..<end]
    }
}

/// The state of a running awk program.
struct AwkMachine {
    var variables: [String: AwkValue] = ["FS": .string(" "), "OFS": .string(" "), "ORS": .string("\n"), "NR": .number(0), "NF": .number(0)]
    var fields: [String] = [""]
    var output = ""
    var files: [String: String] = [:]
    var steps = 0

    mutating func setRecord(_ line: String) {
        let fs = variables["FS"]?.text ?? " "
        var parts: [String]
        if fs == " " {
            parts = line.split(whereSeparator: { $0 == " " || $0 == "\t" }).map(String.init)
        } else if fs.count == 1 {
            parts = line.isEmpty ? [] : line.split(separator: fs.first!, omittingEmptySubsequences: false).map(String.init)
        } else {
            parts = line.isEmpty ? [] : line.awkSplit(fs)
        }
        fields = [line] + parts
        variables["NF"] = .number(Double(parts.count))
    }

    mutating func run(_ rules: [AwkRule], inputs: [(String, String)]) throws {
        for rule in rules where rule.kind == .begin { if try execute(rule.actions ?? []) == .exit { return } }
        let main = rules.filter { $0.kind == .main }
        var nr = 0
        if !main.isEmpty || rules.contains(where: { $0.kind == .end }) {
            records: for (name, text) in inputs {
                variables["FILENAME"] = .string(name == "-" ? "" : name)
                for line in splitLines(text) {
                    nr += 1
                    variables["NR"] = .number(Double(nr))
                    setRecord(String(line))
                    for rule in main {
                        if let pattern = rule.pattern, !(try evaluate(pattern).truth) { continue }
                        let flow = try execute(rule.actions ?? [.print([], nil)])
                        if flow == .next { break }
                        if flow == .exit { break records }
                    }
                }
            }
        }
        for rule in rules where rule.kind == .end { if try execute(rule.actions ?? []) == .exit { return } }
    }

    enum Flow { case normal, next, exit }

    mutating func execute(_ statements: [AwkStatement]) throws -> Flow {
        for statement in statements {
            steps += 1
            if steps > 1_000_000 { throw AwkError(message: "too many steps") }
            switch statement {
            case .print(let exprs, let target):
                let ofs = variables["OFS"]?.text ?? " "
                let text = exprs.isEmpty ? fields[0] : try exprs.map { try evaluate($0).text }.joined(separator: ofs)
                try emit(text + (variables["ORS"]?.text ?? "\n"), to: target)
            case .printf(let exprs, let target):
                guard let first = exprs.first else { continue }
                let format = try evaluate(first).text
                let values = try exprs.dropFirst().map { try evaluate($0) }
                try emit(AwkMachine.printf(format, values), to: target)
            case .expression(let e):
                _ = try evaluate(e)
            case .next:
                return .next
            case .exit:
                return .exit
            case .ifElse(let condition, let then, let otherwise):
                let flow = try evaluate(condition).truth ? try execute(then) : try execute(otherwise)
                if flow != .normal { return flow }
            }
        }
        return .normal
    }

    mutating func emit(_ text: String, to target: AwkExpr?) throws {
        if let target { files[try evaluate(target).text, default: ""] += text } else { output += text }
    }

    static func printf(_ format: String, _ values: [AwkValue]) -> String {
        var out = ""
        var index = 0
        var chars = Array(format)[...]
        while let c = chars.popFirst() {
            if c == "\\", let n = chars.first {
                chars = chars.dropFirst()
                out += ["n": "\n", "t": "\t", "\\": "\\", "\"": "\""][n] ?? "\\" + String(n)
                continue
            }
            guard c == "%" else { out.append(c); continue }
            var spec = ""
            while let f = chars.first, "-+ #0123456789.".contains(f) { spec.append(f); chars = chars.dropFirst() }
            guard let conv = chars.popFirst() else { out += "%" + spec; break }
            if conv == "%" { out += "%"; continue }
            let value = index < values.count ? values[index] : .string("")
            index += 1
            switch conv {
            case "d", "i": out += MiscPrograms.pad(String(AwkValue.int(value.number)), spec: spec, numeric: true)
            case "f":
                var precision = 6
                if let dot = spec.firstIndex(of: ".") { precision = Int(spec[spec.index(after: dot)...]) ?? 0 }
                out += MiscPrograms.pad(MiscPrograms.formatFixed(value.number, precision: precision), spec: spec, numeric: true)
            case "c": out += MiscPrograms.pad(String(value.text.prefix(1)), spec: spec, numeric: false)
            case "x": out += MiscPrograms.pad(String(AwkValue.int(value.number), radix: 16), spec: spec, numeric: true)
            default: out += MiscPrograms.pad(value.text, spec: spec, numeric: false)
            }
        }
        return out
    }
}

fileprivate extension String {
    func awkSplit(_ separator: String) -> [String] {
        var parts: [String] = []
        var current = Substring(self)
        while let r = current.firstRange(of: separator) {
            parts.append(String(current[..<r.lowerBound]))
            current = current[r.upperBound...]
        }
        parts.append(String(current))
        return parts
    }
}
