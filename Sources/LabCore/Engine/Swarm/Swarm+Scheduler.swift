import Foundation

/// Where a task may run and where it goes: swarmkit's scheduler pipeline (manager/scheduler:
/// ready and available nodes, resources, constraints, max replicas per node) and its spread
/// (fewest tasks of the service, then fewest tasks, placement preferences first), with the
/// reason a pending task shows ("no suitable node (… on N nodes)", filter.go's Explain texts).
extension Lab {
    /// A constraint expression: `node.role==manager`, `node.labels.zone!=east`.
    struct Constraint: Equatable {
        let key: String
        let equal: Bool
        let value: String

        /// Parses one constraint as swarmkit's constraint.Parse does (`==` or `!=`, a known key).
        static func parse(_ text: String) -> Constraint? {
            for (op, equal) in [("==", true), ("!=", false)] {
                guard let r = text.range(of: op) else { continue }
                let key = text[..<r.lowerBound].trimmingCharacters(in: .whitespaces)
                let value = text[r.upperBound...].trimmingCharacters(in: .whitespaces)
                guard !key.isEmpty, !value.isEmpty else { return nil }
                return Constraint(key: key, equal: equal, value: value)
            }
            return nil
        }

        /// Whether a node satisfies it (keys are case-insensitive, as swarmkit compares them).
        func holds(_ node: SwarmNode) -> Bool {
            let k = key.lowercased()
            let actual: String?
            switch k {
            case "node.id": actual = node.id
            case "node.hostname": actual = node.hostname
            case "node.role": actual = node.role
            case "node.ip": actual = node.addr
            case "node.platform.os": actual = "linux"
            case "node.platform.arch": actual = "x86_64"
            default:
                if k.hasPrefix("node.labels.") { actual = node.labels[String(key.dropFirst("node.labels.".count))] }
                else if k.hasPrefix("engine.labels.") { actual = nil }
                else { actual = nil }
            }
            let same = actual.map { $0.lowercased() == value.lowercased() } ?? false
            return equal ? same : !same
        }
    }

    /// Whether a node meets a spec's constraints and limits (not counting its availability).
    func fits(_ spec: ServiceSpec, node n: Int, _ cluster: SwarmCluster) -> Bool {
        let node = cluster.nodes[n]
        for text in spec.constraints { if let c = Constraint.parse(text), !c.holds(node) { return false } }
        if spec.reserveMemory > 0 || spec.reserveNanoCPUs > 0 {
            let live = cluster.tasks.filter { $0.nodeID == node.id && $0.isLive }
            if live.reduce(0, { $0 + $1.spec.reserveMemory }) + spec.reserveMemory > SystemInfo.memTotal { return false }
            if live.reduce(0, { $0 + $1.spec.reserveNanoCPUs }) + spec.reserveNanoCPUs > Int64(SystemInfo.cpus) * 1_000_000_000 { return false }
        }
        return true
    }

    /// The node a new task goes to, or nil when none is eligible.
    func schedule(_ cluster: SwarmCluster, _ task: SwarmTask, load: SchedulerLoad) -> Int? {
        let spec = task.spec
        func ofService(_ n: Int) -> Int { load.ofService[cluster.nodes[n].id] ?? 0 }
        func total(_ n: Int) -> Int { load.total[cluster.nodes[n].id] ?? 0 }
        let eligible = cluster.nodes.indices.filter { n in
            guard cluster.isUp(n, self), cluster.nodes[n].availability == "active", fits(spec, node: n, cluster) else { return false }
            return spec.maxReplicasPerNode == 0 || ofService(n) < spec.maxReplicasPerNode
        }
        guard !eligible.isEmpty else { return nil }
        var candidates = eligible
        // Placement preferences: spread over the values of a label, the emptiest group first.
        for pref in spec.preferences {
            guard pref.hasPrefix("spread=") else { continue }
            let label = String(pref.dropFirst("spread=".count))
            func value(_ n: Int) -> String {
                label.hasPrefix("node.labels.") ? cluster.nodes[n].labels[String(label.dropFirst("node.labels.".count))] ?? "" : ""
            }
            var groups: [String: Int] = [:]
            for n in candidates { groups[value(n), default: 0] += ofService(n) }
            guard let fewest = groups.values.min() else { break }
            let chosen = groups.filter { $0.value == fewest }.keys.sorted().first
            candidates = candidates.filter { value($0) == chosen }
        }
        return candidates.min { (ofService($0), total($0), $0) < (ofService($1), total($1), $1) }
    }

    /// Why no node is eligible, as the scheduler's pipeline explains it.
    func unschedulableReason(_ cluster: SwarmCluster, _ spec: ServiceSpec) -> String {
        var notAvailable = 0, constraints = 0, resources = 0
        for n in cluster.nodes.indices where !cluster.nodes[n].left {
            if !cluster.isUp(n, self) || cluster.nodes[n].availability != "active" { notAvailable += 1; continue }
            var resourceSpec = spec
            resourceSpec.constraints = []
            if !fits(resourceSpec, node: n, cluster) { resources += 1; continue }
            if !fits(spec, node: n, cluster) { constraints += 1 }
        }
        func count(_ n: Int) -> String { n == 1 ? "1 node" : "\(n) nodes" }
        var parts: [(Int, String)] = []
        if notAvailable > 0 { parts.append((notAvailable, notAvailable == 1 ? "1 node not available for new tasks" : "\(notAvailable) nodes not available for new tasks")) }
        if resources > 0 { parts.append((resources, "insufficient resources on \(count(resources))")) }
        if constraints > 0 { parts.append((constraints, "scheduling constraints not satisfied on \(count(constraints))")) }
        let explanation = parts.enumerated().sorted { ($0.element.0, -$0.offset) > ($1.element.0, -$1.offset) }.map(\.element.1).joined(separator: "; ")
        return explanation.isEmpty ? "no suitable node" : "no suitable node (\(explanation))"
    }
}

/// How many live tasks each node runs, in all and of one service: counted once per
/// reconciliation and kept up to date as tasks are placed (so placing N tasks costs N, not N²).
struct SchedulerLoad {
    var total: [String: Int] = [:]
    var ofService: [String: Int] = [:]
    let serviceID: String

    init(_ cluster: SwarmCluster, serviceID: String) {
        self.serviceID = serviceID
        for t in cluster.tasks where t.isLive && !t.nodeID.isEmpty {
            total[t.nodeID, default: 0] += 1
            if t.serviceID == serviceID { ofService[t.nodeID, default: 0] += 1 }
        }
    }

    mutating func add(_ nodeID: String) {
        total[nodeID, default: 0] += 1
        ofService[nodeID, default: 0] += 1
    }
}
