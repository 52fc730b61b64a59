/// Services as the managers' control API handles them (swarmkit manager/controlapi/service.go):
/// create (name, mode and port checks; published ports taken from 30000 on when not given),
/// update (the previous spec kept for rollback, a rolling replacement of the tasks), rollback,
/// remove; each followed by a reconciliation.
extension Lab {
    /// gRPC's wording of a control API refusal: `rpc error: code = CODE desc = MESSAGE`.
    static func rpc(_ code: String, _ message: String) -> EngineError { .other("rpc error: code = \(code) desc = \(message)", status: 400) }

    /// A service by id, name or unique id prefix (moby daemon/cluster/helpers.go getService).
    func service(_ reference: String) throws(EngineError) -> Int {
        guard let swarm else { throw SwarmMessages.notInSwarm }
        if let i = swarm.services.firstIndex(where: { $0.id == reference || $0.spec.name == reference }) { return i }
        let prefixed = swarm.services.indices.filter { swarm.services[$0].id.hasPrefix(reference) }
        if prefixed.count == 1 { return prefixed[0] }
        if prefixed.count > 1 { throw .other("service \(reference) is ambiguous (\(prefixed.count) matches found)", status: 400) }
        throw .other("service \(reference) not found", status: 404)
    }

    /// The image a service records: pinned to its digest (`nginx:latest@sha256:…`) when the
    /// registry knows it, as the client resolves it before it sends the spec; as typed otherwise.
    public static func pinnedImage(_ typed: String) -> String {
        let name = ImageName(typed)
        guard name.digest == nil, ImageCatalogue.entry(repository: name.repository, tag: name.tag ?? "latest") != nil else { return typed }
        let tagged = ImageName(name.repository + ":" + (name.tag ?? "latest"))
        return "\(tagged.familiar)@\(DockerEngine.digest(tagged))"
    }

    /// Checks a spec as the control API does before storing it.
    func validate(_ spec: ServiceSpec, excluding id: String?) throws(EngineError) {
        guard let swarm else { throw SwarmMessages.notInSwarm }
        if !spec.name.isEmpty && !Self.isDNSLabel(spec.name) { throw Self.rpc("InvalidArgument", "name must be valid as a DNS name component") }
        for c in spec.constraints where Constraint.parse(c) == nil {
            // Fixtures/swarm 04: gRPC's code is Unknown here (swarmkit returns a plain error).
            throw Self.rpc("Unknown", "constraint expected one operator from ==, !=")
        }
        if spec.endpointMode == "dnsrr" && spec.ports.contains(where: { $0.publishMode == "ingress" }) {
            throw Self.rpc("InvalidArgument", "EndpointSpec: port published with ingress mode can't be used with dnsrr mode")
        }
        for p in spec.ports where p.publishedPort != 0 {
            if let other = swarm.services.first(where: { $0.id != id && $0.spec.ports.contains { $0.publishedPort == p.publishedPort && $0.protocolName == p.protocolName } }) {
                let kind = p.publishMode == "host" ? "a host-published port" : "an ingress port"
                throw Self.rpc("InvalidArgument", "port '\(p.publishedPort)' is already in use by service '\(other.spec.name)' (\(other.id)) as \(kind)")
            }
        }
        if let r = spec.replicas, r < 0 { throw Self.rpc("InvalidArgument", "Number of replicas must be non-negative") }
        if let r = spec.replicas, r > Self.maxReplicas {
            throw .other("lab: a service runs at most \(Self.maxReplicas) replicas in the lab (its limit, so that no input can run away)", status: -1)
        }
    }

    /// The most replicas one service may ask for here (the lab's limit, like its containers per machine).
    static let maxReplicas = 1_000

    /// Whether a name is valid for swarmkit (controlapi/common.go: `^[a-zA-Z0-9](?:[-_]*[A-Za-z0-9]+)*$`, at most 63).
    static func isDNSLabel(_ name: String) -> Bool {
        let bytes = Array(name.utf8)
        guard (1...63).contains(bytes.count) else { return false }
        func alnum(_ b: UInt8) -> Bool { (b >= 48 && b <= 57) || (b >= 65 && b <= 90) || (b >= 97 && b <= 122) }
        guard alnum(bytes[0]), alnum(bytes[bytes.count - 1]) else { return false }
        return bytes.allSatisfy { alnum($0) || $0 == UInt8(ascii: "-") || $0 == UInt8(ascii: "_") }
    }

    /// Gives unpublished ports of an ingress service a port from the swarm's range (30000 on).
    private func assignPorts(_ spec: inout ServiceSpec) {
        guard let swarm else { return }
        var used = Set(swarm.services.flatMap { $0.spec.ports.map(\.publishedPort) })
        for k in spec.ports.indices where spec.ports[k].publishedPort == 0 && spec.ports[k].publishMode == "ingress" {
            var port = 30000
            while used.contains(port) { port += 1 }
            spec.ports[k].publishedPort = port
            used.insert(port)
        }
    }

    /// `docker service create`: stores the service and starts its tasks; returns its id.
    public mutating func createService(_ request: ServiceSpec) throws(EngineError) -> String {
        try requireManager()
        var spec = request
        spec.image = Self.pinnedImage(spec.image)
        if spec.name.isEmpty { spec.name = NameGenerator.name(ids: &ids, retry: 0) }
        try validate(spec, excluding: nil)
        guard var cluster = swarm else { throw SwarmMessages.notInSwarm }
        if cluster.services.contains(where: { $0.spec.name == spec.name }) {
            throw Self.rpc("AlreadyExists", "name conflicts with an existing object: service \(spec.name) already exists")
        }
        assignPorts(&spec)
        let now = clock.now
        let service = SwarmService(id: SwarmCluster.newID(&ids), spec: spec, previousSpec: nil, createdAt: now, updatedAt: now,
                                   version: cluster.nextVersion())
        cluster.services.append(service)
        swarm = cluster
        assignVirtualIPs(cluster.services.count - 1)
        reconcileSwarm()
        return service.id
    }

    /// `docker service update` (and `scale`): a new spec; tasks whose spec changed are replaced
    /// slot by slot, `parallelism` at a time, `delay` apart (the clock moves on as it would while
    /// the client waits); a replica count change alone adds or removes slots.
    public mutating func updateService(_ reference: String, to newSpec: ServiceSpec, rollback: Bool = false) throws(EngineError) {
        try requireManager()
        let s = try service(reference)
        guard var cluster = swarm else { return }
        var spec = newSpec
        spec.image = Self.pinnedImage(spec.image)
        try validate(spec, excluding: cluster.services[s].id)
        assignPorts(&spec)
        let old = cluster.services[s].spec
        let now = clock.now
        cluster.services[s].previousSpec = old
        cluster.services[s].spec = spec
        cluster.services[s].updatedAt = now
        cluster.services[s].version = cluster.nextVersion()
        let dirty = !spec.runsSameTasks(as: old)
        // controlapi UpdateService: a rollback starts at once; any other update resets the status,
        // and the updater marks it in progress when it has tasks to replace.
        cluster.services[s].updateState = rollback ? "rollback_started" : nil
        cluster.services[s].updateMessage = rollback ? "manually requested rollback" : nil
        cluster.services[s].updateStartedAt = rollback ? now : nil
        cluster.services[s].updateCompletedAt = nil
        cluster.services[s].updateCompletesAt = nil
        if dirty && !rollback {
            cluster.services[s].updateState = "updating"
            cluster.services[s].updateMessage = "update in progress"
            cluster.services[s].updateStartedAt = now
        }
        swarm = cluster
        assignVirtualIPs(s)
        if dirty { rollTasks(serviceID: cluster.services[s].id, spec: spec, rollback: rollback) }
        if swarm?.services[s].updateState != nil {
            // The updater watches the new tasks for the monitoring period (longer than a delay).
            let delay = rollback ? spec.rollbackDelay : spec.updateDelay
            swarm?.services[s].updateCompletesAt = clock.now + Self.taskStartSeconds + (delay >= Self.monitorSeconds ? delay + 1 : Self.monitorSeconds)
        }
        reconcileSwarm()
    }

    /// The updater's monitoring period (UpdateConfig.Monitor's default, which the lab keeps).
    public static let monitorSeconds = 5.0
    /// How long a new task takes from created to running, as an engine's agent reports it.
    public static let taskStartSeconds = 0.5

    /// Updates whose monitoring period has passed are complete (swarmkit updater.go completeUpdate).
    mutating func completeUpdates(_ cluster: inout SwarmCluster, now: Double) {
        for s in cluster.services.indices {
            guard let at = cluster.services[s].updateCompletesAt, now >= at else { continue }
            let rolledBack = cluster.services[s].updateState == "rollback_started"
            cluster.services[s].updateState = rolledBack ? "rollback_completed" : "completed"
            cluster.services[s].updateMessage = rolledBack ? "rollback completed" : "update completed"
            cluster.services[s].updateCompletedAt = at
            cluster.services[s].updateCompletesAt = nil
        }
    }

    /// Replaces the live tasks of a service whose spec changed, in batches.
    private mutating func rollTasks(serviceID: String, spec: ServiceSpec, rollback: Bool) {
        guard var cluster = swarm else { return }
        let live = cluster.tasks.indices.filter { cluster.tasks[$0].serviceID == serviceID && cluster.tasks[$0].desiredState == "running" }
            .sorted { (cluster.tasks[$0].slot, cluster.tasks[$0].nodeID) < (cluster.tasks[$1].slot, cluster.tasks[$1].nodeID) }
        let parallelism = rollback ? spec.rollbackParallelism : spec.updateParallelism
        let delay = rollback ? spec.rollbackDelay : spec.updateDelay
        let batch = parallelism <= 0 ? max(live.count, 1) : parallelism
        for (k, t) in live.enumerated() {
            // The batches' delay passes in simulated time; under `lab engine` they go at once
            // rather than put the clock ahead of the host's.
            if k > 0 && k % batch == 0 && clockFollowsHost != true { clock.advance(by: delay + 1) }
            let now = clock.now
            shutDown(&cluster, t, now: now)
            let node = cluster.tasks[t].slot == 0 ? cluster.nodeIndex(id: cluster.tasks[t].nodeID) : nil
            let service = cluster.services.first { $0.id == serviceID }!
            var load = SchedulerLoad(cluster, serviceID: serviceID)
            newTask(&cluster, service, slot: cluster.tasks[t].slot, node: node, now: now, load: &load)
        }
        swarm = cluster
    }

    /// `docker service rollback`: the previous spec again.
    public mutating func rollbackService(_ reference: String) throws(EngineError) {
        try requireManager()
        let s = try service(reference)
        guard let previous = swarm?.services[s].previousSpec else {
            throw .other("rpc error: code = FailedPrecondition desc = service \(swarm?.services[s].id ?? "") does not have a previous spec", status: 400)
        }
        try updateService(reference, to: previous, rollback: true)
    }

    /// `docker service rm`: the service, its tasks and their containers.
    public mutating func removeService(_ reference: String) throws(EngineError) {
        try requireManager()
        let s = try service(reference)
        guard var cluster = swarm else { return }
        let id = cluster.services[s].id
        for t in cluster.tasks.indices.reversed() where cluster.tasks[t].serviceID == id {
            removeTaskContainer(cluster, t, now: clock.now)
            cluster.tasks.remove(at: t)
        }
        cluster.services.remove(at: s)
        swarm = cluster
    }
}
