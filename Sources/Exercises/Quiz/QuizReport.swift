import Foundation

/// The outcome of one quiz: each item's verdict, the score against the pass mark, and the score
/// per objective (the breakdown an exam candidate studies from).
public struct QuizReport: Sendable, Equatable, Codable {
    /// The score on one objective.
    public struct ObjectiveScore: Sendable, Equatable, Codable {
        public let objective: String
        public let title: String
        public let items: Int
        public let correct: Int
        public var percent: Double { items == 0 ? 0 : Double(correct) * 100 / Double(items) }

        enum CodingKeys: String, CodingKey { case objective, title, items, correct, percent }
        public func encode(to encoder: Encoder) throws {
            var c = encoder.container(keyedBy: CodingKeys.self)
            try c.encode(objective, forKey: .objective)
            try c.encode(title, forKey: .title)
            try c.encode(items, forKey: .items)
            try c.encode(correct, forKey: .correct)
            try c.encode((percent * 10).rounded() / 10, forKey: .percent)
        }
        public init(objective: String, title: String, items: Int, correct: Int) {
            self.objective = objective
            self.title = title
            self.items = items
            self.correct = correct
        }
        public init(from decoder: Decoder) throws {
            let c = try decoder.container(keyedBy: CodingKeys.self)
            self.init(objective: try c.decode(String.self, forKey: .objective), title: try c.decode(String.self, forKey: .title),
                      items: try c.decode(Int.self, forKey: .items), correct: try c.decode(Int.self, forKey: .correct))
        }
    }

    public let blueprint: String?
    public let mode: QuizPlan.Mode
    public let seed: UInt64
    /// The time limit, for a mock exam.
    public let minutes: Int?
    /// How long the quiz took.
    public let seconds: Double
    /// Whether the time ran out before every item was answered.
    public let timedOut: Bool
    public let results: [ItemResult]
    public let objectives: [ObjectiveScore]
    /// The blueprint's pass mark, in percent (none for a practice set without a blueprint).
    public let passMark: Double?

    public var correct: Int { results.filter(\.correct).count }
    public var total: Int { results.count }
    public var percent: Double { total == 0 ? 0 : Double(correct) * 100 / Double(total) }
    /// Whether the score reaches the pass mark (nil without one).
    public var passed: Bool? { passMark.map { percent >= $0 } }

    /// A report of `results` for `plan`: the objectives are the blueprint's (in its order), else
    /// every objective the items practise.
    public init(plan: QuizPlan, results: [ItemResult], bank: QuestionBank, seconds: Double, timedOut: Bool) {
        blueprint = plan.blueprint?.id
        mode = plan.mode
        seed = plan.seed
        minutes = plan.minutes
        self.seconds = seconds
        self.timedOut = timedOut
        self.results = results
        passMark = plan.blueprint?.passPercent
        let ids = plan.blueprint.map { $0.objectives.map(\.id) }
            ?? results.flatMap(\.objectives).reduce(into: [String]()) { if !$0.contains($1) { $0.append($1) } }
        objectives = ids.compactMap { id in
            let mine = results.filter { $0.objectives.contains(id) }
            if mine.isEmpty { return nil }
            return ObjectiveScore(objective: id, title: bank.title(of: id), items: mine.count, correct: mine.filter(\.correct).count)
        }
    }

    enum CodingKeys: String, CodingKey {
        case blueprint, mode, seed, minutes, seconds, timedOut, correct, total, percent, passMark, passed, objectives, results
    }

    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encodeIfPresent(blueprint, forKey: .blueprint)
        try c.encode(mode, forKey: .mode)
        try c.encode(seed, forKey: .seed)
        try c.encodeIfPresent(minutes, forKey: .minutes)
        try c.encode((seconds * 10).rounded() / 10, forKey: .seconds)
        try c.encode(timedOut, forKey: .timedOut)
        try c.encode(correct, forKey: .correct)
        try c.encode(total, forKey: .total)
        try c.encode((percent * 10).rounded() / 10, forKey: .percent)
        try c.encodeIfPresent(passMark, forKey: .passMark)
        try c.encodeIfPresent(passed, forKey: .passed)
        try c.encode(objectives, forKey: .objectives)
        try c.encode(results, forKey: .results)
    }

    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        blueprint = try c.decodeIfPresent(String.self, forKey: .blueprint)
        mode = try c.decode(QuizPlan.Mode.self, forKey: .mode)
        seed = try c.decode(UInt64.self, forKey: .seed)
        minutes = try c.decodeIfPresent(Int.self, forKey: .minutes)
        seconds = try c.decode(Double.self, forKey: .seconds)
        timedOut = try c.decode(Bool.self, forKey: .timedOut)
        results = try c.decode([ItemResult].self, forKey: .results)
        objectives = try c.decode([ObjectiveScore].self, forKey: .objectives)
        passMark = try c.decodeIfPresent(Double.self, forKey: .passMark)
    }
}
