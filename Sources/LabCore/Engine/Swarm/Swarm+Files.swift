/// Secrets and configs as the managers keep them (swarmkit manager/controlapi/secret.go and
/// config.go, api/validation/secrets.go): created once by name (500 KB at most), looked up by
/// id, name or id prefix, removed only when no service uses them.
extension Lab {
    /// Which of the two kinds of named blob.
    public enum FileKind: String, Sendable {
        case secret, config

        /// The cluster's list of this kind.
        func list(_ swarm: SwarmCluster) -> [SwarmFile] { self == .secret ? swarm.secrets : swarm.configs }
    }

    /// A secret or config by id, name or unique id prefix.
    func swarmFile(_ kind: FileKind, _ reference: String) throws(EngineError) -> Int {
        guard let swarm else { throw SwarmMessages.notInSwarm }
        let list = kind.list(swarm)
        if let i = list.firstIndex(where: { $0.id == reference || $0.name == reference }) { return i }
        let prefixed = list.indices.filter { list[$0].id.hasPrefix(reference) }
        if prefixed.count == 1 { return prefixed[0] }
        if prefixed.count > 1 { throw .other("\(kind.rawValue) \(reference) is ambiguous (\(prefixed.count) matches found)", status: 400) }
        throw .other("\(kind.rawValue) \(reference) not found", status: 404)
    }

    /// `docker secret create` / `docker config create`: returns the new id.
    public mutating func createSwarmFile(_ kind: FileKind, name: String, data: String, labels: [String: String]) throws(EngineError) -> String {
        try requireManager()
        guard var cluster = swarm else { throw SwarmMessages.notInSwarm }
        if kind == .secret && (data.utf8.count >= 500 * 1024 || data.isEmpty) {
            throw Self.rpc("InvalidArgument", "secret data must be larger than 0 and less than \(500 * 1024) bytes")
        }
        if kind.list(cluster).contains(where: { $0.name == name }) {
            throw Self.rpc("AlreadyExists", "\(kind.rawValue) \(name) already exists")
        }
        let now = clock.now
        let file = SwarmFile(id: SwarmCluster.newID(&ids), name: name, data: data, labels: labels, createdAt: now, updatedAt: now,
                             version: cluster.nextVersion())
        if kind == .secret { cluster.secrets.append(file) } else { cluster.configs.append(file) }
        swarm = cluster
        return file.id
    }

    /// `POST /secrets/{id}/update` (a stack deployed again): only the labels may change
    /// (swarmkit controlapi UpdateSecret and UpdateConfig).
    public mutating func updateSwarmFile(_ kind: FileKind, _ reference: String, name: String, data: String?, labels: [String: String]) throws(EngineError) {
        try requireManager()
        let i = try swarmFile(kind, reference)
        guard var cluster = swarm else { return }
        var file = kind.list(cluster)[i]
        if file.name != name || (data != nil && data != file.data) { throw Self.rpc("InvalidArgument", "only updates to Labels are allowed") }
        file.labels = labels
        file.version = cluster.nextVersion()
        file.updatedAt = clock.now
        if kind == .secret { cluster.secrets[i] = file } else { cluster.configs[i] = file }
        swarm = cluster
    }

    /// `docker secret rm` / `docker config rm`: refused while a service uses it.
    public mutating func removeSwarmFile(_ kind: FileKind, _ reference: String) throws(EngineError) {
        try requireManager()
        let i = try swarmFile(kind, reference)
        guard var cluster = swarm else { return }
        let file = kind.list(cluster)[i]
        let users = cluster.services.filter { s in (kind == .secret ? s.spec.secrets : s.spec.configs).contains { $0.id == file.id } }.map(\.spec.name)
        if !users.isEmpty {
            throw Self.rpc("InvalidArgument", "\(kind.rawValue) '\(file.name)' is in use by the following \(users.count == 1 ? "service" : "services"): \(users.joined(separator: ", "))")
        }
        if kind == .secret { cluster.secrets.remove(at: i) } else { cluster.configs.remove(at: i) }
        swarm = cluster
    }

    /// A service's `--secret`/`--config` value (`NAME` or `source=…,target=…,uid=…,gid=…,mode=…`)
    /// resolved to the stored file, as the client does before it sends the spec.
    func fileReference(_ kind: FileKind, _ text: String) throws(EngineError) -> ServiceSpec.FileReference {
        var fields: [String: String] = [:]
        if text.contains("=") {
            for part in text.split(separator: ",") {
                let kv = part.split(separator: "=", maxSplits: 1)
                fields[String(kv[0])] = kv.count > 1 ? String(kv[1]) : ""
            }
        } else {
            fields["source"] = text
        }
        let source = fields["source"] ?? fields["src"] ?? ""
        guard let swarm, let i = try? swarmFile(kind, source) else { throw .other("\(kind.rawValue) not found: \(source)", status: -1) }
        let file = kind.list(swarm)[i]
        // A config's target is kept as given (a relative one is mounted at the root: Fixtures/swarm 10).
        let target = fields["target"] ?? source
        let mode = fields["mode"].flatMap { Int($0, radix: 8) } ?? 0o444
        return ServiceSpec.FileReference(id: file.id, name: file.name, target: target, uid: fields["uid"] ?? "0", gid: fields["gid"] ?? "0", mode: mode)
    }
}

extension Lab {
    /// An overlay network of the swarm by name, id or id prefix, on the current machine's engine.
    func overlayNetwork(_ reference: String) throws(EngineError) -> Int {
        let engine = machines[current].engine
        guard let n = engine.networkIndex(reference), engine.networks[n].scope == "swarm" else {
            throw .other("network \(reference) not found", status: 404)
        }
        return n
    }
}
