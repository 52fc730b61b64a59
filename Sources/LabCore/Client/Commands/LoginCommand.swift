import Foundation

/// `docker login` and `docker logout`: the client's checks, then the registry's answer, and the
/// credentials kept in the machine's DOCKER_CONFIG/config.json (default ~/.docker), as the
/// client writes it. A registry on this machine (a `registry` container publishing the port)
/// must be running; Docker Hub takes any name and password, the lab having no accounts.
enum LoginCommand {
    /// The key Docker Hub's credentials are kept under.
    static let hub = "https://index.docker.io/v1/"

    /// Where config.json is for root, with no DOCKER_CONFIG and HOME unset or /root.
    static let rootConfigPath = "/root/.docker/config.json"

    static func configPath(_ p: ProcessContext) -> String {
        configPath(ClientVariables(p.environment), cwd: p.workingDirectory)
    }

    /// config.json's path from DOCKER_CONFIG or HOME, relative ones from `cwd`.
    static func configPath(_ v: ClientVariables, cwd: String) -> String {
        // root's, the usual case, without building the path again for every command.
        if v.dockerConfig == nil && (v.home == nil || v.home == "/root") { return rootConfigPath }
        let dir = v.dockerConfig ?? (v.home ?? "/root") + "/.docker"
        return VirtualFileSystem.normalise(dir, cwd: cwd) + "/config.json"
    }

    /// The server as the client keys it: Docker Hub's names become its index address.
    static func server(_ i: DockerInvocation) -> String {
        guard var s = i.arguments.first else { return hub }
        if ["docker.io", "index.docker.io", "registry-1.docker.io", "https://index.docker.io/v1/"].contains(s) { return hub }
        for scheme in ["https://", "http://"] where s.hasPrefix(scheme) { s = String(s.dropFirst(scheme.count)) }
        while s.hasSuffix("/") { s.removeLast() }
        return s.isEmpty ? hub : s
    }

    /// The password given: `-p`, or the first line of standard input with --password-stdin.
    static func password(_ i: DockerInvocation, _ p: ProcessContext) -> String {
        i.flag("password-stdin") ? String(p.stdin.prefix { $0 != "\n" && $0 != "\r" }) : i.value("password") ?? ""
    }

    /// What the client refuses (or warns about) before it asks the daemon; nil to go on.
    static func clientChecks(_ i: DockerInvocation, _ p: inout ProcessContext, terminalAttached: Bool) -> Int32? {
        if i.value("password") != nil && i.flag("password-stdin") { p.writeError(ClientMessages.loginPasswordConflict); return 1 }
        if i.flag("password-stdin") && (i.value("username") ?? "").isEmpty { p.writeError(ClientMessages.loginStdinNeedsUsername); return 1 }
        if i.value("password") != nil { p.writeError(ClientMessages.loginPasswordOnCommandLine) }
        guard (i.value("username") ?? "").isEmpty || password(i, p).isEmpty else { return nil }
        // The client would prompt for what is missing; the lab's shell cannot prompt.
        p.writeError(terminalAttached ? "lab: give the name and password on the command line: docker login -u NAME --password-stdin\n"
                                      : ClientMessages.interactiveLoginWithoutTTY)
        return 1
    }

    static func login(_ i: DockerInvocation, _ p: inout ProcessContext, _ s: inout DaemonSession) -> Int32 {
        let user = i.value("username") ?? ""
        let password = password(i, p)
        let server = server(i)
        if server != hub {
            let host = server.split(separator: "/").first.map(String.init) ?? server
            guard s.engine.registry(host) != nil else {
                p.writeError("Error response from daemon: \(DockerEngine.unreachable(host))\n")
                return 1
            }
        }
        let path = configPath(p)
        var auths = storedAuths(s.files, path)
        auths[server] = Data((user + ":" + password).utf8).base64EncodedString()
        DockerEngine.write(&s.files, updatedConfig(s.files, path, auths: auths), to: path)
        p.writeError(ClientMessages.credentialsStoredUnencrypted(path))
        p.write(ClientMessages.loginSucceeded)
        return 0
    }

    static func logout(_ i: DockerInvocation, _ p: inout ProcessContext, _ s: inout DaemonSession) -> Int32 {
        let server = server(i)
        let path = configPath(p)
        p.write(ClientMessages.removingCredentials(server))
        var auths = storedAuths(s.files, path)
        if auths.removeValue(forKey: server) != nil { DockerEngine.write(&s.files, updatedConfig(s.files, path, auths: auths), to: path) }
        return 0
    }

    /// The user the client is logged in to Docker Hub as (the name in config.json's credentials),
    /// nil when it is not.
    static func hubUser(_ p: ProcessContext, files: VirtualFileSystem) -> String? {
        guard let auth = storedAuths(files, configPath(p))[hub], let data = Data(base64Encoded: auth),
              let pair = String(data: data, encoding: .utf8), let colon = pair.firstIndex(of: ":") else { return nil }
        let user = String(pair[..<colon])
        return user.isEmpty ? nil : user
    }

    /// The `auths` a config file holds (server → base64 of name:password).
    static func storedAuths(_ files: VirtualFileSystem, _ path: String) -> [String: String] {
        guard let text = files.contents(of: path), let json = try? JSONValue(parsing: text),
              case .object(let auths)? = json["auths"] else { return [:] }
        var out: [String: String] = [:]
        for key in auths.keys { if case .string(let a)? = auths[key]?["auth"] { out[key] = a } }
        return out
    }

    /// The config file with these `auths`, its other settings (psFormat…) kept.
    static func updatedConfig(_ files: VirtualFileSystem, _ path: String, auths: [String: String]) -> String {
        guard let text = files.contents(of: path), case .object(var config)? = try? JSONValue(parsing: text),
              config.keys.contains(where: { $0 != "auths" }) else { return configText(auths) }
        var entries = JSONObject()
        for key in auths.keys.sorted() { entries[key] = ["auth": .string(auths[key]!)] }
        config["auths"] = .object(entries)
        return JSONValue.object(config).indentedJSON(indent: "\t")
    }

    /// The file as the client writes it: Go's tab-indented JSON, servers sorted.
    static func configText(_ auths: [String: String]) -> String {
        guard !auths.isEmpty else { return "{\n\t\"auths\": {}\n}" }
        let entries = auths.keys.sorted().map { "\t\t\"\($0)\": {\n\t\t\t\"auth\": \"\(auths[$0]!)\"\n\t\t}" }
        return "{\n\t\"auths\": {\n" + entries.joined(separator: ",\n") + "\n\t}\n}"
    }
}
