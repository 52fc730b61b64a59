import Foundation

/// The `docker context` subcommands: ls, show, create, use, rm and inspect, as the docker 28
/// client runs them (no daemon involved).
extension ContextCommands {
    /// Runs `docker context …`; nil for a subcommand the lab does not carry out.
    static func execute(_ i: DockerInvocation, _ p: inout ProcessContext, _ files: inout VirtualFileSystem) -> Int32? {
        guard i.path.first == "context", i.path.count == 2 else { return nil }
        switch i.path[1] {
        case "ls", "list": return list(i, &p, files)
        case "show": p.write(inForce(i, p, files) + "\n"); return 0
        case "create": return create(i, &p, &files)
        case "use": return use(i, &p, &files)
        case "rm", "remove": return remove(i, &p, &files)
        case "inspect": return inspect(i, &p, files)
        default: return nil
        }
    }

    /// The default context as the client shows it: DOCKER_HOST's endpoint, or the local socket.
    static func defaultContext(_ p: ProcessContext) -> Context {
        let host = p.environment["DOCKER_HOST"] ?? ""
        return Context(name: "default", description: ContextMessages.defaultDescription, host: host.isEmpty ? DockerClient.defaultHost : host)
    }

    static func list(_ i: DockerInvocation, _ p: inout ProcessContext, _ files: VirtualFileSystem) -> Int32 {
        let current = inForce(i, p, files)
        let contexts = ([defaultContext(p)] + all(p, files)).sorted { $0.name < $1.name }
        if i.flag("quiet") { p.write(contexts.map { $0.name + "\n" }.joined()); return 0 }
        let format = ListFormat.format(i)
        if ListFormat.isDefaultTable(format) {
            let rows = contexts.map { [$0.name + ($0.name == current ? " *" : ""), $0.description, $0.host, ""] }
            p.write(ListFormat.table(["NAME", "DESCRIPTION", "DOCKER ENDPOINT", "ERROR"], rows))
            return 0
        }
        let shape = ListFormat(structType: "*formatter.ClientContext", headers: .object(["Name": "NAME", "Description": "DESCRIPTION",
                                                                                         "DockerEndpoint": "DOCKER ENDPOINT", "Error": "ERROR", "Current": "CURRENT"]))
        let out = shape.render(format: format) {
            contexts.map { c in .object(["Current": .bool(c.name == current), "Description": .string(c.description),
                                         "DockerEndpoint": .string(c.host), "Error": "", "Name": .string(c.name)]) }
        }
        p.write(out.stdout)
        p.writeError(out.stderr)
        return out.status
    }

    static func create(_ i: DockerInvocation, _ p: inout ProcessContext, _ files: inout VirtualFileSystem) -> Int32 {
        guard let name = i.arguments.first else { return 1 }
        if i.value("docker") != nil && i.value("from") != nil { p.writeError(ContextMessages.dockerAndFrom); return 1 }
        if name == "default" { p.writeError(ContextMessages.reserved(name)); return 1 }
        guard validName(name) else { p.writeError(ContextMessages.invalidName(name)); return 1 }
        if load(name, p, files) != nil { p.writeError(ContextMessages.exists(name)); return 1 }
        // Without --docker the endpoint (and description) come from --from, else the current context.
        let sourceName = i.value("from") ?? inForce(i, p, files)
        var context: Context
        if i.value("docker") == nil {
            guard let source = sourceName == "default" ? defaultContext(p) : load(sourceName, p, files) else {
                p.writeError(ContextMessages.doesNotExist(sourceName)); return 1
            }
            context = source
            context.name = name
        } else {
            context = Context(name: name, description: "", host: DockerClient.defaultHost)
            for pair in (i.value("docker") ?? "").split(separator: ",") {
                let kv = pair.split(separator: "=", maxSplits: 1).map(String.init)
                guard kv.count == 2 else { continue }
                if kv[0] == "host" { context.host = kv[1] }
                if kv[0] == "skip-tls-verify" { context.skipTLSVerify = kv[1] == "true" }
            }
        }
        if let description = i.value("description") { context.description = description }
        save(context, p, &files)
        p.write(name + "\n")
        p.writeError(ContextMessages.created(name))
        return 0
    }

    static func use(_ i: DockerInvocation, _ p: inout ProcessContext, _ files: inout VirtualFileSystem) -> Int32 {
        guard let name = i.arguments.first else { return 1 }
        guard name == "default" || load(name, p, files) != nil else { p.writeError(ContextMessages.doesNotExist(name)); return 1 }
        setCurrent(name == "default" ? nil : name, p, &files)
        p.write(name + "\n")
        p.writeError(ContextMessages.nowCurrent(name))
        if !(p.environment["DOCKER_HOST"] ?? "").isEmpty { p.writeError(ContextMessages.hostOverridesContext) }
        return 0
    }

    static func remove(_ i: DockerInvocation, _ p: inout ProcessContext, _ files: inout VirtualFileSystem) -> Int32 {
        var status: Int32 = 0
        for name in i.arguments {
            if name == "default" { p.writeError("context \"default\" cannot be removed\n"); status = 1; continue }
            guard load(name, p, files) != nil else { p.writeError(ContextMessages.doesNotExist(name)); status = 1; continue }
            if current(p, files) == name {
                guard i.flag("force") else { p.writeError(ContextMessages.inUse(name)); status = 1; continue }
                setCurrent(nil, p, &files)
            }
            try? files.remove(metaFolder(p, name), recursive: true)
            p.write(name + "\n")
        }
        return status
    }

    static func inspect(_ i: DockerInvocation, _ p: inout ProcessContext, _ files: VirtualFileSystem) -> Int32 {
        let names = i.arguments.isEmpty ? [inForce(i, p, files)] : i.arguments
        var documents: [JSONValue] = []
        var errors = ""
        for name in names {
            guard let c = name == "default" ? defaultContext(p) : load(name, p, files) else {
                errors += ContextMessages.notFound(name, metaFile(p, name)); continue
            }
            let stored = name == "default" ? "<IN MEMORY>" : metaFolder(p, name)
            let tls = name == "default" ? "<IN MEMORY>" : configDir(p) + "/contexts/tls/" + SHA256.hex(name)
            documents.append(.object(["Name": .string(c.name), "Metadata": .object(metadata(c)),
                                      "Endpoints": ["docker": .object(["Host": .string(c.host), "SkipTLSVerify": .bool(c.skipTLSVerify)])],
                                      "TLSMaterial": .object([:]), "Storage": .object(["MetadataPath": .string(stored), "TLSPath": .string(tls)])]))
        }
        if let format = i.value("format"), !format.isEmpty {
            let shape = ListFormat(structType: "*command.ContextInspect", headers: .object([:]))
            let out = shape.render(format: format) { documents }
            p.write(out.stdout)
            p.writeError(out.stderr)
        } else {
            p.write(JSONValue.array(documents).indentedJSON(indent: "    ", escapeHTML: true) + "\n")
        }
        p.writeError(errors)
        return errors.isEmpty ? 0 : 1
    }

    /// The context's Metadata: its description when it has one.
    static func metadata(_ c: Context) -> JSONObject {
        c.description.isEmpty ? JSONObject() : ["Description": .string(c.description)]
    }

    /// docker/cli's rule for context names: `^[a-zA-Z0-9][a-zA-Z0-9_.+-]+$`.
    static func validName(_ name: String) -> Bool {
        let chars = Array(name.unicodeScalars)
        guard chars.count >= 2, chars[0].isASCII, chars[0].properties.isAlphabetic || ("0"..."9").contains(chars[0]) else { return false }
        return chars.dropFirst().allSatisfy { $0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0) || "_.+-".unicodeScalars.contains($0)) }
    }

    /// Writes the context's meta.json as the client does (compact JSON).
    static func save(_ c: Context, _ p: ProcessContext, _ files: inout VirtualFileSystem) {
        let meta = JSONValue.object(["Name": .string(c.name), "Metadata": .object(metadata(c)),
                                     "Endpoints": ["docker": .object(["Host": .string(c.host), "SkipTLSVerify": .bool(c.skipTLSVerify)])]])
        DockerEngine.write(&files, meta.compactJSON(), to: metaFile(p, c.name))
    }

    /// Sets (or, for the default, removes) config.json's currentContext, keeping its other settings.
    static func setCurrent(_ name: String?, _ p: ProcessContext, _ files: inout VirtualFileSystem) {
        let path = LoginCommand.configPath(p)
        var config = JSONObject()
        if let text = files.contents(of: path), case .object(let existing)? = try? JSONValue(parsing: text) { config = existing }
        if config["auths"] == nil { config["auths"] = .object(JSONObject()) }
        if let name { config["currentContext"] = .string(name) } else { config = JSONObject(config.entries.filter { $0.key != "currentContext" }.map { ($0.key, $0.value) }) }
        DockerEngine.write(&files, JSONValue.object(config).indentedJSON(indent: "\t"), to: path)
    }
}
