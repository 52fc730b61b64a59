/// An error found while expanding a word (bash reports it and the command fails with status 1).
struct ShellExpansionError: Error {
    let message: String
    /// The status the command (and a non-interactive shell) ends with.
    var status: Int32 = 1
}

/// Builds the fields of one or more words: splitting of unquoted expansions, globbing, quote removal.
struct FieldBuilder {
    var fields: [String] = []
    var current = ""
    /// `current` as a glob pattern: quoted pattern characters are escaped.
    var pattern = ""
    var hasGlob = false
    var started = false

    mutating func appendQuoted(_ s: String) {
        started = true
        current += s
        for ch in s.unicodeScalars {
            if ch == "*" || ch == "?" || ch == "[" || ch == "\\" { pattern.unicodeScalars.append("\\") }
            pattern.unicodeScalars.append(ch)
        }
    }

    mutating func appendUnquoted(_ s: String) {
        started = true
        current += s
        pattern += s
        if !hasGlob { hasGlob = Self.hasPatternCharacter(s) }
    }

    /// Whether `s` has `*`, `?` or `[` (scanned over its contiguous bytes where it has them:
    /// the UTF-8 view's own iterator costs several times more per byte on these short words).
    static func hasPatternCharacter(_ s: String) -> Bool {
        let isPattern: (UInt8) -> Bool = { $0 == 0x2A || $0 == 0x3F || $0 == 0x5B }
        return s.utf8.withContiguousStorageIfAvailable { $0.contains(where: isPattern) } ?? s.utf8.contains(where: isPattern)
    }

    /// Appends an unquoted expansion's value, split on blanks and newlines.
    mutating func appendSplitting(_ s: String, glob: (String) -> [String]) {
        if s.isEmpty { return }
        let isBlank: (UInt8) -> Bool = { $0 == 0x20 || $0 == 0x09 || $0 == 0x0A }
        let pieces = s.utf8.split(whereSeparator: isBlank)
        if pieces.isEmpty { end(glob: glob); return }
        let leading = isBlank(s.utf8.first!)
        for (i, piece) in pieces.enumerated() {
            if i > 0 || leading { end(glob: glob) }
            appendUnquoted(String(Substring(piece)))
        }
        if isBlank(s.utf8.last!) { end(glob: glob) }
    }

    /// Ends the current field (if one was started).
    mutating func end(glob: (String) -> [String]) {
        if started {
            if hasGlob {
                let matches = glob(pattern)
                if matches.isEmpty { fields.append(current) } else { fields.append(contentsOf: matches) }
            } else {
                fields.append(current)
            }
        }
        current = ""
        pattern = ""
        hasGlob = false
        started = false
    }
}

extension ShellInterpreter {
    /// Expands command words into fields.
    func expandFields(_ input: [ShellWord], io: ShellIO, lab: inout Lab) throws -> [String] {
        if let fields = Self.inertFields(input) { return fields }
        var words = input
        if input.contains(where: Self.hasBraces) { words = input.flatMap(Self.braceExpand) }
        var builder = FieldBuilder()
        builder.fields.reserveCapacity(words.count)
        let cwd = lab.machine.shell.workingDirectory
        let files = lab.machine.files
        let glob: (String) -> [String] = { ShellGlob.expand($0, cwd: cwd, files: files) }
        for word in words {
            if let text = word.plainText {
                if !FieldBuilder.hasPatternCharacter(text) {
                    builder.fields.append(text)
                    continue
                }
            } else if word.parts.count == 1, case .literal(let text, let quoted) = word.parts[0] {
                if quoted { builder.fields.append(text); continue }
                if !FieldBuilder.hasPatternCharacter(text) {
                    builder.fields.append(text)
                    continue
                }
            }
            for part in word.parts {
                switch part {
                case .literal(let text, let quoted):
                    if quoted { builder.appendQuoted(text) } else { builder.appendUnquoted(text) }
                case .tilde:
                    builder.appendQuoted(lab.machine.shell.variables["HOME"] ?? "/root")
                case .parameter(let p, let quoted):
                    if p.name == "@" && p.op == .plain {
                        for (i, value) in positional.enumerated() {
                            if i > 0 { builder.end(glob: glob) }
                            if quoted { builder.appendQuoted(value) } else { builder.appendSplitting(value, glob: glob) }
                        }
                        continue
                    }
                    let value = try parameterValue(p, io: io, lab: &lab)
                    if quoted { builder.appendQuoted(value) } else { builder.appendSplitting(value, glob: glob) }
                case .commandSubstitution, .backquote, .arithmetic:
                    let value = try expandPart(part, io: io, lab: &lab)
                    if case .commandSubstitution(_, true) = part { builder.appendQuoted(value) }
                    else if case .backquote(_, true) = part { builder.appendQuoted(value) }
                    else if case .arithmetic(_, true) = part { builder.appendQuoted(value) }
                    else { builder.appendSplitting(value, glob: glob) }
                }
                if stopped { return [] }
            }
            builder.end(glob: glob)
        }
        return builder.fields
    }

    /// The commonest words: plain unquoted text with no brace expansion (`{` before a `}`) and no
    /// glob character. When every word is one, the fields are the words themselves (what the
    /// general expansion gives them), found with one scan of each; nil otherwise.
    static func inertFields(_ words: [ShellWord]) -> [String]? {
        var fields: [String] = []
        fields.reserveCapacity(words.count)
        for word in words {
            guard let text = word.plainText else { return nil }
            var bytes = text
            guard bytes.withUTF8(isInert) else { return nil }
            fields.append(text)
        }
        return fields
    }

    /// Whether a plain word's bytes stay as they are: no glob character (`*`, `?`, `[`) and no
    /// `{` followed later by `}`.
    static func isInert(_ b: UnsafeBufferPointer<UInt8>) -> Bool {
        var open = false
        for c in b {
            if c == 0x2A || c == 0x3F || c == 0x5B { return false }
            if c == ShellBytes.lbrace { open = true } else if c == ShellBytes.rbrace && open { return false }
        }
        return true
    }

    static func hasBraces(_ word: ShellWord) -> Bool {
        if let text = word.plainText { return BraceExpansion.mayExpand(text) }
        return word.parts.contains {
            if case .literal(let text, false) = $0 { return text.utf8.contains(ShellBytes.lbrace) }
            return false
        }
    }

    /// The words a word's brace expansions (in its unquoted literal parts) produce.
    static func braceExpand(_ word: ShellWord) -> [ShellWord] {
        if let text = word.plainText {
            return BraceExpansion.expand(text).map { ShellWord(plain: $0) }
        }
        var results: [[ShellWordPart]] = [[]]
        for part in word.parts {
            if case .literal(let text, false) = part, BraceExpansion.mayExpand(text) {
                let alternatives = BraceExpansion.expand(text)
                results = results.flatMap { prefix in alternatives.map { prefix + [.literal($0, quoted: false)] } }
                if results.count > BraceExpansion.limit { results = Array(results.prefix(BraceExpansion.limit)) }
            } else {
                for i in results.indices { results[i].append(part) }
            }
        }
        return results.map { ShellWord(parts: $0) }
    }

    /// Expands a word to one string, without splitting or globbing (assignments, redirections,
    /// here-documents).
    func expandString(_ word: ShellWord, io: ShellIO, lab: inout Lab) throws -> String {
        if let text = word.plainText { return text }
        if word.parts.count == 1, case .literal(let text, _) = word.parts[0] { return text }
        var out = ""
        for part in word.parts {
            switch part {
            case .literal(let text, _): out += text
            default: out += try expandPart(part, io: io, lab: &lab)
            }
        }
        return out
    }

    func expandPart(_ part: ShellWordPart, io: ShellIO, lab: inout Lab) throws -> String {
        switch part {
        case .literal(let text, _): return text
        case .tilde: return lab.machine.shell.variables["HOME"] ?? "/root"
        case .parameter(let p, _): return try parameterValue(p, io: io, lab: &lab)
        case .commandSubstitution(let list, _):
            return substitute(io: io, lab: &lab) { interpreter, sub, lab in interpreter.execute(list, io: sub, lab: &lab) }
        case .backquote(let script, _):
            return substitute(io: io, lab: &lab) { interpreter, sub, lab in
                let saved = interpreter.hereDocuments
                interpreter.hereDocuments = script.hereDocuments
                var status = lab.machine.shell.lastStatus
                for list in script.commands where !interpreter.stopped { status = interpreter.execute(list, io: sub, lab: &lab) }
                interpreter.hereDocuments = saved
                return status
            }
        case .arithmetic(let text, _):
            var evaluator = ShellArithmetic(text: text, variables: lab.machine.shell.variables)
            guard let value = evaluator.evaluate() else {
                throw ShellExpansionError(message: "\(text): syntax error in expression")
            }
            return String(value)
        }
    }

    /// Runs a command substitution in a copy of the shell state and returns its output
    /// without trailing newlines.
    func substitute(io: ShellIO, lab: inout Lab,
                    _ body: (ShellInterpreter, ShellIO, inout Lab) -> Int32) -> String {
        guard enterNested() else { return "" }
        let out = OutputTarget(.buffer, run: run)
        let saved = lab.machine.shell
        let savedExit = exitStatus
        let savedLine = currentLine
        exitStatus = nil
        var status = body(self, ShellIO(stdin: ShellInput(""), stdout: out, stderr: io.stderr), &lab)
        if let code = exitStatus { status = code }
        exitStatus = savedExit
        currentLine = savedLine
        lab.machine.shell = saved
        lab.machine.shell.lastStatus = status
        substitutionStatus = status
        depth -= 1
        var text = out.text
        while text.utf8.last == ShellBytes.newline { text.removeLast() }
        return text
    }

    /// The value of `$NAME`, `${NAME:-word}`, `$?`…
    func parameterValue(_ p: ShellParameter, io: ShellIO, lab: inout Lab) throws -> String {
        let value: String?
        switch p.name {
        case "?": value = String(lab.machine.shell.lastStatus)
        case "$": value = "4242"
        case "#": value = String(positional.count)
        case "0": value = scriptName
        case "@", "*": value = positional.isEmpty ? nil : positional.joined(separator: " ")
        case "!": value = nil
        case "-": value = options.dashFlags + (origin == .commandString && !childShell ? "c" : "")
        case "RANDOM" where lab.machine.shell.variables["RANDOM"] == nil:
            value = String(lab.ids.next() % 32768)
        case "UID" where lab.machine.shell.variables["UID"] == nil, "EUID" where lab.machine.shell.variables["EUID"] == nil:
            value = "0"
        default:
            if let first = p.name.utf8.first, ShellBytes.isDigit(first), let n = Int(p.name) {
                value = n >= 1 && n <= positional.count ? positional[n - 1] : nil
            } else {
                value = lab.machine.shell.variables[p.name]
            }
        }
        switch p.op {
        case .plain:
            if value == nil && options.nounset && p.name != "@" && p.name != "*" {
                throw ShellExpansionError(message: "\(p.name): unbound variable", status: 127)
            }
            return value ?? ""
        case .length: return String((value ?? "").count)
        case .defaultValue(let word, let colon):
            if value == nil || (colon && value == "") { return try expandString(word, io: io, lab: &lab) }
            return value ?? ""
        case .assignDefault(let word, let colon):
            if value == nil || (colon && value == "") {
                let v = try expandString(word, io: io, lab: &lab)
                lab.machine.shell.variables[p.name] = v
                return v
            }
            return value ?? ""
        case .alternative(let word, let colon):
            if value == nil || (colon && value == "") { return "" }
            return try expandString(word, io: io, lab: &lab)
        case .bad(let text):
            throw ShellExpansionError(message: "\(text): bad substitution")
        }
    }
}
