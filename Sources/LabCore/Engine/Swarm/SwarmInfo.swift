/// What `docker info` says of the swarm on one machine (moby's system.Info.Swarm; docker/cli
/// info.go printSwarmInfo for the text): inactive outside a swarm; the node, its address and the
/// managers' addresses inside; the cluster's settings on a manager.
struct SwarmInfo {
    var nodeID = ""
    var nodeAddr = ""
    var state = "inactive"
    var controlAvailable = false
    var managers = 0
    var nodes = 0
    var managerAddrs: [(id: String, addr: String)] = []
    var cluster: SwarmCluster?

    init() {}

    /// The machine's view of the lab's swarm.
    init(_ lab: Lab, machine m: Int) {
        guard let swarm = lab.swarm, let n = swarm.nodeIndex(machine: m) else { return }
        let node = swarm.nodes[n]
        nodeID = node.id
        nodeAddr = node.addr
        state = "active"
        controlAvailable = node.isManager && swarm.hasQuorum(lab)
        managerAddrs = swarm.nodes.filter { $0.isManager && !$0.left }.map { ($0.id, $0.addr + ":" + $0.managerPort) }
        if controlAvailable {
            managers = managerAddrs.count
            nodes = swarm.nodes.filter { !$0.left }.count
            cluster = swarm
        }
    }

    /// The lines under ` Swarm: …` in `docker info`.
    var text: String {
        guard state != "inactive" else { return "" }
        var s = "  NodeID: \(nodeID)\n  Is Manager: \(controlAvailable)\n"
        if let cluster, controlAvailable {
            s += """
                  ClusterID: \(cluster.id)
                  Managers: \(managers)
                  Nodes: \(nodes)
                  Data Path Port: 4789
                  Orchestration:
                   Task History Retention Limit: \(cluster.historyLimit)
                  Raft:
                   Snapshot Interval: 10000
                   Number of Old Snapshots to Retain: 0
                   Heartbeat Tick: 1
                   Election Tick: 10
                  Dispatcher:
                   Heartbeat Period: 5 seconds
                  CA Configuration:
                   Expiry Duration: 3 months
                   Force Rotate: 0
                  Autolock Managers: \(cluster.unlockKey != nil)
                  Root Rotation In Progress: false

                """
        }
        s += "  Node Address: \(nodeAddr)\n"
        if !managerAddrs.isEmpty { s += "  Manager Addresses:\n" + managerAddrs.map(\.addr).sorted().map { "   \($0)\n" }.joined() }
        return s
    }

    /// The `Swarm` object of `docker info --format '{{json .Swarm}}'`.
    var json: JSONValue {
        var o = JSONObject()
        o[new: "NodeID"] = .string(nodeID)
        o[new: "NodeAddr"] = .string(nodeAddr)
        o[new: "LocalNodeState"] = .string(state)
        o[new: "ControlAvailable"] = .bool(controlAvailable)
        o[new: "Error"] = ""
        o[new: "RemoteManagers"] = state == "inactive" ? .null : .array(managerAddrs.map { ["NodeID": .string($0.id), "Addr": .string($0.addr)] })
        o[new: "Nodes"] = .int(Int64(nodes))
        o[new: "Managers"] = .int(Int64(managers))
        if let cluster, controlAvailable { o[new: "Cluster"] = .object(Self.clusterJSON(cluster)) }
        return .object(o)
    }

    /// The cluster object (moby's swarm.ClusterInfo) `docker info` shows under Swarm.Cluster and
    /// `GET /swarm` answers with, with the join tokens added.
    static func clusterJSON(_ cluster: SwarmCluster) -> JSONObject {
        var spec = JSONObject()
        spec[new: "Name"] = "default"
        spec[new: "Labels"] = .object(JSONObject())
        spec[new: "Orchestration"] = ["TaskHistoryRetentionLimit": .int(Int64(cluster.historyLimit))]
        spec[new: "Raft"] = ["SnapshotInterval": 10000, "KeepOldSnapshots": 0, "LogEntriesForSlowFollowers": 500, "ElectionTick": 10, "HeartbeatTick": 1]
        spec[new: "Dispatcher"] = ["HeartbeatPeriod": 5_000_000_000]
        spec[new: "CAConfig"] = ["NodeCertExpiry": 7_776_000_000_000_000]
        spec[new: "TaskDefaults"] = .object(JSONObject())
        spec[new: "EncryptionConfig"] = ["AutoLockManagers": .bool(cluster.unlockKey != nil)]
        var c = JSONObject()
        c[new: "ID"] = .string(cluster.id)
        c[new: "Version"] = ["Index": .int(Int64(cluster.version))]
        c[new: "CreatedAt"] = .string(DockerTime.rfc3339Nano(cluster.createdAt))
        c[new: "UpdatedAt"] = .string(DockerTime.rfc3339Nano(cluster.updatedAt))
        c[new: "Spec"] = .object(spec)
        c[new: "RootRotationInProgress"] = false
        c[new: "DataPathPort"] = 4789
        return c
    }
}
