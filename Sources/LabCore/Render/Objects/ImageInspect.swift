/// `docker image inspect`: the Engine API's image JSON (Engine 20.10) of a local image, shaped
/// like the oracle's stand-ins (imported images: "Imported from -", empty ContainerConfig).
public enum ImageInspect {
    /// The engine's version string in DockerVersion (the oracle runs Debian's 20.10.24).
    static let dockerVersion = "20.10.24+dfsg1"

    /// The overlay2 directory of an image's top layer, derived from its id.
    static func layerDirectory(_ imageID: String) -> String { StableHash.hex("image-layer:" + imageID) }

    /// The tags' repositories keep their digests; a digest whose repository lost every tag was
    /// untagged with it (as `docker rmi` reports).
    public static func repoDigests(_ image: LocalImage) -> [String] {
        image.repoDigests.filter { d in
            guard let at = d.firstIndex(ascii: UInt8(ascii: "@")) else { return true }
            let repo = d[..<at]
            return image.repoTags.contains { ImageName($0).repository == repo }
        }
    }

    public static func json(_ image: LocalImage) -> JSONValue {
        let dir = "/var/lib/docker/overlay2/" + layerDirectory(image.id)
        var o = JSONObject()
        o["Id"] = .string(image.id)
        o["RepoTags"] = .array(image.repoTags.map { .string($0) })
        o["RepoDigests"] = .array(repoDigests(image).map { .string($0) })
        o["Parent"] = .string(image.built?.parent ?? "")
        o["Comment"] = .string(image.built.map { $0.comment ?? "" } ?? "Imported from -")
        o["Created"] = .string(DockerTime.rfc3339Nano(image.created))
        o["Container"] = ""
        o["ContainerConfig"] = config(image, container: true)
        o["DockerVersion"] = .string(dockerVersion)
        o["Author"] = .string(image.built?.author ?? "")
        o["Config"] = config(image, container: false)
        o["Architecture"] = "amd64"
        o["Os"] = "linux"
        o["Size"] = .int(image.size)
        o["VirtualSize"] = .int(image.size)
        o["GraphDriver"] = [
            "Data": ["MergedDir": .string(dir + "/merged"), "UpperDir": .string(dir + "/diff"), "WorkDir": .string(dir + "/work")],
            "Name": "overlay2",
        ]
        o["RootFS"] = ["Type": "layers", "Layers": [.string("sha256:" + StableHash.hex("rootfs-layer"))]]
        o["Metadata"] = ["LastTagTime": .string(DockerTime.zero)]
        return .object(o)
    }

    /// The image's Config (or its empty ContainerConfig, as an imported image has).
    static func config(_ image: LocalImage, container: Bool) -> JSONValue {
        var o = JSONObject()
        o["Hostname"] = ""
        o["Domainname"] = ""
        o["User"] = .string(container ? "" : image.built?.user ?? "")
        o["AttachStdin"] = false
        o["AttachStdout"] = false
        o["AttachStderr"] = false
        if !container, !image.exposedPorts.isEmpty { o["ExposedPorts"] = ContainerInspect.set(image.exposedPorts) }
        o["Tty"] = false
        o["OpenStdin"] = false
        o["StdinOnce"] = false
        o["Env"] = container || image.env.isEmpty ? .null : ContainerInspect.strings(image.env)
        o["Cmd"] = container ? .null : ContainerInspect.strings(image.cmd)
        if !container, let built = image.built, let hc = built.healthcheck {
            // What the HEALTHCHECK gave, in nanoseconds; unset options are left out.
            var h: JSONObject = ["Test": ContainerInspect.strings(hc)]
            for (key, seconds) in [("Interval", built.healthInterval), ("Timeout", built.healthTimeout), ("StartPeriod", built.healthStartPeriod)] {
                if let seconds, seconds > 0 { h[key] = .int(Int64((seconds * 1e9).rounded())) }
            }
            if let r = built.healthRetries, r > 0 { h["Retries"] = .int(Int64(r)) }
            o["Healthcheck"] = .object(h)
        }
        o["Image"] = ""
        o["Volumes"] = container || image.volumes.isEmpty ? .null : ContainerInspect.set(image.volumes)
        o["WorkingDir"] = .string(container ? "" : image.workingDir)
        o["Entrypoint"] = container ? .null : ContainerInspect.strings(image.entrypoint)
        let built = container ? nil : image.built
        o["OnBuild"] = built.map { $0.onBuild.isEmpty ? .null : ContainerInspect.strings($0.onBuild) } ?? .null
        o["Labels"] = built.map { $0.labels.isEmpty ? .null : ContainerInspect.map($0.labels) } ?? .null
        if let signal = built?.stopSignal { o["StopSignal"] = .string(signal) }
        if let shell = built?.shell { o["Shell"] = ContainerInspect.strings(shell) }
        return .object(o)
    }
}

/// `docker network inspect`: the Engine API's network JSON (Engine 20.10), with the containers
/// that have an address on it.
public enum NetworkInspect {
    public static func json(_ n: Network, engine: DockerEngine) -> JSONValue {
        var ipamConfig: [JSONValue] = []
        if let subnet = n.subnet {
            var entry = JSONObject()
            entry["Subnet"] = .string(subnet)
            if let gateway = n.gateway { entry["Gateway"] = .string(gateway) }
            ipamConfig.append(.object(entry))
        }
        var containers: [(String, JSONValue)] = []
        // Running containers with an endpoint here (on host and none: without an address).
        let addressless = n.driver == "host" || n.driver == "null"
        for c in engine.containers where c.state.running {
            for e in c.endpoints where e.networkID == n.id && (!e.ipAddress.isEmpty || addressless) {
                containers.append((c.id, [
                    "Name": .string(c.name), "EndpointID": .string(ContainerInspect.endpointID(e, c)), "MacAddress": .string(e.macAddress),
                    "IPv4Address": .string(e.ipAddress.isEmpty ? "" : e.ipAddress + "/" + String(e.prefixLength)), "IPv6Address": "",
                ]))
            }
        }
        containers.sort { $0.0.utf8Precedes($1.0) }
        var o = JSONObject()
        o["Name"] = .string(n.name)
        o["Id"] = .string(n.id)
        o["Created"] = .string(DockerTime.rfc3339Nano(n.created))
        o["Scope"] = .string(n.scope)
        o["Driver"] = .string(n.driver)
        o["EnableIPv6"] = false
        o["IPAM"] = [
            "Driver": "default",
            "Options": n.isDefaultBridge || n.subnet == nil || n.scope == "swarm" ? .null : .object(JSONObject()),
            "Config": .array(ipamConfig),
        ]
        o["Internal"] = .bool(n.internal)
        o["Attachable"] = .bool(n.attachable)
        o["Ingress"] = .bool(n.isIngress)
        o["ConfigFrom"] = ["Network": ""]
        o["ConfigOnly"] = false
        // A swarm overlay with nothing of its own here shows null (Fixtures/swarm 08).
        let overlay = n.scope == "swarm"
        o["Containers"] = overlay && containers.isEmpty ? .null : .object(JSONObject(containers))
        o["Options"] = ContainerInspect.map(n.options)
        o["Labels"] = overlay && n.labels.isEmpty ? .null : ContainerInspect.map(n.labels)
        return .object(o)
    }
}

/// `docker volume inspect`: the Engine API's volume JSON.
public enum VolumeInspect {
    public static func json(_ v: Volume) -> JSONValue {
        [
            "CreatedAt": .string(DockerTime.rfc3339(v.created)),
            "Driver": .string(v.driver),
            "Labels": v.labels.isEmpty ? .null : ContainerInspect.map(v.labels),
            "Mountpoint": .string(v.mountpoint),
            "Name": .string(v.name),
            "Options": .null,
            "Scope": "local",
        ]
    }
}
