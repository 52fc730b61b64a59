/// Go's fmt rules (Sprint, Sprintln, Sprintf with the common verbs and flags) and
/// text/template's truth and comparison rules, applied to JSONValue.
enum GoFmt {
    /// The Go type a value stands for, as fmt and template errors name it.
    static func typeName(_ v: JSONValue?) -> String {
        switch v {
        case nil, .null: return "<nil>"
        case .bool: return "bool"
        case .int: return "int"
        case .double: return "float64"
        case .string: return "string"
        case .array: return "[]interface {}"
        case .object: return "map[string]interface {}"
        }
    }

    /// text/template's truth: false for missing, null, false, 0, "" and empty collections.
    static func isTrue(_ v: JSONValue?) -> Bool {
        switch v {
        case nil, .null: return false
        case .bool(let b): return b
        case .int(let i): return i != 0
        case .double(let d): return d != 0
        case .string(let s): return !s.isEmpty
        case .array(let a): return !a.isEmpty
        case .object(let o): return !o.isEmpty
        }
    }

    /// How objects and nulls print, given the Go kinds of fields by name.
    struct Style {
        var kinds: [String: GoTemplate.FieldKind]
        /// False in docker inspect's raw-map pass, where every object is a Go map.
        var structs: Bool
        static let plain = Style(kinds: [:], structs: false)
    }

    /// A value with the name of the field it was read from (nil when not read from a field).
    struct Keyed {
        var value: JSONValue
        var key: String?
    }

    /// What an action prints for its value: `<no value>` when missing, else `%v`.
    static func printValue(_ v: JSONValue?, into out: inout String, style: Style = .plain, key: String? = nil) {
        guard let v else {
            out += "<no value>"
            return
        }
        formatV(v, into: &out, style: style, key: key)
    }

    /// A null under a slice or map field stands for an empty one when printed.
    static func resolveNull(_ v: JSONValue, _ style: Style, _ key: String?) -> JSONValue {
        guard case .null = v, let key else { return v }
        switch style.kinds[key] {
        case .slice: return .array([])
        case .map: return .object(JSONObject())
        default: return v
        }
    }

    static func formatV(_ v: JSONValue, into out: inout String, style: Style = .plain, key: String? = nil) {
        switch v {
        case .string(let s): out += s
        case .int(let i): out += String(i)
        case .bool(let b): out += b ? "true" : "false"
        case .double(let d): out += GoFloatFormat.formatV(d)
        case .null:
            switch key.flatMap({ style.kinds[$0] }) {
            case .slice: out += "[]"
            case .map: out += "map[]"
            default: out += "<nil>"
            }
        case .array(let a):
            out += "["
            for (k, e) in a.enumerated() {
                if k > 0 { out += " " }
                formatV(e, into: &out, style: style)
            }
            out += "]"
        case .object(let o)
        where style.structs && (key.map { style.kinds[$0] != .map } ?? true) && TemplateExecutor.looksLikeStruct(o):
            // A Go struct prints its field values in order: {v1 v2 …}.
            out += "{"
            for (k, e) in o.entries.enumerated() {
                if k > 0 { out += " " }
                formatV(e.value, into: &out, style: style, key: e.key)
            }
            out += "}"
        case .object(let o):
            out += "map["
            for (k, name) in o.sortedKeys.enumerated() {
                if k > 0 { out += " " }
                out += name
                out += ":"
                formatV(o[name]!, into: &out, style: style)
            }
            out += "]"
        }
    }

    static func sprint(_ args: [JSONValue]) -> String { sprint(args.map { Keyed(value: $0) }, style: .plain) }

    static func sprint(_ args: [Keyed], style: Style) -> String {
        var out = ""
        var prevString = false
        for (k, a) in args.enumerated() {
            var isString = false
            if case .string = a.value { isString = true }
            if k > 0 && !isString && !prevString { out += " " }
            formatV(a.value, into: &out, style: style, key: a.key)
            prevString = isString
        }
        return out
    }

    static func sprintln(_ args: [Keyed], style: Style) -> String {
        var out = ""
        for (k, a) in args.enumerated() {
            if k > 0 { out += " " }
            formatV(a.value, into: &out, style: style, key: a.key)
        }
        return out + "\n"
    }

    // MARK: printf

    struct Spec {
        var minus = false, plus = false, sharp = false, zero = false, space = false
        var width: Int? = nil
        var precision: Int? = nil
    }

    static func sprintf(_ format: String, _ keyed: [Keyed], style: Style) -> String {
        let args = keyed.map { resolveNull($0.value, style, $0.key) }
        var out = ""
        let f = Array(format.unicodeScalars)
        var i = 0
        var argi = 0
        while i < f.count {
            if f[i] != "%" {
                out.unicodeScalars.append(f[i])
                i += 1
                continue
            }
            i += 1
            var spec = Spec()
            flags: while i < f.count {
                switch f[i] {
                case "-": spec.minus = true
                case "+": spec.plus = true
                case "#": spec.sharp = true
                case "0": spec.zero = true
                case " ": spec.space = true
                default: break flags
                }
                i += 1
            }
            func number() -> Int? {
                var n: Int? = nil
                while i < f.count, f[i].isASCII, let d = Int(String(f[i])) {
                    if (n ?? 0) > 1_000_000 {
                        // Go's parsenum gives up on absurd numbers and consumes the rest of the format.
                        i = f.count
                        return nil
                    }
                    n = (n ?? 0) * 10 + d
                    i += 1
                }
                return n
            }
            spec.width = number()
            if i < f.count, f[i] == "." {
                i += 1
                spec.precision = number() ?? 0
            }
            guard i < f.count else {
                out += "%!(NOVERB)"
                break
            }
            let verb = Character(f[i])
            i += 1
            if verb == "%" {
                out += "%"
                continue
            }
            guard argi < args.count else {
                out += "%!\(verb)(MISSING)"
                continue
            }
            let a = args[argi]
            argi += 1
            out += pad(formatVerb(verb, a, spec, style), spec, numeric: isNumeric(a))
        }
        if argi < args.count {
            out += "%!(EXTRA "
            out += args[argi...].map { a -> String in
                var s = ""
                formatV(a, into: &s, style: style)
                return "\(typeName(a))=\(s)"
            }.joined(separator: ", ")
            out += ")"
        }
        return out
    }

    private static func isNumeric(_ v: JSONValue) -> Bool {
        switch v {
        case .int, .double: return true
        default: return false
        }
    }

    private static func pad(_ s: String, _ spec: Spec, numeric: Bool) -> String {
        guard let w = spec.width else { return s }
        let n = s.unicodeScalars.count
        if n >= w { return s }
        let fill = w - n
        if spec.minus { return s + String(repeating: " ", count: fill) }
        if spec.zero && numeric {
            if let first = s.first, first == "-" || first == "+" {
                return String(first) + String(repeating: "0", count: fill) + s.dropFirst()
            }
            return String(repeating: "0", count: fill) + s
        }
        return String(repeating: " ", count: fill) + s
    }

    private static func bad(_ verb: Character, _ v: JSONValue) -> String {
        var s = ""
        formatV(v, into: &s)
        if case .null = v { return "%!\(verb)(<nil>)" }
        return "%!\(verb)(\(typeName(v))=\(s))"
    }

    private static func formatVerb(_ verb: Character, _ v: JSONValue, _ spec: Spec, _ style: Style) -> String {
        if case .array(let a) = v {
            if verb == "x" || verb == "X" || verb == "T" { return bad(verb, v) }
            return "[" + a.map { formatVerb(verb, $0, Spec(precision: spec.precision), style) }.joined(separator: " ") + "]"
        }
        if case .object(let o) = v, verb != "v", verb != "x", verb != "X", verb != "T" {
            // fmt applies the verb to a map's keys and values (and to a struct's fields).
            let inner = Spec(precision: spec.precision)
            if style.structs && TemplateExecutor.looksLikeStruct(o) {
                return "{" + o.entries.map { formatVerb(verb, $0.value, inner, style) }.joined(separator: " ") + "}"
            }
            return "map[" + o.sortedKeys.map { k in
                formatVerb(verb, .string(k), inner, style) + ":" + formatVerb(verb, o[k]!, inner, style)
            }.joined(separator: " ") + "]"
        }
        switch (verb, v) {
        case ("T", _): return typeName(v)
        case ("v", _):
            if case .double(let d) = v, let p = spec.precision {
                return GoFloatFormat.withPrecision(d, verb: "g", precision: p)
            }
            var s = ""
            formatV(v, into: &s, style: style)
            if spec.plus, case .int(let i) = v, i >= 0 { s = "+" + s }
            return s
        case ("s", .string(let s)):
            if let p = spec.precision { return String(String.UnicodeScalarView(s.unicodeScalars.prefix(p))) }
            return s
        case ("q", .string(let s)): return goQuote(s)
        case ("q", .int(let i)):
            guard let u = Unicode.Scalar(UInt32(truncatingIfNeeded: i)) else { return "'\u{FFFD}'" }
            return u == "'" ? "'\\''" : "'" + String(goQuote(String(Character(u))).dropFirst().dropLast()) + "'"
        case ("t", .bool(let b)): return b ? "true" : "false"
        case ("d", .int(let i)): return (spec.plus && i >= 0 ? "+" : "") + String(i)
        case ("x", .int(let i)), ("X", .int(let i)):
            let s = String(i.magnitude, radix: 16, uppercase: verb == "X")
            return (i < 0 ? "-" : "") + (spec.sharp ? (verb == "X" ? "0X" : "0x") : "") + s
        case ("x", .string(let s)), ("X", .string(let s)):
            return s.utf8.map { hexN(UInt32($0), 2, upper: verb == "X") }.joined()
        case ("o", .int(let i)): return (i < 0 ? "-" : "") + (spec.sharp ? "0" : "") + String(i.magnitude, radix: 8)
        case ("b", .int(let i)): return (i < 0 ? "-" : "") + String(i.magnitude, radix: 2)
        case ("c", .int(let i)):
            guard let u = Unicode.Scalar(UInt32(truncatingIfNeeded: i)) else { return "\u{FFFD}" }
            return String(Character(u))
        case ("U", .int(let i)): return "U+" + hexN(UInt32(truncatingIfNeeded: i), 4, upper: true)
        case ("e", .double(let d)), ("E", .double(let d)), ("f", .double(let d)), ("F", .double(let d)):
            var s = GoFloatFormat.withPrecision(d, verb: verb == "F" ? "f" : verb, precision: spec.precision ?? 6)
            if spec.plus && d >= 0 { s = "+" + s }
            return s
        case ("g", .double(let d)), ("G", .double(let d)):
            var s: String
            if let p = spec.precision {
                s = GoFloatFormat.withPrecision(d, verb: verb, precision: p)
            } else {
                s = GoFloatFormat.formatV(d)
                if verb == "G" { s = s.uppercased() }
            }
            if spec.plus && d >= 0 { s = "+" + s }
            return s
        default:
            return bad(verb, v)
        }
    }

    // MARK: comparison

    /// text/template's eq/lt rules on basic kinds: -1, 0, 1, or the error message.
    static func compare(_ a: JSONValue, _ b: JSONValue, orderOnly: Bool) -> Result<Int, CompareError> {
        func cmp<T: Comparable>(_ x: T, _ y: T) -> Int { x < y ? -1 : (x == y ? 0 : 1) }
        switch (a, b) {
        case (.int(let x), .int(let y)): return .success(cmp(x, y))
        case (.double(let x), .double(let y)): return .success(cmp(x, y))
        case (.string(let x), .string(let y)):
            return .success(x == y ? 0 : (x.utf8.lexicographicallyPrecedes(y.utf8) ? -1 : 1))
        case (.bool(let x), .bool(let y)):
            if orderOnly { return .failure(CompareError(TemplateMessages.invalidTypeForComparison)) }
            return .success(x == y ? 0 : 1)
        case (.null, .null):
            if orderOnly { return .failure(CompareError(TemplateMessages.invalidTypeForComparison)) }
            return .success(0)
        case (.array, _), (.object, _), (_, .array), (_, .object):
            if orderOnly { return .failure(CompareError(TemplateMessages.invalidTypeForComparison)) }
            let culprit: JSONValue
            switch a {
            case .array, .object: culprit = a
            default: culprit = b
            }
            return .failure(CompareError(TemplateMessages.nonComparable(sprint([culprit]), typeName(culprit))))
        default:
            return .failure(CompareError(TemplateMessages.incompatibleTypes))
        }
    }

    /// A comparison failure message.
    struct CompareError: Error {
        let message: String
        init(_ m: String) { message = m }
    }

    // MARK: strings

    /// strings.Title: upper-cases the first letter of every word.
    static func title(_ s: String) -> String {
        var out = String.UnicodeScalarView()
        var prevSep = true
        for u in s.unicodeScalars {
            if prevSep {
                out.append(contentsOf: changeCase(String(u), upper: true).unicodeScalars)
            } else {
                out.append(u)
            }
            if u.isASCII {
                let c = u.value
                prevSep = !((c >= 0x30 && c <= 0x39) || (c >= 0x41 && c <= 0x5A) || (c >= 0x61 && c <= 0x7A) || c == 0x5F)
            } else {
                prevSep = u.properties.isWhitespace
            }
        }
        return String(out)
    }

    /// strings.ToUpper / ToLower: rune by rune, keeping runes whose case mapping is not a
    /// single rune (Go's `ß` stays `ß`).
    static func changeCase(_ s: String, upper: Bool) -> String {
        var out = String.UnicodeScalarView()
        for u in s.unicodeScalars {
            if u.isASCII {
                var v = u.value
                if upper, v >= 0x61, v <= 0x7A { v -= 32 }
                if !upper, v >= 0x41, v <= 0x5A { v += 32 }
                out.append(Unicode.Scalar(v)!)
                continue
            }
            let m = upper ? u.properties.uppercaseMapping : u.properties.lowercaseMapping
            let ms = m.unicodeScalars
            if ms.count == 1 { out.append(ms.first!) } else { out.append(u) }
        }
        return String(out)
    }

    /// strings.Split.
    static func split(_ s: String, _ sep: String) -> [String] {
        if sep.isEmpty { return s.unicodeScalars.map { String($0) } }
        let b = Array(s.utf8), p = Array(sep.utf8)
        var parts: [String] = []
        var start = 0, i = 0
        while i + p.count <= b.count {
            if b[i..<(i + p.count)].elementsEqual(p) {
                parts.append(String(decoding: b[start..<i], as: UTF8.self))
                i += p.count
                start = i
            } else {
                i += 1
            }
        }
        parts.append(String(decoding: b[start...], as: UTF8.self))
        return parts
    }

    static func htmlEscape(_ s: String) -> String {
        var out = ""
        for c in s {
            switch c {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&#34;"
            case "'": out += "&#39;"
            default: out.append(c)
            }
        }
        return out
    }

    static func queryEscape(_ s: String) -> String {
        var out = ""
        for b in s.utf8 {
            switch b {
            case 0x30...0x39, 0x41...0x5A, 0x61...0x7A, UInt8(ascii: "-"), UInt8(ascii: "_"), UInt8(ascii: "."), UInt8(ascii: "~"):
                out.unicodeScalars.append(Unicode.Scalar(b))
            case UInt8(ascii: " "): out += "+"
            default: out += "%" + hexN(UInt32(b), 2, upper: true)
            }
        }
        return out
    }
}
