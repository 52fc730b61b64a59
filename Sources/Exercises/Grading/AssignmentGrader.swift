import LabCore

/// Grades a learner's lab against an assignment: its reference solution (the commands of its
/// code blocks) is replayed on a fresh lab, and every fact of that end state must hold in the
/// learner's. Explicit checks (```lab blocks) join with the course's check runner.
public struct AssignmentGrader: Sendable {
    /// One verdict on one expectation.
    public struct Result: Sendable, Equatable, Codable {
        public let expectation: String
        public let passed: Bool
    }

    /// The reference solution's commands.
    public let solution: [String]

    public init(solution: [String]) { self.solution = solution }

    /// The lab the reference solution leaves behind (commands that fail are simply part of it).
    public func referenceLab(setup: Lab = Lab()) -> Lab {
        var lab = setup
        let shell = LabShell()
        let sink = DiscardedOutput()
        for command in solution { _ = shell.run(command, origin: .commandString, lab: &lab, output: sink) }
        return lab
    }

    /// Each expected fact, held or not, in a stable order.
    public func grade(_ learner: Lab) -> [Result] {
        let expected = StateFacts(referenceLab())
        let actual = StateFacts(learner)
        return expected.facts.sorted().map { Result(expectation: $0, passed: actual.facts.contains($0)) }
    }
}
