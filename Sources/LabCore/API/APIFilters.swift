/// The `filters` query parameter: JSON of `{"key": {"value": true}}` (or the old
/// `{"key": ["value"]}`), read into the `key=value` specs `docker … --filter` gives the lab's
/// list commands.
enum APIFilters {
    static func parse(_ text: String?) throws(APIError) -> [String] {
        guard let text, !text.isEmpty else { return [] }
        let value: JSONValue
        do { value = try JSONValue(parsing: text) } catch {
            // moby api/types/filters.FromJSON.
            throw .invalid("invalid filter: " + error.message)
        }
        guard case .object(let o) = value else { throw .invalid("invalid filter: not an object") }
        var specs: [String] = []
        for e in o.entries {
            switch e.value {
            case .object(let set): for v in set.keys where set[v] == .bool(true) { specs.append(e.key + "=" + v) }
            case .array(let list): for v in list { if let s = v.stringValue { specs.append(e.key + "=" + s) } }
            default: throw .invalid("invalid filter: the value of \(e.key) is not a set")
            }
        }
        return specs
    }

    /// The specs as a dictionary of values per key.
    static func dictionary(_ specs: [String]) -> [String: [String]] {
        var out: [String: [String]] = [:]
        for spec in specs {
            let parts = spec.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            out[String(parts[0]), default: []].append(parts.count > 1 ? String(parts[1]) : "")
        }
        return out
    }
}
