/// `/images/…`: pull (`create`, with its JSON progress stream), push (API+ImagePush), save and
/// load (API+SaveLoad), list, inspect, history, tag, remove and prune, through the engine calls of the simulated `docker` client
/// (Client/Commands/ImageCommands.swift).
extension EngineAPI {
    mutating func images(_ parts: [String], _ c: inout Context, lab: inout Lab) throws(APIError) -> APIResponse {
        let r = c.request
        switch (r.method, parts.last ?? "") {
        case ("POST", "create") where parts.count == 1: return try Self.pull(&c, lab: &lab)
        case ("GET", "get") where parts.count == 1: return try Self.saveImages(r.values("names"), lab: &lab)
        case ("GET", "get") where parts.count > 1: return try Self.saveImages([Self.name(parts.dropLast())], lab: &lab)
        case ("POST", "load") where parts.count == 1: return try Self.loadImages(&c, lab: &lab)
        case ("GET", "json") where parts.count == 1: return try Self.listImages(r, lab: &lab)
        case ("POST", "prune") where parts.count == 1: return try Self.pruneImages(&c, lab: &lab)
        case ("GET", "json") where parts.count > 1: return try Self.inspectImage(Self.name(parts.dropLast()), lab: &lab)
        case ("GET", "history") where parts.count > 1: return try Self.imageHistory(Self.name(parts.dropLast()), lab: &lab)
        case ("POST", "push") where parts.count > 1: return try Self.push(Self.name(parts.dropLast()), &c, lab: &lab)
        case ("POST", "tag") where parts.count > 1: return try Self.tagImage(Self.name(parts.dropLast()), &c, lab: &lab)
        case ("DELETE", _) where !parts.isEmpty: return try Self.removeImage(Self.name(parts[...]), &c, lab: &lab)
        default: throw .notFound("page not found")
        }
    }

    /// An image name that spans path segments (`localhost:5000/tools/alpine`).
    static func name(_ parts: ArraySlice<String>) -> String { parts.joined(separator: "/") }

    /// `POST /images/create?fromImage=&tag=`: the progress lines `docker pull` shows, one JSON
    /// message each (`{"status":…,"id":…}`), which the client prints back as lines.
    static func pull(_ c: inout Context, lab: inout Lab) throws(APIError) -> APIResponse {
        let r = c.request
        guard let from = r.value("fromImage"), !from.isEmpty else {
            throw APIError(status: 500, message: "lab: importing an image (fromSrc) is not simulated")
        }
        let tag = r.value("tag") ?? ""
        let reference = tag.isEmpty ? from : tag.hasPrefix("sha256:") ? from + "@" + tag : from + ":" + tag
        let name = ImageName(reference)
        let lines = try engine(&lab) { (s: inout DaemonSession) throws(EngineError) -> [String] in
            if let host = DockerEngine.registryHost(name.repository) { return try s.engine.pullFromRegistry(name, host: host, now: s.now).get() }
            // What learners pushed to Docker Hub too, as `lab sh`'s pull.
            guard let lines = s.pull(name) else { throw ImageCommands.pullError(name, hub: s.hub) }
            return lines
        }
        c.record(APIHistory.line(["docker", "pull", name.familiar]))
        var body: [UInt8] = []
        for line in lines { body += Array((progressMessage(line).compactJSON() + "\n").utf8) }
        return APIResponse(status: 200, headers: [("Content-Type", "application/json")], body: body)
    }

    /// One progress line as the daemon's JSON message: `ID: status` lines carry the id apart.
    static func progressMessage(_ line: String) -> JSONValue {
        if !line.hasPrefix("Digest: ") && !line.hasPrefix("Status: "), let colon = line.range(of: ": ") {
            let id = String(line[..<colon.lowerBound])
            let status = String(line[colon.upperBound...])
            if status.hasPrefix("Pulling fs layer") || status.hasPrefix("Waiting") {
                return ["status": .string(status), "progressDetail": .object(JSONObject()), "id": .string(id)]
            }
            return ["status": .string(status), "id": .string(id)]
        }
        return ["status": .string(line)]
    }

    /// `GET /images/json?all=&filters=`: the API's ImageSummary per image.
    static func listImages(_ r: APIRequest, lab: inout Lab) throws(APIError) -> APIResponse {
        let filters = ListFilters(try APIFilters.parse(r.value("filters")) + (r.value("filter").map { ["reference=" + $0] } ?? []))
        return try withEngine(&lab) { (s: inout DaemonSession) throws(APIError) -> APIResponse in
            switch ObjectListing.imageSelection(filters, all: r.flag("all"), engine: s.engine) {
            case .failure(let error): throw APIError(error)
            case .success(let list):
                return .json(.array(list.map { image in
                    [
                        "Containers": -1, "Created": .int(Int64(image.created.rounded(.down))), "Id": .string(image.id),
                        "Labels": ContainerInspect.map(image.built?.labels ?? [:]), "ParentId": .string(image.built?.parent ?? ""),
                        "RepoDigests": .array(image.repoDigests.map { .string($0) }),
                        "RepoTags": .array(image.repoTags.map { .string($0) }), "SharedSize": -1, "Size": .int(image.size),
                        "VirtualSize": .int(image.size),
                    ]
                }))
            }
        }
    }

    static func image(_ reference: String, _ engine: DockerEngine) throws(APIError) -> Int {
        guard let i = engine.imageIndex(reference) else { throw APIError(.noSuchImage(ImageName(reference).familiar)) }
        return i
    }

    static func inspectImage(_ reference: String, lab: inout Lab) throws(APIError) -> APIResponse {
        try withEngine(&lab) { (s: inout DaemonSession) throws(APIError) -> APIResponse in
            .json(ImageInspect.json(s.engine.images[try image(reference, s.engine)]))
        }
    }

    static func imageHistory(_ reference: String, lab: inout Lab) throws(APIError) -> APIResponse {
        try withEngine(&lab) { (s: inout DaemonSession) throws(APIError) -> APIResponse in
            let layers = ImageHistory.layers(s.engine.images[try image(reference, s.engine)], engine: s.engine)
            return .json(.array(layers.map { l in
                [
                    "Comment": .string(l.comment), "Created": .int(Int64(l.created.rounded(.down))), "CreatedBy": .string(l.createdBy),
                    "Id": .string(l.id), "Size": .int(l.size), "Tags": .null,
                ]
            }))
        }
    }

    /// `POST /images/{name}/tag?repo=&tag=`.
    static func tagImage(_ reference: String, _ c: inout Context, lab: inout Lab) throws(APIError) -> APIResponse {
        let r = c.request
        guard let repo = r.value("repo"), !repo.isEmpty else { throw .invalid("repository name must have at least one component") }
        let target = repo + ":" + ((r.value("tag") ?? "").isEmpty ? "latest" : r.value("tag") ?? "")
        try engine(&lab) { (s: inout DaemonSession) throws(EngineError) in try s.engine.tag(reference, as: target, now: s.now) }
        c.record(APIHistory.line(["docker", "tag", reference, ImageName(target).familiar]))
        return APIResponse(status: 201)
    }

    /// `DELETE /images/{name}?force=`: `[{"Untagged": …}, {"Deleted": …}]`.
    static func removeImage(_ reference: String, _ c: inout Context, lab: inout Lab) throws(APIError) -> APIResponse {
        let force = c.request.flag("force")
        let lines = try engine(&lab) { (s: inout DaemonSession) throws(EngineError) -> [String] in
            try s.engine.removeImage(reference, force: force, now: s.now)
        }
        c.record(APIHistory.line(["docker", "rmi"] + (force ? ["-f"] : []) + [reference]))
        return .json(.array(lines.map(deletedItem)))
    }

    /// "Untagged: x" / "Deleted: sha256:…" as the API's DeleteResponse item.
    static func deletedItem(_ line: String) -> JSONValue {
        guard let colon = line.range(of: ": ") else { return ["Deleted": .string(line)] }
        return .object(JSONObject([(String(line[..<colon.lowerBound]), .string(String(line[colon.upperBound...])))]))
    }

    /// `POST /images/prune?filters=`: dangling images, or with `dangling=false` every unused one.
    static func pruneImages(_ c: inout Context, lab: inout Lab) throws(APIError) -> APIResponse {
        let filters = APIFilters.dictionary(try APIFilters.parse(c.request.value("filters")))
        let all = filters["dangling"]?.contains { $0 == "false" || $0 == "0" } ?? false
        let rest = PruneFilters(try APIFilters.parse(c.request.value("filters")).filter { !$0.hasPrefix("dangling=") })
        let report = try withEngine(&lab) { (s: inout DaemonSession) throws(APIError) -> DockerEngine.PruneReport in
            do throws(EngineError) { return try s.engine.pruneImages(all: all, rest, now: s.now) } catch { throw APIError(error) }
        }
        c.record(APIHistory.line(["docker", "image", "prune", "-f"] + (all ? ["-a"] : [])))
        // The report's lines are `untagged: …` and `deleted: …`; the API's items are {"Untagged": …} and {"Deleted": …}.
        let deleted: [JSONValue] = report.deleted.map { line -> JSONValue in
            let untagged = line.hasPrefix("untagged: ")
            let value = JSONValue.string(String(line.dropFirst(untagged ? 10 : 9)))
            return .object(JSONObject([(untagged ? "Untagged" : "Deleted", value)]))
        }
        let items: JSONValue = deleted.isEmpty ? .null : .array(deleted)
        return .json(["ImagesDeleted": items, "SpaceReclaimed": .int(report.spaceReclaimed)])
    }
}

