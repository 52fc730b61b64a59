import LabCore

/// The items of one quiz, chosen from the bank: a practice set (any items of a blueprint or topic,
/// feedback after each) or a timed mock exam (weighted like the blueprint, feedback at the end).
/// The same bank, options and seed always give the same items in the same order.
public struct QuizPlan: Sendable, Equatable {
    public enum Mode: String, Sendable, Codable {
        /// Feedback after each item.
        case practice
        /// Timed; feedback only in the final report.
        case exam
        /// The items most often missed, due again (spaced repetition).
        case review
    }

    public var items: [QuizItem]
    public var blueprint: Blueprint?
    public var mode: Mode
    /// The time limit (exam mode).
    public var minutes: Int?
    public var seed: UInt64

    public init(items: [QuizItem], blueprint: Blueprint?, mode: Mode, minutes: Int?, seed: UInt64) {
        self.items = items
        self.blueprint = blueprint
        self.mode = mode
        self.minutes = minutes
        self.seed = seed
    }

    /// Chooses the items. `topic` keeps items of the objectives it names (an objective id, or a
    /// part of one: `networking`, `702.1`); `timed` makes a mock exam of that many minutes whose
    /// items (by default the blueprint's exam length) are spread over the objectives by weight.
    public static func make(bank: QuestionBank, blueprint id: String?, topic: String?, count: Int?,
                            timed: Int?, seed: UInt64) throws -> QuizPlan {
        var blueprint: Blueprint? = nil
        if let id {
            guard let b = bank.blueprint(id) else {
                throw QuizInputError("no blueprint \(id) (the blueprints are \(bank.blueprints.map(\.id).joined(separator: ", ")))")
            }
            blueprint = b
        }
        if let count, count < 1 { throw QuizInputError("--count is at least 1") }
        if let timed, timed < 1 { throw QuizInputError("--timed is a number of minutes, at least 1") }
        var pool = bank.items
        if let blueprint { pool = pool.filter { $0.objectives.contains(where: blueprint.covers) } }
        if let topic {
            let objectives = try matching(topic, in: blueprint.map { [$0] } ?? bank.blueprints)
            pool = pool.filter { $0.objectives.contains(where: objectives.contains) }
        }
        if pool.isEmpty { throw QuizInputError("no items match these options") }
        var rng = IDSource(seed: seed)
        let wanted = min(count ?? (timed != nil ? blueprint?.examItems ?? 10 : 10), pool.count)
        var chosen: [QuizItem]
        if timed != nil, topic == nil, let blueprint {
            chosen = weighted(pool, blueprint: blueprint, count: wanted, rng: &rng)
        } else {
            chosen = Array(rng.shuffled(pool).prefix(wanted))
        }
        chosen = rng.shuffled(chosen)
        return QuizPlan(items: chosen, blueprint: blueprint, mode: timed == nil ? .practice : .exam, minutes: timed, seed: seed)
    }

    /// The objective ids `topic` names among the blueprints' objectives.
    static func matching(_ topic: String, in blueprints: [Blueprint]) throws -> Set<String> {
        let all = blueprints.flatMap { $0.objectives.map(\.id) }
        let wanted = topic.lowercased()
        let exact = all.filter { $0 == wanted }
        let found = exact.isEmpty ? all.filter { $0.contains(wanted) } : exact
        if found.isEmpty { throw QuizInputError("no objective matches \(topic) (the objectives are \(all.joined(separator: ", ")))") }
        return Set(found)
    }

    /// `count` items spread over the blueprint's objectives by weight: each item counts for the
    /// first of its objectives in the blueprint; an objective short of items leaves its share to
    /// the rest of the pool.
    static func weighted(_ pool: [QuizItem], blueprint: Blueprint, count: Int, rng: inout IDSource) -> [QuizItem] {
        let shares = blueprint.apportion(count)
        let shuffled = rng.shuffled(pool)
        var chosen: [QuizItem] = []
        var taken = Set<String>()
        for objective in blueprint.objectives {
            let candidates = shuffled.filter { item in
                !taken.contains(item.id) && item.objectives.first(where: blueprint.covers) == objective.id
            }
            for item in candidates.prefix(shares[objective.id] ?? 0) { chosen.append(item); taken.insert(item.id) }
        }
        for item in shuffled where chosen.count < count && !taken.contains(item.id) { chosen.append(item); taken.insert(item.id) }
        return chosen
    }
}

/// The quiz's draws come from the lab's own seedable generator (IDSource, SplitMix64), so a
/// seed picks the same items on every machine and every Swift version.
extension IDSource {
    /// `items` in a random order (Fisher–Yates with this generator's own draws).
    mutating func shuffled<T>(_ items: [T]) -> [T] {
        var out = items
        if out.count < 2 { return out }
        for i in stride(from: out.count - 1, to: 0, by: -1) {
            let j = Int(next() % UInt64(i + 1))
            out.swapAt(i, j)
        }
        return out
    }
}
