import ArgumentParser
import EngineServer
import Exercises
import Foundation
import LabCore

/// `lab bench`: the performance figures the README reports (run it in release mode).
struct BenchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bench",
        abstract: "Measure the lab's speed (build with: swift build -c release --static-swift-stdlib).",
        discussion: "Throughputs are per CPU-second of the measuring thread, so they describe one core whatever else the machine runs.")

    @Option(help: "CPU seconds to spend on each measurement.")
    var seconds: Double = 2

    @Option(help: "Run only this measurement: parse, replay, memory, import, grade, quiz or api.")
    var only: String?

    @Option(help: "With grade: worker threads (default: every core).")
    var workers = ProcessInfo.processInfo.activeProcessorCount

    @Flag(help: "With replay: the CPU time of each command of the session.")
    var byCommand = false

    @Flag(help: ArgumentHelp("With replay --by-command: the grading benchmark's transcript instead of the replay session.", visibility: .hidden))
    var gradeSession = false

    @Option(help: ArgumentHelp("Profile one command: run it again and again after the replay session's first five commands.", visibility: .hidden))
    var command: String?

    func validate() throws {
        if let only, !["parse", "replay", "memory", "import", "grade", "quiz", "api"].contains(only) {
            throw ValidationError("--only takes parse, replay, memory, import, grade, quiz or api")
        }
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
            print("  Swift runtime: \(RuntimeLinkage.current().rawValue)")
            if byCommand {
                let session = gradeSession ? GradeBenchmark.transcript(3).split(separator: "\n").map(String.init) : EngineBenchmark.session
                for (command, micros) in EngineBenchmark.perCommand(session: session) { print(String(format: "%8.1f µs  ", micros) + command) }
            }
        }
        if only == nil || only == "import" {
            try importBenchmark()
        }
        if only == nil || only == "memory" {
            let memory = EngineBenchmark.memory(containers: 100)
            print("a session with 100 containers: \(memory.savedBytes / 1024) KiB saved, \(memory.residentBytes / 1024) KiB resident")
        }
        if only == nil || only == "grade" {
            try gradeBenchmark()
        }
        if only == nil || only == "quiz" {
            try quizBenchmark()
        }
        if only == nil || only == "api" {
            try apiBenchmark()
        }
    }

    /// Grades 200 answer sheets of one mock DCA exam on one core.
    func quizBenchmark() throws {
        guard let dir = BuiltinContent.directory() else { throw LabFailure("the built-in question bank was not found") }
        let r = try QuizBenchmark.run(bank: try QuestionBank.load(folder: dir + "/questions"))
        print("quiz answer sheets graded: \(Int(r.sheetsPerSecond)) sheets/s of a \(r.items)-item mock DCA exam on one core "
              + "(\(r.sheets) sheets; the first, which runs each lab item's setup, \(String(format: "%.1f", r.firstSeconds * 1000)) ms CPU)")
    }

    /// `GET /containers/json` over the socket with 100 running containers: one client, then two.
    func apiBenchmark() throws {
        let lab = APIBenchmark.lab(containers: 100)
        for connections in [1, 2] {
            let r = try APIBenchmark.run(lab: lab, connections: connections, seconds: seconds)
            print(String(format: "Engine API GET /containers/json, 100 running containers (%d KB a response), %d connection%@: %.0f requests/s wall (%d requests in %.2f s; %.0f µs CPU a request, server and client in one process)",
                         r.responseBytes / 1000, connections, connections == 1 ? "" : "s", r.requestsPerSecond, r.requests, r.wallSeconds,
                         r.cpuSeconds / Double(max(r.requests, 1)) * 1e6))
        }
    }

    /// Grades a class of 1,000 transcripts of about 40 commands on every core (best wall time of
    /// three), then classes of 2,000 and 4,000 to show the memory as the batch grows.
    func gradeBenchmark() throws {
        guard let dir = BuiltinContent.directory() else { throw LabFailure("the built-in course was not found") }
        let lesson = try CourseImport.lessons(at: dir + "/course").lessons.first { GradeBenchmark.assignment.hasPrefix($0.id + "/") }
        guard let lesson, let section = lesson.assignments.first(where: { lesson.id + "/" + $0.id == GradeBenchmark.assignment }) else {
            throw LabFailure("the benchmark's assignment \(GradeBenchmark.assignment) is not in the built-in course")
        }
        let grader = Grader(id: GradeBenchmark.assignment, checker: AssignmentGrader(solution: section.steps.flatMap(\.commands), nodes: lesson.nodes))
        let cores = workers
        var best: GradeBenchmark.Result?
        for _ in 0..<3 {
            let r = GradeBenchmark.run(grader: grader, count: 1_000, workers: workers)
            if best == nil || r.wallSeconds < best!.wallSeconds { best = r }
        }
        let r = best!
        print(String(format: "graded 1000 transcripts (%d commands, %d passed) in %.3f s wall with %d workers (%.2f CPU s, %.0f commands/s per CPU s), best of 3",
                     r.commands, r.passed, r.wallSeconds, cores, r.cpuSeconds, Double(r.commands) / r.cpuSeconds))
        for count in [1_000, 2_000, 4_000] {
            let m = GradeBenchmark.run(grader: grader, count: count, workers: workers)
            print("  resident after a batch of \(count): \(m.residentBytes / 1_048_576) MiB (results held), \(String(format: "%.3f", m.wallSeconds)) s wall")
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
