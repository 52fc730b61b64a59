/// Go's fmt.Sprintf verbs and flags (`%v %s %d %q %t %x %X %o %b %c %U %e %f %g %T`, `-+# 0`,
/// width and precision, and fmt's `%!d(string=…)`, `%!d(MISSING)`, `%!(EXTRA …)` complaints).
extension GoFmt {
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
            var a = args[argi]
            if let b = bytes(a, style, keyed[argi].key) {
                // fmt prints a []byte as text with %s %q %x %X, as numbers otherwise.
                a = "sqxX".contains(verb) ? .string(String(decoding: b, as: UTF8.self)) : .array(b.map { .int(Int64($0)) })
            }
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

}
