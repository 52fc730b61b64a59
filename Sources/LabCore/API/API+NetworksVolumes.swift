/// `/networks/…` and `/volumes/…`: list, create, inspect, connect and disconnect, remove and
/// prune, through the engine calls of the simulated `docker` client
/// (Client/Commands/NetworkVolumeCommands.swift); objects as `docker inspect` prints them.
extension EngineAPI {
    mutating func networks(_ parts: [String], _ c: inout Context, lab: inout Lab) throws(APIError) -> APIResponse {
        let r = c.request
        switch (r.method, parts.count) {
        case ("GET", 0):
            let filters = ListFilters(try APIFilters.parse(r.value("filters")))
            return try Self.withEngine(&lab) { (s: inout DaemonSession) throws(APIError) -> APIResponse in
                switch ObjectListing.networkSelection(filters, engine: s.engine) {
                case .failure(let error): throw APIError(error)
                case .success(let list): return .json(.array(list.map { NetworkInspect.json($0, engine: s.engine) }))
                }
            }
        case ("POST", 1) where parts[0] == "create": return try Self.createNetwork(&c, lab: &lab)
        case ("POST", 1) where parts[0] == "prune":
            let filters = PruneFilters(try APIFilters.parse(c.request.value("filters")))
            let report = try Self.withEngine(&lab) { (s: inout DaemonSession) throws(APIError) -> DockerEngine.PruneReport in
                do throws(EngineError) { return try s.engine.pruneNetworks(filters, now: s.now) } catch { throw APIError(error) }
            }
            c.record("docker network prune -f")
            let names: JSONValue = report.deleted.isEmpty ? .null : .array(report.deleted.map { JSONValue.string($0) })
            return .json(["NetworksDeleted": names])
        case ("GET", 1):
            return try Self.withEngine(&lab) { (s: inout DaemonSession) throws(APIError) -> APIResponse in
                guard let i = s.engine.networkIndex(parts[0]) else { throw APIError(.noSuchNetwork(parts[0])) }
                return .json(NetworkInspect.json(s.engine.networks[i], engine: s.engine))
            }
        case ("DELETE", 1):
            if (try? lab.overlayNetwork(parts[0])) != nil {
                try Self.swarmCall { () throws(EngineError) in try lab.removeOverlay(parts[0]) }
            } else {
                try Self.engine(&lab) { (s: inout DaemonSession) throws(EngineError) in try s.engine.removeNetwork(parts[0], now: s.now) }
            }
            c.record(APIHistory.line(["docker", "network", "rm", parts[0]]))
            return .noContent
        case ("POST", 2) where parts[1] == "connect" || parts[1] == "disconnect":
            let body = try r.jsonBody()
            guard let container = body?["Container"]?.stringValue, !container.isEmpty else {
                throw .invalid("invalid container: container name or ID is required")
            }
            let aliases = ContainerCreateBody.strings(body?["EndpointConfig"]?["Aliases"]) ?? []
            try Self.engine(&lab) { (s: inout DaemonSession) throws(EngineError) in
                if parts[1] == "connect" {
                    try s.engine.connect(container, to: parts[0], aliases: aliases, ids: &s.ids, now: s.now)
                } else {
                    try s.engine.disconnect(container, from: parts[0], now: s.now)
                }
            }
            c.record(APIHistory.line(["docker", "network", parts[1]] + aliases.flatMap { ["--alias", $0] } + [parts[0], container]))
            return APIResponse(status: 200)
        default: throw .notFound("page not found")
        }
    }

    /// `POST /networks/create`: `{"Id": …, "Warning": ""}`.
    static func createNetwork(_ c: inout Context, lab: inout Lab) throws(APIError) -> APIResponse {
        let body = try c.request.jsonBody() ?? .object(JSONObject())
        guard let name = body["Name"]?.stringValue, !name.isEmpty else { throw .invalid("network name must not be empty") }
        let driver = ContainerCreateBody.nonEmpty(body["Driver"]) ?? "bridge"
        var subnet: String?, gateway: String?
        if case .array(let configs)? = body["IPAM"]?["Config"], let first = configs.first {
            subnet = ContainerCreateBody.nonEmpty(first["Subnet"])
            gateway = ContainerCreateBody.nonEmpty(first["Gateway"])
        }
        let labels = ContainerCreateBody.stringMap(body["Labels"])
        let isInternal = body["Internal"] == .bool(true), attachable = body["Attachable"] == .bool(true)
        let id: String
        if driver == "overlay" && lab.swarm != nil && lab.currentNode != nil {
            // An overlay is the swarm's (`lab sh` makes it through SwarmCommands the same way).
            id = try swarmCall { () throws(EngineError) -> String in
                try lab.createOverlay(name: name, subnet: subnet, gateway: gateway, labels: labels, attachable: attachable, isInternal: isInternal)
            }
        } else {
            id = try engine(&lab) { (s: inout DaemonSession) throws(EngineError) -> String in
                try s.engine.createNetwork(name: name, driver: driver, subnet: subnet, gateway: gateway, labels: labels,
                                           isInternal: isInternal, attachable: attachable, ids: &s.ids, now: s.now)
            }
        }
        var words = ["docker", "network", "create"]
        if driver != "bridge" { words += ["--driver", driver] }
        if let subnet { words += ["--subnet", subnet] }
        if let gateway { words += ["--gateway", gateway] }
        if isInternal { words.append("--internal") }
        if attachable { words.append("--attachable") }
        for key in labels.keys.sorted() { words += ["--label", key + "=" + (labels[key] ?? "")] }
        c.record(APIHistory.line(words + [name]))
        return .json(["Id": .string(id), "Warning": ""], status: 201)
    }

    mutating func volumes(_ parts: [String], _ c: inout Context, lab: inout Lab) throws(APIError) -> APIResponse {
        let r = c.request
        switch (r.method, parts.count) {
        case ("GET", 0):
            let filters = ListFilters(try APIFilters.parse(r.value("filters")))
            return try Self.withEngine(&lab) { (s: inout DaemonSession) throws(APIError) -> APIResponse in
                switch ObjectListing.volumeSelection(filters, engine: s.engine) {
                case .failure(let error): throw APIError(error)
                case .success(let list): return .json(["Volumes": .array(list.map(VolumeInspect.json)), "Warnings": .null])
                }
            }
        case ("POST", 1) where parts[0] == "create":
            let body = try r.jsonBody() ?? .object(JSONObject())
            let given = ContainerCreateBody.nonEmpty(body["Name"])
            let driver = ContainerCreateBody.nonEmpty(body["Driver"]) ?? "local"
            let labels = ContainerCreateBody.stringMap(body["Labels"])
            let volume = try Self.withEngine(&lab) { (s: inout DaemonSession) throws(APIError) -> JSONValue in
                let name = s.engine.createVolume(name: given, driver: driver, labels: labels, anonymous: given == nil, ids: &s.ids, now: s.now)
                return VolumeInspect.json(s.engine.volumes[s.engine.volumeIndex(name) ?? 0])
            }
            var words = ["docker", "volume", "create"]
            if driver != "local" { words += ["--driver", driver] }
            for key in labels.keys.sorted() { words += ["--label", key + "=" + (labels[key] ?? "")] }
            c.record(APIHistory.line(words + (given.map { [$0] } ?? [])))
            return .json(volume, status: 201)
        case ("POST", 1) where parts[0] == "prune":
            let filters = PruneFilters(try APIFilters.parse(c.request.value("filters")))
            let gone = try Self.withEngine(&lab) { (s: inout DaemonSession) throws(APIError) -> [String] in
                do throws(EngineError) { return try s.engine.pruneVolumes(filters, now: s.now) } catch { throw APIError(error) }
            }
            c.record("docker volume prune -f")
            return .json(["VolumesDeleted": gone.isEmpty ? .null : .array(gone.map { .string($0) }), "SpaceReclaimed": 0])
        case ("GET", 1):
            return try Self.withEngine(&lab) { (s: inout DaemonSession) throws(APIError) -> APIResponse in
                guard let i = s.engine.volumeIndex(parts[0]) else { throw APIError(.noSuchVolume(parts[0])) }
                return .json(VolumeInspect.json(s.engine.volumes[i]))
            }
        case ("DELETE", 1):
            let force = r.flag("force")
            try Self.engine(&lab) { (s: inout DaemonSession) throws(EngineError) in try s.engine.removeVolume(parts[0], force: force, now: s.now) }
            c.record(APIHistory.line(["docker", "volume", "rm"] + (force ? ["-f"] : []) + [parts[0]]))
            return .noContent
        default: throw .notFound("page not found")
        }
    }
}

