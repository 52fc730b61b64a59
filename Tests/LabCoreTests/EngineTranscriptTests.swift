import Foundation
import XCTest
@testable import LabCore

/// Replays every recorded real-engine scenario (Fixtures/engine: scenarios and their transcripts,
/// recorded with ../shared/tools/record-golden.sh) in the simulator and compares each command's
/// output and exit status after normalising what legitimately differs between runs.
final class EngineTranscriptTests: XCTestCase {
    /// One command of a transcript: the line, its merged output and its exit status.
    struct Step: Equatable {
        let command: String
        var output: String
        var status: Int32
    }

    /// Splits a transcript (`$ CMD`, output lines, `[rc=N]`) into steps.
    static func parseTranscript(_ text: String) -> [Step] {
        var steps: [Step] = []
        var command: String?
        var output: [Substring] = []
        // "\r\n" is one Character in Swift: split on scalars so a CR stays part of its line.
        for scalars in text.unicodeScalars.split(separator: "\n", omittingEmptySubsequences: false) {
            let line = Substring(String(scalars))
            if command == nil, line.hasPrefix("$ ") {
                command = String(line.dropFirst(2))
                output = []
            } else if let c = command, line.hasPrefix("[rc="), line.hasSuffix("]"), let rc = Int32(line.dropFirst(4).dropLast()) {
                steps.append(Step(command: c, output: output.map { $0 + "\n" }.joined(), status: rc))
                command = nil
            } else if command != nil {
                output.append(line)
            }
        }
        return steps
    }

    /// What differs between two runs of the same scenario on a real engine: ids, digests, times,
    /// layer progress, ping timings, process ids; and what the stand-in images print at pull time.
    /// With the command: generated container names (adjective_surname, not typed in the command),
    /// the numbers of `top` and `stats` (pids, times of day, usage), and the order of prune lists
    /// (the daemon walks a Go map).
    static func normalise(_ text: String, command: String) -> String {
        var s = normalise(text)
        let typed = Set(command.split(whereSeparator: { !$0.isLetter && !$0.isNumber && $0 != "_" }).map(String.init))
        if let names = try? NSRegularExpression(pattern: #"\b[a-z]+_[a-z]+[0-9]?\b"#) {
            for m in names.matches(in: s, range: NSRange(s.startIndex..., in: s)).reversed() {
                guard let r = Range(m.range, in: s), !typed.contains(String(s[r])) else { continue }
                s.replaceSubrange(r, with: "<NAME>")
            }
        }
        if command.hasPrefix("docker top") || command.hasPrefix("docker container top") || command.hasPrefix("docker stats") || command.hasPrefix("docker container stats") {
            s = s.replacingOccurrences(of: #"[0-9][0-9.:]*"#, with: "<N>", options: .regularExpression)
        }
        if command.contains(" prune") {
            var blocks = s.components(separatedBy: "\n\n")
            for (k, block) in blocks.enumerated() where block.hasPrefix("Deleted ") {
                var lines = block.components(separatedBy: "\n")
                let head = lines.removeFirst()
                blocks[k] = ([head] + lines.sorted()).joined(separator: "\n")
            }
            s = blocks.joined(separator: "\n\n")
        }
        return s
    }

    static func normalise(_ text: String) -> String {
        var lines: [String] = []
        for scalars in text.unicodeScalars.split(separator: "\n", omittingEmptySubsequences: false) {
            let line = String(scalars)
            if line.range(of: #"^[0-9a-f]{12}: (Pulling fs layer|Verifying Checksum|Download complete|Pull complete|Already exists|Waiting|Downloading|Extracting)"#, options: .regularExpression) != nil { continue }
            lines.append(line)
        }
        var s = lines.joined(separator: "\n")
        let rules: [(String, String)] = [
            (#"sha256:[0-9a-f]{64}"#, "sha256:<DIGEST>"),
            (#"[0-9a-f]{64}"#, "<ID>"),
            (#"\b[0-9a-f]{12}\b"#, "<SHORTID>"),
            (#"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?Z"#, "<TIME>"),
            (#"(Less than a second|About a minute|About an hour|\d+ (seconds|minutes|hours|days|weeks|months|years)|1 second)"#, "<AGO>"),
            (#"time=\d+(\.\d+)? ms"#, "time=<T> ms"),
            (#"min/avg/max = [0-9./]+ ms"#, "min/avg/max = <T> ms"),
            (#""Pid": \d+"#, "\"Pid\": <PID>"),
        ]
        for (pattern, replacement) in rules {
            s = s.replacingOccurrences(of: pattern, with: replacement, options: .regularExpression)
        }
        // Tables are aligned to their widest cell; ids and times above change widths.
        s = s.replacingOccurrences(of: #" {2,}"#, with: "  ", options: .regularExpression)
        return s
    }

    static func scenarioNames() throws -> [String] {
        let dir = try XCTUnwrap(Bundle.module.url(forResource: "Fixtures/engine/transcripts", withExtension: nil))
        return try FileManager.default.contentsOfDirectory(atPath: dir.path).filter { $0.hasSuffix(".txt") }.sorted()
    }

    static func transcript(_ name: String) throws -> [Step] {
        let url = try XCTUnwrap(Bundle.module.url(forResource: "Fixtures/engine/transcripts/" + name, withExtension: nil))
        return parseTranscript(try String(contentsOf: url, encoding: .utf8))
    }

    /// Runs a scenario's commands in one fresh simulated lab, each as its own shell line.
    static func simulate(_ steps: [Step]) -> [Step] {
        var lab = Lab()
        let shell = LabShell(terminalAttached: false)
        return steps.map { step in
            // The recorder runs every line in a new bash: `$?` starts at 0 each time.
            lab.machine.shell.lastStatus = 0
            let out = CapturedOutput()
            let outcome = shell.run(step.command, origin: .commandString, lab: &lab, output: out)
            return Step(command: step.command, output: out.combined, status: outcome.status)
        }
    }

    /// The least share of recorded commands that must match (the engine issue's bar).
    static let requiredMatchRate = 0.95

    func testRecordedScenariosMatchTheRealEngine() throws {
        var score = TranscriptScore("engine")
        for name in try Self.scenarioNames() {
            let real = try Self.transcript(name)
            let ours = Self.simulate(real)
            for (r, o) in zip(real, ours) {
                score.record(name, command: r.command, real: (Self.normalise(r.output, command: r.command), r.status),
                             ours: (Self.normalise(o.output, command: r.command), o.status))
            }
        }
        score.check(bar: Self.requiredMatchRate)
    }

    func testNormalisationMakesTwoRunsOfTheSameOutputEqual() {
        let a = "f01d33f56d8b   nginx     \"/docker-entrypoint.…\"   Less than a second ago   Up Less than a second   80/tcp    web\n"
        let b = "0584e70ed957   nginx     \"/docker-entrypoint.…\"   3 seconds ago            Up 2 seconds            80/tcp    web\n"
        XCTAssertEqual(Self.normalise(a), Self.normalise(b))
        XCTAssertNotEqual(Self.normalise(a), Self.normalise(b.replacingOccurrences(of: "web", with: "db")))
        // a generated name is masked, a typed one is not
        XCTAssertEqual(Self.normalise("naughty_wescoff nginx\n", command: "docker ps"), Self.normalise("sharp_berners nginx\n", command: "docker ps"))
        XCTAssertNotEqual(Self.normalise("mysql_db\n", command: "docker ps --filter name=mysql_db"), Self.normalise("other_db\n", command: "docker ps --filter name=mysql_db"))
    }
}
