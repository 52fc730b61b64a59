/// Stacks (docker/cli cli/command/stack/swarm): a Compose file's networks, secrets, configs and
/// services created with the stack's name as prefix and the `com.docker.stack.namespace` label;
/// a second deploy updates what exists; rm removes all but the volumes (Fixtures/swarm 11).
extension Lab {
    static let stackLabel = "com.docker.stack.namespace"

    /// The stacks and how many services each has, by name.
    func stacks() -> [(name: String, services: Int)] {
        var count: [String: Int] = [:]
        for s in swarm?.services ?? [] { if let ns = s.spec.labels[Self.stackLabel] { count[ns, default: 0] += 1 } }
        return count.keys.sorted().map { ($0, count[$0]!) }
    }

    /// `docker stack deploy -c FILE NAME`: returns the lines the client prints.
    public mutating func deployStack(_ stack: String, file: StackFileReference) throws(EngineError) -> [String] {
        try requireManager()
        let compose = file.parsed
        var lines: [String] = []
        let labels = [Self.stackLabel: stack]
        // Networks: the stack's own (and its default one if a service names none).
        var networkNames = Set(compose.networks.keys)
        if compose.services.contains(where: { $0.networks.isEmpty }) { networkNames.insert("default") }
        var networkIDs: [String: String] = [:]
        for name in networkNames.sorted() {
            let full = stack + "_" + name
            if let n = try? overlayNetwork(full) { networkIDs[name] = machines[current].engine.networks[n].id; continue }
            let options = compose.networks[name] ?? [:]
            let id = try createOverlay(name: full, subnet: nil, gateway: nil, labels: labels, attachable: options["attachable"] as? Bool ?? false,
                                       isInternal: options["internal"] as? Bool ?? false)
            networkIDs[name] = id
            lines.append("Creating network \(full)")
        }
        for (kind, items) in [(FileKind.secret, compose.secrets), (FileKind.config, compose.configs)] {
            for name in items.keys.sorted() {
                let full = stack + "_" + name
                if (try? swarmFile(kind, full)) != nil { continue }
                guard let path = items[name] ?? nil else { continue }
                let resolved = VirtualFileSystem.normalise(path, cwd: file.folder)
                guard let data = machine.files.contents(of: resolved) else {
                    throw .other("open \(resolved): no such file or directory", status: -1)
                }
                _ = try createSwarmFile(kind, name: full, data: data, labels: labels)
                lines.append("Creating \(kind.rawValue) \(full)")
            }
        }
        for service in compose.services {
            var spec = service.spec
            spec.name = stack + "_" + service.name
            spec.labels[Self.stackLabel] = stack
            spec.labels["com.docker.stack.image"] = service.image
            spec.containerLabels[Self.stackLabel] = stack
            let attach = service.networks.isEmpty ? [("default", [String]())] : service.networks.map { ($0.name, $0.aliases) }
            spec.networks = attach.compactMap { n in networkIDs[n.0].map { ServiceSpec.NetworkAttachment(target: $0, aliases: [service.name] + n.1) } }
            spec.secrets = try service.secrets.map { (ref) throws(EngineError) in
                var r = try fileReference(.secret, stack + "_" + ref.source)
                r.target = ref.target ?? ref.source
                if let mode = ref.mode { r.mode = mode }
                return r
            }
            spec.configs = try service.configs.map { (ref) throws(EngineError) in
                var r = try fileReference(.config, stack + "_" + ref.source)
                r.target = ref.target ?? "/" + ref.source
                if let mode = ref.mode { r.mode = mode }
                return r
            }
            spec.mounts = service.volumes.map { v in
                var m = ["target": v.target, "type": v.volume == nil ? "bind" : "volume", "source": v.volume.map { stack + "_" + $0 } ?? v.source]
                if v.readOnly { m["readonly"] = "true" }
                return m
            }
            if let existing = swarm?.services.firstIndex(where: { $0.spec.name == spec.name }), let old = swarm?.services[existing] {
                spec.forceUpdate = old.spec.forceUpdate
                try updateService(old.id, to: spec)
                lines.append("Updating service \(spec.name) (id: \(old.id))")
            } else {
                _ = try createService(spec)
                lines.append("Creating service \(spec.name)")
            }
        }
        return lines
    }

    /// `docker stack rm NAME`: the lines it prints (services, secrets, configs, networks), or nil when there is no such stack.
    public mutating func removeStack(_ stack: String) throws(EngineError) -> [String]? {
        try requireManager()
        guard let swarm else { return nil }
        let services = swarm.services.filter { $0.spec.labels[Self.stackLabel] == stack }.map(\.spec.name).sorted()
        let secrets = swarm.secrets.filter { $0.labels[Self.stackLabel] == stack }.map(\.name).sorted()
        let configs = swarm.configs.filter { $0.labels[Self.stackLabel] == stack }.map(\.name).sorted()
        let networks = swarmNetworks().filter { $0.labels[Self.stackLabel] == stack }.map(\.name).sorted()
        if services.isEmpty && secrets.isEmpty && configs.isEmpty && networks.isEmpty { return nil }
        var lines: [String] = []
        for name in services { try removeService(name); lines.append("Removing service \(name)") }
        for name in secrets { try removeSwarmFile(.secret, name); lines.append("Removing secret \(name)") }
        for name in configs { try removeSwarmFile(.config, name); lines.append("Removing config \(name)") }
        for name in networks { try removeOverlay(name); lines.append("Removing network \(name)") }
        return lines
    }
}

/// A Compose file read from the lab's files, with the folder its relative paths start from.
public struct StackFileReference {
    let parsed: StackFile
    let folder: String
}
