/// A fast path for the commonest input: one line of simple commands joined by `|`, `&&`, `||`
/// and `;`, whose words may be quoted or hold expansions, but with no redirections,
/// assignments, reserved words, comments, background jobs or here-documents. It builds exactly
/// what the full parser builds, or gives up (nil) and leaves the source to it.
extension ShellParser {
    static let reservedWords: Set<String> = ["if", "then", "elif", "else", "fi", "do", "done", "while", "until", "for",
                                             "in", "{", "}", "[[", "]]", "!", "case", "esac", "function", "select", "time"]

    /// `reservedWords` by their length in bytes: a command name is compared with the few words of
    /// its length (often none, or one) instead of being hashed.
    static let reservedWordsByLength: [[String]] = {
        var table = [[String]](repeating: [], count: (reservedWords.map(\.utf8.count).max() ?? 0) + 1)
        for word in reservedWords { table[word.utf8.count].append(word) }
        return table
    }()

    static func isReservedWord(_ word: String) -> Bool {
        let n = word.utf8.count
        return n < reservedWordsByLength.count && reservedWordsByLength[n].contains(word)
    }

    mutating func fastScript() -> ShellScript? {
        var items: [ShellAndOr] = []
        var andOr: ShellAndOr?
        var pipeline: [ShellCommandNode] = []
        var words: [ShellWord] = []
        var commandLine = line
        var pendingConnector: ShellAndOr.Connector?
        let count = bytes.count

        func finishCommand(_ parser: ShellParser) -> Bool {
            guard !words.isEmpty else { return false }
            if let first = words[0].plainText, Self.isReservedWord(first) { return false }
            pipeline.append(.simple(ShellSimpleCommand(assignments: [], words: words, redirections: [], line: commandLine)))
            words = []
            return true
        }
        func finishPipeline() -> Bool {
            guard !pipeline.isEmpty else { return false }
            let p = ShellPipeline(negated: false, commands: pipeline)
            pipeline = []
            if let connector = pendingConnector {
                andOr?.rest.append((connector, p))
                pendingConnector = nil
            } else {
                andOr = ShellAndOr(first: p, rest: [])
            }
            return true
        }

        while true {
            while pos < count && (bytes[pos] == ShellBytes.space || bytes[pos] == ShellBytes.tab) { pos += 1 }
            guard pos < count else { break }
            let c = bytes[pos]
            let next: UInt8 = pos + 1 < count ? bytes[pos + 1] : 0
            switch c {
            case ShellBytes.pipe:
                if next == ShellBytes.ampersand { return nil }
                guard finishCommand(self) else { return nil }
                if next == ShellBytes.pipe {
                    guard finishPipeline() else { return nil }
                    pendingConnector = .or
                    pos += 2
                } else {
                    pos += 1
                }
                commandLine = line
                continue
            case ShellBytes.ampersand:
                guard next == ShellBytes.ampersand, finishCommand(self), finishPipeline() else { return nil }
                pendingConnector = .and
                pos += 2
                commandLine = line
                continue
            case ShellBytes.semicolon:
                guard next != ShellBytes.semicolon, finishCommand(self), finishPipeline(), let done = andOr else { return nil }
                items.append(done)
                andOr = nil
                pos += 1
                commandLine = line
                continue
            case ShellBytes.newline, ShellBytes.less, ShellBytes.greater, ShellBytes.lparen, ShellBytes.rparen, ShellBytes.hash:
                return nil
            case ShellBytes.backslash where next == ShellBytes.newline:
                return nil
            default:
                break
            }
            if words.isEmpty {
                commandLine = line
                // Assignments and IO numbers need the full parser.
                if ShellBytes.isNameStart(c) {
                    var e = pos + 1
                    while e < count && ShellBytes.isNameChar(bytes[e]) { e += 1 }
                    if e < count && bytes[e] == ShellBytes.equals { return nil }
                }
            } else if ShellBytes.isNameStart(c) {
                var e = pos + 1
                while e < count && ShellBytes.isNameChar(bytes[e]) { e += 1 }
                if e + 1 < count && bytes[e] == ShellBytes.equals && bytes[e + 1] == ShellBytes.tilde { return nil }
            }
            guard let word = try? scanWord(afterAssignment: false) else { return nil }
            if pos < count && (bytes[pos] == ShellBytes.less || bytes[pos] == ShellBytes.greater) { return nil }
            // Room for a long docker command line's words at once (growing the array reallocates).
            if words.isEmpty { words.reserveCapacity(16) }
            words.append(word)
        }
        if words.isEmpty {
            // A trailing `;` is fine; a trailing `|`, `&&` or `||` needs the full parser's error.
            guard pipeline.isEmpty, pendingConnector == nil, andOr == nil else { return nil }
        } else {
            guard finishCommand(self), finishPipeline() else { return nil }
        }
        if let done = andOr { items.append(done) }
        guard !items.isEmpty, pendingHereDocuments.isEmpty else { return nil }
        return ShellScript(commands: [ShellList(items: items)], hereDocuments: hereDocuments)
    }
}
