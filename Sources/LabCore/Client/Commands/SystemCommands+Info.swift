/// `docker info` (docker/cli cli/command/system/info.go v28.2.2): the client's section, then the
/// daemon's. The layout and every fixed value are the oracle's (Fixtures/engine/transcripts/
/// 20-version-info.txt); these are the lab's own, since a lab machine is not the recording host:
/// - the counts of containers (running, paused, stopped) and images: the machine's engine;
/// - Name: the machine's host name (node1); ID: derived from it (the daemon's key id, 12 groups of 4);
/// - CPUs 2 (as the oracle), Total Memory a fixed 3.82GiB (`memTotal`) instead of the host's;
/// - the registries: the daemon's defaults (only 127.0.0.0/8 insecure, no mirror), where the
///   oracle has its local registry as an insecure Docker Hub mirror;
/// - SystemTime: the lab's clock. Runtimes are a Go map printed in random order: sorted here.
enum SystemInfo {
    /// MemTotal of every lab machine, in bytes (the lab's own value).
    static let memTotal: Int64 = 4_101_627_904
    static let cpus = 2

    /// The daemon's container and image counts.
    struct Counts {
        var containers = 0, running = 0, paused = 0, stopped = 0, images = 0
    }

    static func counts(_ engine: DockerEngine) -> Counts {
        var c = Counts()
        c.containers = engine.containers.count
        c.paused = engine.containers.filter { $0.state.paused }.count
        c.running = engine.containers.filter { $0.state.running && !$0.state.paused }.count
        c.stopped = c.containers - c.running - c.paused
        c.images = engine.images.count
        return c
    }

    /// The daemon's ID for a machine: 12 groups of 4 base-32 letters, stable for its host name.
    static func daemonID(_ hostname: String) -> String {
        let alphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZ234567")
        var ids = IDSource(seed: hostname.hashValueStable)
        var groups: [String] = []
        for _ in 0..<12 {
            var word = ids.next()
            var g = ""
            for _ in 0..<4 {
                g.append(alphabet[Int(word & 31)])
                word >>= 5
            }
            groups.append(g)
        }
        return groups.joined(separator: ":")
    }

    static func output(_ i: DockerInvocation, engine: DockerEngine, hostname: String, now: Double, swarm: SwarmInfo = SwarmInfo()) -> CommandOutput {
        guard let format = i.value("format"), !format.isEmpty else {
            return CommandOutput(stdout: text(engine: engine, hostname: hostname, swarm: swarm))
        }
        let template: GoTemplate
        do {
            template = try TemplateCache.shared.template(format == "json" ? "{{json .}}" : format)
        } catch {
            return CommandOutput(stderr: "template parsing error: " + error.message + "\n", status: 64)
        }
        let options = GoTemplate.Options(missingKey: .structType("system.dockerInfo"))
        let (written, error) = template.renderPartial(data(engine: engine, hostname: hostname, now: now, swarm: swarm), options: options)
        guard let error else { return CommandOutput(stdout: written + "\n") }
        return CommandOutput(stdout: written + "\n", stderr: error.message + "\n", status: 1)
    }

    static func text(engine: DockerEngine, hostname: String, swarm: SwarmInfo = SwarmInfo()) -> String {
        let n = counts(engine)
        return """
            Client:
             Version:    28.2.2
             Context:    default
             Debug Mode: false

            Server:
             Containers: \(n.containers)
              Running: \(n.running)
              Paused: \(n.paused)
              Stopped: \(n.stopped)
             Images: \(n.images)
             Server Version: 20.10.24+dfsg1
             Storage Driver: overlay2
              Backing Filesystem: extfs
              Supports d_type: true
              Native Overlay Diff: true
              userxattr: false
             Logging Driver: json-file
             Cgroup Driver: cgroupfs
             Cgroup Version: 1
             Plugins:
              Volume: local
              Network: bridge host ipvlan macvlan null overlay
              Log: awslogs fluentd gcplogs gelf journald json-file local logentries splunk syslog
             Swarm: \(swarm.state)
            \(swarm.text) Runtimes: io.containerd.runc.v2 io.containerd.runtime.v1.linux runc
             Default Runtime: runc
             Init Binary: docker-init
             containerd version: 1.6.20~ds1-1+deb12u3
             runc version: 1.1.5+ds1-1+deb12u1
             init version: \("")
             Security Options:
              seccomp
               Profile: default
             Kernel Version: 6.18.44-fc-v669
             Operating System: Debian GNU/Linux 12 (bookworm)
             OSType: linux
             Architecture: x86_64
             CPUs: \(cpus)
             Total Memory: \(HumanSize.binary(Double(memTotal)))
             Name: \(hostname)
             ID: \(daemonID(hostname))
             Docker Root Dir: /var/lib/docker
             Debug Mode: false
             Experimental: false
             Insecure Registries:
              127.0.0.0/8
             Live Restore Enabled: false


            """
    }

    /// What `--format` reads: the client's dockerInfo (system.Info's fields, then ClientInfo), in
    /// the order `{{json .}}` prints them.
    static func data(engine: DockerEngine, hostname: String, now: Double, swarm: SwarmInfo = SwarmInfo()) -> JSONValue {
        let n = counts(engine)
        let strings = { (list: [String]) -> JSONValue in .array(list.map { .string($0) }) }
        var o = JSONObject()
        o["ID"] = .string(daemonID(hostname))
        o["Containers"] = .int(Int64(n.containers))
        o["ContainersRunning"] = .int(Int64(n.running))
        o["ContainersPaused"] = .int(Int64(n.paused))
        o["ContainersStopped"] = .int(Int64(n.stopped))
        o["Images"] = .int(Int64(n.images))
        o["Driver"] = "overlay2"
        o["DriverStatus"] = [["Backing Filesystem", "extfs"], ["Supports d_type", "true"], ["Native Overlay Diff", "true"],
                             ["userxattr", "false"]]
        o["Plugins"] = [
            "Volume": ["local"], "Network": strings(["bridge", "host", "ipvlan", "macvlan", "null", "overlay"]),
            "Authorization": .null,
            "Log": strings(["awslogs", "fluentd", "gcplogs", "gelf", "journald", "json-file", "local", "logentries", "splunk", "syslog"]),
        ]
        for key in ["MemoryLimit", "SwapLimit", "KernelMemory", "KernelMemoryTCP", "CpuCfsPeriod", "CpuCfsQuota", "CPUShares",
                    "CPUSet", "PidsLimit", "IPv4Forwarding"] { o[key] = true }
        o["Debug"] = false
        o["NFd"] = 57
        o["OomKillDisable"] = true
        o["NGoroutines"] = 69
        o["SystemTime"] = .string(DockerTime.rfc3339Nano(now))
        o["LoggingDriver"] = "json-file"
        o["CgroupDriver"] = "cgroupfs"
        o["CgroupVersion"] = "1"
        o["NEventsListener"] = 0
        o["KernelVersion"] = .string(VersionInfo.kernelVersion)
        o["OperatingSystem"] = "Debian GNU/Linux 12 (bookworm)"
        o["OSVersion"] = "12"
        o["OSType"] = "linux"
        o["Architecture"] = "x86_64"
        o["IndexServerAddress"] = "https://index.docker.io/v1/"
        o["RegistryConfig"] = [
            "IndexConfigs": ["docker.io": ["Mirrors": [], "Name": "docker.io", "Official": true, "Secure": true]],
            "InsecureRegistryCIDRs": ["127.0.0.0/8"], "Mirrors": [],
        ]
        o["NCPU"] = .int(Int64(cpus))
        o["MemTotal"] = .int(memTotal)
        o["GenericResources"] = .null
        o["DockerRootDir"] = "/var/lib/docker"
        o["HttpProxy"] = ""
        o["HttpsProxy"] = ""
        o["NoProxy"] = ""
        o["Name"] = .string(hostname)
        o["Labels"] = []
        o["ExperimentalBuild"] = false
        o["ServerVersion"] = .string(VersionInfo.serverVersion)
        o["Runtimes"] = ["io.containerd.runc.v2": ["path": "runc"], "io.containerd.runtime.v1.linux": ["path": "runc"],
                         "runc": ["path": "runc"]]
        o["DefaultRuntime"] = "runc"
        o["Swarm"] = swarm.json
        o["LiveRestoreEnabled"] = false
        o["Isolation"] = ""
        o["InitBinary"] = "docker-init"
        o["ContainerdCommit"] = ["ID": "1.6.20~ds1-1+deb12u3", "Expected": "1.6.20~ds1-1+deb12u3"]
        o["RuncCommit"] = ["ID": "1.1.5+ds1-1+deb12u1", "Expected": "1.1.5+ds1-1+deb12u1"]
        o["InitCommit"] = ["ID": ""]
        o["SecurityOptions"] = ["name=seccomp,profile=default"]
        o["CDISpecDirs"] = .null
        o["Warnings"] = .null
        o["ClientInfo"] = [
            "Debug": false, "Version": "28.2.2", "DefaultAPIVersion": "1.50", "GitCommit": "e6534b4", "GoVersion": "go1.24.3",
            "Os": "linux", "Arch": "amd64", "BuildTime": "Fri May 30 12:07:14 2025", "Context": "default", "Plugins": [],
            "Warnings": .null,
        ]
        return .object(o)
    }
}
