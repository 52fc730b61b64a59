/// depends_on's conditions: before a service starts, Compose waits until each dependency whose
/// condition asks for it is healthy (service_healthy) or has exited 0
/// (service_completed_successfully), polling every half second (docker/compose
/// pkg/compose/convergence.go waitDependencies, isServiceHealthy, isServiceCompleted; docker-compose
/// 1.29 service.py is_healthy and is_completed_successfully). The lab's clock moves on while it waits.
extension ComposeRunner {
    /// The longest the lab waits, in simulated seconds, before it gives up as `--wait-timeout` would.
    static let dependencyPatience: Double = 600

    /// Waits for `svc`'s dependencies; nil when they are ready, else what failed, worded by the Compose.
    func waitForDependencies(of svc: ComposeProject.Service, _ p: inout ProcessContext, _ s: inout DaemonSession) -> String? {
        for dep in svc.dependsOn {
            let condition = svc.condition(dep)
            guard condition == "service_healthy" || condition == "service_completed_successfully" else { continue }
            let waitingFor = containers(s).filter { $0.config.labels[Self.serviceLabel] == dep }.map(\.id)
            if v2 { for id in waitingFor { p.writeError(progress.event("Container " + name(id, s), "Waiting")) } }
            if waitingFor.isEmpty { return v2 ? "\(svc.name) is missing dependency \(dep)" : nil }
            let deadline = s.now + Self.dependencyPatience
            while true {
                switch readiness(waitingFor, condition: condition, dep: dep, s) {
                case .ready:
                    if v2 { for id in waitingFor { p.writeError(progress.event("Container " + name(id, s), condition == "service_healthy" ? "Healthy" : "Exited")) } }
                case .failed(let why, let shortID):
                    if v2 {
                        // A dependency that exited non-zero is its own error; one that is not healthy fails the start.
                        let completed = condition == "service_completed_successfully"
                        for id in waitingFor {
                            p.writeError(progress.event("Container " + name(id, s), "Error", completed ? why : "dependency \(dep) failed to start"))
                        }
                        return completed ? why : "dependency failed to start: " + why
                    }
                    return "\nERROR: for \(svc.name)  " + (condition == "service_healthy" ? "Container \"\(shortID)\" is unhealthy." : why)
                        + "\nERROR: Encountered errors while bringing up the project."
                case .pending:
                    guard s.now < deadline else { return v2 ? "timeout waiting for dependencies" : "ERROR: Encountered errors while bringing up the project." }
                    s.wait(until: s.now + 0.5)
                    continue
                }
                break
            }
        }
        return nil
    }

    private enum Readiness { case ready, pending, failed(String, shortID: String) }

    private func name(_ id: String, _ s: DaemonSession) -> String { s.engine.containers.first { $0.id == id }?.name ?? id }

    private func readiness(_ ids: [String], condition: String, dep: String, _ s: DaemonSession) -> Readiness {
        var ready = true
        for id in ids {
            guard let c = s.engine.containers.first(where: { $0.id == id }) else { continue }
            let short = String(c.id.prefix(12))
            if condition == "service_completed_successfully" {
                guard c.state.status == "exited" else { ready = false; continue }
                if c.state.exitCode != 0 {
                    return .failed(v2 ? "service \"\(dep)\" didn't complete successfully: exit \(c.state.exitCode)"
                                      : "Container \"\(short)\" exited with code \(c.state.exitCode).", shortID: short)
                }
                continue
            }
            if c.state.status == "exited" { return .failed("container \(c.name) exited (\(c.state.exitCode))", shortID: short) }
            guard c.config.healthcheck != nil, c.config.healthcheck?.first != "NONE" else {
                return .failed(v2 ? "container \(c.name) has no healthcheck configured" : "Service \"\(dep)\" is missing a healthcheck configuration", shortID: short)
            }
            switch c.state.health {
            case "healthy": continue
            case "unhealthy": return .failed("container \(c.name) is unhealthy", shortID: short)
            default: ready = false
            }
        }
        return ready ? .ready : .pending
    }
}
