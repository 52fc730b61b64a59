/// A volume of one machine's engine, with its files (what containers wrote into it).
public struct Volume: Codable, Sendable, Equatable {
    public var name: String
    public var driver: String
    public var created: Double
    public var labels: [String: String]
    /// Whether docker created it for an image's VOLUME or `-v /path` (an anonymous volume).
    public var anonymous: Bool
    /// Files by path relative to the volume's root ("" is the root itself).
    public var files: VirtualFileSystem

    /// `/var/lib/docker/volumes/NAME/_data`, as `docker volume inspect` shows it.
    public var mountpoint: String { "/var/lib/docker/volumes/\(name)/_data" }
}
