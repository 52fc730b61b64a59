/// HostConfig of `docker inspect` (moby v20.10 api/types/container/host_config.go, in its
/// field order): what `docker run` asked for, and the values a plain run gets for the rest
/// (recorded in Fixtures/render and engine/transcripts/09).
extension ContainerInspect {
    static func hostConfig(_ c: Container) -> JSONValue {
        let h = c.hostConfig
        var bindings: [String: [JSONValue]] = [:]
        for b in h.portBindings {
            bindings[b.key, default: []].append(["HostIp": .string(b.hostIP), "HostPort": .string(b.hostPort)])
        }
        let empty: JSONValue = .array([])
        var o = JSONObject()
        o[new: "Binds"] = strings(h.binds)
        o[new: "ContainerIDFile"] = ""
        o[new: "LogConfig"] = ["Type": .string(h.logConfig?.type ?? "json-file"), "Config": map(h.logConfig?.config ?? [:])]
        o[new: "NetworkMode"] = .string(h.networkMode)
        o[new: "PortBindings"] = .object(JSONObject(sortedKeys(Array(bindings.keys)).map { ($0, JSONValue.array(bindings[$0] ?? [])) }))
        o[new: "RestartPolicy"] = ["Name": .string(h.restartPolicy), "MaximumRetryCount": .int(Int64(h.maximumRetryCount))]
        o[new: "AutoRemove"] = .bool(h.autoRemove)
        o[new: "VolumeDriver"] = ""
        o[new: "VolumesFrom"] = strings(h.volumesFrom)
        o[new: "CapAdd"] = strings(h.capAdd)
        o[new: "CapDrop"] = strings(h.capDrop)
        o[new: "CgroupnsMode"] = "host"
        o[new: "Dns"] = strings(h.dns ?? [])
        o[new: "DnsOptions"] = strings(h.dnsOptions ?? [])
        o[new: "DnsSearch"] = strings(h.dnsSearch ?? [])
        o[new: "ExtraHosts"] = strings(h.extraHosts)
        o[new: "GroupAdd"] = .null
        o[new: "IpcMode"] = "private"
        o[new: "Cgroup"] = ""
        o[new: "Links"] = .null
        o[new: "OomScoreAdj"] = 0
        o[new: "PidMode"] = ""
        o[new: "Privileged"] = .bool(h.privileged ?? false)
        o[new: "PublishAllPorts"] = .bool(h.publishAllPorts)
        o[new: "ReadonlyRootfs"] = .bool(h.readonlyRootfs ?? false)
        o[new: "SecurityOpt"] = strings(h.securityOpt)
        if let tmpfs = h.tmpfs, !tmpfs.isEmpty { o[new: "Tmpfs"] = map(tmpfs) }
        o[new: "UTSMode"] = ""
        o[new: "UsernsMode"] = ""
        o[new: "ShmSize"] = 67_108_864
        o[new: "Runtime"] = "runc"
        o[new: "ConsoleSize"] = [0, 0]
        o[new: "Isolation"] = ""
        o[new: "CpuShares"] = 0
        o[new: "Memory"] = .int(h.memory)
        o[new: "NanoCpus"] = .int(h.nanoCpus)
        o[new: "CgroupParent"] = ""
        o[new: "BlkioWeight"] = 0
        for k in ["BlkioWeightDevice", "BlkioDeviceReadBps", "BlkioDeviceWriteBps", "BlkioDeviceReadIOps", "BlkioDeviceWriteIOps"] {
            o[new: k] = empty
        }
        for k in ["CpuPeriod", "CpuQuota", "CpuRealtimePeriod", "CpuRealtimeRuntime"] { o[new: k] = 0 }
        o[new: "CpusetCpus"] = ""
        o[new: "CpusetMems"] = ""
        o[new: "Devices"] = empty
        o[new: "DeviceCgroupRules"] = .null
        o[new: "DeviceRequests"] = .null
        o[new: "KernelMemory"] = 0
        o[new: "KernelMemoryTCP"] = 0
        o[new: "MemoryReservation"] = 0
        // The daemon doubles --memory into MemorySwap when no swap limit is given (moby daemon_unix.go).
        o[new: "MemorySwap"] = .int(h.memory > 0 ? h.memory * 2 : 0)
        o[new: "MemorySwappiness"] = .null
        o[new: "OomKillDisable"] = false
        o[new: "PidsLimit"] = .null
        o[new: "Ulimits"] = empty
        for k in ["CpuCount", "CpuPercent", "IOMaximumIOps", "IOMaximumBandwidth"] { o[new: k] = 0 }
        if let mounts = h.mounts, !mounts.isEmpty { o[new: "Mounts"] = .array(mounts.map(mountSpec)) }
        // A privileged container keeps no default masked or read-only paths (moby daemon/create_unix.go).
        let privileged = h.privileged ?? false
        o[new: "MaskedPaths"] = privileged ? .null : .array(maskedPaths)
        o[new: "ReadonlyPaths"] = privileged ? .null : .array(readonlyPaths)
        return .object(o)
    }

    static let maskedPaths: [JSONValue] = [
        "/proc/asound", "/proc/acpi", "/proc/kcore", "/proc/keys", "/proc/latency_stats", "/proc/timer_list",
        "/proc/timer_stats", "/proc/sched_debug", "/proc/scsi", "/sys/firmware",
    ]
    static let readonlyPaths: [JSONValue] = ["/proc/bus", "/proc/fs", "/proc/irq", "/proc/sys", "/proc/sysrq-trigger"]

    /// One of HostConfig.Mounts: a --mount spec as the client's mount.Mount (docker/cli
    /// opts/mount.go; moby api/types/mount/mount.go: empty fields left out).
    static func mountSpec(_ spec: [String: String]) -> JSONValue {
        var o = JSONObject()
        let type = spec["type"]?.lowercased() ?? "volume"
        o[new: "Type"] = .string(type)
        if let source = spec["source"] ?? spec["src"], !source.isEmpty { o[new: "Source"] = .string(source) }
        o[new: "Target"] = .string(spec["target"] ?? spec["destination"] ?? spec["dst"] ?? "")
        if RunOptions.mountReadOnly(spec) { o[new: "ReadOnly"] = true }
        if let c = spec["consistency"] { o[new: "Consistency"] = .string(c.lowercased()) }
        if let p = spec["bind-propagation"] { o[new: "BindOptions"] = ["Propagation": .string(p.lowercased())] }
        if type == "volume", spec.keys.contains(where: { $0.hasPrefix("volume-") }) {
            var v = JSONObject()
            if let n = spec["volume-nocopy"], n != "false", n != "0" { v[new: "NoCopy"] = true }
            v[new: "DriverConfig"] = spec["volume-driver"].map { ["Name": .string($0)] } ?? .object(JSONObject())
            o[new: "VolumeOptions"] = .object(v)
        }
        if type == "tmpfs", spec["tmpfs-size"] != nil || spec["tmpfs-mode"] != nil {
            var t = JSONObject()
            if let size = spec["tmpfs-size"] { t[new: "SizeBytes"] = .int(RunOptions.bytes(size)) }
            if let mode = spec["tmpfs-mode"], let m = Int64(mode, radix: 8) { t[new: "Mode"] = .int(m) }
            o[new: "TmpfsOptions"] = .object(t)
        }
        return .object(o)
    }
}
