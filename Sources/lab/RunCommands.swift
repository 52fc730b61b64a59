import ArgumentParser
import Exercises
import Foundation
import LabCore

/// `lab runs`: the stored grading runs, newest first.
struct RunsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "runs", abstract: "List the stored grading runs.")
    @OptionGroup var store: StoreOptions
    @Flag(help: "Print the result as JSON.") var json = false

    func run() throws {
        let runs = try store.open().runs()
        if json { return try JSONOutput.print(runs) }
        guard !runs.isEmpty else { return print("No grading runs yet (lab grade-batch ASSIGNMENT DIR stores one).") }
        let formatter = DateFormatter()
        formatter.dateFormat = "yyyy-MM-dd HH:mm:ss"
        let rows = [["RUN", "ASSIGNMENT", "WHEN", "SUBMISSIONS", "PASSED", "TIME"]] + runs.map {
            ["\($0.id)", $0.assignment, formatter.string(from: Date(timeIntervalSince1970: $0.startedAt)), "\($0.submissions)", "\($0.passed)",
             String(format: "%.2f s", $0.seconds)]
        }
        print(TextColumns.render(rows), terminator: "")
    }
}

/// `lab report RUN`: a stored run printed again, one submission's whole verdict, or two runs compared.
struct ReportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "report", abstract: "Print a stored grading run again, or compare two.")
    @OptionGroup var store: StoreOptions
    @Argument(help: "The run's number (lab runs lists them).") var number: Int64
    @Option(help: "table, json, junit or csv.") var format = "table"
    @Option(help: "Show this submission's whole verdict.") var name: String?
    @Option(help: "Compare with this earlier or later run: each submission's score in both.") var compare: Int64?

    func validate() throws {
        guard ReportPrinter.formats.contains(format) else { throw ValidationError("--format takes table, json, junit or csv") }
    }

    func run() throws {
        let store = try store.open()
        guard let (stored, entries) = try load(store, number) else { throw LabFailure("no grading run \(number) (lab runs lists them)") }
        if let name {
            guard let entry = entries.first(where: { $0.report.name == name }) else {
                throw LabFailure("run \(number) has no submission named '\(name)'")
            }
            return print(ReportText.verdict(entry.report), terminator: "")
        }
        if let compare {
            guard let (_, other) = try load(store, compare) else { throw LabFailure("no grading run \(compare) (lab runs lists them)") }
            return print(comparison(entries, other, first: number, second: compare), terminator: "")
        }
        try ReportPrinter.print(entries, format: format, assignment: stored.assignment, run: stored.id, seconds: stored.seconds)
    }

    private func load(_ store: LabStore, _ id: Int64) throws -> (StoredRun, [BatchEntry])? {
        do { return try store.run(id) } catch { throw LabFailure("\(error)") }
    }

    /// Each submission's score in both runs, and what changed.
    func comparison(_ a: [BatchEntry], _ b: [BatchEntry], first: Int64, second: Int64) -> String {
        func score(_ e: BatchEntry?) -> String {
            guard let r = e?.report else { return "absent" }
            return r.status == .error ? "error" : "\(r.score)/\(r.points)"
        }
        let byName = Dictionary(b.map { ($0.report.name, $0) }, uniquingKeysWith: { x, _ in x })
        var names = a.map(\.report.name)
        names += b.map(\.report.name).filter { !Set(names).contains($0) }
        var rows = [["NAME", "RUN \(first)", "RUN \(second)", "CHANGE"]]
        for n in names {
            let x = a.first { $0.report.name == n }, y = byName[n]
            let change: String
            if let rx = x?.report, let ry = y?.report {
                change = rx == ry ? "same" : rx.score == ry.score ? (rx.status == ry.status ? "same score" : "\(rx.status.rawValue) → \(ry.status.rawValue)")
                    : "\(ry.score > rx.score ? "+" : "")\(ry.score - rx.score)"
            } else { change = x == nil ? "new" : "gone" }
            rows.append([n, score(x), score(y), change])
        }
        return TextColumns.render(rows)
    }
}

/// `lab export`: a session's history as a transcript the grader reads, with the prompt each line
/// was typed at (a machine's, or a container's inside `docker run -it`).
struct ExportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export", abstract: "Print a session's commands as a transcript to hand in.",
        discussion: "Save it with: lab export > my-work.txt    Grade it with: lab grade ASSIGNMENT my-work.txt")
    @OptionGroup var store: StoreOptions
    @Option(help: "The session (default: the current session).") var session: String?

    func run() throws {
        let store = try store.open()
        let name = try session ?? store.currentSession()
        let entries = try store.historyEntries(session: name)
        print(SessionExport.text(session: name, entries: entries), terminator: "")
    }
}
