import Foundation

/// `.dockerignore` as the builder reads it (Dockerfile reference, "dockerignore file"): one
/// pattern a line on cleaned paths (`./a`, `/a` and `a/` all name `a`), `*` and `?` within a
/// name, `**` across folders, `!` for an exception; the last pattern that matches a path, or
/// one of its folders, decides.
struct DockerIgnore {
    struct Rule {
        let regex: NSRegularExpression
        let exception: Bool
    }

    let rules: [Rule]

    init(_ text: String) {
        var rules: [Rule] = []
        for raw in text.split(separator: "\n") {
            var line = raw.trimmingCharacters(in: .whitespaces)
            guard !line.isEmpty, !line.hasPrefix("#") else { continue }
            let exception = line.hasPrefix("!")
            if exception { line.removeFirst() }
            let cleaned = line.split(separator: "/").filter { $0 != "." && !$0.isEmpty }.joined(separator: "/")
            guard !cleaned.isEmpty, let regex = try? NSRegularExpression(pattern: "^" + Self.regex(cleaned) + "$") else { continue }
            rules.append(Rule(regex: regex, exception: exception))
        }
        self.rules = rules
    }

    /// A glob as a regular expression: `**` any folders, `*` and `?` within one name.
    static func regex(_ glob: String) -> String {
        var out = ""
        var chars = Array(glob)[...]
        while let c = chars.popFirst() {
            switch c {
            case "*" where chars.first == "*":
                chars.removeFirst()
                if chars.first == "/" { chars.removeFirst(); out += "(.*/)?" } else { out += ".*" }
            case "*": out += "[^/]*"
            case "?": out += "[^/]"
            case "[", "]": out.append(c)
            default: out += NSRegularExpression.escapedPattern(for: String(c))
            }
        }
        return out
    }

    /// Whether the context leaves out `path` (relative to the context folder).
    func excludes(_ path: String) -> Bool {
        guard !rules.isEmpty else { return false }
        // The path and each of its folders: a pattern naming a folder takes what is in it.
        var candidates: [String] = []
        var prefix = ""
        for part in path.split(separator: "/") {
            prefix += prefix.isEmpty ? String(part) : "/" + part
            candidates.append(prefix)
        }
        var excluded = false
        for rule in rules where candidates.contains(where: { c in
            rule.regex.firstMatch(in: c, range: NSRange(c.startIndex..., in: c)) != nil
        }) {
            excluded = !rule.exception
        }
        return excluded
    }
}
