import Foundation

/// `docker secret …` and `docker config …` (docker/cli cli/command/secret and cli/command/config:
/// create reads a file of the lab's host or standard input; ls ID NAME [DRIVER] CREATED UPDATED;
/// inspect JSON or --pretty; rm).
enum SecretCommands {
    static func execute(_ i: DockerInvocation, _ p: inout ProcessContext, lab: inout Lab) -> Int32? {
        guard i.path.count == 2, i.path[0] == "secret" || i.path[0] == "config", let kind = Lab.FileKind(rawValue: i.path[0]) else { return nil }
        switch i.path[1] {
        case "create":
            return ServiceCommands.run(&p) { (p: inout ProcessContext) throws(EngineError) in
                let name = i.arguments.first ?? ""
                let source = i.arguments.count > 1 ? i.arguments[1] : ""
                let data: String
                if source == "-" {
                    data = p.stdin
                    if data.isEmpty { throw .other("error reading from STDIN: data is empty", status: -1) }
                } else {
                    let path = p.resolve(source)
                    guard let text = lab.machine.files.contents(of: path) else {
                        throw .other("error reading from \(source): open \(source): no such file or directory", status: -1)
                    }
                    if text.isEmpty { throw .other("error reading from \(source): data is empty", status: -1) }
                    data = text
                }
                p.write(try lab.createSwarmFile(kind, name: name, data: data, labels: ServiceOptions.keyValues(i.values("label"))) + "\n")
            }
        case "ls":
            return ServiceCommands.run(&p) { (p: inout ProcessContext) throws(EngineError) in try list(kind, i, &p, lab) }
        case "inspect":
            return ServiceCommands.run(&p) { (p: inout ProcessContext) throws(EngineError) in try inspect(kind, i, &p, lab) }
        case "rm":
            var errors: [String] = []
            for ref in i.arguments {
                do { try lab.removeSwarmFile(kind, ref); p.write(ref + "\n") } catch { errors.append("Error response from daemon: " + error.message) }
            }
            if !errors.isEmpty { p.writeError(errors.joined(separator: "\n") + "\n") }
            return errors.isEmpty ? 0 : 1
        default: return nil
        }
    }

    static func ago(_ lab: Lab, _ t: Double) -> String { HumanDuration.text(seconds: max(0, lab.clock.now - t)) + " ago" }

    static func list(_ kind: Lab.FileKind, _ i: DockerInvocation, _ p: inout ProcessContext, _ lab: Lab) throws(EngineError) {
        try lab.requireManager()
        guard let swarm = lab.swarm else { return }
        let filters = ListFilters(i.values("filter"))
        let files = kind.list(swarm).filter { f in
            if filters.has("id") && !filters.match("id", f.id) { return false }
            if filters.has("name") && !filters.match("name", f.name) { return false }
            return filters.matchLabels("label", f.labels)
        }.sorted { ObjectListing.naturalLess($0.name, $1.name) }
        let fmt = ListFormat.format(i)
        if ListFormat.isDefaultTable(fmt) {
            if i.flag("quiet") { return p.write(files.map { $0.id + "\n" }.joined()) }
            if kind == .secret {
                p.write(ListFormat.table(["ID", "NAME", "DRIVER", "CREATED", "UPDATED"], files.map { [$0.id, $0.name, "", ago(lab, $0.createdAt), ago(lab, $0.updatedAt)] }))
            } else {
                p.write(ListFormat.table(["ID", "NAME", "CREATED", "UPDATED"], files.map { [$0.id, $0.name, ago(lab, $0.createdAt), ago(lab, $0.updatedAt)] }))
            }
            return
        }
        let format = ListFormat(structType: kind == .secret ? "*secret.secretContext" : "*config.configContext", headers: [
            "ID": "ID", "Name": "NAME", "Driver": "DRIVER", "CreatedAt": "CREATED", "UpdatedAt": "UPDATED", "Labels": "LABELS",
        ])
        let out = format.render(format: fmt) {
            files.map { f -> JSONValue in
                ["ID": .string(f.id), "Name": .string(f.name), "Driver": "", "CreatedAt": .string(ago(lab, f.createdAt)),
                 "UpdatedAt": .string(ago(lab, f.updatedAt)), "Labels": .string(ListFormat.labels(f.labels))]
            }
        }
        _ = DockerDaemon.print(out, &p)
        if out.status != 0 { throw .other("", status: -2) }
    }

    /// The Engine API's Secret or Config object (a config shows its data, base64, as the API does).
    static func json(_ kind: Lab.FileKind, _ f: SwarmFile) -> JSONValue {
        var spec = JSONObject()
        spec[new: "Name"] = .string(f.name)
        spec[new: "Labels"] = ServiceJSON.labels(f.labels)
        if kind == .config { spec[new: "Data"] = .string(Data(f.data.utf8).base64EncodedString()) }
        var o = JSONObject()
        o[new: "ID"] = .string(f.id)
        o[new: "Version"] = ["Index": .int(Int64(f.version))]
        o[new: "CreatedAt"] = .string(DockerTime.rfc3339Nano(f.createdAt))
        o[new: "UpdatedAt"] = .string(DockerTime.rfc3339Nano(f.updatedAt))
        o[new: "Spec"] = .object(spec)
        return .object(o)
    }

    static func inspect(_ kind: Lab.FileKind, _ i: DockerInvocation, _ p: inout ProcessContext, _ lab: Lab) throws(EngineError) {
        try lab.requireManager()
        guard let swarm = lab.swarm else { return }
        var found: [SwarmFile] = []
        var errors: [String] = []
        for ref in i.arguments {
            do { found.append(kind.list(swarm)[try lab.swarmFile(kind, ref)]) } catch { errors.append("Error response from daemon: " + error.message) }
        }
        let pretty = found.map { f -> String in
            let labels = f.labels.isEmpty ? "" : "Labels:\n" + f.labels.keys.sorted().map { " - \($0)" + (f.labels[$0]!.isEmpty ? "" : "=\(f.labels[$0]!)") + "\n" }.joined()
            if kind == .secret {
                return "ID:              \(f.id)\nName:              \(f.name)\n\(labels)Driver:            \nCreated at:        \(DockerTime.pretty(f.createdAt))\nUpdated at:        \(DockerTime.pretty(f.updatedAt))\n"
            }
            return "ID:\t\t\t\(f.id)\nName:\t\t\t\(f.name)\n\(labels)Created at:            \t\(DockerTime.pretty(f.createdAt))\nUpdated at:            \t\(DockerTime.pretty(f.updatedAt))\nData:\n\(f.data)\n"
        }
        try SwarmInspection.print(SwarmInspection.output(i, json: found.map { json(kind, $0) }, pretty: pretty.isEmpty ? [] : [pretty.joined(separator: "\n")], errors: errors,
            fieldKinds: GoTemplate.swarmFileFieldKinds), &p)
    }
}
