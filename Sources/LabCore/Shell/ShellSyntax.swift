/// A parsed shell source: complete commands in order, plus the bodies of its here-documents
/// (redirections refer to them by index).
public struct ShellScript: Sendable, Equatable {
    /// The complete commands (one per top-level line or `;`-separated list), in source order.
    public var commands: [ShellList]
    /// Here-document bodies, indexed by `ShellRedirection.Target.hereDocument`.
    public var hereDocuments: [ShellWord]
}

/// A list of and-or lists separated by `;`, `&` or newlines.
public struct ShellList: Sendable, Equatable {
    /// The and-or lists in order.
    public var items: [ShellAndOr]
}

/// Pipelines joined by `&&` and `||`.
public struct ShellAndOr: Sendable, Equatable {
    /// How a pipeline is joined to the previous one.
    public enum Connector: Sendable, Equatable { case and, or }
    /// The first pipeline.
    public var first: ShellPipeline
    /// The following pipelines with the operator before each.
    public var rest: [(Connector, ShellPipeline)]

    public static func == (a: ShellAndOr, b: ShellAndOr) -> Bool {
        a.first == b.first && a.rest.count == b.rest.count
            && zip(a.rest, b.rest).allSatisfy { $0.0 == $1.0 && $0.1 == $1.1 }
    }
}

/// Commands joined by `|`, optionally negated with `!`.
public struct ShellPipeline: Sendable, Equatable {
    /// Whether the pipeline starts with `!`.
    public var negated: Bool
    /// The stages in order.
    public var commands: [ShellCommandNode]
}

/// One stage of a pipeline.
public enum ShellCommandNode: Sendable, Equatable {
    /// `name args… redirections…` with optional `VAR=value` prefixes.
    case simple(ShellSimpleCommand)
    /// `( list )`: runs in a copy of the shell's state.
    case subshell(ShellList, [ShellRedirection], line: Int)
    /// `{ list; }`: runs in the current shell.
    case group(ShellList, [ShellRedirection], line: Int)
    /// `if list; then list; [elif list; then list;]… [else list;] fi`.
    case ifClause(ShellIfClause, [ShellRedirection], line: Int)
    /// `for NAME [in words…]; do list; done`.
    case forLoop(ShellForLoop, [ShellRedirection], line: Int)
    /// `while list; do list; done` and `until list; do list; done`.
    case whileLoop(ShellWhileLoop, [ShellRedirection], line: Int)
    /// `[[ expression ]]`: the words between the brackets, operators included.
    case conditional([ShellWord], line: Int)
    /// `name() compound-command`: the body's source text, kept as bash keeps functions.
    case functionDefinition(name: String, body: String, line: Int)
}

/// The branches of an `if` command.
public struct ShellIfClause: Sendable, Equatable {
    /// Each condition with the list run when it succeeds, `if` then every `elif`.
    public var branches: [ShellConditional]
    /// The `else` list.
    public var otherwise: ShellList?
}

/// A condition and the list it guards.
public struct ShellConditional: Sendable, Equatable {
    public var condition: ShellList
    public var body: ShellList
}

/// A `for` loop.
public struct ShellForLoop: Sendable, Equatable {
    /// The loop variable.
    public var name: String
    /// The words after `in` (nil: the positional parameters).
    public var words: [ShellWord]?
    public var body: ShellList
}

/// A `while` or `until` loop.
public struct ShellWhileLoop: Sendable, Equatable {
    public var condition: ShellList
    public var body: ShellList
    /// `until`: loops while the condition fails.
    public var until: Bool
}

/// A simple command: assignments, words and redirections.
public struct ShellSimpleCommand: Sendable, Equatable {
    /// `NAME=value` prefixes (or plain assignments when there are no words).
    public var assignments: [(name: String, value: ShellWord)]
    /// The command name and its arguments, before expansion.
    public var words: [ShellWord]
    /// Redirections in source order.
    public var redirections: [ShellRedirection]
    /// The source line the command starts on (for error messages).
    public var line: Int

    public static func == (a: ShellSimpleCommand, b: ShellSimpleCommand) -> Bool {
        a.words == b.words && a.redirections == b.redirections && a.line == b.line
            && a.assignments.count == b.assignments.count
            && zip(a.assignments, b.assignments).allSatisfy { $0.name == $1.name && $0.value == $1.value }
    }
}

/// A redirection such as `2>&1`, `> file` or `<<EOF`.
public struct ShellRedirection: Sendable, Equatable {
    /// What the redirection does.
    public enum Operation: Sendable, Equatable {
        case input              // <
        case output             // > and >|
        case append             // >>
        case duplicateOutput    // >&N
        case duplicateInput     // <&N
        case bothOutput         // &>
        case bothAppend         // &>>
        case hereDocument(Int)  // << and <<- (index into ShellScript.hereDocuments)
        case hereString         // <<<
        case readWrite          // <>
    }
    /// The file descriptor redirected (0 for input, 1 for output unless a number was given).
    public var descriptor: Int
    /// The operation.
    public var operation: Operation
    /// The file name, descriptor number or here-string (empty word for here-documents).
    public var target: ShellWord
}

/// A word before expansion: a sequence of literal and expandable parts.
public struct ShellWord: Sendable, Equatable {
    /// Plain unquoted words (most of them) are kept without a parts array.
    enum Storage: Sendable {
        case plain(String)
        case parts([ShellWordPart])
    }
    var storage: Storage

    public init(parts: [ShellWordPart]) { storage = .parts(parts) }

    /// A plain unquoted word.
    init(plain: String) { storage = .plain(plain) }

    /// The parts in order.
    public var parts: [ShellWordPart] {
        get {
            switch storage {
            case .plain(let text): return [.literal(text, quoted: false)]
            case .parts(let parts): return parts
            }
        }
        set { storage = .parts(newValue) }
    }

    /// The text of a plain unquoted word without expansions.
    var plainText: String? {
        if case .plain(let text) = storage { return text }
        return nil
    }

    /// The word as plain text when it holds only literals (for the command name fast path).
    public var literalText: String? {
        if case .plain(let text) = storage { return text }
        var out = ""
        for part in parts {
            guard case .literal(let text, _) = part else { return nil }
            out += text
        }
        return out
    }

    public static func == (a: ShellWord, b: ShellWord) -> Bool { a.parts == b.parts }

    /// `NAME=value` used as an ordinary word (after the command name).
    static func joiningAssignment(_ name: String, _ value: ShellWord) -> ShellWord {
        if let text = value.plainText { return ShellWord(plain: name + "=" + text) }
        if value.parts.isEmpty { return ShellWord(plain: name + "=") }
        return ShellWord(parts: [.literal(name + "=", quoted: false)] + value.parts)
    }
}

/// One part of a word.
public enum ShellWordPart: Sendable, Equatable {
    /// Literal text; `quoted` text is neither split nor globbed.
    case literal(String, quoted: Bool)
    /// `$NAME`, `${NAME}`, `$?`, `${NAME:-word}`…
    case parameter(ShellParameter, quoted: Bool)
    /// `$(list)`: its commands belong to the enclosing script (for here-documents).
    case commandSubstitution(ShellList, quoted: Bool)
    /// `` `…` ``: parsed on its own.
    case backquote(ShellScript, quoted: Bool)
    /// `$((expression))`, kept as its source text.
    case arithmetic(String, quoted: Bool)
    /// `~` at the start of a word: the home directory.
    case tilde
}

/// A parameter expansion.
public struct ShellParameter: Sendable, Equatable {
    /// What to do with the parameter's value.
    public enum Operator: Sendable, Equatable {
        case plain
        case length                                   // ${#NAME}
        case defaultValue(ShellWord, colon: Bool)     // ${NAME:-word}
        case assignDefault(ShellWord, colon: Bool)    // ${NAME:=word}
        case alternative(ShellWord, colon: Bool)      // ${NAME:+word}
        case bad(String)                              // anything else: "bad substitution"
    }
    /// The name: a variable, a digit or one of `? $ # ! @ * -`.
    public var name: String
    /// The operator.
    public var op: Operator
}

/// A syntax error as bash reports it.
public struct ShellSyntaxError: Error, Sendable, Equatable {
    /// What kind of error.
    public enum Kind: Sendable, Equatable {
        /// `syntax error near unexpected token `X'`; the token's text ("newline" at end of line).
        case unexpectedToken(String)
        /// `syntax error: unexpected end of file`.
        case unexpectedEndOfFile
        /// `unexpected EOF while looking for matching `X'`.
        case unmatched(String)
    }
    /// The kind.
    public var kind: Kind
    /// The line number bash reports.
    public var line: Int
    /// The text of that line, which bash repeats after an unexpected token.
    public var lineText: String
    /// Whether it was found inside `$( … )` (bash then exits with 127, not 2).
    var inCommandSubstitution = false

    /// The message without any prefix.
    public var message: String {
        switch kind {
        case .unexpectedToken(let token): return "syntax error near unexpected token `\(token)'"
        case .unexpectedEndOfFile: return "syntax error: unexpected end of file"
        case .unmatched(let quote): return "unexpected EOF while looking for matching `\(quote)'"
        }
    }
}
