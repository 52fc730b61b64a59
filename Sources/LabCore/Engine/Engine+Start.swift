/// Starting a container: its published ports, its addresses, and its main process, which either
/// keeps running (a service, `sleep`, an interactive shell) or runs to its end at once.
extension DockerEngine {
    /// What starting printed (for `docker run` and `docker start -a`): the main process's output so far.
    public struct StartResult: Sendable, Equatable {
        public var stdout = ""
        public var stderr = ""
        /// Whether the main process is still running after the start.
        public var running = true
        public var exitCode: Int32 = 0
    }

    /// Starts a created or exited container. A running one is left as it is.
    public mutating func start(_ reference: String, ids: inout IDSource, hostFiles: inout VirtualFileSystem, now: Double) throws(EngineError) -> StartResult {
        let c = try containerIndex(reference)
        if containers[c].state.running { return StartResult() }
        let argv = containers[c].processArguments
        // moby daemon/create.go: a container with neither entrypoint nor command.
        guard let program = argv.first else { throw .other("no command specified", status: 400) }
        if let error = ContainerRuntime.checkExecutable(program, containerAt: c, engine: self) {
            containers[c].state.error = error.message
            containers[c].state.exitCode = error.runExitStatus
            throw error
        }
        try bindPorts(c, ids: &ids)
        attachEndpoints(c, ids: &ids)
        containers[c].state.status = "running"
        containers[c].state.startedAt = now
        containers[c].state.finishedAt = nil
        containers[c].state.pid = 1000 + Int(ids.next() % 30_000)
        containers[c].state.error = ""
        ContainerRuntime.resetTmpfs(&containers[c])
        // Built from the engine first, then mounted: handing `self` to a call that also mutates
        // containers[c] would copy the whole containers array on every start.
        let (hosts, resolv) = ContainerNetworkFiles.build(containers[c], engine: self, hostFiles: hostFiles)
        containers[c].files.mount(hosts, at: "/etc/hosts")
        containers[c].files.mount(resolv, at: "/etc/resolv.conf")
        var log = takeEventLog()
        EngineEvent.starting(eventActor(c), engine: self, time: now, into: &log)
        keepEventLog(log)
        if containers[c].config.healthEnabled {
            containers[c].state.health = "starting"
            containers[c].state.failingStreak = 0
            containers[c].state.nextHealthCheck = now + containers[c].config.healthInterval
            schedule(now + containers[c].config.healthInterval)
        }
        return runMainProcess(c, hostFiles: &hostFiles, now: now)
    }

    /// Runs the main process: services and long-running programs stay up; anything else runs now.
    mutating func runMainProcess(_ c: Int, hostFiles: inout VirtualFileSystem, now: Double) -> StartResult {
        var result = StartResult()
        if let service = containers[c].serviceProgram {
            let lines = containers[c].config.env
            if let failure = ImageBehaviour.refusal(service: service, environment: { Self.variable($0, in: lines) }) {
                log(c, .stderr, failure, now: now)
                processEnded(c, code: 1, at: now)
                return StartResult(stdout: "", stderr: failure, running: false, exitCode: 1)
            }
            let line = ImageBehaviour.startLog(service: service)
            log(c, .stdout, line, now: now)
            return StartResult(stdout: line, stderr: "", running: true)
        }
        let argv = containers[c].processArguments
        if argv == ["/hello"] {
            let text = ImageBehaviour.helloWorld
            log(c, .stdout, text, now: now)
            processEnded(c, code: 0, at: now)
            return StartResult(stdout: text, running: false)
        }
        if ImageBehaviour.runsUntilStopped(argv, interactive: containers[c].config.openStdin || containers[c].config.tty) {
            return result
        }
        let outcome = ContainerRuntime.run(argv, container: c, engine: &self, hostFiles: &hostFiles, now: now)
        for (stream, text) in outcome.chunks { log(c, stream, text, now: now) }
        result.stdout = outcome.stdout
        result.stderr = outcome.stderr
        // A server in the foreground (`python app.py` of a Flask app) runs until it is stopped.
        if outcome.serving { return result }
        if outcome.elapsed > 0 {
            containers[c].state.endsAt = now + outcome.elapsed
            containers[c].state.endCode = outcome.status
            schedule(now + outcome.elapsed)
            result.exitCode = outcome.status
            return result
        }
        processEnded(c, code: outcome.status, at: now)
        result.running = false
        result.exitCode = outcome.status
        return result
    }

    /// The value of `name` in environment lines `NAME=value` (the last line that sets it wins, as
    /// in a map built from them; a line `NAME` alone sets it empty), or nil when none sets it.
    static func variable(_ name: String, in lines: [String]) -> String? {
        for line in lines.reversed() where line.hasPrefix(name) {
            let rest = line.dropFirst(name.count)
            if rest.isEmpty { return "" }
            if rest.first == "=" { return String(rest.dropFirst()) }
        }
        return nil
    }

    /// Appends a process's output to the container's log, line by line.
    mutating func log(_ c: Int, _ stream: OutputStream, _ text: String, now: Double) {
        var bytes = text
        // Without a carriage return every newline byte is a character of its own: split on bytes,
        // straight into the log.
        let split = bytes.withUTF8 { b -> Bool in
            if b.contains(13) { return false }
            var start = 0
            while start < b.count {
                var end = start
                while end < b.count && b[end] != 10 { end += 1 }
                if end < b.count { end += 1 }
                let line = String(decoding: UnsafeBufferPointer(rebasing: b[start..<end]), as: UTF8.self)
                containers[c].logs.append(LogEntry(time: now, stream: stream, text: line))
                start = end
            }
            return true
        }
        if split { return }
        var rest = Substring(text)
        while !rest.isEmpty {
            let end = rest.firstIndex(of: "\n").map { rest.index(after: $0) } ?? rest.endIndex
            containers[c].logs.append(LogEntry(time: now, stream: stream, text: String(rest[..<end])))
            rest = rest[end...]
        }
    }

    /// Binds the container's published ports; a host port another running container holds is refused.
    mutating func bindPorts(_ c: Int, ids: inout IDSource) throws(EngineError) {
        var requested = containers[c].hostConfig.portBindings
        if containers[c].hostConfig.publishAllPorts {
            for key in containers[c].config.exposedPorts where !requested.contains(where: { $0.key == key }) {
                let parts = key.split(separator: "/")
                requested.append(PortBinding(containerPort: Int(parts[0]) ?? 0, proto: parts.count > 1 ? String(parts[1]) : "tcp", hostIP: "", hostPort: ""))
            }
        }
        var bound: [PortBinding] = []
        var taken: [PortBinding] = []
        for i in containers.indices where i != c && containers[i].state.running { taken += containers[i].boundPorts }
        func isTaken(_ ip: String, _ port: String, _ proto: String) -> Bool {
            (taken + bound).contains { $0.hostPort == port && $0.proto == proto && ($0.hostIP == ip || $0.hostIP == "0.0.0.0" || ip == "0.0.0.0" || $0.hostIP == "::" && ip == "") }
        }
        for r in requested {
            var port = r.hostPort
            if port.isEmpty {
                port = String(nextEphemeralPort)
                nextEphemeralPort += 1
            } else if let dash = port.firstIndex(of: "-"), let low = Int(port[..<dash]), let high = Int(port[port.index(after: dash)...]) {
                port = String((low...high).first { !isTaken("0.0.0.0", String($0), r.proto) } ?? low)
            }
            let ip = r.hostIP.isEmpty ? "0.0.0.0" : r.hostIP
            if isTaken(ip, port, r.proto) {
                throw .portAllocated(endpoint: containers[c].name, endpointID: ids.hexID(), hostIP: ip, port: port)
            }
            bound.append(PortBinding(containerPort: r.containerPort, proto: r.proto, hostIP: ip, hostPort: port))
            if r.hostIP.isEmpty { bound.append(PortBinding(containerPort: r.containerPort, proto: r.proto, hostIP: "::", hostPort: port)) }
        }
        containers[c].boundPorts = bound
    }
}
