import Foundation

/// `/secrets` and `/configs`: list (the daemon's filters: names, name and id prefixes,
/// labels), create (the data base64 in the body), inspect (a secret's data never shown), update
/// (labels only, as a second stack deploy sends it) and remove, through the lab's calls behind `docker secret|config …` (Engine/Swarm/Swarm+Files.swift);
/// objects as `docker secret|config inspect` prints them (Client/Commands/SecretCommands.swift).
extension EngineAPI {
    mutating func swarmFiles(_ kind: Lab.FileKind, _ parts: [String], _ c: inout Context, lab: inout Lab) throws(APIError) -> APIResponse {
        let r = c.request
        switch (r.method, parts.count) {
        case ("GET", 0):
            let filters = ListFilters(try APIFilters.parse(r.value("filters")))
            let list = try Self.swarmCall { () throws(EngineError) -> [JSONValue] in
                try lab.requireManager()
                guard let swarm = lab.swarm else { return [] }
                if let bad = filters.invalidKey(accepted: ["names", "name", "id", "label"]) { throw .other(bad, status: 400) }
                return kind.list(swarm).filter { f in
                    if filters.has("names") && !filters["names"].contains(f.name) { return false }
                    if filters.has("name") && !filters["name"].contains(where: { f.name.hasPrefix($0) }) { return false }
                    if filters.has("id") && !filters["id"].contains(where: { f.id.hasPrefix($0) }) { return false }
                    return filters.matchLabels("label", f.labels)
                }.map { SecretCommands.json(kind, $0) }
            }
            return .json(.array(list))
        case ("POST", 1) where parts[0] == "create":
            let body = try r.jsonBody() ?? .object(JSONObject())
            let name = body["Name"]?.stringValue ?? ""
            let encoded = body["Data"]?.stringValue ?? ""
            guard let bytes = Data(base64Encoded: encoded) else {
                throw .invalid("illegal base64 data at input byte 0")
            }
            let labels = ContainerCreateBody.stringMap(body["Labels"])
            let id = try Self.swarmCall { () throws(EngineError) -> String in
                try lab.createSwarmFile(kind, name: name, data: String(decoding: bytes, as: UTF8.self), labels: labels)
            }
            // The data came from the client's machine: the history says what was made.
            var words = ["docker", kind.rawValue, "create"]
            for (k, v) in labels.sorted(by: { $0.key < $1.key }) { words += ["--label", k + "=" + v] }
            c.record(APIHistory.line(words + [name, "-"]))
            return .json(["ID": .string(id)], status: 201)
        case ("GET", 1):
            let file = try Self.swarmCall { () throws(EngineError) -> JSONValue in
                try lab.requireManager()
                let i = try lab.swarmFile(kind, parts[0])
                guard let swarm = lab.swarm else { throw SwarmMessages.notInSwarm }
                return SecretCommands.json(kind, kind.list(swarm)[i])
            }
            return .json(file)
        case ("POST", 2) where parts[1] == "update":
            let body = try r.jsonBody() ?? .object(JSONObject())
            let data = body["Data"]?.stringValue.flatMap { Data(base64Encoded: $0) }.map { String(decoding: $0, as: UTF8.self) }
            let labels = ContainerCreateBody.stringMap(body["Labels"])
            try Self.swarmCall { () throws(EngineError) in
                try lab.updateSwarmFile(kind, parts[0], name: body["Name"]?.stringValue ?? "", data: data, labels: labels)
            }
            c.changed = true
            return APIResponse(status: 200)
        case ("DELETE", 1):
            try Self.swarmCall { () throws(EngineError) in try lab.removeSwarmFile(kind, parts[0]) }
            c.record(APIHistory.line(["docker", kind.rawValue, "rm", parts[0]]))
            return APIResponse(status: 204)
        default: throw .notFound("page not found")
        }
    }
}
