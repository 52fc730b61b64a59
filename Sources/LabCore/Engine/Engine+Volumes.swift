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
        // 24-events: the daemon logs a create every time, even for a volume that exists.
        recordEvent(.volume(name, "create", driver: volumes[volumeIndex(name) ?? 0].driver, time: now))
        return name
    }

    /// Removes a volume no container uses.
    public mutating func removeVolume(_ name: String, force: Bool, now: Double) throws(EngineError) {
        guard let i = volumeIndex(name) else {
            if force { return }
            throw .noSuchVolume(name)
        }
        let users = containers.filter { $0.mounts.contains { $0.type == "volume" && $0.name == name } }.map(\.id)
        if !users.isEmpty { throw .volumeInUse(name: name, containers: users) }
        recordEvent(.volume(name, "destroy", driver: volumes[i].driver, time: now))
        volumes.remove(at: i)
    }

    /// Removes unused volumes; returns their names, newest first. The oracle's daemon (API 1.41)
    /// prunes named volumes too (07-volumes); `anonymousOnly` is the API 1.42+ default.
    public mutating func pruneVolumes(anonymousOnly: Bool = false, _ filters: PruneFilters = PruneFilters(), now: Double) throws(EngineError) -> [String] {
        try filters.validate(PruneFilters.volumes)
        let used = Set(containers.flatMap { $0.mounts.compactMap(\.name) })
        let gone = volumes.filter { !used.contains($0.name) && (!anonymousOnly || $0.anonymous) && filters.matchLabels($0.labels) }.reversed().map(\.name)
        for name in gone { recordEvent(.volume(name, "destroy", driver: volumes[volumeIndex(name) ?? 0].driver, time: now)) }
        volumes.removeAll { gone.contains($0.name) }
        return gone
    }

    /// The bind propagation options of a mode (moby volume/mounts/linux_parser.go, linuxPropagationModes).
    static let propagationModes: Set<String> = ["shared", "rshared", "slave", "rslave", "private", "rprivate"]

    /// What the daemon checks of --mount specs before it creates anything (moby
    /// volume/mounts/linux_parser.go ValidateMountConfig, validate.go errMountConfig): a bind's
    /// source must exist on the host, a tmpfs has no source, an anonymous volume cannot be
    /// read-only.
    static func validateMounts(_ request: ContainerRequest, hostFiles: VirtualFileSystem) throws(EngineError) {
        for spec in request.mounts {
            let type = spec["type"] ?? "volume"
            let source = spec["source"] ?? spec["src"]
            let readOnly = RunOptions.mountReadOnly(spec)
            func invalid(_ why: String) -> EngineError { .other("invalid mount config for type \"\(type)\": " + why, status: 400) }
            switch type {
            case "bind":
                if let source, hostFiles.node(at: VirtualFileSystem.normalise(source, cwd: "/")) == nil {
                    throw invalid("bind source path does not exist: " + source)
                }
            case "tmpfs":
                if let source, !source.isEmpty { throw invalid("field Source must not be specified") }
            case "volume":
                if (source ?? "").isEmpty && readOnly { throw invalid("must not set ReadOnly mode when using anonymous volumes") }
            default: break
            }
        }
    }

    /// Whether a -v mode is valid on Linux: comma-separated options with at most one of each kind
    /// (moby daemon/volume/mounts/linux_parser.go, linuxValidMountMode).
    static func validMountMode(_ mode: String) -> Bool {
        if mode.isEmpty { return true }
        let kinds: [Set<String>] = [["rw", "ro"], ["z", "Z"], ["shared", "rshared", "slave", "rslave", "private", "rprivate"],
                                    ["nocopy"], ["consistent", "cached", "delegated", "default"]]
        var counts = [Int](repeating: 0, count: kinds.count)
        for option in mode.split(separator: ",", omittingEmptySubsequences: false) {
            guard let k = kinds.firstIndex(where: { $0.contains(String(option)) }) else { return false }
            counts[k] += 1
        }
        return counts.allSatisfy { $0 <= 1 }
    }

    /// The mounts a new container gets: -v and --mount specs, --volumes-from, then the image's
    /// VOLUMEs not already covered (as anonymous volumes).
    mutating func resolveMounts(_ request: ContainerRequest, image: LocalImage, ids: inout IDSource, now: Double) throws(EngineError) -> [Mount] {
        var mounts: [Mount] = []
        for spec in request.binds {
            let parts = spec.split(separator: ":", omittingEmptySubsequences: false).map(String.init)
            guard parts.count <= 3, !parts.contains(where: \.isEmpty) else { throw .invalidVolumeSpec(spec) }
            let mode = parts.count > 2 ? parts[2] : ""
            guard Self.validMountMode(mode) else { throw .invalidMode(mode) }
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
            let rw = !RunOptions.mountReadOnly(spec)
            if type == "bind", let source {
                mounts.append(Mount(type: "bind", name: nil, source: source, destination: target, mode: "", readWrite: rw))
            } else if type == "tmpfs" {
                // A tmpfs: memory only, no volume (moby volume/mounts/linux_parser.go, parseMountSpec).
                mounts.append(Mount(type: "tmpfs", name: nil, source: "", destination: target, mode: "", readWrite: rw))
            } else {
                let name = createVolume(name: source, anonymous: source == nil, ids: &ids, now: now)
                mounts.append(Mount(type: "volume", name: name, source: "/var/lib/docker/volumes/\(name)/_data", destination: target, mode: "z", readWrite: rw))
            }
        }
        for spec in request.volumesFrom {
            // `CONTAINER[:ro|:rw]`: the copies are read-only when either side is, and carry no
            // mode of their own (moby volume/mounts/linux_parser.go ParseVolumesFrom, daemon/volumes.go).
            let parts = spec.split(separator: ":", maxSplits: 1, omittingEmptySubsequences: false).map(String.init)
            let mode = parts.count > 1 ? parts[1] : "rw"
            let options = mode.split(separator: ",")
            guard Self.validMountMode(mode), !options.contains(where: { Self.propagationModes.contains(String($0)) || $0 == "nocopy" }) else {
                throw .invalidMode(mode)
            }
            let i = try containerIndex(parts[0])
            for var m in containers[i].mounts where !mounts.contains(where: { $0.destination == m.destination }) {
                if m.type == "tmpfs" { continue }
                m.readWrite = m.readWrite && !options.contains("ro")
                m.mode = ""
                mounts.append(m)
            }
        }
        for path in image.volumes where !mounts.contains(where: { $0.destination == path }) {
            let name = createVolume(name: nil, anonymous: true, ids: &ids, now: now)
            mounts.append(Mount(type: "volume", name: name, source: "/var/lib/docker/volumes/\(name)/_data", destination: path, mode: "", readWrite: true))
        }
        return mounts
    }
}
