/// A network of one machine's engine, shaped like the Engine API's network object.
public struct Network: Codable, Sendable, Equatable {
    public var id: String
    public var name: String
    public var driver: String          // bridge, host, null, overlay
    public var scope: String           // local, swarm
    public var created: Double
    /// The IPv4 subnet ("172.18.0.0/16") and gateway, when the driver has addresses.
    public var subnet: String?
    public var gateway: String?
    /// Whether the subnet was given with --subnet (then no gateway is shown unless given).
    public var userSubnet: Bool
    public var isDefaultBridge: Bool
    public var labels: [String: String]
    public var options: [String: String]
    public var attachable: Bool
    public var `internal`: Bool
    /// The next host number handed to a container (.2 first).
    public var nextHost: Int

    /// On a swarm overlay: the names the embedded DNS answers for services (a service's name →
    /// its virtual IP, or its tasks' addresses with dnsrr; `tasks.NAME` → its tasks' addresses),
    /// kept by the swarm on every machine's copy of the network; nil elsewhere.
    public var serviceRecords: [String: [String]]?

    /// Whether it is the swarm's routing-mesh network.
    public var isIngress: Bool { scope == "swarm" && name == "ingress" && driver == "overlay" }

    /// Whether docker refuses to remove it (bridge, host, none).
    public var isPredefined: Bool { ["bridge", "host", "none"].contains(name) && scope == "local" && (isDefaultBridge || driver != "bridge") }
    /// Whether the embedded DNS answers container names on it (user-defined networks only).
    public var hasEmbeddedDNS: Bool { !isDefaultBridge && driver != "host" && driver != "null" }
}
