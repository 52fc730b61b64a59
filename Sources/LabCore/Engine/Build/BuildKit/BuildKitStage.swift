/// A base image as BuildKit resolves it for a FROM (or a `COPY --from` naming an image): a local
/// image (moby builder-next's resolver prefers it: `docker images` has it, no digest in the
/// FROM's name), else the registry's, named with its digest and pulled into the build cache
/// only (moby builder/builder-next/adapters/containerimage/pull.go `ResolveImageConfig`).
struct ResolvedBase {
    var image: LocalImage
    var local: Bool
    /// The reference normalised (`docker.io/library/alpine:latest`).
    var ref: String
    /// The manifest digest the registry gave (nil for a local image).
    var digest: String?
    /// The layers a pull downloads: digest and size.
    var layers: [(digest: String, size: Int64)]

    /// How the FROM vertex names the image.
    var vertexRef: String { digest.map { ref + "@" + $0 } ?? ref }
    /// The image source's cache key: the image itself.
    var cacheKey: String { "image:" + image.id }
    /// The files a container of the image starts with.
    var files: VirtualFileSystem { image.built?.files ?? ContainerFiles.template }

    /// Why a base cannot be had: what the registry answered.
    struct Refusal: Error { var message: String }

    static func resolve(_ reference: String, _ s: inout DaemonSession) -> Result<ResolvedBase, Refusal> {
        let ref = BuildKitNames.normalised(reference)
        if let i = s.engine.imageIndex(reference) {
            return .success(ResolvedBase(image: s.engine.images[i], local: true, ref: ref, digest: nil, layers: []))
        }
        // The registry's image, pulled into a copy of the engine: `docker images` does not get it.
        var scratch = s
        let name = ImageName(reference)
        guard scratch.pull(name) != nil, let i = scratch.engine.imageIndex(reference) else {
            let known = ImageCatalogue.entries.contains { $0.repository == name.repository } || s.hub.images.keys.contains { $0.hasPrefix(name.repository + ":") }
            return .failure(Refusal(message: known ? BuildKitMessages.notFound(ref) : BuildKitMessages.pullAccessDenied))
        }
        let image = scratch.engine.images[i]
        let digest = image.repoDigests.first.flatMap { $0.split(separator: "@").last.map(String.init) } ?? DockerEngine.digest(name)
        let layer = "sha256:" + StableHash.hex("layer:" + name.repository)
        return .success(ResolvedBase(image: image, local: false, ref: ref, digest: digest, layers: [(layer, image.size)]))
    }
}

/// One stage while it is built: its image so far (configuration, files, history), the cache key
/// of its files, the build arguments it declared (in order), its step count and index.
struct StageState {
    var image: LocalImage
    var key: String
    var declared: [(name: String, value: String?)] = []
    /// `cmdIndex` and `cmdTotal` of the stage's progress names.
    var index = 0
    var total: Int
    /// When the newest of its steps ran.
    var created: Double

    /// A stage on an image: the image's files and settings, its history down to its base, PATH
    /// set if it had none (dockerfile2llb: "make sure that PATH is always set").
    init(base: ResolvedBase, total: Int, engine: DockerEngine) {
        var image = base.image
        var built = image.built ?? BuiltImage(base: image.repoTags.first ?? image.id, parent: "", cacheKey: "", files: ContainerFiles.template)
        built.history = Self.history(of: image, engine: engine)
        built.baseInHistory = true
        image.built = built
        if !image.env.contains(where: { $0.hasPrefix("PATH=") }) { image.env.append(ImageCatalogue.path) }
        self.image = image
        key = base.cacheKey
        self.total = total
        index = 1
        created = image.created
    }

    init(image: LocalImage, key: String, total: Int, created: Double) {
        self.image = image
        self.key = key
        self.total = total
        self.created = created
    }

    /// `FROM scratch`: no files, no settings but PATH.
    static func scratch(total: Int, now: Double) -> StageState {
        var files = VirtualFileSystem()
        try? files.makeDirectory("/", parents: true)
        let image = LocalImage(id: "", repoTags: [], repoDigests: [], created: now, entrypoint: nil, cmd: nil, env: [ImageCatalogue.path],
                               exposedPorts: [], volumes: [], workingDir: "", size: 0, service: nil,
                               built: BuiltImage(base: "scratch", parent: "", cacheKey: "", files: files, baseInHistory: true))
        return StageState(image: image, key: "scratch", total: total, created: now)
    }

    /// A stage built on this one (`FROM builder`): its image, none of its build arguments.
    func child(total: Int) -> StageState {
        StageState(image: image, key: key, total: total, created: created)
    }

    /// The variables names and arguments see: the image's environment and the declared arguments.
    var environment: [String: String] {
        var env: [String: String] = [:]
        for (name, value) in declared { if let value { env[name] = value } }
        for line in image.env {
            let kv = line.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            env[String(kv[0])] = kv.count > 1 ? String(kv[1]) : ""
        }
        return env
    }

    /// An image's `docker history` lines as a child's history continues them (no image ids).
    static func history(of image: LocalImage, engine: DockerEngine) -> [BuiltImage.HistoryStep] {
        guard let built = image.built else {
            return [BuiltImage.HistoryStep(createdBy: "", created: image.created, size: image.size, imageID: nil, comment: "Imported from -")]
        }
        var steps = built.history.map { step -> BuiltImage.HistoryStep in
            var step = step
            step.imageID = nil
            return step
        }
        if built.baseInHistory != true,
           let root = engine.imageIndex(built.base).map({ engine.images[$0] }) ?? DockerEngine.registryEntry(ImageName(built.base))?.image {
            steps += history(of: root, engine: engine)
        }
        return steps
    }

    /// Adds a line to the history (newest first), as dockerfile2llb `commitToHistory` records it.
    mutating func commit(_ createdBy: String, size: Int64 = 0, layer: String? = nil, at time: Double) {
        image.built?.history.insert(BuiltImage.HistoryStep(createdBy: createdBy, created: time, size: size, imageID: nil,
                                                           comment: BuildKitMessages.historyComment, layer: layer), at: 0)
    }
}
