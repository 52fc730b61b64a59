/// `/nodes`: list (with the daemon's filters), inspect, update (role, availability, labels: the
/// client sends the whole spec back, and the lab applies what changed) and remove, through the
/// lab's swarm calls behind `docker node …` (Engine/Swarm/Swarm+Membership.swift); objects as
/// `docker node inspect` prints them (Render/Objects/NodeListing.swift). The daemon knows no
/// `self`: the client resolves it from `/info`.
extension EngineAPI {
    mutating func nodes(_ parts: [String], _ c: inout Context, lab: inout Lab) throws(APIError) -> APIResponse {
        let r = c.request
        switch (r.method, parts.count) {
        case ("GET", 0):
            let filters = ListFilters(try APIFilters.parse(r.value("filters")))
            let nodes = try Self.swarmCall { () throws(EngineError) -> [JSONValue] in
                try lab.requireManager()
                guard let swarm = lab.swarm else { return [] }
                return try NodeListing.select(filters, lab, swarm).map { NodeListing.json(lab, swarm, $0) }
            }
            return .json(.array(nodes))
        case ("GET", 1):
            let node = try Self.swarmCall { () throws(EngineError) -> JSONValue in
                try lab.requireManager()
                let n = try lab.node(parts[0], allowSelf: false)
                guard let swarm = lab.swarm else { throw SwarmMessages.notInSwarm }
                return NodeListing.json(lab, swarm, n)
            }
            return .json(node)
        case ("POST", 2) where parts[1] == "update":
            let body = try r.jsonBody() ?? .object(JSONObject())
            let reference = parts[0]
            let words = try Self.swarmCall { () throws(EngineError) -> [String] in
                try lab.requireManager()
                let n = try lab.node(reference, allowSelf: false)
                guard let old = lab.swarm?.nodes[n] else { return [] }
                let role = ContainerCreateBody.nonEmpty(body["Role"])
                let availability = ContainerCreateBody.nonEmpty(body["Availability"])
                let labels = ContainerCreateBody.stringMap(body["Labels"])
                let added = labels.filter { old.labels[$0.key] != $0.value }
                let removed = old.labels.keys.filter { labels[$0] == nil }.sorted()
                try lab.updateNode(reference, role: role, availability: availability, addLabels: added, removeLabels: removed)
                if let role, role != old.role { return ["docker", "node", role == "manager" ? "promote" : "demote", reference] }
                var words = ["docker", "node", "update"]
                if let availability, availability != old.availability { words += ["--availability", availability] }
                for (k, v) in added.sorted(by: { $0.key < $1.key }) { words += ["--label-add", v.isEmpty ? k : k + "=" + v] }
                for k in removed { words += ["--label-rm", k] }
                return words + [reference]
            }
            c.record(APIHistory.line(words))
            return APIResponse(status: 200)
        case ("DELETE", 1):
            try Self.swarmCall { () throws(EngineError) in try lab.removeNode(parts[0], force: r.flag("force")) }
            c.record(APIHistory.line(["docker", "node", "rm"] + (r.flag("force") ? ["--force"] : []) + [parts[0]]))
            return APIResponse(status: 200)
        default: throw .notFound("page not found")
        }
    }
}
