/// A swarm: the cluster state its managers share through Raft (nodes, join tokens; services,
/// tasks, secrets and configs as later parts add them), kept once for the lab rather than once
/// per manager, since every manager holds the same copy. Shaped like the Engine API's `Swarm`
/// and `Node` objects, which `docker node inspect` and `docker info` print.
public struct SwarmCluster: Codable, Sendable, Equatable {
    /// The cluster's id (25 characters, as swarmkit's identity.NewID gives).
    public var id: String
    public var createdAt: Double
    public var updatedAt: Double
    /// The Raft log index the cluster object was last written at (`Version.Index`).
    public var version: Int
    /// The next Raft log index: every write to the cluster state takes one.
    public var nextIndex: Int
    /// The join tokens (`SWMTKN-1-<root CA digest>-<secret>`); both share the digest part.
    public var workerToken: String
    public var managerToken: String
    /// The nodes, in the order they joined.
    public var nodes: [SwarmNode]
    /// The services, in creation order.
    public var services: [SwarmService] = []
    /// Every task still kept (live ones and up to `taskHistoryLimit` per slot of history).
    public var tasks: [SwarmTask] = []
    /// Secrets and configs (`docker secret`, `docker config`).
    public var secrets: [SwarmFile] = []
    public var configs: [SwarmFile] = []

    /// How many tasks of one slot are kept (TaskHistoryRetentionLimit: 5 unless `docker swarm update --task-history-limit`).
    public var historyLimit = 5

    /// The managers' unlock key while autolock is on (`docker swarm init --autolock`); nil otherwise.
    public var unlockKey: String?

    /// A node's index by its id.
    public func nodeIndex(id: String) -> Int? { nodes.firstIndex { $0.id == id } }

    /// A node's index by its machine, if that machine is in the swarm.
    public func nodeIndex(machine: Int) -> Int? { nodes.firstIndex { $0.machine == machine && !$0.left } }

    /// Takes the next Raft index for a write.
    mutating func nextVersion() -> Int {
        nextIndex += 1
        return nextIndex
    }
}

/// One node of a swarm: a machine of the lab, its role, availability and labels.
public struct SwarmNode: Codable, Sendable, Equatable {
    public var id: String
    /// The lab machine it is.
    public var machine: Int
    public var hostname: String
    /// "manager" or "worker".
    public var role: String
    /// "active", "pause" or "drain".
    public var availability: String
    public var labels: [String: String]
    /// The address it advertises (the machine's address).
    public var addr: String
    /// The port (as given) managers listen on for joins: 2377 unless `--advertise-addr HOST:PORT` said otherwise.
    public var managerPort = "2377"
    public var createdAt: Double
    public var updatedAt: Double
    public var version: Int
    /// Whether the node left the swarm (`docker swarm leave`): it stays listed, Down, until
    /// `docker node rm` removes it, as swarmkit keeps it.
    public var left: Bool = false

    public var isManager: Bool { role == "manager" }
}

/// Swarm ids, join tokens and the cluster's manager arithmetic.
extension SwarmCluster {
    /// The managers that can take part in Raft (on a powered machine, not left).
    func reachableManagers(_ lab: Lab) -> [Int] {
        nodes.indices.filter { nodes[$0].isManager && isUp($0, lab) }
    }

    /// Whether a node's machine is powered and the node is still in the swarm.
    func isUp(_ i: Int, _ lab: Lab) -> Bool { !nodes[i].left && !lab.isPoweredOff(nodes[i].machine) }

    /// Whether more than half of the managers are reachable (Raft's quorum). A manager that left
    /// with --force stays a Raft member, unreachable, until `docker node rm` removes it.
    func hasQuorum(_ lab: Lab) -> Bool {
        let managers = nodes.filter(\.isManager).count
        return reachableManagers(lab).count * 2 > managers
    }

    /// The leader: the longest-serving reachable manager, while there is a quorum.
    func leader(_ lab: Lab) -> Int? {
        guard hasQuorum(lab) else { return nil }
        return reachableManagers(lab).first
    }

    /// A swarmkit id: 25 characters of lowercase base 36 (identity.NewID).
    static func newID(_ ids: inout IDSource) -> String { base36(&ids, count: 25) }

    /// `count` random base-36 characters.
    static func base36(_ ids: inout IDSource, count: Int) -> String {
        let digits = Array("0123456789abcdefghijklmnopqrstuvwxyz".utf8)
        var out = [UInt8]()
        out.reserveCapacity(count)
        for _ in 0..<count { out.append(digits[Int(ids.next() % 36)]) }
        return String(decoding: out, as: UTF8.self)
    }

    /// A join token: `SWMTKN-1-` + the root CA's digest (50 characters) + `-` + a secret (25).
    static func joinToken(digest: String, _ ids: inout IDSource) -> String {
        "SWMTKN-1-\(digest)-\(base36(&ids, count: 25))"
    }
}

/// A secret or a config: a named blob the managers keep and mount into tasks.
public struct SwarmFile: Codable, Sendable, Equatable {
    public var id: String
    public var name: String
    public var data: String
    public var labels: [String: String]
    public var createdAt: Double
    public var updatedAt: Double
    public var version: Int
}
