import Foundation

/// Private registries: a container of the `registry` image publishing port P on this machine is
/// the registry at `localhost:P` (and `127.0.0.1:P`). What is pushed there is kept in the
/// registry container's /var/lib/registry volume, so it survives the container's replacement when
/// the volume does, and is gone while no registry runs (Fixtures/build 05: the push lines,
/// `Layer already exists`, `Mounted from`, the digest and size, and the refusals).
extension DockerEngine {
    /// Whether a reference names a registry of its own (`localhost:5000/app`, `registry.example.com/app`).
    static func registryHost(_ reference: String) -> String? {
        guard let slash = reference.firstIndex(ascii: UInt8(ascii: "/")) else { return nil }
        let first = reference[..<slash]
        guard first == "localhost" || first.contains(".") || first.contains(":") else { return nil }
        return String(first)
    }

    /// A registry host that does not answer, as the daemon reports it. Loopback hosts are insecure
    /// registries by default (the daemon's insecure list is 127.0.0.0/8), asked over http and
    /// refused when nothing listens (localhost resolved); any other is asked over https, and a
    /// name fails in the lab's DNS lookup (Fixtures/build 05: `Get "https://nosuch:5000/v2/": dial
    /// tcp: lookup nosuch on 10.255.255.53:53: no such host`, the oracle's resolver there).
    static func unreachable(_ host: String) -> String {
        let name = host.split(separator: ":", maxSplits: 1).first.map(String.init) ?? host
        if name == "localhost" || name.hasPrefix("127.") {
            let address = name == "localhost" ? "127.0.0.1" + host.dropFirst(9) : Substring(host)
            return "Get \"http://\(host)/v2/\": dial tcp \(address): connect: connection refused"
        }
        if name.split(separator: ".").count == 4, name.split(separator: ".").allSatisfy({ UInt8($0) != nil }) {
            return "Get \"https://\(host)/v2/\": dial tcp \(host): connect: connection refused"
        }
        return "Get \"https://\(host)/v2/\": dial tcp: lookup \(name) on \(Lab.resolver):53: no such host"
    }

    /// The running registry container a host name reaches on this machine, and its volume.
    func registry(_ host: String) -> (container: Int, volume: Int)? {
        let parts = host.split(separator: ":", maxSplits: 1)
        guard let first = parts.first else { return nil }
        let name = String(first)
        let port = parts.count > 1 ? String(parts[1]) : "80"
        guard name == "localhost" || name.hasPrefix("127.") else { return nil }
        for c in containers.indices where containers[c].state.running && containers[c].serviceProgram == "registry" {
            guard containers[c].boundPorts.contains(where: { $0.hostPort == port }) else { continue }
            guard let m = containers[c].mounts.first(where: { $0.destination == "/var/lib/registry" }),
                  let v = volumes.firstIndex(where: { $0.name == m.name }) else { continue }
            return (c, v)
        }
        return nil
    }

    /// The registry's HTTP API as curl sees it: `/v2/`, `/v2/_catalog` (repositories sorted) and
    /// `/v2/REPO/tags/list` (tags sorted, as registry 3 sorts them; 2.8 gave its disk's directory
    /// order); nil for anything else (404). Fixtures/build 05.
    func registryAPI(_ registry: Container, path: String) -> String? {
        guard let m = registry.mounts.first(where: { $0.destination == "/var/lib/registry" }),
              let v = volumes.firstIndex(where: { $0.name == m.name }) else { return path == "/v2/" ? "{}" : nil }
        let root = "/docker/registry/v2/repositories/"
        var tags: [String: [String]] = [:]
        for file in volumes[v].files.subtree(at: "/docker/registry/v2/repositories") where file.hasSuffix("/image.json") {
            guard file.hasPrefix(root), let r = file.range(of: "/_manifests/tags/"),
                  file.distance(from: file.startIndex, to: r.lowerBound) > root.count else { continue }
            let repo = String(file[file.index(file.startIndex, offsetBy: root.count)..<r.lowerBound])
            tags[repo, default: []].append(String(file[r.upperBound...].dropLast("/image.json".count)))
        }
        func quoted(_ list: [String]) -> String { list.sorted().map { "\"" + $0 + "\"" }.joined(separator: ",") }
        if path == "/v2/" || path == "/v2" { return "{}" }
        if path == "/v2/_catalog" { return "{\"repositories\":[" + quoted(Array(tags.keys)) + "]}\n" }
        guard path.hasPrefix("/v2/"), path.hasSuffix("/tags/list") else { return nil }
        let repo = String(path.dropFirst(4).dropLast("/tags/list".count))
        guard let list = tags[repo] else { return nil }
        return "{\"name\":\"" + repo + "\",\"tags\":[" + quoted(list) + "]}\n"
    }

    /// The layers an image is made of, top first: a built image's steps that wrote files, then its base's.
    func layerIDs(_ image: LocalImage) -> [String] {
        var out: [String] = []
        if let built = image.built {
            for step in built.history {
                if let layer = step.layer { out.append(String(layer.dropFirst(7).prefix(12))) }
                // A step stored before layers were named by content: one layer when it wrote bytes.
                // (A BuildKit image's history goes down to its base's lines, whose layers are the base's.)
                else if step.size > 0 && built.baseInHistory != true { out.append(String(StableHash.hex("layer:" + (step.imageID ?? step.createdBy)).prefix(12))) }
            }
            out += Self.layers(ImageName(built.base))
        } else {
            out += Self.layers(ImageName(image.repoTags.first ?? image.id))
        }
        return out
    }

    static func manifestPath(_ repository: String, _ tag: String) -> String { "/docker/registry/v2/repositories/\(repository)/_manifests/tags/\(tag)/image.json" }
    static func blobPath(_ layer: String) -> String { "/docker/registry/v2/blobs/\(layer)" }

    /// `docker push REF` to the registry `host` its name starts with (Docker Hub's names go to
    /// `pushToHub`): the lines it prints, or the refusal (printed after the lines so far).
    mutating func push(_ reference: String, host: String, now: Double) -> (lines: [String], error: String?) {
        let name = ImageName(reference)
        let tag = name.tag ?? "latest"
        let full = name.repository + ":" + tag
        let repo = String(name.repository.dropFirst(host.count + 1))
        var lines = ["The push refers to repository [\(name.repository)]"]
        guard let i = imageIndex(full) else { return (lines, Self.missingLocally(name, tag: tag, images: images)) }
        guard let (_, v) = registry(host) else {
            return (lines, Self.unreachable(host))
        }
        let image = images[i]
        let layers = layerIDs(image)
        var store = volumes[v].files
        lines += Self.preparing(layers)
        var existing: [String] = [], pushed: [String] = []
        for layer in layers {
            if let owner = store.contents(of: Self.blobPath(layer)) {
                if owner == repo { existing.append(layer) } else { lines.append("\(layer): Mounted from \(owner)") }
            } else {
                pushed.append(layer)
            }
        }
        lines += existing.reversed().map { "\($0): Layer already exists" }
        lines += pushed.map { "\($0): Pushed" }
        for layer in layers where store.contents(of: Self.blobPath(layer)) == nil { Self.write(&store, repo, to: Self.blobPath(layer)) }
        if let data = try? JSONEncoder().encode(image) { Self.write(&store, String(decoding: data, as: UTF8.self), to: Self.manifestPath(repo, tag)) }
        volumes[v].files = store
        let digest = name.repository + "@" + Self.manifestDigest(image)
        if !images[i].repoDigests.contains(digest) { images[i].repoDigests.append(digest) }
        lines.append("\(tag): digest: \(Self.manifestDigest(image)) size: \(319 + 208 * layers.count)")
        return (lines, nil)
    }

    /// The manifest digest of an image: the same wherever it is pushed.
    static func manifestDigest(_ image: LocalImage) -> String { "sha256:" + StableHash.hex("manifest:" + image.id) }

    /// Writes a file, making its folders.
    static func write(_ files: inout VirtualFileSystem, _ text: String, to path: String) {
        var dir = ""
        for part in path.split(separator: "/").dropLast() { dir += "/" + part; if !files.isDirectory(dir) { files.set(.directory, at: dir) } }
        files.set(.file(text), at: path)
    }

    /// Pulls from a private registry on this machine: the lines, or the refusal.
    mutating func pullFromRegistry(_ name: ImageName, host: String, now: Double) -> Result<[String], EngineError> {
        let tag = name.tag ?? "latest"
        let repo = String(name.repository.dropFirst(host.count + 1))
        guard let (_, v) = registry(host) else {
            return .failure(.other(Self.unreachable(host), status: 500))
        }
        guard let text = volumes[v].files.contents(of: Self.manifestPath(repo, tag)),
              let image = try? JSONDecoder().decode(LocalImage.self, from: Data(text.utf8)) else {
            return .failure(.other("manifest for \(name.repository):\(tag) not found: manifest unknown: manifest unknown", status: 404))
        }
        return .success(receive(image, as: name, from: repo, now: now))
    }

    /// A pulled image arriving from a registry: the layers not here yet are downloaded, the tag
    /// moves to it, the registry's digest is recorded; the lines `docker pull` prints (`Image is
    /// up to date` when the tag already named it).
    mutating func receive(_ pulled: LocalImage, as name: ImageName, from remote: String, now: Double) -> [String] {
        var image = pulled
        let tag = name.tag ?? "latest"
        let familiar = name.repository + ":" + tag
        let digest = Self.manifestDigest(image)
        var lines = ["\(tag): Pulling from \(remote)"]
        if let i = images.firstIndex(where: { $0.id == image.id }), images[i].repoTags.contains(familiar) {
            return lines + ["Digest: \(digest)", "Status: Image is up to date for \(familiar)"]
        }
        for j in images.indices { images[j].repoTags.removeAll { $0 == familiar } }
        if let i = images.firstIndex(where: { $0.id == image.id }) {
            images[i].repoTags.append(familiar)
        } else {
            let local = Set(images.flatMap { layerIDs($0) }).union(buildCache?.layers ?? [])
            for layer in layerIDs(image).reversed() {
                if local.contains(layer) { lines.append("\(layer): Already exists"); continue }
                lines += ["\(layer): Pulling fs layer", "\(layer): Verifying Checksum", "\(layer): Download complete", "\(layer): Pull complete"]
            }
            image.repoTags = [familiar]
            image.repoDigests = []
            images.append(image)
        }
        if let i = images.firstIndex(where: { $0.id == image.id }), !images[i].repoDigests.contains(name.repository + "@" + digest) {
            images[i].repoDigests.append(name.repository + "@" + digest)
        }
        lines.append("Digest: \(digest)")
        lines.append("Status: Downloaded newer image for \(familiar)")
        recordEvent(.image(familiar, "pull", name: name.repository, time: now))
        return lines
    }
}
