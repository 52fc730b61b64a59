/// The Engine API's `Task` object (moby api/types/swarm/task.go, as `GET /tasks` answers and
/// `docker inspect TASK` prints it), built from the lab's task: its spec as the service's task
/// template, its slot and node, its status (state, when, message, error, container) and the
/// state it is wanted in. A task started less than `Lab.taskStartSeconds` ago is reported as
/// `starting`, as an engine's agent reports a container it has just started (what the client's
/// progress sees before a task runs: Fixtures/swarm 04 and 06).
public enum TaskJSON {
    /// The state a task is reported in at `now`.
    static func state(_ t: SwarmTask, now: Double) -> String {
        t.state == "running" && t.desiredState == "running" && now - t.timestamp < Lab.taskStartSeconds ? "starting" : t.state
    }

    public static func json(_ t: SwarmTask, service: SwarmService?, now: Double) -> JSONValue {
        var o = JSONObject()
        o[new: "ID"] = .string(t.id)
        o[new: "Version"] = ["Index": .int(Int64(t.version))]
        o[new: "CreatedAt"] = .string(DockerTime.rfc3339Nano(t.createdAt))
        o[new: "UpdatedAt"] = .string(DockerTime.rfc3339Nano(t.updatedAt))
        o[new: "Labels"] = .object(JSONObject())
        o[new: "Spec"] = ServiceJSON.spec(t.spec)["TaskTemplate"] ?? .null
        o[new: "ServiceID"] = .string(t.serviceID)
        if t.slot != 0 { o[new: "Slot"] = .int(Int64(t.slot)) }
        if !t.nodeID.isEmpty { o[new: "NodeID"] = .string(t.nodeID) }
        var status = JSONObject()
        status[new: "Timestamp"] = .string(DockerTime.rfc3339Nano(t.timestamp))
        status[new: "State"] = .string(state(t, now: now))
        status[new: "Message"] = .string(t.message)
        if let error = t.error { status[new: "Err"] = .string(error) }
        if let cid = t.containerID {
            status[new: "ContainerStatus"] = ["ContainerID": .string(cid), "PID": 0, "ExitCode": 0]
        }
        var ports = JSONObject()
        let host = t.spec.ports.filter { $0.publishMode == "host" }
        if !host.isEmpty { ports[new: "Ports"] = .array(host.map(ServiceJSON.port)) }
        status[new: "PortStatus"] = .object(ports)
        o[new: "Status"] = .object(status)
        o[new: "DesiredState"] = .string(t.desiredState)
        if !t.addresses.isEmpty {
            o[new: "NetworksAttachments"] = .array(t.addresses.map { a in
                ["Network": ["ID": .string(a.networkID)], "Addresses": [.string(a.addr)]]
            })
        }
        return .object(o)
    }
}
