/// One docker command's access to the lab: the current machine's engine, its files, the id source
/// and the clock, taken out of the lab for the command and put back after (so the engine's arrays
/// are mutated in place, never copied).
struct DaemonSession {
    var engine: DockerEngine
    var files: VirtualFileSystem
    var ids: IDSource
    /// The command's time: where the clock stood when it began, moved on while it waits
    /// (`wait(until:)`, compose's depends_on conditions).
    private(set) var now: Double
    /// Where the clock stands when the command ends (a foreground `sleep` moves it on).
    var end: Double
    /// Set when the command attaches the learner's terminal to a shell inside a container.
    var attach: Lab.Attachment?
    /// Docker Hub, the lab's (what learners pushed), taken out of the lab for the command.
    var hub = DockerHub()

    /// Pulls a reference: what learners pushed to Docker Hub, else the official images and the
    /// registries on this machine (the engine's pull); the lines, or nil when none has it.
    mutating func pull(_ name: ImageName) -> [String]? { pullPrinting(name)?.lines }

    /// `pull`, with the lines' text as printed (a catalogue image's is built once).
    mutating func pullPrinting(_ name: ImageName) -> DockerEngine.PullOutput? {
        if let lines = engine.pullFromHub(name, hub: hub, now: now) {
            return DockerEngine.PullOutput(lines: lines, text: lines.joined(separator: "\n") + "\n")
        }
        return engine.pullPrinting(name, now: now)
    }

    /// Pulls a reference as the daemon does for `docker run` of a missing image: the lines, or
    /// the daemon's refusal (a registry on this machine that does not answer or lacks the tag,
    /// as `docker pull` reports it; Docker Hub's denial otherwise).
    mutating func pullOrRefusal(_ name: ImageName) -> Result<DockerEngine.PullOutput, EngineError> {
        if let host = DockerEngine.registryHost(name.repository) {
            return engine.pullFromRegistry(name, host: host, now: now).map { DockerEngine.PullOutput(lines: $0, text: $0.joined(separator: "\n") + "\n") }
        }
        if let pulled = pullPrinting(name) { return .success(pulled) }
        return .failure(ImageCommands.pullError(name, hub: hub))
    }

    /// Moves the lab's clock to `time` when the command ends (never backwards).
    mutating func advance(to time: Double) { end = max(end, time) }

    /// Lets simulated time pass while the command waits: the engine catches up to `time`
    /// (health checks, processes that end) and what the command does next happens then.
    mutating func wait(until time: Double) {
        guard time > now else { return }
        now = time
        end = max(end, time)
        engine.settle(now: time, hostFiles: &files)
    }

    /// Runs `body` with the lab's current machine's engine and files moved into a session.
    static func with<T>(_ lab: inout Lab, machine: Int? = nil, _ body: (inout DaemonSession) -> T) -> T {
        let m = machine ?? lab.current
        let start = lab.clock.now
        var session = DaemonSession(engine: DockerEngine.placeholder, files: VirtualFileSystem.placeholder, ids: lab.ids, now: lab.clock.now, end: lab.clock.now)
        swap(&session.engine, &lab.machines[m].engine)
        swap(&session.files, &lab.machines[m].files)
        if let hub = lab.hub { session.hub = hub; lab.hub = nil }
        session.engine.settle(now: session.now, hostFiles: &session.files)
        let result = body(&session)
        swap(&session.engine, &lab.machines[m].engine)
        swap(&session.files, &lab.machines[m].files)
        if !session.hub.isEmpty { lab.hub = session.hub }
        lab.ids = session.ids
        lab.clock.advance(by: session.end - start)
        if let attach = session.attach { lab.attachment = attach }
        return result
    }
}

extension DockerEngine {
    /// An empty stand-in used while a command holds the real engine.
    static let placeholder: DockerEngine = {
        var e = DockerEngine(machine: "", now: 0)
        e.networks = []
        return e
    }()
}

extension VirtualFileSystem {
    /// An empty stand-in used while a command holds the real files.
    static let placeholder = VirtualFileSystem(empty: ())
}
