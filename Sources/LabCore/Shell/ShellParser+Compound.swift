/// Compound commands: `if`, `for`, `while`/`until` and `{ …; }`, recognised by their reserved
/// words at the start of a command.
extension ShellParser {
    /// Words that close or continue a compound command; at the start of a command they are errors.
    static let closers: Set<String> = ["then", "elif", "else", "fi", "do", "done", "}", "in"]

    /// Parses a compound command starting with `keyword`, nil when the word is not a reserved
    /// word; throws when it is one that cannot start a command.
    mutating func parseCompound(_ keyword: String, _ t: (token: ShellToken, line: Int, start: Int))
        throws(ShellSyntaxError) -> ShellCommandNode? {
        switch keyword {
        case "if":
            consume()
            var branches = [ShellConditional(condition: try parseCompoundList(until: ["then"]), body: ShellList(items: []))]
            try expectWord("then")
            var otherwise: ShellList?
            while true {
                let body = try parseCompoundList(until: ["elif", "else", "fi"])
                branches[branches.count - 1].body = body
                let word = try takeWord()
                if word == "fi" { break }
                if word == "else" {
                    otherwise = try parseCompoundList(until: ["fi"])
                    try expectWord("fi")
                    break
                }
                branches.append(ShellConditional(condition: try parseCompoundList(until: ["then"]), body: ShellList(items: [])))
                try expectWord("then")
            }
            return .ifClause(ShellIfClause(branches: branches, otherwise: otherwise), try trailingRedirections(), line: t.line)
        case "while", "until":
            consume()
            let condition = try parseCompoundList(until: ["do"])
            try expectWord("do")
            let body = try parseCompoundList(until: ["done"])
            try expectWord("done")
            return .whileLoop(ShellWhileLoop(condition: condition, body: body, until: keyword == "until"),
                              try trailingRedirections(), line: t.line)
        case "for":
            consume()
            let n = try peek()
            guard case .word(let nameWord, nil) = n.token, let name = nameWord.plainText,
                  let first = name.utf8.first, ShellBytes.isNameStart(first),
                  name.utf8.allSatisfy(ShellBytes.isNameChar) else { throw unexpected(n) }
            consume()
            var words: [ShellWord]?
            var next = try peek()
            while case .newline = next.token { consume(); next = try peek() }
            if case .word(let w, nil) = next.token, w.plainText == "in" {
                consume()
                var list: [ShellWord] = []
                while true {
                    let item = try peek()
                    guard case .word(let word, let assignment) = item.token else { break }
                    consume()
                    if let assignment {
                        list.append(ShellWord.joiningAssignment(assignment, word))
                    } else {
                        list.append(word)
                    }
                }
                words = list
                let end = try peek()
                switch end.token {
                case .op(.semicolon), .newline: consume()
                case .end: throw ShellSyntaxError(kind: .unexpectedEndOfFile, line: endOfFileLine, lineText: "")
                default: throw unexpected(end)
                }
            } else if case .op(.semicolon) = next.token {
                consume()
            }
            try skipNewlines()
            try expectWord("do")
            let body = try parseCompoundList(until: ["done"])
            try expectWord("done")
            return .forLoop(ShellForLoop(name: name, words: words, body: body), try trailingRedirections(), line: t.line)
        case "[[":
            consume()
            var words: [ShellWord] = []
            while true {
                let n = try peek()
                switch n.token {
                case .word(let w, let assignment):
                    consume()
                    if assignment == nil && w.plainText == "]]" {
                        return .conditional(words, line: t.line)
                    }
                    if let assignment {
                        words.append(ShellWord.joiningAssignment(assignment, w))
                    } else {
                        words.append(w)
                    }
                case .redirect(_, let op) where op == .input || op == .output:
                    consume()
                    words.append(ShellWord(plain: op.text))
                case .op(let op) where op == .andIf || op == .orIf || op == .leftParen || op == .rightParen:
                    consume()
                    words.append(ShellWord(plain: op.text))
                case .end:
                    throw ShellSyntaxError(kind: .unexpectedEndOfFile, line: endOfFileLine, lineText: "")
                default:
                    throw unexpected(n)
                }
            }
        case "{":
            consume()
            let body = try parseCompoundList(until: ["}"])
            try expectWord("}")
            return .group(body, try trailingRedirections(), line: t.line)
        default:
            if Self.closers.contains(keyword) { throw unexpected(t) }
            return nil
        }
    }

    /// `name () compound-command`, when the word is followed by `(`; nil otherwise.
    mutating func parseFunction(_ name: String, _ t: (token: ShellToken, line: Int, start: Int))
        throws(ShellSyntaxError) -> ShellCommandNode? {
        var p = pos
        while p < bytes.count && (bytes[p] == ShellBytes.space || bytes[p] == ShellBytes.tab) { p += 1 }
        guard p < bytes.count, bytes[p] == ShellBytes.lparen, let first = name.utf8.first, ShellBytes.isNameStart(first) || first == 0x2D,
              name.utf8.allSatisfy({ ShellBytes.isNameChar($0) || $0 == 0x2D || $0 == 0x2E }) else { return nil }
        consume()
        _ = try peek()
        consume()
        let close = try peek()
        guard case .op(.rightParen) = close.token else { throw unexpected(close) }
        consume()
        try skipNewlines()
        let bodyStart = try peek()
        switch bodyStart.token {
        case .word(let w, nil) where ["{", "if", "for", "while", "until", "[["].contains(w.plainText ?? ""): break
        case .op(.leftParen): break
        case .end: throw ShellSyntaxError(kind: .unexpectedEndOfFile, line: endOfFileLine, lineText: "")
        default: throw unexpected(bodyStart)
        }
        _ = try parseCommand()
        let end = peeked?.start ?? pos
        var text = String(decoding: bytes[bodyStart.start..<end], as: UTF8.self)
        while let last = text.last, last == " " || last == "\t" || last == "\n" { text.removeLast() }
        return .functionDefinition(name: name, body: text, line: t.line)
    }

    /// And-or lists separated by `;`, `&` or newlines, up to one of the reserved words `until`
    /// at the start of a command (not consumed).
    mutating func parseCompoundList(until terminators: Set<String>) throws(ShellSyntaxError) -> ShellList {
        var items: [ShellAndOr] = []
        while true {
            var t = try peek()
            while case .newline = t.token { consume(); t = try peek() }
            switch t.token {
            case .end:
                throw ShellSyntaxError(kind: .unexpectedEndOfFile, line: endOfFileLine, lineText: "")
            case .word(let w, nil):
                if let text = w.plainText, terminators.contains(text) {
                    if items.isEmpty { throw unexpected(t) }
                    return ShellList(items: items)
                }
            default: break
            }
            items.append(try parseAndOr())
            let n = try peek()
            switch n.token {
            case .op(.semicolon), .op(.ampersand), .newline: consume()
            case .end: continue
            default: throw unexpected(n)
            }
        }
    }

    mutating func skipNewlines() throws(ShellSyntaxError) {
        while case .newline = try peek().token { consume() }
    }

    /// Consumes the reserved word `word` or throws bash's error for what is there instead.
    mutating func expectWord(_ word: String) throws(ShellSyntaxError) {
        let t = try peek()
        if case .word(let w, nil) = t.token, w.plainText == word { consume(); return }
        if case .end = t.token { throw ShellSyntaxError(kind: .unexpectedEndOfFile, line: endOfFileLine, lineText: "") }
        throw unexpected(t)
    }

    /// Consumes a plain word and returns it.
    mutating func takeWord() throws(ShellSyntaxError) -> String {
        let t = try peek()
        guard case .word(let w, nil) = t.token, let text = w.plainText else { throw unexpected(t) }
        consume()
        return text
    }

    mutating func trailingRedirections() throws(ShellSyntaxError) -> [ShellRedirection] {
        var redirections: [ShellRedirection] = []
        while true {
            let r = try peek()
            guard case .redirect(let fd, let op) = r.token else { return redirections }
            consume()
            redirections.append(try parseRedirection(fd, op))
        }
    }
}
