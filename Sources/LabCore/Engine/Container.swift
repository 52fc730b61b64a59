/// A container of one machine's engine, shaped like the Engine API's container inspect object.
///
/// A value type whose fields live in one shared, copy-on-write storage object: the engine copies
/// containers out of its array all the time (iterating it, `first(where:)`, passing
/// `containers[i]` to a function), and a copy is then one reference count instead of one for
/// each of its thirty-odd strings and arrays. A field is written in place when the container is
/// the storage's only owner, else on a fresh copy of the storage, so copies never see each
/// other's changes.
public struct Container: Codable, Sendable, Equatable {
    /// The fields, shared between copies until one of them is changed.
    private var storage: ContainerStorage

    public init(id: String, name: String, created: Double, imageID: String, config: ContainerConfig, hostConfig: HostConfig,
                state: ContainerState, endpoints: [Endpoint], boundPorts: [PortBinding], mounts: [Mount], logs: [LogEntry],
                restartCount: Int, files: VirtualFileSystem, changes: [String: String], pendingAliases: [String] = []) {
        storage = ContainerStorage(ContainerFields(id: id, name: name, created: created, imageID: imageID, config: config,
                                                   hostConfig: hostConfig, state: state, endpoints: endpoints, boundPorts: boundPorts,
                                                   mounts: mounts, logs: logs, restartCount: restartCount, files: files,
                                                   changes: changes, pendingAliases: pendingAliases))
    }

    /// The storage, made this container's own before a field is changed.
    private var unique: ContainerStorage {
        mutating get {
            if !isKnownUniquelyReferenced(&storage) { storage = ContainerStorage(storage.fields) }
            return storage
        }
    }

    public var id: String {
        get { storage.fields.id }
        _modify { yield &unique.fields.id }
    }
    /// The name without docker's leading "/".
    public var name: String {
        get { storage.fields.name }
        _modify { yield &unique.fields.name }
    }
    public var created: Double {
        get { storage.fields.created }
        _modify { yield &unique.fields.created }
    }
    /// The image's id (`sha256:…`).
    public var imageID: String {
        get { storage.fields.imageID }
        _modify { yield &unique.fields.imageID }
    }
    public var config: ContainerConfig {
        get { storage.fields.config }
        _modify { yield &unique.fields.config }
    }
    public var hostConfig: HostConfig {
        get { storage.fields.hostConfig }
        _modify { yield &unique.fields.hostConfig }
    }
    public var state: ContainerState {
        get { storage.fields.state }
        _modify { yield &unique.fields.state }
    }
    /// Endpoints on networks, in the order they were connected.
    public var endpoints: [Endpoint] {
        get { storage.fields.endpoints }
        _modify { yield &unique.fields.endpoints }
    }
    /// Host ports actually bound, by container port ("80/tcp").
    public var boundPorts: [PortBinding] {
        get { storage.fields.boundPorts }
        _modify { yield &unique.fields.boundPorts }
    }
    public var mounts: [Mount] {
        get { storage.fields.mounts }
        _modify { yield &unique.fields.mounts }
    }
    public var logs: [LogEntry] {
        get { storage.fields.logs }
        _modify { yield &unique.fields.logs }
    }
    public var restartCount: Int {
        get { storage.fields.restartCount }
        _modify { yield &unique.fields.restartCount }
    }
    /// The container's own files (the image's, plus what it changed).
    public var files: VirtualFileSystem {
        get { storage.fields.files }
        _modify { yield &unique.fields.files }
    }
    /// Paths changed since creation, for `docker diff` ("A /tmp/f", "C /tmp").
    public var changes: [String: String] {
        get { storage.fields.changes }
        _modify { yield &unique.fields.changes }
    }
    /// --network-alias values, applied on the container's first network when it starts.
    public var pendingAliases: [String] {
        get { storage.fields.pendingAliases }
        _modify { yield &unique.fields.pendingAliases }
    }

    /// The 12-digit id docker shows in tables.
    public var shortID: String { id.characterPrefix(12) }

    /// argv of the main process: entrypoint then command.
    public var processArguments: [String] { (config.entrypoint ?? []) + (config.cmd ?? []) }

    /// Saved as the fields themselves (the storage object does not show).
    public init(from decoder: Decoder) throws { storage = ContainerStorage(try ContainerFields(from: decoder)) }

    public func encode(to encoder: Encoder) throws { try storage.fields.encode(to: encoder) }

    public static func == (a: Container, b: Container) -> Bool { a.storage === b.storage || a.storage.fields == b.storage.fields }
}

/// The configuration a container was created with (the API's `Config`).
public struct ContainerConfig: Codable, Sendable, Equatable {
    public var hostname: String
    public var domainname: String = ""
    public var user: String = ""
    public var attachStdin = false
    public var attachStdout = false
    public var attachStderr = false
    public var exposedPorts: [String]
    public var tty = false
    public var openStdin = false
    public var stdinOnce = false
    public var env: [String]
    public var cmd: [String]?
    /// The image as the learner named it.
    public var image: String
    public var volumes: [String]
    public var workingDir: String
    public var entrypoint: [String]?
    public var labels: [String: String]
    public var stopSignal: String?
    public var healthcheck: [String]?
    /// Seconds between health checks and failures before "unhealthy" (moby daemon/health.go
    /// defaults: 30 s, 3 retries).
    public var healthInterval: Double = 30
    public var healthRetries: Int = 3
    /// Config.Healthcheck's settings as the request (over the image's) gave them; nil where
    /// unset (the API's zero, which its JSON leaves out). Optional so older saved labs load.
    public var healthSettings: HealthSettings?

    /// Whether health checks run: a test other than `["NONE"]` (--no-healthcheck) is set.
    public var healthEnabled: Bool {
        guard let test = healthcheck, let first = test.first else { return false }
        return first != "NONE"
    }
}

/// The durations (seconds) and retries of a health check as they were given, each nil when not
/// (moby api/types/container/config.go, HealthConfig: zero means "inherit", omitted from JSON).
public struct HealthSettings: Codable, Sendable, Equatable {
    public var interval: Double?
    public var timeout: Double?
    public var startPeriod: Double?
    public var retries: Int?
}

/// A published port: container port and protocol, host address and host port.
public struct PortBinding: Codable, Sendable, Equatable {
    public var containerPort: Int
    public var proto: String
    public var hostIP: String
    /// The host port; "" when docker chooses one.
    public var hostPort: String

    /// "80/tcp".
    public var key: String { "\(containerPort)/\(proto)" }
}

/// How a container was asked to run (the API's `HostConfig`).
public struct HostConfig: Codable, Sendable, Equatable {
    public var binds: [String]?
    public var portBindings: [PortBinding]
    public var restartPolicy: String
    public var maximumRetryCount: Int
    public var autoRemove: Bool
    public var networkMode: String
    public var publishAllPorts: Bool
    public var memory: Int64
    public var nanoCpus: Int64
    public var volumesFrom: [String]?
    /// --privileged, --read-only, --cap-add/--cap-drop, --security-opt, --tmpfs, --log-driver
    /// and --log-opt, --mount: nil where a plain `docker run` leaves them (optional so older
    /// saved labs load).
    public var privileged: Bool?
    public var readonlyRootfs: Bool?
    public var capAdd: [String]?
    public var capDrop: [String]?
    public var securityOpt: [String]?
    public var tmpfs: [String: String]?
    public var logConfig: LogConfig?
    /// HostConfig.Mounts: the --mount specs as the client sent them (key=value pairs).
    public var mounts: [[String: String]]?
    /// --dns, --dns-search, --dns-option and --add-host (`name:ip`).
    public var dns: [String]?
    public var dnsSearch: [String]?
    public var dnsOptions: [String]?
    public var extraHosts: [String]?
}

/// HostConfig.LogConfig: the logging driver and its options.
public struct LogConfig: Codable, Sendable, Equatable {
    public var type: String
    public var config: [String: String]
}

/// Where a container is attached on one network.
public struct Endpoint: Codable, Sendable, Equatable {
    public var networkName: String
    public var networkID: String
    public var endpointID: String
    public var ipAddress: String
    public var prefixLength: Int
    public var gateway: String
    public var macAddress: String
    /// Aliases given with --network-alias (docker also answers the container's name and short id).
    public var aliases: [String]
}

/// A volume or bind mount of a container.
public struct Mount: Codable, Sendable, Equatable {
    public var type: String            // volume, bind
    public var name: String?           // the volume's name
    public var source: String
    public var destination: String
    public var mode: String
    public var readWrite: Bool
}

/// One line a container's main process wrote.
public struct LogEntry: Codable, Sendable, Equatable {
    public var time: Double
    public var stream: OutputStream
    public var text: String
}

/// A container's lifecycle state (the API's `State`).
public struct ContainerState: Codable, Sendable, Equatable {
    /// created, running, paused, restarting, exited, dead.
    public var status: String
    public var exitCode: Int32
    public var error: String
    public var startedAt: Double?
    public var finishedAt: Double?
    public var pid: Int
    public var oomKilled: Bool
    /// When the main process ends by itself (a `sleep 100`, a one-shot command), in simulated time.
    public var endsAt: Double?
    /// The exit code it ends with then.
    public var endCode: Int32
    /// "starting", "healthy" or "unhealthy" for a container with a health check.
    public var health: String? = nil
    /// Consecutive failed checks, and when the next check runs.
    public var failingStreak: Int = 0
    public var nextHealthCheck: Double? = nil

    public static let created = ContainerState(status: "created", exitCode: 0, error: "", startedAt: nil, finishedAt: nil,
                                               pid: 0, oomKilled: false, endsAt: nil, endCode: 0)

    public var running: Bool { status == "running" || status == "paused" || status == "restarting" }
    public var paused: Bool { status == "paused" }

    /// The STATUS column of `docker ps`, as moby's container state prints it
    /// (moby daemon/container/state.go, State.String).
    public func display(now: Double) -> String {
        if running {
            let up = "Up " + HumanDuration.text(seconds: now - (startedAt ?? now))
            if paused { return up + " (Paused)" }
            if status == "restarting" {
                return "Restarting (\(exitCode)) " + HumanDuration.text(seconds: now - (finishedAt ?? now)) + " ago"
            }
            // moby daemon/container/health.go, Health.String
            if let health { return up + " (" + (health == "starting" ? "health: starting" : health) + ")" }
            return up
        }
        if status == "dead" { return "Dead" }
        guard startedAt != nil else { return "Created" }
        guard let finishedAt else { return "" }
        return "Exited (\(exitCode)) " + HumanDuration.text(seconds: now - finishedAt) + " ago"
    }
}
