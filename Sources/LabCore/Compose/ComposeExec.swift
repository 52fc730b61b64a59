/// `docker-compose exec`, `run` and `build` (Fixtures/build 07, 08).
enum ComposeExec {
    /// `exec [-T] SERVICE COMMAND…`: in the service's first container; a terminal is needed without -T.
    static func exec(_ r: ComposeRunner, args: [String], _ p: inout ProcessContext, _ s: inout DaemonSession) -> Int32 {
        var rest = args[...]
        var noTTY = false
        while let f = rest.first, f.hasPrefix("-") {
            rest = rest.dropFirst()
            if f == "-T" { noTTY = true }
        }
        guard let service = rest.first, r.project.services.contains(where: { $0.name == service }),
              let c = r.containers(s).first(where: { $0.config.labels[ComposeRunner.serviceLabel] == service && $0.state.running }),
              let k = try? s.engine.containerIndex(c.id) else { return 1 }
        if !noTTY && !r.terminalAttached {
            p.writeError("the input device is not a TTY\n")
            return 1
        }
        let argv = Array(rest.dropFirst())
        let outcome = ContainerRuntime.run(argv, container: k, engine: &s.engine, hostFiles: &s.files, now: s.now, extraEnv: [], workingDir: nil, stdin: "")
        for (stream, text) in outcome.chunks { if stream == .stdout { p.write(text) } else { p.writeError(text) } }
        return outcome.status
    }

    /// `run [--rm] [-T] [-d] SERVICE [COMMAND…]`: a one-off container PROJECT_SERVICE_run_ID.
    static func run(_ r: ComposeRunner, args: [String], _ p: inout ProcessContext, _ s: inout DaemonSession) -> Int32 {
        var rest = args[...]
        var remove = false, detach = false
        while let f = rest.first, f.hasPrefix("-") {
            rest = rest.dropFirst()
            if f == "--rm" { remove = true }
            if f == "-d" || f == "--detach" { detach = true }
        }
        guard let name = rest.first, let svc = r.project.services.first(where: { $0.name == name }) else {
            p.writeError("No such service: \(rest.first ?? "")\n")
            return 1
        }
        let command = rest.count > 1 ? Array(rest.dropFirst()) : nil
        let shown = [r.project.name, name, "run"].joined(separator: r.v2 ? "-" : "_")
        p.writeError("Creating \(shown) ... \n")
        let id: String
        switch r.create(svc, name: "\(shown)_\(s.ids.hexID().prefix(12))", number: 1, oneoff: true, command: command, &s) {
        case .success(let made): id = made
        case .failure(let error):
            p.writeError("Creating \(shown) ... error\n\(error.message)\n")
            return 1
        }
        p.writeError("Creating \(shown) ... done\n")
        let result: DockerEngine.StartResult
        do { result = try s.engine.start(id, ids: &s.ids, hostFiles: &s.files, now: s.now) } catch {
            p.writeError(error.message + "\n")
            return error.runExitStatus
        }
        if detach { p.write(id.prefix(12) + "\n"); return 0 }
        p.write(result.stdout)
        p.writeError(result.stderr)
        if remove && !result.running { try? s.engine.remove(id, force: true, volumes: false, now: s.now) }
        return result.running ? 0 : result.exitCode
    }
}

/// docker-compose's builds: through the docker client (1.29 builds with the CLI), so its output
/// is `docker build`'s, the image named PROJECT-SERVICE (Fixtures/build 08).
enum ComposeBuild {
    static func build(_ r: ComposeRunner, _ svc: ComposeProject.Service, _ p: inout ProcessContext, _ s: inout DaemonSession) -> Bool {
        guard let context = svc.build else { return true }
        p.writeError("Building \(svc.name)\n")
        // Built through the docker client, so its legacy-builder banner (the recorded grammar's).
        p.writeError(DockerGrammar.shared.command("image build")?.banner ?? "")
        let dir = VirtualFileSystem.normalise(context, cwd: r.project.directory)
        guard let text = s.files.contents(of: dir + "/Dockerfile") else {
            p.writeError("unable to prepare context: unable to evaluate symlinks in Dockerfile path: lstat \(dir)/Dockerfile: no such file or directory\n")
            return false
        }
        let tag = (svc.image ?? "\(r.project.name)-\(svc.name)") + (svc.image?.contains(":") == true ? "" : ":latest")
        return BuildCommand.build(text: text, dockerfileName: "Dockerfile", contextDir: dir, tags: [tag], args: [:], noCache: false,
                                  target: nil, quiet: false, &p, &s) == 0
    }
}
