/// Go's `strconv`/`time` parsing rules as pflag uses them, reimplemented to decide exactly
/// which flag values the docker client accepts (behaviour checked against the client's
/// messages recorded in Tests/LabCoreTests/Fixtures/grammar/cases.json).
enum GoValues {
    /// strconv.ParseBool.
    static func parseBool(_ s: String) -> Bool? {
        switch s {
        case "1", "t", "T", "TRUE", "true", "True": return true
        case "0", "f", "F", "FALSE", "false", "False": return false
        default: return nil
        }
    }

    enum IntError { case syntax, range }

    /// strconv.ParseInt(s, 0, bits) / ParseUint(s, 0, bits) (base prefixes 0x 0o 0b 0, `_` separators).
    static func parseInteger(_ s: String, signed: Bool, bits: Int) -> IntError? {
        var u = Substring(s)
        var negative = false
        if signed, let f = u.first, f == "+" || f == "-" {
            negative = f == "-"
            u = u.dropFirst()
        }
        if u.isEmpty { return .syntax }
        var base: UInt64 = 10
        var prefixed = false
        if u.count >= 2, u.first == "0" {
            let p = u[u.index(after: u.startIndex)]
            switch p {
            case "x", "X": base = 16; u = u.dropFirst(2); prefixed = true
            case "o", "O": base = 8; u = u.dropFirst(2); prefixed = true
            case "b", "B": base = 2; u = u.dropFirst(2); prefixed = true
            default: base = 8; u = u.dropFirst()
            }
            if u.isEmpty && base != 8 { return .syntax }
        }
        // base 0: `_` only between digits (or right after a 0x/0o/0b prefix)
        if u.contains("_") {
            if u.last == "_" || u.contains("__") || (u.first == "_" && !prefixed) { return .syntax }
        }
        var value: UInt64 = 0
        var overflow = false
        for c in u {
            if c == "_" { continue }
            guard let d = c.hexDigitValue, UInt64(d) < base else { return .syntax }
            let (m, o1) = value.multipliedReportingOverflow(by: base)
            let (a, o2) = m.addingReportingOverflow(UInt64(d))
            if o1 || o2 { overflow = true }
            value = a
        }
        if overflow { return .range }
        if signed {
            let limit: UInt64 = UInt64(1) << UInt64(bits - 1)
            if negative ? value > limit : value >= limit { return .range }
        } else if bits < 64 && value >= (UInt64(1) << UInt64(bits)) {
            return .range
        }
        return nil
    }

    /// Parses a plain Go integer (base 10, as strconv.ParseInt(s, 10, 64)).
    static func parseInt10(_ s: Substring) -> Int64? {
        guard !s.isEmpty else { return nil }
        return Int64(s)
    }

    /// strconv.ParseFloat(s, 64) syntax (decimal, exponent, inf/nan).
    static func parseFloat(_ s: Substring) -> Double? {
        var u = s
        if let f = u.first, f == "+" || f == "-" { u = u.dropFirst() }
        let lower = u.lowercased()
        if lower == "inf" || lower == "infinity" || lower == "nan" { return Double(s.lowercased()) ?? .nan }
        var digits = 0
        var seenDot = false
        var idx = u.startIndex
        while idx < u.endIndex {
            let c = u[idx]
            if c.isASCII && c.isNumber { digits += 1 } else if c == "." && !seenDot { seenDot = true } else { break }
            idx = u.index(after: idx)
        }
        if digits == 0 { return nil }
        if idx < u.endIndex {
            guard u[idx] == "e" || u[idx] == "E" else { return nil }
            var e = u[u.index(after: idx)...]
            if let f = e.first, f == "+" || f == "-" { e = e.dropFirst() }
            if e.isEmpty || !e.allSatisfy({ $0.isASCII && $0.isNumber }) { return nil }
        }
        return Double(s)
    }

    /// time.ParseDuration: nil when valid, else Go's error text.
    static func durationError(_ s: String) -> String? {
        var u = Substring(s)
        let quoted = goQuote(s)
        if let f = u.first, f == "+" || f == "-" { u = u.dropFirst() }
        if u == "0" { return nil }
        if u.isEmpty { return "time: invalid duration " + quoted }
        while !u.isEmpty {
            var digits = 0
            var sawDot = false
            while let c = u.first, (c.isASCII && c.isNumber) || (c == "." && !sawDot) {
                if c == "." { sawDot = true } else { digits += 1 }
                u = u.dropFirst()
            }
            if digits == 0 { return "time: invalid duration " + quoted }
            var unit = Substring("")
            let start = u.startIndex
            while let c = u.first, c != ".", !(c.isASCII && c.isNumber) { u = u.dropFirst() }
            unit = s[start..<u.startIndex]
            if unit.isEmpty { return "time: missing unit in duration " + quoted }
            switch unit {
            case "ns", "us", "µs", "μs", "ms", "s", "m", "h": continue
            default: return "time: unknown unit " + goQuote(String(unit)) + " in duration " + quoted
            }
        }
        return nil
    }
}
