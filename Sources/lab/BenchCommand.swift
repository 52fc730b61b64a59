import ArgumentParser
import Exercises
import Foundation
import LabCore

/// `lab bench`: the performance figures the README reports (run it in release mode).
struct BenchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bench",
        abstract: "Measure the lab's speed (run with: swift run -c release lab bench).",
        discussion: "Throughputs are per CPU-second of the measuring thread, so they describe one core whatever else the machine runs.")

    @Option(help: "CPU seconds to spend on each measurement.")
    var seconds: Double = 2

    @Option(help: "Run only this measurement: parse, replay, memory or import.")
    var only: String?

    @Flag(help: "With replay: the CPU time of each command of the session.")
    var byCommand = false

    @Option(help: ArgumentHelp("Profile one command: run it again and again after the replay session's first five commands.", visibility: .hidden))
    var command: String?

    func validate() throws {
        if let only, !["parse", "replay", "memory", "import"].contains(only) { throw ValidationError("--only takes parse, replay, memory or import") }
        guard seconds > 0, seconds <= 600 else { throw ValidationError("--seconds must be between 0 and 600") }
    }

    func run() throws {
        if let command {
            print(String(format: "%.1f µs  ", EngineBenchmark.repeatCommand(command, seconds: seconds)) + command)
            return
        }
        if only == nil || only == "parse" {
            let parse = ParseBenchmark.run(seconds: seconds)
            print("shell + docker grammar parse: \(Int(parse.linesPerSecond)) lines/s on one core "
                  + "(\(parse.lines) lines, \(parse.dockerCommands) docker commands, \(String(format: "%.2f", parse.seconds)) CPU s)")
        }
        if only == nil || only == "replay" {
            let replay = EngineBenchmark.replay(seconds: seconds)
            print("replayed docker commands: \(Int(replay.commandsPerSecond)) commands/s on one core "
                  + "(\(replay.commands) commands of a \(EngineBenchmark.session.count)-command session, \(String(format: "%.2f", replay.seconds)) CPU s)")
            if byCommand {
                for (command, micros) in EngineBenchmark.perCommand() { print(String(format: "%8.1f µs  ", micros) + command) }
            }
        }
        if only == nil || only == "import" {
            try importBenchmark()
        }
        if only == nil || only == "memory" {
            let memory = EngineBenchmark.memory(containers: 100)
            print("a session with 100 containers: \(memory.savedBytes / 1024) KiB saved, \(memory.residentBytes / 1024) KiB resident")
        }
    }

    /// Imports the built-in course into a new database (open, parse every note, store) and
    /// reports the wall time of the best of five runs.
    func importBenchmark() throws {
        guard let dir = BuiltinContent.directory() else { throw LabFailure("the built-in course was not found") }
        var best = Double.infinity
        var lessons = 0
        for _ in 0..<5 {
            let path = NSTemporaryDirectory() + "lab-bench-\(UUID().uuidString).sqlite"
            defer { for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + suffix) } }
            let start = Date()
            let store = try LabStore(path: path)
            let (_, _, parsed) = try CourseImport.lessons(at: dir + "/course")
            _ = try store.importCourse(id: "builtin", title: "bench", source: dir, lessons: parsed)
            best = min(best, Date().timeIntervalSince(start))
            lessons = parsed.count
        }
        print("import of the built-in course: \(String(format: "%.1f", best * 1000)) ms (\(lessons) lessons, new database, best of 5)")
    }
}
