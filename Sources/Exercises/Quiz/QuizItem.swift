/// One practice item of the question bank (Content/questions): what it asks, which exam
/// objectives it practises, how it is answered and why the right answer is right.
public struct QuizItem: Sendable, Equatable, Codable {
    /// The ways an item is answered.
    public enum Kind: String, Sendable, Codable, CaseIterable {
        /// One option of several.
        case single
        /// Every right option of several ("choose all that apply").
        case multiple
        /// Discrete option multiple choice: the options one at a time, yes or no to each.
        case discrete
        /// One command line, run in a prepared simulated lab and compared with the reference.
        case command
        /// A small task in a prepared simulated lab, checked as a course assignment is.
        case performance

        /// How the kind is named to a learner.
        public var label: String {
            switch self {
            case .single: return "single choice"
            case .multiple: return "multiple choice, choose all that apply"
            case .discrete: return "discrete option, yes or no to each"
            case .command: return "command"
            case .performance: return "performance task"
            }
        }
    }

    /// What a command item's answer is compared on.
    public enum Comparison: String, Sendable, Codable {
        /// What it prints and what it leaves behind.
        case both
        /// What it prints (standard output and exit status) only.
        case output
        /// What it leaves behind only.
        case state
    }

    public var id: String
    public var kind: Kind
    /// The objective ids it practises (blueprints.yaml).
    public var objectives: [String]
    public var prompt: String
    /// Why the right answer is right, shown after answering.
    public var explanation: String
    /// The file it came from (for messages).
    public var source: String = ""

    // Choice items.
    public var options: [String] = []
    /// The indexes of the right options.
    public var answer: [Int] = []

    // Command and performance items.
    /// Shell lines run on a fresh lab before the learner's answer (one script).
    public var setup: String = ""
    /// A command item's right command.
    public var reference: String = ""
    public var compare: Comparison = .both
    /// Right spellings a test proves pass (command items).
    public var accepts: [String] = []
    /// Wrong answers a test proves fail (command items).
    public var rejects: [String] = []
    /// A performance item's reference commands (one script).
    public var solution: String = ""
    /// A performance item's explicit checks (the YAML of a course ```lab block).
    public var checks: String = ""
    /// Whether the state the solution leaves is expected of the learner (performance items).
    public var facts: Bool = true
    /// A typical wrong attempt a test proves fails (performance items; one script).
    public var wrong: String = ""
    /// How many machines the lab has.
    public var nodes: Int = 1

    /// The letter of option `index` (0 → A).
    public static func letter(_ index: Int) -> String { String(UnicodeScalar(UInt8(65 + index % 26))) }

    /// The right answer in words: letters for choice items, the command or solution otherwise.
    public var rightAnswer: String {
        switch kind {
        case .single, .multiple, .discrete: return answer.map(Self.letter).joined(separator: ", ")
        case .command: return reference
        case .performance: return solution
        }
    }
}
