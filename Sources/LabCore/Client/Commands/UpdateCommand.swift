/// `docker update`: a container's resource limits and restart policy, with the refusals the
/// oracle's engine gives (recorded: a memory limit on a container that had none needs
/// --memory-swap too; below 6MB is refused).
enum UpdateCommand {
    static func update(_ i: DockerInvocation, _ p: inout ProcessContext, _ s: inout DaemonSession) -> Int32 {
        var status: Int32 = 0
        let memory = i.value("memory").map(RunOptions.bytes)
        for ref in i.arguments {
            guard let c = try? s.engine.containerIndex(ref) else {
                p.writeError("Error response from daemon: No such container: \(ref)\n")
                status = 1
                continue
            }
            if let memory {
                if memory < 6 * 1024 * 1024 {
                    p.writeError("Error response from daemon: Minimum memory limit allowed is 6MB\n")
                    status = 1
                    continue
                }
                if s.engine.containers[c].hostConfig.memory == 0 && i.value("memory-swap") == nil {
                    p.writeError("Error response from daemon: Cannot update container \(s.engine.containers[c].id): Memory limit should be smaller than already set memoryswap limit, update the memoryswap at the same time\n")
                    status = 1
                    continue
                }
                s.engine.containers[c].hostConfig.memory = memory
            }
            if let cpus = i.value("cpus"), let value = Double(cpus) { s.engine.containers[c].hostConfig.nanoCpus = Int64(value * 1e9) }
            if let policy = i.value("restart") {
                let parts = policy.split(separator: ":", maxSplits: 1)
                s.engine.containers[c].hostConfig.restartPolicy = parts.first.map(String.init) ?? "no"
                s.engine.containers[c].hostConfig.maximumRetryCount = parts.count > 1 ? Int(parts[1]) ?? 0 : 0
            }
            p.write(ref + "\n")
        }
        return status
    }
}
