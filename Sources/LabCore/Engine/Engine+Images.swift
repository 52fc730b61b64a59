/// Images: finding, pulling from the built-in registry, tagging, removing, pruning.
extension DockerEngine {
    /// The local image a reference names: `sha256:…`, an id prefix, or a repository:tag.
    public func imageIndex(_ reference: String) -> Int? {
        if reference.hasPrefix("sha256:") { return images.firstIndex { $0.id == reference || $0.id.hasPrefix(reference) } }
        let name = ImageName(reference).familiar
        if let i = images.firstIndex(where: { $0.repoTags.contains(name) }) { return i }
        if reference.count >= 4, reference.allSatisfy({ $0.isHexDigit && !$0.isUppercase }) {
            let matches = images.indices.filter { images[$0].id.dropFirst(7).hasPrefix(reference) }
            if matches.count == 1 { return matches[0] }
        }
        return nil
    }

    /// What the registry would send for a reference, or nil when it has no such repository:tag.
    public static func registryImage(_ name: ImageName, now: Double) -> LocalImage? { registryEntry(name)?.image }

    /// What the registry holds for a reference, with its manifest digest and layers (built from
    /// the catalogue once per reference), or nil when it has no such repository:tag.
    static func registryEntry(_ name: ImageName) -> RegistryImageCache.Entry? {
        RegistryImageCache.shared.entry(for: name) {
            buildRegistryImage(name).map { RegistryImageCache.Entry(image: $0, digest: digest(name), layers: layers(name)) }
        }
    }

    /// The image the registry holds for a reference (the same every time: built from the catalogue).
    static func buildRegistryImage(_ name: ImageName) -> LocalImage? {
        guard let tag = name.tag, let (index, entry) = ImageCatalogue.entry(repository: name.repository, tag: tag) else { return nil }
        let id = "sha256:" + StableHash.hex("image:" + name.familiar)
        return LocalImage(id: id, repoTags: [name.familiar], repoDigests: [name.repository + "@" + digest(name)],
                          created: SimulatedClock.defaultEpoch - 86_400 * 30 + Double(index), entrypoint: entry.entrypoint,
                          cmd: entry.cmd, env: entry.env, exposedPorts: entry.exposedPorts, volumes: entry.volumes,
                          workingDir: entry.workingDir, size: entry.size, service: entry.service)
    }

    /// The manifest digest the registry reports for a reference.
    static func digest(_ name: ImageName) -> String { "sha256:" + StableHash.hex("digest:" + name.familiar) }

    /// The layer ids a pull reports for a reference (one layer per image here).
    static func layers(_ name: ImageName) -> [String] { [String(StableHash.hex("layer:" + name.repository).prefix(12))] }

    /// Pulls a reference: the progress lines `docker pull` prints, or nil when the registry has no such image.
    /// - Returns: the lines (ending with the Status line) and whether anything new arrived.
    public mutating func pull(_ name: ImageName, now: Double) -> [String]? {
        if let host = Self.registryHost(name.repository) { return try? pullFromRegistry(name, host: host, now: now).get() }
        guard let entry = Self.registryEntry(name) else { return nil }
        let image = entry.image
        let familiar = name.familiar
        let tag = name.tag ?? "latest"
        var lines = ["\(tag): Pulling from \(name.remotePath)"]
        if let i = images.firstIndex(where: { $0.id == image.id }), images[i].repoTags.contains(familiar) {
            lines.append("Digest: " + entry.digest)
            lines.append("Status: Image is up to date for " + familiar)
            recordEvent(.image(familiar, "pull", name: name.repository, time: now))
            return lines
        }
        for layer in entry.layers {
            lines += [layer + ": Pulling fs layer", layer + ": Verifying Checksum", layer + ": Download complete", layer + ": Pull complete"]
        }
        lines.append("Digest: " + entry.digest)
        lines.append("Status: Downloaded newer image for " + familiar)
        if let i = images.firstIndex(where: { $0.id == image.id }) {
            images[i].repoTags.append(familiar)
        } else {
            images.append(image)
        }
        recordEvent(.image(familiar, "pull", name: name.repository, time: now))
        return lines
    }

    /// Adds a name to an image (`docker tag`); moves the name when another image had it.
    public mutating func tag(_ source: String, as target: String, now: Double) throws(EngineError) {
        guard let i = imageIndex(source) else { throw .noSuchImage(ImageName(source).familiar) }
        if ImageName(target).repository.contains(where: \.isUppercase) { throw .other(DockerMessages.daemonRepositoryMustBeLowercase, status: 1) }
        let name = ImageName(target).familiar
        for j in images.indices where j != i { images[j].repoTags.removeAll { $0 == name } }
        if !images[i].repoTags.contains(name) { images[i].repoTags.append(name) }
        recordEvent(.image(images[i].id, "tag", name: name, time: now))
    }

    /// Removes an image name (or, by id, the image): the lines `docker rmi` prints.
    public mutating func removeImage(_ reference: String, force: Bool, now: Double) throws(EngineError) -> [String] {
        guard let i = imageIndex(reference) else { throw .noSuchImage(ImageName(reference).familiar) }
        let image = images[i]
        let byName = !reference.hasPrefix("sha256:") && image.repoTags.contains(ImageName(reference).familiar)
        let users = containers.filter { $0.imageID == image.id }
        if !force, let user = users.first, !byName || image.repoTags.count == 1 {
            throw .imageInUse(reference: ImageName(reference).familiar, container: user.shortID, image: image.shortID)
        }
        var lines: [String] = []
        let removedTags = byName && !force ? [ImageName(reference).familiar] : image.repoTags
        for tag in removedTags {
            lines.append("Untagged: \(tag)")
            let repo = ImageName(tag).repository
            if let d = image.repoDigests.first(where: { $0.hasPrefix(repo + "@") }), !images[i].repoTags.dropFirst().contains(where: { ImageName($0).repository == repo && $0 != tag }) {
                lines.append("Untagged: \(d)")
            }
            images[i].repoTags.removeAll { $0 == tag }
            recordEvent(.image(image.id, "untag", name: image.id, time: now))
        }
        // An image others are built on only loses its name (moby deletes it quietly or not at all).
        if images[i].repoTags.isEmpty && users.isEmpty && !(byName && images.contains { $0.built?.parent == image.id }) {
            lines += deleteWithParents(i, now: now).lines
        }
        return lines
    }

    /// Deletes image `i` (untagged, unused) and then its untagged parents that nothing else needs
    /// (Fixtures/build 05), each followed by the layers no image holds any more (Engine+Layers):
    /// the `Deleted:` lines, and the bytes those layers held.
    mutating func deleteWithParents(_ i: Int, now: Double) -> (lines: [String], freed: Int64) {
        var lines: [String] = []
        var freed: Int64 = 0
        var next: Int? = i
        while let k = next {
            let image = images.remove(at: k)
            lines.append("Deleted: \(image.id)")
            recordEvent(.image(image.id, "delete", name: image.id, time: now))
            for layer in freedLayers(of: image) {
                lines.append("Deleted: \(layer.id)")
                freed += layer.size
            }
            let parent = image.built?.parent
            next = images.firstIndex { p in
                p.id == parent && p.repoTags.isEmpty && p.built != nil && !images.contains { $0.built?.parent == p.id }
                    && !containers.contains { $0.imageID == p.id }
            }
        }
        return (lines, freed)
    }

    /// `docker image prune` (moby daemon/images/image_prune.go): the images no container uses
    /// that are heads (no image is built on them) without a name, or with `all` every one but the
    /// unnamed intermediate ones; each is deleted with its untagged parents, newest first (with
    /// `all` by each of its names). The lines, and the space reclaimed: the freed layers' bytes,
    /// and the sizes of the pulled images deleted.
    mutating func pruneImages(all: Bool, now: Double) -> (lines: [String], reclaimed: Int64) {
        let used = Set(containers.map(\.imageID))
        func hasChildren(_ id: String) -> Bool { images.contains { $0.built?.parent == id } }
        func held() -> [String: Int64] {
            var sizes: [String: Int64] = [:]
            for image in images {
                for step in image.built?.history ?? [] { if let layer = step.layer { sizes[layer] = step.size } }
                if image.built == nil { sizes[image.id] = image.size }
            }
            return sizes
        }
        let before = held()
        let top = images.filter { image in
            !used.contains(image.id) && (all ? !(image.repoTags.isEmpty && hasChildren(image.id)) : image.repoTags.isEmpty && !hasChildren(image.id))
        }
        var lines: [String] = []
        for image in top.reversed() {
            guard let k = images.firstIndex(where: { $0.id == image.id }) else { continue }
            if image.repoTags.isEmpty {
                lines += deleteWithParents(k, now: now).lines
            } else {
                for tag in image.repoTags { lines += (try? removeImage(tag, force: false, now: now)) ?? [] }
            }
        }
        let after = held()
        return (lines, before.reduce(0) { $0 + (after[$1.key] == nil ? $1.value : 0) })
    }
}
