/// Docker Hub as the lab's machines share it. The official images are the ImageCatalogue's; what
/// learners push to their own namespace is kept here, in the lab rather than on one machine, so
/// every machine can pull it back.
public struct DockerHub: Codable, Sendable, Equatable {
    /// Each pushed `namespace/repository:tag` and the image it names.
    public var images: [String: LocalImage] = [:]
    /// Each pushed layer and the repositories that hold it, the first pusher first.
    public var layers: [String: [String]] = [:]

    public init() {}

    var isEmpty: Bool { images.isEmpty && layers.isEmpty }
}

/// `docker push` to Docker Hub and the pull of what was pushed there. Hub takes a push only into
/// the namespace of the user the client is logged in as (the lab has no accounts: any login is
/// that user); otherwise, and for an official image's name, it refuses with distribution's
/// `denied` error after the daemon listed the layers.
extension DockerEngine {
    /// Hub's refusal: distribution's ErrorCodeDenied as errcode.Error prints it ("%s: %s", the
    /// code's value lower-cased, then its message; distribution v2.8.2 registry/api/errcode).
    static let hubDenied = "denied: requested access to the resource is denied"

    /// The daemon's first lines for a push: every layer is prepared, and those past the daemon's
    /// five concurrent uploads wait for a slot (moby v20.10 distribution/xfer/upload.go;
    /// daemon/config DefaultMaxConcurrentUploads = 5).
    static func preparing(_ layers: [String]) -> [String] {
        layers.map { "\($0): Preparing" } + layers.dropFirst(5).map { "\($0): Waiting" }
    }

    /// `docker push NAME` of a Docker Hub name, the client logged in as `user` (nil when not): the
    /// lines it prints, or the refusal printed after them.
    mutating func pushToHub(_ reference: String, user: String?, hub: inout DockerHub) -> (lines: [String], error: String?) {
        let name = ImageName(reference)
        let tag = name.tag ?? "latest"
        var lines = ["The push refers to repository [docker.io/\(name.remotePath)]"]
        guard let i = localImage(name, tag: tag) else { return (lines, Self.missingLocally(name, tag: tag, images: images)) }
        let image = images[i]
        let layers = layerIDs(image)
        lines += Self.preparing(layers)
        let repo = name.remotePath
        let namespace = String(repo.prefix { $0 != "/" })
        guard let user, namespace != "library", namespace == user.lowercased() else { return (lines, Self.hubDenied) }
        // A base layer pulled from an official image is mounted from it (the daemon remembers where it came from).
        let base = ImageName(image.built?.base ?? image.repoTags.first ?? image.id)
        let official = Self.registryEntry(base) != nil ? Set(Self.layers(base)) : []
        var existing: [String] = [], pushed: [String] = []
        for layer in layers {
            let holders = hub.layers[layer] ?? []
            if holders.contains(repo) { existing.append(layer); continue }
            if let from = holders.first ?? (official.contains(layer) ? base.remotePath : nil) { lines.append("\(layer): Mounted from \(from)") } else { pushed.append(layer) }
            hub.layers[layer, default: []].append(repo)
        }
        lines += existing.reversed().map { "\($0): Layer already exists" }
        lines += pushed.map { "\($0): Pushed" }
        var stored = image
        stored.repoTags = []
        stored.repoDigests = []
        hub.images[repo + ":" + tag] = stored
        let digest = Self.manifestDigest(image)
        if !images[i].repoDigests.contains(name.repository + "@" + digest) { images[i].repoDigests.append(name.repository + "@" + digest) }
        lines.append("\(tag): digest: \(digest) size: \(319 + 208 * layers.count)")
        return (lines, nil)
    }

    /// The local image a push names (`repository:tag`).
    func localImage(_ name: ImageName, tag: String) -> Int? { imageIndex(name.repository + ":" + tag) }

    /// Why a push finds nothing to push: the repository is there without that tag, or not at all
    /// (moby distribution/push.go and push_v2.go, the names in their familiar form).
    static func missingLocally(_ name: ImageName, tag: String, images: [LocalImage]) -> String {
        if images.contains(where: { $0.repoTags.contains { ImageName($0).repository == name.repository } }) {
            return "tag does not exist: \(name.repository):\(tag)"
        }
        return "An image does not exist locally with the tag: \(name.repository)"
    }

    /// Pulls a tag pushed to Docker Hub: the lines, or nil when Hub has no such pushed tag.
    mutating func pullFromHub(_ name: ImageName, hub: DockerHub, now: Double) -> [String]? {
        guard Self.registryHost(name.repository) == nil, let tag = name.tag, let image = hub.images[name.remotePath + ":" + tag] else { return nil }
        return receive(image, as: name, from: name.remotePath, now: now)
    }

    /// Whether Docker Hub holds a repository learners pushed (any tag).
    static func hubHasRepository(_ name: ImageName, hub: DockerHub) -> Bool {
        hub.images.keys.contains { $0.hasPrefix(name.remotePath + ":") }
    }
}
