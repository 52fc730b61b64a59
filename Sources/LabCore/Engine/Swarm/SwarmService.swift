/// A swarm service as the managers keep it: its spec (what the learner asked for, shaped like
/// the Engine API's `ServiceSpec`), its previous spec (for `service rollback`), its virtual IPs,
/// and where an update stands.
public struct SwarmService: Codable, Sendable, Equatable {
    public var id: String
    public var spec: ServiceSpec
    public var previousSpec: ServiceSpec?
    public var createdAt: Double
    public var updatedAt: Double
    public var version: Int
    /// The virtual IP on each network it is attached to (network id → address/prefix), empty with dnsrr.
    public var virtualIPs: [VirtualIP] = []
    /// swarmkit's UpdateStatus: "updating" or "rollback_started" while tasks are replaced and
    /// watched, then "completed" or "rollback_completed"; nil before any update and after an
    /// update that replaced no task (controlapi UpdateService resets it).
    public var updateState: String?
    public var updateStartedAt: Double?
    public var updateCompletedAt: Double?
    public var updateMessage: String?
    /// When an update in progress completes: its last task replaced, then the monitoring period
    /// watched (swarmkit updater.go Run, completeUpdate).
    public var updateCompletesAt: Double?

    /// One virtual IP: the network and the address with its prefix length.
    public struct VirtualIP: Codable, Sendable, Equatable {
        public var networkID: String
        public var addr: String
    }
}

/// What a service runs and how (the API's ServiceSpec, the fields the lab carries out).
public struct ServiceSpec: Codable, Sendable, Equatable {
    public var name: String
    public var labels: [String: String] = [:]
    /// The image as the learner named it (the daemon resolves no digest: the lab has no registry to ask).
    public var image: String
    /// The command (--entrypoint replaces the image's entrypoint) and its arguments.
    public var command: [String]?
    public var args: [String]?
    public var env: [String] = []
    public var workdir: String?
    public var user: String?
    public var hostname: String?
    public var containerLabels: [String: String] = [:]
    public var mounts: [[String: String]] = []
    public var secrets: [FileReference] = []
    public var configs: [FileReference] = []
    public var stopGracePeriod: Double?
    public var healthcheck: [String]?
    public var healthInterval: Double?
    public var healthRetries: Int?
    /// nil for a global service.
    public var replicas: Int?
    public var maxReplicasPerNode: Int = 0
    public var constraints: [String] = []
    /// Placement preferences (`spread=node.labels.zone`).
    public var preferences: [String] = []
    public var reserveMemory: Int64 = 0
    public var reserveNanoCPUs: Int64 = 0
    public var limitMemory: Int64 = 0
    public var limitNanoCPUs: Int64 = 0
    public var restartCondition: String = "any"
    public var restartDelay: Double = 5
    public var restartMaxAttempts: Int = 0
    public var updateParallelism: Int = 1
    public var updateDelay: Double = 0
    public var updateFailureAction: String = "pause"
    public var updateOrder: String = "stop-first"
    public var rollbackParallelism: Int = 1
    public var rollbackDelay: Double = 0
    public var rollbackFailureAction: String = "pause"
    public var rollbackOrder: String = "stop-first"
    /// Network ids and the aliases on each.
    public var networks: [NetworkAttachment] = []
    /// "vip" or "dnsrr".
    public var endpointMode: String = "vip"
    public var ports: [PortConfig] = []
    /// Whether the resources came from a stack's deploy section (its JSON then shows only what was given).
    public var stackResources = false
    /// Bumped by `--force` so tasks are replaced without any other change.
    public var forceUpdate: Int = 0

    public var isGlobal: Bool { replicas == nil }

    /// Whether tasks made from this spec are up to date with `other` (swarmkit orchestrator
    /// IsTaskDirty: the task template and the endpoint count; the name, labels, replica count and
    /// update and rollback settings do not, so changing them replaces no task).
    public func runsSameTasks(as other: ServiceSpec) -> Bool { taskPart == other.taskPart }

    /// The spec without what IsTaskDirty ignores.
    var taskPart: ServiceSpec {
        var s = self
        s.name = ""
        s.labels = [:]
        s.replicas = nil
        s.updateParallelism = 1
        s.updateDelay = 0
        s.updateFailureAction = "pause"
        s.updateOrder = "stop-first"
        s.rollbackParallelism = 1
        s.rollbackDelay = 0
        s.rollbackFailureAction = "pause"
        s.rollbackOrder = "stop-first"
        return s
    }

    /// A network a service's tasks join, with aliases.
    public struct NetworkAttachment: Codable, Sendable, Equatable {
        public var target: String
        public var aliases: [String] = []
    }

    /// A published port: `published:target/protocol`, in ingress (routing mesh) or host mode.
    public struct PortConfig: Codable, Sendable, Equatable {
        public var protocolName: String = "tcp"
        public var targetPort: Int
        public var publishedPort: Int
        public var publishMode: String = "ingress"
    }

    /// A secret or config mounted into the tasks: which one, as which file, owner and mode.
    public struct FileReference: Codable, Sendable, Equatable {
        public var id: String
        public var name: String
        public var target: String
        public var uid: String = "0"
        public var gid: String = "0"
        public var mode: Int = 0o444
    }
}

/// One task: a slot of a replicated service (or a node of a global one) at one moment; each
/// replacement is a new task, and the old ones stay as history (`service ps` shows them).
public struct SwarmTask: Codable, Sendable, Equatable {
    public var id: String
    public var serviceID: String
    /// The replica's slot (1…), 0 for a global service's task.
    public var slot: Int
    /// The node it is assigned to (empty while pending).
    public var nodeID: String
    /// The spec it runs (the service's at the time it was made).
    public var spec: ServiceSpec
    /// "running" or "shutdown" (what the orchestrator wants).
    public var desiredState: String
    /// new, pending, assigned, preparing, starting, running, complete, shutdown, failed, rejected, orphaned.
    public var state: String
    /// When the state last changed (what "Running 5 minutes ago" counts from).
    public var timestamp: Double
    public var message: String
    public var error: String?
    /// The container it runs on its node's machine.
    public var containerID: String?
    public var createdAt: Double
    public var updatedAt: Double
    public var version: Int
    /// Its address on each network (network id → address/prefix).
    public var addresses: [SwarmService.VirtualIP] = []

    /// Whether it counts as a live replica (wanted running and not yet ended).
    public var isLive: Bool { desiredState == "running" && ["new", "pending", "assigned", "accepted", "preparing", "starting", "running"].contains(state) }
}
