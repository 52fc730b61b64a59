import Foundation
import XCTest

/// Issue 9's check on the recorded scenarios: every scenario of Fixtures/engine and Fixtures/swarm
/// (the swarm ones on one node) is run once in `lab sh` on a fresh lab and once with the real
/// docker client against `lab engine` on a fresh session (`ScenarioReplay` says how each line
/// runs), and each command's stdout, stderr and exit status are compared after the same
/// normalisation on both sides (`normalise`). Prints "… scenarios through the real client: N of M
/// commands match", names every command that differs (LAB_SHOW_MISMATCHES=1 shows both
/// outputs; LAB_SCENARIO=TEXT runs only the scenarios whose name contains it), and holds the
/// count to a floor. Scenarios run side by side, each with its own
/// `lab engine` (most of a swarm scenario's time is `sleep` and the client's 5 s stability wait).
/// Skips, saying so, where there is no docker client.
final class EngineScenarioTests: XCTestCase {
    /// The least number of commands that must match, per folder: every one (349 and 362 matched on
    /// 2026-12-01); swarm keeps one of slack for its scenarios' waits on the wall clock.
    static let floors: [String: Int] = ["engine": 349, "swarm": 361]

    func testRecordedEngineScenariosThroughTheRealClient() throws { try compare(folder: "engine") }

    func testRecordedSwarmScenariosThroughTheRealClient() throws { try compare(folder: "swarm") }

    func compare(folder: String) throws {
        guard let docker = EngineClientTests.dockerBinary else {
            throw XCTSkip("no docker client (/usr/local/bin/docker or docker on PATH): the \(folder) scenarios are not replayed with the real client")
        }
        // LAB_SCENARIO=TEXT replays only the scenarios whose file name contains it (no floor then).
        let only = ProcessInfo.processInfo.environment["LAB_SCENARIO"]
        let files = ScenarioReplay.scenarios(folder).filter { only == nil || $0.lastPathComponent.contains(only!) }
        guard !files.isEmpty else { throw XCTSkip("no \(folder) scenarios in \(ScenarioReplay.scenarioFolder(folder).path)") }
        let scenarios = try files.map { ($0.lastPathComponent, try ScenarioReplay.commands($0)) }
        let lab = CLITests.labBinary
        let jobs = Int(ProcessInfo.processInfo.environment["LAB_SCENARIO_JOBS"] ?? "") ?? 8
        let results = Results(count: scenarios.count)
        // A thread per worker (the runs mostly wait on processes; concurrentPerform would keep
        // to the cores).
        let workers = min(jobs, scenarios.count)
        let done = DispatchGroup()
        for worker in 0..<workers {
            done.enter()
            Thread {
                for k in stride(from: worker, to: scenarios.count, by: workers) {
                    let start = Date()
                    results.set(k, Result { try ScenarioReplay.replayWithClient(scenarios[k].1, lab: lab, docker: docker) })
                    results.note("\(scenarios[k].0): \(String(format: "%.1f", Date().timeIntervalSince(start))) s")
                }
                done.leave()
            }.start()
        }
        done.wait()
        var same = 0, total = 0
        var differing: [String] = []
        let show = ProcessInfo.processInfo.environment["LAB_SHOW_MISMATCHES"] != nil
        for (k, (name, commands)) in scenarios.enumerated() {
            let real = try results.get(k).get()
            let simulated = ScenarioReplay.simulate(commands)
            for (n, line) in commands.enumerated() {
                total += 1
                let a = real[n], b = simulated[n]
                var what: [String] = []
                if Self.normalise(a.stdout, command: line) != Self.normalise(b.stdout, command: line) {
                    what.append(show ? "stdout:\n--- docker + lab engine\n\(a.stdout)--- lab sh\n\(b.stdout)" : "stdout")
                }
                if Self.normalise(a.stderr, command: line) != Self.normalise(b.stderr, command: line) {
                    what.append(show ? "stderr:\n--- docker + lab engine\n\(a.stderr)--- lab sh\n\(b.stderr)" : "stderr")
                }
                if a.status != b.status { what.append("exit status \(a.status) with docker, \(b.status) in lab sh") }
                if what.isEmpty { same += 1 } else { differing.append("\(name): \(line)  [\(what.joined(separator: "; "))]") }
            }
        }
        print("\(folder) scenarios through the real client: \(same) of \(total) commands match")
        print("  client runs: " + results.notes.sorted().joined(separator: ", "))
        for d in differing { print("  differs: \(d)") }
        let floor = only == nil ? Self.floors[folder] ?? total : 0
        XCTAssertGreaterThanOrEqual(same, floor, "\(folder): \(same) of \(total) commands match, below the floor of \(floor)")
    }

    /// The client runs' results, filled by the workers.
    final class Results: @unchecked Sendable {
        private var items: [Result<[ScenarioReplay.Run], any Error>?]
        private(set) var notes: [String] = []
        private let lock = NSLock()

        func note(_ text: String) {
            lock.lock()
            notes.append(text)
            lock.unlock()
        }

        init(count: Int) { items = Array(repeating: nil, count: count) }

        func set(_ k: Int, _ r: Result<[ScenarioReplay.Run], any Error>) {
            lock.lock()
            items[k] = r
            lock.unlock()
        }

        func get(_ k: Int) -> Result<[ScenarioReplay.Run], any Error> {
            lock.lock()
            defer { lock.unlock() }
            return items[k] ?? .failure(ScenarioReplay.ReplayFailure(message: "not run"))
        }
    }

    static func normalise(_ text: String, command: String) -> String { ScenarioNormaliser.normalise(text, command: command) }
}
