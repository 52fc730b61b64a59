/// Word scanning: quotes, escapes, parameter expansions, command substitutions, here-documents.
extension ShellParser {
    /// Scans one word from `pos` up to the next unquoted metacharacter.
    mutating func scanWord(afterAssignment: Bool) throws(ShellSyntaxError) -> ShellWord {
        // Fast path: a plain unquoted word.
        let wordStart = pos
        var e = pos
        let count = bytes.count
        let plain: Bool = bytes.withUnsafeBufferPointer { buffer in
            if e < count && buffer[e] == ShellBytes.tilde { return false }
            while e < count {
                let c = buffer[e]
                if ShellBytes.endsPlainWord(c) { return ShellBytes.isMeta(c) }
                e += 1
            }
            return true
        }
        if plain {
            pos = e
            if e == wordStart { return afterAssignment ? ShellWord(parts: []) : ShellWord(plain: "") }
            return ShellWord(plain: String(decoding: bytes[wordStart..<e], as: UTF8.self))
        }
        var builder = WordBuilder()
        while pos < bytes.count {
            let c = bytes[pos]
            if ShellBytes.isMeta(c) { break }
            switch c {
            case ShellBytes.backslash:
                if pos + 1 < bytes.count {
                    if bytes[pos + 1] == ShellBytes.newline {
                        line += 1
                    } else {
                        builder.append(bytes[pos + 1], quoted: true)
                    }
                    pos += 2
                } else {
                    builder.append(c, quoted: false)
                    pos += 1
                }
            case ShellBytes.quote:
                let startLine = line
                var e = pos + 1
                while e < bytes.count && bytes[e] != ShellBytes.quote {
                    if bytes[e] == ShellBytes.newline { line += 1 }
                    e += 1
                }
                guard e < bytes.count else {
                    throw ShellSyntaxError(kind: .unmatched("'"), line: startLine, lineText: "")
                }
                builder.appendBytes(bytes[(pos + 1)..<e], quoted: true)
                if e == pos + 1 { builder.add(.literal("", quoted: true)) }
                pos = e + 1
            case ShellBytes.dquote:
                pos += 1
                try scanDoubleQuoted(into: &builder)
            case ShellBytes.dollar:
                try scanDollar(into: &builder, quoted: false)
            case ShellBytes.backquote:
                try scanBackquote(into: &builder, quoted: false)
            case ShellBytes.tilde where pos == wordStart:
                let n: UInt8 = pos + 1 < bytes.count ? bytes[pos + 1] : ShellBytes.space
                if n == ShellBytes.slash || ShellBytes.isMeta(n) {
                    builder.add(.tilde)
                } else {
                    builder.append(c, quoted: false)
                }
                pos += 1
            default:
                builder.append(c, quoted: false)
                pos += 1
            }
        }
        return builder.finish()
    }

    /// Scans the inside of `"…"` (pos just after the opening quote) through the closing quote.
    mutating func scanDoubleQuoted(into builder: inout WordBuilder) throws(ShellSyntaxError) {
        let startLine = line
        let before = builder.parts.count + (builder.bytes.isEmpty ? 0 : 1)
        while true {
            guard pos < bytes.count else {
                throw ShellSyntaxError(kind: .unmatched("\""), line: startLine, lineText: "")
            }
            let c = bytes[pos]
            switch c {
            case ShellBytes.dquote:
                pos += 1
                let after = builder.parts.count + (builder.bytes.isEmpty ? 0 : 1)
                if after == before { builder.add(.literal("", quoted: true)) }
                return
            case ShellBytes.backslash:
                let n: UInt8 = pos + 1 < bytes.count ? bytes[pos + 1] : 0
                switch n {
                case ShellBytes.dollar, ShellBytes.backquote, ShellBytes.dquote, ShellBytes.backslash:
                    builder.append(n, quoted: true); pos += 2
                case ShellBytes.newline:
                    line += 1; pos += 2
                default:
                    builder.append(c, quoted: true); pos += 1
                }
            case ShellBytes.dollar:
                try scanDollar(into: &builder, quoted: true)
            case ShellBytes.backquote:
                try scanBackquote(into: &builder, quoted: true)
            default:
                if c == ShellBytes.newline { line += 1 }
                builder.append(c, quoted: true)
                pos += 1
            }
        }
    }

    /// Scans `$…` at `pos`.
    mutating func scanDollar(into builder: inout WordBuilder, quoted: Bool) throws(ShellSyntaxError) {
        let n: UInt8 = pos + 1 < bytes.count ? bytes[pos + 1] : 0
        if ShellBytes.isNameStart(n) {
            var e = pos + 2
            while e < bytes.count && ShellBytes.isNameChar(bytes[e]) { e += 1 }
            let name = String(decoding: bytes[(pos + 1)..<e], as: UTF8.self)
            builder.add(.parameter(ShellParameter(name: name, op: .plain), quoted: quoted))
            pos = e
            return
        }
        switch n {
        case ShellBytes.quote where !quoted:
            try scanAnsiC(into: &builder)
        case ShellBytes.lbrace:
            try scanBraced(into: &builder, quoted: quoted)
        case ShellBytes.lparen:
            if pos + 2 < bytes.count && bytes[pos + 2] == ShellBytes.lparen {
                // $(( expression ))
                var depth = 0
                var e = pos + 3
                while e < bytes.count {
                    if bytes[e] == ShellBytes.lparen { depth += 1 }
                    if bytes[e] == ShellBytes.rparen {
                        if depth == 0 && e + 1 < bytes.count && bytes[e + 1] == ShellBytes.rparen { break }
                        depth -= 1
                    }
                    e += 1
                }
                guard e < bytes.count else {
                    throw ShellSyntaxError(kind: .unmatched(")"), line: endOfFileLine, lineText: "")
                }
                builder.add(.arithmetic(String(decoding: bytes[(pos + 3)..<e], as: UTF8.self), quoted: quoted))
                pos = e + 2
                return
            }
            pos += 2
            let savedPeek = peeked
            peeked = nil
            substitutionDepth += 1
            let list: ShellList
            do {
                list = try parseParenthesisedList(substitution: true)
            } catch {
                if case .unexpectedEndOfFile = error.kind {
                    throw ShellSyntaxError(kind: .unmatched(")"), line: endOfFileLine, lineText: "")
                }
                var marked = error
                if case .unexpectedToken = error.kind { marked.inCommandSubstitution = true }
                throw marked
            }
            substitutionDepth -= 1
            peeked = savedPeek
            builder.add(.commandSubstitution(list, quoted: quoted))
        case 0x3F, ShellBytes.dollar, ShellBytes.hash, 0x21, 0x40, 0x2A, 0x2D, 0x30...0x39:
            builder.add(.parameter(ShellParameter(name: String(UnicodeScalar(n)), op: .plain), quoted: quoted))
            pos += 2
        default:
            builder.append(ShellBytes.dollar, quoted: quoted)
            pos += 1
        }
    }

    /// Scans `$'…'` at `pos`: a quoted string with C escapes.
    mutating func scanAnsiC(into builder: inout WordBuilder) throws(ShellSyntaxError) {
        let startLine = line
        var e = pos + 2
        var out: [UInt8] = []
        while e < bytes.count && bytes[e] != ShellBytes.quote {
            var c = bytes[e]
            if c == ShellBytes.newline { line += 1 }
            if c == ShellBytes.backslash && e + 1 < bytes.count {
                e += 1
                c = bytes[e]
                switch c {
                case 0x6E: out.append(0x0A)
                case 0x74: out.append(0x09)
                case 0x72: out.append(0x0D)
                case 0x61: out.append(0x07)
                case 0x62: out.append(0x08)
                case 0x65, 0x45: out.append(0x1B)
                case 0x66: out.append(0x0C)
                case 0x76: out.append(0x0B)
                case 0x78:
                    var value: UInt8 = 0
                    var digits = 0
                    while digits < 2, e + 1 < bytes.count, let d = Self.hexValue(bytes[e + 1]) { value = value * 16 + d; e += 1; digits += 1 }
                    if digits == 0 { out.append(ShellBytes.backslash); out.append(c) } else { out.append(value) }
                case 0x30...0x37:
                    var value = Int(c - 0x30)
                    var digits = 1
                    while digits < 3, e + 1 < bytes.count, bytes[e + 1] >= 0x30 && bytes[e + 1] <= 0x37 {
                        value = value * 8 + Int(bytes[e + 1] - 0x30); e += 1; digits += 1
                    }
                    out.append(UInt8(truncatingIfNeeded: value))
                case ShellBytes.backslash, ShellBytes.quote, ShellBytes.dquote, 0x3F: out.append(c)
                default: out.append(ShellBytes.backslash); out.append(c)
                }
                e += 1
                continue
            }
            out.append(c)
            e += 1
        }
        guard e < bytes.count else { throw ShellSyntaxError(kind: .unmatched("'"), line: startLine, lineText: "") }
        builder.appendBytes(out[...], quoted: true)
        if out.isEmpty { builder.add(.literal("", quoted: true)) }
        pos = e + 1
    }

    static func hexValue(_ b: UInt8) -> UInt8? {
        switch b {
        case 0x30...0x39: return b - 0x30
        case 0x61...0x66: return b - 0x61 + 10
        case 0x41...0x46: return b - 0x41 + 10
        default: return nil
        }
    }

    /// Scans `${…}` at `pos`.
    mutating func scanBraced(into builder: inout WordBuilder, quoted: Bool) throws(ShellSyntaxError) {
        nesting += 1
        defer { nesting -= 1 }
        if nesting > Self.maxNesting { throw ShellSyntaxError(kind: .unexpectedToken("${"), line: line, lineText: "") }
        let startLine = line
        let open = pos
        pos += 2
        var length = false
        if pos + 1 < bytes.count && bytes[pos] == ShellBytes.hash && bytes[pos + 1] != ShellBytes.rbrace {
            length = true
            pos += 1
        }
        let nameStart = pos
        if pos < bytes.count && ShellBytes.isNameStart(bytes[pos]) {
            while pos < bytes.count && ShellBytes.isNameChar(bytes[pos]) { pos += 1 }
        } else if pos < bytes.count, [0x3F, ShellBytes.dollar, ShellBytes.hash, 0x21, 0x40, 0x2A, 0x2D].contains(bytes[pos]) || ShellBytes.isDigit(bytes[pos]) {
            pos += 1
        }
        let name = String(decoding: bytes[nameStart..<pos], as: UTF8.self)
        func bad(_ parser: inout ShellParser) throws(ShellSyntaxError) -> ShellParameter {
            var depth = 0
            while parser.pos < parser.bytes.count {
                let c = parser.bytes[parser.pos]
                if c == ShellBytes.newline { parser.line += 1 }
                if c == ShellBytes.lbrace { depth += 1 }
                if c == ShellBytes.rbrace { if depth == 0 { break }; depth -= 1 }
                parser.pos += 1
            }
            guard parser.pos < parser.bytes.count else {
                throw ShellSyntaxError(kind: .unmatched("}"), line: startLine, lineText: "")
            }
            parser.pos += 1
            return ShellParameter(name: name, op: .bad(String(decoding: parser.bytes[open..<parser.pos], as: UTF8.self)))
        }
        guard pos < bytes.count else { throw ShellSyntaxError(kind: .unmatched("}"), line: startLine, lineText: "") }
        if bytes[pos] == ShellBytes.rbrace && !name.isEmpty {
            pos += 1
            builder.add(.parameter(ShellParameter(name: name, op: length ? .length : .plain), quoted: quoted))
            return
        }
        if name.isEmpty || length {
            builder.add(.parameter(try bad(&self), quoted: quoted))
            return
        }
        var colon = false
        if bytes[pos] == ShellBytes.colon { colon = true; pos += 1 }
        let opByte: UInt8 = pos < bytes.count ? bytes[pos] : 0
        guard opByte == 0x2D || opByte == ShellBytes.equals || opByte == 0x2B else {
            builder.add(.parameter(try bad(&self), quoted: quoted))
            return
        }
        pos += 1
        var inner = WordBuilder()
        while true {
            guard pos < bytes.count else { throw ShellSyntaxError(kind: .unmatched("}"), line: startLine, lineText: "") }
            let c = bytes[pos]
            if c == ShellBytes.rbrace { pos += 1; break }
            switch c {
            case ShellBytes.backslash where pos + 1 < bytes.count:
                inner.append(bytes[pos + 1], quoted: true); pos += 2
            case ShellBytes.quote where !quoted:
                var e = pos + 1
                while e < bytes.count && bytes[e] != ShellBytes.quote { e += 1 }
                guard e < bytes.count else { throw ShellSyntaxError(kind: .unmatched("'"), line: startLine, lineText: "") }
                inner.appendBytes(bytes[(pos + 1)..<e], quoted: true)
                pos = e + 1
            case ShellBytes.dquote:
                pos += 1
                try scanDoubleQuoted(into: &inner)
            case ShellBytes.dollar: try scanDollar(into: &inner, quoted: quoted)
            case ShellBytes.backquote: try scanBackquote(into: &inner, quoted: quoted)
            default:
                if c == ShellBytes.newline { line += 1 }
                inner.append(c, quoted: quoted); pos += 1
            }
        }
        let word = inner.finish()
        let op: ShellParameter.Operator
        switch opByte {
        case 0x2D: op = .defaultValue(word, colon: colon)
        case ShellBytes.equals: op = .assignDefault(word, colon: colon)
        default: op = .alternative(word, colon: colon)
        }
        builder.add(.parameter(ShellParameter(name: name, op: op), quoted: quoted))
    }

    /// Scans `` `…` `` at `pos` and parses its inside as a script of its own.
    mutating func scanBackquote(into builder: inout WordBuilder, quoted: Bool) throws(ShellSyntaxError) {
        let startLine = line
        var inner: [UInt8] = []
        var e = pos + 1
        while e < bytes.count && bytes[e] != ShellBytes.backquote {
            if bytes[e] == ShellBytes.backslash && e + 1 < bytes.count {
                let n = bytes[e + 1]
                if n == ShellBytes.backquote || n == ShellBytes.backslash || n == ShellBytes.dollar {
                    inner.append(n); e += 2; continue
                }
            }
            if bytes[e] == ShellBytes.newline { line += 1 }
            inner.append(bytes[e])
            e += 1
        }
        guard e < bytes.count else { throw ShellSyntaxError(kind: .unmatched("`"), line: startLine, lineText: "") }
        pos = e + 1
        var sub = ShellParser(bytes: inner)
        switch sub.parseScript() {
        case .success(let script): builder.add(.backquote(script, quoted: quoted))
        case .failure(var error):
            error.line += startLine - 1
            throw error
        }
    }

    /// Reads the bodies of the pending here-documents, which start at `pos` (after a newline).
    mutating func readHereDocuments() {
        let pending = pendingHereDocuments
        pendingHereDocuments.removeAll()
        for doc in pending {
            var body: [UInt8] = []
            var found = false
            while pos < bytes.count {
                var e = pos
                while e < bytes.count && bytes[e] != ShellBytes.newline { e += 1 }
                var s = pos
                if doc.strip { while s < e && bytes[s] == ShellBytes.tab { s += 1 } }
                let hasNewline = e < bytes.count
                pos = hasNewline ? e + 1 : e
                line += hasNewline ? 1 : 0
                if bytes[s..<e].elementsEqual(doc.delimiter) { found = true; break }
                body.append(contentsOf: bytes[s..<e])
                body.append(ShellBytes.newline)
            }
            if !found {
                unterminatedHereDocument = true
                let wanted = String(decoding: doc.delimiter, as: UTF8.self)
                warnings.append((max(1, endOfFileLine - 1),
                                 "warning: here-document at line \(doc.line) delimited by end-of-file (wanted `\(wanted)')"))
            }
            hereDocuments[doc.index] = doc.quoted
                ? ShellWord(parts: [.literal(String(decoding: body, as: UTF8.self), quoted: true)])
                : Self.hereDocumentWord(body)
        }
    }

    /// An unquoted here-document body: `$` and backquote expansions, `\$ \` \\` escapes.
    static func hereDocumentWord(_ body: [UInt8]) -> ShellWord {
        var sub = ShellParser(bytes: body)
        var builder = WordBuilder()
        while sub.pos < sub.bytes.count {
            let c = sub.bytes[sub.pos]
            switch c {
            case ShellBytes.backslash:
                let n: UInt8 = sub.pos + 1 < sub.bytes.count ? sub.bytes[sub.pos + 1] : 0
                if n == ShellBytes.dollar || n == ShellBytes.backquote || n == ShellBytes.backslash {
                    builder.append(n, quoted: true); sub.pos += 2
                } else if n == ShellBytes.newline {
                    sub.pos += 2
                } else {
                    builder.append(c, quoted: true); sub.pos += 1
                }
            case ShellBytes.dollar:
                if (try? sub.scanDollar(into: &builder, quoted: true)) == nil {
                    builder.append(c, quoted: true); sub.pos += 1
                }
            case ShellBytes.backquote:
                if (try? sub.scanBackquote(into: &builder, quoted: true)) == nil {
                    builder.append(c, quoted: true); sub.pos += 1
                }
            default:
                builder.append(c, quoted: true); sub.pos += 1
            }
        }
        return builder.finish()
    }
}
