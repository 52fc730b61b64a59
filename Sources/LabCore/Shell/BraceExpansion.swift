/// Brace expansion (`a{b,c}d`, `{1..3}`, `{a..e}`) of unquoted literal text, as bash does
/// before any other expansion.
enum BraceExpansion {
    /// Whether the text could contain a brace expansion (cheap pre-check).
    static func mayExpand(_ text: String) -> Bool {
        var bytes = text
        return bytes.withUTF8 { b in
            var open = false
            for c in b {
                if c == ShellBytes.lbrace { open = true } else if c == ShellBytes.rbrace && open { return true }
            }
            return false
        }
    }

    /// At most this many words come out of one word.
    static let limit = 100_000

    /// Every alternative of `text`, in bash's order; `[text]` when there is no expansion.
    static func expand(_ text: String) -> [String] {
        let chars = Array(text.utf8)
        guard let (open, close, commas) = findBrace(chars) else { return [text] }
        let prefix = String(decoding: chars[..<open], as: UTF8.self)
        let suffixes = expand(String(decoding: chars[(close + 1)...], as: UTF8.self))
        var alternatives: [String] = []
        if commas.isEmpty {
            let body = String(decoding: chars[(open + 1)..<close], as: UTF8.self)
            guard let sequence = Self.sequence(body) else {
                // Not an expansion: keep the braces and expand what follows.
                return expand(String(decoding: chars[(close + 1)...], as: UTF8.self)).map {
                    prefix + "{" + body + "}" + $0
                }
            }
            alternatives = sequence
        } else {
            var start = open + 1
            for comma in commas + [close] {
                alternatives.append(contentsOf: expand(String(decoding: chars[start..<comma], as: UTF8.self)))
                start = comma + 1
            }
        }
        var out: [String] = []
        for alternative in alternatives {
            for suffix in suffixes where out.count < limit { out.append(prefix + alternative + suffix) }
        }
        return out
    }

    /// The first `{…}` with top-level commas (or a `..` sequence): its bounds and comma offsets.
    static func findBrace(_ chars: [UInt8]) -> (Int, Int, [Int])? {
        var i = 0
        while i < chars.count {
            if chars[i] == ShellBytes.lbrace {
                var depth = 0
                var commas: [Int] = []
                var j = i
                while j < chars.count {
                    let c = chars[j]
                    if c == ShellBytes.lbrace { depth += 1 }
                    else if c == ShellBytes.rbrace {
                        depth -= 1
                        if depth == 0 { break }
                    } else if c == 0x2C && depth == 1 { commas.append(j) }
                    j += 1
                }
                if j < chars.count {
                    let body = chars[(i + 1)..<j]
                    if !commas.isEmpty || sequence(String(decoding: body, as: UTF8.self)) != nil { return (i, j, commas) }
                }
            }
            i += 1
        }
        return nil
    }

    /// `1..5`, `5..1`, `1..10..2`, `a..e`.
    static func sequence(_ body: String) -> [String]? {
        let parts = body.components(separatedByDots: ())
        guard parts.count == 2 || parts.count == 3 else { return nil }
        let step = parts.count == 3 ? abs(Int(parts[2]) ?? 0) : 1
        if let a = Int(parts[0]), let b = Int(parts[1]), abs(a) < 1_000_000_000, abs(b) < 1_000_000_000 {
            let s = max(step, 1)
            if abs(b - a) / s > 100_000 { return nil }
            let values = a <= b ? Array(stride(from: a, through: b, by: s)) : Array(stride(from: a, through: b, by: -s))
            return values.count > 100_000 ? nil : values.map(String.init)
        }
        if parts[0].utf8.count == 1, parts[1].utf8.count == 1, let a = parts[0].utf8.first, let b = parts[1].utf8.first,
           a < 128, b < 128, (a | 0x20) >= 0x61 && (a | 0x20) <= 0x7A, (b | 0x20) >= 0x61 && (b | 0x20) <= 0x7A {
            let s = UInt8(max(step, 1))
            let values = a <= b ? Array(stride(from: a, through: b, by: Int(s))) : Array(stride(from: a, through: b, by: -Int(s)))
            return values.map { String(UnicodeScalar($0)) }
        }
        return nil
    }
}

fileprivate extension String {
    func components(separatedByDots _: ()) -> [String] {
        var parts: [String] = []
        var current = Substring(self)
        while let r = current.firstRange(of: "..") {
            parts.append(String(current[..<r.lowerBound]))
            current = current[r.upperBound...]
        }
        parts.append(String(current))
        return parts
    }
}
