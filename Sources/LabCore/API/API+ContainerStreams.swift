/// What a container's process shows through the API: its logs (the multiplexed stream unless it
/// has a TTY), an attached stream and a wait that last while it runs (`APIStream`, polled by the
/// transport), its processes (`top`) and one sample of its resource use (`stats?stream=false`).
extension EngineAPI {
    /// `GET /containers/{id}/logs?stdout=&stderr=&since=&until=&timestamps=&tail=&follow=`.
    static func logs(_ reference: String, _ r: APIRequest, lab: inout Lab) throws(APIError) -> APIResponse {
        let stdout = r.flag("stdout"), stderr = r.flag("stderr")
        // moby api/server/router/container: neither stream asked for.
        guard stdout || stderr else { throw .invalid("Bad parameters: you must choose at least one stream") }
        return try withEngine(&lab) { (s: inout DaemonSession) throws(APIError) -> APIResponse in
            let i = try container(reference, s.engine)
            let c = s.engine.containers[i]
            var entries = c.logs[...]
            if let since = r.value("since").flatMap(Double.init), since > 0 { entries = entries.filter { $0.time >= since }[...] }
            if let until = r.value("until").flatMap(Double.init), until > 0 { entries = entries.filter { $0.time <= until }[...] }
            if let tail = r.value("tail"), tail != "all", let n = Int(tail), n >= 0 { entries = entries.suffix(n) }
            let body = MultiplexedStream.encode(entries, tty: c.config.tty, stdout: stdout, stderr: stderr, timestamps: r.flag("timestamps"))
            var response = APIResponse(status: 200, headers: [("Content-Type", contentType(tty: c.config.tty, r))], body: body)
            if r.flag("follow") && c.state.running {
                response.stream = APIStream(kind: .output(stdout: stdout, stderr: stderr, timestamps: r.flag("timestamps")),
                                            containerID: c.id, offset: c.logs.count, tty: c.config.tty, runningAtStart: true)
            }
            return response
        }
    }

    /// moby: a raw stream, or from API 1.42 the multiplexed stream's own type when there is no TTY.
    static func contentType(tty: Bool, _ r: APIRequest) -> String {
        !tty && compareVersions(r.version ?? maximumVersion, "1.42") >= 0
            ? "application/vnd.docker.multiplexed-stream" : "application/vnd.docker.raw-stream"
    }

    /// `POST /containers/{id}/wait?condition=not-running|next-exit|removed`.
    static func wait(_ reference: String, _ r: APIRequest, lab: inout Lab) throws(APIError) -> APIResponse {
        let condition = r.value("condition").flatMap { $0.isEmpty ? nil : $0 } ?? "not-running"
        guard ["not-running", "next-exit", "removed"].contains(condition) else {
            throw .invalid("invalid condition: \"\(condition)\"")
        }
        return try withEngine(&lab) { (s: inout DaemonSession) throws(APIError) -> APIResponse in
            let c = s.engine.containers[try container(reference, s.engine)]
            let stream = APIStream(kind: .wait(condition: condition), containerID: c.id, finishedAtStart: c.state.finishedAt,
                                   runningAtStart: c.state.running, lastExitCode: c.state.exitCode)
            return APIResponse(status: 200, headers: [("Content-Type", "application/json")], stream: stream)
        }
    }

    /// `POST /containers/{id}/attach?stream=1&stdout=1&stderr=1`: the connection is upgraded and
    /// carries the container's output from now on (`logs=1` sends what it wrote so far first).
    static func attach(_ reference: String, _ r: APIRequest, lab: inout Lab) throws(APIError) -> APIResponse {
        try withEngine(&lab) { (s: inout DaemonSession) throws(APIError) -> APIResponse in
            let i = try container(reference, s.engine)
            let c = s.engine.containers[i]
            s.engine.recordEvent(.container(c, "attach", time: s.now))
            let stdout = r.flag("stdout"), stderr = r.flag("stderr")
            let body = r.flag("logs") ? MultiplexedStream.encode(c.logs, tty: c.config.tty, stdout: stdout, stderr: stderr, timestamps: false) : []
            var response = APIResponse(status: 101, headers: [("Content-Type", contentType(tty: c.config.tty, r)),
                                                             ("Connection", "Upgrade"), ("Upgrade", "tcp")], body: body)
            response.upgrade = true
            response.stream = APIStream(kind: .output(stdout: stdout, stderr: stderr, timestamps: false), containerID: c.id,
                                        offset: c.logs.count, tty: c.config.tty, finishedAtStart: c.state.finishedAt,
                                        runningAtStart: c.state.running)
            return response
        }
    }

    /// `GET /containers/{id}/top?ps_args=`: `{"Titles": […], "Processes": [[…]]}`.
    static func top(_ reference: String, _ r: APIRequest, lab: inout Lab) throws(APIError) -> APIResponse {
        try withEngine(&lab) { (s: inout DaemonSession) throws(APIError) -> APIResponse in
            switch ProcessTable.table(reference, psArgs: r.value("ps_args") ?? "", engine: s.engine, now: s.now) {
            case nil: throw APIError(status: 500, message: "lab: this ps format is not simulated")
            case .failure(let error)?: throw APIError(error)
            case .success(let table)?:
                if let i = try? s.engine.containerIndex(reference) {
                    s.engine.recordEvent(.container(s.engine.containers[i], "top", time: s.now))
                }
                return .json(["Processes": .array(table.rows.map { .array($0.map { .string($0) }) }),
                              "Titles": .array(table.titles.map { .string($0) })])
            }
        }
    }

    /// `GET /containers/{id}/stats`: one sample with `stream=false` (ContainerStats' figures as
    /// the daemon's counters, from which the client computes its columns); otherwise the first
    /// sample at once and then one a second on the open connection (moby's stats collector
    /// publishes each second, a stopped container's sample empty; `docker stats` redraws its
    /// table from them).
    static func stats(_ reference: String, _ r: APIRequest, lab: inout Lab) throws(APIError) -> APIResponse {
        try withEngine(&lab) { (s: inout DaemonSession) throws(APIError) -> APIResponse in
            let c = s.engine.containers[try container(reference, s.engine)]
            var response = APIResponse.json(ContainerStats.apiJSON(c, now: s.now))
            // moby v20.10 daemon/stats.go: stream defaults to true, and does not go with one-shot.
            let streamed = r.value("stream") == nil || r.flag("stream")
            if streamed && r.flag("one-shot") { throw .invalid("cannot have stream=true and one-shot=true") }
            if streamed {
                var stream = APIStream(kind: .stats, containerID: c.id)
                stream.sampledAt = s.now
                response.stream = stream
            }
            return response
        }
    }

    /// The next sample of a stats stream, when a second has passed since the last; done when the
    /// container is gone.
    static func pollStats(_ stream: inout APIStream, lab: Lab) -> APIStreamChunk {
        let engine = lab.machine.engine
        guard let i = try? engine.containerIndex(stream.containerID) else { return APIStreamChunk(bytes: [], done: true) }
        let now = lab.clock.now
        guard now - (stream.sampledAt ?? 0) >= 1 else { return APIStreamChunk(bytes: [], done: false) }
        stream.sampledAt = now
        return APIStreamChunk(bytes: Array((ContainerStats.apiJSON(engine.containers[i], now: now).compactJSON() + "\n").utf8), done: false)
    }

    /// Feeds a stream: what is new since the last poll, and whether it has ended.
    public mutating func poll(_ stream: inout APIStream, lab: Lab) -> APIStreamChunk {
        let engine = lab.machine.engine
        switch stream.kind {
        case .events(let filters):
            return Self.pollEvents(&stream, filters: filters, lab: lab)
        case .stats:
            return Self.pollStats(&stream, lab: lab)
        case .terminal:
            let bytes = terminalStart(stream, lab: lab)
            return APIStreamChunk(bytes: bytes, done: stream.terminal.map { terminals[$0] == nil } ?? true)
        case .output(let stdout, let stderr, let timestamps):
            guard let i = try? engine.containerIndex(stream.containerID) else { return APIStreamChunk(bytes: [], done: true) }
            let c = engine.containers[i]
            let fresh = c.logs.dropFirst(min(stream.offset, c.logs.count))
            stream.offset = c.logs.count
            // A shell attached with input shows its prompt once it runs.
            let bytes = MultiplexedStream.encode(fresh, tty: stream.tty, stdout: stdout, stderr: stderr, timestamps: timestamps)
                + (stream.runningAtStart ? [] : terminalStart(stream, lab: lab))
            // An attach made before the start lasts until the process that start runs has ended.
            return APIStreamChunk(bytes: bytes, done: Self.ended(c, since: stream))
        case .wait(let condition):
            var done = false
            if let i = try? engine.containerIndex(stream.containerID) {
                let c = engine.containers[i]
                stream.lastExitCode = c.state.exitCode
                switch condition {
                case "removed": done = false
                case "next-exit": done = Self.ended(c, since: stream)
                default: done = !c.state.running
                }
            } else {
                done = true
            }
            guard done else { return APIStreamChunk(bytes: [], done: false) }
            let body: JSONValue = ["Error": .null, "StatusCode": .int(Int64(stream.lastExitCode))]
            return APIStreamChunk(bytes: Array((body.compactJSON() + "\n").utf8), done: true)
        }
    }

    /// Whether the container has stopped since the stream began: it was running then, or it has
    /// finished again since.
    static func ended(_ c: Container, since stream: APIStream) -> Bool {
        !c.state.running && (stream.runningAtStart || c.state.finishedAt != stream.finishedAtStart)
    }

    /// Moves the clock up to the host's and lets the engine catch up (processes that ended, health
    /// checks), then removes the `--rm` containers that have stopped once `streams` (the open
    /// attaches) have taken their output; true when the lab changed.
    public mutating func tick(lab: inout Lab, wallTime: Double?, streams: [APIStream]) -> Bool {
        if let wallTime { lab.clock.advance(by: wallTime - lab.clock.now) }
        let before = lab.machine.engine
        let held = Set(streams.compactMap { s -> String? in if case .output = s.kind { return s.containerID } else { return nil } })
        DaemonSession.with(&lab) { (s: inout DaemonSession) in
            for c in s.engine.containers where c.hostConfig.autoRemove && !c.state.running && c.state.startedAt != nil && !held.contains(c.id) {
                try? s.engine.remove(c.id, force: true, volumes: true, now: s.now)
            }
        }
        return lab.machine.engine != before
    }
}
