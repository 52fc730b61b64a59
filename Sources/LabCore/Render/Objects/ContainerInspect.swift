/// `docker inspect` of a container: the Engine API's container JSON (Engine 20.10) built from
/// the engine's model, in the daemon's field order. Fields the model does not carry are the
/// values a plain `docker run` gets (recorded in Fixtures/render and engine/transcripts/09);
/// paths, sandbox and layer ids are derived from the container's id.
public enum ContainerInspect {
    /// The top-level fields, in the daemon's order (SizeRw and SizeRootFs only with `-s`).
    public static let fields: Set<String> = [
        "Id", "Created", "Path", "Args", "State", "Image", "ResolvConfPath", "HostnamePath", "HostsPath", "LogPath", "Name",
        "RestartCount", "Driver", "Platform", "MountLabel", "ProcessLabel", "AppArmorProfile", "ExecIDs", "HostConfig",
        "GraphDriver", "SizeRw", "SizeRootFs", "Mounts", "Config", "NetworkSettings",
    ]

    /// The whole inspect object. `size` adds SizeRw/SizeRootFs (`docker inspect -s`). With
    /// `only` (the fields a `-f` template reads, all of them known) the larger parts that are not
    /// read are left out; the object is otherwise the same.
    public static func json(_ c: Container, engine: DockerEngine, now: Double, size: Bool = false, only: Set<String>? = nil) -> JSONValue {
        // A template reads a few fields: comparing each name with them costs less than hashing it.
        let wanted = only.map(Array.init)
        func want(_ field: String) -> Bool { wanted?.contains(field) ?? true }
        let started = c.state.startedAt != nil
        func path(_ file: String) -> String { started ? "/var/lib/docker/containers/" + c.id + "/" + file : "" }
        var o = JSONObject()
        // Each field only when the template reads it (all of them without `only`), in the order
        // docker prints them.
        if want("Id") { o[new: "Id"] = .string(c.id) }
        if want("Created") { o[new: "Created"] = .string(DockerTime.rfc3339Nano(c.created)) }
        if want("Path") || want("Args") {
            let args = c.processArguments
            if want("Path") { o[new: "Path"] = .string(args.first ?? "") }
            if want("Args") { o[new: "Args"] = .array(args.dropFirst().map { .string($0) }) }
        }
        if want("State") { o[new: "State"] = state(c, now: now) }
        if want("Image") { o[new: "Image"] = .string(c.imageID) }
        if want("ResolvConfPath") { o[new: "ResolvConfPath"] = .string(path("resolv.conf")) }
        if want("HostnamePath") { o[new: "HostnamePath"] = .string(path("hostname")) }
        if want("HostsPath") { o[new: "HostsPath"] = .string(path("hosts")) }
        if want("LogPath") { o[new: "LogPath"] = .string(path(c.id + "-json.log")) }
        if want("Name") { o[new: "Name"] = .string("/" + c.name) }
        if want("RestartCount") { o[new: "RestartCount"] = .int(Int64(c.restartCount)) }
        if want("Driver") { o[new: "Driver"] = "overlay2" }
        if want("Platform") { o[new: "Platform"] = "linux" }
        if want("MountLabel") { o[new: "MountLabel"] = "" }
        if want("ProcessLabel") { o[new: "ProcessLabel"] = "" }
        if want("AppArmorProfile") { o[new: "AppArmorProfile"] = "" }
        if want("ExecIDs") { o[new: "ExecIDs"] = .null }
        if want("HostConfig") { o[new: "HostConfig"] = hostConfig(c) }
        if want("GraphDriver") {
            let layer = "/var/lib/docker/overlay2/" + StableHash.hex("container-layer:" + c.id)
            let imageLayer = "/var/lib/docker/overlay2/" + ImageInspect.layerDirectory(c.imageID)
            o[new: "GraphDriver"] = [
                "Data": [
                    "LowerDir": .string(layer + "-init/diff:" + imageLayer + "/diff"),
                    "MergedDir": .string(layer + "/merged"),
                    "UpperDir": .string(layer + "/diff"),
                    "WorkDir": .string(layer + "/work"),
                ],
                "Name": "overlay2",
            ]
        }
        if size {
            o[new: "SizeRw"] = 0
            o[new: "SizeRootFs"] = .int(engine.images.first { $0.id == c.imageID }?.size ?? 0)
        }
        if want("Mounts") { o[new: "Mounts"] = .array(c.mounts.map(mount)) }
        if want("Config") { o[new: "Config"] = config(c.config) }
        if want("NetworkSettings") { o[new: "NetworkSettings"] = networkSettings(c, engine: engine) }
        return .object(o)
    }

    /// A fake process id, stable for a container: the model's when it has one.
    public static func pid(_ c: Container) -> Int {
        guard c.state.running else { return 0 }
        if c.state.pid != 0 { return c.state.pid }
        return 1000 + Int(c.id.hashValueStable % 30_000)
    }

    static func state(_ c: Container, now: Double) -> JSONValue {
        let s = c.state
        var o: JSONObject = [
            "Status": .string(s.status),
            "Running": .bool(s.running),
            "Paused": .bool(s.paused),
            "Restarting": .bool(s.status == "restarting"),
            "OOMKilled": .bool(s.oomKilled),
            "Dead": .bool(s.status == "dead"),
            "Pid": .int(Int64(pid(c))),
            "ExitCode": .int(Int64(s.exitCode)),
            "Error": .string(s.error),
            "StartedAt": .string(DockerTime.rfc3339Nano(s.startedAt)),
            "FinishedAt": .string(DockerTime.rfc3339Nano(s.finishedAt)),
        ]
        if let health = s.health {
            o[new: "Health"] = ["Status": .string(health), "FailingStreak": .int(Int64(s.failingStreak)), "Log": .array(healthLog(c, now: now))]
        }
        return .object(o)
    }

    /// The last five health checks (docker keeps five): one every interval since the start, each
    /// taking 50 ms with empty output; the last `failingStreak` of them failed. The model keeps no
    /// check results, so their times are the schedule's.
    static func healthLog(_ c: Container, now: Double) -> [JSONValue] {
        guard let started = c.state.startedAt, c.config.healthInterval > 0 else { return [] }
        let done = min(Int(((now - started) / c.config.healthInterval).rounded(.down)), 1_000_000)
        guard done >= 1 else { return [] }
        return (max(1, done - 4)...done).map { k in
            let t = started + Double(k) * c.config.healthInterval
            return [
                "Start": .string(DockerTime.rfc3339Nano(t)), "End": .string(DockerTime.rfc3339Nano(t + 0.05)),
                "ExitCode": .int(done - k < c.state.failingStreak ? 1 : 0), "Output": "",
            ]
        }
    }

    static func strings(_ list: [String]?) -> JSONValue {
        guard let list else { return .null }
        return .array(list.map { .string($0) })
    }

    /// `{"80/tcp": {}}`-style set of names, sorted as Go sorts map keys.
    static func set(_ keys: [String]) -> JSONValue {
        .object(JSONObject(sortedKeys(keys).map { ($0, JSONValue.object(JSONObject())) }))
    }

    static func sortedKeys(_ keys: [String]) -> [String] {
        Array(Set(keys)).sorted { $0.utf8Precedes($1) }
    }

    /// A string map as Go marshals it (sorted keys).
    static func map(_ m: [String: String]) -> JSONValue {
        .object(JSONObject(sortedKeys(Array(m.keys)).map { ($0, JSONValue.string(m[$0] ?? "")) }))
    }

    /// One of .Mounts (moby api/types/types.go, MountPoint: Name and Driver left out when empty).
    static func mount(_ m: Mount) -> JSONValue {
        if m.type == "tmpfs" {
            return ["Type": "tmpfs", "Source": "", "Destination": .string(m.destination), "Mode": .string(m.mode),
                    "RW": .bool(m.readWrite), "Propagation": ""]
        }
        if m.type == "bind" {
            return [
                "Type": "bind", "Source": .string(m.source), "Destination": .string(m.destination), "Mode": .string(m.mode),
                "RW": .bool(m.readWrite), "Propagation": "rprivate",
            ]
        }
        return [
            "Type": .string(m.type), "Name": .string(m.name ?? ""), "Source": .string(m.source),
            "Destination": .string(m.destination), "Driver": "local", "Mode": .string(m.mode), "RW": .bool(m.readWrite),
            "Propagation": "",
        ]
    }

    static func config(_ k: ContainerConfig) -> JSONValue {
        var o = JSONObject()
        o[new: "Hostname"] = .string(k.hostname)
        o[new: "Domainname"] = .string(k.domainname)
        o[new: "User"] = .string(k.user)
        o[new: "AttachStdin"] = .bool(k.attachStdin)
        o[new: "AttachStdout"] = .bool(k.attachStdout)
        o[new: "AttachStderr"] = .bool(k.attachStderr)
        if !k.exposedPorts.isEmpty { o[new: "ExposedPorts"] = set(k.exposedPorts) }
        o[new: "Tty"] = .bool(k.tty)
        o[new: "OpenStdin"] = .bool(k.openStdin)
        o[new: "StdinOnce"] = .bool(k.stdinOnce)
        o[new: "Env"] = k.env.isEmpty ? .null : strings(k.env)
        o[new: "Cmd"] = strings(k.cmd)
        if let test = k.healthcheck {
            // Only what was set is shown, durations in nanoseconds (moby api/types/container/config.go,
            // HealthConfig); labs saved before the settings were kept show what differs from the defaults.
            var h: JSONObject = ["Test": strings(test)]
            func nanoseconds(_ seconds: Double) -> JSONValue { .int(Int64((seconds * 1e9).rounded())) }
            if let set = k.healthSettings {
                if let v = set.interval { h["Interval"] = nanoseconds(v) }
                if let v = set.timeout { h["Timeout"] = nanoseconds(v) }
                if let v = set.startPeriod { h["StartPeriod"] = nanoseconds(v) }
                if let v = set.retries { h["Retries"] = .int(Int64(v)) }
            } else {
                if k.healthInterval != 30 { h["Interval"] = nanoseconds(k.healthInterval) }
                if k.healthRetries != 3 { h["Retries"] = .int(Int64(k.healthRetries)) }
            }
            o[new: "Healthcheck"] = .object(h)
        }
        o[new: "Image"] = .string(k.image)
        o[new: "Volumes"] = k.volumes.isEmpty ? .null : set(k.volumes)
        o[new: "WorkingDir"] = .string(k.workingDir)
        o[new: "Entrypoint"] = strings(k.entrypoint)
        o[new: "OnBuild"] = .null
        o[new: "Labels"] = map(k.labels)
        if let signal = k.stopSignal { o[new: "StopSignal"] = .string(signal) }
        return .object(o)
    }

    /// Published bindings per container port as the daemon reports them while the container runs:
    /// the engine's bound ports as they are (it binds IPv4 and IPv6 for a port on every address,
    /// as Engine 20.10 does); a binding with no address (`""`, as `-p 8080:80` asks) stands for
    /// both `0.0.0.0` and `::`. Without bound ports, the requested bindings that name a host port.
    public static func publishedPorts(_ c: Container) -> [(key: String, hostIP: String, hostPort: String)] {
        let source = c.boundPorts.isEmpty ? c.hostConfig.portBindings.filter { !$0.hostPort.isEmpty } : c.boundPorts
        var out: [(key: String, hostIP: String, hostPort: String)] = []
        out.reserveCapacity(source.count * 2)
        for b in source {
            if b.hostIP.isEmpty {
                out.append((b.key, "0.0.0.0", b.hostPort))
                out.append((b.key, "::", b.hostPort))
            } else {
                out.append((b.key, b.hostIP, b.hostPort))
            }
        }
        return out
    }

    /// NetworkSettings.Ports: every exposed or published port while running (null when not
    /// published), `{}` otherwise.
    static func ports(_ c: Container) -> JSONValue {
        guard c.state.running, !isHostNetwork(c) else { return .object(JSONObject()) }
        let published = publishedPorts(c)
        let keys = sortedKeys(c.config.exposedPorts + published.map(\.key))
        return .object(JSONObject(keys.map { key in
            let b = published.filter { $0.key == key }
            return (key, b.isEmpty ? .null : .array(b.map { ["HostIp": .string($0.hostIP), "HostPort": .string($0.hostPort)] }))
        }))
    }

    static func isHostNetwork(_ c: Container) -> Bool { c.hostConfig.networkMode == "host" }

    /// The networks a container is on, by name: its network mode's, then those connected later.
    public static func networkNames(_ c: Container) -> [String] { attachments(c).map(\.name) }

    /// Each network a container is on: the network mode's first (its endpoint once started), then
    /// the endpoints connected later (`docker network connect`).
    static func attachments(_ c: Container) -> [(name: String, endpoint: Endpoint?, connected: Bool)] {
        let mode = c.hostConfig.networkMode
        var out: [(name: String, endpoint: Endpoint?, connected: Bool)] = []
        if !mode.hasPrefix("container:") {
            let name = mode == "default" ? "bridge" : mode
            out.append((name, c.endpoints.first { $0.networkName == name || $0.networkID == name }, false))
        }
        for e in c.endpoints where !out.contains(where: { $0.name == e.networkName }) {
            out.append((e.networkName, e, !out.isEmpty))
        }
        return out
    }

    /// The endpoint id docker reports: the model's, or one derived for a running container on the
    /// host or none network (which the engine attaches without an address).
    static func endpointID(_ e: Endpoint, _ c: Container) -> String {
        if !e.endpointID.isEmpty || !c.state.running { return e.endpointID }
        return StableHash.hex("endpoint:" + c.id + e.networkID)
    }

    static func networkSettings(_ c: Container, engine: DockerEngine) -> JSONValue {
        let started = c.state.startedAt != nil
        let sandbox = started ? StableHash.hex("sandbox:" + c.id) : ""
        let bridge = c.endpoints.first { e in engine.networks.contains { $0.id == e.networkID && $0.isDefaultBridge } }
        var o = JSONObject()
        o[new: "Bridge"] = ""
        o[new: "SandboxID"] = .string(sandbox)
        o[new: "HairpinMode"] = false
        o[new: "LinkLocalIPv6Address"] = ""
        o[new: "LinkLocalIPv6PrefixLen"] = 0
        o[new: "Ports"] = ports(c)
        o[new: "SandboxKey"] = .string(!started ? "" : isHostNetwork(c) ? "/var/run/docker/netns/default" : "/var/run/docker/netns/" + sandbox.prefix(12))
        o[new: "SecondaryIPAddresses"] = .null
        o[new: "SecondaryIPv6Addresses"] = .null
        o[new: "EndpointID"] = .string(bridge?.endpointID ?? "")
        o[new: "Gateway"] = .string(bridge?.gateway ?? "")
        o[new: "GlobalIPv6Address"] = ""
        o[new: "GlobalIPv6PrefixLen"] = 0
        o[new: "IPAddress"] = .string(bridge?.ipAddress ?? "")
        o[new: "IPPrefixLen"] = .int(Int64(bridge?.prefixLength ?? 0))
        o[new: "IPv6Gateway"] = ""
        o[new: "MacAddress"] = .string(bridge?.macAddress ?? "")
        var networks = attachments(c).map { ($0.name, endpoint($0.endpoint, networkName: $0.name, connected: $0.connected, c, engine)) }
        networks.sort { $0.0.utf8Precedes($1.0) }
        o[new: "Networks"] = .object(JSONObject(networks))
        return .object(o)
    }

    /// One entry of NetworkSettings.Networks. Networks connected after creation (`docker network
    /// connect`) carry empty IPAMConfig and DriverOpts objects and an alias list; once started, a
    /// container on a user-defined network answers to its aliases and short id. A container that
    /// never started shows no network ids.
    static func endpoint(_ e: Endpoint?, networkName: String, connected: Bool, _ c: Container, _ engine: DockerEngine) -> JSONValue {
        let started = c.state.startedAt != nil
        let net = engine.networks.first { $0.id == e?.networkID || $0.name == networkName }
        var aliases: JSONValue = .null
        if let e, started, let net, net.hasEmbeddedDNS {
            aliases = .array((e.aliases + [c.shortID]).map { .string($0) })
        } else if let e, connected || !e.aliases.isEmpty {
            aliases = .array(e.aliases.map { .string($0) })
        }
        return [
            "IPAMConfig": connected ? .object(JSONObject()) : .null,
            "Links": .null,
            "Aliases": aliases,
            "NetworkID": .string(started ? e?.networkID ?? "" : ""),
            "EndpointID": .string(e.map { endpointID($0, c) } ?? ""),
            "Gateway": .string(e?.gateway ?? ""),
            "IPAddress": .string(e?.ipAddress ?? ""),
            "IPPrefixLen": .int(Int64(e?.prefixLength ?? 0)),
            "IPv6Gateway": "",
            "GlobalIPv6Address": "",
            "GlobalIPv6PrefixLen": 0,
            "MacAddress": .string(e?.macAddress ?? ""),
            "DriverOpts": connected ? .object(JSONObject()) : .null,
        ]
    }
}
