import Foundation

/// `docker save` and `docker load`: images as the legacy archive format lays them out (one
/// folder a layer with VERSION, json and layer.tar; the image's config as ID.json; manifest.json;
/// repositories). The config member holds the lab's own record of the image, so a load gives
/// back the same image (Fixtures/build 06).
extension DockerEngine {
    /// The archive of `references` (in order), or the first that names no image.
    func saveArchive(_ references: [String]) throws(EngineError) -> String {
        var archive = TarArchive()
        var manifest: [JSONValue] = []
        var repositories = JSONObject()
        var seen: Set<String> = []
        // A name given twice is saved once.
        var names: Set<String> = []
        for reference in references where names.insert(ImageName(reference).familiar).inserted {
            // The daemon names the reference as given (`No such image: nosuchimage`).
            guard let i = imageIndex(reference) else { throw .noSuchImage(reference) }
            let image = images[i]
            let byID = reference.hasPrefix("sha256:") || image.id.dropFirst(7).hasPrefix(reference)
            let tags = byID ? [] : [ImageName(reference).familiar]
            var folders: [String] = []
            for layer in layerIDs(image).reversed() {
                let folder = StableHash.hex("layer-folder:" + layer)
                folders.append(folder)
                guard seen.insert(folder).inserted else { continue }
                archive.entries += [TarArchive.Entry(name: folder + "/", data: nil),
                                    TarArchive.Entry(name: folder + "/VERSION", data: "1.0"),
                                    TarArchive.Entry(name: folder + "/json", data: "{\"id\":\"\(folder)\"}"),
                                    TarArchive.Entry(name: folder + "/layer.tar", data: TarArchive().encoded())]
            }
            let config = String(image.id.dropFirst(7)) + ".json"
            if seen.insert(config).inserted, let data = try? JSONEncoder().encode(image) {
                archive.entries.append(TarArchive.Entry(name: config, data: String(decoding: data, as: UTF8.self)))
            }
            manifest.append(["Config": .string(config), "RepoTags": tags.isEmpty ? .null : .array(tags.map { .string($0) }),
                             "Layers": .array(folders.map { .string($0 + "/layer.tar") })])
            for tag in tags {
                let name = ImageName(tag)
                var repo: JSONObject
                if case .object(let existing)? = repositories[name.repository] { repo = existing } else { repo = JSONObject() }
                repo[name.tag ?? "latest"] = .string(folders.last ?? "")
                repositories[name.repository] = .object(repo)
            }
        }
        archive.entries.append(TarArchive.Entry(name: "manifest.json", data: JSONValue.array(manifest).compactJSON()))
        if !repositories.isEmpty { archive.entries.append(TarArchive.Entry(name: "repositories", data: JSONValue.object(repositories).compactJSON())) }
        return archive.encoded()
    }

    /// Loads an archive: the lines `docker load` prints (`Loaded image: NAME` a tag, or
    /// `Loaded image ID: …` for an image saved by id).
    mutating func loadArchive(_ text: String, now: Double) throws(EngineError) -> [String] {
        let archive: TarArchive
        do { archive = try TarArchive.decode(text) } catch {
            throw .other("Error processing tar file(exit status 1): unexpected EOF", status: 1)
        }
        guard let manifestText = archive.entries.first(where: { $0.name == "manifest.json" })?.data,
              case .array(let manifest)? = try? JSONValue(parsing: manifestText) else {
            throw .other("open /var/lib/docker/tmp/docker-import/manifest.json: no such file or directory", status: 1)
        }
        var lines: [String] = []
        for item in manifest {
            guard case .string(let config)? = item["Config"],
                  let data = archive.entries.first(where: { $0.name == config })?.data,
                  var image = try? JSONDecoder().decode(LocalImage.self, from: Data(data.utf8)) else { continue }
            var tags: [String] = []
            if case .array(let list)? = item["RepoTags"] { tags = list.compactMap { if case .string(let t) = $0 { return t } else { return nil } } }
            if imageIndex(image.id) == nil {
                // A loaded image has no registry digest until it is pushed or pulled again.
                image.repoTags = []
                image.repoDigests = []
                images.append(image)
            }
            for name in tags { try self.tag(image.id, as: name, now: now) }
            recordEvent(.image(image.id, "load", name: tags.first ?? image.id, time: now))
            lines += tags.isEmpty ? ["Loaded image ID: " + image.id] : tags.map { "Loaded image: " + $0 }
        }
        return lines
    }
}
