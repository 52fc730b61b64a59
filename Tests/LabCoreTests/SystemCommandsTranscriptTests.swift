import Foundation
import XCTest
@testable import LabCore

/// Replays the system commands' real-engine transcripts (Fixtures/engine/transcripts/20-23, 25-28) in
/// the simulator, normalised like EngineTranscriptTests plus what is legitimately the lab's own
/// or varies between runs for these commands: the machine's name, daemon id, memory total and
/// registries in `docker info`; process ids, start times and CPU figures in `docker top`; the
/// sampled sizes and percentages of `docker stats`. Events (24) are checked by
/// SystemCommandsEventTests against a log rebuilt from the recording, until the engine keeps one.
final class SystemCommandsTranscriptTests: XCTestCase {
    static let files = ["20-version-info.txt", "21-top.txt", "22-stats.txt", "23-history-df.txt", "25-top-shells.txt",
                        "26-system-empty.txt", "27-top-formats.txt", "28-top-programs.txt"]

    /// The commands these files test (the others only set the engine up).
    static let commands = ["docker version", "docker info", "docker system info", "docker top", "docker container top",
                           "docker stats", "docker container stats", "docker history", "docker image history", "docker system df"]

    static func normalise(_ command: String, _ text: String) -> String {
        var s = text
        func sub(_ pattern: String, _ replacement: String) {
            s = s.replacingOccurrences(of: pattern, with: replacement, options: .regularExpression)
        }
        // docker info: the lab's own machine values (SystemInfo's doc comment lists them).
        sub(#"(?m)^ Name: .*$"#, " Name: <HOST>")
        sub(#"(?m)^ ID: [A-Z0-9:]{59}$"#, " ID: <DAEMONID>")
        sub(#"(?m)^ Total Memory: .*$"#, " Total Memory: <MEM>")
        sub(#"(?m)^  127\.0\.0\.1:5000\n"#, "")
        sub(#"(?m)^ Registry Mirrors:\n  http://127\.0\.0\.1:5000/\n"#, "")
        // A Go map, printed in a different order each time.
        sub(#"(?m)^ Runtimes: .*$"#, " Runtimes: <RUNTIMES>")
        if command.hasPrefix("docker top") || command.hasPrefix("docker container top") {
            sub(#"\b\d\d:\d\d\b"#, "<HM>")
            sub(#"\b\d+(\.\d+)?\b"#, "<N>")
        }
        if command.hasPrefix("docker stats") || command.hasPrefix("docker container stats") {
            sub(#"\d+(\.\d+)?[KMG]?i?B"#, "<SIZE>")
            sub(#"\d+\.\d\d%"#, "<PCT>")
        }
        return EngineTranscriptTests.normalise(s)
    }

    func testSystemCommandsMatchTheRecordedEngine() throws {
        var report: [String] = []
        var blocked: [String] = []
        var total = 0
        for name in Self.files {
            let real = try EngineTranscriptTests.transcript(name)
            let ours = EngineTranscriptTests.simulate(real)
            // Once a setup command (run, create, pull…) ends differently in the simulator, what
            // follows depends on the rest of the engine, not on these commands: reported, not failed.
            var setupFailed: String?
            for (r, o) in zip(real, ours) {
                guard Self.commands.contains(where: { r.command.hasPrefix($0 + " ") || r.command == $0 }) else {
                    if r.status != o.status, setupFailed == nil { setupFailed = r.command }
                    continue
                }
                total += 1
                let a = Self.normalise(r.command, r.output), b = Self.normalise(o.command, o.output)
                if r.status != o.status || a != b {
                    let text = "\(name): $ \(r.command)\n  real [rc=\(r.status)]: \(a.debugDescription)\n  ours [rc=\(o.status)]: \(b.debugDescription)"
                    if let setupFailed { blocked.append(text + "\n  (after the simulator's `\(setupFailed)` ended differently)") } else { report.append(text) }
                }
            }
        }
        print("system command transcripts: \(total - report.count - blocked.count) of \(total) commands match; "
              + "\(blocked.count) wait for the engine\n" + blocked.joined(separator: "\n"))
        XCTAssertTrue(report.isEmpty, report.joined(separator: "\n"))
    }
}
