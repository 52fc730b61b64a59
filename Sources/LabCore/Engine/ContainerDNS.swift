/// Name resolution inside a container as docker's embedded DNS (127.0.0.11) answers it: on
/// user-defined networks, container names, short ids, aliases and NAME.NETWORK; nothing on the
/// default bridge; and, offline as the lab is, no answer from outside (the oracle's
/// "connection timed out; no servers could be reached").
struct ContainerDNS {
    let engine: DockerEngine
    let container: Container?

    init(machine: Machine) {
        engine = machine.engine
        container = machine.containerID.flatMap { id in machine.engine.containers.first { $0.id == id } }
    }

    /// The container's own addresses, by network id.
    var ownEndpoints: [Endpoint] { container?.endpoints.filter { !$0.ipAddress.isEmpty } ?? [] }

    /// Every address `name` resolves to, in the order the embedded DNS lists them (rotated by
    /// `turn`, as docker's round robin varies it), or [] when nothing answers.
    func resolve(_ name: String, turn: UInt64 = 0) -> [String] {
        if Self.isIPv4(name) { return [name] }
        if name == "localhost" { return ["127.0.0.1"] }
        if let c = container, name == c.config.hostname || name == c.name, let first = ownEndpoints.first { return [first.ipAddress] }
        var found: [String] = []
        for endpoint in ownEndpoints {
            guard let n = engine.networkIndex(endpoint.networkID), engine.networks[n].hasEmbeddedDNS else { continue }
            var short = name
            let suffix = "." + engine.networks[n].name
            if name.hasSuffix(suffix) { short = String(name.dropLast(suffix.count)) }
            for address in engine.resolve(short, onNetwork: endpoint.networkID) where !found.contains(address) { found.append(address) }
        }
        guard found.count > 1 else { return found }
        let k = Int(turn % UInt64(found.count))
        return Array(found[k...] + found[..<k])
    }

    /// Whether the container can reach `address` (loopback, or a network it shares).
    func reaches(_ address: String) -> Bool {
        if address.hasPrefix("127.") { return true }
        for endpoint in ownEndpoints {
            if engine.containers.contains(where: { c in c.state.running && c.endpoints.contains { $0.networkID == endpoint.networkID && $0.ipAddress == address } }) {
                return true
            }
            if endpoint.gateway == address { return true }
        }
        return false
    }

    static func isIPv4(_ s: String) -> Bool {
        let parts = s.split(separator: ".", omittingEmptySubsequences: false)
        return parts.count == 4 && parts.allSatisfy { p in !p.isEmpty && p.count <= 3 && p.allSatisfy(\.isNumber) && (Int(p) ?? 256) < 256 }
    }
}

/// busybox `ping` inside a container (format recorded on the real engine: 05-networks, 06-dns-aliases).
struct PingProgram: SimulatedProgram {
    func run(_ process: inout ProcessContext, lab: inout Lab) -> Int32 {
        var count = 4
        var host: String?
        var args = process.arguments.dropFirst()[...]
        while let a = args.first {
            args = args.dropFirst()
            if a == "-c" || a == "-W" || a == "-i" || a == "-w" || a == "-s" {
                if a == "-c", let n = args.first.flatMap({ Int($0) }) { count = max(1, n) }
                args = args.dropFirst()
            } else if a.hasPrefix("-c"), let n = Int(a.dropFirst(2)) {
                count = max(1, n)
            } else if !a.hasPrefix("-") {
                host = a
            }
        }
        guard let host else {
            process.writeError("BusyBox v1.36.1 multi-call binary.\n\nUsage: ping [OPTIONS] HOST\n")
            return 1
        }
        let dns = ContainerDNS(machine: lab.machine)
        guard let address = dns.resolve(host, turn: lab.ids.next()).first else {
            process.writeError("ping: bad address '\(host)'\n")
            return 1
        }
        let reachable = dns.reaches(address)
        // Room for every line at once: appending line by line would grow the text again and again.
        var out = ""
        out.reserveCapacity(200 + (reachable ? count : 0) * (48 + address.utf8.count) + 2 * host.utf8.count)
        out += "PING "; out += host; out += " ("; out += address; out += "): 56 data bytes\n"
        if reachable {
            for seq in 0..<count {
                out += "64 bytes from "; out += address; out += ": seq="; out += String(seq)
                out += " ttl=64 time=0."; out += String(100 + (seq * 37) % 800); out += " ms\n"
            }
        }
        out += "\n--- \(host) ping statistics ---\n"
        out += "\(count) packets transmitted, \(reachable ? count : 0) packets received, \(reachable ? 0 : 100)% packet loss\n"
        if reachable { out += "round-trip min/avg/max = 0.100/0.100/0.100 ms\n" }
        process.write(out)
        lab.clock.advance(by: Double(count - 1))
        return reachable ? 0 : 1
    }
}

/// busybox `nslookup` inside a container against docker's embedded DNS (recorded on the real
/// engine: the A answers, then an empty AAAA answer; nothing at all for unknown names offline).
struct NslookupProgram: SimulatedProgram {
    func run(_ process: inout ProcessContext, lab: inout Lab) -> Int32 {
        guard let name = process.arguments.dropFirst().first(where: { !$0.hasPrefix("-") }) else {
            process.writeError("BusyBox v1.36.1 multi-call binary.\n\nUsage: nslookup [-type=QUERY_TYPE] [-debug] HOST [DNS_SERVER]\n")
            return 1
        }
        let addresses = ContainerDNS(machine: lab.machine).resolve(name, turn: lab.ids.next())
        if addresses.isEmpty {
            process.write(";; connection timed out; no servers could be reached\n\n")
            return 1
        }
        var out = "Server:\t\t127.0.0.11\nAddress:\t127.0.0.11:53\n\nNon-authoritative answer:\n"
        for a in addresses { out += "Name:\t\(name)\nAddress: \(a)\n" }
        out += "\nNon-authoritative answer:\n\n"
        process.write(out)
        return 0
    }
}
