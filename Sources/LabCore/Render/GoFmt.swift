import Foundation

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

    /// A `[]byte` field's bytes, from the base64 text its JSON carries; nil for any other field.
    static func bytes(_ v: JSONValue, _ style: Style, _ key: String?) -> [UInt8]? {
        // `Data` is the only []byte field the lab's objects have: other keys are not looked up.
        guard let key, key == "Data", style.kinds[key] == .bytes else { return nil }
        switch v {
        case .string(let s): return Data(base64Encoded: s).map { Array($0) } ?? Array(s.utf8)
        case .null, .array([]): return []
        default: return nil
        }
    }

    static func formatV(_ v: JSONValue, into out: inout String, style: Style = .plain, key: String? = nil) {
        if let b = bytes(v, style, key) {
            out += "[" + b.map { String($0) }.joined(separator: " ") + "]"
            return
        }
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

    // MARK: comparison

    /// text/template's eq/lt rules on basic kinds: -1, 0, 1, or the error message.
    static func compare(_ a: JSONValue, _ b: JSONValue, orderOnly: Bool) -> Result<Int, CompareError> {
        func cmp<T: Comparable>(_ x: T, _ y: T) -> Int { x < y ? -1 : (x == y ? 0 : 1) }
        switch (a, b) {
        case (.int(let x), .int(let y)): return .success(cmp(x, y))
        case (.double(let x), .double(let y)): return .success(cmp(x, y))
        case (.string(let x), .string(let y)):
            return .success(x == y ? 0 : (x.utf8Precedes(y) ? -1 : 1))
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

    /// text/template's JSEscapeString.
    static func jsEscape(_ s: String) -> String {
        var out = ""
        for u in s.unicodeScalars {
            switch u {
            case "\\": out += "\\\\"
            case "'": out += "\\'"
            case "\"": out += "\\\""
            case "<", ">", "&", "=": out += "\\u" + hexN(u.value, 4, upper: true)
            default:
                if u.value < 0x20 || !isPrintable(u) {
                    out += "\\u" + hexN(u.value, 4, upper: true)
                } else {
                    out.unicodeScalars.append(u)
                }
            }
        }
        return out
    }

    /// Go's unicode.IsPrint, near enough: letters, marks, numbers, punctuation, symbols and ASCII space.
    static func isPrintable(_ u: Unicode.Scalar) -> Bool {
        if u == " " { return true }
        switch u.properties.generalCategory {
        case .control, .format, .surrogate, .privateUse, .unassigned, .lineSeparator, .paragraphSeparator, .spaceSeparator:
            return false
        default: return true
        }
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
