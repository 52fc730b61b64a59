import Foundation

/// A bounded, thread-safe cache of parsed templates keyed by their source, so replaying the
/// same `--format` many times parses it once. Parse errors are cached too.
public final class TemplateCache: @unchecked Sendable {
    /// A process-wide cache for the simulated docker client.
    public static let shared = TemplateCache(capacity: 512)

    private let lock = NSLock()
    private var entries: [Key: Result<GoTemplate, GoTemplateError>] = [:]
    private let capacity: Int

    private struct Key: Hashable {
        var source: String
        var name: String
    }

    public init(capacity: Int) { self.capacity = max(1, capacity) }

    /// The parsed template for `source`, parsing it on first use.
    public func template(_ source: String, name: String = "") throws(GoTemplateError) -> GoTemplate {
        let key = Key(source: source, name: name)
        lock.lock()
        if let hit = entries[key] {
            lock.unlock()
            return try hit.get()
        }
        lock.unlock()
        let result: Result<GoTemplate, GoTemplateError>
        do {
            result = .success(try GoTemplate(source, name: name))
        } catch {
            result = .failure(error)
        }
        lock.lock()
        if entries.count >= capacity { entries.removeAll(keepingCapacity: true) }
        entries[key] = result
        lock.unlock()
        return try result.get()
    }
}
