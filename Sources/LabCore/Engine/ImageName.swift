/// An image reference split the way the daemon reads it: `nginx` is `docker.io/library/nginx:latest`,
/// shown as `nginx:latest`; `myorg/app:1.0`, `localhost:5000/app` keep their own names.
public struct ImageName: Sendable, Equatable, Hashable, Codable {
    /// The repository as docker shows it (familiar form: no `docker.io/`, no `library/`).
    public var repository: String
    /// The tag (`latest` when none was given); nil for a digest reference.
    public var tag: String?
    /// `sha256:…` when the reference pinned a digest.
    public var digest: String?

    /// Reads a reference the grammar already validated.
    public init(_ reference: String) {
        if reference.isPlainASCII {
            (repository, tag, digest) = Self.asciiParts(reference)
            return
        }
        var rest = Substring(reference)
        if let at = rest.firstIndex(of: "@") {
            digest = String(rest[rest.index(after: at)...])
            rest = rest[..<at]
        }
        let lastSlash = rest.lastIndex(of: "/")
        if let colon = rest.lastIndex(of: ":"), lastSlash.map({ colon > $0 }) ?? true {
            tag = String(rest[rest.index(after: colon)...])
            rest = rest[..<colon]
        } else if digest == nil {
            tag = "latest"
        }
        var repo = String(rest)
        if repo.hasPrefix("docker.io/") { repo = String(repo.dropFirst(10)) }
        if repo.hasPrefix("index.docker.io/") { repo = String(repo.dropFirst(16)) }
        if repo.hasPrefix("library/") { repo = String(repo.dropFirst(8)) }
        repository = repo
    }

    /// The same split done on the bytes of an all-ASCII reference (where every character is one
    /// byte, so it finds the same `@`, `/` and `:` as the character-wise split).
    private static func asciiParts(_ reference: String) -> (repository: String, tag: String?, digest: String?) {
        var text = reference
        return text.withUTF8 { b in
            var end = b.count
            var tag: String?, digest: String?
            if let at = b.firstIndex(of: UInt8(ascii: "@")) {
                digest = String(decoding: UnsafeBufferPointer(rebasing: b[(at + 1)...]), as: UTF8.self)
                end = at
            }
            var lastSlash = -1, lastColon = -1
            for i in 0..<end {
                if b[i] == UInt8(ascii: "/") { lastSlash = i } else if b[i] == UInt8(ascii: ":") { lastColon = i }
            }
            if lastColon >= 0 && lastColon > lastSlash {
                tag = String(decoding: UnsafeBufferPointer(rebasing: b[(lastColon + 1)..<end]), as: UTF8.self)
                end = lastColon
            } else if digest == nil {
                tag = "latest"
            }
            var start = 0
            for prefix in prefixes {
                let n = prefix.count
                if end - start >= n && (0..<n).allSatisfy({ b[start + $0] == prefix[$0] }) { start += n }
            }
            return (String(decoding: UnsafeBufferPointer(rebasing: b[start..<end]), as: UTF8.self), tag, digest)
        }
    }

    /// What the daemon drops from the front of a repository name, in this order.
    private static let prefixes: [[UInt8]] = [Array("docker.io/".utf8), Array("index.docker.io/".utf8), Array("library/".utf8)]

    /// `repository:tag` (or `repository@digest`), as docker prints it.
    public var familiar: String {
        if let tag { return repository + ":" + tag }
        return repository + "@" + (digest ?? "")
    }

    /// The path the registry knows it by (`library/nginx` for official images).
    public var remotePath: String {
        repository.contains("/") ? repository : "library/" + repository
    }

    /// `docker.io/library/nginx:latest`, as `docker pull` prints it last.
    public var canonical: String {
        let first = repository.split(separator: "/").first.map(String.init) ?? repository
        let hasDomain = repository.contains("/") && (first.contains(".") || first.contains(":") || first == "localhost")
        return (hasDomain ? repository : "docker.io/" + remotePath) + (tag.map { ":" + $0 } ?? "@" + (digest ?? ""))
    }
}
