/// The system endpoints: `/_ping` (with the headers the client's version negotiation reads:
/// moby client/ping.go), `/version`, `/info`, `/system/df` and `/events`, from the same data as
/// `docker version`, `docker info`, `docker system df` and `docker events` in `lab sh`.
extension EngineAPI {
    /// moby api/server/router/system pingHandler: no caching, the builder and the swarm state;
    /// "OK" for GET, an empty body for HEAD.
    static func ping(_ r: APIRequest, lab: Lab) -> APIResponse {
        let info = SwarmInfo(lab, machine: lab.current)
        let swarm = info.state == "inactive" ? "inactive" : info.state + "/" + (info.controlAvailable ? "manager" : "worker")
        let headers = [("Cache-Control", "no-cache, no-store, must-revalidate"), ("Pragma", "no-cache"), ("Builder-Version", "1"),
                       ("Swarm", swarm), ("Content-Type", "text/plain; charset=utf-8")]
        return APIResponse(status: 200, headers: headers, body: r.method == "HEAD" ? [] : Array("OK".utf8))
    }

    /// `GET /version`: the server half of `docker version`.
    static var versionJSON: JSONValue { VersionInfo.data["Server"] ?? .null }

    /// `GET /info`: what `docker info` reads (its client half left out).
    static func info(_ lab: Lab) -> APIResponse {
        let machine = lab.machine
        guard case .object(let o) = SystemInfo.data(engine: machine.engine, hostname: SystemCommands.hostname(machine.files),
                                                     now: lab.clock.now, swarm: SwarmInfo(lab, machine: lab.current)) else {
            return .json(.null)
        }
        return .json(.object(JSONObject(o.entries.filter { $0.key != "ClientInfo" }.map { ($0.key, $0.value) })))
    }

    /// `GET /system/df`: the counts and sizes `docker system df` sums up.
    static func diskUsage(_ lab: Lab) -> APIResponse {
        let engine = lab.machine.engine, now = lab.clock.now
        let images: [JSONValue] = DiskUsage.images(engine).map { entry in
            let i = entry.image
            return [
                "Containers": .int(Int64(entry.containers)), "Created": .int(Int64(i.created.rounded(.down))), "Id": .string(i.id),
                "Labels": ContainerInspect.map(i.built?.labels ?? [:]), "ParentId": .string(i.built?.parent ?? ""),
                "RepoDigests": .array(ImageInspect.repoDigests(i).map { .string($0) }), "RepoTags": .array(i.repoTags.map { .string($0) }),
                "SharedSize": .int(entry.shared), "Size": .int(i.size), "VirtualSize": .int(i.size),
            ]
        }
        let volumes: [JSONValue] = engine.volumes.map { v in
            guard case .object(var o) = VolumeInspect.json(v) else { return .null }
            o["UsageData"] = ["RefCount": .int(Int64(DiskUsage.links(v, engine))), "Size": .int(DiskUsage.volumeSize(v))]
            return .object(o)
        }
        return .json([
            "LayersSize": .int(DiskUsage.layersSize(engine)), "Images": .array(images),
            // Newest first, as the daemon lists them for `docker ps -a`.
            "Containers": .array(engine.containers.indices.sorted { a, b in
                let ca = engine.containers[a].created, cb = engine.containers[b].created
                return ca != cb ? ca > cb : a > b
            }.map { ContainerSummary.json(engine.containers[$0], engine: engine, now: now, size: true) }),
            "Volumes": .array(volumes), "BuildCache": [],
        ])
    }

    /// `GET /events?since=&until=&filters=`: the log between the two times (the daemon replays
    /// it only when `since` is given); without `until` the stream stays open for new events.
    static func events(_ r: APIRequest, lab: inout Lab) -> APIResponse {
        let log = lab.machine.engine.recordedEvents
        let now = lab.clock.now
        let filters = (try? APIFilters.parse(r.value("filters"))) ?? []
        let since = r.value("since").flatMap { EventLog.timestamp($0, now: now) }
        let until = r.value("until").flatMap { EventLog.timestamp($0, now: now) }
        let f = ListFilters(filters)
        var body: [UInt8] = []
        if let since {
            for e in log where e.time >= since && (until.map { e.time <= $0 } ?? true) && EventLog.include(e, f) {
                body += Array((EventLog.json(e).compactJSON() + "\n").utf8)
            }
        }
        var response = APIResponse(status: 200, headers: [("Content-Type", "application/json")], body: body)
        if until == nil || until! > now {
            response.stream = APIStream(kind: .events(filters: APIFilters.dictionary(filters)), offset: log.count,
                                        finishedAtStart: until)
        }
        return response
    }

    /// New events for an open `/events` stream; it ends once its `until` (kept in
    /// `finishedAtStart`) has passed.
    static func pollEvents(_ stream: inout APIStream, filters: [String: [String]], lab: Lab) -> APIStreamChunk {
        let log = lab.machine.engine.recordedEvents
        let f = ListFilters(filters.flatMap { key, values in values.map { key + "=" + $0 } })
        var bytes: [UInt8] = []
        let until = stream.finishedAtStart
        for e in log.dropFirst(min(stream.offset, log.count)) where EventLog.include(e, f) && (until.map { e.time <= $0 } ?? true) {
            bytes += Array((EventLog.json(e).compactJSON() + "\n").utf8)
        }
        stream.offset = log.count
        return APIStreamChunk(bytes: bytes, done: until.map { lab.clock.now > $0 } ?? false)
    }
}
