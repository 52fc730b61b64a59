/// Images: finding, pulling from the built-in registry, tagging, removing, pruning.
extension DockerEngine {
    /// The local image a reference names: `sha256:…`, an id prefix, or a repository:tag.
    /// The index of the image with id `id` (found by index, without copying images out).
    func imageIndex(id: String) -> Int? {
        for i in images.indices where images[i].id == id { return i }
        return nil
    }

    public func imageIndex(_ reference: String) -> Int? {
        if reference.hasPrefix("sha256:") { return images.firstIndex { $0.id == reference || $0.id.hasPrefix(reference) } }
        let name = ImageName(reference).familiar
        // By index: `firstIndex(where:)` would copy each image out of the array to test it.
        for i in images.indices where images[i].repoTags.contains(name) || images[i].repoDigests.contains(name) { return i }
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
            buildRegistryImage(name).map { RegistryImageCache.Entry(name: name, image: $0, digest: digest(name), layers: layers(name)) }
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
        pullPrinting(name, now: now)?.lines
    }

    /// What a pull printed: its lines, and the same lines each ended by a newline.
    struct PullOutput {
        let lines: [String]
        let text: String
    }

    /// `pull`, with its lines also joined as printed (from the registry entry's own text when
    /// the image is downloaded, so `docker run` of a missing image does not join them again).
    mutating func pullPrinting(_ name: ImageName, now: Double) -> PullOutput? {
        if let host = Self.registryHost(name.repository) {
            guard let lines = try? pullFromRegistry(name, host: host, now: now).get() else { return nil }
            return PullOutput(lines: lines, text: lines.joined(separator: "\n") + "\n")
        }
        guard let entry = Self.registryEntry(name) else { return nil }
        let image = entry.image
        let familiar = name.familiar
        // By index: `firstIndex(where:)` would copy each image out of the array to test it.
        var present: Int?
        for i in images.indices where images[i].id == image.id {
            present = i
            break
        }
        if let i = present, images[i].repoTags.contains(familiar) {
            let lines = [(name.tag ?? "latest") + ": Pulling from " + name.remotePath, "Digest: " + entry.digest,
                         "Status: Image is up to date for " + familiar]
            recordEvent(.image(familiar, "pull", name: name.repository, time: now))
            return PullOutput(lines: lines, text: lines.joined(separator: "\n") + "\n")
        }
        if let i = present {
            images[i].repoTags.append(familiar)
        } else {
            images.append(image)
        }
        recordEvent(.image(familiar, "pull", name: name.repository, time: now))
        return PullOutput(lines: entry.downloadLines, text: entry.downloadText)
    }

    /// Adds a name to an image (`docker tag`); moves the name when another image had it.
    public mutating func tag(_ source: String, as target: String, now: Double) throws(EngineError) {
        guard let i = imageIndex(source) else { throw .noSuchImage(ImageName(source).familiar) }
        if ImageName(target).repository.containsUppercase { throw .other(DockerMessages.daemonRepositoryMustBeLowercase, status: 1) }
        let name = ImageName(target).familiar
        for j in images.indices where j != i { images[j].repoTags.removeAll { $0 == name } }
        if !images[i].repoTags.contains(name) { images[i].repoTags.append(name) }
        recordEvent(.image(images[i].id, "tag", name: name, time: now))
    }
}
