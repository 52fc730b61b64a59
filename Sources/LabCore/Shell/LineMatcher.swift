/// A grep pattern (POSIX basic or extended, or fixed text) compiled to a Swift `Regex`.
struct LineMatcher {
    let regex: Regex<AnyRegexOutput>

    init?(_ pattern: String, extended: Bool, fixed: Bool, ignoreCase: Bool, word: Bool, line: Bool) {
        var body = fixed ? Self.escapeAll(pattern) : Self.translate(pattern, extended: extended)
        if word { body = "(?:^|[^A-Za-z0-9_])(?:" + body + ")(?:$|[^A-Za-z0-9_])" }
        if line { body = "^(?:" + body + ")$" }
        if ignoreCase { body = "(?i)" + body }
        guard let regex = try? Regex(body) else { return nil }
        self.regex = regex
    }

    func matches(_ line: Substring) -> Bool {
        (try? regex.firstMatch(in: line)) != nil
    }

    static func escapeAll(_ s: String) -> String {
        var out = ""
        for ch in s {
            if "\\^$.|?*+()[]{}/".contains(ch) { out.append("\\") }
            out.append(ch)
        }
        return out
    }

    /// POSIX BRE/ERE syntax to Swift's regex syntax.
    static func translate(_ pattern: String, extended: Bool) -> String {
        let chars = Array(pattern)
        var out = ""
        var i = 0
        var atStart = true
        while i < chars.count {
            let c = chars[i]
            let wasStart = atStart
            atStart = false
            switch c {
            case "\\":
                guard i + 1 < chars.count else { out += "\\\\"; i += 1; continue }
                let n = chars[i + 1]
                i += 2
                if !extended && "(){}|+?".contains(n) {
                    out.append(n)
                    if n == "(" || n == "|" { atStart = true }
                } else if n == "<" || n == ">" {
                    out += "\\b"
                } else {
                    out.append("\\"); out.append(n)
                }
                continue
            case "[":
                var j = i + 1
                var cls = "["
                if j < chars.count && chars[j] == "^" { cls += "^"; j += 1 }
                if j < chars.count && chars[j] == "]" { cls += "\\]"; j += 1 }
                var closed = false
                while j < chars.count {
                    let d = chars[j]
                    if d == "]" { closed = true; break }
                    if d == "[" && j + 1 < chars.count && (chars[j + 1] == ":" || chars[j + 1] == "=" || chars[j + 1] == ".") {
                        let close = chars[j + 1]
                        var k = j + 2
                        while k + 1 < chars.count && !(chars[k] == close && chars[k + 1] == "]") { k += 1 }
                        if k + 1 < chars.count { cls += String(chars[j...(k + 1)]); j = k + 2; continue }
                    }
                    if d == "\\" || d == "[" || d == "&" || d == "~" || (d == "-" && j + 1 < chars.count && chars[j + 1] == "-") { cls += "\\" }
                    cls.append(d)
                    j += 1
                }
                if closed {
                    out += cls + "]"
                    i = j + 1
                } else {
                    out += "\\["
                    i += 1
                }
                continue
            case "*":
                if wasStart { out += "\\*" } else { out += "*" }
            case "(", ")", "{", "}", "|", "+", "?":
                if extended { out.append(c); if c == "(" || c == "|" { atStart = true } } else { out += "\\" + String(c) }
            case "^":
                out += "^"
                atStart = true
            case "/", "#", " ":
                out.append(c)
            default:
                out.append(c)
            }
            i += 1
        }
        return out
    }
}
