import ArgumentParser
import Exercises
import Foundation
import LabCore

/// `lab start ASSIGNMENT`: a fresh lab for the assignment, made the current session.
struct StartCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "start", abstract: "Start an assignment in a fresh lab.")
    @OptionGroup var store: StoreOptions
    @Argument(help: "The assignment's id (lab show LESSON lists them).") var assignment: String
    @Flag(help: "Print the result as JSON.") var json = false

    func run() throws {
        let store = try store.open()
        try BuiltinCourse.ensureImported(store)
        guard let a = try store.assignment(assignment) else { throw LabFailure("no assignment '\(assignment)' (lab show LESSON lists a lesson's assignments)") }
        let session = LabStore.session(for: a.id)
        try store.saveLab(Lab(nodes: a.nodes), session: session)
        try store.setCurrentSession(session)
        try store.setCurrentAssignment(a.id)
        if json {
            struct Started: Codable { let assignment: String; let title: String; let session: String; let nodes: Int; let waitingFor: [String] }
            return try JSONOutput.print(Started(assignment: a.id, title: a.title, session: session, nodes: a.nodes, waitingFor: a.waitingFor))
        }
        print("Started \(a.title) (\(a.id)) in a fresh lab.\nPractise with: lab sh    Then: lab check")
        if !a.waitingFor.isEmpty { print(WaitingAssignment.explanation(a)) }
    }
}

/// `lab check`: which expectations of the current assignment hold in its session.
struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check", abstract: "Check the current assignment.",
        discussion: "Exit status: 0 passed, 1 not yet, 2 not graded (the assignment waits for a part of the engine the lab does not simulate yet).")
    @OptionGroup var store: StoreOptions
    @Flag(help: "Print the result as JSON.") var json = false

    /// The verdict as `--json` prints it; `status` is passed, failed or waiting.
    struct Report: Codable {
        let assignment: String
        let status: String
        let passed: Bool
        let results: [AssignmentGrader.Result]
        let waitingFor: [String]
    }

    func run() throws {
        let store = try store.open()
        let a = try CurrentAssignment.load(store)
        if !a.waitingFor.isEmpty {
            if json {
                try JSONOutput.print(Report(assignment: a.id, status: "waiting", passed: false, results: [], waitingFor: a.waitingFor))
            } else {
                print("\(a.title) (\(a.id))\n\(WaitingAssignment.explanation(a))")
            }
            throw ExitCode(2)
        }
        let results = try CurrentAssignment.grade(a, store)
        let passed = !results.isEmpty && results.allSatisfy(\.passed)
        try store.recordAttempt(a.id, passed: passed)
        if json {
            try JSONOutput.print(Report(assignment: a.id, status: passed ? "passed" : "failed", passed: passed, results: results, waitingFor: []))
        } else {
            print("\(a.title) (\(a.id))")
            for r in results { print("  \(r.passed ? "✓" : "✗") \(r.expectation)") }
            if results.isEmpty { print("  This assignment has no commands to compare with yet.") }
            print(passed ? "Passed: every expectation holds." : "\(results.filter(\.passed).count) of \(results.count) expectations hold.")
            if let hint = results.first(where: { !$0.passed })?.hint { print("Hint: \(hint)") }
        }
        throw ExitCode(passed ? 0 : 1)
    }
}

/// `lab next`: the assignment after the current one (or the first not passed); assignments that
/// wait for engine parts are skipped.
struct NextCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "next", abstract: "Show the next assignment.")
    @OptionGroup var store: StoreOptions
    @Flag(help: "Print the result as JSON.") var json = false

    func run() throws {
        let store = try store.open()
        try BuiltinCourse.ensureImported(store)
        let order = try store.assignmentOrder()
        let progress = try store.progress()
        var waiting = Set<String>()
        for id in order where !(try store.assignment(id)?.waitingFor.isEmpty ?? true) { waiting.insert(id) }
        let open = { (id: String) in progress[id]?.status != "passed" && !waiting.contains(id) }
        let after = try store.currentAssignment().flatMap { order.firstIndex(of: $0) }.map { $0 + 1 } ?? 0
        let next = try (order[min(after, order.count)...].first(where: open) ?? order.first(where: open)).flatMap { try store.assignment($0) }
        if json {
            struct Next: Codable { let next: String?; let title: String?; let lesson: String?; let waiting: Int }
            return try JSONOutput.print(Next(next: next?.id, title: next?.title, lesson: next?.lesson, waiting: waiting.count))
        }
        guard let a = next else {
            print(waiting.isEmpty ? "Every assignment is passed. Well done."
                  : "Every assignment the lab can grade today is passed. \(waiting.count) more wait for parts of the engine still to come (lab progress lists them).")
            return
        }
        print("Next: \(a.title) (\(a.id))\nRead it with: lab show \(a.lesson)    Start it with: lab start \(a.id)")
    }
}

/// `lab progress`: passed, started and waiting assignments.
struct ProgressCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "progress", abstract: "Show your progress.")
    @OptionGroup var store: StoreOptions
    @Flag(help: "Print the result as JSON.") var json = false

    /// One assignment's line; `status` is passed, started, not started or waiting.
    struct Line: Codable { let assignment: String; let status: String; let checks: Int; let waitingFor: [String] }

    func run() throws {
        let store = try store.open()
        try BuiltinCourse.ensureImported(store)
        let progress = try store.progress()
        var lines: [Line] = []
        for id in try store.assignmentOrder() {
            let waitingFor = try store.assignment(id)?.waitingFor ?? []
            let p = progress[id]
            let status = p?.status == "passed" ? "passed" : !waitingFor.isEmpty ? "waiting" : p == nil ? "not started" : "started"
            lines.append(Line(assignment: id, status: status, checks: p?.attempts ?? 0, waitingFor: waitingFor))
        }
        let passed = lines.filter { $0.status == "passed" }.count
        let waiting = lines.filter { $0.status == "waiting" }.count
        if json {
            struct Progress: Codable { let assignments: [Line]; let passed: Int; let total: Int; let waiting: Int }
            return try JSONOutput.print(Progress(assignments: lines, passed: passed, total: lines.count, waiting: waiting))
        }
        for l in lines {
            let mark = ["passed": "✓", "started": "…", "waiting": "-"][l.status] ?? " "
            let checks = l.checks > 0 ? "  (\(l.checks) check\(l.checks == 1 ? "" : "s"))" : ""
            print("\(mark) \(l.assignment)\(checks)\(waitingNote(l.waitingFor))")
        }
        print("\(passed) of \(lines.count) assignments passed" + (waiting > 0 ? " (\(waiting) waiting for parts of the engine still to come)" : ""))
    }
}

/// `lab reset`: the current assignment's lab back to fresh.
struct ResetCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "reset", abstract: "Reset the current assignment's lab.")
    @OptionGroup var store: StoreOptions
    @Flag(help: "Print the result as JSON.") var json = false

    func run() throws {
        let store = try store.open()
        let a = try CurrentAssignment.load(store)
        try store.saveLab(Lab(nodes: a.nodes), session: LabStore.session(for: a.id))
        if json {
            struct Reset: Codable { let assignment: String; let session: String }
            return try JSONOutput.print(Reset(assignment: a.id, session: LabStore.session(for: a.id)))
        }
        print("The lab of \(a.id) is fresh again.")
    }
}

/// `lab hint`: the hint of the first expectation of the current assignment that does not hold.
struct HintCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "hint", abstract: "A hint for the current assignment.")
    @OptionGroup var store: StoreOptions
    @Flag(help: "Print the result as JSON.") var json = false

    func run() throws {
        let store = try store.open()
        let a = try CurrentAssignment.load(store)
        struct Hint: Codable { let assignment: String; let status: String; let expectation: String?; let hint: String?; let waitingFor: [String] }
        if !a.waitingFor.isEmpty {
            if json { return try JSONOutput.print(Hint(assignment: a.id, status: "waiting", expectation: nil, hint: nil, waitingFor: a.waitingFor)) }
            return print(WaitingAssignment.explanation(a))
        }
        let first = try CurrentAssignment.grade(a, store).first { !$0.passed }
        if json {
            return try JSONOutput.print(Hint(assignment: a.id, status: first == nil ? "passed" : "failed", expectation: first?.expectation,
                                             hint: first?.hint, waitingFor: []))
        }
        guard let first else {
            print("Everything holds already: lab check to record it.")
            return
        }
        print(first.hint ?? "Not yet: \(first.expectation).")
    }
}

/// The assignment `lab start` chose, graded against its session's lab and typed history.
enum CurrentAssignment {
    static func load(_ store: LabStore) throws -> StoredAssignment {
        guard let id = try store.currentAssignment(), let a = try store.assignment(id) else {
            throw LabFailure("no assignment started (lab start ASSIGNMENT)")
        }
        return a
    }

    static func grade(_ a: StoredAssignment, _ store: LabStore) throws -> [AssignmentGrader.Result] {
        let session = LabStore.session(for: a.id)
        let lab = try store.loadLab(session: session) ?? Lab(nodes: a.nodes)
        let checks: [LabCheck]
        do { checks = try a.checks() } catch { throw LabFailure("\(a.id): \(error)") }
        return AssignmentGrader(solution: a.solution, checks: checks, nodes: a.nodes).grade(lab, typed: try store.history(session: session))
    }
}

/// What the learner is told about an assignment that waits for engine parts.
enum WaitingAssignment {
    static func explanation(_ a: StoredAssignment) -> String {
        let what = a.waitingFor.map { EngineFeatures.known[$0] ?? $0 }.joined(separator: "; ")
        return "This assignment is \(EngineFeatures.waitingPhrase(a.waitingFor)): the lab does not simulate \(what) yet, "
            + "so it is not graded (neither passed nor failed). Read the lesson now; lab check grades it once the lab has it."
    }
}
