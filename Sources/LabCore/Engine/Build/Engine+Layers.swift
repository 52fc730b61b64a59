/// The layers builds and commits make, as the daemon's layer store keeps them: a layer is named
/// by its chain id (its parent's chain and its own content), so the same changes on the same
/// parent are one layer (two commits of one container share it), a step that changes no file
/// makes none (moby image/image.go NewChildImage skips an empty diff), and a layer lives while an
/// image holds it. Removing an image reports the layers it was the last to hold, top first, after
/// the image itself (moby daemon/images/image_delete.go: `Deleted: <chain id>` for each layer
/// imageStore.Delete removed). The catalogue's images stand in for pulled ones whose base layer is
/// shared (the oracle's stand-ins all share busybox's): their layers are never reported.
extension DockerEngine {
    /// The chain ids (`sha256:` + 64 hex) of the layers builds and commits made for an image, top first.
    static func localLayers(_ image: LocalImage) -> [String] {
        image.built?.history.compactMap(\.layer) ?? []
    }

    /// The chain id of a layer holding `diff` (a description of its content) on top of `parent`.
    static func chainID(on parent: LocalImage, diff: String) -> String {
        let below = localLayers(parent).first ?? layers(ImageName(parent.built?.base ?? parent.repoTags.first ?? parent.id)).joined()
        return "sha256:" + StableHash.hex("chain:" + below + "\n" + diff)
    }

    /// A container's changes (`docker diff`'s A/C/D by path) with the files' contents, in path
    /// order: what a layer made from them holds.
    static func diffDescription(_ changes: [String: String], files: VirtualFileSystem) -> String {
        changes.keys.sorted().map { path in
            changes[path]! + " " + path + (files.contents(of: path).map { "\u{0}" + $0 } ?? "")
        }.joined(separator: "\n")
    }

    /// The bytes a layer made from a container's changes holds: the files added or changed.
    static func diffSize(_ changes: [String: String], files: VirtualFileSystem) -> Int64 {
        changes.reduce(0) { total, change in
            change.value == "D" ? total : total + Int64(files.contents(of: change.key).map(FileSize.of) ?? 0)
        }
    }

    /// The layers of `removed` (an image just taken out of the store) that no image holds any
    /// more, top first, with their sizes.
    func freedLayers(of removed: LocalImage) -> [(id: String, size: Int64)] {
        let held = Set(images.flatMap { Self.localLayers($0) })
        return (removed.built?.history ?? []).compactMap { step in
            step.layer.flatMap { held.contains($0) ? nil : ($0, step.size) }
        }
    }
}
