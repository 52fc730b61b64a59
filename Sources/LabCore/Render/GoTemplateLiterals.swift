/// Go's rules for the constants written inside template actions: numbers (strconv.ParseInt /
/// ParseFloat with base prefixes and `_`), character constants and quoted strings (strconv.Unquote).
enum TemplateLiterals {
    static func number(
        _ text: String, isChar: Bool, fail: (String) -> GoTemplateError
    ) throws(GoTemplateError) -> TemplateNumber {
        if isChar {
            let inner = Array(text.unicodeScalars.dropFirst())
            guard let (u, used) = unescape(inner[...], quote: "'") else { throw fail(TemplateMessages.invalidSyntax) }
            if used + 1 != inner.count || inner.last != "'" { throw fail(TemplateMessages.malformedChar(text)) }
            return TemplateNumber(text: text, value: .int(Int64(u.value)))
        }
        let lower = text.lowercased()
        let isHex = lower.hasPrefix("0x") || lower.hasPrefix("-0x") || lower.hasPrefix("+0x")
        let looksFloat = isHex ? lower.contains("p") : lower.contains(where: { ".e".contains($0) })
        if !looksFloat, let i = parseInt(text) { return TemplateNumber(text: text, value: .int(i)) }
        if text.contains("_") {
            // Go's underscoreOK: underscores only between digits (or after a base prefix).
            let b = Array(text.utf8)
            for (k, c) in b.enumerated() where c == UInt8(ascii: "_") {
                let before = k > 0 ? b[k - 1] : 0, after = k + 1 < b.count ? b[k + 1] : 0
                let isDigit: (UInt8) -> Bool = { ($0 >= 0x30 && $0 <= 0x39) || (isHex && Character(Unicode.Scalar($0)).isHexDigit) }
                if !(isDigit(before) || before == UInt8(ascii: "x") || before == UInt8(ascii: "X")) || !isDigit(after) {
                    throw fail(TemplateMessages.illegalNumber(text))
                }
            }
        }
        if !text.hasSuffix("i"), let d = Double(String(text.filter { $0 != "_" })), !d.isNaN,
            looksFloat || !isHex
        {
            return TemplateNumber(text: text, value: .double(d))
        }
        throw fail(TemplateMessages.illegalNumber(text))
    }

    /// strconv.ParseInt(text, 0, 64).
    static func parseInt(_ text: String) -> Int64? {
        var u = Substring(text)
        var negative = false
        if let f = u.first, f == "+" || f == "-" {
            negative = f == "-"
            u = u.dropFirst()
        }
        var base: UInt64 = 10
        let l = u.lowercased()
        if l.hasPrefix("0x") {
            base = 16; u = u.dropFirst(2)
        } else if l.hasPrefix("0o") {
            base = 8; u = u.dropFirst(2)
        } else if l.hasPrefix("0b") {
            base = 2; u = u.dropFirst(2)
        } else if l.hasPrefix("0") && l.count > 1 {
            base = 8; u = u.dropFirst()
        }
        if u.isEmpty || u.hasPrefix("_") || u.hasSuffix("_") || u.contains("__") { return nil }
        var v: UInt64 = 0
        for c in u where c != "_" {
            guard let d = c.hexDigitValue, UInt64(d) < base else { return nil }
            let (m, o1) = v.multipliedReportingOverflow(by: base)
            let (a, o2) = m.addingReportingOverflow(UInt64(d))
            if o1 || o2 { return nil }
            v = a
        }
        if negative {
            if v > UInt64(Int64.max) + 1 { return nil }
            return v == UInt64(Int64.max) + 1 ? Int64.min : -Int64(v)
        }
        return v > UInt64(Int64.max) ? nil : Int64(v)
    }

    /// strconv.Unquote for "…" and `…` literals; nil means "invalid syntax".
    static func unquote(_ text: String) -> String? {
        let scalars = Array(text.unicodeScalars)
        guard scalars.count >= 2, let q = scalars.first, scalars.last == q else { return nil }
        if q == "`" {
            var s = String.UnicodeScalarView()
            for u in scalars[1..<(scalars.count - 1)] where u != "\r" {
                if u == "`" { return nil }
                s.append(u)
            }
            return String(s)
        }
        guard q == "\"" else { return nil }
        var rest = scalars[1..<(scalars.count - 1)]
        if !rest.contains("\\") && !rest.contains("\"") { return String(String.UnicodeScalarView(rest)) }
        var out = String.UnicodeScalarView()
        var bytes: [UInt8] = []  // \x and octal escapes are bytes
        func flush() {
            if !bytes.isEmpty {
                out.append(contentsOf: String(decoding: bytes, as: UTF8.self).unicodeScalars)
                bytes.removeAll()
            }
        }
        while let u = rest.first {
            if u == "\"" || u == "\n" { return nil }
            if u != "\\" {
                flush()
                out.append(u)
                rest = rest.dropFirst()
                continue
            }
            let e = rest.dropFirst().first
            if e == "x" || (e.map { ("0"..."7").contains($0) } ?? false) {
                let n = e == "x" ? 2 : 3
                let digits = rest.dropFirst(e == "x" ? 2 : 1).prefix(n)
                guard digits.count == n, let v = UInt32(String(String.UnicodeScalarView(digits)), radix: e == "x" ? 16 : 8),
                    v < 256
                else { return nil }
                bytes.append(UInt8(v))
                rest = rest.dropFirst((e == "x" ? 2 : 1) + n)
                continue
            }
            guard let (v, used) = unescape(rest, quote: "\"") else { return nil }
            flush()
            out.append(v)
            rest = rest.dropFirst(used)
        }
        flush()
        return String(out)
    }

    /// One (possibly escaped) character at the start of `s`; returns it and how many scalars it used.
    static func unescape(_ s: ArraySlice<Unicode.Scalar>, quote: Unicode.Scalar) -> (Unicode.Scalar, Int)? {
        guard let c = s.first else { return nil }
        if c != "\\" { return c == quote ? nil : (c, 1) }
        guard let e = s.dropFirst().first else { return nil }
        switch e {
        case "a": return ("\u{07}", 2)
        case "b": return ("\u{08}", 2)
        case "f": return ("\u{0C}", 2)
        case "n": return ("\n", 2)
        case "r": return ("\r", 2)
        case "t": return ("\t", 2)
        case "v": return ("\u{0B}", 2)
        case "\\": return ("\\", 2)
        case "'", "\"":
            return e == quote ? (e, 2) : nil
        case "x", "u", "U":
            let n = e == "x" ? 2 : e == "u" ? 4 : 8
            let digits = s.dropFirst(2).prefix(n)
            guard digits.count == n, let v = UInt32(String(String.UnicodeScalarView(digits)), radix: 16),
                let u = Unicode.Scalar(v)
            else { return nil }
            return (u, 2 + n)
        case "0"..."7":
            let digits = s.dropFirst(1).prefix(3)
            guard digits.count == 3, let v = UInt32(String(String.UnicodeScalarView(digits)), radix: 8), v < 256,
                let u = Unicode.Scalar(v)
            else { return nil }
            return (u, 4)
        default: return nil
        }
    }
}
