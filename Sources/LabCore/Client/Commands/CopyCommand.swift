/// `docker cp` between a container and the machine's files, either way (recorded on the real
/// engine: a missing path is "Could not find the file PATH in container NAME").
enum CopyCommand {
    static func copy(_ i: DockerInvocation, _ p: inout ProcessContext, _ s: inout DaemonSession) -> Int32 {
        let (source, destination) = (i.arguments[0], i.arguments[1])
        func split(_ arg: String) -> (String, String)? {
            guard let colon = arg.firstIndex(of: ":"), !arg.hasPrefix("/"), !arg.hasPrefix(".") else { return nil }
            return (String(arg[..<colon]), String(arg[arg.index(after: colon)...]))
        }
        let fromContainer = split(source)
        let toContainer = split(destination)
        guard let (name, path) = fromContainer ?? toContainer else {
            p.writeError(ClientMessages.copyNeedsContainer)
            return 1
        }
        let c: Int
        do { c = try s.engine.containerIndex(name) } catch {
            p.writeError("Error response from daemon: \(error.message)\n")
            return 1
        }
        let inside = VirtualFileSystem.normalise(path, cwd: "/")
        if fromContainer != nil {
            let files = s.engine.containers[c].files
            guard files.node(at: inside) != nil else {
                p.writeError("Error response from daemon: Could not find the file \(inside) in container \(name)\n")
                return 1
            }
            var target = p.resolve(destination)
            if s.files.isDirectory(target) { target += (target == "/" ? "" : "/") + VirtualFileSystem.baseName(of: inside) }
            transfer(from: files, at: inside, to: &s.files, at: target)
        } else {
            let from = p.resolve(source)
            var target = inside
            let parent = VirtualFileSystem.parent(of: inside)
            if s.engine.containers[c].files.isDirectory(inside) {
                target = inside + (inside == "/" ? "" : "/") + VirtualFileSystem.baseName(of: from)
            } else if !s.engine.containers[c].files.isDirectory(parent) {
                p.writeError("Error response from daemon: Could not find the file \(parent) in container \(name)\n")
                return 1
            }
            if let refusal = readOnlyRefusal(s.engine.containers[c], directory: VirtualFileSystem.parent(of: target)) {
                p.writeError("Error response from daemon: \(refusal)\n")
                return 1
            }
            transfer(from: s.files, at: from, to: &s.engine.containers[c].files, at: target)
            s.engine.containers[c].changes[target] = s.engine.containers[c].changes[target] ?? "A"
        }
        return 0
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

    /// Copies a file or a whole tree from one filesystem to another.
    static func transfer(from source: VirtualFileSystem, at path: String, to target: inout VirtualFileSystem, at destination: String) {
        for p in source.subtree(at: path) {
            guard let node = source.node(at: p) else { continue }
            target.set(node, at: destination + p.dropFirst(path.count))
        }
    }
}
