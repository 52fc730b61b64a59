/// The Engine API's `Service` object (moby api/types/swarm/service.go, as `docker service
/// inspect` prints it), built from the lab's service, and `--pretty` (docker/cli
/// cli/command/service/formatter.go serviceInspectPrettyTemplate, the parts the lab carries).
enum ServiceJSON {
    static func nanos(_ seconds: Double) -> JSONValue { .int(Int64((seconds * 1e9).rounded())) }

    static func spec(_ s: ServiceSpec) -> JSONValue {
        var container = JSONObject()
        container[new: "Image"] = .string(s.image)
        if !s.containerLabels.isEmpty { container[new: "Labels"] = labels(s.containerLabels) }
        if let command = s.command { container[new: "Command"] = .array(command.map { .string($0) }) }
        if let args = s.args { container[new: "Args"] = .array(args.map { .string($0) }) }
        if let h = s.hostname { container[new: "Hostname"] = .string(h) }
        if !s.env.isEmpty { container[new: "Env"] = .array(s.env.map { .string($0) }) }
        if let d = s.workdir { container[new: "Dir"] = .string(d) }
        if let u = s.user { container[new: "User"] = .string(u) }
        container[new: "Init"] = false
        if !s.mounts.isEmpty {
            container[new: "Mounts"] = .array(s.mounts.map { m in
                var o = JSONObject()
                o[new: "Type"] = .string(m["type"] ?? "volume")
                if let source = m["source"] ?? m["src"] { o[new: "Source"] = .string(source) }
                o[new: "Target"] = .string(m["target"] ?? m["dst"] ?? m["destination"] ?? "")
                if m["readonly"] == "true" || m["ro"] == "true" || m["readonly"] == "1" { o[new: "ReadOnly"] = true }
                return .object(o)
            })
        }
        // Inspected with the defaults inserted (swarmkit api/defaults: 10 s), as `service inspect` asks.
        container[new: "StopGracePeriod"] = nanos(s.stopGracePeriod ?? 10)
        container[new: "DNSConfig"] = .object(JSONObject())
        if !s.secrets.isEmpty { container[new: "Secrets"] = .array(s.secrets.map { file($0, kind: "Secret") }) }
        if !s.configs.isEmpty { container[new: "Configs"] = .array(s.configs.map { file($0, kind: "Config") }) }
        container[new: "Isolation"] = "default"
        var limits = JSONObject(), reservations = JSONObject()
        if s.limitNanoCPUs > 0 { limits[new: "NanoCPUs"] = .int(s.limitNanoCPUs) }
        if s.limitMemory > 0 { limits[new: "MemoryBytes"] = .int(s.limitMemory) }
        if s.reserveNanoCPUs > 0 { reservations[new: "NanoCPUs"] = .int(s.reserveNanoCPUs) }
        if s.reserveMemory > 0 { reservations[new: "MemoryBytes"] = .int(s.reserveMemory) }
        var placement = JSONObject()
        if !s.constraints.isEmpty { placement[new: "Constraints"] = .array(s.constraints.map { .string($0) }) }
        if !s.preferences.isEmpty {
            placement[new: "Preferences"] = .array(s.preferences.map { p in
                ["Spread": ["SpreadDescriptor": .string(String(p.split(separator: "=", maxSplits: 1).last ?? ""))]]
            })
        }
        if s.maxReplicasPerNode > 0 { placement[new: "MaxReplicas"] = .int(Int64(s.maxReplicasPerNode)) }
        placement[new: "Platforms"] = [["Architecture": "amd64", "OS": "linux"]]
        var task = JSONObject()
        task[new: "ContainerSpec"] = .object(container)
        if s.stackResources {
            var r = JSONObject()
            if !limits.isEmpty { r[new: "Limits"] = .object(limits) }
            if !reservations.isEmpty { r[new: "Reservations"] = .object(reservations) }
            task[new: "Resources"] = .object(r)
        } else {
            task[new: "Resources"] = ["Limits": .object(limits), "Reservations": .object(reservations)]
        }
        task[new: "RestartPolicy"] = ["Condition": .string(s.restartCondition), "Delay": nanos(s.restartDelay), "MaxAttempts": .int(Int64(s.restartMaxAttempts))]
        task[new: "Placement"] = .object(placement)
        if !s.networks.isEmpty {
            task[new: "Networks"] = .array(s.networks.map { n in
                var o = JSONObject()
                o[new: "Target"] = .string(n.target)
                if !n.aliases.isEmpty { o[new: "Aliases"] = .array(n.aliases.map { .string($0) }) }
                return .object(o)
            })
        }
        task[new: "ForceUpdate"] = .int(Int64(s.forceUpdate))
        task[new: "Runtime"] = "container"
        var o = JSONObject()
        o[new: "Name"] = .string(s.name)
        o[new: "Labels"] = labels(s.labels)
        o[new: "TaskTemplate"] = .object(task)
        o[new: "Mode"] = s.replicas.map { ["Replicated": ["Replicas": .int(Int64($0))]] } ?? ["Global": .object(JSONObject())]
        o[new: "UpdateConfig"] = updateConfig(parallelism: s.updateParallelism, delay: s.updateDelay, failureAction: s.updateFailureAction, order: s.updateOrder)
        o[new: "RollbackConfig"] = updateConfig(parallelism: s.rollbackParallelism, delay: s.rollbackDelay, failureAction: s.rollbackFailureAction,
                                                order: s.rollbackOrder)
        var endpoint = JSONObject()
        endpoint[new: "Mode"] = .string(s.endpointMode)
        if !s.ports.isEmpty { endpoint[new: "Ports"] = .array(s.ports.map(port)) }
        o[new: "EndpointSpec"] = .object(endpoint)
        return .object(o)
    }

    /// An UpdateConfig (moby api/types/swarm: Delay is omitempty, Fixtures/swarm 05 and 06).
    static func updateConfig(parallelism: Int, delay: Double, failureAction: String, order: String) -> JSONValue {
        var o = JSONObject()
        o[new: "Parallelism"] = .int(Int64(parallelism))
        if delay > 0 { o[new: "Delay"] = nanos(delay) }
        o[new: "FailureAction"] = .string(failureAction)
        o[new: "Monitor"] = nanos(5)
        o[new: "MaxFailureRatio"] = 0
        o[new: "Order"] = .string(order)
        return .object(o)
    }

    static func labels(_ l: [String: String]) -> JSONValue {
        .object(JSONObject(l.sorted { $0.key < $1.key }.map { ($0.key, JSONValue.string($0.value)) }))
    }

    static func port(_ p: ServiceSpec.PortConfig) -> JSONValue {
        ["Protocol": .string(p.protocolName), "TargetPort": .int(Int64(p.targetPort)), "PublishedPort": .int(Int64(p.publishedPort)),
         "PublishMode": .string(p.publishMode)]
    }

    static func file(_ f: ServiceSpec.FileReference, kind: String) -> JSONValue {
        ["File": ["Name": .string(f.target), "UID": .string(f.uid), "GID": .string(f.gid), "Mode": .int(Int64(f.mode))],
         .init(stringLiteral: kind + "ID"): .string(f.id), .init(stringLiteral: kind + "Name"): .string(f.name)]
    }

    static func service(_ s: SwarmService, _ swarm: SwarmCluster) -> JSONValue {
        var o = JSONObject()
        o[new: "ID"] = .string(s.id)
        o[new: "Version"] = ["Index": .int(Int64(s.version))]
        o[new: "CreatedAt"] = .string(DockerTime.rfc3339Nano(s.createdAt))
        o[new: "UpdatedAt"] = .string(DockerTime.rfc3339Nano(s.updatedAt))
        o[new: "Spec"] = spec(s.spec)
        if let previous = s.previousSpec { o[new: "PreviousSpec"] = spec(previous) }
        var endpoint = JSONObject()
        var endpointSpec = JSONObject()
        // A vip service without ports has an empty one (Fixtures/swarm 05).
        if s.spec.endpointMode != "vip" || !s.spec.ports.isEmpty { endpointSpec[new: "Mode"] = .string(s.spec.endpointMode) }
        if !s.spec.ports.isEmpty { endpointSpec[new: "Ports"] = .array(s.spec.ports.map(port)) }
        endpoint[new: "Spec"] = .object(endpointSpec)
        if !s.spec.ports.isEmpty { endpoint[new: "Ports"] = .array(s.spec.ports.map(port)) }
        if !s.virtualIPs.isEmpty {
            endpoint[new: "VirtualIPs"] = .array(s.virtualIPs.map { ["NetworkID": .string($0.networkID), "Addr": .string($0.addr)] })
        }
        o[new: "Endpoint"] = .object(endpoint)
        if let state = s.updateState {
            var u = JSONObject()
            u[new: "State"] = .string(state)
            if let t = s.updateStartedAt { u[new: "StartedAt"] = .string(DockerTime.rfc3339Nano(t)) }
            if let t = s.updateCompletedAt { u[new: "CompletedAt"] = .string(DockerTime.rfc3339Nano(t)) }
            u[new: "Message"] = .string(s.updateMessage ?? "")
            o[new: "UpdateStatus"] = .object(u)
        }
        return .object(o)
    }
}

/// `docker service inspect --pretty`.
enum ServicePretty {
    static func text(_ s: SwarmService, _ swarm: SwarmCluster, now: Double) -> String {
        let spec = s.spec
        var out = "\nID:\t\t\(s.id)\nName:\t\t\(spec.name)\n"
        if !spec.labels.isEmpty { out += "Labels:\n" + spec.labels.keys.sorted().map { " \($0)=\(spec.labels[$0]!)\n" }.joined() }
        out += "Service Mode:\t\(spec.isGlobal ? "Global" : "Replicated")\n"
        if let r = spec.replicas { out += " Replicas:\t\(r)\n" }
        if let state = s.updateState {
            // As the docker 28 client prints a service's UpdateStatus (seen against lab engine):
            // Completed only for a completed update, not a completed rollback.
            func ago(_ t: Double) -> String { HumanDuration.text(seconds: max(0, now - t)) + " ago" }
            out += "UpdateStatus:\n State:\t\t\(state)\n"
            if let t = s.updateStartedAt { out += " Started:\t\(ago(t))\n" }
            if state == "completed", let t = s.updateCompletedAt { out += " Completed:\t\(ago(t))\n" }
            out += " Message:\t\(s.updateMessage ?? "")\n"
        }
        if !spec.constraints.isEmpty { out += "Placement:\n Constraints:\t\(spec.constraints)\n" } else { out += "Placement:\n" }
        out += "UpdateConfig:\n Parallelism:\t\(spec.updateParallelism)\n"
        if spec.updateDelay > 0 { out += " Delay:\t\t\(HumanDuration.goDuration(spec.updateDelay))\n" }
        out += " On failure:\t\(spec.updateFailureAction)\n Monitoring Period: 5s\n Max failure ratio: 0\n Update order:      \(spec.updateOrder)\n"
        out += "RollbackConfig:\n Parallelism:\t\(spec.rollbackParallelism)\n"
        if spec.rollbackDelay > 0 { out += " Delay:\t\t\(HumanDuration.goDuration(spec.rollbackDelay))\n" }
        out += " On failure:\t\(spec.rollbackFailureAction)\n Monitoring Period: 5s\n Max failure ratio: 0\n Rollback order:    \(spec.rollbackOrder)\n"
        out += "ContainerSpec:\n Image:\t\t\(spec.image)\n"
        if let args = spec.args { out += " Args:\t\t\(args.joined(separator: " ")) \n" }
        if !spec.env.isEmpty { out += " Env:\t\t\(spec.env.joined(separator: " ")) \n" }
        out += " Init:\t\tfalse\n"
        out += "Resources:\n"
        if !spec.networks.isEmpty { out += "Networks:" + spec.networks.map { " " + $0.target }.joined() + " \n" }
        out += "Endpoint Mode:\t\(spec.endpointMode)\n"
        if !spec.ports.isEmpty {
            out += "Ports:\n" + spec.ports.map { " PublishedPort = \($0.publishedPort)\n  Protocol = \($0.protocolName)\n  TargetPort = \($0.targetPort)\n  PublishMode = \($0.publishMode) \n" }.joined()
        }
        return String(out.dropLast())
    }
}
