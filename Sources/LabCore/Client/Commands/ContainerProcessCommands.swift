/// What containers' processes show: logs, exec, port, diff (Fixtures/engine/transcripts 03, 08).
enum ContainerProcessCommands {
    /// `docker logs`: the container's output, each line on the stream it was written to.
    static func logs(_ i: DockerInvocation, _ p: inout ProcessContext, _ s: inout DaemonSession) -> Int32 {
        let c: Int
        do { c = try s.engine.containerIndex(i.arguments[0]) } catch {
            p.writeError("Error response from daemon: \(error.message)\n")
            return 1
        }
        if s.engine.containers[c].hostConfig.logConfig?.type == "none" {
            // moby daemon/logs.go, ContainerLogs; daemon/logger/logger.go, ErrReadLogsNotSupported.
            p.writeError("Error response from daemon: configured logging driver does not support reading\n")
            return 1
        }
        var entries = s.engine.containers[c].logs[...]
        if let since = i.value("since"), let seconds = relativeSeconds(since) { entries = entries.filter { $0.time >= s.now - seconds }[...] }
        if let tail = i.value("tail"), tail != "all", let n = Int(tail) { entries = entries.suffix(max(0, n)) }
        let stamps = i.flag("timestamps")
        for e in entries {
            let text = stamps ? DockerTime.rfc3339NanoFixed(e.time) + " " + e.text : e.text
            if e.stream == .stdout { p.write(text) } else { p.writeError(text) }
        }
        return 0
    }

    /// "30m", "2h10m", "10s" as seconds (absolute dates are not simulated).
    static func relativeSeconds(_ text: String) -> Double? {
        var total = 0.0
        var number = ""
        for ch in text {
            if ch.isNumber || ch == "." { number.append(ch); continue }
            guard let n = Double(number) else { return nil }
            switch ch {
            case "h": total += n * 3600
            case "m": total += n * 60
            case "s": total += n
            default: return nil
            }
            number = ""
        }
        return number.isEmpty ? total : nil
    }

    /// `docker exec`: runs a program in a running container.
    static func exec(_ i: DockerInvocation, _ p: inout ProcessContext, _ s: inout DaemonSession, terminalAttached: Bool) -> Int32 {
        let c: Int
        do { c = try s.engine.containerIndex(i.arguments[0]) } catch {
            p.writeError("Error response from daemon: \(error.message)\n")
            return 1
        }
        guard s.engine.containers[c].state.running else {
            p.writeError("Error response from daemon: Container \(s.engine.containers[c].id) is not running\n")
            return 1
        }
        if s.engine.containers[c].state.paused {  // moby daemon/errors.go, errExecPaused
            p.writeError("Error response from daemon: Container \(s.engine.containers[c].id) is paused, unpause the container before exec\n")
            return 1
        }
        if i.flag("tty") && i.flag("interactive") && !terminalAttached {
            p.writeError(ClientMessages.inputNotATTY)
            return 1
        }
        let argv = Array(i.arguments.dropFirst())
        if i.flag("tty") && i.flag("interactive") && argv.count == 1,
           ["sh", "bash", "ash", "/bin/sh", "/bin/bash", "/bin/ash"].contains(argv[0]) {
            s.attach = Lab.Attachment(machine: 0, containerID: s.engine.containers[c].id, endsContainer: false,
                                      shell: ContainerRuntime.environment(of: s.engine.containers[c], extraEnv: i.values("env"),
                                                                          workingDir: i.value("workdir")),
                                      bash: argv[0].hasSuffix("bash"))
            return 0
        }
        if let error = ContainerRuntime.checkExecutable(argv[0], containerAt: c, engine: s.engine) {
            // The daemon writes a failed exec start on the stdout stream of the hijacked
            // connection (moby v20.10.24 api/server/router/container/exec.go, postContainerExecStart).
            if case .executableNotFound(let exe) = error {
                p.write("OCI runtime exec failed: exec failed: unable to start container process: exec: \"\(exe)\": executable file not found in $PATH: unknown\r\n")
            } else {
                p.write("OCI runtime exec failed: exec failed: unable to start container process: exec: \"\(argv[0])\": permission denied: unknown\r\n")
            }
            return 126
        }
        let stdin = i.flag("interactive") ? p.stdin : ""
        let outcome = ContainerRuntime.run(argv, container: c, engine: &s.engine, hostFiles: &s.files, now: s.now,
                                           extraEnv: i.values("env"), workingDir: i.value("workdir"), stdin: stdin, user: i.value("user"))
        for (stream, text) in outcome.chunks {
            if stream == .stdout { p.write(text) } else { p.writeError(text) }
        }
        let execID = s.ids.hexID()
        var log = s.engine.takeEventLog()
        EngineEvent.exec(s.engine.eventActor(c), argv: argv, execID: execID, exitCode: outcome.status, time: s.now, into: &log)
        s.engine.keepEventLog(log)
        s.advance(to: s.now + outcome.elapsed)
        return outcome.status
    }

    /// `docker port`: each published port, or the host addresses of one.
    static func port(_ i: DockerInvocation, _ p: inout ProcessContext, _ s: inout DaemonSession) -> Int32 {
        let c: Int
        do { c = try s.engine.containerIndex(i.arguments[0]) } catch {
            p.writeError("Error response from daemon: \(error.message)\n")
            return 1
        }
        let bound = s.engine.containers[c].boundPorts
        func address(_ b: PortBinding) -> String { (b.hostIP == "::" ? "[::]" : b.hostIP) + ":" + b.hostPort }
        if i.arguments.count > 1 {
            let wanted = i.arguments[1].contains("/") ? i.arguments[1] : i.arguments[1] + "/tcp"
            let matches = bound.filter { $0.key == wanted }
            if matches.isEmpty {
                p.writeError("Error: No public port '\(i.arguments[1])' published for \(i.arguments[0])\n")
                return 1
            }
            for b in matches { p.write(address(b) + "\n") }
            return 0
        }
        for b in bound.sorted(by: { ($0.containerPort, $0.proto) < ($1.containerPort, $1.proto) }) { p.write("\(b.key) -> \(address(b))\n") }
        return 0
    }

    /// `docker diff`: changed paths, sorted, with A/C/D.
    static func diff(_ i: DockerInvocation, _ p: inout ProcessContext, _ s: inout DaemonSession) -> Int32 {
        let c: Int
        do { c = try s.engine.containerIndex(i.arguments[0]) } catch {
            p.writeError("Error response from daemon: \(error.message)\n")
            return 1
        }
        for (path, kind) in s.engine.containers[c].changes.sorted(by: { $0.key < $1.key }) { p.write("\(kind) \(path)\n") }
        return 0
    }
}
