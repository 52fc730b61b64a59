import Foundation

/// `docker context`: the client's named endpoints, kept where the docker client keeps them (the
/// machine's ~/.docker/contexts/meta/SHA256(NAME)/meta.json, the current one in config.json), and
/// the endpoint every other command then talks to. An endpoint that names a lab machine
/// (`ssh://root@node2`, `tcp://node2:2375`, its address) reaches that machine's engine, so a
/// learner can drive node2 from node1 as with a remote engine; any other is unreachable.
enum ContextCommands {
    /// Where the client's config folder is: DOCKER_CONFIG, or ~/.docker.
    static func configDir(_ p: ProcessContext) -> String {
        (LoginCommand.configPath(p) as NSString).deletingLastPathComponent
    }

    static func metaFolder(_ p: ProcessContext, _ name: String) -> String { configDir(p) + "/contexts/meta/" + SHA256.hex(name) }
    static func metaFile(_ p: ProcessContext, _ name: String) -> String { metaFolder(p, name) + "/meta.json" }

    /// A stored context: its name, description and docker host.
    struct Context {
        var name: String
        var description: String
        var host: String
        var skipTLSVerify = false
    }

    /// The stored context `name`, nil when there is none (the default context is not stored).
    static func load(_ name: String, _ p: ProcessContext, _ files: VirtualFileSystem) -> Context? {
        guard let text = files.contents(of: metaFile(p, name)), let json = try? JSONValue(parsing: text) else { return nil }
        return Context(name: json["Name"]?.stringValue ?? name, description: json["Metadata"]?["Description"]?.stringValue ?? "",
                       host: json["Endpoints"]?["docker"]?["Host"]?.stringValue ?? DockerClient.defaultHost,
                       skipTLSVerify: json["Endpoints"]?["docker"]?["SkipTLSVerify"] == .bool(true))
    }

    /// Every stored context, by name.
    static func all(_ p: ProcessContext, _ files: VirtualFileSystem) -> [Context] {
        let folder = configDir(p) + "/contexts/meta"
        return files.children(of: folder).compactMap { child -> Context? in
            guard let text = files.contents(of: folder + "/" + child + "/meta.json"), let json = try? JSONValue(parsing: text),
                  let name = json["Name"]?.stringValue else { return nil }
            return load(name, p, files)
        }.sorted { $0.name < $1.name }
    }

    /// The context config.json names as current ("default" when none).
    static func current(_ p: ProcessContext, _ files: VirtualFileSystem) -> String {
        current(ClientVariables(p.environment), cwd: p.workingDirectory, files)
    }

    static func current(_ v: ClientVariables, cwd: String, _ files: VirtualFileSystem) -> String {
        guard let text = files.contents(of: LoginCommand.configPath(v, cwd: cwd)), let json = try? JSONValue(parsing: text),
              let name = json["currentContext"]?.stringValue, !name.isEmpty else { return "default" }
        return name
    }

    /// The context a command uses, as docker/cli resolves it: --context, else the default when -H
    /// or DOCKER_HOST is given, else DOCKER_CONTEXT, else config.json's current context.
    static func inForce(_ i: DockerInvocation, _ p: ProcessContext, _ files: VirtualFileSystem) -> String {
        inForce(i, ClientVariables(p.environment), cwd: p.workingDirectory, files)
    }

    static func inForce(_ i: DockerInvocation, _ v: ClientVariables, cwd: String, _ files: VirtualFileSystem) -> String {
        if let name = i.global["context"]?.last, !name.isEmpty { return name }
        if i.global["host"] != nil || !(v.dockerHost ?? "").isEmpty { return "default" }
        if let name = v.dockerContext, !name.isEmpty { return name }
        return current(v, cwd: cwd, files)
    }

    /// Where a command goes: a daemon address, or the client's refusal (its text; status 1).
    enum Endpoint: Equatable {
        case host(String)
        case refused(String)
    }

    /// The daemon address a command talks to, or the client's refusal.
    static func endpoint(_ i: DockerInvocation, _ p: ProcessContext, _ files: VirtualFileSystem) -> Endpoint {
        endpoint(i, p, ClientVariables(p.environment), files)
    }

    /// `endpoint`, with the client's variables already picked out of `p`'s environment.
    static func endpoint(_ i: DockerInvocation, _ p: ProcessContext, _ v: ClientVariables, _ files: VirtualFileSystem) -> Endpoint {
        if i.global["host"] != nil && i.global["context"] != nil { return .refused(ContextMessages.hostAndContext) }
        if let host = i.global["host"]?.last { return .host(host) }
        let name = inForce(i, v, cwd: p.workingDirectory, files)
        if name == "default" {
            let host = v.dockerHost ?? ""
            return .host(host.isEmpty ? DockerClient.defaultHost : host)
        }
        guard let context = load(name, p, files) else { return .refused(ContextMessages.cannotResolve(name, metaFile(p, name))) }
        return .host(context.host)
    }

    /// The lab machine an endpoint names (`ssh://[user@]node2[:22]`, `tcp://node2:2375`,
    /// `tcp://192.168.0.12:2376`), if any.
    static func machine(of host: String, in lab: Lab) -> Int? {
        for scheme in ["ssh://", "tcp://"] where host.hasPrefix(scheme) {
            var rest = String(host.dropFirst(scheme.count))
            if let slash = rest.firstIndex(of: "/") { rest = String(rest[..<slash]) }
            if let at = rest.lastIndex(of: "@") { rest = String(rest[rest.index(after: at)...]) }
            if let colon = rest.lastIndex(of: ":") { rest = String(rest[..<colon]) }
            return lab.machineIndex(named: rest)
        }
        return nil
    }
}
