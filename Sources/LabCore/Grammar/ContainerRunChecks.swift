/// The checks `docker run` and `docker create` make on their options before contacting the
/// daemon, in the client's order (docker/cli v28.2.2 cli/command/container/opts.go `parse`,
/// then run.go/create.go): each message was seen on the client (see DockerMessages).
enum ContainerRunChecks {
    /// The first error text, or nil when the client would go on to the daemon.
    static func firstError(_ s: ScannedFlags) -> String? {
        let o = s.options
        // one pass over the given options instead of a lookup per check
        var onlyCommon = true
        for e in o.entries where DockerFlagSpec.runCheckedNames.contains(e.name) {
            if !(e.name == "publish" || e.name == "rm" || e.name == "volume") { onlyCommon = false }
        }
        if onlyCommon { return fastPath(o) }
        if let mac = o["mac-address"]?.last, !mac.isEmpty, !isMAC(mac) { return DockerMessages.invalidMAC(mac) }
        if let sw = o["memory-swappiness"]?.last, let v = Int64(sw), v != -1, v < 0 || v > 100 {
            return DockerMessages.invalidSwappiness(sw)
        }
        for spec in o["volume"] ?? [] {
            if spec.isEmpty { return DockerMessages.emptyVolumeSpec }
            // an empty first or last section (`-v :/data`, `-v /a:/b:`); `a::b` passes the client
            if spec.hasPrefix(":") || spec.hasSuffix(":") {
                return DockerMessages.volumeEmptySection(spec)
            }
        }
        for p in o["publish"] ?? [] {
            if let e = PortSpec.error(p) { return e }
        }
        for e in o["expose"] ?? [] {
            if let m = PortSpec.exposeError(e) { return m }
        }
        if let pid = o["pid"]?.last, !(pid.isEmpty || pid == "host" || (pid.hasPrefix("container:") && pid.count > 10)) {
            return DockerMessages.invalidMode("pid", "PID")
        }
        if let uts = o["uts"]?.last, !(uts.isEmpty || uts == "host") { return DockerMessages.invalidMode("uts", "UTS") }
        if let userns = o["userns"]?.last, !(userns.isEmpty || userns == "host") { return DockerMessages.invalidMode("userns", "USER") }
        if let cg = o["cgroupns"]?.last, !(cg.isEmpty || cg == "host" || cg == "private") {
            return DockerMessages.invalidMode("cgroupns", "CGROUP")
        }
        var restartName = ""
        if let policy = o["restart"]?.last, !policy.isEmpty {
            let parts = policy.split(separator: ":", maxSplits: 1, omittingEmptySubsequences: false)
            if parts.count == 2 && parts[0].isEmpty { return DockerMessages.restartNoPolicy }
            if parts.count == 2 && !parts[1].isEmpty && Int(parts[1]) == nil { return DockerMessages.restartRetryCount }
            restartName = String(parts[0])
        }
        if o["log-driver"]?.last == "none" && !(o["log-opt"] ?? []).isEmpty { return DockerMessages.invalidLoggingOpts("none") }
        for opt in o["security-opt"] ?? [] {
            var parts = opt.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            if parts.count < 2 && parts[0] != "no-new-privileges" {
                parts = opt.split(separator: ":", maxSplits: 1, omittingEmptySubsequences: false)
            }
            if (parts.count < 2 || parts[1].isEmpty) && parts[0] != "no-new-privileges" { return DockerMessages.invalidSecurityOpt(opt) }
        }
        for opt in o["storage-opt"] ?? [] where !opt.contains("=") { return DockerMessages.invalidStorageOption }
        let healthFlags = ["health-interval", "health-timeout", "health-retries", "health-start-period", "health-start-interval"]
        if o["no-healthcheck"]?.last == "true" {
            // Any non-zero --health-* setting conflicts with --no-healthcheck (opts.go, haveHealthSettings).
            let given = !(o["health-cmd"]?.last ?? "").isEmpty || healthFlags.contains { flag in
                guard let v = o[flag]?.last else { return false }
                return flag == "health-retries" ? Int(v) != 0 : RunOptions.goDuration(v) != 0
            }
            if given { return DockerMessages.noHealthcheckConflict }
        } else {
            for flag in healthFlags {
                if let v = o[flag]?.last, v.hasPrefix("-"), v != "-0" { return DockerMessages.cannotBeNegative(flag) }
            }
        }
        if o["rm"]?.last == "true" && !(restartName.isEmpty || restartName == "no") { return DockerMessages.restartAndRm }
        let aliases = (o["network-alias"] ?? []) + (o["net-alias"] ?? [])
        if !aliases.isEmpty {
            let network = (o["network"] ?? o["net"])?.first ?? "default"
            let builtIn = ["default", "bridge", "host", "none"].contains(network) || network.hasPrefix("container:")
            if builtIn { return DockerMessages.aliasesNeedUserNetwork }
        }
        return nil
    }

    /// The usual checked options: only `-p`, `--rm` and `-v` (their checks, in the client's order).
    static func fastPath(_ o: FlagValues) -> String? {
        for spec in o["volume"] ?? [] {
            if spec.isEmpty { return DockerMessages.emptyVolumeSpec }
            if spec.hasPrefix(":") || spec.hasSuffix(":") { return DockerMessages.volumeEmptySection(spec) }
        }
        for p in o["publish"] ?? [] {
            if let e = PortSpec.error(p) { return e }
        }
        return nil
    }

    /// net.ParseMAC: 6, 8 or 20 octets separated by ':' or '-', or dotted groups of four.
    static func isMAC(_ s: String) -> Bool {
        for sep in [":", "-"] as [Character] where s.contains(sep) {
            let groups = s.split(separator: sep, omittingEmptySubsequences: false)
            return [6, 8, 20].contains(groups.count) && groups.allSatisfy { $0.count == 2 && $0.allSatisfy(\.isHexDigit) }
        }
        let groups = s.split(separator: ".", omittingEmptySubsequences: false)
        return [3, 4, 10].contains(groups.count) && groups.allSatisfy { $0.count == 4 && $0.allSatisfy(\.isHexDigit) }
    }

    /// containerd platforms.Parse: a single word must be a known OS or architecture.
    static func platformError(_ p: String) -> String? {
        let parts = p.split(separator: "/", omittingEmptySubsequences: false)
        let word = { (c: Character) in c.isASCII && (c.isLetter || c.isNumber || c == "_" || c == "-") }
        // the OS may carry a version in parentheses: `windows(10.0.17763)`
        let os = parts[0]
        let osName = os.prefix { word($0) }
        let osRest = os.dropFirst(osName.count)
        let versionOK = osRest.isEmpty || (osRest.first == "(" && osRest.last == ")" && osRest.count >= 2
            && osRest.dropFirst().dropLast().allSatisfy { word($0) || $0 == "." })
        if osName.isEmpty || !versionOK { return DockerMessages.platformBadOS(String(os), p) }
        for part in parts.dropFirst() where part.isEmpty || !part.allSatisfy({ word($0) || $0 == "." }) {
            return DockerMessages.platformBadComponent(String(part), p)
        }
        if parts.count > 3 { return DockerMessages.platformCannotParse(p) }
        if parts.count > 1 { return nil }
        let w = osName.lowercased()
        let known: Set<String> = ["aix", "android", "darwin", "macos", "dragonfly", "freebsd", "hurd", "illumos", "ios", "js", "linux",
                                  "nacl", "netbsd", "openbsd", "plan9", "solaris", "wasip1", "windows", "zos",
                                  "386", "i386", "amd64", "x86_64", "x86-64", "amd64p32", "arm", "armhf", "armel", "armbe", "arm64",
                                  "aarch64", "arm64be", "loong64", "mips", "mipsle", "mips64", "mips64le", "mips64p32", "mips64p32le",
                                  "ppc", "ppc64", "ppc64le", "riscv", "riscv64", "s390", "s390x", "sparc", "sparc64", "wasm"]
        return known.contains(w) ? nil : DockerMessages.platformUnknown(p)
    }
}
