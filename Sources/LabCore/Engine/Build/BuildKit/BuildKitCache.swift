/// The engine's BuildKit build cache (what moby's builder-next keeps under /var/lib/docker/buildkit):
/// the result of every build step by its cache key, including the base images BuildKit pulled
/// itself (which `docker images` does not list: moby/moby#39229, docker/docs#13279), and what
/// each build context last sent (so a rebuild transfers only changed files).
///
/// Keys follow BuildKit's: a step's key is its parent's key with the step's own definition; a
/// RUN's definition holds its command, environment, working folder and user; a COPY's the
/// checksum of the files it copies and where to (not the environment, so an ENV change leaves
/// a COPY after it cached); the image source's key is the image.
public struct BuildKitCache: Codable, Sendable, Equatable {
    /// A step's result: the files it leaves and what the step added.
    public struct Record: Codable, Sendable, Equatable {
        public var files: VirtualFileSystem
        /// The bytes the step's layer adds.
        public var size: Int64
        /// When the step ran.
        public var created: Double
        /// The chain id of the layer it made, nil when it changed no file (Engine+Layers).
        public var layer: String?
    }

    public var records: [String: Record] = [:]
    /// The layers its records hold, as `docker pull` names them (12 hex digits): with the classic
    /// image store, builder-next keeps them in the daemon's layer store (its puller downloads
    /// through the daemon's DownloadManager, pull.go), so a later pull finds them there.
    public var layers: Set<String> = []
    /// For each build context (by folder): each file sent last time, with a hash of its content.
    public var transfers: [String: [String: String]] = [:]

    public init() {}

    /// Keeps a step's result (and its layer).
    mutating func store(_ record: Record, at key: String) {
        records[key] = record
        if let layer = record.layer { layers.insert(String(layer.dropFirst(7).prefix(12))) }
    }
}

extension DockerEngine {
    /// The BuildKit cache, empty until a BuildKit build ran.
    var buildKitCache: BuildKitCache {
        get { buildCache ?? BuildKitCache() }
        set { buildCache = newValue }
    }
}

/// The bytes a BuildKit file transfer reports (`transferring context: 2B done`): the size of the
/// fsutil packets the daemon receives (moby/buildkit v0.22.0 vendor/github.com/tonistiigi/fsutil
/// receive.go adds `p.Size()` of each packet; send.go sends a STAT packet per entry in walk order,
/// an empty STAT, then for each file the daemon asks for its data in 32 KiB DATA packets and an
/// empty DATA packet; and a FIN). Sizes are protobuf's (types/wire.proto, stat.proto). What the
/// lab cannot know it takes as a learner's files have it: owned by root (uid and gid 0, left out),
/// modes 0644 and 0755, no extended attributes, times in 2024 (nine bytes of varint).
/// With nothing to send it is 2 bytes (the FIN): the familiar `transferring context: 2B`.
enum BuildKitTransfer {
    /// One entry sent: its path relative to the folder, whether it is a folder, its size, and
    /// whether its data is sent (a file the daemon does not have yet).
    struct Entry {
        var path: String
        var isDirectory: Bool
        var size: Int
        var sendsData: Bool
    }

    static func bytes(_ entries: [Entry]) -> Int64 {
        var total = 0
        for (id, e) in entries.enumerated() {
            let mode = e.isDirectory ? 0x8000_0000 | 0o755 : 0o644
            var stat = field(bytes: e.path.utf8.count) + 1 + varint(mode) + 1 + 9
            if !e.isDirectory && e.size > 0 { stat += 1 + varint(e.size) }
            total += 1 + varint(stat) + stat
            guard e.sendsData && !e.isDirectory else { continue }
            let idBytes = id > 0 ? 1 + varint(id) : 0
            var left = e.size
            while left > 0 {
                let chunk = min(left, 32 * 1024)
                total += 2 + idBytes + field(bytes: chunk)
                left -= chunk
            }
            total += 2 + idBytes
        }
        return Int64(total + 2)
    }

    /// A length-delimited field: its tag, its length, its bytes.
    static func field(bytes n: Int) -> Int { 1 + varint(n) + n }

    static func varint(_ value: Int) -> Int {
        var v = UInt64(value)
        var n = 1
        while v >= 0x80 { v >>= 7; n += 1 }
        return n
    }
}
