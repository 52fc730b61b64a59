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
