import LabCore

/// Grades a learner's lab against an assignment: its reference solution (the commands of its
/// code blocks) is replayed on a fresh lab, and every fact of that end state must hold in the
/// learner's. Explicit checks (```lab blocks) join with the course's check runner.
public struct AssignmentGrader: Sendable {
    /// One verdict on one expectation.
    public struct Result: Sendable, Equatable, Codable {
        public let expectation: String
        public let passed: Bool
        public var hint: String? = nil
    }

    /// The reference solution's commands.
    public let solution: [String]
    /// The explicit checks of the assignment's ```lab blocks.
    public let checks: [LabCheck]

    public init(solution: [String], checks: [LabCheck] = []) {
        self.solution = solution
        self.checks = checks
    }

    /// The lab the reference solution leaves behind (commands that fail are simply part of it).
    public func referenceLab(setup: Lab = Lab()) -> Lab {
        var lab = setup
        let shell = LabShell()
        let sink = DiscardedOutput()
        for command in solution { _ = shell.run(command, origin: .commandString, lab: &lab, output: sink) }
        return lab
    }

    /// Each expected fact, held or not, in a stable order, then each explicit check.
    public func grade(_ learner: Lab, typed: [String] = []) -> [Result] {
        let expected = StateFacts(referenceLab())
        let actual = StateFacts(learner)
        return expected.facts.sorted().map { Result(expectation: $0, passed: actual.facts.contains($0)) }
            + checks.map { Result(expectation: $0.description, passed: $0.holds(in: learner, typed: typed), hint: $0.hint) }
    }
}
