/// An exam the question bank practises (Content/questions/blueprints.yaml): its objectives with
/// their weights, and the shape of a mock exam (items, minutes, pass mark).
public struct Blueprint: Sendable, Equatable, Codable {
    /// One objective of the exam: the id items are tagged with, its title, its weight.
    public struct Objective: Sendable, Equatable, Codable {
        public var id: String
        public var title: String
        public var weight: Double
    }

    public var id: String
    public var title: String
    public var objectives: [Objective]
    /// How many items a mock exam has.
    public var examItems: Int
    /// How long a mock exam lasts.
    public var examMinutes: Int
    /// The pass mark, in percent.
    public var passPercent: Double

    /// Whether `objective` belongs to this exam.
    public func covers(_ objective: String) -> Bool { objectives.contains { $0.id == objective } }

    /// How many of `count` items each objective gets, in proportion to the weights (largest
    /// remainder, ties to the earlier objective), so the counts add up to `count`.
    public func apportion(_ count: Int) -> [String: Int] {
        let total = objectives.reduce(0) { $0 + $1.weight }
        guard total > 0, count > 0 else { return [:] }
        let exact = objectives.map { Double(count) * $0.weight / total }
        var shares = exact.map { Int($0.rounded(.down)) }
        let left = count - shares.reduce(0, +)
        let order = exact.indices.sorted { (exact[$0] - Double(shares[$0]), -$0) > (exact[$1] - Double(shares[$1]), -$1) }
        for i in order.prefix(left) { shares[i] += 1 }
        return Dictionary(uniqueKeysWithValues: zip(objectives.map(\.id), shares))
    }
}
