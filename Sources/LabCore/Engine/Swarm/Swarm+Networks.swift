/// The swarm's networks: `ingress` (10.0.0.0/24, the routing mesh) and a node's
/// `docker_gwbridge` when it enters a swarm; user overlays (10.0.1.0/24, 10.0.2.0/24, … from the
/// default address pool) created on a manager and present on every manager, and on a worker
/// once a task there uses them; the addresses of virtual IPs and tasks handed out across the
/// whole swarm (swarmkit manager/allocator), not per machine.
extension Lab {
    /// What every node of a swarm shares: the ingress network, made once at init.
    static func ingressNetwork(_ ids: inout IDSource, now: Double) -> Network {
        Network(id: SwarmCluster.newID(&ids), name: "ingress", driver: "overlay", scope: "swarm", created: now, subnet: "10.0.0.0/24",
                gateway: "10.0.0.1", userSubnet: false, isDefaultBridge: false, labels: [:],
                options: ["com.docker.network.driver.overlay.vxlanid_list": "4096"], attachable: false, internal: false, nextHost: 2)
    }

    /// Gives a machine entering the swarm the ingress network.
    mutating func addSwarmNetworks(machine m: Int, ingress: Network) {
        if machines[m].engine.networkIndex(ingress.id) == nil { machines[m].engine.networks.append(ingress) }
    }

    /// Gives a machine its docker_gwbridge, which docker makes when the first task there joins an
    /// overlay (Fixtures/swarm 08), and which stays when the machine leaves the swarm.
    mutating func addGatewayBridge(machine m: Int) {
        let now = clock.now
        var engine = machines[m].engine
        if engine.networkIndex("docker_gwbridge") == nil {
            _ = try? engine.createNetwork(name: "docker_gwbridge", driver: "bridge", subnet: nil, gateway: nil, labels: [:], isInternal: false,
                                          attachable: false, ids: &ids, now: now)
            if let g = engine.networkIndex("docker_gwbridge") {
                engine.networks[g].options = ["com.docker.network.bridge.enable_icc": "false", "com.docker.network.bridge.enable_ip_masquerade": "true",
                                              "com.docker.network.bridge.name": "docker_gwbridge"]
            }
        }
        machines[m].engine = engine
    }

    /// Removes the swarm's overlays from a machine leaving it (its docker_gwbridge stays).
    mutating func dropSwarmNetworks(machine m: Int) {
        machines[m].engine.networks.removeAll { $0.scope == "swarm" }
    }

    /// The swarm's overlay networks (as the first manager holds them).
    func swarmNetworks() -> [Network] {
        guard let swarm, let first = swarm.nodes.first(where: { $0.isManager && !$0.left }) else { return [] }
        return machines[first.machine].engine.networks.filter { $0.scope == "swarm" }
    }

    /// `docker network create -d overlay` on a manager: the next 10.0.N.0/24, on every manager.
    public mutating func createOverlay(name: String, subnet: String?, gateway: String?, labels: [String: String], attachable: Bool,
                                       isInternal: Bool) throws(EngineError) -> String {
        try requireManager()
        guard let swarm else { throw SwarmMessages.notInSwarm }
        if machines[current].engine.networks.contains(where: { $0.name == name }) { throw .networkExists(name) }
        let existing = swarmNetworks()
        var net = Self.ingressNetwork(&ids, now: clock.now)
        net.name = name
        net.labels = labels
        net.attachable = attachable
        net.internal = isInternal
        net.options = ["com.docker.network.driver.overlay.vxlanid_list": String(4096 + existing.count)]
        if let subnet {
            // swarmkit's allocator gives a given subnet its first address as gateway.
            net.subnet = subnet
            let base = subnet.split(separator: "/").first.flatMap { DockerEngine.ipv4(String($0)) } ?? 0
            net.gateway = gateway ?? DockerEngine.dotted(base + 1)
        } else {
            let used = Set(existing.compactMap(\.subnet))
            var k = 1
            while used.contains("10.0.\(k).0/24") { k += 1 }
            net.subnet = "10.0.\(k).0/24"
            net.gateway = "10.0.\(k).1"
        }
        for node in swarm.nodes where node.isManager && !node.left { machines[node.machine].engine.networks.append(net) }
        return net.id
    }

    /// `docker network rm` of an overlay: refused while a service uses it; gone from every machine.
    public mutating func removeOverlay(_ reference: String) throws(EngineError) {
        try requireManager()
        let n = try overlayNetwork(reference)
        let net = machines[current].engine.networks[n]
        if net.name == "ingress" {
            throw Self.rpc("FailedPrecondition", "network \(net.id) (ingress) is a swarm predefined network and cannot be removed")
        }
        // swarmkit names the first user in its store's order (by id).
        if let user = swarm?.services.filter({ s in s.spec.networks.contains { $0.target == net.id } }).min(by: { $0.id < $1.id }) {
            throw Self.rpc("FailedPrecondition", "network \(net.id) is in use by service \(user.id)")
        }
        for m in machines.indices { machines[m].engine.networks.removeAll { $0.id == net.id } }
    }

    /// The lowest free address of an overlay across the swarm: its gateway, the virtual IPs and
    /// every container endpoint on it, on every machine.
    func freeOverlayAddress(_ net: Network) -> String? {
        guard let subnet = net.subnet, let slash = subnet.firstIndex(of: "/"), let base = DockerEngine.ipv4(String(subnet[..<slash])) else { return nil }
        var used = Set<UInt32>()
        if let g = net.gateway.flatMap(DockerEngine.ipv4) { used.insert(g) }
        for s in swarm?.services ?? [] { for v in s.virtualIPs where v.networkID == net.id { if let a = DockerEngine.ipv4(String(v.addr.split(separator: "/")[0])) { used.insert(a) } } }
        for t in swarm?.tasks ?? [] where t.isLive { for a in t.addresses where a.networkID == net.id { if let x = DockerEngine.ipv4(String(a.addr.split(separator: "/")[0])) { used.insert(x) } } }
        for m in machines {
            for c in m.engine.containers { for e in c.endpoints where e.networkID == net.id { if let a = DockerEngine.ipv4(e.ipAddress) { used.insert(a) } } }
        }
        var host: UInt32 = 2
        while used.contains(base + host) { host += 1 }
        return DockerEngine.dotted(base + host)
    }

    /// Gives a new service its virtual IPs: on ingress when it publishes ports, and on each of its networks.
    mutating func assignVirtualIPs(_ s: Int) {
        guard var cluster = swarm else { return }
        let spec = cluster.services[s].spec
        guard spec.endpointMode == "vip" else { cluster.services[s].virtualIPs = []; swarm = cluster; return }
        var targets: [String] = []
        if spec.ports.contains(where: { $0.publishMode == "ingress" }), let ingress = swarmNetworks().first(where: { $0.name == "ingress" }) { targets.append(ingress.id) }
        targets += spec.networks.map(\.target)
        cluster.services[s].virtualIPs.removeAll { !targets.contains($0.networkID) }
        swarm = cluster
        for id in targets where !(swarm?.services[s].virtualIPs.contains { $0.networkID == id } ?? true) {
            guard let net = swarmNetworks().first(where: { $0.id == id }), let addr = freeOverlayAddress(net) else { continue }
            swarm?.services[s].virtualIPs.append(SwarmService.VirtualIP(networkID: id, addr: addr + "/24"))
        }
    }

    /// Writes every overlay's service names into each machine's copy of it (after a reconciliation).
    mutating func refreshServiceRecords() {
        guard let swarm else { return }
        var records: [String: [String: [String]]] = [:]
        for s in swarm.services {
            let live = swarm.tasks.filter { $0.serviceID == s.id && $0.desiredState == "running" && $0.state == "running" }
            for n in s.spec.networks {
                let tasks = live.flatMap { $0.addresses.filter { $0.networkID == n.target }.map { String($0.addr.split(separator: "/")[0]) } }
                let vip = s.virtualIPs.first { $0.networkID == n.target }.map { [String($0.addr.split(separator: "/")[0])] }
                for name in [s.spec.name] + n.aliases {
                    records[n.target, default: [:]][name] = s.spec.endpointMode == "dnsrr" ? tasks : (vip ?? tasks)
                    records[n.target, default: [:]]["tasks." + name] = tasks
                }
            }
        }
        for m in machines.indices {
            for k in machines[m].engine.networks.indices where machines[m].engine.networks[k].scope == "swarm" && !machines[m].engine.networks[k].isIngress {
                let r = records[machines[m].engine.networks[k].id] ?? [:]
                if machines[m].engine.networks[k].serviceRecords != r { machines[m].engine.networks[k].serviceRecords = r }
            }
        }
    }
}
