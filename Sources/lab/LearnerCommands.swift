import ArgumentParser
import Exercises
import Foundation
import LabCore

/// `lab start ASSIGNMENT`: a fresh lab for the assignment, made the current session.
struct StartCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "start", abstract: "Start an assignment in a fresh lab.")
    @OptionGroup var store: StoreOptions
    @Argument(help: "The assignment's id (lab show LESSON lists them).") var assignment: String

    func run() throws {
        let store = try store.open()
        try BuiltinCourse.ensureImported(store)
        guard let a = try store.assignment(assignment) else { throw LabFailure("no assignment '\(assignment)' (lab show LESSON lists a lesson's assignments)") }
        let session = LabStore.session(for: a.id)
        try store.saveLab(Lab(), session: session)
        try store.setCurrentSession(session)
        try store.setCurrentAssignment(a.id)
        print("Started \(a.title) (\(a.id)) in a fresh lab.\nPractise with: lab sh    Then: lab check")
    }
}

/// `lab check`: which expectations of the current assignment hold in its session.
struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "check", abstract: "Check the current assignment.")
    @OptionGroup var store: StoreOptions
    @Flag(help: "Print the result as JSON.") var json = false

    func run() throws {
        let store = try store.open()
        let (a, results) = try CurrentAssignment.grade(store)
        let passed = !results.isEmpty && results.allSatisfy(\.passed)
        try store.recordAttempt(a.id, passed: passed)
        if json {
            struct Report: Codable { let assignment: String; let passed: Bool; let results: [AssignmentGrader.Result] }
            print(String(decoding: try JSONEncoder().encode(Report(assignment: a.id, passed: passed, results: results)), as: UTF8.self))
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

/// `lab next`: the assignment after the current one (or the first not passed).
struct NextCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "next", abstract: "Show the next assignment.")
    @OptionGroup var store: StoreOptions

    func run() throws {
        let store = try store.open()
        try BuiltinCourse.ensureImported(store)
        let order = try store.assignmentOrder()
        let progress = try store.progress()
        let after = try store.currentAssignment().flatMap { order.firstIndex(of: $0) }.map { $0 + 1 } ?? 0
        let next = order[min(after, order.count)...].first { progress[$0]?.status != "passed" }
            ?? order.first { progress[$0]?.status != "passed" }
        guard let next, let a = try store.assignment(next) else {
            print("Every assignment is passed. Well done.")
            return
        }
        print("Next: \(a.title) (\(a.id))\nRead it with: lab show \(a.lesson)    Start it with: lab start \(a.id)")
    }
}

/// `lab progress`: passed and started assignments.
struct ProgressCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "progress", abstract: "Show your progress.")
    @OptionGroup var store: StoreOptions

    func run() throws {
        let store = try store.open()
        try BuiltinCourse.ensureImported(store)
        let order = try store.assignmentOrder()
        let progress = try store.progress()
        for id in order {
            let p = progress[id]
            print("\(p?.status == "passed" ? "✓" : p == nil ? " " : "…") \(id)\(p.map { "  (\($0.attempts) check\($0.attempts == 1 ? "" : "s"))" } ?? "")")
        }
        print("\(progress.values.filter { $0.status == "passed" }.count) of \(order.count) assignments passed")
    }
}

/// `lab reset`: the current assignment's lab back to fresh.
struct ResetCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "reset", abstract: "Reset the current assignment's lab.")
    @OptionGroup var store: StoreOptions

    func run() throws {
        let store = try store.open()
        guard let id = try store.currentAssignment() else { throw LabFailure("no assignment started (lab start ASSIGNMENT)") }
        try store.saveLab(Lab(), session: LabStore.session(for: id))
        print("The lab of \(id) is fresh again.")
    }
}

/// `lab hint`: the hint of the first expectation of the current assignment that does not hold.
struct HintCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "hint", abstract: "A hint for the current assignment.")
    @OptionGroup var store: StoreOptions

    func run() throws {
        let store = try store.open()
        let (a, results) = try CurrentAssignment.grade(store)
        guard let first = results.first(where: { !$0.passed }) else {
            print("Everything holds already: lab check to record it.")
            return
        }
        print(first.hint ?? "Not yet: \(first.expectation).")
    }
}

/// The assignment `lab start` chose, graded against its session's lab and typed history.
enum CurrentAssignment {
    static func grade(_ store: LabStore) throws -> (StoredAssignment, [AssignmentGrader.Result]) {
        guard let id = try store.currentAssignment(), let a = try store.assignment(id) else {
            throw LabFailure("no assignment started (lab start ASSIGNMENT)")
        }
        let session = LabStore.session(for: a.id)
        let lab = try store.loadLab(session: session) ?? Lab()
        let checks: [LabCheck]
        do { checks = try a.checks() } catch { throw LabFailure("\(a.id): \(error)") }
        return (a, AssignmentGrader(solution: a.solution, checks: checks).grade(lab, typed: try store.history(session: session)))
    }
}
