/// A task's container on its node's machine, as the agent's executor makes it (moby
/// daemon/cluster/executor/container: the name `SERVICE.SLOT.TASKID`, the com.docker.swarm.*
/// labels, the secrets under /run/secrets), so `docker ps` on that machine shows it; and the
/// history a slot keeps.
extension Lab {
    /// The container name of a task: `SERVICE.SLOT.TASKID`, or `SERVICE.NODEID.TASKID` for a global service.
    static func taskName(_ task: SwarmTask, service: String) -> String {
        "\(service).\(task.slot == 0 ? task.nodeID : String(task.slot)).\(task.id)"
    }

    /// Pulls the image if the node lacks it, then creates and starts the task's container.
    mutating func startTaskContainer(_ cluster: inout SwarmCluster, _ t: Int, machine m: Int, now: Double) {
        let task = cluster.tasks[t]
        let spec = task.spec
        let serviceName = cluster.services.first { $0.id == task.serviceID }?.spec.name ?? spec.name
        let pinned = ImageName(spec.image)
        let local = pinned.digest == nil ? spec.image : pinned.repository + ":" + (pinned.tag ?? "latest")
        var request = ContainerRequest(image: local)
        request.name = Self.taskName(task, service: serviceName)
        if let command = spec.command {
            request.entrypoint = command.first
            request.cmd = Array(command.dropFirst()) + (spec.args ?? [])
        } else {
            request.cmd = spec.args
        }
        request.env = spec.env
        request.workingDir = spec.workdir
        request.user = spec.user
        request.hostname = spec.hostname
        request.healthcheck = spec.healthcheck
        request.healthInterval = spec.healthInterval
        request.healthRetries = spec.healthRetries
        request.memory = spec.limitMemory
        request.nanoCpus = spec.limitNanoCPUs
        request.mounts = spec.mounts
        var labels = spec.containerLabels
        labels["com.docker.swarm.node.id"] = task.nodeID
        labels["com.docker.swarm.service.id"] = task.serviceID
        labels["com.docker.swarm.service.name"] = serviceName
        labels["com.docker.swarm.task"] = ""
        labels["com.docker.swarm.task.id"] = task.id
        labels["com.docker.swarm.task.name"] = request.name
        request.labels = labels
        // The task's overlays: ingress when it publishes ports, then its networks; each present on
        // the node, with an address free across the swarm.
        let overlays = swarmNetworks()
        var attach: [(Network, String, [String])] = []
        if spec.ports.contains(where: { $0.publishMode == "ingress" }), let ingress = overlays.first(where: { $0.name == "ingress" }) {
            attach.append((ingress, freeOverlayAddress(ingress) ?? "", []))
        }
        for n in spec.networks {
            guard let net = overlays.first(where: { $0.id == n.target }) else { continue }
            attach.append((net, freeOverlayAddress(net) ?? "", n.aliases))
        }
        for (net, _, _) in attach where machines[m].engine.networkIndex(net.id) == nil { machines[m].engine.networks.append(net) }
        if !attach.isEmpty { addGatewayBridge(machine: m) }
        if let first = attach.first { request.network = first.0.name; request.networkAliases = first.2 }
        var files: [(String, String)] = []
        for ref in spec.secrets { files.append(("/run/secrets/" + ref.target, cluster.secrets.first { $0.id == ref.id }?.data ?? "")) }
        for ref in spec.configs { files.append((ref.target.hasPrefix("/") ? ref.target : "/" + ref.target, cluster.configs.first { $0.id == ref.id }?.data ?? "")) }
        let outcome = DaemonSession.with(&self, machine: m) { (s: inout DaemonSession) -> Result<String, EngineError> in
            let image = ImageName(local)
            if s.engine.imageIndex(local) == nil, s.pull(image) == nil {
                return .failure(.other("No such image: \(image.familiar)", status: 404))
            }
            do throws(EngineError) {
                let id = try s.engine.createContainer(request, ids: &s.ids, now: s.now)
                if let c = try? s.engine.containerIndex(id) {
                    s.engine.containers[c].config.image = spec.image
                    s.engine.containers[c].hostConfig.restartPolicy = ""
                    for (path, data) in files {
                        s.engine.containers[c].files.set(.directory, at: "/run/secrets")
                        try? s.engine.containers[c].files.write(data, to: path)
                    }
                }
                _ = try s.engine.start(id, ids: &s.ids, hostFiles: &s.files, now: s.now)
                for (net, _, aliases) in attach.dropFirst() { try? s.engine.connect(id, to: net.id, aliases: aliases, ids: &s.ids, now: s.now) }
                if let c = try? s.engine.containerIndex(id) {
                    for (net, addr, _) in attach {
                        if let e = s.engine.containers[c].endpoints.firstIndex(where: { $0.networkID == net.id }), !addr.isEmpty {
                            s.engine.containers[c].endpoints[e].ipAddress = addr
                            s.engine.containers[c].endpoints[e].prefixLength = 24
                        }
                    }
                }
                return .success(id)
            } catch {
                return .failure(error)
            }
        }
        switch outcome {
        case .success(let id):
            cluster.tasks[t].containerID = id
            cluster.tasks[t].addresses = attach.map { SwarmService.VirtualIP(networkID: $0.0.id, addr: $0.1 + "/24") }
            cluster.tasks[t].state = "running"
            cluster.tasks[t].message = "started"
        case .failure(let error):
            cluster.tasks[t].state = "rejected"
            cluster.tasks[t].message = "preparing"
            cluster.tasks[t].error = error.message
            cluster.tasks[t].desiredState = "shutdown"
        }
        cluster.tasks[t].timestamp = now
        cluster.tasks[t].updatedAt = now
    }

    /// Removes a task's container from its node (scale down, service rm, history trimmed).
    mutating func removeTaskContainer(_ cluster: SwarmCluster, _ t: Int, now: Double) {
        guard let cid = cluster.tasks[t].containerID, let n = cluster.nodeIndex(id: cluster.tasks[t].nodeID) else { return }
        let m = cluster.nodes[n].machine
        guard !isPoweredOff(m) else { return }
        try? machines[m].engine.remove(cid, force: true, volumes: false, now: now)
    }

    /// Keeps at most `taskHistoryLimit` tasks a slot (the oldest ended ones go, with their containers).
    mutating func trimHistory(_ cluster: inout SwarmCluster) {
        var seen: [String: Int] = [:]
        var drop: [Int] = []
        for t in cluster.tasks.indices.reversed() {
            let task = cluster.tasks[t]
            let key = task.serviceID + "/" + (task.slot == 0 ? task.nodeID : String(task.slot))
            seen[key, default: 0] += 1
            if seen[key]! > cluster.historyLimit && task.desiredState != "running" { drop.append(t) }
        }
        for t in drop.sorted(by: >) {
            removeTaskContainer(cluster, t, now: clock.now)
            cluster.tasks.remove(at: t)
        }
    }
}
