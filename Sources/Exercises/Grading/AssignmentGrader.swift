import LabCore

/// Grades a learner's lab against an assignment: its reference solution (the commands of its
/// code blocks) is replayed once on a fresh lab, and every fact of that end state must hold in
/// the learner's. Explicit checks (```lab blocks) join with the course's check runner.
/// Made once per assignment and shared by every grading of it (a batch grades a class with one).
public struct AssignmentGrader: Sendable {
    /// One verdict on one expectation: what was expected, what was found when it does not hold,
    /// its points and hint.
    public struct Result: Sendable, Equatable, Codable {
        public let expectation: String
        public let passed: Bool
        public var hint: String? = nil
        /// What the lab had instead, when the expectation does not hold.
        public var found: String? = nil
        /// What the expectation asks for, in the words of its check (explicit checks only).
        public var expected: String? = nil
        /// What it is worth: 1 for a fact of the reference solution, a check's `points:`.
        public var points: Int = 1
    }

    /// The reference solution's commands.
    public let solution: [String]
    /// The explicit checks of the assignment's ```lab blocks.
    public let checks: [LabCheck]
    /// How many machines the assignment's lab has.
    public let nodes: Int
    /// The facts of the lab the reference solution leaves behind.
    public let expected: StateFacts
    /// The lab an assignment starts from: fresh machines, or a prepared lab (a quiz task's setup).
    private let start: Lab

    public init(solution: [String], checks: [LabCheck] = [], nodes: Int = 1) {
        self.init(solution: solution, checks: checks, start: Lab(nodes: nodes))
    }

    /// An assignment that starts from a prepared lab rather than from fresh machines.
    public init(solution: [String], checks: [LabCheck] = [], start: Lab) {
        self.solution = solution
        self.checks = checks
        self.nodes = start.machines.count
        self.start = start
        expected = StateFacts(Self.replay(solution, on: start))
    }

    /// The lab an assignment starts from.
    public func startingLab() -> Lab { start }

    /// The lab the reference solution leaves behind (commands that fail are simply part of it).
    public func referenceLab() -> Lab { Self.replay(solution, on: startingLab()) }

    private static func replay(_ commands: [String], on start: Lab) -> Lab {
        var lab = start
        let shell = LabShell()
        let sink = DiscardedOutput()
        for command in commands { _ = shell.run(command, origin: .commandString, lab: &lab, output: sink) }
        return lab
    }

    /// Each expected fact, held or not, in a stable order, then each explicit check.
    public func grade(_ learner: Lab, typed: [String] = []) -> [Result] {
        let actual = StateFacts(learner)
        let facts = expected.all.sorted().map { fact -> Result in
            let held = actual.all.contains(fact)
            return Result(expectation: fact.text, passed: held, found: held ? nil : actual.found(insteadOf: fact))
        }
        return facts + checks.map { check in
            let verdict = check.evaluate(in: learner, typed: typed)
            return Result(expectation: check.description, passed: verdict.passed, hint: check.hint,
                          found: verdict.passed ? nil : verdict.found, expected: verdict.expected.isEmpty ? nil : verdict.expected,
                          points: check.points)
        }
    }
}
