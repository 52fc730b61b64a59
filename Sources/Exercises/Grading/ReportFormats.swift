import Foundation

/// Grading reports for programs: Exercism's test-runner results.json (version 2), JUnit XML for
/// CI systems, and CSV for a gradebook.
public enum ReportFormats {
    /// One submission in the shape of Exercism's results.json (version 2: status pass, fail or
    /// error; a message only on error; one test per expectation with its name, status, message
    /// and output), with the lab's name, assignment, score and points beside it.
    public struct ExercismResult: Codable, Equatable, Sendable {
        public struct Test: Codable, Equatable, Sendable {
            public let name: String
            public let status: String
            public let message: String?
            public let output: String?
            /// What the test checks, as code: the check's command, or the expected fact.
            public let test_code: String
        }
        public let version: Int
        public let status: String
        public let message: String?
        public let tests: [Test]
        public let name: String
        public let assignment: String
        public let score: Int
        public let points: Int

        public init(_ r: GradeReport) {
            version = 2
            name = r.name
            assignment = r.assignment
            score = r.score
            points = r.points
            switch r.status {
            case .passed: status = "pass"
            case .failed: status = "fail"
            case .error: status = "error"
            }
            // results.json v2: a message only when the status is error; a stop is a failing test of its own.
            message = r.error
            let failedOutput = r.failedCommands.isEmpty ? nil : String(r.failedCommands.map {
                "line \($0.line): \(ReportText.oneLine($0.command)) (exit status \($0.status))\n\($0.error)"
            }.joined().prefix(500))
            tests = r.checks.map { c in
                var parts: [String] = []
                if !c.passed {
                    if let e = c.expected { parts.append("expected: " + e) }
                    if let f = c.found { parts.append("found: " + f) }
                    if let h = c.hint { parts.append("hint: " + h) }
                }
                return Test(name: c.expectation, status: c.passed ? "pass" : "fail",
                            message: c.passed ? nil : (parts.isEmpty ? "does not hold" : parts.joined(separator: "; ")),
                            output: c.passed ? nil : failedOutput, test_code: c.expected ?? c.expectation)
            } + (r.stopped.map { [Test(name: "the replay ends within the limits", status: "fail", message: $0, output: nil,
                                       test_code: "lab grade --max-commands/--max-objects/--max-seconds")] } ?? [])
        }
    }

    /// A batch as JSON: the assignment, the run's number when it was stored, and each
    /// submission's results.json with its grading time.
    public static func json(_ entries: [BatchEntry], assignment: String, run: Int64?) throws -> String {
        struct Batch: Codable { let assignment: String; let run: Int64?; let submissions: Int; let passed: Int; let results: [ExercismResult] }
        let batch = Batch(assignment: assignment, run: run, submissions: entries.count, passed: entries.filter { $0.report.passed }.count,
                          results: entries.map { ExercismResult($0.report) })
        return try encode(batch)
    }

    /// One submission's results.json.
    public static func json(_ report: GradeReport) throws -> String { try encode(ExercismResult(report)) }

    static func encode<T: Encodable>(_ value: T) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(value), as: UTF8.self) + "\n"
    }

    /// JUnit XML: a test suite per submission, a test case per expectation (a failure where it
    /// does not hold), and an error case for a submission that could not be graded or was stopped.
    public static func junit(_ entries: [BatchEntry], assignment: String) -> String {
        var suites = ""
        var total = 0, failures = 0, errors = 0
        for e in entries {
            let r = e.report
            var cases = ""
            var f = 0, err = 0
            for c in r.checks {
                cases += "    <testcase classname=\"\(xml(r.name))\" name=\"\(xml(c.expectation))\""
                if c.passed { cases += "/>\n"; continue }
                f += 1
                let detail = [c.expected.map { "expected: " + $0 }, c.found.map { "found: " + $0 }, c.hint.map { "hint: " + $0 }]
                    .compactMap { $0 }.joined(separator: "\n")
                cases += ">\n      <failure message=\"\(xml(c.found ?? "does not hold"))\">\(xml(detail))</failure>\n    </testcase>\n"
            }
            if let why = r.error ?? r.stopped {
                err += 1
                cases += "    <testcase classname=\"\(xml(r.name))\" name=\"transcript\">\n      <error message=\"\(xml(why))\"/>\n    </testcase>\n"
            }
            let tests = r.checks.count + err
            total += tests; failures += f; errors += err
            suites += "  <testsuite name=\"\(xml(r.name))\" tests=\"\(tests)\" failures=\"\(f)\" errors=\"\(err)\" time=\"\(String(format: "%.3f", e.seconds))\">\n"
            suites += cases + "  </testsuite>\n"
        }
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
            + "<testsuites name=\"\(xml(assignment))\" tests=\"\(total)\" failures=\"\(failures)\" errors=\"\(errors)\">\n"
            + suites + "</testsuites>\n"
    }

    /// CSV (RFC 4180) for a gradebook: name, score, points, percent, status, seconds, reason.
    public static func csv(_ entries: [BatchEntry]) -> String {
        var out = "name,score,points,percent,status,seconds,reason\r\n"
        for e in entries {
            let r = e.report
            let percent = r.points > 0 ? Int((Double(r.score) * 100 / Double(r.points)).rounded()) : 0
            let cells = [r.name, "\(r.score)", "\(r.points)", "\(percent)", r.status.rawValue, String(format: "%.3f", e.seconds), r.reason ?? ""]
            out += cells.map(csvCell).joined(separator: ",") + "\r\n"
        }
        return out
    }

    static func csvCell(_ s: String) -> String {
        // Bytes, not Characters: "\r\n" is one Character, equal to neither "\r" nor "\n".
        guard s.utf8.contains(where: { $0 == 0x2C || $0 == 0x22 || $0 == 0x0A || $0 == 0x0D }) else { return s }
        return "\"" + s.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }

    /// Text made safe for an XML attribute or element (control characters other than tab and
    /// newline, which XML 1.0 forbids, are dropped).
    static func xml(_ s: String) -> String {
        var out = ""
        out.reserveCapacity(s.utf8.count)
        for ch in s.unicodeScalars {
            switch ch {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "\n": out += "&#10;"
            case "\t": out.unicodeScalars.append(ch)
            default:
                if ch.value < 0x20 || ch.value == 0xFFFE || ch.value == 0xFFFF { continue }
                out.unicodeScalars.append(ch)
            }
        }
        return out
    }
}
