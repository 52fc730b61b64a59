/// A token of shell source, produced by `ShellParser` from the source's UTF-8 bytes.
enum ShellToken {
    /// A word; `assignment` is the NAME when the word has the form `NAME=value` (then `word`
    /// holds only the value).
    case word(ShellWord, assignment: String?)
    /// An operator such as `;`, `&&`, `|`, `(`.
    case op(ShellOperator)
    /// A redirection operator with its descriptor (explicit number or the default).
    case redirect(Int, ShellRedirectOperator)
    case newline
    case end
}

/// Control operators.
enum ShellOperator: Equatable {
    case semicolon, doubleSemicolon, ampersand, andIf, orIf, pipe, leftParen, rightParen

    var text: String {
        switch self {
        case .semicolon: return ";"
        case .doubleSemicolon: return ";;"
        case .ampersand: return "&"
        case .andIf: return "&&"
        case .orIf: return "||"
        case .pipe: return "|"
        case .leftParen: return "("
        case .rightParen: return ")"
        }
    }
}

/// Redirection operators.
enum ShellRedirectOperator: Equatable {
    case input, output, append, dupOutput, dupInput, bothOutput, bothAppend, hereDoc, hereDocStrip, hereString, readWrite

    var text: String {
        switch self {
        case .input: return "<"
        case .output: return ">"
        case .append: return ">>"
        case .dupOutput: return ">&"
        case .dupInput: return "<&"
        case .bothOutput: return "&>"
        case .bothAppend: return "&>>"
        case .hereDoc: return "<<"
        case .hereDocStrip: return "<<-"
        case .hereString: return "<<<"
        case .readWrite: return "<>"
        }
    }
}

/// Byte classes used by the scanner.
enum ShellBytes {
    static let space: UInt8 = 0x20, tab: UInt8 = 0x09, newline: UInt8 = 0x0A
    static let semicolon: UInt8 = 0x3B, ampersand: UInt8 = 0x26, pipe: UInt8 = 0x7C
    static let less: UInt8 = 0x3C, greater: UInt8 = 0x3E, lparen: UInt8 = 0x28, rparen: UInt8 = 0x29
    static let backslash: UInt8 = 0x5C, quote: UInt8 = 0x27, dquote: UInt8 = 0x22, dollar: UInt8 = 0x24
    static let backquote: UInt8 = 0x60, hash: UInt8 = 0x23, tilde: UInt8 = 0x7E, equals: UInt8 = 0x3D
    static let lbrace: UInt8 = 0x7B, rbrace: UInt8 = 0x7D, slash: UInt8 = 0x2F, colon: UInt8 = 0x3A

    /// Bit masks over ASCII: metacharacters (end a word) and characters that need the slow path.
    static let metaLow: UInt64 = (1 << 32) | (1 << 9) | (1 << 10) | (1 << 59) | (1 << 38) | (1 << 60) | (1 << 62) | (1 << 40) | (1 << 41)
    static let metaHigh: UInt64 = 1 << (124 - 64)
    static let specialLow: UInt64 = (1 << 39) | (1 << 34) | (1 << 36)
    static let specialHigh: UInt64 = (1 << (92 - 64)) | (1 << (96 - 64))

    @inline(__always) static func isMeta(_ c: UInt8) -> Bool {
        c < 64 ? (metaLow >> c) & 1 != 0 : (c < 128 && (metaHigh >> (c - 64)) & 1 != 0)
    }

    /// A metacharacter, quote, backslash, `$` or backquote.
    @inline(__always) static func endsPlainWord(_ c: UInt8) -> Bool {
        c < 64 ? ((metaLow | specialLow) >> c) & 1 != 0 : (c < 128 && ((metaHigh | specialHigh) >> (c - 64)) & 1 != 0)
    }
    @inline(__always) static func isNameStart(_ c: UInt8) -> Bool {
        (c >= 0x41 && c <= 0x5A) || (c >= 0x61 && c <= 0x7A) || c == 0x5F
    }
    @inline(__always) static func isNameChar(_ c: UInt8) -> Bool {
        isNameStart(c) || isDigit(c)
    }
    @inline(__always) static func isDigit(_ c: UInt8) -> Bool { c >= 0x30 && c <= 0x39 }
}

/// Collects the parts of one word while scanning, merging adjacent literal bytes.
struct WordBuilder {
    var parts: [ShellWordPart] = []
    var bytes: [UInt8] = []
    var bytesQuoted = false

    @inline(__always) mutating func append(_ byte: UInt8, quoted: Bool) {
        if !bytes.isEmpty && bytesQuoted != quoted { flush() }
        bytesQuoted = quoted
        bytes.append(byte)
    }

    mutating func appendBytes(_ slice: ArraySlice<UInt8>, quoted: Bool) {
        if !bytes.isEmpty && bytesQuoted != quoted { flush() }
        bytesQuoted = quoted
        bytes.append(contentsOf: slice)
    }

    mutating func add(_ part: ShellWordPart) {
        flush()
        parts.append(part)
    }

    mutating func flush() {
        if bytes.isEmpty { return }
        parts.append(.literal(String(decoding: bytes, as: UTF8.self), quoted: bytesQuoted))
        bytes.removeAll(keepingCapacity: true)
    }

    mutating func finish() -> ShellWord {
        flush()
        return ShellWord(parts: parts)
    }
}
