/// `/services`: list (the daemon's filters; with `status`, each service's running and desired
/// task counts), create, inspect, update (a new spec, or `rollback=previous`), remove and logs,
/// through the lab's calls behind `docker service …` (Engine/Swarm/Swarm+Services.swift);
/// objects as `docker service inspect` prints them (Render/Objects/ServiceJSON.swift). The
/// client resolves names of secrets, configs and networks before it sends a spec; the daemon
/// resolves network names a stack sends.
extension EngineAPI {
    mutating func services(_ parts: [String], _ c: inout Context, lab: inout Lab) throws(APIError) -> APIResponse {
        let r = c.request
        switch (r.method, parts.count) {
        case ("GET", 0):
            let filters = ListFilters(try APIFilters.parse(r.value("filters")))
            let status = r.flag("status")
            let list = try Self.swarmCall { () throws(EngineError) -> [JSONValue] in
                try lab.requireManager()
                guard let swarm = lab.swarm else { return [] }
                return try ServiceListing.select(filters, swarm).map { s in
                    guard status, case .object(var o) = ServiceJSON.service(s, swarm) else { return ServiceJSON.service(s, swarm) }
                    let tasks = swarm.tasks.filter { $0.serviceID == s.id }
                    let running = tasks.filter { TaskJSON.state($0, now: lab.clock.now) == "running" }.count
                    let desired = s.spec.replicas ?? tasks.filter { $0.desiredState == "running" }.count
                    o[new: "ServiceStatus"] = ["RunningTasks": .int(Int64(running)), "DesiredTasks": .int(Int64(desired)), "CompletedTasks": 0]
                    return .object(o)
                }
            }
            return .json(.array(list))
        case ("POST", 1) where parts[0] == "create":
            var spec = ServiceSpecBody.spec(try r.jsonBody() ?? .object(JSONObject()))
            let (id, names) = try Self.swarmCall { () throws(EngineError) -> (String, [String: String]) in
                try lab.requireManager()
                spec.networks = try Self.resolveNetworks(spec.networks, lab)
                return (try lab.createService(spec), Self.networkNames(lab))
            }
            c.record(APIHistory.line(["docker", "service", "create", "--detach"] + ServiceSpecBody.arguments(spec, networkNames: names)))
            return .json(["ID": .string(id)], status: 201)
        case ("GET", 1):
            let service = try Self.swarmCall { () throws(EngineError) -> JSONValue in
                try lab.requireManager()
                let s = try lab.service(parts[0])
                guard let swarm = lab.swarm else { throw SwarmMessages.notInSwarm }
                return ServiceJSON.service(swarm.services[s], swarm)
            }
            return .json(service)
        case ("POST", 2) where parts[1] == "update": return try Self.updateService(parts[0], &c, lab: &lab)
        case ("DELETE", 1):
            try Self.swarmCall { () throws(EngineError) in try lab.removeService(parts[0]) }
            c.record(APIHistory.line(["docker", "service", "rm", parts[0]]))
            return APIResponse(status: 200)
        case ("GET", 2) where parts[1] == "logs": return try Self.serviceLogs(parts[0], r, lab: lab)
        default: throw .notFound("page not found")
        }
    }

    /// Network targets as ids: the client sends ids, a stack deploy names (moby daemon/cluster
    /// services.go resolves them, refusing a name it cannot find).
    static func resolveNetworks(_ networks: [ServiceSpec.NetworkAttachment], _ lab: Lab) throws(EngineError) -> [ServiceSpec.NetworkAttachment] {
        try networks.map { (n) throws(EngineError) -> ServiceSpec.NetworkAttachment in
            var n = n
            n.target = lab.machines[lab.current].engine.networks[try lab.overlayNetwork(n.target)].id
            return n
        }
    }

    /// Overlay names by id, for the history's `--network NAME`.
    static func networkNames(_ lab: Lab) -> [String: String] {
        Dictionary(lab.swarmNetworks().map { ($0.id, $0.name) }, uniquingKeysWith: { a, _ in a })
    }

    /// `POST /services/{id}/update?version=&rollback=previous`: `{"Warnings": null}`.
    static func updateService(_ reference: String, _ c: inout Context, lab: inout Lab) throws(APIError) -> APIResponse {
        let r = c.request
        let raw = r.value("version") ?? ""
        guard UInt64(raw) != nil else {
            throw .invalid("invalid service version '\(raw)': strconv.ParseUint: parsing \"\(raw)\": invalid syntax")
        }
        var spec = ServiceSpecBody.spec(try r.jsonBody() ?? .object(JSONObject()))
        let words = try swarmCall { () throws(EngineError) -> [String] in
            try lab.requireManager()
            // The client names the service by its id; the history by its name.
            let s = try lab.service(reference)
            guard let old = lab.swarm?.services[s].spec else { return [] }
            let name = old.name
            if r.value("rollback") == "previous" {
                try lab.rollbackService(reference)
                return ["docker", "service", "rollback", "--detach", name]
            }
            spec.networks = try resolveNetworks(spec.networks, lab)
            try lab.updateService(reference, to: spec)
            var rest = spec
            rest.replicas = old.replicas
            if rest == old, let n = spec.replicas, n != old.replicas { return ["docker", "service", "scale", "--detach", "\(name)=\(n)"] }
            return ["docker", "service", "update", "--detach"] + updateFlags(old, spec) + [name]
        }
        c.record(APIHistory.line(words))
        return .json(["Warnings": .null])
    }

    /// The `docker service update` flags that take a spec from `old` to `new`, for the history.
    static func updateFlags(_ old: ServiceSpec, _ new: ServiceSpec) -> [String] {
        var a: [String] = []
        if new.image != old.image { a += ["--image", ServiceSpecBody.typedImage(new.image)] }
        if new.replicas != old.replicas, let n = new.replicas { a += ["--replicas", String(n)] }
        for e in old.env where !new.env.contains(e) { a += ["--env-rm", String(e.split(separator: "=").first ?? "")] }
        for e in new.env where !old.env.contains(e) { a += ["--env-add", e] }
        for p in old.ports where !new.ports.contains(p) { a += ["--publish-rm", String(p.targetPort)] }
        for p in new.ports where !old.ports.contains(p) { a += ["--publish-add", "\(p.publishedPort):\(p.targetPort)"] }
        if new.updateParallelism != old.updateParallelism { a += ["--update-parallelism", String(new.updateParallelism)] }
        if new.updateDelay != old.updateDelay { a += ["--update-delay", HumanDuration.goDuration(new.updateDelay)] }
        if new.forceUpdate != old.forceUpdate { a.append("--force") }
        return a
    }

    /// `GET /services/{id}/logs`: every task's container log as docker's multiplexed stream, each
    /// line led by the details the client turns into `NAME.SLOT.TASK@NODE | ` (moby
    /// api/server/httputils/write_log_stream.go: the attributes sorted, query-escaped, before a
    /// blank; the timestamp first when asked for).
    static func serviceLogs(_ reference: String, _ r: APIRequest, lab: Lab) throws(APIError) -> APIResponse {
        let (service, swarm) = try swarmCall { () throws(EngineError) -> (SwarmService, SwarmCluster) in
            try lab.requireManager()
            let s = try lab.service(reference)
            guard let swarm = lab.swarm else { throw SwarmMessages.notInSwarm }
            return (swarm.services[s], swarm)
        }
        var out: [UInt8] = []
        for t in swarm.tasks where t.serviceID == service.id {
            guard let cid = t.containerID, let n = swarm.nodeIndex(id: t.nodeID) else { continue }
            let engine = lab.machines[swarm.nodes[n].machine].engine
            guard let c = try? engine.containerIndex(cid) else { continue }
            for entry in engine.containers[c].logs where entry.stream == .stdout ? r.flag("stdout") : r.flag("stderr") {
                var line = entry.text
                if r.flag("details") {
                    line = "com.docker.swarm.node.id=\(t.nodeID),com.docker.swarm.service.id=\(t.serviceID),com.docker.swarm.task.id=\(t.id) " + line
                }
                if r.flag("timestamps") { line = DockerTime.rfc3339NanoFixed(entry.time) + " " + line }
                out += MultiplexedStream.frame(entry.stream, line)
            }
        }
        return APIResponse(status: 200, headers: [("Content-Type", "application/vnd.docker.multiplexed-stream")], body: out)
    }
}
