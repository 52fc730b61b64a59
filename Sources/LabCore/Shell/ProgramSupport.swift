/// Option parsing shared by the simulated coreutils: short flags (clustered), flags taking a
/// value (`-n 5` or `-n5`), a few long options, `--` and GNU's messages for bad options.
struct CommandOptions {
    /// Flags seen (value-less short options, and long options mapped to a short letter).
    var flags: Set<Character> = []
    /// Values of options that take one.
    var values: [Character: String] = [:]
    /// Everything that is not an option.
    var operands: [String] = []
    /// The first unknown option letter, if any.
    var invalid: String?
    /// An option that needs a value but has none.
    var missingValue: Character?

    init(_ arguments: ArraySlice<String>, flags allowed: String, values valued: String = "",
         long: [String: Character] = [:], numericShorthand: Character? = nil) {
        var i = arguments.startIndex
        var onlyOperands = false
        while i < arguments.endIndex {
            let arg = arguments[i]
            i += 1
            if onlyOperands || arg == "-" || !arg.hasPrefix("-") {
                operands.append(arg)
                continue
            }
            if arg == "--" { onlyOperands = true; continue }
            if arg.hasPrefix("--") {
                let body = arg.dropFirst(2)
                let name = body.split(separator: "=", maxSplits: 1).first.map(String.init) ?? ""
                if let letter = long[name] {
                    if valued.contains(letter) {
                        if let eq = body.firstIndex(of: "=") { values[letter] = String(body[body.index(after: eq)...]) }
                        else if i < arguments.endIndex { values[letter] = arguments[i]; i += 1 }
                        else { missingValue = letter }
                    } else {
                        flags.insert(letter)
                    }
                } else if invalid == nil {
                    invalid = arg
                }
                continue
            }
            let letters = Array(arg.dropFirst())
            if let shorthand = numericShorthand, letters.allSatisfy({ $0.isASCII && $0.isNumber }) {
                values[shorthand] = String(letters)
                continue
            }
            var j = 0
            while j < letters.count {
                let c = letters[j]
                if valued.contains(c) {
                    let rest = String(letters[(j + 1)...])
                    if !rest.isEmpty { values[c] = rest }
                    else if i < arguments.endIndex { values[c] = arguments[i]; i += 1 }
                    else { missingValue = c }
                    break
                }
                if allowed.contains(c) { flags.insert(c) } else if invalid == nil { invalid = String(c) }
                j += 1
            }
        }
    }

    /// Prints GNU's complaint about a bad option and returns true when there was one.
    func reportInvalid(_ program: String, _ process: ProcessContext) -> Bool {
        if let invalid {
            if invalid.hasPrefix("--") {
                process.writeError("\(program): unrecognized option '\(invalid)'\n")
            } else {
                process.writeError("\(program): invalid option -- '\(invalid)'\n")
            }
            process.writeError("Try '\(program) --help' for more information.\n")
            return true
        }
        if let missingValue {
            process.writeError("\(program): option requires an argument -- '\(missingValue)'\n")
            process.writeError("Try '\(program) --help' for more information.\n")
            return true
        }
        return false
    }
}

/// Small helpers for programs.
extension ProcessContext {
    /// GNU's "missing operand" complaint.
    func missingOperand(_ program: String, _ what: String = "missing operand") {
        writeError("\(program): \(what)\nTry '\(program) --help' for more information.\n")
    }

    /// How a program words a file it cannot read (they differ across coreutils).
    enum InputErrors {
        /// `cat: 'a b': No such file or directory` (cat, wc, cut, awk, sed…).
        case standard
        /// `grep: a b: No such file or directory` (grep never quotes).
        case unquoted
        /// `head: cannot open 'x' for reading: …` and `head: error reading 'd': Is a directory`.
        case cannotOpen
        /// `sort: cannot read: x: …` and `sort: read failed: d: Is a directory`.
        case sort
        /// `uniq: x: …` and `uniq: error reading 'd'`.
        case uniq
    }

    /// The contents of the files named (or stdin for none or `-`), reporting errors as the
    /// program does; returns the texts that could be read and whether any failed.
    func readInputs(_ operands: [String], program: String, lab: Lab, errors: InputErrors = .standard)
        -> (texts: [(String, String)], failed: Bool) {
        if operands.isEmpty { return ([("-", stdin)], false) }
        var texts: [(String, String)] = []
        var failed = false
        for name in operands {
            if name == "-" { texts.append((name, stdin)); continue }
            let path = resolve(name)
            let shown = errors == .unquoted ? name : Self.quoteIfNeeded(name)
            switch lab.machine.files.node(at: path) {
            case .file(let text)?: texts.append((name, text))
            case .directory?:
                switch errors {
                case .cannotOpen: writeError("\(program): error reading \(Self.quoted(name)): Is a directory\n")
                case .sort: writeError("sort: read failed: \(shown): Is a directory\n")
                case .uniq: writeError("uniq: error reading \(Self.quoted(name))\n")
                default: writeError("\(program): \(shown): Is a directory\n")
                }
                failed = true
            case nil:
                switch errors {
                case .cannotOpen: writeError("\(program): cannot open \(Self.quoted(name)) for reading: No such file or directory\n")
                case .sort: writeError("sort: cannot read: \(shown): No such file or directory\n")
                default: writeError("\(program): \(shown): No such file or directory\n")
                }
                failed = true
            }
        }
        return (texts, failed)
    }

    /// A file name as GNU coreutils quote it in messages when it has shell-special characters.
    static func quoteIfNeeded(_ name: String) -> String {
        let safe = !name.isEmpty && name.utf8.allSatisfy { b in
            ShellBytes.isNameChar(b) || b == 0x2D || b == 0x2E || b == 0x2F || b == 0x3A || b == 0x2C || b == 0x2B
                || b == 0x40 || b == 0x25 || b == 0x3D || b == 0x5E || b >= 0x80
        }
        return safe ? name : quoted(name)
    }

    /// A file name always quoted, as in `cannot access 'x'`.
    static func quoted(_ name: String) -> String {
        if !name.contains("'") { return "'" + name + "'" }
        if !name.contains(where: { $0 == "\"" || $0 == "$" || $0 == "`" || $0 == "\\" }) { return "\"" + name + "\"" }
        return "'" + name.replacingSingleQuotes() + "'"
    }
}

fileprivate extension String {
    func replacingSingleQuotes() -> String {
        var out = ""
        for ch in self { if ch == "'" { out += "'\\''" } else { out.append(ch) } }
        return out
    }
}

/// Splits text into lines without their newlines (a final newline does not add an empty line).
func splitLines(_ text: String) -> [Substring] {
    if text.isEmpty { return [] }
    var lines = text.split(separator: "\n", omittingEmptySubsequences: false)
    if text.hasSuffix("\n") { lines.removeLast() }
    return lines
}

/// A simulated program defined by a closure (keeps the coreutils compact).
struct ClosureProgram: SimulatedProgram {
    let body: @Sendable (inout ProcessContext, inout Lab) -> Int32
    init(_ body: @escaping @Sendable (inout ProcessContext, inout Lab) -> Int32) { self.body = body }
    func run(_ process: inout ProcessContext, lab: inout Lab) -> Int32 { body(&process, &lab) }
}
