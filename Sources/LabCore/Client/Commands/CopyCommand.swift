/// `docker cp` between a container and the machine's files, either way, as docker/cli's cp.go
/// goes about it: the daemon archives the container's path (`DockerEngine.archivePath`) and the
/// client unpacks it at the destination (into it when it is a folder, else under its name); or
/// the client stats the destination in the container, archives its own file named for where it
/// goes and has the daemon extract it into that folder (`DockerEngine.extractToDir`). The same
/// engine calls serve the Engine API's `/containers/{id}/archive`.
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
        do throws(EngineError) {
            if fromContainer != nil {
                let (stat, archive) = try s.engine.archivePath(name, path, now: s.now)
                let target = p.resolve(destination)
                let root = s.files.isDirectory(target) ? target + (target == "/" ? "" : "/") + stat.name : target
                unpack(archive, base: stat.name, at: root, into: &s.files)
            } else {
                let from = p.resolve(source)
                let inside = DockerEngine.containerPath(path)
                let into = (try? s.engine.statPath(name, inside))?.isDirectory == true
                let dir = into ? inside : VirtualFileSystem.parent(of: inside)
                let newName = into ? VirtualFileSystem.baseName(of: from) : VirtualFileSystem.baseName(of: inside)
                let entries = TarArchive.entries(of: VirtualFileSystem.baseName(of: from), base: VirtualFileSystem.parent(of: from), files: s.files) ?? []
                let renamed = entries.map { e in
                    TarArchive.Entry(name: newName + e.name.dropFirst(VirtualFileSystem.baseName(of: from).count), data: e.data)
                }
                try s.engine.extractToDir(name, dir, TarArchive(entries: renamed), hostFiles: &s.files, now: s.now)
            }
        } catch {
            p.writeError("Error response from daemon: \(error.message)\n")
            return 1
        }
        return 0
    }

    /// Writes an archive's members at `root`, the member named `base` (and what is under it)
    /// becoming `root` (archive.CopyTo with the source's base name rebased).
    static func unpack(_ archive: TarArchive, base: String, at root: String, into files: inout VirtualFileSystem) {
        for entry in archive.entries {
            var rest = entry.name.hasPrefix(base) ? String(entry.name.dropFirst(base.count)) : "/" + entry.name
            while rest.hasSuffix("/") { rest.removeLast() }
            let path = VirtualFileSystem.normalise(root + rest, cwd: "/")
            if let data = entry.data { files.set(.file(data), at: path) } else { try? files.makeDirectory(path, parents: true) }
        }
    }
}
