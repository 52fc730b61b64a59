/// Volumes: named and anonymous volumes, bind mounts, and what containers mount.
extension DockerEngine {
    public func volumeIndex(_ name: String) -> Int? { volumes.firstIndex { $0.name == name } }

    /// Creates a named volume (docker answers with the name; creating an existing one is not an error).
    @discardableResult
    public mutating func createVolume(name: String?, driver: String = "local", labels: [String: String] = [:], anonymous: Bool = false,
                                      ids: inout IDSource, now: Double) -> String {
        let name = name ?? ids.hexID()
        if volumeIndex(name) == nil {
            volumes.append(Volume(name: name, driver: driver, created: now, labels: labels, anonymous: anonymous, files: VirtualFileSystem(empty: ())))
        }
        return name
    }

    /// Removes a volume no container uses.
    public mutating func removeVolume(_ name: String, force: Bool) throws(EngineError) {
        guard let i = volumeIndex(name) else {
            if force { return }
            throw .noSuchVolume(name)
        }
        let users = containers.filter { $0.mounts.contains { $0.type == "volume" && $0.name == name } }.map(\.id)
        if !users.isEmpty { throw .volumeInUse(name: name, containers: users) }
        volumes.remove(at: i)
    }

    /// Removes unused volumes (anonymous ones only unless `all`); returns their names.
    public mutating func pruneVolumes(all: Bool) -> [String] {
        let used = Set(containers.flatMap { $0.mounts.compactMap(\.name) })
        let gone = volumes.filter { !used.contains($0.name) && (all || $0.anonymous) }.map(\.name)
        volumes.removeAll { gone.contains($0.name) }
        return gone
    }

    /// The mounts a new container gets: -v and --mount specs, --volumes-from, then the image's
    /// VOLUMEs not already covered (as anonymous volumes).
    mutating func resolveMounts(_ request: ContainerRequest, image: LocalImage, ids: inout IDSource, now: Double) throws(EngineError) -> [Mount] {
        var mounts: [Mount] = []
        for spec in request.binds {
            let parts = spec.split(separator: ":", omittingEmptySubsequences: false).map(String.init)
            let mode = parts.count > 2 ? parts[2] : ""
            let rw = !mode.split(separator: ",").contains("ro")
            if parts.count == 1 {
                let name = createVolume(name: nil, anonymous: true, ids: &ids, now: now)
                mounts.append(Mount(type: "volume", name: name, source: "/var/lib/docker/volumes/\(name)/_data", destination: parts[0], mode: "", readWrite: true))
            } else if parts[0].hasPrefix("/") {
                mounts.append(Mount(type: "bind", name: nil, source: parts[0], destination: parts[1], mode: mode, readWrite: rw))
            } else {
                let name = createVolume(name: parts[0], ids: &ids, now: now)
                mounts.append(Mount(type: "volume", name: name, source: "/var/lib/docker/volumes/\(name)/_data", destination: parts[1],
                                    mode: mode.isEmpty ? "z" : mode, readWrite: rw))
            }
        }
        for spec in request.mounts {
            let type = spec["type"] ?? "volume"
            let target = spec["target"] ?? spec["destination"] ?? spec["dst"] ?? ""
            let source = spec["source"] ?? spec["src"]
            let rw = spec["readonly"] == nil && spec["ro"] == nil
            if type == "bind", let source {
                mounts.append(Mount(type: "bind", name: nil, source: source, destination: target, mode: "", readWrite: rw))
            } else {
                let name = createVolume(name: source, anonymous: source == nil, ids: &ids, now: now)
                mounts.append(Mount(type: "volume", name: name, source: "/var/lib/docker/volumes/\(name)/_data", destination: target, mode: "z", readWrite: rw))
            }
        }
        for source in request.volumesFrom {
            let i = try containerIndex(source)
            for m in containers[i].mounts where !mounts.contains(where: { $0.destination == m.destination }) { mounts.append(m) }
        }
        for path in image.volumes where !mounts.contains(where: { $0.destination == path }) {
            let name = createVolume(name: nil, anonymous: true, ids: &ids, now: now)
            mounts.append(Mount(type: "volume", name: name, source: "/var/lib/docker/volumes/\(name)/_data", destination: path, mode: "", readWrite: true))
        }
        return mounts
    }
}
