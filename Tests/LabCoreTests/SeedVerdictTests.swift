import Foundation
import XCTest
@testable import LabCore

/// Every docker line of the seed course notes (../shared/seeds) gets the real client's verdict in
/// `lab sh --fresh -c`: recorded with `python3 scripts/record-seed-verdicts.py ../shared/seeds`, which
/// ran each line through real bash and the docker 28.2.2 client with DOCKER_HOST=unix:///nonexistent.
/// The simulated shell runs the same line with the same DOCKER_HOST, so a line the client accepted
/// ends at the unreachable daemon in both, and a line it rejected must fail with the same first line
/// and exit status.
final class SeedVerdictTests: XCTestCase {
    struct Case: Decodable {
        let seed: String
        let line: String
        let stdout: String
        let stderr: String
        let status: Int32
    }
    struct Fixture: Decodable {
        let recordedWith: String
        let cases: [Case]
    }

    static func loadFixture() throws -> Fixture {
        let url = try XCTUnwrap(Bundle.module.url(forResource: "Fixtures/seeds/seed-verdicts", withExtension: "json"))
        return try JSONDecoder().decode(Fixture.self, from: Data(contentsOf: url))
    }

    static let unreachable = "Cannot connect to the Docker daemon"

    func testEverySeedDockerLineGetsTheRealClientsVerdict() throws {
        let fixture = try Self.loadFixture()
        XCTAssertGreaterThan(fixture.cases.count, 200)
        var disagreements: [String] = []
        for c in fixture.cases {
            var lab = Lab()
            // Recorded with a client that has no buildx plugin (its builds take the legacy builder).
            lab.removeBuildx()
            let out = CapturedOutput()
            let shell = LabShell(terminalAttached: false)
            _ = shell.run("export DOCKER_HOST=unix:///nonexistent", origin: .commandString, lab: &lab, output: CapturedOutput())
            let outcome = shell.run(c.line, origin: .commandString, lab: &lab, output: out)
            let realAccepted = c.stderr.contains(Self.unreachable) || (c.status == 0 && c.stderr.isEmpty)
            let realFirst = c.stderr.split(separator: "\n").first.map(String.init) ?? ""
            let oursFirst = out.stderr.split(separator: "\n").first.map(String.init) ?? ""
            var problem: String?
            if outcome.status != c.status {
                problem = "status \(outcome.status), real \(c.status)"
            } else if realAccepted {
                if c.stderr.contains(Self.unreachable) && !out.stderr.contains(Self.unreachable) {
                    problem = "real client accepted it; ours said \(oursFirst.debugDescription)"
                } else if !c.stderr.contains(Self.unreachable) && out.stdout != c.stdout {
                    problem = "stdout \(out.stdout.debugDescription), real \(c.stdout.debugDescription)"
                }
            } else if oursFirst != realFirst {
                problem = "first line \(oursFirst.debugDescription), real \(realFirst.debugDescription)"
            }
            if let problem { disagreements.append("\(c.seed): \(c.line)\n    \(problem)") }
        }
        XCTAssert(disagreements.isEmpty, "\(disagreements.count) of \(fixture.cases.count) seed lines disagree with the real client:\n" + disagreements.joined(separator: "\n"))
    }

    /// The fixture covers every docker line the seeds have now (when ../shared/seeds is beside the repo).
    func testFixtureCoversTheSeedsOnDisk() throws {
        let seeds = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("shared/seeds")
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: seeds.path) else {
            throw XCTSkip("../shared/seeds is not beside this checkout")
        }
        let recorded = Set(try Self.loadFixture().cases.map(\.line))
        for name in names where name.hasSuffix(".md") {
            let text = try String(contentsOf: seeds.appendingPathComponent(name), encoding: .utf8)
            for raw in text.split(separator: "\n") {
                var line = raw.drop { $0 == " " || $0 == "\t" }
                if line.hasPrefix("$ ") { line = line.dropFirst(2) }
                if line.hasPrefix("sudo ") { line = line.dropFirst(5) }
                guard line.hasPrefix("docker "), !line.hasSuffix("\\") else { continue }
                XCTAssert(recorded.contains(String(line).trimmingCharacters(in: .whitespaces)) || recorded.contains(String(line)),
                          "\(name): \(line) is not in the fixture; re-run scripts/record-seed-verdicts.py")
            }
        }
    }
}

/// Client-side checks of the simulated client that no seed line exercises, recorded from the
/// docker 28.2.2 client (`DOCKER_HOST=unix:///nonexistent docker …`).
final class ClientPreflightTests: XCTestCase {
    private func run(_ line: String) -> (String, Int32) {
        var lab = Lab()
        let out = CapturedOutput()
        let outcome = LabShell().run(line, origin: .commandString, lab: &lab, output: out)
        return (out.stderr, outcome.status)
    }

    func testCopyNeedsExactlyOneContainerSide() {
        XCTAssertEqual(run("docker cp a b").0, "must specify at least one container source\n")
        XCTAssertEqual(run("docker cp a:/x b:/y").0, "copying between containers is not supported\n")
        XCTAssertEqual(run("docker cp a b").1, 1)
    }

    func testPruneAsksAndStopsWithoutYes() {
        var lab = Lab()
        let out = CapturedOutput()
        let outcome = LabShell().run("docker image prune", origin: .commandString, lab: &lab, output: out)
        XCTAssertEqual(out.stdout, "WARNING! This will remove all dangling images.\nAre you sure you want to continue? [y/N] ")
        XCTAssertEqual(outcome.status, 0)
    }

    func testInteractiveRunNeedsATerminal() {
        XCTAssertEqual(run("docker run -it alpine sh").0, "the input device is not a TTY\n")
        XCTAssertEqual(run("docker run -it alpine sh").1, 1)
    }
}
