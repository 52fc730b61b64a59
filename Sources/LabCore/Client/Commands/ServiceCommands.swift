/// `docker service …`: create, update, scale, rollback, rm on the lab's swarm, and the listings
/// (ls, ps, inspect, logs) that ServiceListing renders. Texts from docker/cli
/// cli/command/service (create.go, update.go, scale.go, rollback.go, remove.go).
enum ServiceCommands {
    /// Runs a service command; nil when the path is not one.
    static func execute(_ i: DockerInvocation, _ p: inout ProcessContext, lab: inout Lab) -> Int32? {
        guard i.path.first == "service" else { return nil }
        switch i.pathKey {
        case "service create":
            return run(&p) { (p: inout ProcessContext) throws(EngineError) in
                if i.value("mode") == "global" && i.value("replicas") != nil {
                    throw .other("replicas can only be used with replicated or replicated-job mode", status: -1)
                }
                var spec = ServiceOptions.spec(i)
                try lab.requireManager()
                spec.secrets = try i.values("secret").map { (text: String) throws(EngineError) in try lab.fileReference(.secret, text) }
                spec.configs = try i.values("config").map { (text: String) throws(EngineError) in try lab.fileReference(.config, text) }
                try attachNetworks(i.values("network"), to: &spec, lab)
                let id = try lab.createService(spec)
                p.write(id + "\n")
                if !i.flag("detach") && !i.flag("quiet") {
                    p.write(ServiceProgress.converged(lab, serviceID: id, named: id, change: .replaced))
                    ServiceProgress.wait(&lab)
                }
            }
        case "service update":
            return run(&p) { (p: inout ProcessContext) throws(EngineError) in
                let ref = i.arguments.first ?? ""
                var change = ServiceProgress.Change.rolledBack
                if i.flag("rollback") {
                    try lab.rollbackService(ref)
                } else {
                    try lab.requireManager()
                    let s = try lab.service(ref)
                    guard let old = lab.swarm?.services[s] else { return }
                    if i.value("replicas") != nil && old.spec.isGlobal { throw .other("replicas can only be used with replicated mode", status: -1) }
                    var spec = ServiceOptions.update(i, old.spec)
                    for name in i.values("secret-rm") { spec.secrets.removeAll { $0.name == name || $0.id == name } }
                    for text in i.values("secret-add") { spec.secrets.append(try lab.fileReference(.secret, text)) }
                    for name in i.values("config-rm") { spec.configs.removeAll { $0.name == name || $0.id == name } }
                    for text in i.values("config-add") { spec.configs.append(try lab.fileReference(.config, text)) }
                    for name in i.values("network-rm") {
                        let id = (try? lab.overlayNetwork(name)).map { lab.machines[lab.current].engine.networks[$0].id }
                        spec.networks.removeAll { $0.target == name || $0.target == id }
                    }
                    try attachNetworks(i.values("network-add"), to: &spec, lab)
                    change = spec.runsSameTasks(as: old.spec) ? (old.spec.replicas == spec.replicas ? .unchanged : .scaled) : .replaced
                    try lab.updateService(ref, to: spec)
                }
                p.write(ref + "\n")
                if !i.flag("detach") && !i.flag("quiet"), let id = try? lab.service(ref), let sid = lab.swarm?.services[id].id {
                    p.write(ServiceProgress.converged(lab, serviceID: sid, named: ref, change: change))
                    ServiceProgress.wait(&lab)
                }
            }
        case "service rollback":
            return run(&p) { (p: inout ProcessContext) throws(EngineError) in
                let ref = i.arguments.first ?? ""
                try lab.rollbackService(ref)
                p.write(ref + "\n")
                if !i.flag("detach") && !i.flag("quiet"), let id = try? lab.service(ref), let sid = lab.swarm?.services[id].id {
                    p.write(ServiceProgress.converged(lab, serviceID: sid, named: ref, change: .rolledBack))
                    ServiceProgress.wait(&lab)
                }
            }
        case "service scale": return scale(i, &p, &lab)
        case "service rm":
            var failed: [String] = []
            for ref in i.arguments {
                do {
                    try lab.removeService(ref)
                    p.write(ref + "\n")
                } catch {
                    failed.append("Error response from daemon: " + error.message)
                }
            }
            if !failed.isEmpty { p.writeError(failed.joined(separator: "\n") + "\n") }
            return failed.isEmpty ? 0 : 1
        case "service ls": return run(&p) { (p: inout ProcessContext) throws(EngineError) in try ServiceListing.list(i, &p, lab) }
        case "service ps": return run(&p) { (p: inout ProcessContext) throws(EngineError) in try ServiceListing.tasks(i, &p, lab) }
        case "service inspect": return run(&p) { (p: inout ProcessContext) throws(EngineError) in try ServiceListing.inspect(i, &p, lab) }
        case "service logs": return run(&p) { (p: inout ProcessContext) throws(EngineError) in try ServiceListing.logs(i, &p, lab) }
        default: return nil
        }
    }

    /// Runs a body, printing a refusal as the client does (the daemon's with its prefix).
    static func run(_ p: inout ProcessContext, _ body: (inout ProcessContext) throws(EngineError) -> Void) -> Int32 {
        do {
            try body(&p)
            return 0
        } catch {
            if case .other(_, -2) = error { return 1 }
            if case .other(let message, -1) = error { p.writeError(message + "\n") } else {
                p.writeError("Error response from daemon: \(error.message)\n")
            }
            return 1
        }
    }

    /// Resolves `--network` values to overlay network ids, as the client does before it sends the spec.
    static func attachNetworks(_ names: [String], to spec: inout ServiceSpec, _ lab: Lab) throws(EngineError) {
        for text in names {
            let name = text.contains("=") ? RunOptions.keyValues(text)["name"] ?? "" : text
            let n = try lab.overlayNetwork(name)
            let id = lab.machines[lab.current].engine.networks[n].id
            if spec.networks.contains(where: { $0.target == id }) { throw .other("service is already attached to network \(name)", status: -1) }
            let aliases = text.contains("=") ? RunOptions.keyValues(text)["alias"].map { [$0] } ?? [] : []
            spec.networks.append(ServiceSpec.NetworkAttachment(target: id, aliases: aliases))
        }
    }

    /// `docker service scale SERVICE=N…`.
    static func scale(_ i: DockerInvocation, _ p: inout ProcessContext, _ lab: inout Lab) -> Int32 {
        var errors: [String] = []
        var scaled: [String] = []
        for arg in i.arguments {
            let parts = arg.split(separator: "=", maxSplits: 1)
            let name = String(parts[0])
            guard parts.count == 2, let n = Int(parts[1]), n >= 0 else {
                errors.append("\(name): invalid replicas value \(parts.count > 1 ? String(parts[1]) : ""): strconv.ParseUint: parsing \"\(parts.count > 1 ? String(parts[1]) : "")\": invalid syntax")
                continue
            }
            do throws(EngineError) {
                try lab.requireManager()
                let s = try lab.service(name)
                guard var spec = lab.swarm?.services[s].spec else { continue }
                guard !spec.isGlobal else { throw .other("scale can only be used with replicated or replicated-job mode", status: -1) }
                spec.replicas = n
                try lab.updateService(name, to: spec)
                p.write("\(name) scaled to \(n)\n")
                scaled.append(name)
            } catch {
                if case .other(let message, -1) = error { errors.append("\(name): \(message)") } else { errors.append("\(name): Error response from daemon: \(error.message)") }
            }
        }
        if !i.flag("detach") {
            for name in scaled {
                if let s = try? lab.service(name), let id = lab.swarm?.services[s].id {
                    p.write(ServiceProgress.converged(lab, serviceID: id, named: name, change: .scaled))
                    ServiceProgress.wait(&lab)
                }
            }
        }
        if !errors.isEmpty { p.writeError(errors.joined(separator: "\n") + "\n") }
        return errors.isEmpty ? 0 : 1
    }
}

/// What `docker service create/update/scale/rollback` print while they wait for the service to
/// converge (docker/cli cli/command/service/progress), as a non-terminal receives it: the
/// overall count, each slot, the count again as tasks come up, the stability wait, and the
/// verdict naming the service as it was typed (Fixtures/swarm 04 and 06; the refreshes in
/// between depend on timing and are folded by the comparison).
enum ServiceProgress {
    /// How the service got to where it is.
    enum Change { case replaced, unchanged, scaled, rolledBack }

    /// The time the client spends watching: the new tasks start, then the monitoring period
    /// passes (progress.go waits `monitor` after convergence), and the swarm catches up.
    static func wait(_ lab: inout Lab) {
        lab.clock.advance(by: Lab.taskStartSeconds + Lab.monitorSeconds)
        lab.reconcileSwarm()
    }

    static func converged(_ lab: Lab, serviceID: String, named reference: String, change: Change) -> String {
        guard let swarm = lab.swarm, let service = swarm.services.first(where: { $0.id == serviceID }) else { return "" }
        let n = service.spec.replicas ?? swarm.tasks.filter { $0.serviceID == serviceID && $0.desiredState == "running" }.count
        let prefix = change == .rolledBack ? "overall progress: rolling back update: " : "overall progress: "
        var lines: [String] = []
        if change == .rolledBack { lines.append("rollback: manually requested rollback") }
        lines.append("\(prefix)0 out of \(n) tasks")
        // progress.Update(out, "i/n", " "): the id, ": ", then the blank (Fixtures/swarm 04).
        for slot in 0..<n { lines.append("\(slot + 1)/\(n):  ") }
        switch change {
        case .replaced, .rolledBack: lines.append("\(prefix)0 out of \(n) tasks")
        case .scaled: if n > 0 { lines.append("\(prefix)\(n - 1) out of \(n) tasks") }
        case .unchanged: break
        }
        lines.append("\(prefix)\(n) out of \(n) tasks")
        lines.append("verify: Waiting 5 seconds to verify that tasks are stable...")
        lines.append("verify: Service \(reference) converged")
        return lines.map { $0 + "\n" }.joined()
    }
}
