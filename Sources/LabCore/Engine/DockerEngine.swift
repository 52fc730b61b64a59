/// One machine's Docker engine: its containers, images, networks and volumes. A plain value,
/// saved with the lab and copied cheaply for grading; every change goes through the engine's
/// operations (the files beside this one, one per concern), which return results or `EngineError`.
public struct DockerEngine: Codable, Sendable, Equatable {
    /// Containers, oldest first.
    public var containers: [Container] = []
    /// Local images, in the order they arrived.
    public var images: [LocalImage] = []
    /// Networks, in creation order (bridge, host, none first).
    public var networks: [Network] = []
    /// Volumes, in creation order.
    public var volumes: [Volume] = []
    /// The next host port `-P` and `-p 80` hand out (docker's ephemeral range starts at 32768).
    public var nextEphemeralPort = 32768
    /// The second octet of the next 172.x.0.0/16 pool for user networks (the default bridge has 17).
    public var nextPool = 18
    /// The event log `docker events` reads (optional so labs saved before it existed still load).
    public var eventLog: [EngineEvent]?
    /// The earliest simulated time at which a running container's process ends or its health
    /// is checked; nil when none is due, so commands need not look at every container.
    public var nextDeadline: Double?
    /// BuildKit's build cache (nil until a BuildKit build ran, and in labs saved before it existed).
    public var buildCache: BuildKitCache?

    /// The most containers one machine holds: a lab limit that stops a runaway loop with a clear
    /// error instead of slowing everything down.
    public static let containerLimit = 5_000

    /// Notes that something falls due at `time` (a process end, a health check).
    mutating func schedule(_ time: Double) {
        nextDeadline = min(nextDeadline ?? time, time)
    }

    /// An engine as a fresh daemon starts: the bridge, host and none networks, nothing else.
    public init(machine: String, now: Double) {
        var ids = IDSource(seed: UInt64(truncatingIfNeeded: machine.hashValueStable))
        networks = [
            Network(id: ids.hexID(), name: "bridge", driver: "bridge", scope: "local", created: now, subnet: "172.17.0.0/16",
                    gateway: "172.17.0.1", userSubnet: false, isDefaultBridge: true, labels: [:],
                    options: Self.defaultBridgeOptions, attachable: false, internal: false, nextHost: 2),
            Network(id: ids.hexID(), name: "host", driver: "host", scope: "local", created: now, subnet: nil, gateway: nil,
                    userSubnet: false, isDefaultBridge: false, labels: [:], options: [:], attachable: false, internal: false, nextHost: 2),
            Network(id: ids.hexID(), name: "none", driver: "null", scope: "local", created: now, subnet: nil, gateway: nil,
                    userSubnet: false, isDefaultBridge: false, labels: [:], options: [:], attachable: false, internal: false, nextHost: 2),
        ]
    }

    /// The default bridge's driver options, as `docker network inspect bridge` showed them.
    static let defaultBridgeOptions = [
        "com.docker.network.bridge.default_bridge": "true",
        "com.docker.network.bridge.enable_icc": "true",
        "com.docker.network.bridge.enable_ip_masquerade": "false",
        "com.docker.network.bridge.host_binding_ipv4": "0.0.0.0",
        "com.docker.network.bridge.name": "docker0",
        "com.docker.network.driver.mtu": "1500",
    ]

    /// Finds a container as the daemon does: full id, then exact name, then a unique id prefix.
    public func containerIndex(_ reference: String) throws(EngineError) -> Int {
        if reference.isEmpty { throw .noSuchContainer(reference) }
        let name = reference.hasPrefix("/") ? String(reference.dropFirst()) : reference
        for i in containers.indices where containers[i].id.sameBytes(reference) || containers[i].name.sameBytes(name) { return i }
        let matches = containers.indices.filter { containers[$0].id.hasPrefix(reference) }
        if matches.count == 1 { return matches[0] }
        if matches.count > 1 { throw .ambiguousContainer(reference) }
        throw .noSuchContainer(reference)
    }

    /// Settles every container whose main process ended by itself before `now` (`sleep 5`) and
    /// runs the health checks due; a check reads bind mounts from the machine's `hostFiles`.
    public mutating func settle(now: Double, hostFiles: inout VirtualFileSystem) {
        guard let due = nextDeadline, due <= now else { return }
        nextDeadline = nil
        defer {
            for c in containers.indices where containers[c].state.running {
                if let end = containers[c].state.endsAt { schedule(end) }
                if let check = containers[c].state.nextHealthCheck, containers[c].config.healthEnabled { schedule(check) }
            }
        }
        for i in containers.indices {
            runHealthChecks(i, until: now, hostFiles: &hostFiles)
            guard let end = containers[i].state.endsAt, end <= now, containers[i].state.running else { continue }
            processEnded(i, code: containers[i].state.endCode, at: end)
        }
        containers.removeAll { $0.hostConfig.autoRemove && $0.state.status == "exited" }
    }
}

extension String {
    /// A hash of the text that is the same in every run (Swift's `hashValue` is seeded per process).
    var hashValueStable: UInt64 {
        var h: UInt64 = 0xcbf2_9ce4_8422_2325
        for b in utf8 { h = (h ^ UInt64(b)) &* 0x100_0000_01b3 }
        return h
    }
}
