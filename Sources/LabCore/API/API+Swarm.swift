import Foundation

/// `/swarm`: init, join, leave, inspect, update (settings, token and key rotation), the unlock
/// key (moby v20.10 api/server/router/swarm/cluster_routes.go); and `/distribution/{name}/json`,
/// which the client asks for an image's digest before it sends a service. Through the lab's
/// swarm calls that `lab sh`'s `docker swarm` makes (Engine/Swarm/Swarm+Membership.swift), with
/// the daemon's messages (SwarmMessages).
extension EngineAPI {
    /// Runs a lab-level swarm call, its refusal as the daemon's error.
    static func swarmCall<T>(_ body: () throws(EngineError) -> T) throws(APIError) -> T {
        do throws(EngineError) { return try body() } catch { throw APIError(error) }
    }

    mutating func swarm(_ parts: [String], _ c: inout Context, lab: inout Lab) throws(APIError) -> APIResponse {
        let r = c.request
        switch (r.method, parts.first ?? "") {
        case ("GET", ""):
            let cluster = try Self.swarmCall { () throws(EngineError) -> SwarmCluster in
                try lab.requireManager()
                guard let swarm = lab.swarm else { throw SwarmMessages.notInSwarm }
                return swarm
            }
            var o = SwarmInfo.clusterJSON(cluster)
            o[new: "JoinTokens"] = ["Worker": .string(cluster.workerToken), "Manager": .string(cluster.managerToken)]
            return .json(.object(o))
        case ("POST", "init"):
            let body = try r.jsonBody() ?? .object(JSONObject())
            let advertise = ContainerCreateBody.nonEmpty(body["AdvertiseAddr"])
            let availability = ContainerCreateBody.nonEmpty(body["Availability"])
            let id = try Self.swarmCall { () throws(EngineError) -> String in
                let id = try lab.swarmInit(advertiseAddr: advertise, availability: availability)
                if body["AutoLockManagers"] == .bool(true) { lab.swarm?.unlockKey = SwarmAutolock.newKey(&lab.ids) }
                return id
            }
            var words = ["docker", "swarm", "init"]
            if let advertise { words += ["--advertise-addr", advertise] }
            if body["AutoLockManagers"] == .bool(true) { words.append("--autolock") }
            if let availability { words += ["--availability", availability] }
            c.record(APIHistory.line(words))
            return .json(.string(id))
        case ("POST", "join"):
            let body = try r.jsonBody() ?? .object(JSONObject())
            let token = body["JoinToken"]?.stringValue ?? ""
            let remote = ContainerCreateBody.strings(body["RemoteAddrs"])?.first ?? ""
            _ = try Self.swarmCall { () throws(EngineError) in try lab.swarmJoin(token: token, remote: remote) }
            c.record(APIHistory.line(["docker", "swarm", "join", "--token", token, remote]))
            return APIResponse(status: 200)
        case ("POST", "leave"):
            try Self.swarmCall { () throws(EngineError) in try lab.swarmLeave(force: r.flag("force")) }
            c.record(APIHistory.line(["docker", "swarm", "leave"] + (r.flag("force") ? ["--force"] : [])))
            return APIResponse(status: 200)
        case ("POST", "update"): return try Self.updateSwarm(&c, lab: &lab)
        case ("GET", "unlockkey"):
            let key = try Self.swarmCall { () throws(EngineError) -> String in
                try lab.requireManager()
                return lab.swarm?.unlockKey ?? ""
            }
            return .json(["UnlockKey": .string(key)])
        default: throw .notFound("page not found")
        }
    }

    /// `POST /swarm/update?version=&rotateWorkerToken=&rotateManagerToken=&rotateManagerUnlockKey=`
    /// with the whole spec: the task history limit and autolock are what the lab keeps.
    static func updateSwarm(_ c: inout Context, lab: inout Lab) throws(APIError) -> APIResponse {
        let r = c.request
        let body = try r.jsonBody() ?? .object(JSONObject())
        let raw = r.value("version") ?? ""
        guard UInt64(raw) != nil else {
            throw .invalid("invalid swarm version '\(raw)': strconv.ParseUint: parsing \"\(raw)\": invalid syntax")
        }
        var lines: [String] = []
        try swarmCall { () throws(EngineError) in
            try lab.requireManager()
            guard var swarm = lab.swarm else { return }
            if let limit = ServiceSpecBody.int(body["Orchestration"]?["TaskHistoryRetentionLimit"]), Int(limit) != swarm.historyLimit {
                swarm.historyLimit = Int(limit)
                lines.append(APIHistory.line(["docker", "swarm", "update", "--task-history-limit", String(limit)]))
            }
            let autolock = body["EncryptionConfig"]?["AutoLockManagers"] == .bool(true)
            if autolock != (swarm.unlockKey != nil) {
                swarm.unlockKey = autolock ? SwarmAutolock.newKey(&lab.ids) : nil
                lines.append("docker swarm update --autolock=\(autolock)")
            }
            let digest = String(swarm.workerToken.split(separator: "-")[2])
            if r.flag("rotateWorkerToken") {
                swarm.workerToken = SwarmCluster.joinToken(digest: digest, &lab.ids)
                lines.append("docker swarm join-token --rotate worker")
            }
            if r.flag("rotateManagerToken") {
                swarm.managerToken = SwarmCluster.joinToken(digest: digest, &lab.ids)
                lines.append("docker swarm join-token --rotate manager")
            }
            if r.flag("rotateManagerUnlockKey"), swarm.unlockKey != nil {
                swarm.unlockKey = SwarmAutolock.newKey(&lab.ids)
                lines.append("docker swarm unlock-key --rotate")
            }
            swarm.version = swarm.nextVersion()
            lab.swarm = swarm
        }
        c.changed = true
        for line in lines { c.record(line) }
        return APIResponse(status: 200)
    }

    /// `GET /distribution/{name}/json`: the image's manifest descriptor, so the client pins a
    /// service's image to the digest `lab sh` pins it to (`Lab.pinnedImage`); an image the
    /// lab's registries lack is the daemon's not-found.
    static func distribution(_ parts: [String], _ r: APIRequest) throws(APIError) -> APIResponse {
        guard r.method == "GET", parts.count >= 2, parts.last == "json" else { throw .notFound("page not found") }
        let name = parts.dropLast().joined(separator: "/")
        let pinned = Lab.pinnedImage(name)
        guard let at = pinned.firstIndex(of: "@") else {
            throw APIError(status: 404, message: "manifest unknown: manifest unknown")
        }
        let digest = String(pinned[pinned.index(after: at)...])
        return .json([
            "Descriptor": ["mediaType": "application/vnd.docker.distribution.manifest.list.v2+json", "digest": .string(digest), "size": 1_862],
            "Platforms": [["architecture": "amd64", "os": "linux"]],
        ])
    }
}
