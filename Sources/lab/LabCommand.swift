import ArgumentParser
import Exercises
import Foundation

/// `lab`: the Docker learning lab's command-line front door. Thin: every subcommand parses its
/// arguments, opens the store, and hands the work to LabCore and Exercises.
@main
struct LabCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "lab",
        abstract: "A Docker learning lab: lessons, a simulated docker host, and a grader.",
        subcommands: [MapCommand.self, LessonsCommand.self, ShowCommand.self, StartCommand.self, ShellCommand.self, CheckCommand.self, HintCommand.self,
                      NextCommand.self, ProgressCommand.self, ResetCommand.self, ImportCommand.self, ExportCommand.self, GradeCommand.self,
                      GradeBatchCommand.self, RunsCommand.self, ReportCommand.self, QuizCommand.self, BenchCommand.self, EngineCommand.self],
        defaultSubcommand: MapCommand.self)

    /// Runs the chosen subcommand; a `LabFailure` prints as `lab: …` with status 1.
    static func main() {
        do {
            var command = try parseAsRoot()
            try command.run()
        } catch let failure as LabFailure {
            FileHandle.standardError.write(Data((failure.description + "\n").utf8))
            Foundation.exit(1)
        } catch let unusable as UnusableInput {
            FileHandle.standardError.write(Data((unusable.description + "\n").utf8))
            Foundation.exit(2)
        } catch {
            exit(withError: error)
        }
    }
}

/// The `--db` option every `lab` command takes, with `LAB_DB` as its environment fallback.
struct StoreOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("The lab database to use (default: $LAB_DB, else the XDG data directory).", valueName: "path"))
    var db: String?

    /// The database path in force: --db, then LAB_DB, then the default location.
    var resolvedPath: String {
        if let db, !db.isEmpty { return db }
        if let env = ProcessInfo.processInfo.environment["LAB_DB"], !env.isEmpty { return env }
        return LabStore.defaultPath()
    }

    /// Opens the store, turning a failure into a clear `lab:` error.
    func open() throws -> LabStore {
        do { return try LabStore(path: resolvedPath) } catch { throw LabFailure("\(error)") }
    }
}

/// A `lab` error for the user: printed as `lab: MESSAGE` with a non-zero status.
struct LabFailure: Error, CustomStringConvertible {
    let description: String
    init(_ message: String) { description = "lab: " + message }
}
