/// grep, head, tail, wc, sort, uniq, cut, tr: text filters with GNU's options and messages.
enum TextPrograms {
    static let all: [(String, any SimulatedProgram)] = [
        ("grep", ClosureProgram(grep)),
        ("egrep", ClosureProgram(grep)),
        ("head", ClosureProgram { p, lab in headTail(&p, &lab, head: true) }),
        ("tail", ClosureProgram { p, lab in headTail(&p, &lab, head: false) }),
        ("wc", ClosureProgram(wc)),
        ("sort", ClosureProgram(sort)),
        ("uniq", ClosureProgram(uniq)),
        ("cut", ClosureProgram(cut)),
        ("tr", ClosureProgram(tr)),
        ("awk", Awk.program),
        ("mawk", Awk.program),
        ("gawk", Awk.program),
        ("sed", Sed.program),
    ]

    static func grep(_ p: inout ProcessContext, _ lab: inout Lab) -> Int32 {
        let o = CommandOptions(p.arguments.dropFirst(), flags: "vicqEFnwlhHoxrs", values: "eABC",
                               long: ["invert-match": "v", "ignore-case": "i", "count": "c", "quiet": "q",
                                      "extended-regexp": "E", "line-number": "n", "word-regexp": "w",
                                      "only-matching": "o", "after-context": "A", "before-context": "B", "context": "C"])
        if o.reportInvalid("grep", p) { return 2 }
        var operands = o.operands
        let pattern: String
        if let e = o.values["e"] { pattern = e } else if !operands.isEmpty { pattern = operands.removeFirst() } else {
            p.writeError("Usage: grep [OPTION]... PATTERNS [FILE]...\nTry 'grep --help' for more information.\n")
            return 2
        }
        let extended = o.flags.contains("E") || p.name == "egrep"
        guard let matcher = LineMatcher(pattern, extended: extended, fixed: o.flags.contains("F"),
                                        ignoreCase: o.flags.contains("i"), word: o.flags.contains("w"),
                                        line: o.flags.contains("x")) else {
            p.writeError("grep: Unmatched ( or \\(\n")
            return 2
        }
        let context = o.values["C"].flatMap { Int($0) } ?? 0
        let after = o.values["A"].flatMap { Int($0) } ?? context
        let before = o.values["B"].flatMap { Int($0) } ?? context
        let (texts, failed) = p.readInputs(operands, program: "grep", lab: lab, errors: .unquoted)
        let invert = o.flags.contains("v")
        let showNames = (operands.count > 1 || o.flags.contains("H")) && !o.flags.contains("h")
        let listing = o.flags.contains("c") || o.flags.contains("l") || o.flags.contains("q")
        var any = false
        var out = ""
        var lastPrinted = -1
        var printedAnything = false
        for (name, text) in texts {
            var count = 0
            let label = name == "-" ? "(standard input)" : name
            let lines = splitLines(text)
            var afterLeft = 0
            lastPrinted = -1
            func emit(_ i: Int, _ separator: String) {
                if (after > 0 || before > 0) && printedAnything && lastPrinted >= 0 && i > lastPrinted + 1 { out += "--\n" }
                if (after > 0 || before > 0) && printedAnything && lastPrinted < 0 { out += "--\n" }
                if showNames { out += label + separator }
                if o.flags.contains("n") { out += "\(i + 1)" + separator }
                out += lines[i] + "\n"
                lastPrinted = i
                printedAnything = true
            }
            for (i, line) in lines.enumerated() {
                guard matcher.matches(line) != invert else {
                    if afterLeft > 0 && !listing { emit(i, "-"); afterLeft -= 1 }
                    continue
                }
                count += 1
                any = true
                if o.flags.contains("q") { return 0 }
                if listing { continue }
                if before > 0 {
                    for j in max(lastPrinted + 1, i - before)..<i { emit(j, "-") }
                }
                if o.flags.contains("o") && !invert {
                    for match in line.matches(of: matcher.regex) where !match.range.isEmpty {
                        if showNames { out += label + ":" }
                        if o.flags.contains("n") { out += "\(i + 1):" }
                        out += line[match.range] + "\n"
                    }
                    lastPrinted = i
                } else {
                    emit(i, ":")
                }
                afterLeft = after
            }
            if o.flags.contains("c") { out += (showNames ? label + ":" : "") + "\(count)\n" }
            if o.flags.contains("l") && count > 0 { out += label + "\n" }
        }
        p.write(out)
        if failed { return 2 }
        return any ? 0 : 1
    }

    static func headTail(_ p: inout ProcessContext, _ lab: inout Lab, head: Bool) -> Int32 {
        let program = head ? "head" : "tail"
        let o = CommandOptions(p.arguments.dropFirst(), flags: "qvf", values: "nc", long: ["lines": "n"],
                               numericShorthand: "n")
        if o.reportInvalid(program, p) { return 1 }
        var count = 10
        var fromStart = false
        if let text = o.values["n"] {
            var t = Substring(text)
            if t.hasPrefix("+") && !head { fromStart = true; t = t.dropFirst() }
            if t.hasPrefix("-") && !head { t = t.dropFirst() }
            guard let n = Int(t) else {
                p.writeError("\(program): invalid number of lines: '\(text)'\n")
                return 1
            }
            count = n
        }
        let (texts, failed) = p.readInputs(o.operands, program: program, lab: lab, errors: .cannotOpen)
        var out = ""
        for (i, (name, text)) in texts.enumerated() {
            if texts.count > 1 || o.flags.contains("v") {
                out += (i > 0 ? "\n" : "") + "==> \(name == "-" ? "standard input" : name) <==\n"
            }
            var lines = splitLines(text)
            let endsWithNewline = text.hasSuffix("\n")
            if head {
                lines = count >= 0 ? Array(lines.prefix(count)) : Array(lines.dropLast(-count))
            } else if fromStart {
                lines = Array(lines.dropFirst(max(0, count - 1)))
            } else {
                lines = Array(lines.suffix(count))
            }
            for (j, line) in lines.enumerated() {
                out += line
                if j < lines.count - 1 || endsWithNewline || (head && j < splitLines(text).count - 1) { out += "\n" }
            }
        }
        p.write(out)
        return failed ? 1 : 0
    }

    static func wc(_ p: inout ProcessContext, _ lab: inout Lab) -> Int32 {
        let o = CommandOptions(p.arguments.dropFirst(), flags: "lwcm", long: ["lines": "l", "words": "w", "bytes": "c"])
        if o.reportInvalid("wc", p) { return 1 }
        var columns = "lwc".filter { o.flags.contains($0) || (o.flags.contains("m") && $0 == "c") }
        if columns.isEmpty { columns = "lwc" }
        // Each operand in turn: a directory is reported and still counted as empty, as GNU wc does.
        var texts: [(String, String)] = []
        var failed = false
        for operand in (o.operands.isEmpty ? [nil] : o.operands.map { Optional($0) }) {
            let (read, bad) = p.readInputs(operand.map { [$0] } ?? [], program: "wc", lab: lab)
            texts += read
            failed = failed || bad
            if let operand, bad, lab.machine.files.isDirectory(p.resolve(operand)) { texts.append((operand, "")) }
        }
        var rows: [([Int], String?)] = []
        var totals = [0, 0, 0]
        for (name, text) in texts {
            let lines = text.utf8.reduce(0) { $0 + ($1 == 0x0A ? 1 : 0) }
            let words = text.split(whereSeparator: { $0 == " " || $0 == "\n" || $0 == "\t" || $0 == "\r" }).count
            let bytes = FileSize.of(text)
            let all = [lines, words, bytes]
            for k in 0..<3 { totals[k] += all[k] }
            let picked = zip("lwc", all).filter { columns.contains($0.0) }.map(\.1)
            rows.append((picked, o.operands.isEmpty ? nil : name))
        }
        if texts.count > 1 { rows.append((zip("lwc", totals).filter { columns.contains($0.0) }.map(\.1), "total")) }
        var width = 1
        let irregular = o.operands.isEmpty || o.operands.contains { $0 == "-" || lab.machine.files.isDirectory(p.resolve($0)) }
        if irregular && columns.count > 1 { width = 7 }
        else if columns.count > 1 || rows.count > 1 { width = String(totals[2]).count }
        var out = ""
        for (values, name) in rows {
            out += values.map { let s = String($0); return String(repeating: " ", count: max(0, width - s.count)) + s }
                .joined(separator: " ")
            if let name { out += " " + name }
            out += "\n"
        }
        p.write(out)
        return failed ? 1 : 0
    }

    static func sort(_ p: inout ProcessContext, _ lab: inout Lab) -> Int32 {
        let o = CommandOptions(p.arguments.dropFirst(), flags: "rnufbh", values: "kto",
                               long: ["reverse": "r", "numeric-sort": "n", "unique": "u"])
        if o.reportInvalid("sort", p) { return 2 }
        let (texts, failed) = p.readInputs(o.operands, program: "sort", lab: lab, errors: .sort)
        if failed { return 2 }
        var lines = texts.flatMap { splitLines($0.1) }
        let separator = o.values["t"].flatMap(\.first)
        let keyField = o.values["k"].flatMap { Int($0.prefix { $0.isNumber }) }
        func key(_ line: Substring) -> Substring {
            guard let k = keyField, k >= 1 else { return line }
            let fields = separator.map { s in line.split(separator: s, omittingEmptySubsequences: false) }
                ?? line.split(whereSeparator: { $0 == " " || $0 == "\t" })
            return k <= fields.count ? fields[k - 1] : ""
        }
        let numeric = o.flags.contains("n") || o.flags.contains("h")
        func number(_ s: Substring) -> Double {
            let t = s.drop { $0 == " " || $0 == "\t" }
            var end = t.startIndex
            var seenDigit = false
            if end < t.endIndex && t[end] == "-" { end = t.index(after: end) }
            while end < t.endIndex, t[end].isNumber || t[end] == "." { seenDigit = true; end = t.index(after: end) }
            return seenDigit ? Double(t[..<end]) ?? 0 : 0
        }
        func less(_ a: Substring, _ b: Substring) -> Bool {
            let ka = key(a), kb = key(b)
            if numeric {
                let na = number(ka), nb = number(kb)
                if na != nb { return na < nb }
            } else if ka != kb {
                return o.flags.contains("f") ? ka.uppercased().utf8.lexicographicallyPrecedes(kb.uppercased().utf8)
                    : ka.utf8.lexicographicallyPrecedes(kb.utf8)
            }
            if o.flags.contains("u") { return false }
            return a.utf8.lexicographicallyPrecedes(b.utf8)
        }
        lines.sort(by: less)
        if o.flags.contains("r") { lines.reverse() }
        if o.flags.contains("u") {
            var unique: [Substring] = []
            for line in lines where unique.last.map({ !less($0, line) && !less(line, $0) }) != true { unique.append(line) }
            lines = unique
        }
        p.write(lines.map { $0 + "\n" }.joined())
        return 0
    }

    static func uniq(_ p: inout ProcessContext, _ lab: inout Lab) -> Int32 {
        let o = CommandOptions(p.arguments.dropFirst(), flags: "cdui", long: ["count": "c"])
        if o.reportInvalid("uniq", p) { return 1 }
        let (texts, failed) = p.readInputs(Array(o.operands.prefix(1)), program: "uniq", lab: lab, errors: .uniq)
        if failed { return 1 }
        var groups: [(Substring, Int)] = []
        for line in splitLines(texts.first?.1 ?? "") {
            if let last = groups.last, o.flags.contains("i") ? last.0.lowercased() == line.lowercased() : last.0 == line {
                groups[groups.count - 1].1 += 1
            } else {
                groups.append((line, 1))
            }
        }
        var out = ""
        for (line, n) in groups {
            if o.flags.contains("d") && n < 2 { continue }
            if o.flags.contains("u") && n > 1 { continue }
            if o.flags.contains("c") {
                let s = String(n)
                out += String(repeating: " ", count: max(0, 7 - s.count)) + s + " "
            }
            out += line + "\n"
        }
        p.write(out)
        return 0
    }

    /// Parses a cut list such as `1,3-5,7-`; nil when invalid.
    static func ranges(_ list: String) -> [ClosedRange<Int>]? {
        var out: [ClosedRange<Int>] = []
        for item in list.split(separator: ",") {
            let parts = item.split(separator: "-", maxSplits: 1, omittingEmptySubsequences: false)
            if parts.count == 1 { guard let n = Int(parts[0]), n >= 1 else { return nil }; out.append(n...n); continue }
            let lo = parts[0].isEmpty ? 1 : Int(parts[0])
            let hi = parts[1].isEmpty ? Int.max : Int(parts[1])
            guard let lo, let hi, lo >= 1, lo <= hi else { return nil }
            out.append(lo...hi)
        }
        return out.isEmpty ? nil : out
    }

    static func cut(_ p: inout ProcessContext, _ lab: inout Lab) -> Int32 {
        let o = CommandOptions(p.arguments.dropFirst(), flags: "s", values: "dfcb",
                               long: ["delimiter": "d", "fields": "f", "characters": "c"])
        if o.reportInvalid("cut", p) { return 1 }
        guard let list = o.values["f"] ?? o.values["c"] ?? o.values["b"] else {
            p.writeError("cut: you must specify a list of bytes, characters, or fields\nTry 'cut --help' for more information.\n")
            return 1
        }
        guard let selected = ranges(list) else {
            p.writeError("cut: invalid field value '\(list)'\nTry 'cut --help' for more information.\n")
            return 1
        }
        let delimiter = o.values["d"] ?? "\t"
        guard delimiter.count == 1, let d = delimiter.first else {
            p.writeError("cut: the delimiter must be a single character\nTry 'cut --help' for more information.\n")
            return 1
        }
        let (texts, failed) = p.readInputs(o.operands, program: "cut", lab: lab)
        let wanted: (Int) -> Bool = { i in selected.contains { $0.contains(i) } }
        var out = ""
        for (_, text) in texts {
            for line in splitLines(text) {
                if o.values["f"] != nil {
                    let fields = line.split(separator: d, omittingEmptySubsequences: false)
                    if fields.count == 1 { if !o.flags.contains("s") { out += line + "\n" }; continue }
                    out += fields.enumerated().filter { wanted($0.offset + 1) }.map(\.element).joined(separator: String(d)) + "\n"
                } else {
                    out += String(line.enumerated().filter { wanted($0.offset + 1) }.map(\.element)) + "\n"
                }
            }
        }
        p.write(out)
        return failed ? 1 : 0
    }

    /// Expands a tr set: ranges, escapes and a few classes.
    static func trSet(_ s: String) -> [Character] {
        var out: [Character] = []
        let classes: [String: String] = [
            "[:upper:]": "ABCDEFGHIJKLMNOPQRSTUVWXYZ", "[:lower:]": "abcdefghijklmnopqrstuvwxyz",
            "[:digit:]": "0123456789", "[:space:]": " \t\n\r\u{0B}\u{0C}", "[:blank:]": " \t",
            "[:alpha:]": "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz",
            "[:alnum:]": "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz",
        ]
        var chars = Array(s)[...]
        var raw: [Character] = []
        while let c = chars.first {
            if c == "[", let end = chars.firstIndex(of: "]"), let set = classes[String(chars[chars.startIndex...end])] {
                out.append(contentsOf: raw); raw = []
                out.append(contentsOf: set)
                chars = chars[(end + 1)...]
                continue
            }
            chars = chars.dropFirst()
            if c == "\\", let n = chars.first {
                chars = chars.dropFirst()
                raw.append(["n": "\n", "t": "\t", "r": "\r", "\\": "\\"][n] ?? n)
                continue
            }
            if c == "-", let lo = raw.last, let hi = chars.first, let l = lo.asciiValue, let h = hi.asciiValue, l <= h {
                chars = chars.dropFirst()
                for v in (l + 1)...h { raw.append(Character(UnicodeScalar(v))) }
                continue
            }
            raw.append(c)
        }
        out.append(contentsOf: raw)
        return out
    }

    static func tr(_ p: inout ProcessContext, _ lab: inout Lab) -> Int32 {
        let o = CommandOptions(p.arguments.dropFirst(), flags: "dsc")
        if o.reportInvalid("tr", p) { return 1 }
        guard let first = o.operands.first else { p.missingOperand("tr"); return 1 }
        let from = trSet(first)
        let delete = o.flags.contains("d")
        let squeeze = o.flags.contains("s")
        if !delete && !squeeze && o.operands.count < 2 {
            p.writeError("tr: missing operand after '\(first)'\nTwo strings must be given when translating.\nTry 'tr --help' for more information.\n")
            return 1
        }
        let to = o.operands.count > 1 ? trSet(o.operands[1]) : []
        var map: [Character: Character] = [:]
        if !delete && !to.isEmpty {
            for (i, c) in from.enumerated() { map[c] = i < to.count ? to[i] : to.last! }
        }
        let fromSet = Set(from)
        let squeezeSet = Set(to.isEmpty || delete ? from : to)
        var out = ""
        var last: Character?
        for c in p.stdin {
            if delete && fromSet.contains(c) { continue }
            let m = map[c] ?? c
            if squeeze && last == m && squeezeSet.contains(m) { continue }
            out.append(m)
            last = m
        }
        p.write(out)
        return 0
    }
}
