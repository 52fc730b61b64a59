import Foundation

/// /etc/hosts and /etc/resolv.conf as the daemon writes them into a starting container (moby
/// v20.10 vendor/github.com/docker/libnetwork: sandbox_dns_unix.go, etchosts/etchosts.go,
/// resolvconf/resolvconf.go). hosts: libnetwork's default records, the --add-host ones, then a
/// line for the container's address on each network it joins. resolv.conf: the machine's own
/// (systemd-resolved's when /etc/resolv.conf names only 127.0.0.53), without loopback and, once
/// a network without IPv6 is joined, IPv6 name servers; Google's servers when none is left; on a
/// network with the embedded DNS, 127.0.0.11 with `options ndots:0` instead. With the host's
/// network the machine's files are copied as they are. (A container's files hold them for its
/// processes; they are docker's mounts, not the container's layer.)
enum ContainerNetworkFiles {
    /// etchosts.go, defaultContent.
    static let defaultHosts = "127.0.0.1\tlocalhost\n::1\tlocalhost ip6-localhost ip6-loopback\nfe00::0\tip6-localnet\n"
        + "ff00::0\tip6-mcastprefix\nff02::1\tip6-allnodes\nff02::2\tip6-allrouters\n"

    /// The embedded DNS server's address and options (libnetwork resolver.go).
    static let embeddedServer = "127.0.0.11"
    static let embeddedOptions = ["ndots:0"]

    /// The two files are mounts, not the container's layer: a build step or a commit leaves
    /// them as the image had them.
    static func restoringImageCopies(_ files: VirtualFileSystem, from image: VirtualFileSystem) -> VirtualFileSystem {
        var files = files
        files.fileMounts = nil
        for path in ["/etc/hosts", "/etc/resolv.conf"] where files.nodes[path] != image.nodes[path] { files.set(image.nodes[path], at: path) }
        return files
    }

    /// A running container joins one more network (`docker network connect`): its address is
    /// added to /etc/hosts and, on a network with the embedded DNS, resolv.conf is rebuilt from
    /// what it holds (sandbox_dns_unix.go: updateHostsFile, updateDNS, rebuildDNS).
    static func joined(_ c: inout Container, endpoint e: Endpoint, network n: Network) {
        guard c.hostConfig.networkMode != "host", !e.ipAddress.isEmpty, !n.isIngress else { return }
        let names = hostNames(c)
        c.files.set(.file((c.files.contents(of: "/etc/hosts") ?? "") + e.ipAddress + "\t" + names + "\n"), at: "/etc/hosts")
        let h = c.hostConfig
        var content = c.files.contents(of: "/etc/resolv.conf") ?? ""
        if (h.dns ?? []).isEmpty && (h.dnsSearch ?? []).isEmpty && (h.dnsOptions ?? []).isEmpty { content = filter(content, ipv6: false) }
        if n.hasEmbeddedDNS, !nameservers(content, ipv4: true, ipv6: false).contains(embeddedServer) {
            var opts = options(content)
            if !opts.contains(where: { $0.contains("ndots") }) { opts += embeddedOptions }
            content = build(dns: [embeddedServer] + nameservers(content, ipv4: false, ipv6: true), search: searchDomains(content), options: opts)
        }
        c.files.set(.file(content), at: "/etc/resolv.conf")
    }

    /// A running container leaves a network: the lines for its address there go (etchosts.Delete).
    static func left(_ c: inout Container, address: String) {
        guard !address.isEmpty, let text = c.files.contents(of: "/etc/hosts") else { return }
        let kept = text.split(separator: "\n", omittingEmptySubsequences: false).filter { !$0.hasPrefix(address + "\t") }
        c.files.set(.file(kept.joined(separator: "\n")), at: "/etc/hosts")
    }

    static func build(_ c: Container, engine: DockerEngine, hostFiles: VirtualFileSystem) -> (hosts: String, resolv: String) {
        let h = c.hostConfig
        let userDNS = !(h.dns ?? []).isEmpty || !(h.dnsSearch ?? []).isEmpty || !(h.dnsOptions ?? []).isEmpty
        // The networks joined, found once for both files.
        let joined = joinedIndices(c, engine: engine)
        if h.networkMode == "host" {
            let hosts = (h.extraHosts ?? []).isEmpty ? hostFiles.contents(of: "/etc/hosts") ?? ""
                : hostsFile(c, engine: engine, addresses: false, joined: joined)
            return (hosts, userDNS ? resolvConf(h, joined: joined, engine: engine, hostFiles: hostFiles)
                        : hostFiles.contents(of: "/etc/resolv.conf") ?? "")
        }
        return (hostsFile(c, engine: engine, addresses: true, joined: joined), resolvConf(h, joined: joined, engine: engine, hostFiles: hostFiles))
    }

    /// The networks whose endpoint writes a line or changes resolv.conf: those with an address,
    /// in the order they were joined (not the swarm's ingress), as indices of the container's
    /// endpoints and the engine's networks (found by index: `first(where:)` would copy each
    /// network out of the array to test it).
    static func joinedIndices(_ c: Container, engine: DockerEngine) -> [(endpoint: Int, network: Int)] {
        var found: [(endpoint: Int, network: Int)] = []
        for k in c.endpoints.indices where !c.endpoints[k].ipAddress.isEmpty {
            for n in engine.networks.indices where engine.networks[n].id == c.endpoints[k].networkID {
                if !engine.networks[n].isIngress { found.append((k, n)) }
                break
            }
        }
        return found
    }

    static func hostsFile(_ c: Container, engine: DockerEngine, addresses: Bool, joined: [(endpoint: Int, network: Int)]) -> String {
        let extraHosts = c.hostConfig.extraHosts ?? []
        if extraHosts.isEmpty && !addresses { return defaultHosts }
        var text = ""
        text.reserveCapacity(defaultHosts.utf8.count + 64)
        text += defaultHosts
        for extra in extraHosts {
            let kv = extra.split(separator: ":", maxSplits: 1, omittingEmptySubsequences: false)
            guard kv.count == 2 else { continue }
            // host-gateway is the default bridge's gateway (moby daemon/container_operations.go).
            let ip = kv[1] == "host-gateway" ? engine.networks.first(where: \.isDefaultBridge)?.gateway ?? "" : String(kv[1])
            text += ip + "\t" + kv[0] + "\n"
        }
        guard addresses else { return text }
        let names = hostNames(c)
        for j in joined {
            text += c.endpoints[j.endpoint].ipAddress
            text += "\t"
            text += names
            text += "\n"
        }
        return text
    }

    /// sandbox_dns_unix.go, updateHostsFile: the FQDN, and the bare name after it when the FQDN
    /// has a dot that neither begins nor ends it.
    static func hostNames(_ c: Container) -> String {
        var fqdn = c.config.hostname
        if !c.config.domainname.isEmpty { fqdn += "." + c.config.domainname }
        let dotByte = UInt8(ascii: ".")
        guard let dot = fqdn.utf8.firstIndex(of: dotByte) else { return fqdn }
        let after = fqdn.utf8.index(after: dot)
        if dot != fqdn.startIndex, after != fqdn.endIndex, fqdn.utf8[after] != dotByte { return fqdn + " " + fqdn[..<dot] }
        // A leading, trailing or doubled dot: split's rules for empty parts decide.
        return fqdn.split(separator: ".", maxSplits: 1).count == 2 ? fqdn + " " + fqdn.split(separator: ".")[0] : fqdn
    }

    static func resolvConf(_ h: HostConfig, joined: [(endpoint: Int, network: Int)], engine: DockerEngine,
                           hostFiles: VirtualFileSystem) -> String {
        let own = hostFiles.contents(of: "/etc/resolv.conf")
        // On the default bridge or none, systemd-resolved's upstream file stands for its stub
        // (resolvconf.go, Path); a user network's embedded DNS forwards to the host's own file
        // (daemon/container_operations_unix.go, setupPathsAndSandboxOptions).
        let userNetwork = !["default", "bridge", "none"].contains(h.networkMode) && !h.networkMode.hasPrefix("container:")
        let upstream = userNetwork ? nil : hostFiles.contents(of: "/run/systemd/resolve/resolv.conf")
        let embedded = joined.contains { engine.networks[$0.network].hasEmbeddedDNS }
        let custom = !(h.dns ?? []).isEmpty || !(h.dnsSearch ?? []).isEmpty || !(h.dnsOptions ?? []).isEmpty
        // Without --dns options the file follows from the host's files and the kind of networks
        // joined: worked out once per such case (parsing the host's text on every start was the
        // start's costliest step).
        let key = ResolvConfCache.Key(networks: !joined.isEmpty, embedded: embedded, own: own, upstream: upstream)
        if !custom, let known = ResolvConfCache.shared.value(key) { return known }
        var host = own ?? ""
        if !userNetwork, own != nil, nameservers(host, ipv4: true, ipv6: true) == ["127.0.0.53"] { host = upstream ?? "" }
        let result = resolvConf(host: host, custom: custom, h: h, hasNetworks: !joined.isEmpty, embedded: embedded)
        if !custom { ResolvConfCache.shared.remember(result, for: key) }
        return result
    }

    /// resolvConf's work, from the host's text.
    private static func resolvConf(host: String, custom: Bool, h: HostConfig, hasNetworks: Bool, embedded: Bool) -> String {
        var content: String
        if custom {
            content = build(dns: (h.dns ?? []).isEmpty ? nameservers(host, ipv4: true, ipv6: true) : h.dns ?? [],
                            search: (h.dnsSearch ?? []).isEmpty ? searchDomains(host) : h.dnsSearch ?? [],
                            options: (h.dnsOptions ?? []).isEmpty ? options(host) : h.dnsOptions ?? [])
        } else {
            content = filter(host, ipv6: true)
            // updateDNS on joining a network without IPv6 (none of the lab's has it).
            if hasNetworks { content = filter(content, ipv6: false) }
        }
        guard embedded else { return content }
        // rebuildDNS: the embedded server, the IPv6 servers, the search domains and options, and
        // ndots:0 unless an ndots option is there already.
        var opts = options(content)
        if !opts.contains(where: { $0.contains("ndots") }) { opts += embeddedOptions }
        return build(dns: [embeddedServer] + nameservers(content, ipv4: false, ipv6: true), search: searchDomains(content), options: opts)
    }

    /// resolvconf.Build.
    static func build(dns: [String], search: [String], options: [String]) -> String {
        var text = ""
        if !search.isEmpty, search.joined(separator: " ").trimmingSpaces != "." { text += "search " + search.joined(separator: " ") + "\n" }
        for d in dns { text += "nameserver " + d + "\n" }
        if !options.isEmpty, !options.joined(separator: " ").trimmingSpaces.isEmpty { text += "options " + options.joined(separator: " ") + "\n" }
        return text
    }

    /// FilterResolvDNS: drops each `nameserver` line (at a line's start) for a loopback address,
    /// and for an IPv6 one unless `ipv6`, with the white space and newlines after it (the regular
    /// expressions' `\s*\n*`); with no name server left, Google's are added after a newline.
    static func filter(_ text: String, ipv6: Bool) -> String {
        let b = Array(text.utf8)
        func space(_ c: UInt8) -> Bool { c == 32 || c == 9 || c == 10 || c == 13 || c == 11 || c == 12 }
        var out: [UInt8] = []
        out.reserveCapacity(b.count)
        var i = 0
        while i < b.count {
            if i == 0 || b[i - 1] == 10, b[i...].starts(with: Array("nameserver".utf8)) {
                var j = i + 10
                let gap = j
                while j < b.count, space(b[j]) { j += 1 }
                var k = j
                while k < b.count, !space(b[k]) { k += 1 }
                let ip = String(decoding: b[j..<k], as: UTF8.self)
                if j > gap, isLoopback(ip) || (!ipv6 && isIPv6(ip)) {
                    while k < b.count, space(b[k]) { k += 1 }
                    i = k
                    continue
                }
            }
            out.append(b[i])
            i += 1
        }
        var cleaned = String(decoding: out, as: UTF8.self)
        if nameservers(cleaned, ipv4: true, ipv6: true).isEmpty {
            var dns = ["nameserver 8.8.8.8", "nameserver 8.8.4.4"]
            if ipv6 { dns += ["nameserver 2001:4860:4860::8888", "nameserver 2001:4860:4860::8844"] }
            cleaned += "\n" + dns.joined(separator: "\n")
        }
        return cleaned
    }

    static func isLoopback(_ ip: String) -> Bool {
        if ip == "::1" { return true }
        let parts = ip.split(separator: ".", omittingEmptySubsequences: false)
        return parts.count == 4 && parts[0] == "127" && parts.allSatisfy { !$0.isEmpty && $0.count <= 3 && $0.allSatisfy(\.isNumber) }
    }

    /// resolvconf.go's ipv6Address: two to seven groups of up to four hex digits ending in ':',
    /// a last group, and an optional %zone.
    static func isIPv6(_ ip: String) -> Bool {
        let address = ip.split(separator: "%", maxSplits: 1).first ?? ""
        let groups = address.split(separator: ":", omittingEmptySubsequences: false)
        return (3...8).contains(groups.count) && groups.allSatisfy { $0.count <= 4 && $0.allSatisfy(\.isHexDigit) }
    }

    /// The lines of a resolv.conf with `#` comments cut off (getLines).
    static func lines(_ text: String) -> [[Substring]] {
        text.split(separator: "\n").map { line in
            let cut = line.firstIndex(of: "#").map { line[..<$0] } ?? line[...]
            return cut.split(whereSeparator: { $0 == " " || $0 == "\t" })
        }
    }

    /// GetNameservers of either family.
    static func nameservers(_ text: String, ipv4: Bool, ipv6: Bool) -> [String] {
        lines(text).compactMap { w in
            guard w.count == 2, w[0] == "nameserver" else { return nil }
            let ip = String(w[1])
            return (isIPv6(ip) ? ipv6 : ipv4) ? ip : nil
        }
    }

    /// GetSearchDomains and GetOptions: the last such line's words.
    static func searchDomains(_ text: String) -> [String] { lines(text).last { $0.first == "search" }?.dropFirst().map(String.init) ?? [] }
    static func options(_ text: String) -> [String] { lines(text).last { $0.first == "options" }?.dropFirst().map(String.init) ?? [] }
}

private extension String {
    var trimmingSpaces: Substring {
        var s = self[...]
        while s.first == " " { s = s.dropFirst() }
        while s.last == " " { s = s.dropLast() }
        return s
    }
}

/// The resolv.conf contents already worked out, by case (see resolvConf). Thread-safe, bounded.
/// The cases are few and compared one by one: the host's files are usually the very strings
/// compared before, which compare equal at once, where hashing them would read them whole.
final class ResolvConfCache: @unchecked Sendable {
    /// A case: the kind of networks joined and the host's two files.
    struct Key: Equatable {
        var networks: Bool
        var embedded: Bool
        var own: String?
        var upstream: String?
    }

    static let shared = ResolvConfCache()
    private let lock = NSLock()
    private var entries: [(key: Key, value: String)] = []

    func value(_ key: Key) -> String? {
        lock.lock()
        defer { lock.unlock() }
        for e in entries where e.key == key { return e.value }
        return nil
    }

    func remember(_ value: String, for key: Key) {
        lock.lock()
        defer { lock.unlock() }
        if entries.count >= 32 { entries.removeFirst() }
        entries.append((key, value))
    }
}
