/// `docker node ls` and `docker node inspect`: the swarm's nodes as docker/cli's node formatter
/// prints them (cli/command/node/formatter.go: the default table with a `*` after the current
/// node's id, sorted by host name; `--pretty`), and the Engine API's `Node` object.
enum NodeListing {
    static let format = ListFormat(structType: "*node.nodeContext", headers: [
        "ID": "ID", "Self": "", "Hostname": "HOSTNAME", "Status": "STATUS", "Availability": "AVAILABILITY",
        "ManagerStatus": "MANAGER STATUS", "EngineVersion": "ENGINE VERSION", "TLSStatus": "TLS STATUS",
    ])

    /// A node's state as the API says it ("ready", "down") and its manager status ("Leader", "Reachable", "Unreachable", "").
    static func status(_ lab: Lab, _ swarm: SwarmCluster, _ n: Int) -> (state: String, manager: String) {
        let up = swarm.isUp(n, lab)
        guard swarm.nodes[n].isManager else { return (up ? "ready" : "down", "") }
        let leader = swarm.leader(lab) == n
        return (up ? "ready" : "down", leader ? "Leader" : up ? "Reachable" : "Unreachable")
    }

    static func pretty(_ s: String) -> String { s.prefix(1).uppercased() + s.dropFirst() }

    static func list(_ i: DockerInvocation, _ p: inout ProcessContext, _ lab: Lab) throws(EngineError) -> Int32 {
        try lab.requireManager()
        guard let swarm = lab.swarm else { return 1 }
        let me = lab.currentNode
        let nodes = try select(ListFilters(i.values("filter")), lab, swarm)
        let fmt = ListFormat.format(i)
        if ListFormat.isDefaultTable(fmt) {
            if i.flag("quiet") { p.write(nodes.map { swarm.nodes[$0].id + "\n" }.joined()); return 0 }
            let rows = nodes.map { n -> [String] in
                let (state, manager) = status(lab, swarm, n)
                return [swarm.nodes[n].id + (n == me ? " *" : "  "), swarm.nodes[n].hostname, pretty(state),
                        pretty(swarm.nodes[n].availability), manager, VersionInfo.serverVersion]
            }
            p.write(ListFormat.table(["ID  ", "HOSTNAME", "STATUS", "AVAILABILITY", "MANAGER STATUS", "ENGINE VERSION"], rows))
            return 0
        }
        let out = format.render(format: fmt) {
            nodes.map { n in
                let (state, manager) = status(lab, swarm, n)
                let row: JSONValue = ["ID": .string(swarm.nodes[n].id), "Self": .bool(n == me), "Hostname": .string(swarm.nodes[n].hostname),
                        "Status": .string(pretty(state)), "Availability": .string(pretty(swarm.nodes[n].availability)),
                        "ManagerStatus": .string(manager), "EngineVersion": .string(VersionInfo.serverVersion), "TLSStatus": "Ready"]
                return row
            }
        }
        return DockerDaemon.print(out, &p)
    }

    /// The nodes a `--filter` (or the API's `filters`) selects, sorted by host name as the client sorts them.
    static func select(_ filters: ListFilters, _ lab: Lab, _ swarm: SwarmCluster) throws(EngineError) -> [Int] {
        if let bad = filters.invalidKey(accepted: ["id", "label", "membership", "name", "node.label", "role"]) { throw .other(bad, status: 400) }
        return swarm.nodes.indices.filter { n in
            let node = swarm.nodes[n]
            if filters.has("id") && !filters.match("id", node.id) { return false }
            if filters.has("name") && !filters.match("name", node.hostname) { return false }
            if filters.has("role") && !filters["role"].contains(node.role) { return false }
            if filters.has("membership") && !filters["membership"].contains("accepted") { return false }
            if !filters.matchLabels("node.label", node.labels) { return false }
            return true
        }.sorted { ObjectListing.naturalLess(swarm.nodes[$0].hostname, swarm.nodes[$1].hostname) }
    }

    /// The engine's plugins a node reports, by type (the recorded node's: Fixtures/swarm 03).
    static let plugins: [(type: String, names: [String])] = [
        ("Log", ["awslogs", "fluentd", "gcplogs", "gelf", "journald", "json-file", "local", "logentries", "splunk", "syslog"]),
        ("Network", ["bridge", "host", "ipvlan", "macvlan", "null", "overlay"]),
        ("Volume", ["local"]),
    ]

    /// The Engine API's Node object.
    static func json(_ lab: Lab, _ swarm: SwarmCluster, _ n: Int) -> JSONValue {
        let node = swarm.nodes[n]
        let (state, _) = status(lab, swarm, n)
        var o = JSONObject()
        o[new: "ID"] = .string(node.id)
        o[new: "Version"] = ["Index": .int(Int64(node.version))]
        o[new: "CreatedAt"] = .string(DockerTime.rfc3339Nano(node.createdAt))
        o[new: "UpdatedAt"] = .string(DockerTime.rfc3339Nano(node.updatedAt))
        o[new: "Spec"] = ["Labels": .object(JSONObject(node.labels.sorted { $0.key < $1.key }.map { ($0.key, JSONValue.string($0.value)) })), "Role": .string(node.role), "Availability": .string(node.availability)]
        o[new: "Description"] = [
            "Hostname": .string(node.hostname),
            "Platform": ["Architecture": "x86_64", "OS": "linux"],
            "Resources": ["NanoCPUs": .int(Int64(SystemInfo.cpus) * 1_000_000_000), "MemoryBytes": .int(SystemInfo.memTotal)],
            "Engine": ["EngineVersion": .string(VersionInfo.serverVersion),
                       "Plugins": .array(plugins.flatMap { kind in kind.names.map { ["Type": .string(kind.type), "Name": .string($0)] } })],
            "TLSInfo": SwarmCA.json(swarm.id),
        ]
        o[new: "Status"] = ["State": .string(state), "Addr": .string(node.addr)]
        if node.isManager {
            let leader = swarm.leader(lab) == n
            var m = JSONObject()
            if leader { m[new: "Leader"] = true }
            m[new: "Reachability"] = .string(swarm.isUp(n, lab) ? "reachable" : "unreachable")
            m[new: "Addr"] = .string(node.addr + ":" + node.managerPort)
            o[new: "ManagerStatus"] = .object(m)
        }
        return .object(o)
    }

    static func inspect(_ i: DockerInvocation, _ p: inout ProcessContext, _ lab: Lab) throws(EngineError) -> Int32 {
        do { try lab.requireManager() } catch {
            // The client prints what it found (nothing) before the error.
            if i.value("format") == nil && !i.flag("pretty") { p.write("[]\n") }
            throw error
        }
        guard let swarm = lab.swarm else { return 1 }
        var found: [Int] = []
        var errors: [String] = []
        for ref in i.arguments {
            do { found.append(try lab.node(ref)) } catch { errors.append("Error response from daemon: " + error.message) }
        }
        let pretty = found.map { prettyText(lab, swarm, $0) }.joined(separator: "\n\n") + (found.isEmpty ? "" : "\n")
        return DockerDaemon.print(SwarmInspection.output(i, json: found.map { json(lab, swarm, $0) }, pretty: [pretty], errors: errors), &p)
    }

    /// `--pretty` (docker/cli nodeInspectPrettyTemplate).
    static func prettyText(_ lab: Lab, _ swarm: SwarmCluster, _ n: Int) -> String {
        let node = swarm.nodes[n]
        let (state, _) = status(lab, swarm, n)
        var s = "ID:\t\t\t\(node.id)\n"
        if !node.labels.isEmpty {
            s += "Labels:\n" + node.labels.keys.sorted().map { k in " - \(k)" + (node.labels[k]!.isEmpty ? "" : "=\(node.labels[k]!)") + "\n" }.joined()
        }
        s += "Hostname:              \t\(node.hostname)\n"
        s += "Joined at:             \t\(DockerTime.pretty(node.createdAt))\n"
        s += "Status:\n State:\t\t\t\(pretty(state))\n Availability:         \t\(pretty(node.availability))\n Address:\t\t\(node.addr)\n"
        if node.isManager {
            s += "Manager Status:\n Address:\t\t\(node.addr):\(node.managerPort)\n Raft Status:\t\t\(pretty(swarm.isUp(n, lab) ? "reachable" : "unreachable"))\n"
            s += swarm.leader(lab) == n ? " Leader:\t\tYes\n" : " Leader:\t\tNo\n"
        }
        s += "Platform:\n Operating System:\tlinux\n Architecture:\t\tx86_64\n"
        s += "Resources:\n CPUs:\t\t\t\(SystemInfo.cpus)\n Memory:\t\t\(HumanSize.binary(Double(SystemInfo.memTotal)))\n"
        s += "Plugins:\n" + plugins.map { " \($0.type):\t\t\($0.names.joined(separator: ", "))\n" }.joined()
        s += "Engine Version:\t\t\(VersionInfo.serverVersion)\n"
        s += "TLS Info:\n TrustRoot:\n\(SwarmCA.trustRoot(swarm.id))\n Issuer Subject:\t\(SwarmCA.issuerSubject)\n"
        s += " Issuer Public Key:\t\(SwarmCA.publicKey(swarm.id))"
        return s
    }
}
