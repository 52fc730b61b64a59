/// The fields of a `Container`, as it saves them.
struct ContainerFields: Codable, Sendable, Equatable {
    var id: String
    var name: String
    var created: Double
    var imageID: String
    var config: ContainerConfig
    var hostConfig: HostConfig
    var state: ContainerState
    var endpoints: [Endpoint]
    var boundPorts: [PortBinding]
    var mounts: [Mount]
    var logs: [LogEntry]
    var restartCount: Int
    var files: VirtualFileSystem
    var changes: [String: String]
    var pendingAliases: [String] = []
}

/// The storage `Container` values share until one of them changes a field (copy on write).
///
/// Unchecked for Sendable and for exclusivity: a container writes its fields only after making
/// the storage its own (`isKnownUniquelyReferenced`, else a fresh copy), so no storage is ever
/// written while another container or thread can read it; and every access goes through the
/// `Container` value, whose own accesses Swift already checks for overlap at compile time. The
/// runtime check a class's `var` would otherwise get costs more than the copies this saves.
final class ContainerStorage: @unchecked Sendable {
    @exclusivity(unchecked) var fields: ContainerFields

    init(_ fields: ContainerFields) {
        self.fields = fields
    }
}
