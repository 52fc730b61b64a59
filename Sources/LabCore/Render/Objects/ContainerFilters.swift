/// Which containers `docker ps` lists: the daemon's filters (moby daemon/list.go, Engine 20.10),
/// `-a`, `-n`/`-l`, newest first.
extension ObjectListing {
    /// The selected containers, by index into the engine's array (newest first), or the error.
    enum Selection { case success([Int]), failure(EngineError) }

    static func filterError(_ message: String) -> Selection { .failure(.other(message, status: 400)) }

    static func select(_ invocation: DockerInvocation, engine: DockerEngine) -> Selection {
        let filters = ListFilters(invocation.values("filter"))
        if let bad = filters.invalidKey(accepted: containerFilters) { return filterError(bad) }
        var all = invocation.flag("all")
        for s in filters["status"] {
            guard states.contains(s) else { return filterError("Invalid filter 'status=\(s)'") }
            all = true
        }
        var exitCodes: [Int32] = []
        for v in filters["exited"] {
            guard let code = Int32(v) else { return filterError("strconv.Atoi: parsing \(goQuote(v)): invalid syntax") }
            exitCodes.append(code)
        }
        for h in filters["health"] where !["starting", "healthy", "unhealthy", "none"].contains(h) {
            return filterError("Unrecognised filter value for health: \(h)")
        }
        for t in filters["is-task"] where t != "true" && t != "false" {
            return filterError("Invalid filter 'is-task=[\(t)]'")
        }
        var before: Double?, since: Double?
        for (key, values) in [("before", filters["before"]), ("since", filters["since"])] {
            for v in values {
                guard let i = try? engine.containerIndex(v) else { return filterError("no such container \(v)") }
                if key == "before" { before = engine.containers[i].created } else { since = engine.containers[i].created }
            }
        }
        var ancestors: Set<String>?
        if filters.has("ancestor") {
            var ids = Set<String>()
            for a in filters["ancestor"] { if let i = engine.imageIndex(a) { ids.insert(engine.images[i].id) } }
            ancestors = ids
        }
        var limit = Int(invocation.value("last") ?? "-1") ?? -1
        if invocation.flag("latest") { limit = 1 }

        var order = Array(engine.containers.indices)
        order.sort { a, b in
            let ca = engine.containers[a].created, cb = engine.containers[b].created
            return ca != cb ? ca > cb : a > b
        }
        // Each container is read where it is, not copied out of the array.
        func keep(_ c: Container) -> Bool {
            if !c.state.running && !all && limit <= 0 { return false }
            if let before, c.created >= before { return false }
            if let since, c.created <= since { return false }
            if filters.has("id") && !filters.match("id", c.id) { return false }
            if filters.has("name") && !filters.match("name", "/" + c.name) && !filters.match("name", c.name) { return false }
            if filters.has("status") && !filters["status"].contains(c.state.status) { return false }
            if !exitCodes.isEmpty && (c.state.running || c.state.startedAt == nil || !exitCodes.contains(c.state.exitCode)) { return false }
            if !filters.matchLabels("label", c.config.labels) { return false }
            if let ancestors, !ancestors.contains(c.imageID) { return false }
            if filters.has("is-task") && filters["is-task"].contains("true") && !filters["is-task"].contains("false") { return false }
            if filters.has("health") && !filters["health"].contains(!c.config.healthEnabled ? "none" : c.state.health ?? "starting") {
                return false
            }
            if filters.has("network") && !onNetwork(c, filters["network"]) { return false }
            if filters.has("volume") && !c.mounts.contains(where: { m in
                filters["volume"].contains { $0 == m.destination || $0 == (m.name ?? m.source) }
            }) { return false }
            if filters.has("publish") && !portsMatch(filters["publish"], published(c)) { return false }
            if filters.has("expose") && !portsMatch(filters["expose"], Set(c.config.exposedPorts)) { return false }
            return true
        }
        var out: [Int] = []
        for i in order {
            if limit > 0 && out.count >= limit { break }
            if keep(engine.containers[i]) { out.append(i) }
        }
        return .success(out)
    }

    static func onNetwork(_ c: Container, _ wanted: [String]) -> Bool {
        let names = ContainerInspect.networkNames(c)
        for w in wanted {
            if names.contains(w) { return true }
            if c.endpoints.contains(where: { !$0.networkID.isEmpty && $0.networkID.hasPrefix(w) }) { return true }
        }
        return false
    }

    /// Host ports a running container has bound, as `port/proto`.
    static func published(_ c: Container) -> Set<String> {
        guard c.state.running else { return [] }
        var out = Set<String>()
        for p in ContainerInspect.publishedPorts(c) {
            let (_, proto) = PortDisplay.split(p.key)
            out.insert(p.hostPort + "/" + proto)
        }
        return out
    }

    /// Whether any port of the `80`, `80/udp` or `8000-8080/tcp` specs is in `ports`.
    static func portsMatch(_ specs: [String], _ ports: Set<String>) -> Bool {
        for spec in specs {
            var range = Substring(spec), proto = "tcp"
            if let slash = spec.firstIndex(of: "/") {
                range = spec[..<slash]
                proto = String(spec[spec.index(after: slash)...])
            }
            let bounds = range.split(separator: "-").compactMap { Int($0) }
            guard let first = bounds.first else { continue }
            let last = bounds.count > 1 ? bounds[1] : first
            guard first <= last else { continue }
            for p in first...min(last, first + 65_535) where ports.contains("\(p)/\(proto)") { return true }
        }
        return false
    }
}
