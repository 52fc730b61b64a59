/// A lesson made from one note: its title and tags, and its sections in order.
public struct Lesson: Sendable, Equatable {
    /// A stable id from the title ("docker-mastery"), used by every `lab` command.
    public var id: String
    public var title: String
    public var tags: [String]
    /// The order in the course (front matter `order:`), when the note gives one.
    public var order: Int?
    /// The engine parts its assignments need (front matter `requires: [swarm]`); while one of them
    /// is not in `EngineFeatures.available`, the lesson is waiting and never graded.
    public var requires: [String] = []
    /// How many machines its lab has (front matter `nodes: 3`, for swarm lessons); 1 when not given.
    public var nodes: Int = 1
    public var sections: [LessonSection]

    /// The sections that are assignments.
    public var assignments: [LessonSection] { sections.filter(\.isAssignment) }

    /// The engine parts it needs that the lab does not have yet (empty when it can be graded).
    public var waitingFor: [String] { EngineFeatures.missing(requires) }
}

/// One section of a lesson: a heading (or pseudo-heading) and what follows it up to the next.
public struct LessonSection: Sendable, Equatable {
    /// A stable id, unique in its lesson ("manage-containers-assignment").
    public var id: String
    public var title: String
    public var level: Int
    /// The section's blocks, for rendering.
    public var blocks: [MarkdownBlock]
    /// The docker practice steps found in its shell code blocks, in order.
    public var steps: [PracticeStep]
    /// Whether the section is an assignment (its heading names an assignment or exercise, or it
    /// has a ```lab block of checks).
    public var isAssignment: Bool
    /// The source of its ```lab blocks (YAML checks), if any.
    public var labBlocks: [String]
}

/// One code block's commands that a learner practises: the lines as written, with `$ ` prompts
/// removed, comments dropped and `\` continuations joined.
public struct PracticeStep: Sendable, Equatable {
    public var commands: [String]
    /// Whether any command runs docker (the blocks that make practice steps).
    public var hasDocker: Bool { commands.contains { $0.hasPrefix("docker ") || $0.hasPrefix("sudo docker ") || $0.contains("| docker ") || $0.contains("$(docker ") } }
}
