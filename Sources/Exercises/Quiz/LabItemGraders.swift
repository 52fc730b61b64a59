import Foundation
import LabCore

/// Grades a command item: the learner's line runs on a copy of the lab that the item's setup
/// prepared, and must print what the reference prints there (standard output and exit status)
/// and leave what it leaves (EffectSnapshot), as the item's `compare:` says. Made once per item;
/// the setup and the reference run once.
public struct CommandItemGrader {
    /// What one line did: what it printed, its status, what the lab held after.
    struct Run {
        let stdout: String
        let stderr: String
        let status: Int32
        let effect: EffectSnapshot
    }

    public let item: QuizItem
    let start: Lab
    let expected: Run

    public init(_ item: QuizItem) {
        self.item = item
        start = QuizLab.prepare(item)
        expected = Self.run(item.reference, on: start)
    }

    static func run(_ line: String, on start: Lab) -> Run {
        var lab = start
        let out = CapturedOutput()
        let outcome = LabShell().run(line, origin: .commandString, lab: &lab, output: out, limits: QuizLab.limits())
        return Run(stdout: out.stdout, stderr: out.stderr, status: outcome.status, effect: EffectSnapshot(lab))
    }

    /// Whether `answer` does what the reference does, and what it did instead when not.
    public func grade(_ answer: String) -> (correct: Bool, feedback: String) {
        let line = answer.trimmingCharacters(in: .whitespacesAndNewlines)
        if line.isEmpty { return (false, "no command was given") }
        let got = Self.run(line, on: start)
        let sameOutput = got.stdout == expected.stdout && got.status == expected.status
        let sameEffect = got.effect == expected.effect
        let correct: Bool
        switch item.compare {
        case .both: correct = sameOutput && sameEffect
        case .output: correct = sameOutput
        case .state: correct = sameEffect
        }
        if correct { return (true, "") }
        var said: [String] = []
        if item.compare != .state && !sameOutput {
            said.append("Your command " + Self.describe(got, tense: "printed") + "\nThe expected command " + Self.describe(expected, tense: "prints"))
        }
        if item.compare != .output && !sameEffect {
            said.append("It left the lab different from the expected command:\n" + got.effect.difference(from: expected.effect))
        }
        return (false, said.joined(separator: "\n"))
    }

    /// "printed … and exited with status N: error", in a few lines.
    static func describe(_ run: Run, tense: String) -> String {
        var text = run.stdout.isEmpty ? "\(tense) nothing" : "\(tense):\n" + QuizLab.excerpt(run.stdout)
        text += run.status == 0 ? "" : "\n  and \(tense == "prints" ? "exits" : "exited") with status \(run.status)"
        let error = run.stderr.trimmingCharacters(in: .whitespacesAndNewlines)
        if !error.isEmpty { text += (run.status == 0 ? "\n  " : ": ") + QuizLab.excerpt(error, lines: 2).trimmingCharacters(in: .whitespaces) }
        return text
    }
}

/// Grades a performance item as a course assignment is graded (AssignmentGrader): the setup's
/// lab is the starting lab, the solution's end state the expected facts (unless `facts: false`),
/// and the item's checks join them.
public struct PerformanceItemGrader {
    public let item: QuizItem
    let checker: AssignmentGrader

    public init(_ item: QuizItem) throws {
        self.item = item
        let checks = item.checks.isEmpty ? [] : try LabCheck.parse(item.checks)
        checker = AssignmentGrader(solution: [item.solution], checks: checks, start: QuizLab.prepare(item))
    }

    /// Whether the script leaves the lab as the task asks, and which expectations fail when not.
    public func grade(_ script: String) -> (correct: Bool, feedback: String) {
        var lab = checker.startingLab()
        let out = CapturedOutput()
        let outcome = LabShell().run(script, origin: .commandString, lab: &lab, output: out, limits: QuizLab.limits())
        var results = checker.grade(lab, typed: script.split(separator: "\n").map(String.init))
        if !item.facts { results.removeFirst(checker.expected.all.count) }
        let failed = results.filter { !$0.passed }
        if failed.isEmpty && !results.isEmpty { return (true, "") }
        var lines = failed.prefix(6).map { r in "✗ \(r.expected ?? r.expectation)" + (r.found.map { ": found \($0)" } ?? "") }
        if failed.count > 6 { lines.append("… and \(failed.count - 6) more") }
        if let limit = outcome.limitExceeded { lines.append("(the commands were stopped: \(limit))") }
        return (false, lines.joined(separator: "\n"))
    }
}

/// The simulated lab of a command or performance item: its setup run on fresh machines, within
/// the limits every quiz answer runs in.
enum QuizLab {
    /// The limits of one setup or answer: a few seconds and a bounded number of commands, so an
    /// endless loop typed as an answer is stopped.
    static func limits() -> ShellLimits {
        ShellLimits(maxCommands: 20_000, maxOutputBytes: 1 << 20, maxObjects: 2_000, deadline: WallClock.now() + 5)
    }

    static func prepare(_ item: QuizItem) -> Lab {
        var lab = Lab(nodes: item.nodes)
        if !item.setup.isEmpty { _ = LabShell().run(item.setup, origin: .commandString, lab: &lab, output: DiscardedOutput(), limits: limits()) }
        return lab
    }

    /// At most `lines` lines of `text`, indented, with "…" when cut.
    static func excerpt(_ text: String, lines: Int = 8) -> String {
        let all = text.split(separator: "\n", omittingEmptySubsequences: false).dropLast(text.hasSuffix("\n") ? 1 : 0)
        var shown = all.prefix(lines).map { "  " + $0 }
        if all.count > lines { shown.append("  …") }
        return shown.joined(separator: "\n")
    }
}
