import Foundation

/// BuildKit's plain progress output, the one `docker build` prints with `--progress=plain` (and
/// with `auto` when standard error is not a terminal): each vertex under its number, `#N NAME`,
/// then its statuses, warnings and log lines, then `#N DONE 0.1s`, `#N CACHED` or
/// `#N ERROR: …`; a blank line between vertices and the builder's description as `#0` first.
///
/// Sources (moby/buildkit v0.22.0, the version docker/buildx v0.24.0 vendors, as shipped with
/// docker 28.2.2): util/progress/progressui/printer.go (`textMux.printVtx`: every format string
/// here), display.go (`trace.update`: a log line's time prefix; `trace.printErrorLogs`: the
/// `------` block; `logsBufferSize` 10 lines kept), solver/errdefs/source.go (`Source.Print`),
/// vendor/github.com/tonistiigi/units/bytes.go (sizes), and docker/buildx v0.24.0
/// commands/build.go (`printWarnings`, with morikuni/aec's YellowF `\e[33m` and Reset `\e[0m`).
///
/// The lab prints vertices one after another, each whole, as the printer does when each vertex
/// finishes before the next one prints (its `#N ...` interleaving of vertices running side by side
/// never happens here).
public enum PlainProgress {
    /// The vertices as the plain printer prints them, numbered from 1, after `#0 DESCRIPTION`.
    public static func render(_ vertices: [BuildVertex], description: String?) -> String {
        var out = ""
        for (k, v) in vertices.enumerated() {
            let n = "#\(k + 1) "
            if k > 0 {
                out += "\n"
            } else if let description, !description.isEmpty {
                out += "#0 " + description + "\n\n"
            }
            out += n + v.name + "\n"
            for s in v.statuses { out += n + status(s) + "\n" }
            for w in v.warnings { out += n + "WARN: " + w + "\n" }
            for l in v.logs { out += n + logLine(l) + "\n" }
            switch v.end {
            case .done(let seconds): out += n + "DONE " + String(format: "%.1f", seconds) + "s\n"
            case .cached: out += n + "CACHED\n"
            case .error(let message): out += n + "ERROR: " + message + "\n"
            }
        }
        return out
    }

    /// `#%d %s%s%s`: the status id, its bytes (` current / total`, or ` current`), its time when
    /// over 0.01 s (` %.1fs`) and ` done` once complete.
    static func status(_ s: BuildVertex.Status) -> String {
        var text = s.id
        if s.total != 0 {
            text += " " + bytes(s.current) + " / " + bytes(s.total)
        } else if s.current != 0 {
            text += " " + bytes(s.current)
        }
        if s.seconds > 0.01 { text += " " + String(format: "%.1f", s.seconds) + "s" }
        if s.completed { text += " done" }
        return text
    }

    /// A log line: its time since the vertex started (three decimals under 10 s, two under 100 s,
    /// else one), a blank, the line.
    static func logLine(_ l: BuildVertex.Log) -> String {
        let precision = l.seconds < 10 ? 3 : l.seconds < 100 ? 2 : 1
        return String(format: "%.*f", precision, l.seconds) + " " + l.text
    }

    /// The block printed after the progress for each failed vertex: its name and the last ten
    /// lines it printed (with their times), between `------` rules.
    public static func errorLogs(_ vertices: [BuildVertex]) -> String {
        var out = ""
        for v in vertices {
            guard case .error = v.end else { continue }
            out += "------\n > " + v.name + ":\n"
            for l in v.logs.suffix(logsBufferSize) { out += logLine(l) + "\n" }
            out += "------\n"
        }
        return out
    }

    /// How many of a vertex's last lines the printer keeps to show after an error.
    static let logsBufferSize = 10

    /// The Dockerfile lines an error points at: `NAME:LINE`, a rule, each line numbered with `>>>`
    /// on the instruction's own, a rule. Padding: four lines around a one-line instruction, two
    /// around a longer one, taken on each side in turn where there are lines.
    public static func excerpt(_ s: SourceExcerpt) -> String {
        let lines = s.data.split(separator: "\n", omittingEmptySubsequences: false)
        guard var start = s.ranges.map(\.lowerBound).min(), var end = s.ranges.map(\.upperBound).max(),
              start >= 1, start <= lines.count else { return "" }
        end = min(end, lines.count)
        let pad = end == start ? 4 : 2
        let first = start
        var p = 0
        while p < pad {
            if start > 1 { start -= 1; p += 1 }
            if end != lines.count { end += 1; p += 1 }
            p += 1
        }
        var out = s.filename + ":\(first)\n--------------------\n"
        for i in start...end {
            let mark = s.ranges.contains { $0.contains(i) } ? ">>>" : "   "
            out += " " + String(repeating: " ", count: max(0, 3 - String(i).count)) + "\(i) | " + mark + " " + lines[i - 1] + "\n"
        }
        return out + "--------------------\n"
    }

    /// A size as tonistiigi/units prints `%.2f` of Bytes: whole bytes under 1000 (`99B`), else two
    /// decimals of the largest decimal unit it reaches (`2.05kB`, `3.62MB`).
    public static func bytes(_ n: Int64) -> String {
        let units = ["B", "kB", "MB", "GB", "TB", "PB", "EB"]
        var unit = 0
        var base: Int64 = 1
        while unit + 1 < units.count, n >= base * 1000 {
            base *= 1000
            unit += 1
        }
        if unit == 0 { return "\(n)B" }
        return String(format: "%.2f", Double(n) / Double(base)) + units[unit]
    }

    /// What buildx prints after the progress when the Dockerfile frontend warned: a blank line,
    /// the count in yellow, then each warning.
    public static func warningSummary(_ warnings: [BuildWarning]) -> String {
        guard !warnings.isEmpty else { return "" }
        let count = warnings.count == 1 ? "1 warning found" : "\(warnings.count) warnings found"
        return "\n \u{1B}[33m" + count + " (use docker --debug to expand):\n\u{1B}[0m" + warnings.map { " - " + $0.short + "\n" }.joined()
    }
}
