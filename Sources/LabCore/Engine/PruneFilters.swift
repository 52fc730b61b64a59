/// The `--filter` values of a prune, as the daemon reads them (moby v20.10 daemon/prune.go:
/// accepted keys per kind, getUntilFromPruneFilters, matchLabels; api/types/filters/parse.go:
/// MatchKVList, invalidFilter).
public struct PruneFilters: Sendable, Equatable {
    /// Values by key (`label=a=b` is key `label`, value `a=b`; `label!=a` is `label!`, `a`).
    public var fields: [String: [String]] = [:]

    public init(_ values: [String] = []) {
        for v in values {
            let kv = v.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            fields[String(kv[0]).lowercased(), default: []].append(kv.count > 1 ? String(kv[1]) : "")
        }
    }

    /// The keys each prune accepts.
    static let containers: Set<String> = ["label", "label!", "until"]
    static let networks: Set<String> = ["label", "label!", "until"]
    static let images: Set<String> = ["dangling", "label", "label!", "until"]
    static let volumes: Set<String> = ["label", "label!"]

    /// Refuses a key the prune does not know ("Invalid filter 'KEY'").
    func validate(_ accepted: Set<String>) throws(EngineError) {
        if let bad = fields.keys.sorted().first(where: { !accepted.contains($0) }) { throw .other("Invalid filter '\(bad)'", status: 400) }
    }

    /// The `until` time, read as api/types/time GetTimestamp reads it (EventLog.timestamp: a
    /// Go duration before `now`, Unix seconds, a date). A value without a `-` that reads as none of
    /// them gets GetTimestamp's error; a date Go's parser would refuse is not simulated (no filter).
    func until(now: Double) throws(EngineError) -> Double? {
        guard let values = fields["until"] else { return nil }
        if values.count > 1 { throw .other("more than one until filter specified", status: 400) }
        if let t = EventLog.timestamp(values[0], now: now) { return t }
        if !values[0].contains("-") { throw .other("failed to parse value as time or duration: " + goQuote(values[0]), status: 400) }
        return nil
    }

    /// matchLabels: every `label` matches and no `label!` does.
    func matchLabels(_ labels: [String: String]) -> Bool {
        func matches(_ key: String) -> Bool {
            guard let values = fields[key], !values.isEmpty else { return true }
            if labels.isEmpty { return false }
            return values.allSatisfy { value in
                let kv = value.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
                guard let v = labels[String(kv[0])] else { return false }
                return kv.count < 2 || String(kv[1]) == v
            }
        }
        if !matches("label") { return false }
        if fields["label!"] != nil, matches("label!") { return false }
        return true
    }

    /// Whether an object created at `created` with `labels` is pruned.
    func keeps(created: Double, labels: [String: String], until: Double?) -> Bool {
        if let until, created > until { return true }
        return !matchLabels(labels)
    }
}
