import Foundation

/// What docker's list commands share around their rows (docker/cli formatter.Context): the
/// choice between ids only, the default table, `json` and a custom template, the header row,
/// and the `template parsing error: …` wrapping (exit status 1) of a failing template.
struct ListFormat {
    /// The Go type docker's rows have (`*formatter.ContainerContext`), named in field errors.
    let structType: String
    /// Column titles by field (`ID` → `CONTAINER ID`).
    let headers: JSONValue
    /// Methods on a row (`.Label "x"`), and what the header row answers for them.
    var methods: [String: GoTemplate.Method] = [:]
    var headerMethods: [String: GoTemplate.Method] = [:]

    var options: GoTemplate.Options {
        GoTemplate.Options(missingKey: .structType(structType), methods: methods, rootJSONEscapesHTML: true)
    }

    /// The `--format` value docker applies: empty means the default `table`.
    static func format(_ invocation: DockerInvocation) -> String { invocation.value("format") ?? "" }

    /// Whether the format is docker's default table (`""` or exactly `table`).
    static func isDefaultTable(_ format: String) -> Bool { format.isEmpty || format == "table" }

    /// Renders rows through a template the way formatter.Context.Write does. `format` is the
    /// user's `--format` (already known not to be the default table).
    func render(format: String, rows: () -> [JSONValue]) -> CommandOutput {
        render(format: format, rowsReading: { _ in rows() })
    }

    /// The same, handing `rows` the root fields the template reads (nil when it may read them
    /// all: `{{json .}}`), so a row can leave out the fields nothing reads.
    func render(format: String, rowsReading rows: (Set<String>?) -> [JSONValue]) -> CommandOutput {
        let (isTable, text) = TableFormat.prepare(format)
        let template: GoTemplate
        do {
            template = try TemplateCache.shared.template(text)
        } catch {
            return CommandOutput(stderr: "template parsing error: " + error.message + "\n", status: 1)
        }
        do {
            let out = try TableFormat.render(template, isTable: isTable, rows: rows(template.rootFields), headers: headers, options: options,
                                             headerMethods: headerMethods)
            return CommandOutput(stdout: out)
        } catch {
            return CommandOutput(stderr: "template parsing error: " + error.message + "\n", status: 1)
        }
    }

    /// A default table built without the template engine: the header cells and each row's cells,
    /// aligned as docker's tabwriter aligns them (`TabWriter.docker`: every cell but the last padded
    /// to the column's widest cell plus 3 runes, at least 10). Every line has the same cells and no
    /// cell holds a tab or newline, so each column is one block spanning the whole table.
    static func table(_ header: [String], _ rows: [[String]]) -> String {
        let last = header.count - 1
        guard last >= 0 else { return "" }
        var widths = [Int](repeating: 10, count: last)
        var runes = [Int]()
        runes.reserveCapacity((rows.count + 1) * last)
        var bytes = 0
        // Line -1 is the header. Plain loops (no local functions capturing the buffers, which
        // would check exclusive access at run time on every use).
        for r in -1..<rows.count {
            let line = r < 0 ? header : rows[r]
            for j in 0..<last {
                var cell = line[j]
                let (n, count) = cell.withUTF8 { b -> (Int, Int) in (runeCount(b), b.count) }
                runes.append(n)
                if n + 3 > widths[j] { widths[j] = n + 3 }
                bytes += count
            }
            bytes += line[last].utf8.count + 1
        }
        var out = [UInt8]()
        out.reserveCapacity(bytes + widths.reduce(0, +) * (rows.count + 1))
        var k = 0
        for r in -1..<rows.count {
            let line = r < 0 ? header : rows[r]
            for j in 0..<last {
                var cell = line[j]
                cell.withUTF8 { out.append(contentsOf: $0) }
                let pad = widths[j] - runes[k]
                k += 1
                if pad > 0 { out.append(contentsOf: repeatElement(UInt8(ascii: " "), count: pad)) }
            }
            var cell = line[last]
            cell.withUTF8 { out.append(contentsOf: $0) }
            out.append(UInt8(ascii: "\n"))
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// The runes in UTF-8 `b`: its bytes less the continuation bytes (10xxxxxx), counted eight
    /// bytes at a time.
    static func runeCount(_ b: UnsafeBufferPointer<UInt8>) -> Int {
        guard let base = b.baseAddress else { return 0 }
        var n = b.count, i = 0
        let high: UInt64 = 0x8080_8080_8080_8080
        while i + 8 <= b.count {
            let w = UnsafeRawPointer(base + i).loadUnaligned(as: UInt64.self)
            // A continuation byte has its top bit set and the next one clear.
            n -= (w & high & ~((w << 1) & high)).nonzeroBitCount
            i += 8
        }
        while i < b.count {
            if b[i] & 0xC0 == 0x80 { n -= 1 }
            i += 1
        }
        return n
    }

    /// A `.Label "name"` method reading the row's `Labels` text (`k=v,k2=v2`), and its header form.
    static let labelMethod = GoTemplate.Method(arity: 1) { row, args in
        guard case .string(let all) = row["Labels"] ?? .null, case .string(let want) = args[0] else { return "" }
        for pair in all.split(separator: ",") where pair.hasPrefix(want + "=") {
            return .string(String(pair.dropFirst(want.count + 1)))
        }
        return ""
    }
    static let labelHeader = GoTemplate.Method(arity: 1) { _, args in args[0] }

    /// Labels as docker's contexts join them (`k=v` by `,`; sorted here, a Go map's order in docker).
    static func labels(_ m: [String: String]) -> String {
        m.keys.sorted { $0.utf8Precedes($1) }.map { $0 + "=" + (m[$0] ?? "") }.joined(separator: ",")
    }

    /// Go's %q of a string, without escaping work for plain printable ASCII.
    static func quote(_ s: String) -> String {
        var text = s
        // Printable ASCII and the ellipsis (E2 80 A6) that cut cells end with are written as they are.
        let plain = text.withUTF8 { b -> Bool in
            var i = 0
            while i < b.count {
                let c = b[i]
                if c >= 0x80 {
                    guard c == 0xE2, i + 2 < b.count, b[i + 1] == 0x80, b[i + 2] == 0xA6 else { return false }
                    i += 3
                    continue
                }
                if c < 0x20 || c == 0x7F || c == 0x22 || c == 0x5C { return false }
                i += 1
            }
            return true
        }
        return plain ? "\"" + s + "\"" : goQuote(s)
    }

    /// docker/cli's Ellipsis: cut to a display width, the last column becoming "…".
    static func ellipsis(_ s: String, _ width: Int) -> String {
        var text = s
        let ascii = text.withUTF8 { b -> String? in
            if b.contains(where: { $0 >= 0x80 }) { return nil }
            if b.count <= width { return s }
            return String(decoding: UnsafeBufferPointer(rebasing: b[..<max(width - 1, 0)]), as: UTF8.self) + "…"
        }
        if let ascii { return ascii }
        var total = 0
        for u in s.unicodeScalars { total += displayWidth(u) }
        if total <= width { return s }
        var out = ""
        var w = 0
        for u in s.unicodeScalars {
            let cw = displayWidth(u)
            if w + cw > width - 1 { break }
            w += cw
            out.unicodeScalars.append(u)
        }
        return out + "…"
    }

    static func displayWidth(_ u: Unicode.Scalar) -> Int {
        let v = u.value
        if v < 0x1100 { return 1 }
        if (0x1100...0x115F).contains(v) || (0x2E80...0xA4CF).contains(v) || (0xAC00...0xD7A3).contains(v)
            || (0xF900...0xFAFF).contains(v) || (0xFE30...0xFE4F).contains(v) || (0xFF00...0xFF60).contains(v)
            || (0xFFE0...0xFFE6).contains(v) || (0x1F300...0x1F64F).contains(v) || (0x1F900...0x1F9FF).contains(v)
            || (0x20000...0x3FFFD).contains(v)
        {
            return 2
        }
        return 1
    }
}

/// The daemon's `--filter` arguments (moby api/types/filters.Args): values by key.
struct ListFilters {
    var values: [String: [String]] = [:]

    init(_ specs: [String]) {
        for spec in specs {
            if let eq = spec.firstIndex(of: "=") {
                let key = spec[..<eq].trimmingCharacters(in: .whitespaces).lowercased()
                let value = spec[spec.index(after: eq)...].trimmingCharacters(in: .whitespaces)
                if !(values[key]?.contains(value) ?? false) { values[key, default: []].append(value) }
            } else {
                values[spec, default: []].append("")
            }
        }
    }

    func has(_ key: String) -> Bool { values[key] != nil }
    subscript(_ key: String) -> [String] { values[key] ?? [] }

    /// The first key docker does not accept, as the daemon words it.
    func invalidKey(accepted: @autoclosure () -> Set<String>) -> String? {
        // Most listings have no filter: the accepted set is then not even built.
        if values.isEmpty { return nil }
        let accepted = accepted()
        for key in values.keys.sorted() where !accepted.contains(key) { return "Invalid filter '\(key)'" }
        return nil
    }

    /// filters.Args.Match: an exact value, or a Go regular expression found anywhere in `source`.
    func match(_ key: String, _ source: String) -> Bool {
        for pattern in self[key] {
            if pattern == source { return true }
            if ListFilters.regexSearch(pattern, source) { return true }
        }
        return false
    }

    /// filters.Args.MatchKVList: every `k` / `k=v` value is among the labels.
    func matchLabels(_ key: String, _ labels: [String: String]) -> Bool {
        let wanted = self[key]
        if wanted.isEmpty { return true }
        if labels.isEmpty { return false }
        for w in wanted {
            if let eq = w.firstIndex(of: "=") {
                guard labels[String(w[..<eq])] == String(w[w.index(after: eq)...]) else { return false }
            } else if labels[w] == nil {
                return false
            }
        }
        return true
    }

    /// Whether `source` contains a match of `pattern` (literal patterns without a regex engine).
    static func regexSearch(_ pattern: String, _ source: String) -> Bool {
        let meta: Set<Character> = ["\\", ".", "+", "*", "?", "(", ")", "|", "[", "]", "{", "}", "^", "$"]
        if !pattern.contains(where: { meta.contains($0) }) { return pattern.isEmpty || source.contains(pattern) }
        guard let re = try? NSRegularExpression(pattern: pattern) else { return false }
        return re.firstMatch(in: source, range: NSRange(source.startIndex..., in: source)) != nil
    }

    /// Go's path.Match for reference filters: `*` and `?` within a path segment, `[…]` classes.
    static func globMatch(_ pattern: String, _ name: String) -> Bool {
        let p = Array(pattern.unicodeScalars), s = Array(name.unicodeScalars)
        func go(_ i: Int, _ j: Int) -> Bool {
            if i == p.count { return j == s.count }
            switch p[i] {
            case "*":
                var k = j
                while true {
                    if go(i + 1, k) { return true }
                    if k == s.count || s[k] == "/" { return false }
                    k += 1
                }
            case "?":
                return j < s.count && s[j] != "/" && go(i + 1, j + 1)
            case "[":
                guard j < s.count, let close = p[(i + 1)...].firstIndex(of: "]") else { return false }
                var set = Array(p[(i + 1)..<close])
                let negate = set.first == "^"
                if negate { set.removeFirst() }
                var hit = false
                var k = 0
                while k < set.count {
                    if k + 2 < set.count, set[k + 1] == "-" {
                        if set[k].value <= s[j].value && s[j].value <= set[k + 2].value { hit = true }
                        k += 3
                    } else {
                        if set[k] == s[j] { hit = true }
                        k += 1
                    }
                }
                return hit != negate && go(close + 1, j + 1)
            case "\\" where i + 1 < p.count:
                return j < s.count && s[j] == p[i + 1] && go(i + 2, j + 1)
            default:
                return j < s.count && s[j] == p[i] && go(i + 1, j + 1)
            }
        }
        return go(0, 0)
    }
}
