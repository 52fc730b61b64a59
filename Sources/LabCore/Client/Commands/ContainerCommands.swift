/// The container commands on the daemon side: run, create, start, stop, restart, kill, pause,
/// unpause, rm, rename, wait, prune. Outputs and errors as the real client prints them
/// (Fixtures/engine/transcripts 01-03 and the recordings named beside each).
enum ContainerCommands {
    /// `docker run` and `docker create`.
    static func run(_ i: DockerInvocation, _ p: inout ProcessContext, _ s: inout DaemonSession, create: Bool, terminalAttached: Bool = false) -> Int32 {
        let request = RunOptions.request(i, environment: p.environment, files: s.files, cwd: p.workingDirectory)
        func fail(_ e: EngineError) -> Int32 {
            if create {
                p.writeError("Error response from daemon: \(e.message)\n")
                return 1
            }
            p.writeError("docker: Error response from daemon: \(e.message)\n\nRun 'docker run --help' for more information\n")
            return e.runExitStatus
        }
        // The daemon checks the mounts before it looks for the image, so nothing is pulled then.
        do { try DockerEngine.validateMounts(request, hostFiles: s.files) } catch { return fail(error) }
        if s.engine.imageIndex(request.image) == nil {
            // The client pulls a missing image and shows it on standard error, stdout being for the
            // container's id; -q shows nothing (docker/cli cli/command/container/create.go).
            let name = ImageName(request.image)
            let quiet = i.flag("quiet")
            if !quiet { p.writeError("Unable to find image '\(name.familiar)' locally\n") }
            let pulled: DockerEngine.PullOutput
            switch s.pullOrRefusal(name) {
            case .success(let output): pulled = output
            case .failure(let error): return fail(error)
            }
            if !quiet { p.writeError(pulled.text) }
        }
        let id: String
        do { id = try s.engine.createContainer(request, ids: &s.ids, now: s.now) } catch { return fail(error) }
        if create || i.flag("detach") { p.write(id + "\n") }
        if create { return 0 }
        let logsBefore = s.engine.containers.last?.logs.count ?? 0
        if !i.flag("detach"), let c = try? s.engine.containerIndex(id) {
            s.engine.recordEvent(.container(s.engine.eventActor(c), "attach", time: s.now))
        }
        let result: DockerEngine.StartResult
        do {
            result = try s.engine.start(id, ids: &s.ids, hostFiles: &s.files, now: s.now)
        } catch {
            if request.autoRemove { try? s.engine.remove(id, force: true, volumes: true, now: s.now) }
            return fail(error)
        }
        guard let c = try? s.engine.containerIndex(id) else { return result.exitCode }
        if i.flag("detach") { return 0 }
        for entry in s.engine.containers[c].logs.dropFirst(logsBefore) {
            if entry.stream == .stdout { p.write(entry.text) } else { p.writeError(entry.text) }
        }
        var status = result.exitCode
        let argv = s.engine.containers[c].processArguments
        if request.tty && request.openStdin && terminalAttached && s.engine.containers[c].state.running, let shell = argv.first,
           ["sh", "bash", "ash", "/bin/sh", "/bin/bash", "/bin/ash"].contains(shell) {
            s.attach = Lab.Attachment(machine: 0, containerID: id, endsContainer: true,
                                      shell: ContainerRuntime.environment(of: s.engine.containers[c]), bash: shell.hasSuffix("bash"))
            return 0
        }
        if s.engine.containers[c].state.running {
            if let end = s.engine.containers[c].state.endsAt {
                s.advance(to: end)
                status = s.engine.containers[c].state.endCode
                s.engine.finish(c, code: status, now: end)
            } else {
                p.writeError("lab: the container keeps running in the foreground; here it goes on in the background (docker stop \(s.engine.containers[c].name) ends it)\n")
                return 0
            }
        }
        if request.autoRemove { try? s.engine.remove(id, force: true, volumes: true, now: s.now) }
        return status
    }

    /// `docker start`: names as given; failures listed after.
    static func start(_ i: DockerInvocation, _ p: inout ProcessContext, _ s: inout DaemonSession) -> Int32 {
        var failed: [String] = []
        for ref in i.arguments {
            do {
                let logsBefore = (try? s.engine.containers[s.engine.containerIndex(ref)].logs.count) ?? 0
                _ = try s.engine.start(ref, ids: &s.ids, hostFiles: &s.files, now: s.now)
                if i.flag("attach"), let c = try? s.engine.containerIndex(ref) {
                    for entry in s.engine.containers[c].logs.dropFirst(logsBefore) {
                        if entry.stream == .stdout { p.write(entry.text) } else { p.writeError(entry.text) }
                    }
                } else {
                    p.write(ref + "\n")
                }
            } catch {
                p.writeError("Error response from daemon: \(error.message)\n")
                failed.append(ref)
            }
        }
        if failed.isEmpty { return 0 }
        p.writeError("Error: failed to start containers: \(failed.joined(separator: ", "))\n")
        return 1
    }

    static func stop(_ i: DockerInvocation, _ p: inout ProcessContext, _ s: inout DaemonSession) -> Int32 {
        EachReference.run(i.arguments, &p, &s) { (s: inout DaemonSession, ref: String) throws(EngineError) in
            try s.engine.stop(ref, now: s.now)
            return [ref]
        }
    }

    static func restart(_ i: DockerInvocation, _ p: inout ProcessContext, _ s: inout DaemonSession) -> Int32 {
        EachReference.run(i.arguments, &p, &s) { (s: inout DaemonSession, ref: String) throws(EngineError) in
            try s.engine.stop(ref, now: s.now)
            _ = try s.engine.start(ref, ids: &s.ids, hostFiles: &s.files, now: s.now)
            if let c = try? s.engine.containerIndex(ref) { s.engine.recordEvent(.container(s.engine.eventActor(c), "restart", time: s.now)) }
            return [ref]
        }
    }

    static func kill(_ i: DockerInvocation, _ p: inout ProcessContext, _ s: inout DaemonSession) -> Int32 {
        EachReference.run(i.arguments, &p, &s, errorPrefix: { "Cannot kill container: \($0): " }) { (s: inout DaemonSession, ref: String) throws(EngineError) in
            try s.engine.kill(ref, now: s.now)
            return [ref]
        }
    }

    static func pause(_ i: DockerInvocation, _ p: inout ProcessContext, _ s: inout DaemonSession, resume: Bool) -> Int32 {
        EachReference.run(i.arguments, &p, &s) { (s: inout DaemonSession, ref: String) throws(EngineError) in
            if resume { try s.engine.unpause(ref, now: s.now) } else { try s.engine.pause(ref, now: s.now) }
            return [ref]
        }
    }

    /// `docker rm`: with -f a missing container is reported but does not fail the command.
    static func remove(_ i: DockerInvocation, _ p: inout ProcessContext, _ s: inout DaemonSession) -> Int32 {
        let force = i.flag("force")
        return EachReference.run(i.arguments, &p, &s, tolerated: { if case .noSuchContainer = $0 { return force } else { return false } }) {
            (s: inout DaemonSession, ref: String) throws(EngineError) in
            try s.engine.remove(ref, force: force, volumes: i.flag("volumes"), now: s.now)
            return [ref]
        }
    }

    static func rename(_ i: DockerInvocation, _ p: inout ProcessContext, _ s: inout DaemonSession) -> Int32 {
        do {
            try s.engine.rename(i.arguments[0], to: i.arguments[1], now: s.now)
            return 0
        } catch {
            p.writeError("Error response from daemon: \(error.message)\nError: failed to rename container named \(i.arguments[0])\n")
            return 1
        }
    }

    /// `docker wait`: the exit code of each container once it has stopped.
    static func wait(_ i: DockerInvocation, _ p: inout ProcessContext, _ s: inout DaemonSession) -> Int32 {
        var status: Int32 = 0
        for ref in i.arguments {
            guard let c = try? s.engine.containerIndex(ref) else {
                p.writeError("Error response from daemon: No such container: \(ref)\n")
                status = 1
                continue
            }
            if s.engine.containers[c].state.running {
                guard let end = s.engine.containers[c].state.endsAt else {
                    p.writeError("lab: \(ref) keeps running, so docker wait would wait until it is stopped from another terminal\n")
                    return 1
                }
                s.advance(to: end)
                s.engine.finish(c, code: s.engine.containers[c].state.endCode, now: end)
            }
            p.write("\(s.engine.containers[c].state.exitCode)\n")
        }
        return status
    }

    /// `docker container prune`: removes stopped containers.
    static func prune(_ i: DockerInvocation, _ p: inout ProcessContext, _ s: inout DaemonSession) -> Int32 {
        PruneOutput.single(.containers, i, &p, &s)
    }
}
