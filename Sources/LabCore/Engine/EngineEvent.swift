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
    public var attributes: [String: String]
    /// Simulated Unix time, with the fraction the log keeps (timeNano).
    public var time: Double

    public init(type: String, action: String, actorID: String, attributes: [String: String], time: Double) {
        self.type = type
        self.action = action
        self.actorID = actorID
        self.attributes = attributes
        self.time = time
    }

    /// A container event: the container's labels, `image` (as the learner named it) and `name`,
    /// plus `extra` (exitCode for die, signal for kill, execID for exec_*, oldName for rename).
    /// (`extra` is a literal's pairs, so no dictionary is built for it.)
    public static func container(_ c: Container, _ action: String, time: Double, extra: KeyValuePairs<String, String> = [:]) -> EngineEvent {
        var attributes = c.config.labels
        attributes.reserveCapacity(attributes.count + 2 + extra.count)
        attributes["image"] = c.config.image
        attributes["name"] = c.name
        for (k, v) in extra { attributes[k] = v }
        return EngineEvent(type: "container", action: action, actorID: c.id, attributes: attributes, time: time)
    }

    /// A network event (create, destroy, connect, disconnect): `name` and `type` (the driver),
    /// and `container` (the full id) for connect and disconnect.
    public static func network(_ n: Network, _ action: String, container: String? = nil, time: Double) -> EngineEvent {
        var attributes = [String: String](minimumCapacity: 3)
        attributes["name"] = n.name
        attributes["type"] = n.driver
        if let container { attributes["container"] = container }
        return EngineEvent(type: "network", action: action, actorID: n.id, attributes: attributes, time: time)
    }

    /// A volume event (create, destroy, mount, unmount): `driver`, plus for mount `container`,
    /// `destination`, `propagation` (empty for volumes) and `read/write`, for unmount `container`.
    public static func volume(_ name: String, _ action: String, driver: String = "local", time: Double,
                              extra: KeyValuePairs<String, String> = [:]) -> EngineEvent {
        var attributes = [String: String](minimumCapacity: 1 + extra.count)
        attributes["driver"] = driver
        for (k, v) in extra { attributes[k] = v }
        return EngineEvent(type: "volume", action: action, actorID: name, attributes: attributes, time: time)
    }

    /// An image event: `pull` names the reference (`alpine:latest`, name=alpine); `tag` the image
    /// id with the new name; `untag` and `delete` the image id as both actor and name.
    public static func image(_ actor: String, _ action: String, name: String, time: Double) -> EngineEvent {
        EngineEvent(type: "image", action: action, actorID: actor, attributes: ["name": name], time: time)
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
    mutating func recordEvents(_ events: [EngineEvent]) { for e in events { recordEvent(e) } }
}

/// The runs of events the daemon logs around a container's start and end, in its order (as the
/// oracle logged them in Fixtures/engine/transcripts/24-events.txt), for the engine to append.
extension EngineEvent {
    /// A start: `network connect` for each network it joins, `volume mount` for each volume, then
    /// `container start`. Call it once the container's endpoints are set.
    public static func starting(_ c: Container, engine: DockerEngine, time: Double) -> [EngineEvent] {
        var out: [EngineEvent] = []
        for e in c.endpoints {
            if let n = engine.networks.first(where: { $0.id == e.networkID }) { out.append(.network(n, "connect", container: c.id, time: time)) }
        }
        for m in c.mounts where m.type == "volume" {
            let driver = engine.volumes.first { $0.name == m.name }?.driver ?? "local"
            out.append(.volume(m.name ?? "", "mount", driver: driver, time: time, extra: [
                "container": c.id, "destination": m.destination, "propagation": "", "read/write": m.readWrite ? "true" : "false",
            ]))
        }
        out.append(.container(c, "start", time: time))
        return out
    }

    /// An end: `container kill` for each signal sent (15 then 9 for a `docker stop` that had to
    /// kill, 9 for `docker kill` and `rm -f`, none when the process ended by itself), `container
    /// die` with the exit code, `network disconnect` for each network, `volume unmount` for each
    /// volume. Call it before the endpoints are released; `docker stop` then adds `container stop`.
    public static func ending(_ c: Container, engine: DockerEngine, exitCode: Int32, signals: [Int], time: Double) -> [EngineEvent] {
        var out = signals.map { EngineEvent.container(c, "kill", time: time, extra: ["signal": "\($0)"]) }
        out.append(.container(c, "die", time: time, extra: ["exitCode": "\(exitCode)"]))
        for e in c.endpoints {
            if let n = engine.networks.first(where: { $0.id == e.networkID }) { out.append(.network(n, "disconnect", container: c.id, time: time)) }
        }
        for m in c.mounts where m.type == "volume" {
            let driver = engine.volumes.first { $0.name == m.name }?.driver ?? "local"
            out.append(.volume(m.name ?? "", "unmount", driver: driver, time: time, extra: ["container": c.id]))
        }
        return out
    }

    /// `docker exec`'s three events: `exec_create: ARGV` and `exec_start: ARGV` (the program, a
    /// blank, then its arguments joined by blanks: `exec_create: true ` for `exec c true`), then
    /// `exec_die` with the exit code, each with the exec's id.
    public static func exec(_ c: Container, argv: [String], execID: String, exitCode: Int32, time: Double) -> [EngineEvent] {
        let command = (argv.first ?? "") + " " + argv.dropFirst().joined(separator: " ")
        return [
            .container(c, "exec_create: " + command, time: time, extra: ["execID": execID]),
            .container(c, "exec_start: " + command, time: time, extra: ["execID": execID]),
            .container(c, "exec_die", time: time, extra: ["execID": execID, "exitCode": "\(exitCode)"]),
        ]
    }
}
