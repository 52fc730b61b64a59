/// Pathname expansion (`*`, `?`, `[…]`) against the virtual filesystem, and the pattern
/// matcher it uses (also used by `${…}`-free callers such as `ls`).
enum ShellGlob {
    /// The sorted paths matching `pattern` (backslash-escaped characters are literal), relative
    /// when the pattern is; empty when nothing matches.
    static func expand(_ pattern: String, cwd: String, files: VirtualFileSystem) -> [String] {
        let absolute = pattern.hasPrefix("/")
        let components = pattern.split(separator: "/", omittingEmptySubsequences: true).map { Array($0.utf8) }
        if components.isEmpty { return [] }
        // (display path so far, absolute path so far)
        var current: [(String, String)] = [(absolute ? "/" : "", absolute ? "/" : cwd)]
        for (i, component) in components.enumerated() {
            let last = i == components.count - 1
            var next: [(String, String)] = []
            let isPattern = component.contains { $0 == 0x2A || $0 == 0x3F || $0 == 0x5B }
            for (display, path) in current {
                guard files.isDirectory(path) else { continue }
                let join: (String) -> (String, String) = { name in
                    let d = display.isEmpty ? name : (display.hasSuffix("/") ? display + name : display + "/" + name)
                    let p = path == "/" ? "/" + name : path + "/" + name
                    return (d, p)
                }
                if isPattern {
                    for name in files.children(of: path) {
                        let bytes = Array(name.utf8)
                        if bytes.first == 0x2E && component.first != 0x2E { continue }
                        if match(component, bytes) { next.append(join(name)) }
                    }
                } else {
                    let name = String(decoding: unescape(component), as: UTF8.self)
                    let entry = join(name)
                    if name == "." || name == ".." {
                        next.append((entry.0, VirtualFileSystem.normalise(entry.1, cwd: "/")))
                    } else if files.node(at: entry.1) != nil {
                        next.append(entry)
                    }
                }
            }
            if !last { next = next.filter { files.isDirectory($0.1) } }
            current = next
            if current.isEmpty { return [] }
        }
        return current.map(\.0).sorted { $0.utf8Precedes($1) }
    }

    static func unescape(_ p: [UInt8]) -> [UInt8] {
        var out: [UInt8] = []
        var i = 0
        while i < p.count {
            if p[i] == 0x5C && i + 1 < p.count { out.append(p[i + 1]); i += 2 } else { out.append(p[i]); i += 1 }
        }
        return out
    }

    /// Whether `name` matches the shell pattern `pattern` entirely.
    static func match(_ pattern: [UInt8], _ name: [UInt8]) -> Bool {
        var p = 0, n = 0
        var starP = -1, starN = 0
        while n < name.count {
            if p < pattern.count {
                let c = pattern[p]
                if c == 0x2A { starP = p; starN = n; p += 1; continue }
                if c == 0x3F { p += 1; n += 1; continue }
                if c == 0x5B, let (matched, end) = matchClass(pattern, p, name[n]) {
                    if matched { p = end; n += 1; continue }
                } else {
                    var literal = c
                    var width = 1
                    if c == 0x5C && p + 1 < pattern.count { literal = pattern[p + 1]; width = 2 }
                    if literal == name[n] { p += width; n += 1; continue }
                }
            }
            if starP >= 0 { p = starP + 1; starN += 1; n = starN; continue }
            return false
        }
        while p < pattern.count && pattern[p] == 0x2A { p += 1 }
        return p == pattern.count
    }

    /// Matches a `[…]` class at `start`; nil when the bracket is not a valid class.
    static func matchClass(_ pattern: [UInt8], _ start: Int, _ c: UInt8) -> (Bool, Int)? {
        var i = start + 1
        var negate = false
        if i < pattern.count && (pattern[i] == 0x21 || pattern[i] == 0x5E) { negate = true; i += 1 }
        var matched = false
        var first = true
        while i < pattern.count {
            if pattern[i] == 0x5D && !first { return (matched != negate, i + 1) }
            first = false
            var lo = pattern[i]
            if lo == 0x5C && i + 1 < pattern.count { i += 1; lo = pattern[i] }
            if i + 2 < pattern.count && pattern[i + 1] == 0x2D && pattern[i + 2] != 0x5D {
                let hi = pattern[i + 2]
                if c >= lo && c <= hi { matched = true }
                i += 3
            } else {
                if c == lo { matched = true }
                i += 1
            }
        }
        return nil
    }
}
