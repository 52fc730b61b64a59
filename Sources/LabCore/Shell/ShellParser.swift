/// A recursive-descent parser for the bash subset the lab understands, scanning the source's
/// UTF-8 bytes directly. It can parse one complete command at a time (as bash does, so earlier
/// lines run before a later line's syntax error is reported) or a whole script.
struct ShellParser {
    let bytes: [UInt8]
    var pos = 0
    var line = 1
    /// Here-document bodies read so far.
    var hereDocuments: [ShellWord] = []
    /// Here-documents whose bodies start after the next newline.
    var pendingHereDocuments: [(index: Int, delimiter: [UInt8], quoted: Bool, strip: Bool, line: Int)] = []
    /// Warnings bash prints while parsing (here-documents ended by the end of the source), with their line.
    var warnings: [(line: Int, message: String)] = []
    /// Whether a here-document ran into the end of the source before its delimiter.
    var unterminatedHereDocument = false
    /// The next token when it has been peeked, with the line and offset it starts at.
    var peeked: (token: ShellToken, line: Int, start: Int)?
    /// Nesting of `$( … )` being scanned.
    var substitutionDepth = 0
    /// Commands being parsed inside one another (subshells, groups, substitutions, compounds).
    var nesting = 0
    /// The deepest nesting parsed: past it the source is refused as a syntax error, so no
    /// input can exhaust the stack (bash itself gives up on such input too).
    static let maxNesting = 200

    init(_ source: String) {
        bytes = Array(source.utf8)
    }

    init(bytes: [UInt8]) {
        self.bytes = bytes
    }

    /// The line bash reports for an unexpected end of file: the one after the last.
    var endOfFileLine: Int {
        var count = 0
        for b in bytes where b == ShellBytes.newline { count += 1 }
        return count + 1 + ((bytes.last ?? ShellBytes.newline) == ShellBytes.newline ? 0 : 1)
    }

    // MARK: Whole scripts

    /// Parses everything.
    mutating func parseScript() -> Result<ShellScript, ShellSyntaxError> {
        if pos == 0 {
            var fast = self
            if let script = fast.fastScript() { self = fast; return .success(script) }
        }
        var commands: [ShellList] = []
        do {
            while let list = try nextCompleteCommand() { commands.append(list) }
        } catch { return .failure(error) }
        return .success(ShellScript(commands: commands, hereDocuments: hereDocuments))
    }

    /// The next top-level command list (up to an unquoted newline), or nil at the end.
    mutating func nextCompleteCommand() throws(ShellSyntaxError) -> ShellList? {
        while true {
            let t = try peek()
            if case .newline = t.token { consume(); continue }
            if case .end = t.token { return nil }
            break
        }
        var items: [ShellAndOr] = []
        while true {
            items.append(try parseAndOr())
            let t = try peek()
            switch t.token {
            case .op(.semicolon), .op(.ampersand):
                consume()
                let n = try peek()
                switch n.token {
                case .newline: consume(); return ShellList(items: items)
                case .end: return ShellList(items: items)
                default: continue
                }
            case .newline: consume(); return ShellList(items: items)
            case .end: return ShellList(items: items)
            default: throw unexpected(t)
            }
        }
    }

    // MARK: Grammar

    /// A list inside `( … )` or `$( … )`, up to and including the closing parenthesis.
    mutating func parseParenthesisedList(substitution: Bool) throws(ShellSyntaxError) -> ShellList {
        var items: [ShellAndOr] = []
        while true {
            var t = try peek()
            while case .newline = t.token { consume(); t = try peek() }
            switch t.token {
            case .op(.rightParen):
                consume()
                if items.isEmpty && !substitution { throw unexpected(t) }
                return ShellList(items: items)
            case .end:
                throw ShellSyntaxError(kind: substitution ? .unmatched(")") : .unexpectedEndOfFile,
                                       line: endOfFileLine, lineText: "")
            default: break
            }
            items.append(try parseAndOr())
            let n = try peek()
            switch n.token {
            case .op(.semicolon), .op(.ampersand), .newline: consume()
            case .op(.rightParen): continue
            case .end: continue
            default: throw unexpected(n)
            }
        }
    }

    mutating func parseAndOr() throws(ShellSyntaxError) -> ShellAndOr {
        let first = try parsePipeline()
        var rest: [(ShellAndOr.Connector, ShellPipeline)] = []
        while true {
            let t = try peek()
            let connector: ShellAndOr.Connector
            switch t.token {
            case .op(.andIf): connector = .and
            case .op(.orIf): connector = .or
            default: return ShellAndOr(first: first, rest: rest)
            }
            consume()
            try skipNewlinesExpectingMore()
            rest.append((connector, try parsePipeline()))
        }
    }

    /// After `|`, `&&` or `||`: newlines are allowed, the end of the source is not.
    mutating func skipNewlinesExpectingMore() throws(ShellSyntaxError) {
        while true {
            let t = try peek()
            switch t.token {
            case .newline: consume()
            case .end: throw ShellSyntaxError(kind: .unexpectedEndOfFile, line: endOfFileLine, lineText: "")
            default: return
            }
        }
    }

    mutating func parsePipeline() throws(ShellSyntaxError) -> ShellPipeline {
        var negated = false
        let t = try peek()
        if case .word(let w, nil) = t.token, w.plainText == "!" {
            consume()
            negated = true
        }
        var commands = [try parseCommand()]
        while true {
            let p = try peek()
            guard case .op(.pipe) = p.token else { break }
            consume()
            try skipNewlinesExpectingMore()
            commands.append(try parseCommand())
        }
        return ShellPipeline(negated: negated, commands: commands)
    }

    mutating func parseCommand() throws(ShellSyntaxError) -> ShellCommandNode {
        nesting += 1
        defer { nesting -= 1 }
        let t = try peek()
        if nesting > Self.maxNesting {
            throw unexpected(t)
        }
        if case .word(let w, nil) = t.token, let keyword = w.plainText, keyword.utf8.count <= 5,
           let compound = try parseCompound(keyword, t) {
            return compound
        }
        if case .word(let w, nil) = t.token, let name = w.plainText, let definition = try parseFunction(name, t) {
            return definition
        }
        if case .op(.leftParen) = t.token {
            consume()
            let list = try parseParenthesisedList(substitution: false)
            var redirections: [ShellRedirection] = []
            while true {
                let r = try peek()
                guard case .redirect(let fd, let op) = r.token else { break }
                consume()
                redirections.append(try parseRedirection(fd, op))
            }
            return .subshell(list, redirections, line: t.line)
        }
        return .simple(try parseSimpleCommand())
    }

    mutating func parseSimpleCommand() throws(ShellSyntaxError) -> ShellSimpleCommand {
        var command = ShellSimpleCommand(assignments: [], words: [], redirections: [], line: try peek().line)
        command.words.reserveCapacity(8)
        loop: while true {
            let t = try peek()
            switch t.token {
            case .word(let word, let assignment):
                consume()
                if let name = assignment {
                    if command.words.isEmpty {
                        command.assignments.append((name, word))
                    } else {
                        command.words.append(ShellWord.joiningAssignment(name, word))
                    }
                } else {
                    command.words.append(word)
                }
            case .redirect(let fd, let op):
                consume()
                command.redirections.append(try parseRedirection(fd, op))
            case .op(.leftParen):
                if command.words.count == 1 && command.assignments.isEmpty && command.redirections.isEmpty {
                    consume()
                    throw unexpected(try peek())
                }
                throw unexpected(t)
            default:
                break loop
            }
        }
        if command.words.isEmpty && command.assignments.isEmpty && command.redirections.isEmpty {
            throw unexpected(try peek())
        }
        return command
    }

    mutating func parseRedirection(_ fd: Int, _ op: ShellRedirectOperator) throws(ShellSyntaxError) -> ShellRedirection {
        let t = try peek()
        guard case .word(var word, let assignment) = t.token else { throw unexpected(t) }
        consume()
        if let name = assignment { word = ShellWord.joiningAssignment(name, word) }
        switch op {
        case .input: return ShellRedirection(descriptor: fd, operation: .input, target: word)
        case .output: return ShellRedirection(descriptor: fd, operation: .output, target: word)
        case .append: return ShellRedirection(descriptor: fd, operation: .append, target: word)
        case .dupOutput: return ShellRedirection(descriptor: fd, operation: .duplicateOutput, target: word)
        case .dupInput: return ShellRedirection(descriptor: fd, operation: .duplicateInput, target: word)
        case .bothOutput: return ShellRedirection(descriptor: fd, operation: .bothOutput, target: word)
        case .bothAppend: return ShellRedirection(descriptor: fd, operation: .bothAppend, target: word)
        case .hereString: return ShellRedirection(descriptor: fd, operation: .hereString, target: word)
        case .readWrite: return ShellRedirection(descriptor: fd, operation: .readWrite, target: word)
        case .hereDoc, .hereDocStrip:
            var delimiter: [UInt8] = []
            var quoted = false
            for part in word.parts {
                switch part {
                case .literal(let text, let q): delimiter.append(contentsOf: text.utf8); quoted = quoted || q
                case .tilde: delimiter.append(ShellBytes.tilde)
                default: break
                }
            }
            let index = hereDocuments.count
            hereDocuments.append(ShellWord(parts: []))
            pendingHereDocuments.append((index, delimiter, quoted, op == .hereDocStrip, line))
            return ShellRedirection(descriptor: fd, operation: .hereDocument(index), target: word)
        }
    }

    // MARK: Tokens

    mutating func peek() throws(ShellSyntaxError) -> (token: ShellToken, line: Int, start: Int) {
        if let p = peeked { return p }
        let p = try lex()
        peeked = p
        return p
    }

    @inline(__always) mutating func consume() { peeked = nil }

    /// The syntax error for an unexpected token, repeating the token's line as bash does.
    func unexpected(_ t: (token: ShellToken, line: Int, start: Int)) -> ShellSyntaxError {
        let text: String
        switch t.token {
        case .newline, .end: text = "newline"
        case .op(let op): text = op.text
        case .redirect(_, let op):
            var e = t.start
            while e < bytes.count && ShellBytes.isDigit(bytes[e]) { e += 1 }
            text = e > t.start ? String(decoding: bytes[t.start..<e], as: UTF8.self) : op.text
        case .word: text = tokenText(from: t.start)
        }
        return ShellSyntaxError(kind: .unexpectedToken(text), line: t.line, lineText: lineText(at: t.start))
    }

    /// The source text of the word starting at `start`.
    func tokenText(from start: Int) -> String {
        var end = start
        while end < bytes.count && !ShellBytes.isMeta(bytes[end]) { end += 1 }
        return String(decoding: bytes[start..<end], as: UTF8.self)
    }

    /// The whole source line containing byte offset `offset`.
    func lineText(at offset: Int) -> String {
        var s = min(offset, bytes.count)
        if s == bytes.count && s > 0 && bytes[s - 1] == ShellBytes.newline { s -= 1 }
        while s > 0 && bytes[s - 1] != ShellBytes.newline { s -= 1 }
        var e = min(offset, bytes.count)
        while e < bytes.count && bytes[e] != ShellBytes.newline { e += 1 }
        let text = String(decoding: bytes[s..<e], as: UTF8.self)
        // A backslash ending the source is shown doubled, as bash shows it.
        return e == bytes.count && bytes.last == ShellBytes.backslash ? text + "\\" : text
    }

    mutating func lex() throws(ShellSyntaxError) -> (token: ShellToken, line: Int, start: Int) {
        skipBlanks()
        let start = pos
        let startLine = line
        guard pos < bytes.count else {
            if !pendingHereDocuments.isEmpty { readHereDocuments() }
            return (.end, startLine, start)
        }
        let c = bytes[pos]
        let next: UInt8 = pos + 1 < bytes.count ? bytes[pos + 1] : 0
        let third: UInt8 = pos + 2 < bytes.count ? bytes[pos + 2] : 0
        switch c {
        case ShellBytes.newline:
            pos += 1
            line += 1
            if !pendingHereDocuments.isEmpty { readHereDocuments() }
            return (.newline, startLine, start)
        case ShellBytes.semicolon:
            if next == ShellBytes.semicolon { pos += 2; return (.op(.doubleSemicolon), startLine, start) }
            pos += 1; return (.op(.semicolon), startLine, start)
        case ShellBytes.ampersand:
            if next == ShellBytes.ampersand { pos += 2; return (.op(.andIf), startLine, start) }
            if next == ShellBytes.greater {
                if third == ShellBytes.greater { pos += 3; return (.redirect(1, .bothAppend), startLine, start) }
                pos += 2; return (.redirect(1, .bothOutput), startLine, start)
            }
            pos += 1; return (.op(.ampersand), startLine, start)
        case ShellBytes.pipe:
            if next == ShellBytes.pipe { pos += 2; return (.op(.orIf), startLine, start) }
            pos += next == ShellBytes.ampersand ? 2 : 1
            return (.op(.pipe), startLine, start)
        case ShellBytes.lparen: pos += 1; return (.op(.leftParen), startLine, start)
        case ShellBytes.rparen: pos += 1; return (.op(.rightParen), startLine, start)
        case ShellBytes.less, ShellBytes.greater:
            return (.redirect(c == ShellBytes.less ? 0 : 1, lexRedirect()), startLine, start)
        default:
            if ShellBytes.isDigit(c) {
                var e = pos
                var fd = 0
                while e < bytes.count && ShellBytes.isDigit(bytes[e]) { fd = fd &* 10 &+ Int(bytes[e] - 0x30); e += 1 }
                if e < bytes.count && (bytes[e] == ShellBytes.less || bytes[e] == ShellBytes.greater) && e - pos < 6 {
                    pos = e
                    return (.redirect(fd, lexRedirect()), startLine, start)
                }
            }
            var assignment: String?
            if ShellBytes.isNameStart(c) {
                var e = pos + 1
                while e < bytes.count && ShellBytes.isNameChar(bytes[e]) { e += 1 }
                if e < bytes.count && bytes[e] == ShellBytes.equals {
                    assignment = String(decoding: bytes[pos..<e], as: UTF8.self)
                    pos = e + 1
                }
            }
            let word = try scanWord(afterAssignment: assignment != nil)
            return (.word(word, assignment: assignment), startLine, start)
        }
    }

    /// Scans a redirection operator starting at `<` or `>`.
    mutating func lexRedirect() -> ShellRedirectOperator {
        let c = bytes[pos]
        let next: UInt8 = pos + 1 < bytes.count ? bytes[pos + 1] : 0
        let third: UInt8 = pos + 2 < bytes.count ? bytes[pos + 2] : 0
        if c == ShellBytes.less {
            switch next {
            case ShellBytes.less:
                if third == ShellBytes.less { pos += 3; return .hereString }
                if third == 0x2D { pos += 3; return .hereDocStrip }
                pos += 2; return .hereDoc
            case ShellBytes.ampersand: pos += 2; return .dupInput
            case ShellBytes.greater: pos += 2; return .readWrite
            default: pos += 1; return .input
            }
        }
        switch next {
        case ShellBytes.greater: pos += 2; return .append
        case ShellBytes.ampersand: pos += 2; return .dupOutput
        case ShellBytes.pipe: pos += 2; return .output
        default: pos += 1; return .output
        }
    }

    /// Skips blanks, line continuations and comments.
    mutating func skipBlanks() {
        while pos < bytes.count {
            let c = bytes[pos]
            if c == ShellBytes.space || c == ShellBytes.tab {
                pos += 1
            } else if c == ShellBytes.backslash && pos + 1 < bytes.count && bytes[pos + 1] == ShellBytes.newline {
                pos += 2
                line += 1
            } else if c == ShellBytes.hash {
                while pos < bytes.count && bytes[pos] != ShellBytes.newline { pos += 1 }
            } else {
                return
            }
        }
    }
}
