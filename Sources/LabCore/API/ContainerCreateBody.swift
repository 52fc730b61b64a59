/// The body of `POST /containers/create` (the API's Config with HostConfig and NetworkingConfig)
/// read into the engine's `ContainerRequest`, the same request `docker run` builds from its
/// flags, and back into those flags for the session's history.
enum ContainerCreateBody {
    /// The request for a body and the `?name=` parameter.
    static func request(_ body: JSONValue?, name: String?) throws(APIError) -> ContainerRequest {
        let body = body ?? .object(JSONObject())
        guard let image = body["Image"]?.stringValue, !image.isEmpty else {
            // moby daemon/create.go: no image at all.
            throw .invalid("No image was specified")
        }
        var r = ContainerRequest(image: image)
        if let name, !name.isEmpty { r.name = name.hasPrefix("/") ? String(name.dropFirst()) : name }
        // moby's merge with the image: an empty command is the image's.
        r.cmd = strings(body["Cmd"]).flatMap { $0.isEmpty ? nil : $0 }
        if let entry = strings(body["Entrypoint"]) {
            r.entrypoint = entry.first ?? ""
            if entry.count > 1 { r.cmd = Array(entry.dropFirst()) + (r.cmd ?? []) }
        }
        r.env = strings(body["Env"]) ?? []
        r.hostname = nonEmpty(body["Hostname"])
        r.workingDir = nonEmpty(body["WorkingDir"])
        r.user = nonEmpty(body["User"])
        r.labels = stringMap(body["Labels"])
        r.exposedPorts = keys(body["ExposedPorts"]).map(portKey)
        r.tty = body["Tty"] == .bool(true)
        r.openStdin = body["OpenStdin"] == .bool(true)
        if let test = strings(body["Healthcheck"]?["Test"]), !test.isEmpty {
            r.healthcheck = test
            if case .int(let ns)? = body["Healthcheck"]?["Interval"], ns > 0 { r.healthInterval = Double(ns) / 1e9 }
            if case .int(let n)? = body["Healthcheck"]?["Retries"], n > 0 { r.healthRetries = Int(n) }
        }
        // Anonymous volumes (`-v /data`) come as Config.Volumes; named ones and binds as HostConfig.Binds.
        r.binds = keys(body["Volumes"])
        let host = body["HostConfig"] ?? .object(JSONObject())
        r.binds += strings(host["Binds"]) ?? []
        if case .object(let bindings)? = host["PortBindings"] {
            for entry in bindings.entries {
                let key = portKey(entry.key)
                let (port, proto) = PortDisplay.split(key)
                guard case .array(let list) = entry.value, !list.isEmpty else {
                    r.portBindings.append(PortBinding(containerPort: port, proto: proto, hostIP: "", hostPort: ""))
                    continue
                }
                for b in list {
                    r.portBindings.append(PortBinding(containerPort: port, proto: proto, hostIP: b["HostIp"]?.stringValue ?? "",
                                                      hostPort: b["HostPort"]?.stringValue ?? ""))
                }
            }
        }
        r.publishAll = host["PublishAllPorts"] == .bool(true)
        if let policy = host["RestartPolicy"]?["Name"]?.stringValue, !policy.isEmpty { r.restartPolicy = policy }
        if case .int(let n)? = host["RestartPolicy"]?["MaximumRetryCount"] { r.maximumRetryCount = Int(n) }
        r.autoRemove = host["AutoRemove"] == .bool(true)
        if let mode = nonEmpty(host["NetworkMode"]), mode != "default" { r.network = mode }
        r.volumesFrom = strings(host["VolumesFrom"]) ?? []
        if case .int(let m)? = host["Memory"] { r.memory = m }
        if case .int(let n)? = host["NanoCpus"] { r.nanoCpus = n }
        if case .array(let mounts)? = host["Mounts"] {
            for m in mounts {
                var spec: [String: String] = ["type": (m["Type"]?.stringValue ?? "volume").lowercased()]
                if let s = nonEmpty(m["Source"]) { spec["source"] = s }
                if let t = m["Target"]?.stringValue { spec["target"] = t }
                if m["ReadOnly"] == .bool(true) { spec["readonly"] = "true" }
                r.mounts.append(spec)
            }
        }
        if case .object(let endpoints)? = body["NetworkingConfig"]?["EndpointsConfig"] {
            // The client names the network mode's endpoint, "default" when none was asked for.
            for e in endpoints.entries where e.key != "default" {
                if r.network == nil { r.network = e.key }
                r.networkAliases += strings(e.value["Aliases"]) ?? []
            }
        }
        return r
    }

    /// The `docker create` words (flags, image, command) that ask for the same container.
    static func arguments(_ r: ContainerRequest) -> [String] {
        var a: [String] = []
        if let name = r.name { a += ["--name", name] }
        if r.openStdin { a.append("-i") }
        if r.tty { a.append("-t") }
        if r.autoRemove { a.append("--rm") }
        if let h = r.hostname { a += ["--hostname", h] }
        if let u = r.user { a += ["--user", u] }
        if let w = r.workingDir { a += ["--workdir", w] }
        for e in r.env { a += ["-e", e] }
        for key in r.labels.keys.sorted() { a += ["--label", key + "=" + (r.labels[key] ?? "")] }
        for b in r.portBindings {
            var spec = b.hostPort.isEmpty ? "" : b.hostPort + ":"
            if !b.hostIP.isEmpty { spec = b.hostIP + ":" + spec }
            a += ["-p", spec + String(b.containerPort) + (b.proto == "tcp" ? "" : "/" + b.proto)]
        }
        if r.publishAll { a.append("-P") }
        for p in r.exposedPorts where !r.portBindings.contains(where: { $0.key == p }) { a += ["--expose", p] }
        for b in r.binds { a += ["-v", b] }
        for m in r.mounts {
            a += ["--mount", m.keys.sorted().map { $0 == "readonly" ? $0 : $0 + "=" + (m[$0] ?? "") }.joined(separator: ",")]
        }
        for v in r.volumesFrom { a += ["--volumes-from", v] }
        if let n = r.network { a += ["--network", n] }
        for alias in r.networkAliases { a += ["--network-alias", alias] }
        if r.restartPolicy != "no" {
            a += ["--restart", r.restartPolicy + (r.maximumRetryCount > 0 ? ":\(r.maximumRetryCount)" : "")]
        }
        if r.memory > 0 { a += ["--memory", "\(r.memory)b"] }
        if r.nanoCpus > 0 { a += ["--cpus", GoFloatFormat.formatV(Double(r.nanoCpus) / 1e9)] }
        if let test = r.healthcheck {
            if test == ["NONE"] { a.append("--no-healthcheck") } else if test.first == "CMD-SHELL" {
                a += ["--health-cmd", test.dropFirst().joined(separator: " ")]
            }
        }
        if let e = r.entrypoint { a += ["--entrypoint", e] }
        a.append(r.image)
        a += r.cmd ?? []
        return a
    }

    static func strings(_ v: JSONValue?) -> [String]? {
        guard case .array(let list)? = v else { return nil }
        return list.compactMap(\.stringValue)
    }

    static func stringMap(_ v: JSONValue?) -> [String: String] {
        guard case .object(let o)? = v else { return [:] }
        return Dictionary(o.entries.compactMap { e in e.value.stringValue.map { (e.key, $0) } }, uniquingKeysWith: { $1 })
    }

    static func keys(_ v: JSONValue?) -> [String] {
        guard case .object(let o)? = v else { return [] }
        return o.keys
    }

    static func nonEmpty(_ v: JSONValue?) -> String? {
        guard let s = v?.stringValue, !s.isEmpty else { return nil }
        return s
    }

    /// "80" is "80/tcp".
    static func portKey(_ key: String) -> String { key.contains("/") ? key : key + "/tcp" }
}
