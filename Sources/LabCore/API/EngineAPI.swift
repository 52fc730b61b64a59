/// The Docker Engine API over the lab: routes a request (`APIRequest`) to the engine operations
/// the simulated `docker` client uses, on the lab's current machine, and encodes the answer as the
/// daemon does (the objects' JSON from `Render/Objects`, errors as `{"message": …}` with the
/// daemon's status). No socket here: the transport (EngineServer) feeds requests in and writes
/// responses out. One value per served lab; it remembers a container created but not yet started
/// so that the history reads `docker run` (see `APIHistory`).
public struct EngineAPI: Sendable {
    /// The version /_ping and /version advertise: the oracle's engine (Engine 20.10, API 1.41), so
    /// the docker 28 client negotiates down to it as it did for the recorded transcripts.
    public static let advertisedVersion = VersionInfo.apiVersion
    /// The oldest and newest versions a path may name (`/v1.12/…` to `/v1.50/…`).
    public static let minimumVersion = "1.12"
    public static let maximumVersion = "1.50"

    /// Headers on every response, as moby's version middleware sets them.
    public static let commonHeaders: [(String, String)] = [
        ("Api-Version", advertisedVersion), ("Docker-Experimental", "false"), ("Ostype", "linux"),
        ("Server", "Docker/\(VersionInfo.serverVersion) (linux)"),
    ]

    /// The history lines waiting for what follows them (a create, until its start).
    var history = APIHistory()
    /// The exec instances made so far, by id.
    var execs: [String: ExecInstance] = [:]
    /// The processes reading a client's input, by the key their stream carries.
    var terminals: [String: APITerminal] = [:]
    /// How many attaches with input were made (their terminals' keys).
    var attachCount = 0

    public init() {}

    /// What handling a request did: the response, whether the lab changed (the session is to be
    /// saved), and the docker command lines to add to the session's history.
    public struct Outcome: Sendable {
        public var response: APIResponse
        public var changed: Bool
        public var history: [String]
    }

    /// Handles one request. `wallTime` (Unix seconds) moves the lab's clock up to the host's
    /// first, so the times the client computes from the engine's timestamps read right; nil keeps
    /// the simulated clock (tests).
    public mutating func handle(_ request: APIRequest, lab: inout Lab, wallTime: Double? = nil) -> Outcome {
        if let wallTime { lab.clock.advance(by: wallTime - lab.clock.now) }
        lab.clockFollowsHost = wallTime != nil ? true : nil
        defer { lab.clockFollowsHost = nil }
        let before = lab.objectCount
        var context = Context(request: request)
        // The swarm catches up with the time that passed (restarts, updates completed), as before
        // every command of `lab sh`.
        if let swarm = lab.swarm {
            lab.reconcileSwarm()
            context.changed = lab.swarm != swarm
        }
        let response: APIResponse
        do {
            try Self.checkVersion(request.version)
            response = try route(&context, lab: &lab)
        } catch {
            context.changed = context.changed || lab.objectCount != before
            return Outcome(response: error.response, changed: context.changed, history: history.take(context))
        }
        if context.changed, lab.swarm != nil { lab.reconcileSwarm() }
        return Outcome(response: response, changed: context.changed, history: history.take(context))
    }

    /// The history lines still held back (a create nobody started), for when serving ends.
    public mutating func flushHistory() -> [String] { history.flush() }

    /// What one request's handler records besides its response.
    struct Context {
        let request: APIRequest
        var changed = false
        /// The docker command lines the request stands for, when it changed something.
        var commands: [String] = []
        /// A container created: its id and the `docker create` arguments, for `APIHistory`.
        var created: (id: String, arguments: [String])?
        /// A container started: its id and whether a client was attached to it.
        var started: (id: String, attached: Bool)?
        /// A container a client attached to.
        var attached: String?

        init(request: APIRequest) { self.request = request }

        mutating func record(_ command: String) {
            changed = true
            commands.append(command)
        }
    }

    static func checkVersion(_ version: String?) throws(APIError) {
        guard let version else { return }
        if compareVersions(version, minimumVersion) < 0 {
            throw .invalid("client version \(version) is too old. Minimum supported API version is \(minimumVersion), please upgrade your client to a newer version")
        }
        if compareVersions(version, maximumVersion) > 0 {
            throw .invalid("client version \(version) is too new. Maximum supported API version is \(maximumVersion)")
        }
    }

    /// Compares dotted versions number by number (moby api/types/versions).
    static func compareVersions(_ a: String, _ b: String) -> Int {
        let x = a.split(separator: ".").map { Int($0) ?? 0 }, y = b.split(separator: ".").map { Int($0) ?? 0 }
        for i in 0..<max(x.count, y.count) {
            let p = i < x.count ? x[i] : 0, q = i < y.count ? y[i] : 0
            if p != q { return p < q ? -1 : 1 }
        }
        return 0
    }

    /// The handler for a method and path.
    mutating func route(_ c: inout Context, lab: inout Lab) throws(APIError) -> APIResponse {
        let r = c.request
        let parts = r.path.split(separator: "/", omittingEmptySubsequences: true).map(String.init)
        guard let family = parts.first else { throw .notFound("page not found") }
        switch (r.method, family) {
        case ("GET", "_ping"), ("HEAD", "_ping"): return Self.ping(r, lab: lab)
        case ("GET", "version"): return .json(Self.versionJSON)
        case ("GET", "info"): return Self.info(lab)
        case ("GET", "system") where parts.count == 2 && parts[1] == "df": return Self.diskUsage(lab)
        case ("GET", "events"): return Self.events(r, lab: &lab)
        case (_, "containers"): return try containers(Array(parts.dropFirst()), &c, lab: &lab)
        case (_, "images"): return try images(Array(parts.dropFirst()), &c, lab: &lab)
        case (_, "networks"): return try networks(Array(parts.dropFirst()), &c, lab: &lab)
        case (_, "volumes"): return try volumes(Array(parts.dropFirst()), &c, lab: &lab)
        case (_, "exec"): return try exec(Array(parts.dropFirst()), &c, lab: &lab)
        case (_, "swarm"): return try swarm(Array(parts.dropFirst()), &c, lab: &lab)
        case (_, "nodes"): return try nodes(Array(parts.dropFirst()), &c, lab: &lab)
        case (_, "services"): return try services(Array(parts.dropFirst()), &c, lab: &lab)
        case (_, "tasks"): return try tasks(Array(parts.dropFirst()), &c, lab: &lab)
        case (_, "secrets"): return try swarmFiles(.secret, Array(parts.dropFirst()), &c, lab: &lab)
        case (_, "configs"): return try swarmFiles(.config, Array(parts.dropFirst()), &c, lab: &lab)
        case ("POST", "build") where parts.count == 1: return try Self.build(&c, lab: &lab)
        case ("POST", "commit") where parts.count == 1: return try Self.commit(&c, lab: &lab)
        case ("POST", "auth") where parts.count == 1: return try Self.auth(&c, lab: &lab)
        case (_, "distribution"): return try Self.distribution(Array(parts.dropFirst()), r)
        default: throw .notFound("page not found")
        }
    }

    /// Runs `body` on the current machine's engine (settled to the lab's clock first), as every
    /// docker command does.
    static func withEngine<T>(_ lab: inout Lab, _ body: (inout DaemonSession) throws(APIError) -> T) throws(APIError) -> T {
        let result: Result<T, APIError> = DaemonSession.with(&lab) { (s: inout DaemonSession) -> Result<T, APIError> in
            do throws(APIError) { return .success(try body(&s)) } catch { return .failure(error) }
        }
        return try result.get()
    }

    /// Like `withEngine`, for engine calls that throw the engine's errors.
    static func engine<T>(_ lab: inout Lab, _ body: (inout DaemonSession) throws(EngineError) -> T) throws(APIError) -> T {
        try withEngine(&lab) { (s: inout DaemonSession) throws(APIError) -> T in
            do throws(EngineError) { return try body(&s) } catch { throw APIError(error) }
        }
    }
}
