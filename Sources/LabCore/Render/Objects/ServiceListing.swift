import Foundation

/// `docker service ls`, `service ps`, `service inspect` and `service logs` as docker/cli prints
/// them (cli/command/service/formatter.go: ID NAME MODE REPLICAS IMAGE PORTS; cli/command/task:
/// ID NAME IMAGE NODE DESIRED STATE CURRENT STATE ERROR PORTS, a slot's older tasks under
/// ` \_ `, newest first), and the Engine API's `Service` object.
enum ServiceListing {
    static let serviceFormat = ListFormat(structType: "*formatter.serviceContext", headers: [
        "ID": "ID", "Name": "NAME", "Mode": "MODE", "Replicas": "REPLICAS", "Image": "IMAGE", "Ports": "PORTS",
    ])
    static let taskFormat = ListFormat(structType: "*task.taskContext", headers: [
        "ID": "ID", "Name": "NAME", "Image": "IMAGE", "Node": "NODE", "DesiredState": "DESIRED STATE",
        "CurrentState": "CURRENT STATE", "Error": "ERROR", "Ports": "PORTS",
    ])

    /// The image as the list shows it: familiar, digest stripped.
    static func image(_ image: String) -> String {
        let noDigest = image.split(separator: "@").first.map(String.init) ?? image
        return ImageName(noDigest).familiar
    }

    /// `*:8080->80/tcp` for each published port.
    static func ports(_ spec: ServiceSpec) -> String {
        spec.ports.filter { $0.publishMode == "ingress" }.map { "*:\($0.publishedPort)->\($0.targetPort)/\($0.protocolName)" }.joined(separator: ", ")
    }

    static func list(_ i: DockerInvocation, _ p: inout ProcessContext, _ lab: Lab, stack: String? = nil) throws(EngineError) {
        try lab.requireManager()
        guard let swarm = lab.swarm else { return }
        let services = try select(ListFilters(i.values("filter")), swarm).filter { s in stack == nil || s.spec.labels[Lab.stackLabel] == stack }
        func replicas(_ s: SwarmService) -> String {
            let running = swarm.tasks.filter { $0.serviceID == s.id && $0.desiredState == "running" && $0.state == "running" }.count
            let desired = s.spec.replicas ?? swarm.tasks.filter { $0.serviceID == s.id && $0.desiredState == "running" }.count
            return "\(running)/\(desired)"
        }
        let fmt = ListFormat.format(i)
        if ListFormat.isDefaultTable(fmt) {
            // The short ids (Fixtures/swarm 05), where `service ps -q` gives whole ones.
            if i.flag("quiet") { return p.write(services.map { String($0.id.prefix(12)) + "\n" }.joined()) }
            p.write(ListFormat.table(["ID", "NAME", "MODE", "REPLICAS", "IMAGE", "PORTS"], services.map {
                [String($0.id.prefix(12)), $0.spec.name, $0.spec.isGlobal ? "global" : "replicated", replicas($0), image($0.spec.image), ports($0.spec)]
            }))
            return
        }
        let out = serviceFormat.render(format: fmt) {
            services.map { s -> JSONValue in
                ["ID": .string(String(s.id.prefix(12))), "Name": .string(s.spec.name), "Mode": .string(s.spec.isGlobal ? "global" : "replicated"),
                 "Replicas": .string(replicas(s)), "Image": .string(image(s.spec.image)), "Ports": .string(ports(s.spec))]
            }
        }
        _ = DockerDaemon.print(out, &p)
        if out.status != 0 { throw .other("", status: -2) }
    }

    /// The services a `--filter` selects (moby daemon/cluster/services.go GetServices: name and id
    /// prefixes, labels, mode), sorted by name as the client sorts them.
    static func select(_ filters: ListFilters, _ swarm: SwarmCluster) throws(EngineError) -> [SwarmService] {
        if let bad = filters.invalidKey(accepted: ["id", "label", "mode", "name", "runtime"]) { throw .other(bad, status: 400) }
        return swarm.services.filter { s in
            if filters.has("id") && !filters["id"].contains(where: { s.id.hasPrefix($0) }) { return false }
            if filters.has("name") && !filters["name"].contains(where: { s.spec.name.hasPrefix($0) }) { return false }
            if filters.has("mode") && !filters["mode"].contains(s.spec.isGlobal ? "global" : "replicated") { return false }
            return filters.matchLabels("label", s.spec.labels)
        }.sorted { ObjectListing.naturalLess($0.spec.name, $1.spec.name) }
    }

    /// The tasks of services (`service ps`) or of a node (`node ps`), sorted and named as the client does.
    static func taskRows(_ tasks: [SwarmTask], _ swarm: SwarmCluster, _ lab: Lab, trunc: Bool, table: Bool) -> [[String: String]] {
        let now = lab.clock.now
        func name(_ t: SwarmTask) -> String {
            let service = swarm.services.first { $0.id == t.serviceID }?.spec.name ?? t.spec.name
            return "\(service).\(t.slot == 0 ? t.nodeID : String(t.slot))"
        }
        // Newest first within a name; tasks made at the same simulated instant by their Raft index.
        let sorted = tasks.map { (name($0), $0) }.sorted { a, b in
            a.0 != b.0 ? ObjectListing.naturalLess(a.0, b.0) : (a.1.createdAt, a.1.version) > (b.1.createdAt, b.1.version)
        }
        var previous = ""
        return sorted.map { (taskName, t) in
            let shown = table && taskName == previous ? " \\_ " + taskName : taskName
            previous = taskName
            let node = swarm.nodeIndex(id: t.nodeID).map { swarm.nodes[$0].hostname } ?? t.nodeID
            var error = t.error ?? ""
            if trunc { error = ListFormat.ellipsis(error, 30) }
            if !error.isEmpty { error = "\"\(error)\"" }
            let ports = t.spec.ports.filter { $0.publishMode == "host" }.map { "*:\($0.publishedPort)->\($0.targetPort)/\($0.protocolName)" }.joined(separator: ",")
            return ["ID": trunc ? String(t.id.prefix(12)) : t.id, "FullID": t.id, "Name": shown, "Image": trunc ? image(t.spec.image) : t.spec.image,
                    "Node": node, "DesiredState": NodeListing.pretty(t.desiredState),
                    "CurrentState": NodeListing.pretty(t.state) + " " + HumanDuration.text(seconds: max(0, now - t.timestamp)).lowercased() + " ago",
                    "Error": error, "Ports": ports]
        }
    }

    /// Prints task rows in the default table, `-q`, or a `--format` template.
    static func printTasks(_ i: DockerInvocation, _ p: inout ProcessContext, _ tasks: [SwarmTask], _ swarm: SwarmCluster, _ lab: Lab) throws(EngineError) {
        let fmt = ListFormat.format(i)
        let trunc = !i.flag("no-trunc")
        let table = ListFormat.isDefaultTable(fmt) || fmt.hasPrefix("table")
        let rows = taskRows(tasks, swarm, lab, trunc: trunc, table: table)
        if ListFormat.isDefaultTable(fmt) {
            if i.flag("quiet") { return p.write(rows.map { ($0["FullID"] ?? $0["ID"]!) + "\n" }.joined()) }
            let keys = ["ID", "Name", "Image", "Node", "DesiredState", "CurrentState", "Error", "Ports"]
            p.write(ListFormat.table(["ID", "NAME", "IMAGE", "NODE", "DESIRED STATE", "CURRENT STATE", "ERROR", "PORTS"],
                                     rows.map { r in keys.map { r[$0]! } }))
            return
        }
        let out = taskFormat.render(format: fmt) { rows.map { r in .object(JSONObject(r.filter { $0.key != "FullID" }.sorted { $0.key < $1.key }.map { ($0.key, JSONValue.string($0.value)) })) } }
        _ = DockerDaemon.print(out, &p)
        if out.status != 0 { throw .other("", status: -2) }
    }

    static func tasks(_ i: DockerInvocation, _ p: inout ProcessContext, _ lab: Lab) throws(EngineError) {
        try lab.requireManager()
        guard let swarm = lab.swarm else { return }
        var ids: [String] = []
        var missing: [String] = []
        for ref in i.arguments {
            do { ids.append(swarm.services[try lab.service(ref)].id) } catch { missing.append(ref) }
        }
        if !missing.isEmpty { throw .other("no such service: \(missing[0])", status: -1) }
        try printTasks(i, &p, filtered(i, swarm.tasks.filter { ids.contains($0.serviceID) }, swarm), swarm, lab)
    }

    /// The `--filter` of service ps and node ps: desired-state, id, name, node.
    static func filtered(_ i: DockerInvocation, _ tasks: [SwarmTask], _ swarm: SwarmCluster) -> [SwarmTask] {
        let filters = ListFilters(i.values("filter"))
        return tasks.filter { t in
            if filters.has("desired-state") && !filters["desired-state"].contains(t.desiredState == "running" ? "running" : "shutdown")
                && !(filters["desired-state"].contains("accepted") && t.desiredState == "accepted") { return false }
            if filters.has("id") && !filters.match("id", t.id) { return false }
            if filters.has("node"), let n = swarm.nodeIndex(id: t.nodeID), !filters["node"].contains(swarm.nodes[n].hostname) && !filters["node"].contains(t.nodeID) { return false }
            return true
        }
    }

    static func inspect(_ i: DockerInvocation, _ p: inout ProcessContext, _ lab: Lab) throws(EngineError) {
        try lab.requireManager()
        guard let swarm = lab.swarm else { return }
        var found: [SwarmService] = []
        var errors: [String] = []
        for ref in i.arguments {
            // The client's own words for a service it cannot find (Fixtures/swarm 05).
            do { found.append(swarm.services[try lab.service(ref)]) } catch { errors.append("Error: no such service: \(ref)") }
        }
        try SwarmInspection.print(SwarmInspection.output(i, json: found.map { ServiceJSON.service($0, swarm) },
                                                         pretty: found.map { ServicePretty.text($0, swarm, now: lab.clock.now) + "\n\n" }, errors: errors), &p)
    }

    /// `docker service logs`: each task's container log lines, prefixed `NAME.SLOT.TASKID@NODE    | `.
    static func logs(_ i: DockerInvocation, _ p: inout ProcessContext, _ lab: Lab) throws(EngineError) {
        try lab.requireManager()
        guard let swarm = lab.swarm, let ref = i.arguments.first else { return }
        guard let s = try? lab.service(ref) else { throw .other("no such task or service: \(ref)", status: -1) }
        let service = swarm.services[s]
        for t in swarm.tasks where t.serviceID == service.id {
            guard let cid = t.containerID, let n = swarm.nodeIndex(id: t.nodeID) else { continue }
            let engine = lab.machines[swarm.nodes[n].machine].engine
            guard let c = try? engine.containerIndex(cid) else { continue }
            let prefix = i.flag("no-task-ids") ? "\(service.spec.name).\(t.slot == 0 ? t.nodeID : String(t.slot))" : "\(service.spec.name).\(t.slot == 0 ? t.nodeID : String(t.slot)).\(i.flag("no-trunc") ? t.id : String(t.id.prefix(12)))"
            for entry in engine.containers[c].logs {
                let time = i.flag("timestamps") ? DockerTime.rfc3339NanoFixed(entry.time) + " " : ""
                let line = time + (i.flag("raw") ? "" : "\(prefix)@\(swarm.nodes[n].hostname)    | ") + entry.text
                if entry.stream == .stderr { p.writeError(line) } else { p.write(line) }
            }
        }
    }
}
