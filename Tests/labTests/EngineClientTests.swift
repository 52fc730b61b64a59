import Foundation
import LabCore
import XCTest

/// The held-out-style check of issue 9: the real docker client (docker 28 on this machine)
/// against `lab engine` on a temporary socket prints what the simulated client prints in a fresh
/// lab, command by command (stdout, stderr and exit status, after normalising what cannot be the
/// same: relative ages and times of day, since `lab engine` runs on the host's clock and `lab sh`
/// on the simulated one). And docker-py runs a container, lists it, reads its logs and removes it.
final class EngineClientTests: XCTestCase {
    struct Run: Equatable {
        var stdout: String
        var stderr: String
        var status: Int32
    }

    /// The docker client: /usr/local/bin/docker, else `docker` on PATH (LAB_DOCKER_CLIENT=none:
    /// none, to try the tests' skipping).
    static var dockerBinary: String? {
        if ProcessInfo.processInfo.environment["LAB_DOCKER_CLIENT"] == "none" { return nil }
        var candidates = ["/usr/local/bin/docker"]
        for dir in (ProcessInfo.processInfo.environment["PATH"] ?? "").split(separator: ":") { candidates.append(dir + "/docker") }
        return candidates.first { FileManager.default.isExecutableFile(atPath: $0) }
    }

    var dir = ""

    override func setUpWithError() throws {
        dir = NSTemporaryDirectory() + "lab-engine-\(UUID().uuidString.prefix(8))"
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
    }

    override func tearDown() {
        try? FileManager.default.removeItem(atPath: dir)
    }

    /// Starts `lab engine` on a socket in the test's folder, with its own database.
    func startEngine() throws -> (Process, String) {
        let socket = dir + "/engine.sock"
        let process = Process()
        process.executableURL = CLITests.labBinary
        process.arguments = ["engine", "--socket", socket]
        var env = ProcessInfo.processInfo.environment
        env["LAB_DB"] = dir + "/lab.sqlite"
        process.environment = env
        process.standardOutput = FileHandle(forWritingAtPath: "/dev/null")
        try process.run()
        let deadline = Date().addingTimeInterval(15)
        while !FileManager.default.fileExists(atPath: socket) && Date() < deadline { usleep(20_000) }
        guard FileManager.default.fileExists(atPath: socket) else {
            process.terminate()
            throw XCTSkip("lab engine did not start listening on \(socket)")
        }
        return (process, socket)
    }

    func stop(_ engine: Process) {
        engine.terminate()
        engine.waitUntilExit()
    }

    /// Runs `line` with bash (the docker client under DOCKER_HOST), stopping it after 20 s.
    func runClient(_ line: String, socket: String) throws -> Run {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/bash")
        process.arguments = ["-c", line]
        var env = ProcessInfo.processInfo.environment
        env["DOCKER_HOST"] = "unix://" + socket
        env["DOCKER_CONFIG"] = dir + "/docker-config"
        let docker = Self.dockerBinary ?? "/usr/local/bin/docker"
        env["PATH"] = (docker as NSString).deletingLastPathComponent + ":" + (env["PATH"] ?? "/usr/bin:/bin")
        process.environment = env
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        process.standardInput = FileHandle(forReadingAtPath: "/dev/null")
        try process.run()
        let timer = DispatchWorkItem { if process.isRunning { process.terminate() } }
        DispatchQueue.global().asyncAfter(deadline: .now() + 20, execute: timer)
        let o = out.fileHandleForReading.readAllRetryingInterrupts()
        let e = err.fileHandleForReading.readAllRetryingInterrupts()
        process.waitUntilExit()
        timer.cancel()
        return Run(stdout: String(decoding: o, as: UTF8.self), stderr: String(decoding: e, as: UTF8.self), status: process.terminationStatus)
    }

    /// What legitimately differs between the host's clock and the simulated one: relative ages,
    /// timestamps, `docker top`'s start times, and so the width of the table columns holding
    /// them; and the order of `docker info`'s runtimes (a Go map the real client prints as it
    /// comes).
    static func normalise(_ text: String, command: String) -> String {
        var s = text
        let rules: [(String, String)] = [
            (#"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?Z"#, "<TIME>"),
            (#""time":\d+,"timeNano":\d+"#, #""time":<T>,"timeNano":<T>"#),
            (#"(Less than a second|About a minute|About an hour|\d+ (seconds|minutes|hours|days|weeks|months|years)|1 second)"#, "<AGO>"),
        ]
        for (pattern, replacement) in rules { s = s.replacingOccurrences(of: pattern, with: replacement, options: .regularExpression) }
        if command.hasPrefix("docker top") { s = s.replacingOccurrences(of: #"\b\d\d:\d\d\b"#, with: "<HH:MM>", options: .regularExpression) }
        s = s.split(separator: "\n", omittingEmptySubsequences: false).map { line -> String in
            if line.hasPrefix(" Runtimes: ") { return " Runtimes: " + line.dropFirst(11).split(separator: " ").sorted().joined(separator: " ") }
            return String(line)
        }.joined(separator: "\n")
        s = s.replacingOccurrences(of: #" {2,}"#, with: "  ", options: .regularExpression)
        if command.hasPrefix("docker images") && !command.contains("-q") { s = sortRowsOfOneImage(s) }
        return s
    }

    /// The real client prints an image's repositories in Go map order (docker/cli
    /// formatter/image.go ranges over a map of repository to tags), so the rows of one image
    /// (the same IMAGE ID) come in any order: sorted here.
    static func sortRowsOfOneImage(_ text: String) -> String {
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        func imageID(_ line: String) -> String? {
            let cells = line.components(separatedBy: "  ")
            return cells.count > 2 ? cells[2] : nil
        }
        var start = 0
        while start < lines.count {
            var end = start + 1
            while end < lines.count, imageID(lines[end]) != nil, imageID(lines[end]) == imageID(lines[start]) { end += 1 }
            lines[start..<end].sort()
            start = end
        }
        return lines.joined(separator: "\n")
    }

    func testRealClientAgainstLabEnginePrintsWhatLabShPrints() throws {
        guard Self.dockerBinary != nil else {
            throw XCTSkip("no docker client (/usr/local/bin/docker or docker on PATH): the comparison with the real client is skipped")
        }
        let (engine, socket) = try startEngine()
        var real: [Run] = []
        do {
            defer { stop(engine) }
            for line in EngineScenario.commands { real.append(try runClient(line, socket: socket)) }
        }
        var lab = Lab()
        let shell = LabShell()
        var simulated: [Run] = []
        for line in EngineScenario.commands {
            let output = CapturedOutput()
            let status = shell.run(line, origin: .commandString, lab: &lab, output: output).status
            simulated.append(Run(stdout: output.stdout, stderr: output.stderr, status: status))
        }
        var same = 0
        for (k, line) in EngineScenario.commands.enumerated() {
            let a = real[k], b = simulated[k]
            var differences: [String] = []
            if Self.normalise(a.stdout, command: line) != Self.normalise(b.stdout, command: line) {
                differences.append("stdout:\n--- lab engine + docker\n\(a.stdout)--- lab sh\n\(b.stdout)")
            }
            if Self.normalise(a.stderr, command: line) != Self.normalise(b.stderr, command: line) {
                differences.append("stderr:\n--- lab engine + docker\n\(a.stderr)--- lab sh\n\(b.stderr)")
            }
            if a.status != b.status { differences.append("exit status: \(a.status) with docker, \(b.status) in lab sh") }
            if differences.isEmpty { same += 1 } else { XCTFail("`\(line)` differs: " + differences.joined(separator: "\n")) }
        }
        print("EngineClientTests: \(same) of \(EngineScenario.commands.count) commands print the same with the real client and in lab sh")
        // The engine saved the session: the history reads as docker commands lab check can see.
        let export = try labCommand(["export"])
        XCTAssertTrue(export.contains("docker run -d --name web -p 8080:80 nginx"), export)
        XCTAssertTrue(export.contains("docker network connect appnet web"), export)
    }

    /// `lab` with the test's database (for what the engine saved).
    func labCommand(_ arguments: [String]) throws -> String {
        let process = Process()
        process.executableURL = CLITests.labBinary
        process.arguments = arguments
        var env = ProcessInfo.processInfo.environment
        env["LAB_DB"] = dir + "/lab.sqlite"
        process.environment = env
        let out = Pipe()
        process.standardOutput = out
        try process.run()
        let data = out.fileHandleForReading.readAllRetryingInterrupts()
        process.waitUntilExit()
        return String(decoding: data, as: UTF8.self)
    }

    func testDockerPyRunsListsReadsLogsAndRemoves() throws {
        let check = try runProcess("/usr/bin/env", ["python3", "-c", "import docker"])
        guard check.status == 0 else { throw XCTSkip("python3 cannot import docker (docker-py): the docker-py check is skipped") }
        let (engine, socket) = try startEngine()
        defer { stop(engine) }
        let script = """
            import docker, sys
            c = docker.DockerClient(base_url="unix://" + sys.argv[1], version="auto")
            ctr = c.containers.run("alpine", ["sh", "-c", "echo hello from docker-py; echo to stderr >&2"], detach=True, name="py1")
            print("exit", ctr.wait()["StatusCode"])
            print("listed", [x.name for x in c.containers.list(all=True)])
            print("logs", ctr.logs().decode(), end="")
            ctr.remove()
            print("left", [x.name for x in c.containers.list(all=True)])
            """
        let run = try runProcess("/usr/bin/env", ["python3", "-c", script, socket])
        XCTAssertEqual(run.stderr, "")
        XCTAssertEqual(run.stdout, "exit 0\nlisted ['py1']\nlogs hello from docker-py\nto stderr\nleft []\n")
        XCTAssertEqual(run.status, 0)
    }

    func runProcess(_ path: String, _ arguments: [String]) throws -> Run {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: path)
        process.arguments = arguments
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        let o = out.fileHandleForReading.readAllRetryingInterrupts()
        let e = err.fileHandleForReading.readAllRetryingInterrupts()
        process.waitUntilExit()
        return Run(stdout: String(decoding: o, as: UTF8.self), stderr: String(decoding: e, as: UTF8.self), status: process.terminationStatus)
    }
}
