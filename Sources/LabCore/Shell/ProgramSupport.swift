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

    /// The contents of the files named (or stdin for none or `-`), reporting errors as
    /// `program: NAME: …`; returns the texts that could be read and whether any failed.
    func readInputs(_ operands: [String], program: String, lab: Lab) -> (texts: [(String, String)], failed: Bool) {
        if operands.isEmpty { return ([("-", stdin)], false) }
        var texts: [(String, String)] = []
        var failed = false
        for name in operands {
            if name == "-" { texts.append((name, stdin)); continue }
            let path = resolve(name)
            switch lab.machine.files.node(at: path) {
            case .file(let text)?: texts.append((name, text))
            case .directory?:
                writeError("\(program): \(name): Is a directory\n")
                failed = true
            case nil:
                writeError("\(program): \(name): No such file or directory\n")
                failed = true
            }
        }
        return (texts, failed)
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
