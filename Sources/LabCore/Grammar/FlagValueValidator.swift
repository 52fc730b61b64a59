import Foundation

/// Client-side validation of typed flag values, as the docker 28.2.2 client's pflag value
/// types do it when the flag is set (messages in DockerMessages, each seen on the client).
/// Values the client leaves to the daemon (`--restart foo`, `-v a:b:c:d`, `--ip bogus`) pass.
enum FlagValueValidator {
    /// Returns the error text after `invalid argument "V" for "F" flag: `, or nil when valid.
    static func validate(_ flag: DockerFlagSpec, _ value: String) -> String? {
        switch flag.kind {
        case .bool:
            return nil
        case .text:
            return validateNamedList(flag.long, value)
        case .int:
            return integerError(value, signed: true, bits: 64, name: "ParseInt")
        case .int32:
            return integerError(value, signed: true, bits: 32, name: "ParseInt")
        case .uint:
            return integerError(value, signed: false, bits: 64, name: "ParseUint")
        case .uint16:
            return integerError(value, signed: false, bits: 16, name: "ParseUint")
        case .uint32:
            return integerError(value, signed: false, bits: 32, name: "ParseUint")
        case .float:
            return GoValues.parseFloat(Substring(value)) == nil ? DockerMessages.strconvError("ParseFloat", value, range: false) : nil
        case .duration:
            return GoValues.durationError(value)
        case .swapBytes:
            return value == "-1" ? nil : sizeError(value)
        case .bytes:
            return sizeError(value)
        case .decimal:
            return decimalError(value)
        case .filter:
            return value.isEmpty || value.utf8.contains(UInt8(ascii: "=")) ? nil : DockerMessages.badFilterFormat
        case .ulimit:
            return ulimitError(value)
        case .mount:
            return mountError(value)
        case .port:
            if value.utf8.contains(UInt8(ascii: "=")) {
                // docker/cli opts/port.go, the long form: a target port is required (Fixtures/swarm 04).
                let keys = value.split(separator: ",").map { $0.split(separator: "=", maxSplits: 1).first ?? "" }
                return keys.contains("target") ? nil : "missing mandatory field 'target'"
            }
            return PortSpec.error(value)
        }
    }

    /// Text-typed flags whose values the client checks when they are set.
    static func checksText(_ long: String) -> Bool {
        switch long {
        case "add-host", "dns", "link", "sysctl", "attach", "gpus", "blkio-weight-device", "device-read-bps", "device-read-iops",
             "device-write-bps", "device-write-iops", "device-cgroup-rule", "placement-pref", "placement-pref-add",
             "placement-pref-rm", "generic-resource", "generic-resource-add", "credential-spec", "host", "host-add", "dns-add",
             "default-addr-pool", "external-ca", "docker", "dns-search", "dns-search-add", "tag":
            return true
        default: return false
        }
    }

    /// opts.ValidateDNSSearch: "." or a domain whose labels are letters, digits and inner
    /// hyphens, the last one starting with a letter.
    static func isSearchDomain(_ raw: String) -> Bool {
        let v = raw.trimmingCharacters(in: .init(charactersIn: " "))
        if v == "." { return true }
        guard v.count < 255, v.contains(where: { $0.isASCII && $0.isLetter }) else { return false }
        let labels = v.split(separator: ".", omittingEmptySubsequences: false)
        for (i, l) in labels.enumerated() {
            guard let f = l.first, let e = l.last, l.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-") }),
                  f != "-", e != "-" else { return false }
            if i == labels.count - 1 && !f.isLetter { return false }
        }
        return true
    }

    /// `type major:minor mode`, e.g. `c 1:3 mr` (docker/cli opts.go deviceCgroupRuleRegexp).
    static func isCgroupRule(_ v: String) -> Bool {
        let parts = v.split(separator: " ", omittingEmptySubsequences: false)
        guard parts.count == 3, ["a", "b", "c"].contains(parts[0]) else { return false }
        let mm = parts[1].split(separator: ":", omittingEmptySubsequences: false)
        let num = { (s: Substring) in s == "*" || (!s.isEmpty && s.allSatisfy { $0.isASCII && $0.isNumber }) }
        return mm.count == 2 && num(mm[0]) && num(mm[1]) && (1...3).contains(parts[2].count) && parts[2].allSatisfy { "rwm".contains($0) }
    }

    private static func validateNamedList(_ long: String, _ value: String) -> String? {
        switch long {
        case "blkio-weight-device", "device-read-bps", "device-read-iops", "device-write-bps", "device-write-iops":
            return value.contains(":") ? nil : DockerMessages.badFormat(value)
        case "device-cgroup-rule":
            return isCgroupRule(value) ? nil : DockerMessages.badCgroupRule(value)
        case "placement-pref", "placement-pref-add", "placement-pref-rm":
            return value.contains("=") ? nil : DockerMessages.badPlacementPref
        case "generic-resource", "generic-resource-add":
            return value.contains("=") ? nil : DockerMessages.badGenericResource(value)
        case "credential-spec":
            return value.hasPrefix("config://") || value.hasPrefix("file://") || value.hasPrefix("registry://") ? nil : DockerMessages.badCredentialSpec
        case "host", "host-add":
            return validateNamedList("add-host", value)
        case "dns-add":
            return validateNamedList("dns", value)
        case "dns-search", "dns-search-add":
            return isSearchDomain(value) ? nil : DockerMessages.notValidDomain(value)
        case "tag":
            return ImageReference.error(value)
        case "default-addr-pool":
            let parts = value.split(separator: "/", omittingEmptySubsequences: false)
            let ok = parts.count == 2 && IPAddress.isValid(parts[0]) && Int(parts[1]).map { $0 >= 0 && $0 <= (parts[0].contains(":") ? 128 : 32) } == true
            return ok ? nil : DockerMessages.badCIDR(value)
        case "external-ca":
            for field in value.split(separator: ",", omittingEmptySubsequences: false) where !field.contains("=") {
                return DockerMessages.mountFieldNotKeyValue(String(field))
            }
            return nil
        case "docker":
            for field in value.split(separator: ",", omittingEmptySubsequences: false) where !field.contains("=") {
                return DockerMessages.notKeyValue(String(field))
            }
            return nil
        case "add-host":
            var parts = value.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            if parts.count < 2 { parts = value.split(separator: ":", maxSplits: 1, omittingEmptySubsequences: false) }
            if parts.count < 2 || parts[0].isEmpty { return DockerMessages.badAddHost(value) }
            var ip = parts[1]
            if ip == "host-gateway" { return nil }
            if ip.first == "[" && ip.last == "]" { ip = ip.dropFirst().dropLast() }
            return IPAddress.isValid(ip) ? nil : DockerMessages.badAddHostIP(String(parts[1]))
        case "dns":
            return IPAddress.isValid(Substring(value)) ? nil : DockerMessages.badIPAddress(value)
        case "link":
            if value.isEmpty { return nil }
            return value.split(separator: ":", omittingEmptySubsequences: false).count > 2 ? DockerMessages.badLink(value) : nil
        case "sysctl":
            guard let eq = value.firstIndex(of: "="), eq != value.startIndex else { return DockerMessages.sysctlNotAllowed(value) }
            let k = value[..<eq]
            let allowed: Set<Substring> = ["kernel.msgmax", "kernel.msgmnb", "kernel.msgmni", "kernel.sem", "kernel.shmall",
                                            "kernel.shmmax", "kernel.shmmni", "kernel.shm_rmid_forced"]
            if allowed.contains(k) || k.hasPrefix("net.") || k.hasPrefix("fs.mqueue.") { return nil }
            return DockerMessages.sysctlNotAllowed(value)
        case "attach":
            switch value.lowercased() {
            case "stdin", "stdout", "stderr": return nil
            default: return DockerMessages.validStreams
            }
        case "gpus":
            if value.contains("=") || value.contains(",") || value == "all" { return nil }
            return GoValues.parseInteger(value, signed: true, bits: 64) == nil ? nil : DockerMessages.badGPUCount(value)
        default:
            return nil
        }
    }

    private static func integerError(_ v: String, signed: Bool, bits: Int, name: String) -> String? {
        guard let e = GoValues.parseInteger(v, signed: signed, bits: bits) else { return nil }
        return DockerMessages.strconvError(name, v, range: e == .range)
    }

    /// docker/go-units v0.5.0 parseSize (RAMInBytes), the version docker 28.2.2 vendors.
    static func sizeError(_ s: String) -> String? {
        guard let sep = s.lastIndex(where: { ("0"..."9").contains($0) || $0 == "." || $0 == " " }) else {
            return DockerMessages.invalidSize(s)
        }
        let num = s[s[sep] == " " ? s.startIndex..<sep : s.startIndex..<s.index(after: sep)]
        let sfx = s[s.index(after: sep)...]
        guard let size = GoValues.parseFloat(num) else { return DockerMessages.strconvError("ParseFloat", String(num), range: false) }
        if size < 0 { return DockerMessages.invalidSize(s) }
        if sfx.isEmpty { return nil }
        let lower = sfx.lowercased()
        let chars = Array(lower)
        if chars.count > 3 { return DockerMessages.invalidSuffix(lower) }
        if chars[0] == "b" { return chars.count > 1 ? DockerMessages.invalidSuffix(lower) : nil }
        guard "kmgtp".contains(chars[0]) else { return DockerMessages.invalidSuffix(lower) }
        if chars.count == 2 && chars[1] != "b" { return DockerMessages.invalidSuffix(lower) }
        if chars.count == 3 && String(chars[1...]) != "ib" { return DockerMessages.invalidSuffix(lower) }
        return nil
    }

    /// opts.NanoCPUs: a rational number (big.Rat syntax), at most nanosecond precision.
    static func decimalError(_ s: String) -> String? {
        if let slash = s.firstIndex(of: "/") {
            let a = s[..<slash], b = s[s.index(after: slash)...]
            let ok = GoValues.parseInt10(a.first == "+" ? a.dropFirst() : a) != nil && !b.isEmpty && b.allSatisfy { $0.isASCII && $0.isNumber }
            return ok ? nil : DockerMessages.notRational(s)
        }
        if GoValues.parseInteger(s, signed: true, bits: 64) == nil { return nil }  // big.Rat takes 0x… integers too
        guard GoValues.parseFloat(Substring(s)) != nil, !s.lowercased().contains("n") else { return DockerMessages.notRational(s) }
        var mantissa = Substring(s), exp = 0
        if let e = s.firstIndex(where: { $0 == "e" || $0 == "E" }) {
            mantissa = s[..<e]
            exp = Int(s[s.index(after: e)...]) ?? 0
        }
        // digits after the point once the value is written out; more than 9 is finer than 1e-9
        var digits = mantissa.filter { $0.isASCII && $0.isNumber }
        var scale = (mantissa.firstIndex(of: ".").map { mantissa.distance(from: $0, to: mantissa.endIndex) - 1 } ?? 0) - exp
        while scale > 0, digits.last == "0" { digits.removeLast(); scale -= 1 }
        return scale > 9 && digits.contains(where: { $0 != "0" }) ? DockerMessages.tooPrecise : nil
    }

    static func ulimitError(_ s: String) -> String? {
        guard let eq = s.firstIndex(of: "=") else { return DockerMessages.invalidUlimitArgument(s) }
        let name = s[..<eq], val = s[s.index(after: eq)...]
        let known: Set<Substring> = ["core", "cpu", "data", "fsize", "locks", "memlock", "msgqueue", "nice", "nofile",
                                     "nproc", "rss", "rtprio", "rttime", "sigpending", "stack"]
        guard known.contains(name) else { return DockerMessages.invalidUlimitType(String(name)) }
        let limits = val.split(separator: ":", omittingEmptySubsequences: false)
        if limits.count > 2 { return DockerMessages.tooManyUlimitValues(String(val)) }
        let softStr = limits[0]
        let hardStr: Substring? = limits.count == 2 ? limits[1] : nil
        var hard: Int64? = nil
        if let h = hardStr {
            guard let hv = GoValues.parseInt10(h) else { return DockerMessages.strconvError("ParseInt", String(h), range: false) }
            hard = hv
        }
        guard let soft = GoValues.parseInt10(softStr) else { return DockerMessages.strconvError("ParseInt", String(softStr), range: false) }
        let h = hard ?? soft
        if h != -1 {
            if soft == -1 { return DockerMessages.ulimitUnlimitedSoft(h) }
            if soft > h { return DockerMessages.ulimitSoftAboveHard(soft, h) }
        }
        return nil
    }

    /// The two --mount errors learners meet most (a field without `=`, no target).
    static func mountError(_ s: String) -> String? {
        if s.isEmpty { return DockerMessages.mountEOF }
        var hasTarget = false
        for field in s.split(separator: ",", omittingEmptySubsequences: false) {
            guard let eq = field.firstIndex(of: "=") else {
                let key = field.lowercased()
                if key == "readonly" || key == "ro" { continue }
                return DockerMessages.mountFieldNotKeyValue(String(field))
            }
            switch field[..<eq].lowercased() {
            case "target", "dst", "destination": hasTarget = true
            default: break
            }
        }
        return hasTarget ? nil : DockerMessages.mountTargetRequired
    }
}

/// IPv4/IPv6 literal check (Go net.ParseIP's accepted forms).
enum IPAddress {
    static func isValid(_ s: Substring) -> Bool {
        if s.contains(":") { return isV6(s) }
        let parts = s.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count == 4 else { return false }
        for p in parts {
            guard !p.isEmpty, p.count <= 3, p.allSatisfy({ $0.isASCII && $0.isNumber }), let v = Int(p), v <= 255 else { return false }
            if p.count > 1 && p.first == "0" { return false }
        }
        return true
    }

    static func isV6(_ s: Substring) -> Bool {
        let dbl = s.components(separatedBy: "::")
        if dbl.count > 2 { return false }
        var groups = 0
        for half in dbl where !half.isEmpty {
            let parts = half.split(separator: ":", omittingEmptySubsequences: false)
            for (i, p) in parts.enumerated() {
                if i == parts.count - 1 && p.contains(".") {
                    if !isValid(p) { return false }
                    groups += 2
                    continue
                }
                guard !p.isEmpty, p.count <= 4, p.allSatisfy({ $0.isHexDigit }) else { return false }
                groups += 1
            }
        }
        return dbl.count == 2 ? groups < 8 : groups == 8
    }
}
