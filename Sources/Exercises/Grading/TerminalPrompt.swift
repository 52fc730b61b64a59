/// The prompts a copy of a terminal shows before each command, recognised by hand (no regular
/// expressions: a class's transcripts are read line by line, fast):
/// - `$ ` alone (how course notes and many copies write it);
/// - bash's `user@host:DIR$ ` or `user@host:DIR# ` (Debian, Ubuntu, the lab's own
///   `root@node1:~# `, and bash inside a container, `root@3f2a1b:/# `);
/// - `[user@host DIR]$ ` (Fedora, CentOS);
/// - zsh's `user@host DIR % ` (macOS);
/// - busybox sh inside a container: `/ # `, `/app # `, `~ # `.
enum TerminalPrompt {
    /// The length in characters of the prompt that `line` starts with, or nil when it starts
    /// with none. The space after the prompt belongs to it; a prompt alone ends the line.
    static func length(of line: Substring) -> Int? {
        let u = Array(line.utf8.prefix(256))
        guard let first = u.first else { return nil }
        var n: Int?
        switch first {
        case UInt8(ascii: "$"): n = after(1, u)
        case UInt8(ascii: "["): n = bracketed(u)
        case UInt8(ascii: "/"), UInt8(ascii: "~"): n = busybox(u)
        default: n = userAtHost(u)
        }
        guard let bytes = n else { return nil }
        return String(decoding: u.prefix(bytes), as: UTF8.self).count
    }

    /// The prompt's end at `i` (just after `$`, `#` or `%`): followed by a space (which it takes) or by the end.
    private static func after(_ i: Int, _ u: [UInt8]) -> Int? {
        if i == u.count { return i }
        return u[i] == UInt8(ascii: " ") ? i + 1 : nil
    }

    private static func isNameByte(_ b: UInt8) -> Bool {
        (b >= 0x30 && b <= 0x39) || (b >= 0x41 && b <= 0x5A) || (b >= 0x61 && b <= 0x7A) || b == 0x5F || b == 0x2E || b == 0x2D
    }

    private static func isPromptEnd(_ b: UInt8) -> Bool { b == UInt8(ascii: "$") || b == UInt8(ascii: "#") }

    /// `user@host` from `i`: the index after it, or nil.
    private static func userHost(_ u: [UInt8], from start: Int) -> Int? {
        var i = start
        while i < u.count, isNameByte(u[i]) { i += 1 }
        guard i > start, i < u.count, u[i] == UInt8(ascii: "@") else { return nil }
        i += 1
        let host = i
        while i < u.count, isNameByte(u[i]) { i += 1 }
        return i > host ? i : nil
    }

    /// `user@host:DIR$ ` or `user@host DIR % `.
    private static func userAtHost(_ u: [UInt8]) -> Int? {
        guard var i = userHost(u, from: 0), i < u.count else { return nil }
        if u[i] == UInt8(ascii: ":") {
            i += 1
            while i < u.count, u[i] != UInt8(ascii: " "), !isPromptEnd(u[i]) { i += 1 }
            guard i < u.count, isPromptEnd(u[i]) else { return nil }
            return after(i + 1, u)
        }
        guard u[i] == UInt8(ascii: " ") else { return nil }
        i += 1
        let dir = i
        while i < u.count, u[i] != UInt8(ascii: " ") { i += 1 }
        guard i > dir, i + 1 < u.count, u[i] == UInt8(ascii: " ") else { return nil }
        let mark = u[i + 1]
        guard mark == UInt8(ascii: "%") || isPromptEnd(mark) else { return nil }
        return after(i + 2, u)
    }

    /// `[user@host DIR]$ `.
    private static func bracketed(_ u: [UInt8]) -> Int? {
        guard var i = userHost(u, from: 1), i < u.count, u[i] == UInt8(ascii: " ") else { return nil }
        while i < u.count, u[i] != UInt8(ascii: "]") { i += 1 }
        guard i + 1 < u.count, isPromptEnd(u[i + 1]) else { return nil }
        return after(i + 2, u)
    }

    /// busybox's `DIR # `.
    private static func busybox(_ u: [UInt8]) -> Int? {
        var i = 0
        while i < u.count, u[i] != UInt8(ascii: " ") { i += 1 }
        guard i + 1 < u.count, u[i + 1] == UInt8(ascii: "#") else { return nil }
        return after(i + 2, u)
    }
}
