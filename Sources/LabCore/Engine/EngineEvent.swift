/// One entry of an engine's event log, shaped like moby's events.Message (api/types/events,
/// Engine 20.10): what happened (`Action`) to which object (`Type`, the actor's id) with the
/// actor's attributes, and when (simulated Unix seconds). The constructors fill the attributes
/// the daemon gives each kind of object, as `docker events` showed them on the real engine
/// (Fixtures/engine/transcripts/2x-events and the integrator notes in SystemCommands+Events.swift).
public struct EngineEvent: Codable, Sendable, Equatable {
    /// container, image, network, volume.
    public var type: String
    /// create, start, die, connect, pull, … (`exec_create: CMD` carries the command).
    public var action: String
    /// The container's or network's full id, the volume's name, the image's reference or id.
    public var actorID: String
    /// The actor's attributes, each key once, in the order they were set. A short list rather
    /// than a map: the engine logs events on every start, stop and removal, and only `docker
    /// events` reads them (through `attributes` or `attribute(_:)`).
    var attributeList: [Attribute]
    /// Simulated Unix time, with the fraction the log keeps (timeNano).
    public var time: Double

    /// One attribute of the actor.
    struct Attribute: Sendable, Equatable {
        let key: String
        var value: String
    }

    public init(type: String, action: String, actorID: String, attributes: [String: String], time: Double) {
        self.init(type: type, action: action, actorID: actorID,
                  attributeList: attributes.map { Attribute(key: $0.key, value: $0.value) }, time: time)
    }

    init(type: String, action: String, actorID: String, attributeList: [Attribute], time: Double) {
        self.type = type
        self.action = action
        self.actorID = actorID
        self.attributeList = attributeList
        self.time = time
    }

    /// The actor's attributes as a map (moby's Actor.Attributes).
    public var attributes: [String: String] {
        get { Dictionary(uniqueKeysWithValues: attributeList.lazy.map { ($0.key, $0.value) }) }
        set { attributeList = newValue.map { Attribute(key: $0.key, value: $0.value) } }
    }

    /// The value of one attribute, or nil.
    public func attribute(_ key: String) -> String? {
        attributeList.first { $0.key == key }?.value
    }

    /// Sets an attribute in `list`, replacing the value it had (as a map's subscript does).
    static func set(_ key: String, _ value: String, in list: inout [Attribute]) {
        if let i = list.firstIndex(where: { $0.key == key }) {
            list[i].value = value
        } else {
            list.append(Attribute(key: key, value: value))
        }
    }

    /// Two events are equal when their fields and attribute maps are (the order the attributes
    /// were set in does not count, as in a map).
    public static func == (a: EngineEvent, b: EngineEvent) -> Bool {
        a.type == b.type && a.action == b.action && a.actorID == b.actorID && a.time == b.time
            && a.attributeList.count == b.attributeList.count && a.attributeList.allSatisfy { b.attribute($0.key) == $0.value }
    }

    enum CodingKeys: String, CodingKey { case type, action, actorID, attributes, time }

    /// Saved as before the list: the attributes as a map.
    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        self.init(type: try c.decode(String.self, forKey: .type), action: try c.decode(String.self, forKey: .action),
                  actorID: try c.decode(String.self, forKey: .actorID),
                  attributes: try c.decode([String: String].self, forKey: .attributes), time: try c.decode(Double.self, forKey: .time))
    }

    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(type, forKey: .type)
        try c.encode(action, forKey: .action)
        try c.encode(actorID, forKey: .actorID)
        try c.encode(attributes, forKey: .attributes)
        try c.encode(time, forKey: .time)
    }

    /// A container event: the container's labels, `image` (as the learner named it) and `name`,
    /// plus `extra` (exitCode for die, signal for kill, execID for exec_*, oldName for rename).
    /// (`extra` is a literal's pairs, so no dictionary is built for it.)
    public static func container(_ c: Container, _ action: String, time: Double, extra: KeyValuePairs<String, String> = [:]) -> EngineEvent {
        container(Actor(c), action, time: time, extra: extra)
    }

    /// A container event for the parts of the container its events name (see `Actor`).
    static func container(_ c: Actor, _ action: String, time: Double, extra: KeyValuePairs<String, String> = [:]) -> EngineEvent {
        var list: [Attribute] = []
        list.reserveCapacity(c.labels.count + 2 + extra.count)
        if c.labels.isEmpty {
            list.append(Attribute(key: "image", value: c.image))
            list.append(Attribute(key: "name", value: c.name))
        } else {
            for (k, v) in c.labels { list.append(Attribute(key: k, value: v)) }
            set("image", c.image, in: &list)
            set("name", c.name, in: &list)
        }
        for (k, v) in extra { set(k, v, in: &list) }
        return EngineEvent(type: "container", action: action, actorID: c.id, attributeList: list, time: time)
    }

    /// What a container's events name of it: its id, name, image, labels, networks and volumes,
    /// taken field by field (the engine's methods read them from its array, without copying the
    /// whole container).
    struct Actor {
        let id: String
        let name: String
        let image: String
        let labels: [String: String]
        let endpoints: [Endpoint]
        let mounts: [Mount]

        init(_ c: Container) {
            self.init(id: c.id, name: c.name, image: c.config.image, labels: c.config.labels, endpoints: c.endpoints, mounts: c.mounts)
        }

        init(id: String, name: String, image: String, labels: [String: String], endpoints: [Endpoint], mounts: [Mount]) {
            self.id = id
            self.name = name
            self.image = image
            self.labels = labels
            self.endpoints = endpoints
            self.mounts = mounts
        }
    }

    /// A network event (create, destroy, connect, disconnect): `name` and `type` (the driver),
    /// and `container` (the full id) for connect and disconnect.
    public static func network(_ n: Network, _ action: String, container: String? = nil, time: Double) -> EngineEvent {
        var list: [Attribute] = []
        list.reserveCapacity(3)
        list.append(Attribute(key: "name", value: n.name))
        list.append(Attribute(key: "type", value: n.driver))
        if let container { list.append(Attribute(key: "container", value: container)) }
        return EngineEvent(type: "network", action: action, actorID: n.id, attributeList: list, time: time)
    }

    /// A volume event (create, destroy, mount, unmount): `driver`, plus for mount `container`,
    /// `destination`, `propagation` (empty for volumes) and `read/write`, for unmount `container`.
    public static func volume(_ name: String, _ action: String, driver: String = "local", time: Double,
                              extra: KeyValuePairs<String, String> = [:]) -> EngineEvent {
        var list: [Attribute] = []
        list.reserveCapacity(1 + extra.count)
        list.append(Attribute(key: "driver", value: driver))
        for (k, v) in extra { set(k, v, in: &list) }
        return EngineEvent(type: "volume", action: action, actorID: name, attributeList: list, time: time)
    }

    /// An image event: `pull` names the reference (`alpine:latest`, name=alpine); `tag` the image
    /// id with the new name; `untag` and `delete` the image id as both actor and name.
    public static func image(_ actor: String, _ action: String, name: String, time: Double) -> EngineEvent {
        EngineEvent(type: "image", action: action, actorID: actor, attributeList: [Attribute(key: "name", value: name)], time: time)
    }
}

extension EngineEvent {
    /// How many events the daemon keeps for `--since` (moby daemon/events/events.go, eventsLimit).
    public static let limit = 256

    /// Appends to a log, dropping the oldest beyond `limit`.
    public static func append(_ event: EngineEvent, to log: inout [EngineEvent]) {
        log.append(event)
        if log.count > limit { log.removeFirst(log.count - limit) }
    }
}

extension DockerEngine {
    /// The engine's event log, oldest first (the daemon keeps the last `EngineEvent.limit`).
    var recordedEvents: [EngineEvent] { eventLog ?? [] }

    /// Appends an event to the log.
    mutating func recordEvent(_ event: EngineEvent) {
        var log = eventLog ?? []
        eventLog = nil
        EngineEvent.append(event, to: &log)
        eventLog = log
    }

    /// Appends several events in order.
    mutating func recordEvents(_ events: [EngineEvent]) {
        var log = takeEventLog()
        log.append(contentsOf: events)
        keepEventLog(log)
    }

    /// The log, taken out of the engine so a run of events is appended to it in place (the
    /// constructors of `starting`, `ending` and `exec` runs append to it); `keepEventLog` puts it back.
    mutating func takeEventLog() -> [EngineEvent] {
        let log = eventLog ?? []
        eventLog = nil
        return log
    }

    /// Puts back a log taken by `takeEventLog`, dropping the oldest events beyond `EngineEvent.limit`.
    mutating func keepEventLog(_ log: [EngineEvent]) {
        var log = log
        if log.count > EngineEvent.limit { log.removeFirst(log.count - EngineEvent.limit) }
        eventLog = log
    }

    /// What the events of container `i` name of it, read from the array field by field.
    func eventActor(_ i: Int) -> EngineEvent.Actor {
        EngineEvent.Actor(id: containers[i].id, name: containers[i].name, image: containers[i].config.image,
                          labels: containers[i].config.labels, endpoints: containers[i].endpoints, mounts: containers[i].mounts)
    }
}

/// The runs of events the daemon logs around a container's start and end, in its order (as the
/// oracle logged them in Fixtures/engine/transcripts/24-events.txt), for the engine to append.
extension EngineEvent {
    /// A start: `network connect` for each network it joins, `volume mount` for each volume, then
    /// `container start`. Call it once the container's endpoints are set.
    public static func starting(_ c: Container, engine: DockerEngine, time: Double) -> [EngineEvent] {
        var out: [EngineEvent] = []
        starting(Actor(c), engine: engine, time: time, into: &out)
        return out
    }

    /// `starting`, appended to `out`.
    static func starting(_ c: Actor, engine: DockerEngine, time: Double, into out: inout [EngineEvent]) {
        for e in c.endpoints {
            if let n = engine.networkIndex(id: e.networkID) { out.append(.network(engine.networks[n], "connect", container: c.id, time: time)) }
        }
        for m in c.mounts where m.type == "volume" {
            let driver = engine.volumes.first { $0.name == m.name }?.driver ?? "local"
            out.append(.volume(m.name ?? "", "mount", driver: driver, time: time, extra: [
                "container": c.id, "destination": m.destination, "propagation": "", "read/write": m.readWrite ? "true" : "false",
            ]))
        }
        out.append(.container(c, "start", time: time))
    }

    /// An end: `container kill` for each signal sent (15 then 9 for a `docker stop` that had to
    /// kill, 9 for `docker kill` and `rm -f`, none when the process ended by itself), `container
    /// die` with the exit code, `network disconnect` for each network, `volume unmount` for each
    /// volume. Call it before the endpoints are released; `docker stop` then adds `container stop`.
    public static func ending(_ c: Container, engine: DockerEngine, exitCode: Int32, signals: [Int], time: Double) -> [EngineEvent] {
        var out: [EngineEvent] = []
        ending(Actor(c), engine: engine, exitCode: exitCode, signals: signals, time: time, into: &out)
        return out
    }

    /// `ending`, appended to `out`.
    static func ending(_ c: Actor, engine: DockerEngine, exitCode: Int32, signals: [Int], time: Double, into out: inout [EngineEvent]) {
        for signal in signals { out.append(.container(c, "kill", time: time, extra: ["signal": "\(signal)"])) }
        out.append(.container(c, "die", time: time, extra: ["exitCode": "\(exitCode)"]))
        for e in c.endpoints {
            if let n = engine.networkIndex(id: e.networkID) { out.append(.network(engine.networks[n], "disconnect", container: c.id, time: time)) }
        }
        for m in c.mounts where m.type == "volume" {
            let driver = engine.volumes.first { $0.name == m.name }?.driver ?? "local"
            out.append(.volume(m.name ?? "", "unmount", driver: driver, time: time, extra: ["container": c.id]))
        }
    }

    /// `docker exec`'s three events: `exec_create: ARGV` and `exec_start: ARGV` (the program, a
    /// blank, then its arguments joined by blanks: `exec_create: true ` for `exec c true`), then
    /// `exec_die` with the exit code, each with the exec's id.
    public static func exec(_ c: Container, argv: [String], execID: String, exitCode: Int32, time: Double) -> [EngineEvent] {
        exec(Actor(c), argv: argv, execID: execID, exitCode: exitCode, time: time)
    }

    static func exec(_ c: Actor, argv: [String], execID: String, exitCode: Int32, time: Double) -> [EngineEvent] {
        var out: [EngineEvent] = []
        exec(c, argv: argv, execID: execID, exitCode: exitCode, time: time, into: &out)
        return out
    }

    /// `exec`, appended to `out`.
    static func exec(_ c: Actor, argv: [String], execID: String, exitCode: Int32, time: Double, into out: inout [EngineEvent]) {
        let command = (argv.first ?? "") + " " + argv.dropFirst().joined(separator: " ")
        out.append(.container(c, "exec_create: " + command, time: time, extra: ["execID": execID]))
        out.append(.container(c, "exec_start: " + command, time: time, extra: ["execID": execID]))
        out.append(.container(c, "exec_die", time: time, extra: ["execID": execID, "exitCode": "\(exitCode)"]))
    }
}
