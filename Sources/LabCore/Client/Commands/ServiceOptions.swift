/// Turns the flags of `docker service create` and `docker service update` into a service spec,
/// as the client does (docker/cli cli/command/service/opts.go and update.go). The grammar has
/// already validated each value's syntax.
enum ServiceOptions {
    /// The spec `service create` asks for.
    static func spec(_ i: DockerInvocation) -> ServiceSpec {
        var spec = ServiceSpec(name: i.value("name") ?? "", image: i.arguments.first ?? "")
        if i.arguments.count > 1 { spec.args = Array(i.arguments.dropFirst()) }
        if let e = i.value("entrypoint") { spec.command = e.split(separator: " ").map(String.init) }
        spec.env = i.values("env")
        spec.workdir = i.value("workdir")
        spec.user = i.value("user")
        spec.hostname = i.value("hostname")
        spec.labels = keyValues(i.values("label"))
        spec.containerLabels = keyValues(i.values("container-label"))
        spec.mounts = i.values("mount").map(RunOptions.keyValues)
        spec.replicas = i.value("mode") == "global" ? nil : Int(i.value("replicas") ?? "1") ?? 1
        if let max = i.value("replicas-max-per-node") { spec.maxReplicasPerNode = Int(max) ?? 0 }
        spec.constraints = i.values("constraint")
        spec.preferences = i.values("placement-pref")
        applyResources(i, to: &spec)
        applyPolicies(i, to: &spec)
        spec.endpointMode = i.value("endpoint-mode") ?? "vip"
        spec.ports = i.values("publish").compactMap(port)
        if let cmd = i.value("health-cmd") { spec.healthcheck = ["CMD-SHELL", cmd] }
        if i.flag("no-healthcheck") { spec.healthcheck = ["NONE"] }
        spec.healthInterval = i.value("health-interval").flatMap(RunOptions.goDuration)
        spec.healthRetries = i.value("health-retries").flatMap { Int($0) }
        // The client sends its default grace period when none is given (Fixtures/swarm 05: 10s).
        spec.stopGracePeriod = i.value("stop-grace-period").flatMap(RunOptions.goDuration) ?? 10
        return spec
    }

    /// Memory and CPU limits and reservations.
    static func applyResources(_ i: DockerInvocation, to spec: inout ServiceSpec) {
        if let v = i.value("limit-memory") { spec.limitMemory = RunOptions.bytes(v) }
        if let v = i.value("reserve-memory") { spec.reserveMemory = RunOptions.bytes(v) }
        if let v = i.value("limit-cpu") { spec.limitNanoCPUs = Int64((Double(v) ?? 0) * 1e9) }
        if let v = i.value("reserve-cpu") { spec.reserveNanoCPUs = Int64((Double(v) ?? 0) * 1e9) }
    }

    /// Restart, update and rollback policies.
    static func applyPolicies(_ i: DockerInvocation, to spec: inout ServiceSpec) {
        if let v = i.value("restart-condition") { spec.restartCondition = v }
        if let v = i.value("restart-delay").flatMap(RunOptions.goDuration) { spec.restartDelay = v }
        if let v = i.value("restart-max-attempts").flatMap({ Int($0) }) { spec.restartMaxAttempts = v }
        if let v = i.value("update-parallelism").flatMap({ Int($0) }) { spec.updateParallelism = v }
        if let v = i.value("update-delay").flatMap(RunOptions.goDuration) { spec.updateDelay = v }
        if let v = i.value("update-failure-action") { spec.updateFailureAction = v }
        if let v = i.value("update-order") { spec.updateOrder = v }
        if let v = i.value("rollback-parallelism").flatMap({ Int($0) }) { spec.rollbackParallelism = v }
        if let v = i.value("rollback-delay").flatMap(RunOptions.goDuration) { spec.rollbackDelay = v }
        if let v = i.value("rollback-failure-action") { spec.rollbackFailureAction = v }
        if let v = i.value("rollback-order") { spec.rollbackOrder = v }
    }

    /// `key=value` pairs (a bare key has an empty value).
    static func keyValues(_ list: [String]) -> [String: String] {
        var out: [String: String] = [:]
        for kv in list {
            let p = kv.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            out[String(p[0])] = p.count > 1 ? String(p[1]) : ""
        }
        return out
    }

    /// One `--publish`: `PUBLISHED:TARGET[/PROTO]`, `TARGET`, or `published=…,target=…,protocol=…,mode=…`.
    static func port(_ text: String) -> ServiceSpec.PortConfig? {
        if text.contains("=") {
            let kv = RunOptions.keyValues(text)
            guard let target = kv["target"].flatMap({ Int($0) }) else { return nil }
            return ServiceSpec.PortConfig(protocolName: kv["protocol"] ?? "tcp", targetPort: target,
                                          publishedPort: kv["published"].flatMap { Int($0) } ?? 0, publishMode: kv["mode"] ?? "ingress")
        }
        let parts = text.split(separator: "/", maxSplits: 1)
        let proto = parts.count > 1 ? String(parts[1]) : "tcp"
        let ports = parts[0].split(separator: ":")
        guard let target = ports.last.flatMap({ Int($0) }) else { return nil }
        let published = ports.count > 1 ? Int(ports[ports.count - 2]) ?? 0 : 0
        return ServiceSpec.PortConfig(protocolName: proto, targetPort: target, publishedPort: published)
    }

    /// `service update`'s changes, applied to the current spec.
    static func update(_ i: DockerInvocation, _ old: ServiceSpec) -> ServiceSpec {
        var spec = old
        if let image = i.value("image") { spec.image = image }
        if i.arguments.count > 1 { spec.args = Array(i.arguments.dropFirst()) }
        if let args = i.value("args") { spec.args = args.split(separator: " ").map(String.init) }
        if let r = i.value("replicas").flatMap({ Int($0) }), !spec.isGlobal { spec.replicas = r }
        for e in i.values("env-rm") { spec.env.removeAll { $0 == e || $0.hasPrefix(e + "=") } }
        for e in i.values("env-add") {
            let key = e.split(separator: "=", maxSplits: 1).first.map(String.init) ?? e
            spec.env.removeAll { $0 == key || $0.hasPrefix(key + "=") }
            spec.env.append(e)
        }
        for l in i.values("label-rm") { spec.labels[l] = nil }
        for (k, v) in keyValues(i.values("label-add")) { spec.labels[k] = v }
        for l in i.values("container-label-rm") { spec.containerLabels[l] = nil }
        for (k, v) in keyValues(i.values("container-label-add")) { spec.containerLabels[k] = v }
        for c in i.values("constraint-rm") { spec.constraints.removeAll { $0 == c } }
        spec.constraints += i.values("constraint-add").filter { !spec.constraints.contains($0) }
        for p in i.values("placement-pref-rm") { spec.preferences.removeAll { $0 == p } }
        spec.preferences += i.values("placement-pref-add")
        // --publish-rm names the target port (Fixtures/swarm 06: 8080 removes nothing from 8080:80, 80 removes it).
        for p in i.values("publish-rm") {
            let target = p.contains("=") ? RunOptions.keyValues(p)["target"].flatMap { Int($0) } : Int(p.split(separator: "/").first ?? "")
            spec.ports.removeAll { $0.targetPort == target }
        }
        for p in i.values("publish-add").compactMap(port) {
            spec.ports.removeAll { $0.publishedPort == p.publishedPort && p.publishedPort != 0 }
            spec.ports.append(p)
        }
        if let v = i.value("endpoint-mode") { spec.endpointMode = v }
        if let v = i.value("workdir") { spec.workdir = v }
        if let v = i.value("user") { spec.user = v }
        if let v = i.value("hostname") { spec.hostname = v }
        if let cmd = i.value("health-cmd") { spec.healthcheck = ["CMD-SHELL", cmd] }
        if let v = i.value("health-interval").flatMap(RunOptions.goDuration) { spec.healthInterval = v }
        if let v = i.value("health-retries").flatMap({ Int($0) }) { spec.healthRetries = v }
        if let v = i.value("stop-grace-period").flatMap(RunOptions.goDuration) { spec.stopGracePeriod = v }
        applyResources(i, to: &spec)
        applyPolicies(i, to: &spec)
        if i.flag("force") { spec.forceUpdate += 1 }
        return spec
    }
}
