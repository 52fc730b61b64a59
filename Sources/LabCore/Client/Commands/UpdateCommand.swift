/// `docker update`: a container's resource limits and restart policy, each container in turn
/// through the engine's update (Engine/Engine+Update.swift), which gives the oracle's refusals.
enum UpdateCommand {
    static func update(_ i: DockerInvocation, _ p: inout ProcessContext, _ s: inout DaemonSession) -> Int32 {
        var status: Int32 = 0
        var request = DockerEngine.ResourceUpdate()
        request.memory = i.value("memory").map(RunOptions.bytes)
        request.memorySwapGiven = i.value("memory-swap") != nil
        if let cpus = i.value("cpus"), let value = Double(cpus) { request.nanoCpus = Int64(value * 1e9) }
        if let policy = i.value("restart") {
            let parts = policy.split(separator: ":", maxSplits: 1)
            request.restartPolicy = parts.first.map(String.init) ?? "no"
            request.maximumRetryCount = parts.count > 1 ? Int(parts[1]) ?? 0 : 0
        }
        for ref in i.arguments {
            do {
                try s.engine.update(ref, request)
                p.write(ref + "\n")
            } catch {
                p.writeError("Error response from daemon: \(error.message)\n")
                status = 1
            }
        }
        return status
    }
}
