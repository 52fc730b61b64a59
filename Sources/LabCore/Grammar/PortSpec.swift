/// `-p/--publish` and `--expose` specs checked the way the docker client checks them before
/// it contacts the daemon (go-connections nat.ParsePortSpec semantics; messages seen on the
/// client, e.g. `docker run -p abc nginx` → `invalid containerPort: abc`).
enum PortSpec {
    /// nil when `raw` is a valid publish spec, else the client's message.
    static func error(_ raw: String) -> String? {
        if isPlain(raw) { return nil }
        let parts = raw.split(separator: ":", omittingEmptySubsequences: false)
        let n = parts.count
        var ip = Substring(""), hostPort = Substring("")
        let containerRaw = parts[n - 1]
        switch n {
        case 1: break
        case 2: hostPort = parts[0]
        case 3: ip = parts[0]; hostPort = parts[1]
        default:
            ip = Substring(parts[0..<(n - 2)].joined(separator: ":"))
            hostPort = parts[n - 2]
        }
        let (proto, containerPort) = splitProtoPort(containerRaw)
        if ip.first == "[" {
            guard ip.last == "]" else { return DockerMessages.ipMissingBracket(String(ip)) }
            ip = ip.dropFirst().dropLast()
        }
        if !ip.isEmpty && !IPAddress.isValid(ip) { return DockerMessages.invalidIPAddress(String(ip)) }
        if containerPort.isEmpty { return DockerMessages.noPortSpecified(raw) }
        guard let (cs, ce) = portRange(containerPort) else { return DockerMessages.invalidContainerPort(String(containerPort)) }
        if !hostPort.isEmpty {
            guard let (hs, he) = portRange(hostPort) else { return DockerMessages.invalidHostPort(String(hostPort)) }
            if ce - cs != he - hs && ce != cs {
                return DockerMessages.invalidPortRanges(String(containerPort), String(hostPort))
            }
        }
        switch proto.lowercased() {
        case "tcp", "udp", "sctp": return nil
        default: return DockerMessages.invalidProto(proto.lowercased())
        }
    }

    /// Fast path for the usual `80` and `8080:80`: digits only, valid ports.
    static func isPlain(_ raw: String) -> Bool {
        var value = 0, digits = 0, parts = 0
        for c in raw.utf8 {
            if c >= 48 && c <= 57 {
                value = value * 10 + Int(c - 48)
                digits += 1
                if digits > 5 || value > 65535 { return false }
            } else if c == 58 && digits > 0 && parts == 0 {
                parts = 1
                value = 0
                digits = 0
            } else {
                return false
            }
        }
        return digits > 0
    }

    static func splitProtoPort(_ raw: Substring) -> (Substring, Substring) {
        let parts = raw.split(separator: "/", omittingEmptySubsequences: false)
        if raw.isEmpty || parts[0].isEmpty { return ("", "") }
        if parts.count == 1 { return ("tcp", raw) }
        if parts[1].isEmpty { return ("tcp", parts[0]) }
        return (parts[1], parts[0])
    }

    static func portRange(_ s: Substring) -> (Int, Int)? {
        if s.isEmpty { return nil }
        guard let dash = s.firstIndex(of: "-") else {
            guard let v = port(s) else { return nil }
            return (v, v)
        }
        guard let a = port(s[..<dash]), let b = port(s[s.index(after: dash)...]), b >= a else { return nil }
        return (a, b)
    }

    static func port(_ s: Substring) -> Int? {
        guard !s.isEmpty, s.count <= 5, s.allSatisfy({ $0.isASCII && $0.isNumber }), let v = Int(s), v <= 65535 else { return nil }
        return v
    }

    /// `--expose` value: a port or range with an optional protocol.
    static func exposeError(_ e: String) -> String? {
        if e.contains(":") { return DockerMessages.invalidExposeFormat(e) }
        let (_, p) = splitProtoPort(Substring(e))
        let bounds = p.split(separator: "-", maxSplits: 1, omittingEmptySubsequences: false)
        var values: [Int] = []
        for part in bounds {
            if let err = GoValues.parseInteger(String(part), signed: false, bits: 16) {
                return DockerMessages.invalidExposeRange(e, DockerMessages.strconvError("ParseUint", String(part), range: err == .range))
            }
            values.append(Int(part) ?? 0)
        }
        if values.count == 2 && values[1] < values[0] {
            return DockerMessages.invalidExposeRange(e, DockerMessages.invalidPortRange(String(p)))
        }
        return nil
    }
}
