/// `/containers/…`: list, create, inspect, the lifecycle actions, remove, rename, prune, and the
/// reads of a container's processes (logs, top, stats), each through the engine calls the
/// simulated `docker` client makes (Client/Commands/ContainerCommands.swift).
extension EngineAPI {
    mutating func containers(_ parts: [String], _ c: inout Context, lab: inout Lab) throws(APIError) -> APIResponse {
        let r = c.request
        switch (r.method, parts.count) {
        case (_, 2) where parts[1] == "archive": return try Self.archive(parts[0], &c, lab: &lab)
        case ("GET", 1) where parts[0] == "json": return try Self.listContainers(r, lab: &lab)
        case ("POST", 1) where parts[0] == "create": return try Self.createContainer(&c, lab: &lab)
        case ("POST", 1) where parts[0] == "prune": return try Self.pruneContainers(&c, lab: &lab)
        case ("DELETE", 1): return try Self.removeContainer(parts[0], &c, lab: &lab)
        case ("GET", 2) where parts[1] == "json":
            return try Self.withEngine(&lab) { (s: inout DaemonSession) throws(APIError) -> APIResponse in
                let i = try Self.container(parts[0], s.engine)
                return .json(ContainerInspect.json(s.engine.containers[i], engine: s.engine, now: s.now, size: r.flag("size")))
            }
        case ("GET", 2) where parts[1] == "logs":
            let response = try Self.logs(parts[0], r, lab: &lab)
            // Assignments may check that the learner read a container's logs; the client asks by
            // id, the learner typed the name.
            let name = (try? lab.machine.engine.containerIndex(parts[0])).map { lab.machine.engine.containers[$0].name } ?? parts[0]
            let tail = r.value("tail").flatMap { $0 == "all" || $0.isEmpty ? nil : ["--tail", $0] } ?? []
            c.record(APIHistory.line(["docker", "logs"] + (r.flag("follow") ? ["-f"] : []) + tail + [name]))
            return response
        case ("GET", 2) where parts[1] == "top": return try Self.top(parts[0], r, lab: &lab)
        case ("GET", 2) where parts[1] == "changes":
            // `docker diff`: the paths changed, sorted; Kind 0 changed, 1 added, 2 deleted.
            return try Self.withEngine(&lab) { (s: inout DaemonSession) throws(APIError) -> APIResponse in
                let changes = s.engine.containers[try Self.container(parts[0], s.engine)].changes
                let kinds = ["C": 0, "A": 1, "D": 2]
                return .json(changes.isEmpty ? .null : .array(changes.keys.sorted { $0.utf8Precedes($1) }.map { path in
                    ["Path": .string(path), "Kind": .int(Int64(kinds[changes[path] ?? "C"] ?? 0))]
                }))
            }
        case ("GET", 2) where parts[1] == "stats": return try Self.stats(parts[0], r, lab: &lab)
        case ("POST", 2): return try containerAction(parts[0], parts[1], &c, lab: &lab)
        default: throw .notFound("page not found")
        }
    }

    /// The index of a container the daemon finds by `reference`, or its 404.
    static func container(_ reference: String, _ engine: DockerEngine) throws(APIError) -> Int {
        do { return try engine.containerIndex(reference) } catch { throw APIError(error) }
    }

    /// `GET /containers/json?all=&limit=&size=&filters=`: newest first, as `docker ps` lists them.
    static func listContainers(_ r: APIRequest, lab: inout Lab) throws(APIError) -> APIResponse {
        let filters = try APIFilters.parse(r.value("filters"))
        var options = FlagValues()
        for f in filters { options.append("filter", f) }
        if r.flag("all") { options.append("all", "true") }
        if let limit = r.int("limit"), limit > 0 { options.append("last", String(limit)) }
        let invocation = DockerInvocation(path: ["container", "ls"], typed: "docker ps", options: options, arguments: [], global: [:])
        return try withEngine(&lab) { (s: inout DaemonSession) throws(APIError) -> APIResponse in
            switch ObjectListing.select(invocation, engine: s.engine) {
            case .failure(let error): throw APIError(error)
            case .success(let list):
                return .json(.array(list.map { ContainerSummary.json(s.engine.containers[$0], engine: s.engine, now: s.now, size: r.flag("size")) }))
            }
        }
    }

    /// `POST /containers/create?name=`: a 404 for a missing image (the client then pulls and asks again).
    static func createContainer(_ c: inout Context, lab: inout Lab) throws(APIError) -> APIResponse {
        let request = try ContainerCreateBody.request(try c.request.jsonBody(), name: c.request.value("name"))
        let id = try engine(&lab) { (s: inout DaemonSession) throws(EngineError) -> String in
            try s.engine.createContainer(request, ids: &s.ids, now: s.now)
        }
        c.changed = true
        c.created = (id, ContainerCreateBody.arguments(request))
        return .json(["Id": .string(id), "Warnings": []], status: 201)
    }

    /// `DELETE /containers/{id}?force=&v=`.
    static func removeContainer(_ reference: String, _ c: inout Context, lab: inout Lab) throws(APIError) -> APIResponse {
        let r = c.request
        try engine(&lab) { (s: inout DaemonSession) throws(EngineError) in
            try s.engine.remove(reference, force: r.flag("force"), volumes: r.flag("v"), now: s.now)
        }
        c.record(APIHistory.line(["docker", "rm"] + (r.flag("force") ? ["-f"] : []) + (r.flag("v") ? ["-v"] : []) + [reference]))
        return .noContent
    }

    /// `POST /containers/prune`: the stopped containers, removed.
    static func pruneContainers(_ c: inout Context, lab: inout Lab) throws(APIError) -> APIResponse {
        let filters = PruneFilters(try APIFilters.parse(c.request.value("filters")))
        let report = try withEngine(&lab) { (s: inout DaemonSession) throws(APIError) -> DockerEngine.PruneReport in
            do throws(EngineError) { return try s.engine.pruneContainers(filters, now: s.now) } catch { throw APIError(error) }
        }
        c.record("docker container prune -f")
        let ids: JSONValue = report.deleted.isEmpty ? .null : .array(report.deleted.map { JSONValue.string($0) })
        return .json(["ContainersDeleted": ids, "SpaceReclaimed": .int(report.spaceReclaimed)])
    }

    /// `POST /containers/{id}/ACTION`.
    mutating func containerAction(_ reference: String, _ action: String, _ c: inout Context, lab: inout Lab) throws(APIError) -> APIResponse {
        let r = c.request
        switch action {
        case "start":
            var started: String?
            do throws(APIError) {
                try Self.engine(&lab) { (s: inout DaemonSession) throws(EngineError) in
                    let i = try s.engine.containerIndex(reference)
                    // moby: starting a running container is "304 Not Modified".
                    if s.engine.containers[i].state.running { return }
                    started = s.engine.containers[i].id
                    _ = try s.engine.start(reference, ids: &s.ids, hostFiles: &s.files, now: s.now)
                }
            } catch {
                // A start that fails (no such executable) was still typed: `docker run` replays it.
                if let id = started {
                    c.started = (id, false)
                    // moby removes an AutoRemove container whose start failed (`docker run --rm`
                    // waits for that).
                    try? Self.engine(&lab) { (s: inout DaemonSession) throws(EngineError) in
                        let i = try s.engine.containerIndex(id)
                        if s.engine.containers[i].hostConfig.autoRemove { try s.engine.remove(id, force: true, volumes: true, now: s.now) }
                    }
                }
                throw error
            }
            guard let id = started else { return APIResponse(status: 304) }
            c.record(APIHistory.line(["docker", "start", reference]))
            c.started = (id, false)
            return .noContent
        case "stop", "restart", "kill", "pause", "unpause":
            try Self.engine(&lab) { (s: inout DaemonSession) throws(EngineError) in
                switch action {
                case "stop": try s.engine.stop(reference, now: s.now)
                case "restart":
                    try s.engine.stop(reference, now: s.now)
                    _ = try s.engine.start(reference, ids: &s.ids, hostFiles: &s.files, now: s.now)
                    let i = try s.engine.containerIndex(reference)
                    s.engine.recordEvent(.container(s.engine.containers[i], "restart", time: s.now))
                case "kill":
                    do throws(EngineError) { try s.engine.kill(reference, now: s.now) } catch {
                        // moby's kill route wraps every failure with the name it was given.
                        throw .other("Cannot kill container: \(reference): " + error.message, status: APIError(error).status)
                    }
                case "pause": try s.engine.pause(reference, now: s.now)
                default: try s.engine.unpause(reference, now: s.now)
                }
            }
            c.record(APIHistory.line(["docker", action, reference]))
            return .noContent
        case "rename":
            guard let name = r.value("name"), !name.isEmpty else { throw .invalid("Neither old nor new names may be empty") }
            try Self.engine(&lab) { (s: inout DaemonSession) throws(EngineError) in try s.engine.rename(reference, to: name, now: s.now) }
            c.record(APIHistory.line(["docker", "rename", reference, name]))
            return .noContent
        case "update": return try Self.updateContainer(reference, &c, lab: &lab)
        case "wait": return try Self.wait(reference, r, lab: &lab)
        case "exec": return try createExec(reference, &c, lab: &lab)
        case "attach":
            var response = try Self.attach(reference, r, lab: &lab)
            c.attached = response.stream?.containerID
            // With the client's input (`docker run -i`, `-it`, `docker attach`): its process reads it.
            if r.flag("stdin"), let i = try? lab.machine.engine.containerIndex(reference), lab.machine.engine.containers[i].config.openStdin {
                let container = lab.machine.engine.containers[i]
                attachCount += 1
                let key = "attach-\(attachCount)"
                terminals[key] = APITerminal(container: container, argv: container.processArguments, tty: container.config.tty,
                                             endsContainer: true, execID: nil)
                response.stream?.terminal = key
            }
            return response
        case "resize":
            // The client's terminal size; the lab's shells do not use it.
            _ = try Self.withEngine(&lab) { (s: inout DaemonSession) throws(APIError) -> Int in try Self.container(reference, s.engine) }
            return APIResponse(status: 200)
        default: throw .notFound("page not found")
        }
    }
}

