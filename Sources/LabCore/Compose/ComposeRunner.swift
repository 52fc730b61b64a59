/// What each docker-compose command does to the machine's engine, and what it prints.
struct ComposeRunner {
    let project: ComposeProject
    var args: [String]
    /// Whether the learner's shell has a terminal (exec needs one unless -T).
    var terminalAttached = false
    /// `docker compose` (v2): containers PROJECT-SERVICE-N and v2's progress events.
    var v2 = false

    var progress: ComposeProgress { ComposeProgress(v2: v2) }

    /// A service's Nth container: PROJECT_SERVICE_N (1.29) or PROJECT-SERVICE-N (v2).
    func containerName(_ svc: ComposeProject.Service, _ n: Int) -> String {
        svc.containerName ?? [project.name, svc.name, String(n)].joined(separator: v2 ? "-" : "_")
    }

    static let projectLabel = "com.docker.compose.project"
    static let serviceLabel = "com.docker.compose.service"
    static let numberLabel = "com.docker.compose.container-number"
    static let oneoffLabel = "com.docker.compose.oneoff"

    var network: String { project.name + "_default" }

    /// The project's containers, by name.
    func containers(_ s: DaemonSession, oneoff: Bool = false) -> [Container] {
        s.engine.containers.filter { $0.config.labels[Self.projectLabel] == project.name && ($0.config.labels[Self.oneoffLabel] == "True") == oneoff }
            .sorted { $0.name < $1.name }
    }

    /// The services a command names (all when none), or the refusal for an unknown one.
    func selected(_ names: [String]) -> Result<[ComposeProject.Service], ComposeProject.Failure> {
        if names.isEmpty { return .success(project.services) }
        var out: [ComposeProject.Service] = []
        for n in names {
            guard let s = project.services.first(where: { $0.name == n }) else { return .failure(.init(message: "No such service: \(n)")) }
            out.append(s)
        }
        return .success(out)
    }

    mutating func run(_ command: String, _ p: inout ProcessContext, _ s: inout DaemonSession) -> Int32 {
        let flags = args.filter { $0.hasPrefix("-") }
        let names = args.filter { !$0.hasPrefix("-") }
        switch command {
        case "config":
            if flags.contains("--services") { p.write(project.services.map { $0.name + "\n" }.joined()); return 0 }
            p.write(ComposeConfig.text(project))
            return 0
        case "up", "create": return up(p: &p, s: &s, names: names, flags: flags, start: command == "up")
        case "build":
            // docker-compose names the services it skips before it builds any (Fixtures/build 08).
            for svc in project.services where svc.build == nil { p.writeError("\(svc.name) uses an image, skipping\n") }
            for svc in project.services where svc.build != nil {
                if !ComposeBuild.build(self, svc, &p, &s) { return 1 }
            }
            return 0
        case "ps": return ComposeListing.ps(self, flags: flags, &p, s)
        case "logs": return ComposeListing.logs(self, names: names, color: !flags.contains("--no-color"), &p, s)
        case "stop", "start", "restart", "kill", "pause", "unpause": return lifecycle(command, names: names, &p, &s)
        case "rm": return remove(names: names, &p, &s)
        case "down": return down(flags: flags, &p, &s)
        case "exec": return ComposeExec.exec(self, args: args, &p, &s)
        case "run": return ComposeExec.run(self, args: args, &p, &s)
        case "pull":
            guard case .success(let services) = selected(names) else { p.writeError("No such service: \(names.joined(separator: ", "))\n"); return 1 }
            for svc in services {
                guard let image = svc.image else { continue }
                if !pullProgress(svc, image, &p, &s) { return 1 }
            }
            return 0
        case "top": return ComposeListing.top(self, &p, s)
        default:
            p.writeError("lab: 'docker-compose \(command)' is not simulated yet\n")
            return 1
        }
    }

    /// Pulls a service's image: `Pulling SERVICE (IMAGE:TAG)...` and the daemon's lines.
    func pull(_ svc: ComposeProject.Service, _ image: String, _ p: inout ProcessContext, _ s: inout DaemonSession) -> Bool {
        let name = ImageName(image)
        if v2 {
            // v2: the image's own events (docker/compose pkg/compose/pull.go pullServiceImage:
            // "Image NAME" Pulling, then Pulled or Error with the daemon's message). Its per-layer
            // events are left out: the lab's best reading of them is not sure enough.
            p.writeError(progress.event("Image " + image, "Pulling"))
            guard s.pull(name) != nil else {
                let message = ImageCommands.pullError(name, hub: s.hub).message
                p.writeError(progress.event("Image " + image, "Error", message) + "Error response from daemon: " + message + "\n")
                return false
            }
            p.writeError(progress.event("Image " + image, "Pulled"))
            return true
        }
        p.writeError("Pulling \(svc.name) (\(name.repository):\(image.contains(":") ? name.tag ?? "" : ""))...\n")
        guard let lines = s.pull(name) else {
            p.writeError(ImageCommands.pullError(name, hub: s.hub).message + "\n")
            return false
        }
        p.write(lines.filter { !$0.contains(": Pulling fs layer") && !$0.contains(": Pull complete") && !$0.contains(": Verifying") && !$0.contains(": Download complete") }
            .map { $0 + "\n" }.joined())
        return true
    }

    /// `pull`'s progress lines: one per daemon status, lowercased and cut as docker-compose's
    /// progress stream cuts them, then done or the error (Fixtures/build 08).
    func pullProgress(_ svc: ComposeProject.Service, _ image: String, _ p: inout ProcessContext, _ s: inout DaemonSession) -> Bool {
        let head = "Pulling \(svc.name) ... "
        p.writeError(head + "\n")
        let name = ImageName(image)
        guard let lines = s.pull(name) else {
            let message = ImageCommands.pullError(name, hub: s.hub).message
            p.writeError(head + "error\n\nERROR: for \(svc.name)  \(message)\n\(message)\n")
            return false
        }
        for line in lines where !line.contains(": Pulling fs layer") && !line.contains(": Pull complete") && !line.contains(": Already exists") {
            var status = line.lowercased()
            if let r = status.range(of: ": pulling from ") { status = "pulling from " + status[r.upperBound...] }
            p.writeError(head + (status.count > 33 ? status.prefix(33) + "..." : status) + "\n")
        }
        p.writeError(head + "done\n")
        return true
    }

    mutating func up(p: inout ProcessContext, s: inout DaemonSession, names: [String], flags: [String], start: Bool) -> Int32 {
        var scale: [String: Int] = [:]
        var k = 0
        while k < args.count {
            if args[k] == "--scale", k + 1 < args.count {
                let kv = args[k + 1].split(separator: "=", maxSplits: 1)
                guard kv.count == 2, let n = Int(kv[1]), n >= 0 else {
                    p.writeError("Number of containers for service \"\(kv.first ?? "")\" is not a number\n")
                    return 1
                }
                scale[String(kv[0])] = n
                k += 1
            }
            k += 1
        }
        let services: [ComposeProject.Service]
        switch selected(names.filter { !$0.contains("=") }) {
        case .success(let list): services = list
        case .failure(let f): p.writeError(f.message + "\n"); return 1
        }
        // v2 pulls and builds before it creates networks and volumes (pkg/compose/create.go: ensureImagesExists first).
        if v2, !ensureImages(services, flags: flags, &p, &s) { return 1 }
        // The default network when a service uses it, then the file's own networks.
        let usesDefault = project.services.contains { $0.networks.isEmpty || $0.networks.contains("default") }
        for (name, full) in (usesDefault ? [("default", network)] : []) + project.networks.map({ ($0, project.name + "_" + $0) })
        where s.engine.networkIndex(full) == nil {
            p.writeError(progress.networkCreated(full))
            _ = try? s.engine.createNetwork(name: full, driver: "bridge", subnet: nil, gateway: nil,
                                            labels: ["com.docker.compose.network": name, Self.projectLabel: project.name, "com.docker.compose.version": ComposeCommand.version],
                                            isInternal: false, attachable: false, ids: &s.ids, now: s.now)
        }
        for v in project.volumes where !s.engine.volumes.contains(where: { $0.name == project.name + "_" + v }) {
            p.writeError(progress.volumeCreated(project.name + "_" + v))
            _ = s.engine.createVolume(name: project.name + "_" + v, driver: "local", anonymous: false, ids: &s.ids, now: s.now)
        }
        if !v2, !ensureImages(services, flags: flags, &p, &s) { return 1 }
        // docker-compose reports what it left alone after what it changed (Fixtures/build 08).
        var upToDate: [String] = []
        defer { p.writeError(upToDate.joined()) }
        var toStart: [(svc: ComposeProject.Service, name: String, id: String)] = []
        for svc in startOrder(services) {
            let want = scale[svc.name] ?? 1
            let existing = containers(s).filter { $0.config.labels[Self.serviceLabel] == svc.name }
                .sorted { Int($0.config.labels[Self.numberLabel] ?? "") ?? 0 < Int($1.config.labels[Self.numberLabel] ?? "") ?? 0 }
            if let wanted = scale[svc.name] {
                // --scale: the surplus goes, highest numbers first; the rest is not reported.
                for c in existing.dropFirst(wanted).reversed() {
                    p.writeError(v2 ? progress.begin("Stopping", c.name) + progress.done("Stopping", c.name) + progress.begin("Removing", c.name)
                                 : progress.begin("Stopping and removing", c.name))
                    try? s.engine.remove(c.id, force: true, volumes: false, now: s.now)
                    p.writeError(progress.done(v2 ? "Removing" : "Stopping and removing", c.name))
                }
            }
            for c in existing.prefix(want) where scale[svc.name] == nil || !c.state.running {
                if c.state.running { upToDate.append(progress.upToDate(c.name)); continue }
                p.writeError(progress.begin("Starting", c.name))
                if start { _ = try? s.engine.start(c.id, ids: &s.ids, hostFiles: &s.files, now: s.now) }
                p.writeError(progress.done("Starting", c.name))
            }
            guard existing.count < want else { continue }
            for n in (existing.count + 1)...want {
                let name = containerName(svc, n)
                p.writeError(progress.begin("Creating", name))
                switch create(svc, name: name, number: n, oneoff: false, command: nil, &s) {
                case .success(let id):
                    // v2 creates every container first and starts them after; 1.29 starts each as it goes.
                    if v2 { p.writeError(progress.done("Creating", name)); if start { toStart.append((svc, name, id)) }; continue }
                    if start {
                        if let failure = waitForDependencies(of: svc, &p, &s) { p.writeError(failure + "\n"); return 1 }
                        do { _ = try s.engine.start(id, ids: &s.ids, hostFiles: &s.files, now: s.now) } catch {
                            p.writeError(progress.failed("Creating", name, error.message))
                            return 1
                        }
                    }
                    p.writeError(progress.done("Creating", name))
                case .failure(let error):
                    p.writeError(progress.failed("Creating", name, error.message))
                    return 1
                }
            }
        }
        // v2 starts what it created once everything is created, each after its dependencies.
        for (svc, name, id) in toStart {
            if let failure = waitForDependencies(of: svc, &p, &s) { p.writeError(failure + "\n"); return 1 }
            p.writeError(progress.begin("Starting", name))
            do {
                _ = try s.engine.start(id, ids: &s.ids, hostFiles: &s.files, now: s.now)
                p.writeError(progress.done("Starting", name))
            } catch {
                p.writeError(progress.failed("Starting", name, error.message))
            }
        }
        return 0
    }

    /// Pulls or builds each service's image that is missing (or all built ones with --build); false on a failure.
    func ensureImages(_ services: [ComposeProject.Service], flags: [String], _ p: inout ProcessContext, _ s: inout DaemonSession) -> Bool {
        for svc in ordered(services) {
            let image = svc.image ?? (project.name + "-" + svc.name)
            if s.engine.imageIndex(image) == nil {
                if svc.build != nil {
                    if !ComposeBuild.build(self, svc, &p, &s) { return false }
                } else if !pull(svc, image, &p, &s) {
                    return false
                }
            } else if flags.contains("--build"), svc.build != nil {
                if !ComposeBuild.build(self, svc, &p, &s) { return false }
            }
        }
        return true
    }

    /// Services in dependency order (depends_on first), otherwise as the file gives them.
    func ordered(_ list: [ComposeProject.Service]) -> [ComposeProject.Service] {
        var out: [ComposeProject.Service] = []
        func visit(_ s: ComposeProject.Service, _ depth: Int) {
            guard depth < 50, !out.contains(where: { $0.name == s.name }) else { return }
            for d in s.dependsOn { if let dep = project.services.first(where: { $0.name == d }) { visit(dep, depth + 1) } }
            if !out.contains(where: { $0.name == s.name }) { out.append(s) }
        }
        for s in list { visit(s, 0) }
        return out
    }

    /// The order services start in: docker-compose runs them in parallel, each once the services
    /// it depends on are up (compose/parallel.py): every service whose dependencies are up, in
    /// dependency order, then those that waited for them.
    func startOrder(_ list: [ComposeProject.Service]) -> [ComposeProject.Service] {
        var waiting = ordered(list)
        var out: [ComposeProject.Service] = []
        while !waiting.isEmpty {
            let ready = waiting.filter { s in !s.dependsOn.contains { d in waiting.contains { $0.name == d } } }
            let wave = ready.isEmpty ? [waiting[0]] : ready
            out += wave
            waiting.removeAll { s in wave.contains { $0.name == s.name } }
        }
        return out
    }

    /// Creates a service's container on the project's network, with its labels, ports, volumes.
    func create(_ svc: ComposeProject.Service, name: String, number: Int, oneoff: Bool, command: [String]?,
                _ s: inout DaemonSession) -> Result<String, EngineError> {
        var r = ContainerRequest(image: svc.image ?? (project.name + "-" + svc.name))
        r.name = name
        r.cmd = command ?? svc.command
        if let e = svc.entrypoint { r.entrypoint = e.joined(separator: " ") }
        r.env = svc.environment
        // A service on the file's networks joins the first at creation and the others after.
        let networks = svc.networks.isEmpty ? [network] : svc.networks.map { $0 == "default" ? network : project.name + "_" + $0 }
        r.network = networks[0]
        r.networkAliases = oneoff ? [] : [svc.name]
        // A one-off container (`run`) publishes nothing unless asked (--service-ports).
        r.portBindings = oneoff ? [] : svc.ports.flatMap { RunOptions.portBindings($0) }
        r.binds = svc.volumes.map { v in
            let parts = v.split(separator: ":", maxSplits: 1)
            guard parts.count == 2, !parts[0].hasPrefix("/") else { return v }
            if parts[0].hasPrefix(".") || parts[0].hasPrefix("~") {
                return VirtualFileSystem.normalise(String(parts[0]), cwd: project.directory) + ":" + parts[1]
            }
            return project.name + "_" + parts[0] + ":" + parts[1]
        }
        // docker-compose sends no restart policy unless the file has one: its name is empty.
        r.restartPolicy = svc.restart ?? ""
        r.healthcheck = svc.healthcheck
        r.healthInterval = svc.healthInterval
        var labels = svc.labels
        labels[Self.projectLabel] = project.name
        labels[Self.serviceLabel] = svc.name
        labels[Self.numberLabel] = String(number)
        labels[Self.oneoffLabel] = oneoff ? "True" : "False"
        labels["com.docker.compose.version"] = ComposeCommand.version
        r.labels = labels
        do {
            let id = try s.engine.createContainer(r, ids: &s.ids, now: s.now)
            for extra in networks.dropFirst() { try s.engine.connect(id, to: extra, aliases: oneoff ? [] : [svc.name], ids: &s.ids, now: s.now) }
            return .success(id)
        } catch {
            return .failure(error)
        }
    }

    mutating func lifecycle(_ command: String, names: [String], _ p: inout ProcessContext, _ s: inout DaemonSession) -> Int32 {
        let wanted = names.isEmpty ? nil : Set(names)
        let verb = ["stop": "Stopping", "start": "Starting", "restart": "Restarting", "kill": "Killing", "pause": "Pausing", "unpause": "Unpausing"][command]!
        for c in containers(s) where wanted == nil || wanted!.contains(c.config.labels[Self.serviceLabel] ?? "") {
            // `start` names the service; the others the container (Fixtures/build 07).
            let shown = command == "start" ? c.config.labels[Self.serviceLabel] ?? c.name : c.name
            if command == "start" && c.state.running { continue }
            if command == "stop" && !c.state.running { continue }
            p.writeError(v2 ? progress.begin(verb, c.name) : "\(verb) \(shown) ... \n")
            switch command {
            case "stop": try? s.engine.stop(c.id, now: s.now)
            case "start": _ = try? s.engine.start(c.id, ids: &s.ids, hostFiles: &s.files, now: s.now)
            case "restart":
                try? s.engine.stop(c.id, now: s.now)
                _ = try? s.engine.start(c.id, ids: &s.ids, hostFiles: &s.files, now: s.now)
            case "kill": try? s.engine.kill(c.id, now: s.now)
            case "pause": try? s.engine.pause(c.id, now: s.now)
            default: try? s.engine.unpause(c.id, now: s.now)
            }
            p.writeError(v2 ? progress.done(verb, c.name) : "\(verb) \(shown) ... done\n")
        }
        return 0
    }

    func remove(names: [String], _ p: inout ProcessContext, _ s: inout DaemonSession) -> Int32 {
        let wanted = names.isEmpty ? nil : Set(names)
        let gone = (containers(s) + containers(s, oneoff: true)).filter { !$0.state.running && (wanted == nil || wanted!.contains($0.config.labels[Self.serviceLabel] ?? "")) }
        guard !gone.isEmpty else { p.writeError("No stopped containers\n"); return 0 }
        p.write("Going to remove \(gone.map(\.name).joined(separator: ", "))\n")
        for c in gone {
            p.writeError(progress.begin("Removing", c.name))
            try? s.engine.remove(c.id, force: true, volumes: false, now: s.now)
            p.writeError(progress.done("Removing", c.name))
        }
        return 0
    }

    func down(flags: [String], _ p: inout ProcessContext, _ s: inout DaemonSession) -> Int32 {
        let all = containers(s)
        if v2 {
            // v2 takes each container down in reverse dependency order, dependents first: stop,
            // then remove (docker/compose pkg/compose/down.go, InReverseDependencyOrder).
            let rank = Dictionary(startOrder(project.services).enumerated().map { ($1.name, $0) }, uniquingKeysWith: { a, _ in a })
            let order = all.sorted { (rank[$0.config.labels[Self.serviceLabel] ?? ""] ?? 0) > (rank[$1.config.labels[Self.serviceLabel] ?? ""] ?? 0) }
            for c in order + containers(s, oneoff: true) {
                // Stopping and Stopped whether or not it runs: ContainerStop succeeds on a stopped one.
                p.writeError(progress.begin("Stopping", c.name))
                if c.state.running { try? s.engine.stop(c.id, now: s.now) }
                p.writeError(progress.done("Stopping", c.name))
                p.writeError(progress.begin("Removing", c.name))
                try? s.engine.remove(c.id, force: true, volumes: flags.contains("-v") || flags.contains("--volumes"), now: s.now)
                p.writeError(progress.done("Removing", c.name))
            }
            return removeNetworksAndVolumes(flags: flags, &p, &s)
        }
        for c in all where c.state.running {
            p.writeError(progress.begin("Stopping", c.name))
            try? s.engine.stop(c.id, now: s.now)
            p.writeError(progress.done("Stopping", c.name))
        }
        for c in all + containers(s, oneoff: true) {
            p.writeError(progress.begin("Removing", c.name))
            // -v takes the containers' anonymous volumes too.
            try? s.engine.remove(c.id, force: true, volumes: flags.contains("-v") || flags.contains("--volumes"), now: s.now)
            p.writeError(progress.done("Removing", c.name))
        }
        return removeNetworksAndVolumes(flags: flags, &p, &s)
    }

    /// down's last part: the project's networks, and its named volumes with -v.
    func removeNetworksAndVolumes(flags: [String], _ p: inout ProcessContext, _ s: inout DaemonSession) -> Int32 {
        for full in [network] + project.networks.map({ project.name + "_" + $0 }) where s.engine.networkIndex(full) != nil {
            p.writeError(progress.networkRemoved(full))
            try? s.engine.removeNetwork(full, now: s.now)
        }
        if flags.contains("-v") || flags.contains("--volumes") {
            for v in project.volumes where s.engine.volumes.contains(where: { $0.name == project.name + "_" + v }) {
                p.writeError(progress.volumeRemoved(project.name + "_" + v))
                try? s.engine.removeVolume(project.name + "_" + v, force: true, now: s.now)
            }
        }
        return 0
    }
}
