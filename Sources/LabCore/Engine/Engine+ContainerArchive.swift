/// The daemon's half of `docker cp` (moby v20.10 daemon/archive.go, container/archive.go): stat a
/// path in a container, archive it (a tar whose members are named from the path's base name),
/// and extract an archive into a folder of the container. `lab sh`'s `docker cp` and the Engine
/// API's `/containers/{id}/archive` both go through these. Paths are taken as absolute in the
/// container (moby joins them onto "/"); a missing one is moby's containerFileNotFound, naming
/// the path and the container as the client gave them.
extension DockerEngine {
    /// What `HEAD /containers/{id}/archive` reports about a path (moby's ContainerPathStat).
    public struct PathStat: Sendable, Equatable {
        public var name: String
        public var size: Int
        public var isDirectory: Bool

        /// Go's os.FileMode: the permission bits, with os.ModeDir (1 << 31) for a folder.
        public var mode: Int64 { isDirectory ? 1 << 31 | 0o755 : 0o644 }
    }

    /// moby's containerFileNotFound (404).
    static func fileNotFound(_ path: String, _ container: String) -> EngineError {
        .other("Could not find the file \(path) in container \(container)", status: 404)
    }

    /// The normalised absolute path in the container for a path as the client sent it.
    static func containerPath(_ path: String) -> String { VirtualFileSystem.normalise(path, cwd: "/") }

    /// Stats a path in a container.
    public func statPath(_ reference: String, _ path: String) throws(EngineError) -> PathStat {
        let c = try containerIndex(reference)
        let files = containers[c].files
        let inside = Self.containerPath(path)
        guard let node = files.node(at: inside) else { throw Self.fileNotFound(path, reference) }
        let name = inside == "/" ? "/" : VirtualFileSystem.baseName(of: inside)
        switch node {
        case .directory: return PathStat(name: name, size: 4096, isDirectory: true)
        case .file(let text): return PathStat(name: name, size: text.utf8.count, isDirectory: false)
        }
    }

    /// Archives a path of a container: its stat and the tar's members (the file, or the folder
    /// and everything under it), with the `archive-path` event.
    mutating func archivePath(_ reference: String, _ path: String, now: Double) throws(EngineError) -> (PathStat, TarArchive) {
        let stat = try statPath(reference, path)
        let c = try containerIndex(reference)
        let inside = Self.containerPath(path)
        let base = inside == "/" ? "." : VirtualFileSystem.baseName(of: inside)
        let entries = TarArchive.entries(of: base, base: VirtualFileSystem.parent(of: inside), files: containers[c].files) ?? []
        recordEvent(.container(containers[c], "archive-path", time: now))
        return (stat, TarArchive(entries: entries))
    }

    /// Extracts an archive into a folder of a container (what it holds is the container's layer,
    /// or the volume or bind mounted there), with the `extract-to-dir` event. The folder must
    /// exist and be one (ErrExtractPointNotDirectory, a system error); a read-only mount or a
    /// --read-only root refuses (ErrVolumeReadonly, ErrRootFSReadOnly).
    mutating func extractToDir(_ reference: String, _ path: String, _ archive: TarArchive, hostFiles: inout VirtualFileSystem,
                               now: Double) throws(EngineError) {
        let c = try containerIndex(reference)
        let dir = Self.containerPath(path)
        guard let node = containers[c].files.node(at: dir) else { throw Self.fileNotFound(path, reference) }
        guard node == .directory else { throw .other("extraction point is not a directory", status: 500) }
        if let refusal = Self.readOnlyRefusal(containers[c], directory: dir) { throw .other(refusal, status: 500) }
        var container = containers[c]
        let before = container.files
        for entry in archive.entries {
            let target = VirtualFileSystem.normalise(entry.name, cwd: dir)
            guard target != dir, target.hasPrefix(dir == "/" ? "/" : dir + "/") else { continue }
            try? container.files.makeDirectory(entry.isDirectory ? target : VirtualFileSystem.parent(of: target), parents: true)
            if let data = entry.data { container.files.set(.file(data), at: target) }
        }
        ContainerRuntime.recordChanges(&container, before: before)
        ContainerRuntime.mountOut(&container, engine: &self, hostFiles: &hostFiles)
        containers[c] = container
        recordEvent(.container(containers[c], "extract-to-dir", time: now))
    }

    /// Why the daemon will not extract into `directory`: a read-only mount holds it, or it is on a
    /// --read-only root (moby v20.10 daemon/archive.go, containerExtractToDir and
    /// checkIfPathIsInAVolume; ErrVolumeReadonly, ErrRootFSReadOnly).
    static func readOnlyRefusal(_ c: Container, directory: String) -> String? {
        let inVolume = c.mounts.first { m in
            let d = VirtualFileSystem.normalise(m.destination, cwd: "/")
            return directory == d || directory.hasPrefix(d == "/" ? "/" : d + "/")
        }
        if let m = inVolume { return m.readWrite ? nil : "mounted volume is marked read-only" }
        return c.hostConfig.readonlyRootfs == true ? "container rootfs is marked read-only" : nil
    }
}
