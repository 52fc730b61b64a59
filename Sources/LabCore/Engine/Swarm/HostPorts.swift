/// What answers on a lab machine's own ports, as the host's curl reaches them: a container
/// published there (`docker run -p 8080:80`), else, on a swarm node, a service published
/// through the routing mesh, which every node answers for, handing each connection to one of the
/// service's running tasks in turn, on whichever machine it runs.
extension Lab {
    /// The machine a host name names from the current one: localhost, a machine's name, its address.
    func machineReached(by host: String) -> Int? {
        if host == "localhost" || host.hasPrefix("127.") { return current }
        return machineIndex(named: host)
    }

    /// GET `path` on `host:port` from the current machine.
    mutating func hostGet(_ path: String, host: String, port: Int) -> ContainerServers.Reply {
        guard let m = machineReached(by: host) else { return .unreachable }
        if isPoweredOff(m) { return .unreachable }
        let engine = machines[m].engine
        for (i, c) in engine.containers.enumerated() where c.state.running {
            if let b = c.boundPorts.first(where: { $0.hostPort == String(port) && $0.proto == "tcp" }) {
                // A Flask app logs each request, from the network's gateway (docker's proxy).
                if let (app, _) = FlaskApp.serving(c, engine: engine),
                   let (reply, status) = app.answer(path: path, port: b.containerPort, local: false) {
                    let client = c.endpoints.first?.gateway ?? "172.17.0.1"
                    let line = FlaskApp.requestLog(client: client, time: clock.now, path: path, status: status)
                    machines[m].engine.containers[i].logs.append(LogEntry(time: clock.now, stream: .stderr, text: line))
                    return reply
                }
                return ContainerServers.answer(c, path: path, port: b.containerPort, engine: engine)
            }
        }
        guard let swarm, swarm.nodeIndex(machine: m) != nil,
              let service = swarm.services.first(where: { $0.spec.ports.contains { $0.publishedPort == port && $0.publishMode == "ingress" } }),
              let published = service.spec.ports.first(where: { $0.publishedPort == port }) else { return .refused }
        let tasks = swarm.tasks.filter { $0.serviceID == service.id && $0.desiredState == "running" && $0.state == "running" }
            .sorted { ($0.slot, $0.nodeID) < ($1.slot, $1.nodeID) }
        guard !tasks.isEmpty else { return .refused }
        let task = tasks[Int(ids.next() % UInt64(tasks.count))]
        guard let n = swarm.nodeIndex(id: task.nodeID), let cid = task.containerID,
              let c = try? machines[swarm.nodes[n].machine].engine.containerIndex(cid) else { return .refused }
        let owner = machines[swarm.nodes[n].machine].engine
        return ContainerServers.answer(owner.containers[c], path: path, port: published.targetPort, engine: owner)
    }
}
