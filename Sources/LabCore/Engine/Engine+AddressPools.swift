/// The local address space of libnetwork's default IPAM: every local network's IPv4 pool is
/// its own, so a --subnet that overlaps one is refused and the automatic 172.N.0.0/16 pools skip
/// any that overlap (moby v20.10 vendor/github.com/docker/libnetwork/ipam/structures.go,
/// updatePoolDBOnAdd; ipamapi/contract.go, ErrPoolOverlap).
extension DockerEngine {
    /// libnetwork's words when a requested pool overlaps an allocated one.
    static let poolOverlap = "Pool overlaps with other one on this address space"

    /// The addresses of an IPv4 subnet (`172.18.0.0/16`), or nil when it does not read as one.
    static func addressRange(_ subnet: String) -> ClosedRange<UInt32>? {
        let parts = subnet.split(separator: "/", maxSplits: 1)
        guard parts.count == 2, let base = ipv4(String(parts[0])), let bits = Int(parts[1]), (0...32).contains(bits) else { return nil }
        let mask: UInt32 = bits == 0 ? 0 : ~UInt32(0) << UInt32(32 - bits)
        return (base & mask)...(base | ~mask)
    }

    /// Whether `subnet` shares addresses with a local network's pool.
    func overlapsLocalPool(_ subnet: String) -> Bool {
        guard let range = Self.addressRange(subnet) else { return false }
        return networks.contains { n in
            guard n.scope == "local", let s = n.subnet, let other = Self.addressRange(s) else { return false }
            return range.overlaps(other)
        }
    }

    /// The default local pools after the bridge's 172.17.0.0/16: 172.18-31.0.0/16, then
    /// 192.168.0.0/16 in /20s (libnetwork ipamutils/utils.go, localScopeDefaultNetworks).
    static let defaultPools: [String] = (18...31).map { "172.\($0).0.0/16" } + stride(from: 0, to: 256, by: 16).map { "192.168.\($0).0/20" }

    /// The first default pool no local network overlaps, or nil when all are taken.
    func nextFreePool() -> String? {
        // The local networks' ranges are worked out once, not again for every pool tried.
        var taken: [ClosedRange<UInt32>] = []
        for k in networks.indices where networks[k].scope == "local" {
            if let s = networks[k].subnet, let range = Self.addressRange(s) { taken.append(range) }
        }
        for (k, pool) in Self.defaultPoolRanges.enumerated() where !taken.contains(where: { $0.overlaps(pool) }) {
            return Self.defaultPools[k]
        }
        return nil
    }

    /// `defaultPools` as address ranges.
    static let defaultPoolRanges: [ClosedRange<UInt32>] = defaultPools.compactMap { addressRange($0) }

    /// libnetwork's words when every default pool is taken (ipam/allocator.go).
    static let poolsExhausted = "could not find an available, non-overlapping IPv4 address pool among the defaults to assign to the network"
}
