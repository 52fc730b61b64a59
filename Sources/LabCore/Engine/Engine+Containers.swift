/// Containers: create, start, stop, kill, pause, remove, rename, as the daemon does them.
extension DockerEngine {
    /// Creates a container from a local image (the caller pulls first); returns its id.
    public mutating func createContainer(_ request: ContainerRequest, ids: inout IDSource, now: Double) throws(EngineError) -> String {
        if containers.count >= Self.containerLimit {
            throw .other("lab: this machine already holds \(Self.containerLimit) containers, the lab's limit; remove some (docker container prune) to go on", status: 409)
        }
        guard let imageIndex = imageIndex(request.image) else { throw .noSuchImage(ImageName(request.image).familiar) }
        let image = images[imageIndex]
        let id = ids.hexID()
        let name = request.name ?? uniqueGeneratedName(ids: &ids)
        if let other = containers.first(where: { $0.name == name }) { throw .nameInUse(name: name, id: other.id) }
        if let network = request.network, !["default", "bridge", "host", "none"].contains(network), networkIndex(network) == nil,
           !network.hasPrefix("container:") {
            throw .noSuchNetwork(network)
        }
        // A swarm overlay takes plain containers only when made --attachable (Fixtures/swarm 08).
        if let network = request.network, let n = networkIndex(network), networks[n].scope == "swarm", !networks[n].attachable,
           request.labels["com.docker.swarm.task.id"] == nil {
            throw .other("Could not attach to network \(network): rpc error: code = PermissionDenied desc = network \(network) not manually attachable", status: 403)
        }
        var entrypoint = image.entrypoint
        var cmd = request.cmd ?? image.cmd
        if let e = request.entrypoint {
            entrypoint = e.isEmpty ? nil : [e]
            if request.cmd == nil { cmd = nil }
        }
        var env = request.env
        for line in image.env where !env.contains(where: { $0.split(separator: "=", maxSplits: 1).first == line.split(separator: "=", maxSplits: 1).first }) {
            env.append(line)
        }
        var exposed = image.exposedPorts
        for p in request.exposedPorts + request.portBindings.map(\.key) where !exposed.contains(p) { exposed.append(p) }
        exposed.sort()
        let config = ContainerConfig(hostname: request.hostname ?? id.characterPrefix(12), domainname: request.domainname ?? "",
                                     user: request.user ?? image.built?.user ?? "",
                                     exposedPorts: exposed, tty: request.tty, openStdin: request.openStdin,
                                     stdinOnce: request.openStdin, env: env, cmd: cmd, image: request.image,
                                     volumes: image.volumes, workingDir: request.workingDir ?? image.workingDir,
                                     entrypoint: entrypoint, labels: request.labels,
                                     healthcheck: request.healthcheck ?? image.built?.healthcheck,
                                     // An interval of 0 (unset) means docker's default, 30 s.
                                     healthInterval: [request.healthInterval, image.built?.healthInterval].compactMap { $0 }.first { $0 > 0 } ?? 30,
                                     healthRetries: request.healthRetries ?? image.built?.healthRetries ?? 3,
                                     healthSettings: Self.healthSettings(request, image: image))
        var hostConfig = HostConfig(binds: request.binds.isEmpty ? nil : request.binds, portBindings: request.portBindings,
                                    restartPolicy: request.restartPolicy, maximumRetryCount: request.maximumRetryCount,
                                    autoRemove: request.autoRemove, networkMode: request.network ?? "default",
                                    publishAllPorts: request.publishAll, memory: request.memory, nanoCpus: request.nanoCpus,
                                    volumesFrom: request.volumesFrom.isEmpty ? nil : request.volumesFrom)
        Self.applySecurityAndLogging(request, to: &hostConfig)
        var container = Container(id: id, name: name, created: now, imageID: image.id, config: config, hostConfig: hostConfig,
                                  state: .created, endpoints: [], boundPorts: [], mounts: [], logs: [], restartCount: 0,
                                  files: Self.startingFiles(image, hostname: config.hostname), changes: [:])
        container.pendingAliases = request.networkAliases
        container.mounts = try resolveMounts(request, image: image, ids: &ids, now: now)
        recordEvent(.container(container, "create", time: now))
        containers.append(container)
        return id
    }

    /// Config.Healthcheck's settings: the request's, each unset one taken from the image's
    /// HEALTHCHECK (moby daemon/commit.go, merge).
    static func healthSettings(_ request: ContainerRequest, image: LocalImage) -> HealthSettings {
        func given(_ v: Double?) -> Double? { v.flatMap { $0 > 0 ? $0 : nil } }
        let built = image.built
        return HealthSettings(interval: given(request.healthInterval) ?? given(built?.healthInterval),
                              timeout: given(request.healthTimeout) ?? given(built?.healthTimeout),
                              startPeriod: given(request.healthStartPeriod) ?? given(built?.healthStartPeriod),
                              retries: [request.healthRetries, built?.healthRetries].compactMap { $0 }.first { $0 > 0 })
    }

    /// The HostConfig fields a plain run leaves at their zero values: kept only when given. The
    /// daemon fills an empty log driver with its default, json-file (moby daemon/create.go,
    /// mergeAndVerifyLogConfig).
    static func applySecurityAndLogging(_ r: ContainerRequest, to h: inout HostConfig) {
        if r.privileged { h.privileged = true }
        if r.readOnly { h.readonlyRootfs = true }
        if !r.capAdd.isEmpty { h.capAdd = r.capAdd }
        if !r.capDrop.isEmpty { h.capDrop = r.capDrop }
        if !r.securityOpt.isEmpty { h.securityOpt = r.securityOpt }
        if !r.tmpfs.isEmpty { h.tmpfs = r.tmpfs }
        if !r.logDriver.isEmpty || !r.logOptions.isEmpty {
            h.logConfig = LogConfig(type: r.logDriver.isEmpty ? "json-file" : r.logDriver, config: r.logOptions)
        }
        if !r.mounts.isEmpty { h.mounts = r.mounts }
        if !r.dns.isEmpty { h.dns = r.dns }
        if !r.dnsSearch.isEmpty { h.dnsSearch = r.dnsSearch }
        if !r.dnsOptions.isEmpty { h.dnsOptions = r.dnsOptions }
        if !r.extraHosts.isEmpty { h.extraHosts = r.extraHosts }
    }

    /// A new container's files: the image's own when a build made it, else the common template.
    static func startingFiles(_ image: LocalImage, hostname: String) -> VirtualFileSystem {
        guard var files = image.built?.files else { return ContainerFiles.base(hostname: hostname) }
        files.mount(hostname + "\n", at: "/etc/hostname")
        return files
    }

    /// A generated name docker-style (adjective_surname) that no container has yet.
    mutating func uniqueGeneratedName(ids: inout IDSource) -> String {
        var retry = 0
        while true {
            let name = NameGenerator.name(ids: &ids, retry: retry)
            if !containers.contains(where: { $0.name == name }) { return name }
            retry += 1
        }
    }

    /// Stops a running container (SIGTERM: the services here exit 0), releasing its endpoints.
    public mutating func stop(_ reference: String, now: Double) throws(EngineError) {
        let i = try containerIndex(reference)
        if containers[i].state.status == "restarting" { containers[i].state.status = "exited"; return }
        guard containers[i].state.running else { return }
        // 24-events: a service ends on SIGTERM; anything else is killed after it.
        finish(i, code: containers[i].isService ? 0 : 137, now: now, signals: containers[i].isService ? [15] : [15, 9])
        recordEvent(.container(eventActor(i), "stop", time: now))
    }

    /// Kills a running container (SIGKILL: exit 137).
    public mutating func kill(_ reference: String, now: Double) throws(EngineError) {
        let i = try containerIndex(reference)
        guard containers[i].state.running else { throw .notRunning(id: containers[i].id) }
        finish(i, code: 137, now: now, signals: [9])
    }

    /// Marks the main process ended with `code` (after `signals`, logged as kill events), logging
    /// the daemon's run of events and releasing the container's addresses.
    mutating func finish(_ i: Int, code: Int32, now: Double, signals: [Int] = []) {
        var log = takeEventLog()
        EngineEvent.ending(eventActor(i), engine: self, exitCode: code, signals: signals, time: now, into: &log)
        keepEventLog(log)
        containers[i].state.status = "exited"
        containers[i].state.exitCode = code
        containers[i].state.finishedAt = now
        containers[i].state.endsAt = nil
        containers[i].state.pid = 0
        releaseEndpoints(i)
    }

    /// The main process ended by itself with `code`: under a restart policy that applies, docker
    /// keeps restarting it ("Restarting (2) … ago"); otherwise it is exited.
    mutating func processEnded(_ i: Int, code: Int32, at time: Double) {
        let policy = containers[i].hostConfig.restartPolicy
        let restarts = policy == "always" || policy == "unless-stopped"
            || (policy == "on-failure" && code != 0
                && (containers[i].hostConfig.maximumRetryCount == 0 || containers[i].restartCount < containers[i].hostConfig.maximumRetryCount))
        finish(i, code: code, now: time)
        if restarts {
            containers[i].state.status = "restarting"
            containers[i].restartCount += 1
        }
    }

    /// Runs the health checks that fell due by `now` (at most a few; later ones repeat the last
    /// verdict): exit 0 is healthy, `retries` failures in a row unhealthy.
    mutating func runHealthChecks(_ i: Int, until now: Double, hostFiles: inout VirtualFileSystem) {
        guard containers[i].state.status == "running", containers[i].config.healthEnabled, let test = containers[i].config.healthcheck,
              var due = containers[i].state.nextHealthCheck, due <= now, containers[i].config.healthInterval > 0 else { return }
        var checks = 0
        var passed = containers[i].state.health == "healthy"
        while due <= now {
            checks += 1
            // Later checks repeat the last verdict.
            if checks <= 3 {
                let argv = test.first == "CMD-SHELL" ? ["sh", "-c", test.dropFirst().joined(separator: " ")] : Array(test.dropFirst())
                // A check that outlasts the timeout (default 30 s) fails (moby daemon/health.go).
                let timeout = containers[i].config.healthSettings?.timeout ?? 30
                passed = ContainerRuntime.checkExecutable(argv.first ?? "", containerAt: i, engine: self) == nil
                    && { let r = ContainerRuntime.run(argv, container: i, engine: &self, hostFiles: &hostFiles, now: due)
                         return r.status == 0 && r.elapsed <= timeout }()
            }
            if passed {
                containers[i].state.failingStreak = 0
                containers[i].state.health = "healthy"
            } else if !inStartPeriod(i, at: due) {
                containers[i].state.failingStreak += 1
                if containers[i].state.failingStreak >= containers[i].config.healthRetries { containers[i].state.health = "unhealthy" }
            }
            due += containers[i].config.healthInterval
        }
        containers[i].state.nextHealthCheck = due
    }

    /// Whether a check at `time` falls in the start period of a container never yet healthy:
    /// its failures do not count then (moby daemon/health.go, handleProbeResult).
    func inStartPeriod(_ i: Int, at time: Double) -> Bool {
        guard containers[i].state.health == "starting", let start = containers[i].state.startedAt,
              let period = containers[i].config.healthSettings?.startPeriod else { return false }
        return time - start < period
    }

    public mutating func pause(_ reference: String, now: Double) throws(EngineError) {
        let i = try containerIndex(reference)
        guard containers[i].state.running else { throw .notRunning(id: containers[i].id) }
        guard !containers[i].state.paused else { throw .alreadyPaused(id: containers[i].id) }
        containers[i].state.status = "paused"
        recordEvent(.container(eventActor(i), "pause", time: now))
    }

    public mutating func unpause(_ reference: String, now: Double) throws(EngineError) {
        let i = try containerIndex(reference)
        guard containers[i].state.paused else { throw .notPaused(id: containers[i].id) }
        containers[i].state.status = "running"
        recordEvent(.container(eventActor(i), "unpause", time: now))
    }

    /// Removes a container (`force` kills it first); `volumes` also removes its anonymous volumes.
    public mutating func remove(_ reference: String, force: Bool, volumes removeVolumes: Bool, now: Double) throws(EngineError) {
        let i = try containerIndex(reference)
        if containers[i].state.running {
            guard force else { throw .removeRunning(id: containers[i].id) }
            finish(i, code: 137, now: now, signals: [9])
        }
        recordEvent(.container(eventActor(i), "destroy", time: now))
        let anonymous = containers[i].mounts.compactMap { m in m.type == "volume" ? m.name : nil }
            .filter { n in volumes.contains { $0.name == n && $0.anonymous } }
        containers.remove(at: i)
        if removeVolumes {
            let gone = volumes.filter { v in anonymous.contains(v.name) && !containers.contains { $0.mounts.contains { $0.name == v.name } } }
            volumes.removeAll { v in gone.contains { $0.name == v.name } }
            for v in gone { recordEvent(.volume(v.name, "destroy", driver: v.driver, time: now)) }
        }
    }

    public mutating func rename(_ reference: String, to newName: String, now: Double) throws(EngineError) {
        let i = try containerIndex(reference)
        if containers[i].name == newName { throw .renameSameName }
        if let other = containers.first(where: { $0.name == newName }) { throw .nameInUse(name: newName, id: other.id) }
        let old = containers[i].name
        containers[i].name = newName
        recordEvent(.container(eventActor(i), "rename", time: now, extra: ["oldName": "/" + old]))
    }
}

extension Container {
    /// Whether the main process is the image's service (nginx, postgres…), which exits 0 on SIGTERM.
    var isService: Bool { serviceProgram != nil }

    /// The service program the main process runs, when it is the image's daemon: the program
    /// itself (`nginx -g …`), or the image's entrypoint script handed it (`docker-entrypoint.sh postgres`).
    var serviceProgram: String? {
        // The first two words of `processArguments`, without joining entrypoint and command.
        let entrypoint = config.entrypoint ?? [], cmd = config.cmd ?? []
        func word(_ n: Int) -> String? { n < entrypoint.count ? entrypoint[n] : n - entrypoint.count < cmd.count ? cmd[n - entrypoint.count] : nil }
        guard let first = word(0) else { return nil }
        if Self.services.contains(first) { return first }
        guard Self.entrypointScripts.contains(first), let second = word(1) else { return nil }
        if second == "/etc/docker/registry/config.yml" { return "registry" }
        return Self.services.contains(second) ? second : nil
    }

    static let services: Set<String> = ["nginx", "httpd-foreground", "mysqld", "postgres", "redis-server", "mongod", "elasticsearch"]
    static let entrypointScripts: Set<String> = ["/docker-entrypoint.sh", "docker-entrypoint.sh", "/entrypoint.sh"]

}
