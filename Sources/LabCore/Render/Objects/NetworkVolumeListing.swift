/// `docker network ls` and `docker volume ls`: the daemon's filters (Engine 20.10) and the
/// client's order (natural sort by name) and formatter.
extension ObjectListing {
    static let networkHeaders: JSONValue = [
        "ID": "NETWORK ID", "Name": "NAME", "Driver": "DRIVER", "Scope": "SCOPE", "IPv4": "IPV4", "IPv6": "IPV6",
        "Internal": "INTERNAL", "Labels": "LABELS", "CreatedAt": "CREATED AT",
    ]
    static let networkFormat = ListFormat(
        structType: "*network.networkContext", headers: networkHeaders, methods: ["Label": ListFormat.labelMethod],
        headerMethods: ["Label": ListFormat.labelHeader])

    public static func networks(_ invocation: DockerInvocation, engine: DockerEngine, now: Double) -> CommandOutput {
        let list: [Network]
        switch networkSelection(ListFilters(invocation.values("filter")), engine: engine) {
        case .success(let selected): list = selected
        case .failure(let error): return .daemonError(error)
        }
        let trunc = !invocation.flag("no-trunc")
        let format = ListFormat.format(invocation)
        if ListFormat.isDefaultTable(format) {
            let id = { (n: Network) in trunc ? n.id.characterPrefix(12) : n.id }
            if invocation.flag("quiet") { return CommandOutput(stdout: list.map { id($0) + "\n" }.joined()) }
            return CommandOutput(stdout: ListFormat.table(
                ["NETWORK ID", "NAME", "DRIVER", "SCOPE"], list.map { [id($0), $0.name, $0.driver, $0.scope] }))
        }
        return networkFormat.render(format: format) {
            list.map { n in
                [
                    "CreatedAt": .string(DockerTime.goString(n.created)),
                    "Driver": .string(n.driver),
                    "ID": .string(trunc ? n.id.characterPrefix(12) : n.id),
                    "IPv4": "false",
                    "IPv6": "false",
                    "Internal": .string(n.internal ? "true" : "false"),
                    "Labels": .string(ListFormat.labels(n.labels)),
                    "Name": .string(n.name),
                    "Scope": .string(n.scope),
                ]
            }
        }
    }

    /// The networks the daemon lists for these filters, sorted by name as the client sorts them.
    static func networkSelection(_ filters: ListFilters, engine: DockerEngine) -> Result<[Network], EngineError> {
        if let bad = filters.invalidKey(accepted: ["driver", "id", "label", "name", "scope", "type", "dangling"]) {
            return .failure(.other(bad, status: 400))
        }
        for t in filters["type"] where t != "custom" && t != "builtin" {
            return .failure(.other("invalid filter: 'type'='\(t)'", status: 400))
        }
        // The 20.10 daemon lists networks without their containers, so "dangling" means every
        // network but the predefined ones (recorded: more.json).
        var dangling: Bool?
        for v in filters["dangling"] {
            switch v {
            case "true", "1": dangling = true
            case "false", "0": dangling = false
            default:
                return .failure(.other(
                    "invalid value for filter 'dangling', must be \"true\" (or \"1\"), or \"false\" (or \"0\")", status: 400))
            }
        }
        // Sorted as indices: swapping whole networks would copy each one's fields.
        let networks = engine.networks
        var kept = networks.indices.filter { k in
            let n = networks[k]
            if let dangling, dangling == n.isPredefined { return false }
            if filters.has("driver") && !filters["driver"].contains(n.driver) { return false }
            if filters.has("id") && !filters.match("id", n.id) { return false }
            if filters.has("name") && !filters.match("name", n.name) { return false }
            if filters.has("scope") && !filters["scope"].contains(n.scope) { return false }
            if !filters.matchLabels("label", n.labels) { return false }
            if filters.has("type") && !filters["type"].contains(n.isPredefined ? "builtin" : "custom") { return false }
            return true
        }
        kept.sort { naturalLess(networks[$0].name, networks[$1].name) }
        return .success(kept.map { networks[$0] })
    }

    static let volumeHeaders: JSONValue = [
        "Name": "VOLUME NAME", "Driver": "DRIVER", "Scope": "SCOPE", "Mountpoint": "MOUNTPOINT", "Labels": "LABELS",
        "Links": "LINKS", "Size": "SIZE", "Group": "GROUP", "Availability": "AVAILABILITY", "Status": "STATUS",
    ]
    static let volumeFormat = ListFormat(
        structType: "*formatter.volumeContext", headers: volumeHeaders, methods: ["Label": ListFormat.labelMethod],
        headerMethods: ["Label": ListFormat.labelHeader])

    public static func volumes(_ invocation: DockerInvocation, engine: DockerEngine, now: Double) -> CommandOutput {
        let list: [Volume]
        switch volumeSelection(ListFilters(invocation.values("filter")), engine: engine) {
        case .success(let selected): list = selected
        case .failure(let error): return .daemonError(error)
        }
        let format = ListFormat.format(invocation)
        if ListFormat.isDefaultTable(format) {
            if invocation.flag("quiet") { return CommandOutput(stdout: list.map { $0.name + "\n" }.joined()) }
            return CommandOutput(stdout: ListFormat.table(["DRIVER", "VOLUME NAME"], list.map { [$0.driver, $0.name] }))
        }
        return volumeFormat.render(format: format) {
            list.map { v in
                [
                    "Availability": "N/A", "Driver": .string(v.driver), "Group": "N/A", "Labels": .string(ListFormat.labels(v.labels)),
                    "Links": "N/A", "Mountpoint": .string(v.mountpoint), "Name": .string(v.name), "Scope": "local", "Size": "N/A",
                    "Status": "N/A",
                ]
            }
        }
    }

    /// The volumes the daemon lists for these filters, sorted by name as the client sorts them.
    static func volumeSelection(_ filters: ListFilters, engine: DockerEngine) -> Result<[Volume], EngineError> {
        if let bad = filters.invalidKey(accepted: ["dangling", "name", "driver", "label"]) {
            return .failure(.other(bad, status: 400))
        }
        var dangling: Bool?
        for v in filters["dangling"] {
            switch v {
            case "true", "1": dangling = true
            case "false", "0": dangling = false
            default: return .failure(.other("Invalid filter 'dangling=[\(v)]'", status: 400))
            }
        }
        var used = Set<String>()
        if dangling != nil { for c in engine.containers { for m in c.mounts { if let n = m.name { used.insert(n) } } } }
        return .success(engine.volumes.filter { v in
            if let dangling, dangling == used.contains(v.name) { return false }
            if filters.has("name") && !filters.match("name", v.name) { return false }
            if filters.has("driver") && !filters["driver"].contains(v.driver) { return false }
            return filters.matchLabels("label", v.labels)
        }.sorted { naturalLess($0.name, $1.name) })
    }

    /// fvbommel/sortorder.NaturalLess: digit runs compare as numbers, everything else byte-wise.
    static func naturalLess(_ a: String, _ b: String) -> Bool {
        var a = a, b = b
        return a.withUTF8 { x in b.withUTF8 { y in naturalLess(x, y) } }
    }

    /// `naturalLess` over the names' bytes.
    private static func naturalLess(_ x: UnsafeBufferPointer<UInt8>, _ y: UnsafeBufferPointer<UInt8>) -> Bool {
        var i = 0, j = 0
        func isDigit(_ c: UInt8) -> Bool { c >= 48 && c <= 57 }
        while i < x.count && j < y.count {
            if isDigit(x[i]) && isDigit(y[j]) {
                var si = i, sj = j
                while si < x.count && x[si] == 48 { si += 1 }
                while sj < y.count && y[sj] == 48 { sj += 1 }
                var ei = si, ej = sj
                while ei < x.count && isDigit(x[ei]) { ei += 1 }
                while ej < y.count && isDigit(y[ej]) { ej += 1 }
                if ei - si != ej - sj { return ei - si < ej - sj }
                for k in 0..<(ei - si) where x[si + k] != y[sj + k] { return x[si + k] < y[sj + k] }
                if ei - i != ej - j { return ei - i < ej - j }
                i = ei
                j = ej
                continue
            }
            if x[i] != y[j] { return x[i] < y[j] }
            i += 1
            j += 1
        }
        return x.count - i < y.count - j
    }
}
