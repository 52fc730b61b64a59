/// An image in a machine's local store, shaped like the Engine API's image inspect object.
public struct LocalImage: Codable, Sendable, Equatable {
    /// `sha256:` + 64 hex digits.
    public var id: String
    /// Every `repository:tag` that names it, in the order they were added.
    public var repoTags: [String]
    /// `repository@sha256:…` for each repository it was pulled from.
    public var repoDigests: [String]
    /// Simulated Unix time of the image's creation.
    public var created: Double
    public var entrypoint: [String]?
    public var cmd: [String]?
    public var env: [String]
    public var exposedPorts: [String]
    public var volumes: [String]
    public var workingDir: String
    public var size: Int64
    /// The service program the image runs (nginx, postgres…), or nil for base images.
    public var service: String?
    /// What a build gave the image beyond the catalogue's fields (nil for pulled images).
    public var built: BuiltImage?

    /// The short id `docker images` shows.
    public var shortID: String {
        // `sha256:` and 12 hex digits: cut on the bytes when the first 20 are ASCII other than CR.
        var text = id
        let cut = text.withUTF8 { b -> String? in
            guard b.count >= 20 else { return nil }
            for i in 0..<20 where b[i] >= 0x80 || b[i] == 13 { return nil }
            return String(decoding: UnsafeBufferPointer(rebasing: b[7..<19]), as: UTF8.self)
        }
        return cut ?? String(id.dropFirst(7).prefix(12))
    }
}

/// What `docker build` (or `docker commit`) records about an image it made: the settings a
/// Dockerfile can set that pulled images take from the catalogue, the files of its layers, its
/// history, and how the build cache finds it again.
public struct BuiltImage: Codable, Sendable, Equatable {
    /// The catalogue image it derives from (`alpine:latest`): its programs and behaviour.
    public var base: String
    /// The image it was built on top of (a step's parent), and the cache key of that step.
    public var parent: String
    public var cacheKey: String
    public var labels: [String: String] = [:]
    public var user: String = ""
    public var healthcheck: [String]?
    /// HEALTHCHECK's --interval, --timeout, --start-period (seconds) and --retries, when given.
    public var healthInterval: Double?
    public var healthTimeout: Double?
    public var healthStartPeriod: Double?
    public var healthRetries: Int?
    public var stopSignal: String?
    public var onBuild: [String] = []
    public var shell: [String]?
    /// The image's whole filesystem as its layers leave it (a container starts from it).
    public var files: VirtualFileSystem
    /// `docker history`: each step's instruction (as the builder records it) and size, newest first.
    public var history: [HistoryStep] = []
    /// Whether `history` goes down to the base image's own lines (a BuildKit build's does: its
    /// base need not be a local image); nil or false: they are the base image's, looked up.
    public var baseInHistory: Bool?
    /// The image's Comment and Author: those of a `docker commit` that made it (a build's are empty).
    public var comment: String? { history.first?.comment }
    public var author: String? { history.first?.author }

    /// One line of `docker history`.
    public struct HistoryStep: Codable, Sendable, Equatable {
        public var createdBy: String
        public var created: Double
        public var size: Int64
        public var imageID: String?
        /// A commit's message (the COMMENT column) and author (`docker commit -m`, `-a`).
        public var comment: String?
        public var author: String?
        /// The chain id of the layer the step made, nil when it changed no file (Engine+Layers).
        public var layer: String?
    }
}

/// Deterministic identifiers derived from a name (so an image always gets the same id and digest).
enum StableHash {
    /// 64 hex digits from a string (FNV-1a seeded SplitMix rounds).
    static func hex(_ text: String) -> String {
        var h: UInt64 = 0xcbf2_9ce4_8422_2325
        for b in text.utf8 { h = (h ^ UInt64(b)) &* 0x100_0000_01b3 }
        var ids = IDSource(seed: h)
        return ids.hexID(length: 64)
    }
}
