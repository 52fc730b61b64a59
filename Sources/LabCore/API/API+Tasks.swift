/// `/tasks`: list with the daemon's filters (moby v20.10 daemon/cluster/filters.go
/// newListTasksFilters: service and node by name or id, desired-state, id and name prefixes,
/// the service's labels, and `_up-to-date`, which the client's progress asks for: tasks running
/// the service's current spec) and inspect (moby's getTask: an id or a unique id prefix); objects
/// from Render/Objects/TaskJSON.swift.
extension EngineAPI {
    mutating func tasks(_ parts: [String], _ c: inout Context, lab: inout Lab) throws(APIError) -> APIResponse {
        let r = c.request
        switch (r.method, parts.count) {
        case ("GET", 0):
            let filters = ListFilters(try APIFilters.parse(r.value("filters")))
            let list = try Self.swarmCall { () throws(EngineError) -> [JSONValue] in
                try lab.requireManager()
                guard let swarm = lab.swarm else { return [] }
                return try Self.selectTasks(filters, lab, swarm).map { t in
                    TaskJSON.json(t, service: swarm.services.first { $0.id == t.serviceID }, now: lab.clock.now)
                }
            }
            return .json(.array(list))
        case ("GET", 1):
            let task = try Self.swarmCall { () throws(EngineError) -> JSONValue in
                try lab.requireManager()
                guard let swarm = lab.swarm else { throw SwarmMessages.notInSwarm }
                let matches = swarm.tasks.filter { $0.id == parts[0] }
                let found = matches.isEmpty ? swarm.tasks.filter { $0.id.hasPrefix(parts[0]) } : matches
                if found.count > 1 { throw .other("task \(parts[0]) is ambiguous (\(found.count) matches found)", status: 400) }
                guard let t = found.first else { throw .other("task \(parts[0]) not found", status: 404) }
                return TaskJSON.json(t, service: swarm.services.first { $0.id == t.serviceID }, now: lab.clock.now)
            }
            return .json(task)
        default: throw .notFound("page not found")
        }
    }

    static func selectTasks(_ filters: ListFilters, _ lab: Lab, _ swarm: SwarmCluster) throws(EngineError) -> [SwarmTask] {
        if let bad = filters.invalidKey(accepted: ["name", "id", "label", "service", "node", "desired-state", "_up-to-date", "runtime"]) {
            throw .other(bad, status: 400)
        }
        let services = try filters["service"].map { (ref) throws(EngineError) -> String in swarm.services[try lab.service(ref)].id }
        let nodes = try filters["node"].map { (ref) throws(EngineError) -> String in swarm.nodes[try lab.node(ref, allowSelf: false)].id }
        var desired: [String] = []
        for s in filters["desired-state"] {
            guard ["new", "allocated", "pending", "assigned", "accepted", "preparing", "ready", "starting", "running", "complete",
                   "shutdown", "failed", "rejected", "remove", "orphaned"].contains(s.lowercased()) else {
                throw .other("Invalid desired-state filter: '\(s)'", status: 400)
            }
            desired.append(s.lowercased())
        }
        return swarm.tasks.filter { t in
            let service = swarm.services.first { $0.id == t.serviceID }
            if !services.isEmpty && !services.contains(t.serviceID) { return false }
            if !nodes.isEmpty && !nodes.contains(t.nodeID) { return false }
            if !desired.isEmpty && !desired.contains(t.desiredState) { return false }
            if filters.has("id") && !filters["id"].contains(where: { t.id.hasPrefix($0) }) { return false }
            if filters.has("name") {
                let name = "\(service?.spec.name ?? t.spec.name).\(t.slot == 0 ? t.nodeID : String(t.slot))"
                if !filters["name"].contains(where: { name.hasPrefix($0) }) { return false }
            }
            if !filters.matchLabels("label", service?.spec.labels ?? [:]) { return false }
            if filters.has("_up-to-date") {
                guard let service, t.spec.runsSameTasks(as: service.spec) else { return false }
            }
            return true
        }
    }
}
