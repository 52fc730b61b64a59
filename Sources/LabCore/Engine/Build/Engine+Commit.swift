/// `docker commit`: a new image from a container's files and configuration, with the changes
/// `-c` applies (the instructions docs.docker.com's commit reference lists), a message and an
/// author; its history adds one step, the container's command, sized by the bytes it added or
/// changed (Fixtures/build 06).
extension DockerEngine {
    /// The Dockerfile instructions `docker commit --change` accepts.
    static let commitChanges: Set<String> = ["CMD", "ENTRYPOINT", "ENV", "EXPOSE", "LABEL", "ONBUILD", "USER", "VOLUME", "WORKDIR"]

    /// Commits the container; returns the new image's id (tagged `reference` when given).
    public mutating func commit(_ container: String, reference: String?, message: String, author: String, changes: [String],
                                ids: inout IDSource, now: Double) throws(EngineError) -> String {
        let c = try containerIndex(container)
        var instructions: [Dockerfile.Instruction] = []
        for change in changes {
            let keyword = String(change.split(separator: " ", maxSplits: 1).first ?? "").uppercased()
            guard Self.commitChanges.contains(keyword), let parsed = try? Dockerfile.parse(change) else {
                throw .other(DockerMessages.invalidChangeCommand(keyword), status: 1)
            }
            instructions += parsed.instructions
        }
        if let reference, ImageName(reference).repository.containsUppercase {
            throw .other(DockerMessages.daemonRepositoryMustBeLowercase, status: 1)
        }
        let source = containers[c]
        let base = images.first { $0.id == source.imageID }
        var image = base ?? LocalImage(id: source.imageID, repoTags: [], repoDigests: [], created: now, entrypoint: nil, cmd: nil,
                                       env: [], exposedPorts: [], volumes: [], workingDir: "", size: 0, service: nil)
        var built = base?.built ?? BuiltImage(base: base?.repoTags.first ?? source.config.image, parent: "", cacheKey: "",
                                               files: ContainerFiles.template)
        image.cmd = source.config.cmd
        image.entrypoint = source.config.entrypoint
        // The container's variables over the image's (a container's own list holds only its -e).
        for line in source.config.env {
            let key = line.split(separator: "=", maxSplits: 1).first.map { $0 + "=" } ?? line
            image.env.removeAll { $0.hasPrefix(key) || $0 == line }
            image.env.append(line)
        }
        image.workingDir = source.config.workingDir
        image.exposedPorts = source.config.exposedPorts
        // What volumes and bind mounts hold is not the container's: the image keeps empty folders there.
        var files = ContainerNetworkFiles.restoringImageCopies(source.files, from: base?.built?.files ?? ContainerFiles.template)
        for mount in source.mounts {
            let path = VirtualFileSystem.normalise(mount.destination, cwd: "/")
            for sub in files.subtree(at: path) where sub != path { files.set(nil, at: sub) }
        }
        let size = Self.diffSize(source.changes, files: files)
        let layer = source.changes.isEmpty ? nil : base.map { Self.chainID(on: $0, diff: Self.diffDescription(source.changes, files: files)) }
        built.files = files
        built.parent = base?.id ?? ""
        built.cacheKey = "commit:" + ids.hexID()
        for ins in instructions { ImageBuilder.apply(ins, text: ins.text, to: &image, built: &built) }
        image.id = "sha256:" + ids.hexID()
        image.repoTags = []
        image.repoDigests = []
        image.created = now
        image.size += size
        built.history.insert(BuiltImage.HistoryStep(createdBy: source.processArguments.joined(separator: " "), created: now, size: size,
                                                    imageID: image.id, comment: message, author: author, layer: layer), at: 0)
        image.built = built
        images.append(image)
        recordEvent(.container(source, "commit", time: now))
        if let reference { try tag(image.id, as: reference, now: now) }
        return image.id
    }
}
