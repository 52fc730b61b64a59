/// docker's handling of `--format` strings around the template itself (docker/cli
/// cli/command/formatter/formatter.go, v28.2.2): the `table` prefix, the `\t` and `\n`
/// escapes, the header row and the tab-aligned columns.
///
/// A format is a table when it *begins with* `table` (so `table{{.Names}}` is one too). The
/// prefix is cut, surrounding spaces trimmed, and the two-character sequences `\t` and `\n`
/// become a tab and a newline. Each row renders the remaining template against the row's data
/// followed by "\n". For a table, docker then renders the same template once more against a
/// *header object* (field name → column title, e.g. `ID` → `CONTAINER ID`) with the header
/// functions (`json`, `upper`… return their argument unchanged; execution errors are ignored
/// and whatever was written before them is kept), writes that line first, and aligns every
/// line with `TabWriter`.
///
/// Note: `docker ps` (and other list commands) first parse and execute the *unprocessed*
/// `--format` (with `table` and literal `\t`) against an empty row, before contacting the
/// daemon; that is where its `failed to parse template` / `failed to execute template`
/// errors, and their column numbers, come from.
public enum TableFormat {
    /// The template text docker parses for `format`, and whether a header row is printed.
    /// `json` alone means `{{json .}}`. (The default table formats, used when the format is
    /// just `table`, are the formatter's business.)
    public static func prepare(_ format: String) -> (isTable: Bool, template: String) {
        if let plain = preparePlain(format) { return plain }
        var f = Substring(format)
        let isTable = f.hasPrefix("table")
        if isTable {
            f = f.dropFirst(5)
        } else if format == "json" {
            f = "{{json .}}"
        }
        while f.first == " " { f = f.dropFirst() }
        while f.last == " " { f = f.dropLast() }
        var out = ""
        var it = f.makeIterator()
        var pending: Character? = nil
        while let c = pending ?? it.next() {
            pending = nil
            if c == "\\" {
                let n = it.next()
                if n == "t" {
                    out += "\t"
                } else if n == "n" {
                    out += "\n"
                } else {
                    out.append(c)
                    pending = n
                }
            } else {
                out.append(c)
            }
        }
        return (isTable, out)
    }

    /// `prepare` for a format of ASCII without carriage returns (every character one byte),
    /// done on its bytes; nil for any other format.
    static func preparePlain(_ format: String) -> (isTable: Bool, template: String)? {
        if format == "json" { return (false, "{{json .}}") }
        var text = format
        return text.withUTF8 { b -> (isTable: Bool, template: String)? in
            if b.contains(where: { $0 >= 0x80 || $0 == 13 }) { return nil }
            let isTable = b.starts(with: "table".utf8)
            var start = isTable ? 5 : 0, end = b.count
            while start < end && b[start] == UInt8(ascii: " ") { start += 1 }
            while end > start && b[end - 1] == UInt8(ascii: " ") { end -= 1 }
            var out: [UInt8] = []
            out.reserveCapacity(end - start)
            var i = start
            while i < end {
                let c = b[i]
                if c == UInt8(ascii: "\\") && i + 1 < end && (b[i + 1] == UInt8(ascii: "t") || b[i + 1] == UInt8(ascii: "n")) {
                    out.append(b[i + 1] == UInt8(ascii: "t") ? 9 : 10)
                    i += 2
                } else {
                    out.append(c)
                    i += 1
                }
            }
            return (isTable, String(decoding: out, as: UTF8.self))
        }
    }

    /// The header line: `template` rendered against `headers` with the header functions,
    /// keeping the output written before any execution error (as docker does).
    public static func header(_ template: GoTemplate, headers: JSONValue, methods: [String: GoTemplate.Method] = [:])
        -> String
    {
        let opts = GoTemplate.Options(missingKey: .noValue, methods: methods, headerFunctions: true)
        return template.renderPartial(headers, options: opts).0
    }

    /// Renders a whole table or list the way docker's formatter does: each row followed by
    /// "\n"; for a table the header line first and everything aligned by `TabWriter.docker`.
    /// `headerMethods` stand in for methods on the header row (docker's `.Label "x"` column
    /// is titled `x`).
    public static func render(
        _ template: GoTemplate, isTable: Bool, rows: [JSONValue], headers: JSONValue,
        options: GoTemplate.Options = GoTemplate.Options(), headerMethods: [String: GoTemplate.Method] = [:]
    ) throws(GoTemplateError) -> String {
        var body = ""
        for r in rows {
            body += try template.render(r, options: options)
            body += "\n"
        }
        guard isTable else { return body }
        let head = header(template, headers: headers, methods: headerMethods)
        return TabWriter.docker.format(head + "\n" + body)
    }
}

/// Go's text/tabwriter as docker's formatter configures it (minwidth 10, tabwidth 1,
/// padding 3, pad with spaces, no flags): tab-terminated cells are aligned in columns; a
/// column's width is set by the consecutive lines that have that cell.
public struct TabWriter: Sendable {
    public var minWidth: Int
    public var padding: Int

    /// `tabwriter.NewWriter(out, 10, 1, 3, ' ', 0)`.
    public static let docker = TabWriter(minWidth: 10, padding: 3)

    public init(minWidth: Int, padding: Int) {
        self.minWidth = minWidth
        self.padding = padding
    }

    /// Aligns `text` (which should end with a newline).
    public func format(_ text: String) -> String {
        var lines: [[Substring]] = text.split(separator: "\n", omittingEmptySubsequences: false).map {
            $0.split(separator: "\t", omittingEmptySubsequences: false)
        }
        let endsWithNewline = text.hasSuffix("\n")
        if endsWithNewline { lines.removeLast() }
        var widths = [[Int]](repeating: [], count: lines.count)
        align(lines, &widths, from: 0, to: lines.count, column: 0)
        var out = ""
        for (k, cells) in lines.enumerated() {
            for (j, cell) in cells.enumerated() {
                out += cell
                if j < cells.count - 1 {
                    let w = widths[k][j]
                    let n = cell.unicodeScalars.count
                    if w > n { out += String(repeating: " ", count: w - n) }
                }
            }
            if k < lines.count - 1 || endsWithNewline { out += "\n" }
        }
        return out
    }

    private func align(_ lines: [[Substring]], _ widths: inout [[Int]], from: Int, to: Int, column: Int) {
        var k = from
        while k < to {
            // cells.count - 1 tab-terminated cells on the line
            guard lines[k].count - 1 > column else {
                k += 1
                continue
            }
            let start = k
            var width = 0
            while k < to, lines[k].count - 1 > column {
                width = max(width, lines[k][column].unicodeScalars.count + padding)
                k += 1
            }
            // Go: an empty column (all cells empty) keeps width 0 only with DiscardEmptyColumns.
            width = max(width, minWidth)
            for l in start..<k {
                while widths[l].count <= column { widths[l].append(0) }
                widths[l][column] = width
            }
            align(lines, &widths, from: start, to: k, column: column + 1)
        }
    }
}
