/// What the client refuses once it knows the daemon's API version (1.41, the oracle's Engine
/// 20.10): flags and commands annotated with a newer version (docker/cli v28.2.2
/// cmd/docker/docker.go, areFlagsSupported and areSubcommandsSupported). The check needs the
/// daemon, so it comes after DOCKER_HOST is found reachable; without a daemon the client lets
/// these flags through (the recorded seed verdicts).
enum APIVersionCheck {
    /// Flags annotated with an API version above 1.41, by command (the annotations of docker/cli
    /// v28.2.2: container/opts.go, image/history.go, inspect.go, list.go, load.go, push.go,
    /// remove.go, save.go, service/create.go, update.go, opts.go, volume/create.go, list.go,
    /// prune.go, update.go).
    static let flags: [String: [String: String]] = [
        "container run": ["annotation": "1.43", "health-start-interval": "1.44"],
        "container create": ["annotation": "1.43", "health-start-interval": "1.44"],
        "image history": ["platform": "1.48"],
        "image inspect": ["platform": "1.49"],
        "image ls": ["tree": "1.47"],
        "image load": ["platform": "1.48"],
        "image push": ["platform": "1.46"],
        "image rm": ["platform": "1.50"],
        "image save": ["platform": "1.48"],
        "service create": ["oom-score-adj": "1.46", "health-start-interval": "1.44"],
        "service update": ["oom-score-adj": "1.46", "health-start-interval": "1.44"],
        "volume create": ["group": "1.42", "scope": "1.42", "sharing": "1.42", "availability": "1.42", "type": "1.42",
                          "secret": "1.42", "limit-bytes": "1.42", "required-bytes": "1.42", "topology-required": "1.42",
                          "topology-preferred": "1.42"],
        "volume ls": ["cluster": "1.42"],
        "volume prune": ["all": "1.42"],
        "volume update": ["availability": "1.42"],
    ]

    /// Commands annotated with a newer API version (volume/update.go).
    static let commands: [String: String] = ["volume update": "1.42"]

    /// The refusal (one line per unsupported flag, in pflag's sorted order), or nil.
    static func refusal(_ i: DockerInvocation, apiVersion: String = VersionInfo.apiVersion) -> String? {
        // Few commands are annotated: compared one by one rather than hashing every command's path.
        for (command, needed) in commands where command == i.pathKey && newer(needed, than: apiVersion) {
            return "docker \(i.path.joined(separator: " ")) requires API version \(needed), but the Docker daemon API version is \(apiVersion)\n"
        }
        guard !i.options.isEmpty, let annotated = flags[i.pathKey] else { return nil }
        // Only the flags given are looked at (most commands give none of them).
        var lines: [String] = []
        for (name, needed) in annotated where i.options[name] != nil && newer(needed, than: apiVersion) {
            lines.append("\"--\(name)\" requires API version \(needed), but the Docker daemon API version is \(apiVersion)\n")
        }
        // pflag's order is the flags' names sorted; the lines differ first where the names do.
        return lines.isEmpty ? nil : lines.sorted().joined()
    }

    /// Whether dotted version `a` is above `b` (moby api/types/versions).
    static func newer(_ a: String, than b: String) -> Bool {
        let x = a.split(separator: ".").map { Int($0) ?? 0 }, y = b.split(separator: ".").map { Int($0) ?? 0 }
        for k in 0..<max(x.count, y.count) {
            let (p, q) = (k < x.count ? x[k] : 0, k < y.count ? y[k] : 0)
            if p != q { return p > q }
        }
        return false
    }
}
