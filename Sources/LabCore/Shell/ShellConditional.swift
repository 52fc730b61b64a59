/// Evaluates `[[ … ]]`: `&&`, `||`, `!`, parentheses, file and string tests, `==`/`!=` with
/// glob patterns, `=~` with extended regular expressions, and integer comparisons.
struct ConditionalEvaluator {
    var words: ArraySlice<ShellWord>
    let interpreter: ShellInterpreter
    let io: ShellIO
    /// `!` and parentheses nested so far: past 200 the rest is not evaluated (no deeper stack).
    var depth = 0

    init(words: ArraySlice<ShellWord>, interpreter: ShellInterpreter, io: ShellIO) {
        self.words = words
        self.interpreter = interpreter
        self.io = io
    }

    static let binary: Set<String> = ["==", "=", "!=", "=~", "<", ">", "-eq", "-ne", "-lt", "-le", "-gt", "-ge", "-nt", "-ot"]

    mutating func evaluate(lab: inout Lab) throws -> Bool {
        let value = try disjunction(&lab)
        return value
    }

    func op(_ offset: Int = 0) -> String? {
        let i = words.startIndex + offset
        return i < words.endIndex ? words[i].plainText : nil
    }

    mutating func disjunction(_ lab: inout Lab) throws -> Bool {
        var value = try conjunction(&lab)
        while op() == "||" { words = words.dropFirst(); let r = try conjunction(&lab); value = value || r }
        return value
    }

    mutating func conjunction(_ lab: inout Lab) throws -> Bool {
        var value = try unary(&lab)
        while op() == "&&" { words = words.dropFirst(); let r = try unary(&lab); value = value && r }
        return value
    }

    mutating func unary(_ lab: inout Lab) throws -> Bool {
        depth += 1
        defer { depth -= 1 }
        if depth > 200 { return false }
        if op() == "!" { words = words.dropFirst(); return !(try unary(&lab)) }
        if op() == "(" {
            words = words.dropFirst()
            let v = try disjunction(&lab)
            if op() == ")" { words = words.dropFirst() }
            return v
        }
        guard let first = words.first else { return false }
        if let o = op(1), Self.binary.contains(o), words.count >= 3 {
            let lhs = try interpreter.expandString(first, io: io, lab: &lab)
            let rhsWord = words[words.startIndex + 2]
            words = words.dropFirst(3)
            switch o {
            case "==", "=", "!=":
                let pattern = try interpreter.expandPattern(rhsWord, io: io, lab: &lab)
                let matched = ShellGlob.match(Array(pattern.utf8), Array(lhs.utf8))
                return o == "!=" ? !matched : matched
            case "=~":
                let rhs = try interpreter.expandString(rhsWord, io: io, lab: &lab)
                guard let matcher = LineMatcher(rhs, extended: true, fixed: false, ignoreCase: false, word: false, line: false) else {
                    return false
                }
                return matcher.matches(Substring(lhs))
            case "<": return lhs.utf8.lexicographicallyPrecedes(try interpreter.expandString(rhsWord, io: io, lab: &lab).utf8)
            case ">": return try interpreter.expandString(rhsWord, io: io, lab: &lab).utf8.lexicographicallyPrecedes(lhs.utf8)
            case "-nt", "-ot": return false
            default:
                let rhs = try interpreter.expandString(rhsWord, io: io, lab: &lab)
                let l = Int(lhs.trimmingCharacters()) ?? 0, r = Int(rhs.trimmingCharacters()) ?? 0
                switch o {
                case "-eq": return l == r
                case "-ne": return l != r
                case "-lt": return l < r
                case "-le": return l <= r
                case "-gt": return l > r
                default: return l >= r
                }
            }
        }
        if let o = op(), o.count == 2, o.hasPrefix("-"), words.count >= 2 {
            let operand = try interpreter.expandString(words[words.startIndex + 1], io: io, lab: &lab)
            words = words.dropFirst(2)
            let node = lab.machine.files.node(at: VirtualFileSystem.normalise(operand, cwd: lab.machine.shell.workingDirectory))
            switch o {
            case "-z": return operand.isEmpty
            case "-n": return !operand.isEmpty
            case "-e", "-a", "-r", "-w": return node != nil
            case "-f": if case .file? = node { return true } else { return false }
            case "-d", "-x": return node == .directory
            case "-s": if case .file(let t)? = node { return !t.isEmpty } else { return node == .directory }
            case "-v": return lab.machine.shell.variables[operand] != nil
            default: return false
            }
        }
        words = words.dropFirst()
        return !(try interpreter.expandString(first, io: io, lab: &lab)).isEmpty
    }
}

fileprivate extension String {
    func trimmingCharacters() -> String {
        String(drop { $0 == " " }.reversed().drop { $0 == " " }.reversed())
    }
}

extension ShellInterpreter {
    /// A word as a glob pattern: quoted parts match literally, unquoted text and expansions as patterns.
    func expandPattern(_ word: ShellWord, io: ShellIO, lab: inout Lab) throws -> String {
        if let text = word.plainText { return text }
        var out = ""
        for part in word.parts {
            var quoted = false
            let text: String
            switch part {
            case .literal(let t, let q): text = t; quoted = q
            case .parameter(_, let q), .commandSubstitution(_, let q), .backquote(_, let q), .arithmetic(_, let q):
                text = try expandPart(part, io: io, lab: &lab); quoted = q
            case .tilde: text = try expandPart(part, io: io, lab: &lab); quoted = true
            }
            if quoted {
                for ch in text.unicodeScalars {
                    if ch == "*" || ch == "?" || ch == "[" || ch == "\\" { out.unicodeScalars.append("\\") }
                    out.unicodeScalars.append(ch)
                }
            } else {
                out += text
            }
        }
        return out
    }
}
