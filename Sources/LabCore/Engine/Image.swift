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
