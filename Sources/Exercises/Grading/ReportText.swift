import Foundation

/// Grading reports as people read them: one learner's verdict, and the summary table of a batch.
public enum ReportText {
    /// One submission's verdict: score, each expectation with its points, what was expected
    /// and found where it does not hold, the hint, then the commands that failed during the
    /// replay with the error the learner saw, the lines that could not be read, and any limit.
    public static func verdict(_ r: GradeReport, title: String? = nil) -> String {
        var out = "\(r.name): \(title.map { "\($0) (\(r.assignment))" } ?? r.assignment)\n"
        if let error = r.error {
            out += "Not graded: \(error).\n"
            return out
        }
        let word = r.passed ? "passed" : "not passed"
        out += "Score: \(r.score) of \(r.points) point\(r.points == 1 ? "" : "s"), \(word).\n\n"
        for c in r.checks {
            let earned = c.passed ? c.points : 0
            out += "  \(c.passed ? "✓" : "✗") \(c.expectation)  [\(earned)/\(c.points)]\n"
            guard !c.passed else { continue }
            if let expected = c.expected, expected != c.expectation { out += "      expected: \(expected)\n" }
            if let found = c.found { out += "      found:    \(found)\n" }
            if let hint = c.hint { out += "      hint:     \(hint)\n" }
        }
        if r.checks.isEmpty { out += "  This assignment has no expectations to grade.\n" }
        if !r.failedCommands.isEmpty {
            out += "\nCommands that failed during the replay:\n"
            for f in r.failedCommands {
                out += "  line \(f.line): \(oneLine(f.command))  (exit status \(f.status))\n"
                for line in f.error.split(separator: "\n", omittingEmptySubsequences: true).prefix(4) { out += "      \(line)\n" }
            }
            if let more = r.moreFailedCommands { out += "  … and \(more) more\n" }
        }
        if !r.problems.isEmpty {
            out += "\nLines the lab could not read:\n"
            for p in r.problems { out += "  line \(p.line): \(p.message)\n" }
        }
        if let stopped = r.stopped { out += "\nThe replay was stopped: \(stopped).\n" }
        return out
    }

    /// A batch's summary: a row per submission (name, score, passed, time), then the totals
    /// and the reason of each submission that erred or was stopped.
    public static func table(_ entries: [BatchEntry], seconds: Double? = nil) -> String {
        let rows = entries.map { e -> [String] in
            let r = e.report
            let passed = r.status == .error ? "error" : r.passed ? "yes" : "no"
            return [r.name, r.status == .error ? "-" : "\(r.score)/\(r.points)", passed, milliseconds(e.seconds)]
        }
        var out = TextColumns.render([["NAME", "SCORE", "PASSED", "TIME"]] + rows)
        let passed = entries.filter { $0.report.passed }.count
        let errors = entries.filter { $0.report.status == .error }.count
        out += "\n\(entries.count) submission\(entries.count == 1 ? "" : "s"): \(passed) passed, \(entries.count - passed - errors) not passed, \(errors) not graded"
        if let seconds { out += String(format: ", in %.2f s", seconds) }
        out += ".\n"
        let troubled = entries.filter { $0.report.error != nil || $0.report.stopped != nil }
        if !troubled.isEmpty {
            out += "\n"
            for e in troubled { out += "\(e.report.name): \(e.report.reason ?? "")\n" }
        }
        return out
    }

    static func milliseconds(_ s: Double) -> String {
        s < 0.01 ? String(format: "%.1f ms", s * 1000) : s < 1 ? "\(Int((s * 1000).rounded())) ms" : String(format: "%.1f s", s)
    }

    /// A command on one line (a here-document shows its first line and "…").
    static func oneLine(_ command: String) -> String {
        guard let nl = command.firstIndex(of: "\n") else { return command }
        return command[..<nl] + " …"
    }
}

/// Plain text columns, three spaces apart (the lab's own tables, not docker's).
public enum TextColumns {
    /// The rows as aligned columns, the last column unpadded, a newline after each row.
    public static func render(_ rows: [[String]]) -> String {
        guard let first = rows.first else { return "" }
        var widths = [Int](repeating: 0, count: first.count)
        for row in rows { for (i, c) in row.enumerated() where i < widths.count { widths[i] = max(widths[i], c.count) } }
        var out = ""
        for row in rows {
            for (i, c) in row.enumerated() {
                out += i == row.count - 1 ? c : c.padding(toLength: widths[i] + 3, withPad: " ", startingAt: 0)
            }
            out += "\n"
        }
        return out
    }
}
