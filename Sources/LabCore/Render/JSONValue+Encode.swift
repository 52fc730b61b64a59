extension JSONValue {
    /// Compact JSON like Go's `json.Marshal` (escapeHTML true) or a `json.Encoder` with
    /// `SetEscapeHTML(false)` (the docker template function `json`), without a trailing newline.
    public func compactJSON(escapeHTML: Bool = true) -> String {
        var out = ""
        JSONWriter(escapeHTML: escapeHTML, indent: nil).write(self, into: &out, depth: 0)
        return out
    }

    /// Indented JSON like Go's `json.MarshalIndent(v, "", indent)`: one member per line,
    /// `"key": value`, empty arrays and objects as `[]` and `{}`. No trailing newline.
    public func indentedJSON(indent: String = "    ", escapeHTML: Bool = false) -> String {
        var out = ""
        JSONWriter(escapeHTML: escapeHTML, indent: indent).write(self, into: &out, depth: 0)
        return out
    }

    /// What `docker inspect` (no --format) prints for the objects it found: a four-space
    /// indented JSON array and a newline, `[]\n` when nothing was found.
    public static func inspectDocument(_ objects: [JSONValue]) -> String {
        if objects.isEmpty { return "[]\n" }
        return JSONValue.array(objects).indentedJSON() + "\n"
    }

    /// What `docker inspect --format json` prints: the compact array and a newline.
    public static func inspectCompactDocument(_ objects: [JSONValue]) -> String {
        if objects.isEmpty { return "[]\n" }
        return JSONValue.array(objects).compactJSON(escapeHTML: false) + "\n"
    }
}

/// Serialises JSONValue with encoding/json's escaping and number rules.
struct JSONWriter {
    let escapeHTML: Bool
    let indent: String?

    private static let hex: [UInt8] = Array("0123456789abcdef".utf8)

    func newline(_ out: inout String, _ depth: Int) {
        guard let indent else { return }
        out += "\n"
        for _ in 0..<depth { out += indent }
    }

    func write(_ v: JSONValue, into out: inout String, depth: Int) {
        switch v {
        case .null: out += "null"
        case .bool(let b): out += b ? "true" : "false"
        case .int(let i): out += String(i)
        case .double(let d): out += GoFloatFormat.json(d)
        case .string(let s): writeString(s, into: &out)
        case .array(let a):
            if a.isEmpty {
                out += "[]"
                return
            }
            out += "["
            for (i, e) in a.enumerated() {
                if i > 0 { out += "," }
                newline(&out, depth + 1)
                write(e, into: &out, depth: depth + 1)
            }
            newline(&out, depth)
            out += "]"
        case .object(let o):
            if o.isEmpty {
                out += "{}"
                return
            }
            out += "{"
            for (i, e) in o.entries.enumerated() {
                if i > 0 { out += "," }
                newline(&out, depth + 1)
                writeString(e.key, into: &out)
                out += indent == nil ? ":" : ": "
                write(e.value, into: &out, depth: depth + 1)
            }
            newline(&out, depth)
            out += "}"
        }
    }

    private func needsEscape(_ s: String) -> Bool {
        var s = s
        let html = escapeHTML
        // Over the contiguous bytes (a native string's own storage): no per-byte view overhead.
        return s.withUTF8 { bytes in
            for b in bytes {
                if b < 0x20 || b == 0x22 || b == 0x5C { return true }
                if html && (b == 0x3C || b == 0x3E || b == 0x26) { return true }
                if b == 0xE2 { return true }  // possible U+2028 / U+2029
            }
            return false
        }
    }

    func writeString(_ s: String, into out: inout String) {
        out += "\""
        if !needsEscape(s) {
            out += s
            out += "\""
            return
        }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(s.utf8.count + 8)
        for scalar in s.unicodeScalars {
            let v = scalar.value
            switch v {
            case 0x22: bytes += [0x5C, 0x22]
            case 0x5C: bytes += [0x5C, 0x5C]
            case 0x08: bytes += [0x5C, UInt8(ascii: "b")]
            case 0x0C: bytes += [0x5C, UInt8(ascii: "f")]
            case 0x0A: bytes += [0x5C, UInt8(ascii: "n")]
            case 0x0D: bytes += [0x5C, UInt8(ascii: "r")]
            case 0x09: bytes += [0x5C, UInt8(ascii: "t")]
            case 0x3C where escapeHTML, 0x3E where escapeHTML, 0x26 where escapeHTML: appendU(v, &bytes)
            case 0x2028, 0x2029: appendU(v, &bytes)
            case 0..<0x20: appendU(v, &bytes)
            default: bytes += Array(String(Character(scalar)).utf8)
            }
        }
        out += String(decoding: bytes, as: UTF8.self)
        out += "\""
    }

    private func appendU(_ v: UInt32, _ bytes: inout [UInt8]) {
        bytes += [0x5C, UInt8(ascii: "u")]
        for shift in stride(from: 12, through: 0, by: -4) {
            bytes.append(Self.hex[Int((v >> UInt32(shift)) & 0xF)])
        }
    }
}
