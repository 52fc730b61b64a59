import ArgumentParser
import Exercises
import Foundation
import LabCore

/// The limits of grading one submission, as every grading command takes them.
struct LimitOptions: ParsableArguments {
    @Option(help: "Simple commands one submission's replay may run.") var maxCommands = GradingLimits().maxCommands
    @Option(help: "Docker objects (containers, images, networks, volumes) one submission's lab may hold.") var maxObjects = GradingLimits().maxObjects
    @Option(help: "Wall-clock seconds one submission's replay may take.") var maxSeconds = GradingLimits().maxSeconds
    @Option(help: "The largest transcript read, in bytes.") var maxBytes = GradingLimits().maxBytes

    func validate() throws {
        guard maxCommands > 0, maxObjects > 0, maxBytes > 0, maxSeconds > 0, maxSeconds <= 3600 else {
            throw ValidationError("each --max-… limit must be above 0 (and --max-seconds at most 3600)")
        }
    }

    var limits: GradingLimits {
        var l = GradingLimits()
        l.maxCommands = maxCommands
        l.maxObjects = maxObjects
        l.maxSeconds = maxSeconds
        l.maxBytes = maxBytes
        return l
    }
}

/// A grading failure that makes the input unusable: `lab: …` with exit status 2.
struct UnusableInput: Error, CustomStringConvertible {
    let description: String
    init(_ message: String) { description = "lab: " + message }
}

/// The grader of an assignment from the store, or an unusable-input failure naming the problem.
enum AssignmentLookup {
    static func grader(_ id: String, store: LabStore, limits: GradingLimits) throws -> (Grader, StoredAssignment) {
        do { try BuiltinCourse.ensureImported(store) } catch { throw UnusableInput("\(error)") }
        guard let a = try store.assignment(id) else {
            throw UnusableInput("no assignment '\(id)' (lab show LESSON lists a lesson's assignments)")
        }
        do { return (try Grader(assignment: a, limits: limits), a) } catch { throw UnusableInput("\(error)") }
    }
}

/// `lab grade ASSIGNMENT TRANSCRIPT`: one learner's transcript graded from the assignment's
/// starting lab.
struct GradeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "grade", abstract: "Grade a transcript of what a learner typed.",
        discussion: """
            TRANSCRIPT is a file of commands (one a line), a copy of a terminal (lines after a prompt such as `$ ` or `user@host:~$ ` are commands, the rest is output), or what `lab export` wrote; - reads standard input.
            Exit status: 0 passed, 1 not passed, 2 not graded (unusable input, unknown assignment, or an assignment that waits for a part of the engine).
            """)
    @OptionGroup var store: StoreOptions
    @OptionGroup var limitOptions: LimitOptions
    @Argument(help: "The assignment's id.") var assignment: String
    @Argument(help: "The transcript file, or - for standard input.") var transcript: String
    @Option(help: "text, or json (Exercism's results.json).") var format = "text"

    func validate() throws {
        guard ["text", "json"].contains(format) else { throw ValidationError("--format takes text or json") }
    }

    func run() throws {
        // Anything that keeps the transcript from being graded is unusable input: exit 2.
        let store: LabStore
        do { store = try self.store.open() } catch { throw UnusableInput(String("\(error)".dropFirst("lab: ".count))) }
        let (grader, a) = try AssignmentLookup.grader(assignment, store: store, limits: limitOptions.limits)
        let report: GradeReport
        if transcript == "-" {
            let data = FileHandle.standardInput.readData(ofLength: grader.limits.maxBytes + 1)
            report = grader.grade(data: data, name: "stdin")
        } else {
            report = grader.grade(file: transcript)
        }
        if format == "json" { print(try ReportFormats.json(report), terminator: "") } else { print(ReportText.verdict(report, title: a.title), terminator: "") }
        throw ExitCode(report.status == .error ? 2 : report.passed ? 0 : 1)
    }
}

/// `lab grade-batch ASSIGNMENT DIR|FILES…`: a whole class graded in parallel, stored as a run.
struct GradeBatchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "grade-batch", abstract: "Grade a whole class's transcripts in parallel.",
        discussion: """
            Every file named, and every file of each folder named, is one submission. Each is replayed on its own lab within the limits; one that goes past a limit is stopped and reported, and the batch goes on. The run is stored (lab runs, lab report RUN).
            Exit status: 0 when every submission was graded or reported, 2 when there is nothing to grade.
            """)
    @OptionGroup var store: StoreOptions
    @OptionGroup var limitOptions: LimitOptions
    @Argument(help: "The assignment's id.") var assignment: String
    @Argument(help: "Transcript files, or folders of them.") var paths: [String]
    @Option(help: "table, json (Exercism's results.json per submission), junit or csv.") var format = "table"
    @Option(help: "Worker threads (default: every core).") var jobs = ProcessInfo.processInfo.activeProcessorCount
    @Flag(help: "Do not store the run.") var noSave = false

    func validate() throws {
        guard ReportPrinter.formats.contains(format) else { throw ValidationError("--format takes table, json, junit or csv") }
        guard jobs > 0, jobs <= 256 else { throw ValidationError("--jobs must be between 1 and 256") }
        guard !paths.isEmpty else { throw ValidationError("name at least one transcript file or folder") }
    }

    func run() throws {
        let store: LabStore
        do { store = try self.store.open() } catch { throw UnusableInput(String("\(error)".dropFirst("lab: ".count))) }
        let limits = limitOptions.limits
        let (grader, _) = try AssignmentLookup.grader(assignment, store: store, limits: limits)
        let files: [String]
        do { files = try Submission.files(paths) } catch { throw UnusableInput("\(error)") }
        guard !files.isEmpty else { throw UnusableInput("no transcripts in \(paths.joined(separator: ", "))") }
        let bar = ProgressBar(total: files.count)
        let start = WallClock.now()
        var progress: (@Sendable (Int) -> Void)?
        if let bar { progress = { done in bar.show(done) } }
        let entries = BatchGrader.grade(BatchGrader.items(files: files), with: grader, workers: jobs, progress: progress)
        let seconds = WallClock.now() - start
        bar?.finish()
        var run: Int64?
        if !noSave {
            do { run = try store.saveRun(assignment: grader.assignment, entries: entries, seconds: seconds, limits: limits) } catch { throw LabFailure("\(error)") }
        }
        try ReportPrinter.print(entries, format: format, assignment: grader.assignment, run: run, seconds: seconds)
        if let run, format == "table" { print("Stored as run \(run): lab report \(run)") }
    }
}

/// Prints a batch in one of the formats.
enum ReportPrinter {
    static let formats = ["table", "json", "junit", "csv"]

    static func print(_ entries: [BatchEntry], format: String, assignment: String, run: Int64?, seconds: Double?) throws {
        let text: String
        switch format {
        case "json": text = try ReportFormats.json(entries, assignment: assignment, run: run)
        case "junit": text = ReportFormats.junit(entries, assignment: assignment)
        case "csv": text = ReportFormats.csv(entries)
        default: text = ReportText.table(entries, seconds: seconds)
        }
        FileHandle.standardOutput.write(Data(text.utf8))
    }
}

/// A progress bar on standard error, shown only when it is a terminal.
final class ProgressBar: @unchecked Sendable {
    private let total: Int
    private var shown = -1

    init?(total: Int) {
        guard isatty(STDERR_FILENO) == 1, total > 1 else { return nil }
        self.total = total
    }

    /// Called under the batch's lock, one call at a time.
    func show(_ done: Int) {
        let width = 30
        let filled = done * width / total
        guard filled != shown || done == total else { return }
        shown = filled
        let bar = String(repeating: "#", count: filled) + String(repeating: " ", count: width - filled)
        FileHandle.standardError.write(Data("\rgrading [\(bar)] \(done)/\(total)".utf8))
    }

    func finish() { FileHandle.standardError.write(Data("\r\u{1B}[K".utf8)) }
}
