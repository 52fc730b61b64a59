import Foundation
import LabCore

/// Replays a recorded scenario (Tests/LabCoreTests/Fixtures/FOLDER/scenarios/NAME.txt: one shell
/// line each, `#` comments) twice, for `EngineScenarioTests`:
/// - with the real docker client against `lab engine` serving a fresh session: every line runs as
///   the oracle's recorder ran it (../shared/tools/record-golden.sh), in a new bash in the
///   scenario's own empty folder (`/tmp/scenario.XXXX`), with the client on PATH and DOCKER_HOST
///   naming the engine's socket. Lines that are not docker commands (`printf … > stack.yml`,
///   `sleep 4`, `cat f` after a `docker cp`, `echo $?`) run there too: the real client reads and
///   writes the host's files (compose and secret files, `docker cp`'s target), so they belong
///   on the host, and they are compared like the rest. The bash gets the lab machine's
///   HOSTNAME, as `lab sh` expands `$HOSTNAME` on the lab's machine.
/// - in `lab sh` on a fresh lab (in process, as `lab sh --fresh -c LINE` runs it), each line on
///   its own with `$?` reset as the recorder's new bash has it, in `/tmp/scenario.lab1`.
enum ScenarioReplay {
    /// What one command printed and its status.
    struct Run: Equatable, Sendable {
        var stdout: String
        var stderr: String
        var status: Int32
    }

    /// The folder of recorded scenarios (engine, swarm) beside the LabCore tests.
    static func scenarioFolder(_ folder: String) -> URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("LabCoreTests/Fixtures/\(folder)/scenarios")
    }

    /// The scenario files of a folder, sorted.
    static func scenarios(_ folder: String) -> [URL] {
        let dir = scenarioFolder(folder)
        let names = (try? FileManager.default.contentsOfDirectory(atPath: dir.path)) ?? []
        return names.filter { $0.hasSuffix(".txt") }.sorted().map { dir.appendingPathComponent($0) }
    }

    /// A scenario's command lines.
    static func commands(_ file: URL) throws -> [String] {
        try String(contentsOf: file, encoding: .utf8).split(separator: "\n", omittingEmptySubsequences: true)
            .map(String.init).filter { !$0.trimmingCharacters(in: .whitespaces).isEmpty && !$0.hasPrefix("#") }
    }

    /// The lab machine's host name (`$HOSTNAME` in `lab sh`).
    static let labHostname = Lab().machine.hostname

    /// Runs the lines in `lab sh` on a fresh lab (`prepare` changes it first: the build
    /// scenarios' lab has no buildx plugin, as the oracle's client had none).
    static func simulate(_ commands: [String], prepare: (inout Lab) -> Void = { _ in }) -> [Run] {
        var lab = Lab()
        prepare(&lab)
        let shell = LabShell(terminalAttached: false)
        _ = shell.run("mkdir -p /tmp/scenario.lab1 && cd /tmp/scenario.lab1", origin: .commandString, lab: &lab, output: DiscardedOutput())
        return commands.map { line in
            lab.machine.shell.lastStatus = 0
            let out = CapturedOutput()
            let status = shell.run(line, origin: .commandString, lab: &lab, output: out).status
            return Run(stdout: out.stdout, stderr: out.stderr, status: status)
        }
    }

    /// Runs the lines with the real client against a `lab engine` of its own (a new database, so a
    /// fresh session); nil with the reason when the engine does not start.
    static func replayWithClient(_ commands: [String], lab: URL, docker: String) throws -> [Run] {
        let fm = FileManager.default
        let work = NSTemporaryDirectory() + "lab-scenario-\(UUID().uuidString.prefix(8))"
        var folder = ""
        repeat {
            let letters = Array("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789")
            folder = "/tmp/scenario." + String((0..<4).map { _ in letters.randomElement()! })
        } while fm.fileExists(atPath: folder)
        try fm.createDirectory(atPath: work, withIntermediateDirectories: true)
        try fm.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer {
            try? fm.removeItem(atPath: work)
            try? fm.removeItem(atPath: folder)
        }
        let socket = work + "/engine.sock"
        let engine = Process()
        engine.executableURL = lab
        engine.arguments = ["engine", "--socket", socket]
        var env = ProcessInfo.processInfo.environment
        env["LAB_DB"] = work + "/lab.sqlite"
        engine.environment = env
        engine.standardOutput = FileHandle(forWritingAtPath: "/dev/null")
        engine.standardError = FileHandle(forWritingAtPath: "/dev/null")
        try engine.run()
        defer {
            engine.terminate()
            waitForExit(engine, seconds: 10)
        }
        let deadline = Date().addingTimeInterval(30)
        while !fm.fileExists(atPath: socket) && Date() < deadline { usleep(20_000) }
        guard fm.fileExists(atPath: socket) else { throw ReplayFailure(message: "lab engine did not start listening on \(socket)") }
        env["DOCKER_HOST"] = "unix://" + socket
        env["DOCKER_CONFIG"] = work + "/docker-config"
        env["PATH"] = (docker as NSString).deletingLastPathComponent + ":" + (env["PATH"] ?? "/usr/bin:/bin")
        env["HOSTNAME"] = labHostname
        env["PWD"] = folder
        env["LAB_DB"] = nil
        return try commands.map { line in
            let start = Date()
            let r = try run(line, in: folder, environment: env)
            if ProcessInfo.processInfo.environment["LAB_SCENARIO_SLOW"] != nil, Date().timeIntervalSince(start) > 4 {
                print("slow (\(String(format: "%.1f", Date().timeIntervalSince(start))) s): \(line)")
            }
            return r
        }
    }

    /// Polls for a process's end (waitUntilExit, from several threads at once, was seen to hold a
    /// run's thread until another's process ended).
    static func waitForExit(_ process: Process, seconds: Double) {
        let deadline = Date().addingTimeInterval(seconds)
        while process.isRunning && Date() < deadline { usleep(2_000) }
    }

    /// Why a client run could not be made.
    struct ReplayFailure: Error, CustomStringConvertible {
        var message: String
        var description: String { message }
    }

    /// One line in a new bash, stopped after 45 s (`timeout 30 docker swarm join …` is the longest).
    static func run(_ line: String, in folder: String, environment: [String: String]) throws -> Run {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/bash")
        process.arguments = ["-c", line]
        process.environment = environment
        process.currentDirectoryURL = URL(fileURLWithPath: folder)
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        process.standardInput = FileHandle(forReadingAtPath: "/dev/null")
        try process.run()
        let timer = DispatchWorkItem { if process.isRunning { process.terminate() } }
        DispatchQueue.global().asyncAfter(deadline: .now() + 45, execute: timer)
        // Both pipes are drained at once, so a command filling one cannot block on it.
        let group = DispatchGroup()
        nonisolated(unsafe) var errData = Data()
        DispatchQueue.global().async(group: group) { errData = err.fileHandleForReading.readAllRetryingInterrupts() }
        let o = out.fileHandleForReading.readAllRetryingInterrupts()
        group.wait()
        waitForExit(process, seconds: 60)
        timer.cancel()
        return Run(stdout: String(decoding: o, as: UTF8.self), stderr: String(decoding: errData, as: UTF8.self), status: process.terminationStatus)
    }
}

extension ScenarioReplay {
    /// A word quoted for bash.
    static func quote(_ word: String) -> String { "'" + word.replacingOccurrences(of: "'", with: "'\\''") + "'" }
}
