/// The lab's machines as a small private network: each machine's address, finding one by name
/// or address, moving the learner between them with `ssh`, and powering them off and on (so
/// losing a node can be practised).
extension Lab {
    /// The private network the machines share (as Play with Docker gives its instances).
    public static let machineSubnet = "192.168.0.0/24"

    /// The DNS server the machines ask (their network's gateway). The lab is offline: it answers
    /// no name from outside the lab, so a registry host such as `nosuch:5000` fails in its lookup,
    /// which Go words `lookup nosuch on 192.168.0.1:53: no such host`.
    public static let resolver = "192.168.0.1"

    /// The address of machine `index` on the lab's private network: node1 is 192.168.0.11.
    public static func address(ofMachine index: Int) -> String { "192.168.0.\(11 + index)" }

    /// The address of the machine the learner is on.
    public var address: String { Self.address(ofMachine: current) }

    /// The machine a name (`node2`, `root@node2`) or address (`192.168.0.12`) names, if any.
    public func machineIndex(named name: String) -> Int? {
        let host = name.split(separator: "@", maxSplits: 1).last.map(String.init) ?? name
        if let i = machines.firstIndex(where: { $0.hostname == host }) { return i }
        return machines.indices.first { Self.address(ofMachine: $0) == host }
    }

    /// The machines the learner came from by `ssh`, innermost last (empty at the first machine).
    public var sshOrigins: [Int] {
        get { sshStack ?? [] }
        set { sshStack = newValue.isEmpty ? nil : newValue }
    }

    /// Whether machine `index` is powered off.
    public func isPoweredOff(_ index: Int) -> Bool { poweredOff?.contains(index) ?? false }

    /// Powers machine `index` off: its running containers end as a power loss ends them (exit
    /// status 255, no restart until the machine is back), and a learner on it is returned to the
    /// machine they came from.
    public mutating func powerOff(_ index: Int) {
        guard !isPoweredOff(index) else { return }
        let now = clock.now
        var engine = machines[index].engine
        for c in engine.containers.indices where engine.containers[c].state.running || engine.containers[c].state.status == "restarting" {
            engine.finish(c, code: 255, now: now)
        }
        machines[index].engine = engine
        poweredOff = (poweredOff ?? []).union([index])
        while current == index, let back = sshOrigins.last {
            sshOrigins.removeLast()
            current = back
        }
        reconcileSwarm()
    }

    /// Powers machine `index` on again: containers whose restart policy is `always` or
    /// `unless-stopped` start again, as the engine does at boot.
    public mutating func powerOn(_ index: Int) {
        guard isPoweredOff(index) else { return }
        poweredOff?.remove(index)
        if poweredOff?.isEmpty == true { poweredOff = nil }
        DaemonSession.with(&self, machine: index) { (s: inout DaemonSession) in
            for c in s.engine.containers.indices {
                let policy = s.engine.containers[c].hostConfig.restartPolicy
                guard policy == "always" || policy == "unless-stopped" else { continue }
                _ = try? s.engine.start(s.engine.containers[c].id, ids: &s.ids, hostFiles: &s.files, now: s.now)
            }
        }
        reconcileSwarm()
    }
}
