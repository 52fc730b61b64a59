/// `docker stats` (docker/cli cli/command/container/stats.go and formatter_stats.go v28.2.2):
/// one sample of each container's resource use. The containers are the ones named (in that
/// order, each once), else the running ones (with -a all), newest first. A container that does
/// not exist fails the whole command with the daemon's errors, one a line.
///
/// The figures are the lab's stable fakes, shaped like the oracle's for its busybox stand-ins
/// (Fixtures/engine/transcripts/22-stats.txt): no CPU use, 324KiB per process plus 420KiB for a
/// service's shell, the memory limit (--memory, else the machine's total, SystemInfo.memTotal),
/// 726B received on a network, no block I/O; a container that is not running has zeros.
/// Without --no-stream the real command redraws the table every second until Ctrl-C: the lab
/// prints one sample and says so on stderr (status 0).
enum ContainerStats {
    static let headers: JSONValue = [
        "Container": "CONTAINER", "Name": "NAME", "ID": "CONTAINER ID", "CPUPerc": "CPU %", "MemUsage": "MEM USAGE / LIMIT",
        "MemPerc": "MEM %", "NetIO": "NET I/O", "BlockIO": "BLOCK I/O", "PIDs": "PIDS",
    ]
    static let list = ListFormat(structType: "*container.statsContext", headers: headers)
    static let defaultFormat = "table {{.ID}}\t{{.Name}}\t{{.CPUPerc}}\t{{.MemUsage}}\t{{.MemPerc}}\t{{.NetIO}}\t{{.BlockIO}}\t{{.PIDs}}"

    static func output(_ i: DockerInvocation, engine: DockerEngine, now: Double) -> CommandOutput {
        var chosen: [(label: String, container: Container)] = []
        if i.arguments.isEmpty {
            let all = i.flag("all")
            let order = engine.containers.indices.sorted { a, b in
                let ca = engine.containers[a].created, cb = engine.containers[b].created
                return ca != cb ? ca > cb : a > b
            }
            for k in order where all || engine.containers[k].state.running {
                chosen.append((engine.containers[k].shortID, engine.containers[k]))
            }
        } else {
            var errors: [String] = []
            var seen = Set<String>()
            for ref in i.arguments where seen.insert(ref).inserted {
                do {
                    let k = try engine.containerIndex(ref)
                    chosen.append((ref, engine.containers[k]))
                } catch {
                    errors.append("Error response from daemon: " + error.message)
                }
            }
            if !errors.isEmpty { return CommandOutput(stderr: errors.joined(separator: "\n") + "\n", status: 1) }
        }
        var format = ListFormat.format(i)
        if ListFormat.isDefaultTable(format) { format = defaultFormat }
        var out = list.render(format: format) {
            chosen.map { row(label: $0.label, $0.container, now: now, trunc: !i.flag("no-trunc")) }
        }
        if out.status == 0 && !i.flag("no-stream") {
            out.stderr += "lab: docker stats redraws this table every second until you press Ctrl-C; here it shows one sample (--no-stream prints just that)\n"
        }
        return out
    }

    /// One container's sample as the formatter's statsContext shows it (keys sorted, as its JSON).
    static func row(label: String, _ c: Container, now: Double, trunc: Bool) -> JSONValue {
        let processes = ContainerProcess.list(c, now: now)
        let running = !processes.isEmpty
        let memory = running ? Double(324 * 1024 * processes.count + (processes.count > 1 ? 96 * 1024 : 0)) : 0
        let limit = running ? Double(c.hostConfig.memory > 0 ? c.hostConfig.memory : SystemInfo.memTotal) : 0
        let percent = limit > 0 ? memory / limit * 100 : 0
        let networked = running && c.endpoints.contains { !$0.ipAddress.isEmpty }
        return [
            "BlockIO": "0B / 0B",
            "CPUPerc": "0.00%",
            "Container": .string(label),
            "ID": .string(trunc ? c.shortID : c.id),
            "MemPerc": .string(GoFloatFormat.withPrecision(percent, verb: "f", precision: 2) + "%"),
            "MemUsage": .string(HumanSize.binary(memory) + " / " + HumanSize.binary(limit)),
            "Name": .string(c.name),
            "NetIO": .string((networked ? "726B" : "0B") + " / 0B"),
            "PIDs": .string("\(processes.count)"),
        ]
    }
}

extension ContainerStats {
    /// The same sample as the daemon's stats JSON (`GET /containers/{id}/stats?stream=false`,
    /// moby api/types/container StatsResponse): the counters the client turns into the row above
    /// (no CPU time, so 0.00%; memory usage and limit; bytes received per network; no block I/O).
    static func apiJSON(_ c: Container, now: Double) -> JSONValue {
        let processes = ContainerProcess.list(c, now: now)
        let running = !processes.isEmpty
        let memory = running ? Int64(324 * 1024 * processes.count + (processes.count > 1 ? 96 * 1024 : 0)) : 0
        let limit = running ? (c.hostConfig.memory > 0 ? c.hostConfig.memory : SystemInfo.memTotal) : 0
        let cpu: JSONValue = [
            "cpu_usage": ["total_usage": 0, "usage_in_kernelmode": 0, "usage_in_usermode": 0],
            "system_cpu_usage": 0, "online_cpus": .int(Int64(running ? SystemInfo.cpus : 0)),
            "throttling_data": ["periods": 0, "throttled_periods": 0, "throttled_time": 0],
        ]
        var networks = JSONObject()
        if running && c.endpoints.contains(where: { !$0.ipAddress.isEmpty }) {
            networks["eth0"] = ["rx_bytes": 726, "rx_packets": 9, "rx_errors": 0, "rx_dropped": 0, "tx_bytes": 0, "tx_packets": 0,
                                "tx_errors": 0, "tx_dropped": 0]
        }
        var o = JSONObject()
        o[new: "read"] = .string(DockerTime.rfc3339Nano(running ? now : nil))
        o[new: "preread"] = .string(DockerTime.rfc3339Nano(nil))
        o[new: "pids_stats"] = running ? ["current": .int(Int64(processes.count))] : .object(JSONObject())
        o[new: "blkio_stats"] = ["io_service_bytes_recursive": .null, "io_serviced_recursive": .null]
        o[new: "num_procs"] = 0
        o[new: "storage_stats"] = .object(JSONObject())
        o[new: "cpu_stats"] = cpu
        o[new: "precpu_stats"] = cpu
        o[new: "memory_stats"] = running ? ["usage": .int(memory), "stats": .object(JSONObject()), "limit": .int(limit)] : .object(JSONObject())
        o[new: "name"] = .string("/" + c.name)
        o[new: "id"] = .string(c.id)
        if !networks.isEmpty { o[new: "networks"] = .object(networks) }
        return .object(o)
    }
}
