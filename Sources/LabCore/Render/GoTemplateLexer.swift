/// One token of a Go template source (text, delimiters and the words inside actions).
struct TemplateToken: Sendable {
    enum Kind: Sendable, Equatable {
        case text, leftDelim, rightDelim, space, identifier, field, variable, dot
        case string, rawString, char, number, bool, nilWord, pipe, leftParen, rightParen
        case declare, assign, charItem, eof, error
        case keyword(Keyword)
    }
    /// Reserved words inside actions.
    enum Keyword: String, Sendable {
        case `if`, `else`, end, range, with, `break`, `continue`, define, template, block
    }
    var kind: Kind
    var value: String
    var pos: Int
    var line: Int

    /// How Go's parser names a token in "unexpected …" messages.
    var goDescription: String {
        switch kind {
        case .eof: return "EOF"
        case .error: return value
        case .keyword, .dot, .nilWord: return "<\(value)>"
        default:
            if value.unicodeScalars.count > 10 {
                // %.10q...: the first ten runes, quoted.
                return goQuote(String(String.UnicodeScalarView(value.unicodeScalars.prefix(10)))) + "..."
            }
            return goQuote(value)
        }
    }
}

/// Splits a template into tokens the way Go's text/template lexer does, including the
/// `{{- ` / ` -}}` trim markers and `{{/* */}}` comments. Lexing stops at the first error,
/// which becomes a final `.error` token so the parser reports it only when it gets there.
struct TemplateLexer {
    private let b: [UInt8]
    private var pos = 0
    private var line = 1
    private var start = 0
    private var startLine = 1
    private var parenDepth = 0
    private var inAction = false
    private var trimNextText = false
    private(set) var tokens: [TemplateToken] = []

    static func tokenize(_ source: String) -> [TemplateToken] {
        var l = TemplateLexer(Array(source.utf8))
        l.run()
        return l.tokens
    }

    private init(_ b: [UInt8]) { self.b = b }

    private func at(_ i: Int) -> UInt8 { i < b.count ? b[i] : 0 }
    private static func isSpace(_ c: UInt8) -> Bool { c == 0x20 || c == 0x09 || c == 0x0D || c == 0x0A }
    /// Byte length of the letter, digit or `_` at `i` (Go's isAlphaNumeric), nil otherwise.
    private func alnumLength(at i: Int) -> Int? {
        guard i < b.count else { return nil }
        if b[i] < 0x80 { return Self.isAlnum(b[i]) ? 1 : nil }
        let u = scalar(at: i)
        let n = String(u).utf8.count
        switch u.properties.generalCategory {
        case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter, .decimalNumber:
            return n
        default: return nil
        }
    }

    private static func isAlnum(_ c: UInt8) -> Bool {
        (c >= 0x30 && c <= 0x39) || (c >= 0x41 && c <= 0x5A) || (c >= 0x61 && c <= 0x7A) || c == 0x5F
    }

    private mutating func emit(_ k: TemplateToken.Kind) {
        tokens.append(TemplateToken(kind: k, value: String(decoding: b[start..<pos], as: UTF8.self), pos: start, line: startLine))
        advanceStart()
    }

    private mutating func advanceStart() {
        for c in b[start..<pos] where c == 0x0A { line += 1 }
        start = pos
        startLine = line
    }

    private mutating func fail(_ m: String) {
        tokens.append(TemplateToken(kind: .error, value: m, pos: start, line: startLine))
    }

    private func hasPrefix(_ s: StaticString, at i: Int) -> Bool {
        let n = s.utf8CodeUnitCount
        guard i + n <= b.count else { return false }
        let p = s.utf8Start
        for k in 0..<n where b[i + k] != p[k] { return false }
        return true
    }

    /// "{{" followed by "- " (a trim marker needs the space).
    private func leftTrim(at i: Int) -> Bool { at(i + 2) == UInt8(ascii: "-") && Self.isSpace(at(i + 3)) }

    /// At " -}}" (trim) or "}}".
    private func rightDelim(at i: Int) -> (Bool, Bool) {
        if Self.isSpace(at(i)), at(i + 1) == UInt8(ascii: "-"), hasPrefix("}}", at: i + 2) { return (true, true) }
        return (hasPrefix("}}", at: i), false)
    }

    private mutating func run() {
        while true {
            var inComment = true
            while inComment {
                guard let comment = lexText() else { return }
                inComment = comment
            }
            if !lexAction() { return }
        }
    }

    /// Lexes text up to the next action. Returns nil at end of input or error, true when the
    /// action was a comment (already consumed), false when an action follows.
    private mutating func lexText() -> Bool? {
        var i = pos
        while i < b.count, !(b[i] == UInt8(ascii: "{") && at(i + 1) == UInt8(ascii: "{")) { i += 1 }
        var textStart = pos
        if trimNextText {
            while textStart < i, Self.isSpace(b[textStart]) { textStart += 1 }
            trimNextText = false
        }
        var textEnd = i
        let trimLeft = i < b.count && leftTrim(at: i)
        if trimLeft {
            while textEnd > textStart, Self.isSpace(b[textEnd - 1]) { textEnd -= 1 }
        }
        if textEnd > textStart {
            pos = textStart
            advanceStart()
            pos = textEnd
            emit(.text)
        }
        pos = i
        advanceStart()
        if i >= b.count {
            emit(.eof)
            return nil
        }
        // At "{{".
        var afterDelim = i + 2 + (trimLeft ? 2 : 0)
        if hasPrefix("/*", at: afterDelim) {
            guard let close = find("*/", from: afterDelim + 2) else {
                fail(TemplateMessages.unclosedComment)
                return nil
            }
            afterDelim = close + 2
            pos = afterDelim
            let (isDelim, trim) = rightDelim(at: afterDelim)
            if !isDelim {
                fail(TemplateMessages.commentEndsEarly)
                return nil
            }
            pos = afterDelim + (trim ? 4 : 2)
            advanceStart()
            trimNextText = trim
            return true
        }
        pos = i + 2
        emit(.leftDelim)
        if trimLeft {
            pos += 2
            advanceStart()
        }
        return false
    }

    private func find(_ s: StaticString, from: Int) -> Int? {
        var i = from
        while i + 1 < b.count {
            if hasPrefix(s, at: i) { return i }
            i += 1
        }
        return nil
    }

    private mutating func lexAction() -> Bool {
        while true {
            let (isDelim, trim) = rightDelim(at: pos)
            if isDelim {
                if parenDepth > 0 {
                    fail(TemplateMessages.unclosedLeftParen)
                    return false
                }
                if trim {
                    pos += 1
                    advanceStart()
                }
                pos += trim ? 3 : 2
                emit(.rightDelim)
                trimNextText = trim
                return true
            }
            guard pos < b.count else {
                fail(TemplateMessages.unclosedAction)
                return false
            }
            let c = b[pos]
            if Self.isSpace(c) {
                while pos < b.count, Self.isSpace(b[pos]), !rightDelim(at: pos).1 { pos += 1 }
                emit(.space)
                continue
            }
            switch c {
            case UInt8(ascii: "="):
                pos += 1
                emit(.assign)
            case UInt8(ascii: ":"):
                guard at(pos + 1) == UInt8(ascii: "=") else {
                    fail(TemplateMessages.expectedDeclare)
                    return false
                }
                pos += 2
                emit(.declare)
            case UInt8(ascii: "|"):
                pos += 1
                emit(.pipe)
            case UInt8(ascii: "\""):
                pos += 1
                while true {
                    guard pos < b.count, b[pos] != 0x0A else {
                        fail(TemplateMessages.unterminatedQuoted)
                        return false
                    }
                    if b[pos] == UInt8(ascii: "\\") {
                        pos += 2
                        continue
                    }
                    pos += 1
                    if b[pos - 1] == UInt8(ascii: "\"") { break }
                }
                emit(.string)
            case UInt8(ascii: "`"):
                pos += 1
                while pos < b.count, b[pos] != UInt8(ascii: "`") { pos += 1 }
                guard pos < b.count else {
                    fail(TemplateMessages.unterminatedRaw)
                    return false
                }
                pos += 1
                emit(.rawString)
            case UInt8(ascii: "'"):
                pos += 1
                while true {
                    guard pos < b.count, b[pos] != 0x0A else {
                        fail(TemplateMessages.unterminatedChar)
                        return false
                    }
                    if b[pos] == UInt8(ascii: "\\") {
                        pos += 2
                        continue
                    }
                    pos += 1
                    if b[pos - 1] == UInt8(ascii: "'") { break }
                }
                emit(.char)
            case UInt8(ascii: "$"), UInt8(ascii: "."):
                if c == UInt8(ascii: "."), (0x30...0x39).contains(at(pos + 1)) {
                    if !lexNumber() { return false }
                    continue
                }
                pos += 1
                if atTerminator() {
                    emit(c == UInt8(ascii: "$") ? .variable : .dot)
                    continue
                }
                while let n = alnumLength(at: pos) { pos += n }
                if !atTerminator() {
                    fail(TemplateMessages.badCharacter(scalar(at: pos)))
                    return false
                }
                emit(c == UInt8(ascii: "$") ? .variable : .field)
            case UInt8(ascii: "+"), UInt8(ascii: "-"), 0x30...0x39:
                if !lexNumber() { return false }
            case UInt8(ascii: "("):
                pos += 1
                parenDepth += 1
                emit(.leftParen)
            case UInt8(ascii: ")"):
                pos += 1
                parenDepth -= 1
                if parenDepth < 0 {
                    fail(TemplateMessages.unexpectedRightParen)
                    return false
                }
                emit(.rightParen)
            default:
                if alnumLength(at: pos) != nil {
                    while let n = alnumLength(at: pos) { pos += n }
                    if !atTerminator() {
                        fail(TemplateMessages.badCharacter(scalar(at: pos)))
                        return false
                    }
                    let word = String(decoding: b[start..<pos], as: UTF8.self)
                    if let kw = TemplateToken.Keyword(rawValue: word) {
                        emit(.keyword(kw))
                    } else if word == "true" || word == "false" {
                        emit(.bool)
                    } else if word == "nil" {
                        emit(.nilWord)
                    } else {
                        emit(.identifier)
                    }
                } else if c < 0x80 && c >= 0x20 && c != 0x7F {
                    pos += 1
                    emit(.charItem)
                } else {
                    fail(TemplateMessages.unrecognized(scalar(at: pos)))
                    return false
                }
            }
        }
    }

    private func scalar(at i: Int) -> Unicode.Scalar {
        guard i < b.count else { return "\u{0}" }
        let s = String(decoding: b[i..<min(b.count, i + 4)], as: UTF8.self)
        return s.unicodeScalars.first ?? "\u{FFFD}"
    }

    private func atTerminator() -> Bool {
        let c = at(pos)
        if pos >= b.count || Self.isSpace(c) { return true }
        switch c {
        case UInt8(ascii: "."), UInt8(ascii: ","), UInt8(ascii: "|"), UInt8(ascii: ":"), UInt8(ascii: ")"),
            UInt8(ascii: "("):
            return true
        default: return hasPrefix("}}", at: pos)
        }
    }

    /// Go's scanNumber: a permissive scan; the parser later decides whether the text is valid.
    private mutating func lexNumber() -> Bool {
        if at(pos) == UInt8(ascii: "+") || at(pos) == UInt8(ascii: "-") { pos += 1 }
        var digits: ClosedRange<UInt8> = 0x30...0x39
        var hex = false
        var allowedExp: [UInt8] = [UInt8(ascii: "e"), UInt8(ascii: "E")]
        if at(pos) == UInt8(ascii: "0") {
            let p = at(pos + 1)
            if p == UInt8(ascii: "x") || p == UInt8(ascii: "X") {
                pos += 2
                hex = true
                allowedExp = [UInt8(ascii: "p"), UInt8(ascii: "P")]
            } else if p == UInt8(ascii: "o") || p == UInt8(ascii: "O") {
                pos += 2
                digits = 0x30...0x37
                allowedExp = []
            } else if p == UInt8(ascii: "b") || p == UInt8(ascii: "B") {
                pos += 2
                digits = 0x30...0x31
                allowedExp = []
            }
        }
        func isDigit(_ c: UInt8) -> Bool {
            digits.contains(c) || c == UInt8(ascii: "_")
                || (hex && ((c >= 0x41 && c <= 0x46) || (c >= 0x61 && c <= 0x66)))
        }
        while pos < b.count, isDigit(b[pos]) { pos += 1 }
        if at(pos) == UInt8(ascii: ".") {
            pos += 1
            while pos < b.count, isDigit(b[pos]) { pos += 1 }
        }
        if !allowedExp.isEmpty, allowedExp.contains(at(pos)) {
            pos += 1
            if at(pos) == UInt8(ascii: "+") || at(pos) == UInt8(ascii: "-") { pos += 1 }
            while pos < b.count, (0x30...0x39).contains(b[pos]) || b[pos] == UInt8(ascii: "_") { pos += 1 }
        }
        if at(pos) == UInt8(ascii: "i") { pos += 1 }
        if let n = alnumLength(at: pos) {
            pos += n
            fail(TemplateMessages.badNumber(String(decoding: b[start..<pos], as: UTF8.self)))
            return false
        }
        emit(.number)
        return true
    }
}
