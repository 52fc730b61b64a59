import Foundation
import XCTest

/// End-to-end checks of the `lab` executable as a learner runs it: exact output, exit statuses,
/// the database options, and sessions that survive between runs.
final class CLITests: XCTestCase {
    struct Run {
        let stdout: String
        let stderr: String
        let status: Int32
    }

    /// The built `lab` program, beside the test bundle in the build folder.
    static var labBinary: URL {
        let candidates = [Bundle.main.bundleURL, Bundle(for: CLITests.self).bundleURL.deletingLastPathComponent(),
                          URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()]
        for dir in candidates {
            let url = dir.appendingPathComponent("lab")
            if FileManager.default.isExecutableFile(atPath: url.path) { return url }
        }
        return candidates[0].appendingPathComponent("lab")
    }

    private var dbPath = ""

    override func setUp() {
        dbPath = NSTemporaryDirectory() + "lab-cli-\(UUID().uuidString)/lab.sqlite"
    }

    @discardableResult
    func lab(_ arguments: [String], environment: [String: String] = [:], stdin: String? = nil) throws -> Run {
        let process = Process()
        process.executableURL = Self.labBinary
        process.arguments = arguments
        var env = ProcessInfo.processInfo.environment
        env["LAB_DB"] = dbPath
        for (k, v) in environment { env[k] = v }
        process.environment = env
        let out = Pipe(), err = Pipe(), input = Pipe()
        process.standardOutput = out
        process.standardError = err
        process.standardInput = input
        try process.run()
        if let stdin { input.fileHandleForWriting.write(Data(stdin.utf8)) }
        try input.fileHandleForWriting.close()
        let o = out.fileHandleForReading.readAllRetryingInterrupts()
        let e = err.fileHandleForReading.readAllRetryingInterrupts()
        process.waitUntilExit()
        return Run(stdout: String(decoding: o, as: UTF8.self), stderr: String(decoding: e, as: UTF8.self), status: process.terminationStatus)
    }

    // Recorded from the real client: DOCKER_HOST=unix:///nonexistent docker network create --driver
    func testFlagWithoutValueIsTheRealClientsError() throws {
        let r = try lab(["sh", "--fresh", "-c", "docker network create --driver"])
        XCTAssertEqual(r.stderr, "flag needs an argument: --driver\n\nUsage:  docker network create [OPTIONS] NETWORK\n\nRun 'docker network create --help' for more information\n")
        XCTAssertEqual(r.stdout, "")
        XCTAssertEqual(r.status, 125)
    }

    // Recorded from the real client: DOCKER_HOST=unix:///nonexistent docker contaner ls
    func testUnknownCommandIsTheRealClientsError() throws {
        let r = try lab(["sh", "--fresh", "-c", "docker contaner ls"])
        XCTAssertEqual(r.stderr, "docker: unknown command: docker contaner\n\nRun 'docker --help' for more information\n")
        XCTAssertEqual(r.status, 1)
    }

    func testExitStatusIsTheLastCommands() throws {
        XCTAssertEqual(try lab(["sh", "--fresh", "-c", "true; false"]).status, 1)
        XCTAssertEqual(try lab(["sh", "--fresh", "-c", "nosuchprogram"]).status, 127)
        XCTAssertEqual(try lab(["sh", "--fresh", "-c", "exit 7"]).status, 7)
    }

    func testSessionStateSurvivesBetweenRuns() throws {
        try lab(["sh", "--session", "s1", "-c", "mkdir -p app && cd app && echo hello > greeting"])
        let r = try lab(["sh", "--session", "s1", "-c", "pwd; cat greeting"])
        XCTAssertEqual(r.stdout, "/root/app\nhello\n")
        let other = try lab(["sh", "--session", "s2", "-c", "pwd"])
        XCTAssertEqual(other.stdout, "/root\n")
    }

    func testFreshSavesNothing() throws {
        try lab(["sh", "--fresh", "-c", "echo x > kept"])
        let r = try lab(["sh", "-c", "cat kept"])
        XCTAssertEqual(r.stderr, "cat: kept: No such file or directory\n")
        XCTAssertEqual(r.status, 1)
    }

    func testDbOptionWinsOverEnvironment() throws {
        let other = NSTemporaryDirectory() + "lab-cli-\(UUID().uuidString)/other.sqlite"
        try lab(["sh", "--db", other, "-c", "echo a > f"])
        XCTAssertTrue(FileManager.default.fileExists(atPath: other))
        XCTAssertEqual(try lab(["sh", "--db", other, "-c", "cat f"]).stdout, "a\n")
        XCTAssertEqual(try lab(["sh", "-c", "cat f"]).status, 1)
    }

    func testScriptFileAndStandardInput() throws {
        let script = NSTemporaryDirectory() + "lab-script-\(UUID().uuidString).sh"
        try "echo one\necho two >&2\nexit 3\n".write(toFile: script, atomically: true, encoding: .utf8)
        let r = try lab(["sh", "--fresh", script])
        XCTAssertEqual(r.stdout, "one\n")
        XCTAssertEqual(r.stderr, "two\n")
        XCTAssertEqual(r.status, 3)
        let piped = try lab(["sh", "--fresh"], stdin: "echo piped\n")
        XCTAssertEqual(piped.stdout, "piped\n")
    }

    func testMissingScriptFileIsAClearError() throws {
        let r = try lab(["sh", "--fresh", "/nonexistent/script.sh"])
        XCTAssertNotEqual(r.status, 0)
        XCTAssertTrue(r.stderr.contains("/nonexistent/script.sh"), r.stderr)
    }

    func testFreshAndSessionTogetherAreRefused() throws {
        let r = try lab(["sh", "--fresh", "--session", "x", "-c", "true"])
        XCTAssertNotEqual(r.status, 0)
        XCTAssertTrue(r.stderr.contains("--fresh"), r.stderr)
    }

    func testMapShowsTheCourseAndCreatesTheDatabase() throws {
        let r = try lab([])
        XCTAssertEqual(r.status, 0, r.stderr)
        XCTAssertTrue(r.stdout.contains("First containers"), r.stdout)
        XCTAssertTrue(r.stdout.contains("session 'default'"), r.stdout)
        XCTAssertTrue(FileManager.default.fileExists(atPath: dbPath))
    }

    func testUnusableDatabaseIsAClearError() throws {
        let r = try lab(["sh", "--db", "/proc/no-lab-here/lab.sqlite", "-c", "true"])
        XCTAssertNotEqual(r.status, 0)
        XCTAssertTrue(r.stderr.hasPrefix("Error: lab: ") || r.stderr.hasPrefix("lab: "), r.stderr)
    }
}

extension CLITests {
    func testImportListShowAndReimport() throws {
        let dir = NSTemporaryDirectory() + "lab-notes-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        try "---\ntitle: Ports\n---\n## Publish exercise\n```\ndocker run -d -p 8080:80 nginx\n```\n".write(toFile: dir + "/ports.md", atomically: true, encoding: .utf8)
        let imported = try lab(["import", dir])
        XCTAssertEqual(imported.status, 0, imported.stderr)
        XCTAssertTrue(imported.stdout.contains("lesson ports  Ports"), imported.stdout)
        XCTAssertTrue(imported.stdout.contains("assignment ports/publish-exercise  Publish exercise"), imported.stdout)
        XCTAssertEqual(try lab(["import", dir]).stdout, imported.stdout)
        let lessons = try lab(["lessons"])
        XCTAssertTrue(lessons.stdout.contains("first-containers  First containers"), lessons.stdout)
        XCTAssertTrue(lessons.stdout.contains("ports  Ports"), lessons.stdout)
        let shown = try lab(["show", "ports"], environment: ["NO_COLOR": "1"])
        XCTAssertTrue(shown.stdout.hasPrefix("Ports\n=====\n"), shown.stdout)
        let missing = try lab(["show", "nosuch"])
        XCTAssertEqual(missing.status, 1)
        XCTAssertTrue(missing.stderr.hasPrefix("lab: no lesson 'nosuch'"), missing.stderr)
        XCTAssertEqual(try lab(["import", "/nonexistent/notes"]).status, 1)
    }
}

extension CLITests {
    /// A learner through one lesson: start, practise, check (failing then passing), next.
    func testLearnerLoopStartShCheckNext() throws {
        let id = "first-containers/assignment-a-web-server-on-port-8080"
        XCTAssertTrue(try lab(["next"]).stdout.contains(id))
        XCTAssertEqual(try lab(["start", id]).status, 0)
        let before = try lab(["check"])
        XCTAssertEqual(before.status, 1)
        XCTAssertTrue(before.stdout.contains("✗ container webhost is running"), before.stdout)
        XCTAssertEqual(try lab(["sh", "-c", "docker run -d --name webhost -p 8080:80 nginx"]).status, 0)
        let after = try lab(["check"])
        XCTAssertEqual(after.status, 0, after.stdout)
        XCTAssertTrue(after.stdout.contains("Passed"), after.stdout)
        XCTAssertTrue(try lab(["next"]).stdout.contains("images-and-tags/assignment-a-second-name"))
        XCTAssertTrue(try lab(["progress"]).stdout.contains("✓ \(id)"))
        XCTAssertEqual(try lab(["reset"]).status, 0)
        XCTAssertEqual(try lab(["check"]).status, 1)
        XCTAssertEqual(try lab(["start", "no/such"]).status, 1)
    }
}

extension CLITests {
    private func json(_ run: Run) throws -> Any {
        try JSONSerialization.jsonObject(with: Data(run.stdout.utf8))
    }

    /// --json where a program reads the result: lessons, map, start, check, hint, next, progress.
    func testJSONOutputsParse() throws {
        let lessons = try XCTUnwrap(try json(try lab(["lessons", "--json"])) as? [[String: Any]])
        XCTAssertEqual(lessons.first?["id"] as? String, "first-containers")
        XCTAssertEqual(lessons.first?["waitingFor"] as? [String], [])
        let map = try XCTUnwrap(try json(try lab(["map", "--json"])) as? [String: Any])
        XCTAssertEqual(map["session"] as? String, "default")
        XCTAssertEqual((map["lessons"] as? [Any])?.count, lessons.count)
        let id = "first-containers/assignment-a-web-server-on-port-8080"
        let started = try XCTUnwrap(try json(try lab(["start", id, "--json"])) as? [String: Any])
        XCTAssertEqual(started["assignment"] as? String, id)
        let failing = try lab(["check", "--json"])
        XCTAssertEqual(failing.status, 1)
        let verdict = try XCTUnwrap(try json(failing) as? [String: Any])
        XCTAssertEqual(verdict["status"] as? String, "failed")
        XCTAssertFalse((verdict["results"] as? [Any] ?? []).isEmpty)
        let hint = try XCTUnwrap(try json(try lab(["hint", "--json"])) as? [String: Any])
        XCTAssertEqual(hint["status"] as? String, "failed")
        XCTAssertNotNil(hint["expectation"] as? String)
        let next = try XCTUnwrap(try json(try lab(["next", "--json"])) as? [String: Any])
        XCTAssertEqual(next["next"] as? String, "images-and-tags/assignment-a-second-name")
        let progress = try XCTUnwrap(try json(try lab(["progress", "--json"])) as? [String: Any])
        let lines = try XCTUnwrap(progress["assignments"] as? [[String: Any]])
        XCTAssertEqual(lines.first { $0["assignment"] as? String == id }?["status"] as? String, "started")
        XCTAssertEqual(progress["total"] as? Int, lines.count)
    }

    /// An assignment whose lesson needs an engine part the lab lacks is neither passed nor failed.
    func testWaitingAssignmentIsNotGraded() throws {
        // Compose's lessons wait for `docker compose` v2 (builds and registries are graded now).
        let id = "compose-applications/assignment-a-two-service-application"
        let lessons = try XCTUnwrap(try json(try lab(["lessons", "--json"])) as? [[String: Any]])
        guard (lessons.first { $0["id"] as? String == "compose-applications" }?["waitingFor"] as? [String])?.isEmpty == false else {
            throw XCTSkip("compose is simulated now: every lesson is graded")
        }
        XCTAssertTrue(try lab(["lessons"]).stdout.contains("compose-applications  Compose applications  (waiting for compose)"))
        XCTAssertFalse(try lab(["lessons"]).stdout.contains("waiting for build"), "build lessons are graded now")
        XCTAssertEqual(try lab(["start", id]).status, 0)
        let check = try lab(["check"])
        XCTAssertEqual(check.status, 2, check.stdout)
        XCTAssertTrue(check.stdout.contains("waiting for compose"), check.stdout)
        XCTAssertFalse(check.stdout.contains("Passed"), check.stdout)
        let verdict = try XCTUnwrap(try json(try lab(["check", "--json"])) as? [String: Any])
        XCTAssertEqual(verdict["status"] as? String, "waiting")
        XCTAssertEqual(verdict["waitingFor"] as? [String], ["compose"])
        let progress = try XCTUnwrap(try json(try lab(["progress", "--json"])) as? [String: Any])
        let line = (progress["assignments"] as? [[String: Any]])?.first { $0["assignment"] as? String == id }
        XCTAssertEqual(line?["status"] as? String, "waiting")
        XCTAssertEqual(progress["passed"] as? Int, 0)
    }
}
