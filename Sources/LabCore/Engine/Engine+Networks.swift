/// Networks: creation from docker's address pools, removal, and containers' endpoints on them.
extension DockerEngine {
    /// Finds a network by full id, exact name, or unique id prefix.
    public func networkIndex(_ reference: String) -> Int? {
        // By index: `firstIndex(where:)` would copy each network out of the array to test it.
        for i in networks.indices where networks[i].id.sameBytes(reference) || networks[i].name.sameBytes(reference) { return i }
        let matches = networks.indices.filter { networks[$0].id.hasPrefix(reference) }
        return matches.count == 1 ? matches[0] : nil
    }

    /// The network whose full id is `id` (by index, without copying each network).
    func networkIndex(id: String) -> Int? {
        for i in networks.indices where networks[i].id.sameBytes(id) { return i }
        return nil
    }

    /// Creates a network; user bridges get the lowest free 172.N.0.0/16 pool (the default bridge has 172.17).
    public mutating func createNetwork(name: String, driver: String, subnet: String?, gateway: String?, labels: [String: String],
                                       isInternal: Bool, attachable: Bool, ids: inout IDSource, now: Double) throws(EngineError) -> String {
        for i in networks.indices where networks[i].name == name { throw .networkExists(name) }
        if driver == "overlay" { throw .notSwarmManager }
        if let subnet, overlapsLocalPool(subnet) { throw .other(Self.poolOverlap, status: 403) }
        var net = Network(id: ids.hexID(), name: name, driver: driver, scope: "local", created: now, subnet: subnet, gateway: gateway,
                          userSubnet: subnet != nil, isDefaultBridge: false, labels: labels, options: [:], attachable: attachable,
                          internal: isInternal, nextHost: 2)
        if subnet == nil && driver == "bridge" {
            guard let pool = nextFreePool(), let range = Self.addressRange(pool) else { throw .other(Self.poolsExhausted, status: 404) }
            net.subnet = pool
            net.gateway = Self.dotted(range.lowerBound + 1)
        }
        networks.append(net)
        recordEvent(.network(net, "create", time: now))
        return net.id
    }

    /// Removes a network that no running container uses.
    public mutating func removeNetwork(_ reference: String, now: Double) throws(EngineError) {
        guard let i = networkIndex(reference) else { throw .noSuchNetwork(reference) }
        let net = networks[i]
        if net.isPredefined { throw .predefinedNetwork(net.name) }
        if containers.contains(where: { c in c.endpoints.contains { $0.networkID == net.id && !$0.ipAddress.isEmpty } }) {
            throw .networkHasEndpoints(name: net.name, id: net.id)
        }
        for c in containers.indices { containers[c].endpoints.removeAll { $0.networkID == net.id } }
        recordEvent(.network(net, "destroy", time: now))
        networks.remove(at: i)
    }

    /// Connects a container to a network (addresses are handed out while it runs).
    public mutating func connect(_ container: String, to network: String, aliases: [String], ids: inout IDSource, now: Double) throws(EngineError) {
        guard let n = networkIndex(network) else { throw .noSuchNetwork(network) }
        let c = try containerIndex(container)
        if containers[c].endpoints.contains(where: { $0.networkID == networks[n].id }) {
            throw .alreadyConnected(container: containers[c].name, network: networks[n].name)
        }
        addEndpoint(c, network: n, aliases: aliases, ids: &ids)
        if containers[c].state.running {
            recordEvent(.network(networks[n], "connect", container: containers[c].id, time: now))
            if let e = containers[c].endpoints.last { ContainerNetworkFiles.joined(&containers[c], endpoint: e, network: networks[n]) }
        }
    }

    /// Disconnects a container from a network.
    public mutating func disconnect(_ container: String, from network: String, now: Double) throws(EngineError) {
        guard let n = networkIndex(network) else { throw .noSuchNetwork(network) }
        let c = try containerIndex(container)
        guard let e = containers[c].endpoints.firstIndex(where: { $0.networkID == networks[n].id }) else {
            throw .notConnected(containerID: containers[c].id, network: networks[n].name)
        }
        if containers[c].state.running {
            recordEvent(.network(networks[n], "disconnect", container: containers[c].id, time: now))
            ContainerNetworkFiles.left(&containers[c], address: containers[c].endpoints[e].ipAddress)
        }
        containers[c].endpoints.remove(at: e)
    }

    /// Adds an endpoint, with an address when the container runs.
    mutating func addEndpoint(_ c: Int, network n: Int, aliases: [String], ids: inout IDSource) {
        var endpoint = Endpoint(networkName: networks[n].name, networkID: networks[n].id, endpointID: "", ipAddress: "",
                                prefixLength: 0, gateway: "", macAddress: "", aliases: aliases)
        if containers[c].state.running { assignAddress(&endpoint, network: n, ids: &ids) }
        containers[c].endpoints.append(endpoint)
    }

    /// Hands an endpoint the lowest free address of its network (gateway .1, containers from .2).
    mutating func assignAddress(_ endpoint: inout Endpoint, network n: Int, ids: inout IDSource) {
        endpoint.endpointID = ids.hexID()
        guard let subnet = networks[n].subnet, let (octets, prefix) = Self.subnetParts(subnet) else { return }
        guard octets.count == 4 else { return }
        let base = (octets[0] << 24) | (octets[1] << 16) | (octets[2] << 8) | octets[3]
        let id = networks[n].id
        var used: [UInt32] = []
        for c in containers.indices {
            for e in containers[c].endpoints where e.networkID == id { if let a = Self.ipv4(e.ipAddress) { used.append(a) } }
        }
        var host: UInt32 = 2
        while used.contains(base + host) { host += 1 }
        let address = base + host
        endpoint.ipAddress = Self.dotted(address)
        endpoint.prefixLength = prefix
        endpoint.gateway = networks[n].userSubnet ? (networks[n].gateway ?? "") : (networks[n].gateway ?? Self.dotted(base + 1))
        // 02:42 and the address's four bytes in hex: 17 bytes written in place.
        endpoint.macAddress = String(unsafeUninitializedCapacity: 17) { b in
            for (k, c) in "02:42".utf8.enumerated() { b[k] = c }
            for n in 0..<4 {
                let v = (address >> UInt32(24 - 8 * n)) & 255
                b[5 + 3 * n] = UInt8(ascii: ":")
                b[6 + 3 * n] = Self.hexDigit(v >> 4)
                b[7 + 3 * n] = Self.hexDigit(v & 15)
            }
            return 17
        }
    }

    /// A subnet's `a.b.c.d` parts that read as numbers and its prefix length (nil without a `/`
    /// or a numeric prefix). An all-ASCII subnet is split on its bytes (the same split).
    static func subnetParts(_ subnet: String) -> ([UInt32], Int)? {
        if let parts = plainSubnetParts(subnet) { return parts }
        if subnet.utf8.allSatisfy({ $0 < 0x80 && $0 != 13 }) {
            let u = subnet.utf8
            guard let slash = u.firstIndex(of: UInt8(ascii: "/")) else { return nil }
            let octets = u[u.startIndex..<slash].split(separator: UInt8(ascii: "."))
                .compactMap { UInt32(Substring(subnet[$0.startIndex..<$0.endIndex])) }
            guard let prefix = Int(subnet[u.index(after: slash)...]) else { return nil }
            return (octets, prefix)
        }
        guard let slash = subnet.firstIndex(of: "/") else { return nil }
        let octets = subnet[..<slash].split(separator: ".").compactMap { UInt32($0) }
        guard let prefix = Int(subnet[subnet.index(after: slash)...]) else { return nil }
        return (octets, prefix)
    }

    /// The parts of a subnet made of digits, dots and one slash only (`172.18.0.0/16`), each part
    /// 1 to 9 digits, so reading them by hand gives what `UInt32(_:)` and `Int(_:)` give; nil for
    /// any other text.
    static func plainSubnetParts(_ subnet: String) -> ([UInt32], Int)? {
        var text = subnet
        return text.withUTF8 { b -> ([UInt32], Int)? in
            var octets: [UInt32] = []
            octets.reserveCapacity(4)
            var value = 0, digits = 0, slashSeen = false
            for c in b {
                if c >= 48 && c <= 57 {
                    value = value * 10 + Int(c - 48)
                    digits += 1
                    if digits > 9 { return nil }
                } else if c == UInt8(ascii: ".") && !slashSeen {
                    if digits > 0 { octets.append(UInt32(value)) }
                    value = 0; digits = 0
                } else if c == UInt8(ascii: "/") && !slashSeen {
                    if digits > 0 { octets.append(UInt32(value)) }
                    value = 0; digits = 0
                    slashSeen = true
                } else {
                    return nil
                }
            }
            guard slashSeen, digits > 0 else { return nil }
            return (octets, value)
        }
    }

    /// One lowercase hexadecimal digit (0-15) as an ASCII byte.
    static func hexDigit(_ v: UInt32) -> UInt8 { v < 10 ? 48 + UInt8(v) : 87 + UInt8(v) }

    static func hex2(_ v: UInt32) -> String {
        String(decoding: [hexDigit(v >> 4), hexDigit(v & 15)], as: UTF8.self)
    }

    /// A dotted IPv4 address as a number, or nil.
    static func ipv4(_ text: String) -> UInt32? {
        var value: UInt32 = 0, part: UInt32 = 0, parts = 0, digits = 0
        for b in text.utf8 {
            if b == UInt8(ascii: ".") {
                guard digits > 0, part < 256 else { return nil }
                value = value << 8 | part
                part = 0; digits = 0; parts += 1
            } else if b >= 48 && b <= 57 {
                part = part * 10 + UInt32(b - 48); digits += 1
                if digits > 3 { return nil }
            } else {
                return nil
            }
        }
        guard parts == 3, digits > 0, part < 256 else { return nil }
        return value << 8 | part
    }

    static func dotted(_ a: UInt32) -> String {
        // At most 15 bytes, written in place (no array to build and decode).
        String(unsafeUninitializedCapacity: 15) { b in
            var k = 0
            for n in 0..<4 {
                let v = (a >> UInt32(24 - 8 * n)) & 255
                if n > 0 { b[k] = UInt8(ascii: "."); k += 1 }
                if v >= 100 { b[k] = 48 + UInt8(v / 100); k += 1 }
                if v >= 10 { b[k] = 48 + UInt8(v / 10 % 10); k += 1 }
                b[k] = 48 + UInt8(v % 10); k += 1
            }
            return k
        }
    }

    /// Gives a starting container its endpoints: its network mode's network first.
    mutating func attachEndpoints(_ c: Int, ids: inout IDSource) {
        if containers[c].endpoints.isEmpty {
            let mode = containers[c].hostConfig.networkMode
            let name = mode == "default" ? "bridge" : mode
            if let n = networkIndex(name) {
                let aliases = containers[c].pendingAliases
                containers[c].pendingAliases = []
                addEndpoint(c, network: n, aliases: aliases, ids: &ids)
            }
        }
        for e in containers[c].endpoints.indices where containers[c].endpoints[e].ipAddress.isEmpty {
            guard let n = networkIndex(containers[c].endpoints[e].networkID) else { continue }
            if networks[n].driver == "host" || networks[n].driver == "null" { continue }
            var endpoint = containers[c].endpoints[e]
            assignAddress(&endpoint, network: n, ids: &ids)
            containers[c].endpoints[e] = endpoint
        }
    }

    /// Takes a stopping container's addresses and published ports back.
    mutating func releaseEndpoints(_ c: Int) {
        for e in containers[c].endpoints.indices {
            containers[c].endpoints[e].ipAddress = ""
            containers[c].endpoints[e].gateway = ""
            containers[c].endpoints[e].macAddress = ""
            containers[c].endpoints[e].prefixLength = 0
            containers[c].endpoints[e].endpointID = ""
        }
        containers[c].boundPorts = []
    }

    /// The running containers a name resolves to on a network through the embedded DNS
    /// (container names, short ids and aliases), in the order docker's round robin starts from.
    public func resolve(_ name: String, onNetwork networkID: String) -> [String] {
        if let n = networkIndex(networkID), let records = networks[n].serviceRecords?[name] { return records }
        var addresses: [String] = []
        // By index: no copy of each container.
        for c in containers.indices where containers[c].state.running {
            for e in containers[c].endpoints where e.networkID == networkID && !e.ipAddress.isEmpty {
                if containers[c].name == name || containers[c].shortID == name || e.aliases.contains(name)
                    || containers[c].config.hostname == name { addresses.append(e.ipAddress) }
            }
        }
        return addresses
    }
}
