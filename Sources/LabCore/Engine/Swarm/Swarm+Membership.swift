/// Who is in the swarm: init, join, leave, and the node changes a manager makes (role,
/// availability, labels, removal), with the Raft rules a learner meets (a worker cannot manage;
/// without more than half of the managers there is no leader).
extension Lab {
    /// The swarm node the current machine is, if it is in a swarm.
    var currentNode: Int? { swarm?.nodeIndex(machine: current) }

    /// Checks that the current machine may read or change the cluster state: it is in a swarm,
    /// a manager, and the managers have a quorum.
    func requireManager() throws(EngineError) {
        guard let swarm, let n = currentNode else { throw SwarmMessages.notInSwarm }
        guard swarm.nodes[n].isManager else { throw SwarmMessages.workerNotManager }
        guard swarm.hasQuorum(self) else { throw SwarmMessages.noLeader }
    }

    /// `docker swarm init`: a new swarm with this machine as its first manager and leader.
    public mutating func swarmInit(advertiseAddr: String?, availability: String?) throws(EngineError) -> String {
        if currentNode != nil { throw SwarmMessages.alreadyInSwarm }
        if let swarm, swarm.nodes.contains(where: { !$0.left }) {
            throw .other("lab: this lab already has a swarm (its managers: \(swarm.nodes.filter { $0.isManager && !$0.left }.map(\.hostname).joined(separator: ", "))); join it with docker swarm join, or leave it first", status: 503)
        }
        let (addr, port) = try advertiseAddress(advertiseAddr)
        let now = clock.now
        let digest = SwarmCluster.base36(&ids, count: 50)
        var cluster = SwarmCluster(id: SwarmCluster.newID(&ids), createdAt: now, updatedAt: now, version: 10, nextIndex: 10,
                                   workerToken: SwarmCluster.joinToken(digest: digest, &ids),
                                   managerToken: SwarmCluster.joinToken(digest: digest, &ids), nodes: [])
        var node = SwarmNode(id: SwarmCluster.newID(&ids), machine: current, hostname: machine.hostname, role: "manager",
                             availability: availability ?? "active", labels: [:], addr: addr, createdAt: now, updatedAt: now,
                             version: cluster.nextVersion())
        node.managerPort = port
        cluster.nodes.append(node)
        swarm = cluster
        addSwarmNetworks(machine: current, ingress: Self.ingressNetwork(&ids, now: now))
        return node.id
    }

    /// The address a node advertises and its manager port: the machine's own (`eth0`), or an IP
    /// address as given, with an optional `:PORT` kept as typed.
    func advertiseAddress(_ requested: String?) throws(EngineError) -> (host: String, port: String) {
        guard let given = requested, !given.isEmpty else { return (address, "2377") }
        var host = given
        var port = "2377"
        if let colon = given.lastIndex(of: ":") {
            host = String(given[..<colon])
            port = String(given[given.index(after: colon)...])
        }
        if host == "eth0" { return (address, port) }
        guard let ip = DockerEngine.ipv4(host), ip != 0 else {
            // moby daemon/cluster/listen_addr.go errBadAdvertiseAddr.
            throw .other("advertise address must be a non-zero IP address or network interface (with optional port number)", status: 400)
        }
        return (host, port)
    }

    /// `docker swarm join --token TOKEN HOST[:PORT]`: joins as the token's role.
    public mutating func swarmJoin(token: String, remote: String) throws(EngineError) -> String {
        if currentNode != nil { throw SwarmMessages.alreadyInSwarm }
        if !token.isEmpty {
            let parts = token.split(separator: "-", omittingEmptySubsequences: false)
            guard parts.count == 4, parts[0] == "SWMTKN", parts[1] == "1", parts[2].count == 50, parts[3].count == 25 else {
                throw SwarmMessages.invalidToken
            }
        }
        var host = remote
        var port = "2377"
        if let colon = remote.lastIndex(of: ":") {
            host = String(remote[..<colon])
            port = String(remote[remote.index(after: colon)...])
        }
        guard var cluster = swarm,
              let managerIndex = cluster.nodes.firstIndex(where: { $0.isManager && !$0.left && ($0.addr == host || $0.hostname == host) && $0.managerPort == port }),
              cluster.isUp(managerIndex, self) else { throw SwarmMessages.connectionRefused(host + ":" + port) }
        guard cluster.hasQuorum(self) else { throw SwarmMessages.joinTimeout }
        let role: String
        if token == cluster.workerToken { role = "worker" } else if token == cluster.managerToken { role = "manager" } else {
            throw SwarmMessages.wrongToken
        }
        let now = clock.now
        let node = SwarmNode(id: SwarmCluster.newID(&ids), machine: current, hostname: machine.hostname, role: role, availability: "active",
                             labels: [:], addr: address, createdAt: now, updatedAt: now, version: cluster.nextVersion())
        let overlays = swarmNetworks()
        cluster.nodes.append(node)
        swarm = cluster
        if let ingress = overlays.first(where: { $0.name == "ingress" }) { addSwarmNetworks(machine: current, ingress: ingress) }
        if role == "manager" { for net in overlays where machine.engine.networkIndex(net.id) == nil { machines[current].engine.networks.append(net) } }
        return role
    }

    /// `docker swarm leave [--force]`: the node leaves; a manager only with --force.
    public mutating func swarmLeave(force: Bool) throws(EngineError) {
        guard var cluster = swarm, let n = currentNode else { throw SwarmMessages.notPartOfSwarm }
        if cluster.nodes[n].isManager && !force {
            let reachable = cluster.reachableManagers(self).count
            let total = cluster.nodes.filter { $0.isManager && !$0.left }.count
            let losesQuorum = (reachable - 1) * 2 <= total - 1 || reachable <= 1
            throw SwarmMessages.managerLeaving(lastManager: reachable <= 1, reachable: reachable, total: total, losesQuorum: losesQuorum)
        }
        cluster.nodes[n].left = true
        cluster.nodes[n].updatedAt = clock.now
        // The node's task containers go with it (moby daemon/cluster/swarm.go Leave removes them).
        let here = cluster.nodes[n].id
        for t in cluster.tasks.indices where cluster.tasks[t].nodeID == here && cluster.tasks[t].desiredState == "running" {
            cluster.tasks[t].desiredState = "shutdown"
        }
        machines[current].engine.containers.removeAll { $0.config.labels["com.docker.swarm.task.id"] != nil }
        dropSwarmNetworks(machine: current)
        if cluster.nodes.allSatisfy({ $0.left || !$0.isManager }) && cluster.nodes[n].isManager {
            swarm = nil
        } else {
            swarm = cluster
        }
    }

    /// A node by id, id prefix or hostname, as moby's getNode finds it; `self` (the current
    /// node) only where the client resolves it (node inspect, node ps).
    func node(_ reference: String, allowSelf: Bool = true) throws(EngineError) -> Int {
        guard let swarm else { throw SwarmMessages.notInSwarm }
        if allowSelf, reference == "self", let n = currentNode { return n }
        if let i = swarm.nodes.firstIndex(where: { $0.id == reference }) { return i }
        let named = swarm.nodes.indices.filter { swarm.nodes[$0].hostname == reference }
        if named.count == 1 { return named[0] }
        let prefixed = swarm.nodes.indices.filter { swarm.nodes[$0].id.hasPrefix(reference) }
        if prefixed.count == 1 { return prefixed[0] }
        if prefixed.count > 1 || named.count > 1 { throw SwarmMessages.ambiguousNode(reference, max(prefixed.count, named.count)) }
        throw SwarmMessages.noSuchNode(reference)
    }

    /// `docker node update`, `promote`, `demote`: a node's role, availability and labels.
    public mutating func updateNode(_ reference: String, role: String? = nil, availability: String? = nil,
                                    addLabels: [String: String] = [:], removeLabels: [String] = []) throws(EngineError) {
        try requireManager()
        let n = try node(reference, allowSelf: false)
        guard var cluster = swarm else { return }
        var node = cluster.nodes[n]
        // swarmkit api/types: the availability is one of the enum's values.
        if let availability, !["active", "pause", "drain"].contains(availability) { throw .other("invalid Availability: \"\(availability)\"", status: 400) }
        if let role, role != node.role {
            if role == "worker" && node.isManager {
                let managers = cluster.nodes.filter { $0.isManager && !$0.left }.count
                if managers == 1 { throw SwarmMessages.demoteLast }
                let reachable = cluster.reachableManagers(self).count - (cluster.isUp(n, self) ? 1 : 0)
                if reachable * 2 <= managers - 1 { throw SwarmMessages.demoteLosesQuorum }
            }
            node.role = role
        }
        if let availability { node.availability = availability }
        for key in removeLabels {
            guard node.labels[key] != nil else { throw .other("key \(key) doesn't exist in node's labels", status: -1) }
            node.labels[key] = nil
        }
        for (k, v) in addLabels { node.labels[k] = v }
        node.updatedAt = clock.now
        node.version = cluster.nextVersion()
        let overlays = node.isManager && !cluster.nodes[n].isManager ? swarmNetworks() : []
        cluster.nodes[n] = node
        swarm = cluster
        for net in overlays where machines[node.machine].engine.networkIndex(net.id) == nil { machines[node.machine].engine.networks.append(net) }
    }

    /// `docker node rm [--force]`: only a node that is down (or any worker with --force); never a manager.
    public mutating func removeNode(_ reference: String, force: Bool) throws(EngineError) {
        try requireManager()
        let n = try node(reference, allowSelf: false)
        guard var cluster = swarm else { return }
        let node = cluster.nodes[n]
        if node.isManager && !node.left { throw SwarmMessages.removeManager(node.id) }
        if cluster.isUp(n, self) && !force { throw SwarmMessages.removeNotDown(node.id) }
        cluster.nodes.remove(at: n)
        swarm = cluster
    }
}
