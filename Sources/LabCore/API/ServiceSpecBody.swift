/// The body of `POST /services/create` and `/services/{id}/update` (moby api/types/swarm
/// ServiceSpec, as the docker client and a stack deploy send it) read into the lab's
/// `ServiceSpec`, the inverse of `ServiceJSON.spec`; and the `docker service create` arguments
/// that make the same spec in `lab sh`, for the session's history.
enum ServiceSpecBody {
    /// A JSON number as an integer (Go's encoder writes them without a fraction).
    static func int(_ v: JSONValue?) -> Int64? {
        switch v {
        case .int(let i)?: return i
        case .double(let d)?: return Int64(d)
        default: return nil
        }
    }

    static func seconds(_ v: JSONValue?) -> Double? { int(v).map { Double($0) / 1e9 } }

    /// The spec a request body describes.
    static func spec(_ body: JSONValue) -> ServiceSpec {
        let task = body["TaskTemplate"] ?? .null
        let container = task["ContainerSpec"] ?? .null
        var s = ServiceSpec(name: body["Name"]?.stringValue ?? "", image: container["Image"]?.stringValue ?? "")
        s.labels = ContainerCreateBody.stringMap(body["Labels"])
        s.command = ContainerCreateBody.strings(container["Command"])
        s.args = ContainerCreateBody.strings(container["Args"])
        s.env = ContainerCreateBody.strings(container["Env"]) ?? []
        s.workdir = ContainerCreateBody.nonEmpty(container["Dir"])
        s.user = ContainerCreateBody.nonEmpty(container["User"])
        s.hostname = ContainerCreateBody.nonEmpty(container["Hostname"])
        s.containerLabels = ContainerCreateBody.stringMap(container["Labels"])
        if case .array(let mounts)? = container["Mounts"] {
            s.mounts = mounts.map { m in
                var o: [String: String] = ["type": m["Type"]?.stringValue ?? "volume", "target": m["Target"]?.stringValue ?? ""]
                if let source = ContainerCreateBody.nonEmpty(m["Source"]) { o["source"] = source }
                if m["ReadOnly"] == .bool(true) { o["readonly"] = "true" }
                return o
            }
        }
        s.secrets = files(container["Secrets"], kind: "Secret")
        s.configs = files(container["Configs"], kind: "Config")
        // Kept with swarmkit's default in place (api/defaults: 10 s), as `lab sh` keeps it, so a
        // spec sent back as inspected is the same spec.
        s.stopGracePeriod = seconds(container["StopGracePeriod"]) ?? 10
        if let test = ContainerCreateBody.strings(container["Healthcheck"]?["Test"]) { s.healthcheck = test }
        s.healthInterval = seconds(container["Healthcheck"]?["Interval"])
        s.healthRetries = int(container["Healthcheck"]?["Retries"]).map { Int($0) }
        let resources = task["Resources"]
        s.limitNanoCPUs = int(resources?["Limits"]?["NanoCPUs"]) ?? 0
        s.limitMemory = int(resources?["Limits"]?["MemoryBytes"]) ?? 0
        s.reserveNanoCPUs = int(resources?["Reservations"]?["NanoCPUs"]) ?? 0
        s.reserveMemory = int(resources?["Reservations"]?["MemoryBytes"]) ?? 0
        // The docker client sends both halves; a stack's deploy section only what it gives.
        s.stackResources = resources != nil && (resources?["Limits"] == nil || resources?["Reservations"] == nil)
        if let restart = task["RestartPolicy"] {
            s.restartCondition = restart["Condition"]?.stringValue ?? s.restartCondition
            s.restartDelay = seconds(restart["Delay"]) ?? s.restartDelay
            s.restartMaxAttempts = int(restart["MaxAttempts"]).map { Int($0) } ?? s.restartMaxAttempts
        }
        let placement = task["Placement"]
        s.constraints = ContainerCreateBody.strings(placement?["Constraints"]) ?? []
        if case .array(let prefs)? = placement?["Preferences"] {
            s.preferences = prefs.compactMap { $0["Spread"]?["SpreadDescriptor"]?.stringValue.map { "spread=" + $0 } }
        }
        s.maxReplicasPerNode = int(placement?["MaxReplicas"]).map { Int($0) } ?? 0
        // Networks: the task template's, or the older spec-level list.
        if case .array(let nets)? = task["Networks"] ?? body["Networks"] {
            s.networks = nets.compactMap { n in
                n["Target"]?.stringValue.map { ServiceSpec.NetworkAttachment(target: $0, aliases: ContainerCreateBody.strings(n["Aliases"]) ?? []) }
            }
        }
        s.forceUpdate = int(task["ForceUpdate"]).map { Int($0) } ?? 0
        if let global = body["Mode"]?["Global"], global != .null {
            s.replicas = nil
        } else {
            s.replicas = int(body["Mode"]?["Replicated"]?["Replicas"]).map { Int($0) } ?? 1
        }
        if let u = body["UpdateConfig"] {
            s.updateParallelism = int(u["Parallelism"]).map { Int($0) } ?? s.updateParallelism
            s.updateDelay = seconds(u["Delay"]) ?? s.updateDelay
            s.updateFailureAction = ContainerCreateBody.nonEmpty(u["FailureAction"]) ?? s.updateFailureAction
            s.updateOrder = ContainerCreateBody.nonEmpty(u["Order"]) ?? s.updateOrder
        }
        if let r = body["RollbackConfig"] {
            s.rollbackParallelism = int(r["Parallelism"]).map { Int($0) } ?? s.rollbackParallelism
            s.rollbackDelay = seconds(r["Delay"]) ?? s.rollbackDelay
            s.rollbackFailureAction = ContainerCreateBody.nonEmpty(r["FailureAction"]) ?? s.rollbackFailureAction
            s.rollbackOrder = ContainerCreateBody.nonEmpty(r["Order"]) ?? s.rollbackOrder
        }
        let endpoint = body["EndpointSpec"]
        s.endpointMode = ContainerCreateBody.nonEmpty(endpoint?["Mode"]) ?? "vip"
        if case .array(let ports)? = endpoint?["Ports"] {
            s.ports = ports.map { p in
                ServiceSpec.PortConfig(protocolName: ContainerCreateBody.nonEmpty(p["Protocol"]) ?? "tcp", targetPort: Int(int(p["TargetPort"]) ?? 0),
                                       publishedPort: Int(int(p["PublishedPort"]) ?? 0), publishMode: ContainerCreateBody.nonEmpty(p["PublishMode"]) ?? "ingress")
            }
        }
        return s
    }

    /// The secret or config references of a container spec.
    static func files(_ v: JSONValue?, kind: String) -> [ServiceSpec.FileReference] {
        guard case .array(let list)? = v else { return [] }
        return list.map { f in
            let file = f["File"]
            return ServiceSpec.FileReference(id: f[kind + "ID"]?.stringValue ?? "", name: f[kind + "Name"]?.stringValue ?? "",
                                             target: file?["Name"]?.stringValue ?? "", uid: file?["UID"]?.stringValue ?? "0",
                                             gid: file?["GID"]?.stringValue ?? "0", mode: Int(int(file?["Mode"]) ?? 0o444))
        }
    }

    /// An image as a learner types it: no digest, no `:latest`.
    static func typedImage(_ image: String) -> String {
        let shown = ServiceListing.image(image)
        return shown.hasSuffix(":latest") ? String(shown.dropLast(7)) : shown
    }

    /// The `docker service create` arguments for a spec, as a learner would type them.
    static func arguments(_ s: ServiceSpec, networkNames: [String: String]) -> [String] {
        var a: [String] = []
        if !s.name.isEmpty { a += ["--name", s.name] }
        if let r = s.replicas { if r != 1 { a += ["--replicas", String(r)] } } else { a += ["--mode", "global"] }
        for p in s.ports {
            a += ["--publish", p.publishMode == "ingress" && p.protocolName == "tcp" ? "\(p.publishedPort):\(p.targetPort)"
                : "published=\(p.publishedPort),target=\(p.targetPort),protocol=\(p.protocolName),mode=\(p.publishMode)"]
        }
        for e in s.env { a += ["--env", e] }
        for (k, v) in s.labels.sorted(by: { $0.key < $1.key }) { a += ["--label", k + "=" + v] }
        for c in s.constraints { a += ["--constraint", c] }
        for p in s.preferences { a += ["--placement-pref", p] }
        for n in s.networks { a += ["--network", networkNames[n.target] ?? n.target] }
        for f in s.secrets { a += ["--secret", f.target == f.name && f.mode == 0o444 ? f.name : "source=\(f.name),target=\(f.target),mode=0\(String(f.mode, radix: 8))"] }
        for f in s.configs { a += ["--config", f.target == f.name && f.mode == 0o444 ? f.name : "source=\(f.name),target=\(f.target),mode=0\(String(f.mode, radix: 8))"] }
        if s.endpointMode != "vip" { a += ["--endpoint-mode", s.endpointMode] }
        if let w = s.workdir { a += ["--workdir", w] }
        if let u = s.user { a += ["--user", u] }
        if let g = s.stopGracePeriod, g != 10 { a += ["--stop-grace-period", HumanDuration.goDuration(g)] }
        if s.restartCondition != "any" { a += ["--restart-condition", s.restartCondition] }
        if s.updateParallelism != 1 { a += ["--update-parallelism", String(s.updateParallelism)] }
        if s.updateDelay > 0 { a += ["--update-delay", HumanDuration.goDuration(s.updateDelay)] }
        if s.updateFailureAction != "pause" { a += ["--update-failure-action", s.updateFailureAction] }
        if s.limitMemory > 0 { a += ["--limit-memory", String(s.limitMemory)] }
        if s.reserveMemory > 0 { a += ["--reserve-memory", String(s.reserveMemory)] }
        if let command = s.command { a += ["--entrypoint", command.joined(separator: " ")] }
        a.append(typedImage(s.image))
        a += s.args ?? []
        return a
    }
}
