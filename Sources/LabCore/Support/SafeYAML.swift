import Yams

/// Loads YAML that anyone may have written (compose and stack files in the virtual host, notes,
/// question files, answers files) without letting it hang the lab: YAML aliases are shared when
/// parsed but copied when turned into values, so a few hundred bytes of nested aliases ("a billion
/// laughs") would expand to billions of values. The document is composed first (aliases still
/// shared) and its expanded size counted within a budget; only then is it turned into values.
public enum SafeYAML {
    /// A document whose aliases expand past the budget.
    public struct TooLarge: Error, Sendable, Equatable, CustomStringConvertible {
        public let limit: Int
        public var description: String { "its YAML aliases expand to more than \(limit) values" }
    }

    /// An error's text cut to `limit` characters: Yams quotes the whole offending line, which in a
    /// hostile file can be a megabyte.
    public static func shortText(_ error: Error, limit: Int = 400) -> String {
        let text = "\(error)"
        return text.count > limit ? String(text.prefix(limit)) + "…" : text
    }

    /// The values of `text` (as `Yams.load`), or Yams's own error for text that is not YAML, or
    /// `TooLarge` when its aliases expand past `maxValues` scalars, sequences and mappings.
    public static func load(_ text: String, maxValues: Int = 200_000) throws -> Any? {
        guard let node = try Yams.compose(yaml: text) else { return nil }
        var budget = maxValues
        guard fits(node, &budget) else { throw TooLarge(limit: maxValues) }
        return try Yams.load(yaml: text)
    }

    /// Whether `node`, expanded, stays within `budget` values (spending them as it counts).
    private static func fits(_ node: Node, _ budget: inout Int) -> Bool {
        budget -= 1
        if budget < 0 { return false }
        switch node {
        case .scalar, .alias: return true
        case .sequence(let s):
            for child in s where !fits(child, &budget) { return false }
            return true
        case .mapping(let m):
            for (key, value) in m where !fits(key, &budget) || !fits(value, &budget) { return false }
            return true
        }
    }
}
