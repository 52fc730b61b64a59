/// `docker rmi` as moby's ImageDelete does it (daemon/images/image_delete.go, Engine 20.10): a
/// name untags (the repository's digests go with its last tag) and deletes the image once no
/// reference is left and nothing holds it; an id removes the references when they are a single
/// repository's, and otherwise needs -f, refusing with the daemon's conflicts. Untagged parents
/// of a built image go with it when nothing else needs them.
extension DockerEngine {
    /// What keeps an image (checkImageDeleteConflict): hard conflicts cannot be forced.
    struct ImageConflict {
        var hard: Bool
        var used: Bool
        var message: String
    }

    /// The image's references, tags and digests, in the reference store's lexical order (of the
    /// full names: `docker.io/library/alpine:latest` before `…/alpine@sha256:…`).
    func imageReferences(_ image: LocalImage) -> [String] {
        (image.repoTags + image.repoDigests).sorted { ImageName($0).canonical < ImageName($1).canonical }
    }

    /// isSingleReference: one repository, at most one tag.
    static func isSingleReference(_ refs: [String]) -> Bool {
        if refs.count <= 1 { return refs.count == 1 }
        let tags = refs.filter { ImageName($0).digest == nil }
        if tags.count > 1 { return false }
        let digestRepos = Set(refs.filter { ImageName($0).digest != nil }.map { ImageName($0).repository })
        return digestRepos.count == 1 && digestRepos.contains(ImageName(tags.first ?? refs[0]).repository)
    }

    /// The first conflict of those asked for: child images, a running container (hard), then
    /// references and a stopped container (soft).
    func imageConflict(_ image: LocalImage, hard: Bool = true, references: Bool, stopped: Bool) -> ImageConflict? {
        if hard && images.contains(where: { $0.built?.parent == image.id }) {
            return ImageConflict(hard: true, used: false, message: "image has dependent child images")
        }
        if hard, let c = containers.first(where: { $0.imageID == image.id && $0.state.running }) {
            return ImageConflict(hard: true, used: true, message: "image is being used by running container \(c.shortID)")
        }
        if references && !imageReferences(image).isEmpty {
            return ImageConflict(hard: false, used: false, message: "image is referenced in multiple repositories")
        }
        if stopped, let c = containers.first(where: { $0.imageID == image.id && !$0.state.running }) {
            return ImageConflict(hard: false, used: true, message: "image is being used by stopped container \(c.shortID)")
        }
        return nil
    }

    /// Removes an image name (or, by id, the image): the lines `docker rmi` prints.
    public mutating func removeImage(_ reference: String, force: Bool, prune: Bool = true, now: Double) throws(EngineError) -> [String] {
        guard let i = imageIndex(reference) else { throw .noSuchImage(ImageName(reference).familiar) }
        let image = images[i]
        var lines: [String] = []
        let hex = image.id.dropFirst(7)
        if !(image.id.hasPrefix(reference) || hex.hasPrefix(reference)) {
            if !force && Self.isSingleReference(imageReferences(image)), let user = containers.first(where: { $0.imageID == image.id }) {
                // The reference as it was typed (`alpine`, not `alpine:latest`).
                throw .imageInUse(reference: reference, container: user.shortID, image: image.shortID)
            }
            let name = ImageName(reference)
            let removed = name.familiar
            images[i].repoTags.removeAll { $0 == removed }
            images[i].repoDigests.removeAll { $0 == removed }
            lines.append("Untagged: " + removed)
            recordEvent(.image(image.id, "untag", name: image.id, time: now))
            if name.digest == nil, !images[i].repoTags.contains(where: { ImageName($0).repository == name.repository }) {
                for d in images[i].repoDigests where ImageName(d).repository == name.repository { lines.append("Untagged: " + d) }
                images[i].repoDigests.removeAll { ImageName($0).repository == name.repository }
            }
            if !imageReferences(images[i]).isEmpty { return lines }
            try deleteImage(image.id, force: force, prune: prune, quiet: true, now: now, into: &lines)
            return lines
        }
        let refs = imageReferences(image)
        if Self.isSingleReference(refs) {
            if let c = imageConflict(image, references: false, stopped: !force) { throw .imageDeleteConflict(image: image.shortID, hard: c.hard, message: c.message) }
            for ref in refs { lines.append("Untagged: " + ref); recordEvent(.image(image.id, "untag", name: image.id, time: now)) }
            images[i].repoTags = []
            images[i].repoDigests = []
        }
        try deleteImage(image.id, force: force, prune: prune, quiet: false, now: now, into: &lines)
        return lines
    }

    /// imageDeleteHelper: deletes the image unless something keeps it (soft reasons only without
    /// `force`); `quiet` keeps silent about a conflict unless the image is dangling and unused.
    mutating func deleteImage(_ id: String, force: Bool, prune: Bool, quiet: Bool, now: Double, into lines: inout [String]) throws(EngineError) {
        guard let i = images.firstIndex(where: { $0.id == id }) else { return }
        let image = images[i]
        if let c = imageConflict(image, references: !force, stopped: !force) {
            let dangling = imageReferences(image).isEmpty && !images.contains { $0.built?.parent == id }
            if quiet && (!dangling || c.used) { return }
            throw .imageDeleteConflict(image: image.shortID, hard: c.hard, message: c.message)
        }
        for ref in imageReferences(image) { lines.append("Untagged: " + ref); recordEvent(.image(id, "untag", name: id, time: now)) }
        lines.append("Deleted: " + id)
        recordEvent(.image(id, "delete", name: id, time: now))
        images.remove(at: i)
        // Then the layers no image holds any more (Engine+Layers; Fixtures/build 05, 06).
        for layer in freedLayers(of: image) { lines.append("Deleted: " + layer.id) }
        // A built image's untagged parents go with it when nothing else needs them (Fixtures/build 05).
        guard prune, let parent = image.built?.parent, let k = images.firstIndex(where: { $0.id == parent }), images[k].built != nil else { return }
        try? deleteImage(parent, force: false, prune: true, quiet: true, now: now, into: &lines)
    }
}
