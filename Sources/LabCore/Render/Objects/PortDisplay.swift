/// The PORTS column of `docker ps`: docker/cli's `DisplayablePorts` (formatter/container.go,
/// v28.2.2) over the port list the daemon reports for a container.
public enum PortDisplay {
    /// One entry of the daemon's port list (types.Port): a published binding or a bare exposed port.
    public struct Port: Sendable, Equatable {
        public var privatePort: Int
        public var publicPort: Int
        public var type: String
        public var ip: String
    }

    /// The daemon's list for `docker ps`: nothing unless running; each exposed port without a
    /// binding, and one entry per bound address (IPv4 and IPv6 for a binding on every address).
    public static func ports(_ c: Container) -> [Port] {
        guard c.state.running, c.hostConfig.networkMode != "host" else { return [] }
        let published = ContainerInspect.publishedPorts(c)
        var out: [Port] = []
        for (key, hostIP, hostPort) in published {
            let (port, proto) = split(key)
            out.append(Port(privatePort: port, publicPort: Int(hostPort) ?? 0, type: proto, ip: hostIP))
        }
        for key in c.config.exposedPorts where !published.contains(where: { $0.key == key }) {
            let (port, proto) = split(key)
            out.append(Port(privatePort: port, publicPort: 0, type: proto, ip: ""))
        }
        return out
    }

    static func split(_ key: String) -> (Int, String) {
        guard let slash = key.firstIndex(ascii: UInt8(ascii: "/")) else { return (Int(key) ?? 0, "tcp") }
        return (Int(key[..<slash]) ?? 0, String(key[key.index(after: slash)...]))
    }

    /// `0.0.0.0:8080->80/tcp, [::]:8080->80/tcp`: sorted by private port, address, public port,
    /// type; equal public and private ports grouped into ranges per address and type; other
    /// mappings listed last.
    public static func display(_ ports: [Port]) -> String {
        if ports.isEmpty { return "" }
        if ports.count == 1 {
            // One port: nothing to sort or group.
            let p = ports[0]
            if p.ip.isEmpty { return formGroup(p.type, p.privatePort, p.privatePort) }
            if p.publicPort != p.privatePort { return "\(joinHostPort(p.ip, p.publicPort))->\(p.privatePort)/\(p.type)" }
            return formGroup(p.ip + "/" + p.type, p.privatePort, p.privatePort)
        }
        let sorted = ports.sorted { a, b in
            if a.privatePort != b.privatePort { return a.privatePort < b.privatePort }
            if a.ip != b.ip { return a.ip.utf8Precedes(b.ip) }
            if a.publicPort != b.publicPort { return a.publicPort < b.publicPort }
            return a.type.utf8Precedes(b.type)
        }
        var groups: [String: (first: Int, last: Int)] = [:]
        var keys: [String] = []
        var result: [String] = []
        var mappings: [String] = []
        for p in sorted {
            var key = p.type
            if !p.ip.isEmpty {
                if p.publicPort != p.privatePort {
                    mappings.append("\(joinHostPort(p.ip, p.publicPort))->\(p.privatePort)/\(p.type)")
                    continue
                }
                key = p.ip + "/" + p.type
            }
            guard let g = groups[key] else {
                groups[key] = (p.privatePort, p.privatePort)
                keys.append(key)
                continue
            }
            if p.privatePort == g.last + 1 {
                groups[key] = (g.first, p.privatePort)
                continue
            }
            result.append(formGroup(key, g.first, g.last))
            groups[key] = (p.privatePort, p.privatePort)
        }
        for key in keys {
            if let g = groups[key] { result.append(formGroup(key, g.first, g.last)) }
        }
        return (result + mappings).joined(separator: ", ")
    }

    static func joinHostPort(_ ip: String, _ port: Int) -> String {
        ip.utf8.contains(UInt8(ascii: ":")) ? "[\(ip)]:\(port)" : "\(ip):\(port)"
    }

    static func formGroup(_ key: String, _ first: Int, _ last: Int) -> String {
        var ip = ""
        var type = key
        if let slash = key.lastIndex(ascii: UInt8(ascii: "/")) {
            ip = String(key[..<slash])
            type = String(key[key.index(after: slash)...])
        }
        let range = first == last ? String(first) : "\(first)-\(last)"
        if ip.isEmpty { return range + "/" + type }
        let host = ip.utf8.contains(UInt8(ascii: ":")) ? "[\(ip)]" : ip
        return "\(host):\(range)->\(range)/\(type)"
    }
}
