/// Turns the flags of `docker run` / `docker create` into the daemon's create request, as the
/// client does (docker/cli cli/command/container/opts.go): image, command, env (with --env-file),
/// published ports, restart policy, mounts, resources. The grammar has already validated them.
enum RunOptions {
    static func request(_ i: DockerInvocation, environment: [String: String], files: VirtualFileSystem, cwd: String) -> ContainerRequest {
        var r = ContainerRequest(image: i.arguments.first ?? "")
        if i.arguments.count > 1 { r.cmd = Array(i.arguments.dropFirst()) }
        r.name = i.value("name")
        r.entrypoint = i.value("entrypoint")
        r.hostname = i.value("hostname")
        r.workingDir = i.value("workdir")
        r.user = i.value("user")
        r.tty = i.flag("tty")
        r.openStdin = i.flag("interactive")
        r.autoRemove = i.flag("rm")
        r.publishAll = i.flag("publish-all")
        r.network = i.value("network") ?? i.value("net")
        r.networkAliases = i.values("network-alias") + i.values("net-alias")
        r.binds = i.values("volume")
        r.volumesFrom = i.values("volumes-from")
        r.mounts = i.values("mount").map(keyValues)
        r.exposedPorts = i.values("expose").map { $0.contains("/") ? $0 : $0 + "/tcp" }
        for path in i.values("env-file") {
            let text = files.contents(of: VirtualFileSystem.normalise(path, cwd: cwd)) ?? ""
            for line in text.split(separator: "\n") where !line.hasPrefix("#") && !line.allSatisfy({ $0 == " " }) {
                r.env.append(expandEnv(String(line), environment))
            }
        }
        r.env += i.values("env").map { expandEnv($0, environment) }.filter { !$0.isEmpty }
        for label in i.values("label") {
            let p = label.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            r.labels[String(p[0])] = p.count > 1 ? String(p[1]) : ""
        }
        r.portBindings = i.values("publish").flatMap(portBindings)
        if let policy = i.value("restart") {
            let p = policy.split(separator: ":", maxSplits: 1)
            r.restartPolicy = p.first.map(String.init) ?? "no"
            r.maximumRetryCount = p.count > 1 ? Int(p[1]) ?? 0 : 0
        }
        if let cmd = i.value("health-cmd") { r.healthcheck = ["CMD-SHELL", cmd] }
        if i.flag("no-healthcheck") { r.healthcheck = ["NONE"] }
        if let d = i.value("health-interval").flatMap(goDuration), d > 0 { r.healthInterval = d }
        if let n = i.value("health-retries").flatMap({ Int($0) }), n > 0 { r.healthRetries = n }
        if let d = i.value("health-timeout").flatMap(goDuration), d > 0 { r.healthTimeout = d }
        if let d = i.value("health-start-period").flatMap(goDuration), d > 0 { r.healthStartPeriod = d }
        r.privileged = i.flag("privileged")
        r.readOnly = i.flag("read-only")
        r.capAdd = i.values("cap-add")
        r.capDrop = i.values("cap-drop")
        // systempaths=unconfined is the client's own option: it is not sent (opts.go, parseSystemPaths).
        r.securityOpt = i.values("security-opt").filter { $0 != "systempaths=unconfined" }
        for t in i.values("tmpfs") {
            let kv = t.split(separator: ":", maxSplits: 1, omittingEmptySubsequences: false)
            r.tmpfs[String(kv[0])] = kv.count > 1 ? String(kv[1]) : ""
        }
        r.dns = i.values("dns")
        r.dnsSearch = i.values("dns-search")
        r.dnsOptions = i.values("dns-option") + i.values("dns-opt")
        r.extraHosts = i.values("add-host").map(extraHost)
        r.domainname = i.value("domainname")
        r.logDriver = i.value("log-driver") ?? ""
        for opt in i.values("log-opt") {
            let kv = opt.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            r.logOptions[String(kv[0])] = kv.count > 1 ? String(kv[1]) : ""
        }
        if let m = i.value("memory") { r.memory = bytes(m) }
        if let c = i.value("cpus"), let cpus = Double(c) { r.nanoCpus = Int64(cpus * 1e9) }
        return r
    }

    /// A Go duration ("30s", "1m30s", "500ms", "2h") in seconds.
    static func goDuration(_ text: String) -> Double? {
        var total = 0.0
        var number = ""
        var rest = Substring(text)
        while let ch = rest.first {
            if ch.isNumber || ch == "." { number.append(ch); rest = rest.dropFirst(); continue }
            guard let n = Double(number) else { return nil }
            let units: [(String, Double)] = [("ms", 0.001), ("us", 1e-6), ("µs", 1e-6), ("ns", 1e-9), ("h", 3600), ("m", 60), ("s", 1)]
            guard let (unit, factor) = units.first(where: { rest.hasPrefix($0.0) }) else { return nil }
            total += n * factor
            rest = rest.dropFirst(unit.count)
            number = ""
        }
        return number.isEmpty ? total : (number == "0" ? 0 : nil)
    }

    /// `-e NAME` takes NAME's value from the client's environment (dropped when unset).
    static func expandEnv(_ spec: String, _ environment: [String: String]) -> String {
        if spec.contains("=") { return spec }
        if let v = environment[spec] { return spec + "=" + v }
        return ""
    }

    /// `type=volume,source=x,target=/y,readonly` as a dictionary.
    static func keyValues(_ spec: String) -> [String: String] {
        var d: [String: String] = [:]
        for part in spec.split(separator: ",") {
            let kv = part.split(separator: "=", maxSplits: 1)
            d[String(kv[0])] = kv.count > 1 ? String(kv[1]) : "true"
        }
        return d
    }

    /// An --add-host value as the client sends it: `name:ip`, from `name=ip` or `name:ip`, an
    /// address in brackets taken out (docker/cli opts/hosts.go, ValidateExtraHost).
    static func extraHost(_ value: String) -> String {
        var parts = value.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
        if parts.count < 2 { parts = value.split(separator: ":", maxSplits: 1, omittingEmptySubsequences: false) }
        guard parts.count == 2 else { return value }
        var ip = parts[1]
        if ip.count > 2, ip.first == "[", ip.last == "]" { ip = ip.dropFirst().dropLast() }
        return parts[0] + ":" + ip
    }

    /// Whether a --mount spec is read-only: `readonly`/`ro` alone, or with a value strconv.ParseBool
    /// takes as true (docker/cli opts/mount.go).
    static func mountReadOnly(_ spec: [String: String]) -> Bool {
        guard let v = spec["readonly"] ?? spec["ro"] else { return false }
        return ["1", "t", "T", "true", "TRUE", "True"].contains(v)
    }

    /// `[ip:][hostPort:]containerPort[/proto]`, with ranges, as one binding per container port.
    static func portBindings(_ spec: String) -> [PortBinding] {
        var s = Substring(spec)
        var proto = "tcp"
        if let slash = s.lastIndex(of: "/") { proto = String(s[s.index(after: slash)...]); s = s[..<slash] }
        var parts = s.split(separator: ":", omittingEmptySubsequences: false).map(String.init)
        if s.hasPrefix("[") , let close = s.firstIndex(of: "]") {
            let ip = String(s[s.index(after: s.startIndex)..<close])
            parts = [ip] + s[s.index(after: close)...].split(separator: ":", omittingEmptySubsequences: false).dropFirst().map(String.init)
        }
        let container = parts.last ?? ""
        let host = parts.count >= 2 ? parts[parts.count - 2] : ""
        let ip = parts.count >= 3 ? parts[0] : ""
        let (low, high) = range(container)
        let (hostLow, hostHigh) = range(host)
        return (low...max(low, high)).map { port in
            var hostPort = host
            if hostLow > 0 && hostHigh > hostLow {
                hostPort = high > low ? String(hostLow + (port - low)) : host
            }
            return PortBinding(containerPort: port, proto: proto, hostIP: ip, hostPort: hostPort)
        }
    }

    static func range(_ s: String) -> (Int, Int) {
        let p = s.split(separator: "-")
        let a = p.first.flatMap { Int($0) } ?? 0
        return (a, p.count > 1 ? Int(p[1]) ?? a : a)
    }

    /// go-units RAMInBytes: a number with an optional b, k, m, g, t, p suffix (binary multiples).
    static func bytes(_ s: String) -> Int64 {
        let lower = s.lowercased()
        var digits = Substring(lower)
        var multiplier: Double = 1
        if digits.hasSuffix("b") { digits = digits.dropLast() }
        if let last = digits.last, let power = ["k": 1, "m": 2, "g": 3, "t": 4, "p": 5][last] {
            multiplier = pow1024(power)
            digits = digits.dropLast()
        }
        return Int64((Double(digits) ?? 0) * multiplier)
    }

    static func pow1024(_ n: Int) -> Double { (0..<n).reduce(1.0) { r, _ in r * 1024 } }
}
