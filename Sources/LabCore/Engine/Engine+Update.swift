/// `docker update` on the daemon's side (moby daemon/update.go, as the oracle's Engine 20.10
/// answers it): a container's memory limit, CPUs and restart policy change; the refusals are the
/// recorded ones (a limit below 6MB; a memory limit on a container that had none, without a swap
/// limit given with it). `lab sh`'s `docker update` and the Engine API's
/// `POST /containers/{id}/update` both come here.
extension DockerEngine {
    /// What one `docker update` asks for: nil (or false) leaves a setting as it is.
    struct ResourceUpdate: Equatable {
        /// The memory limit in bytes.
        var memory: Int64?
        /// Whether a swap limit came with it (`--memory-swap`).
        var memorySwapGiven = false
        /// The CPUs in billionths (`--cpus 1.5` is 1500000000).
        var nanoCpus: Int64?
        /// The restart policy's name and its retry count (`on-failure:3`).
        var restartPolicy: String?
        var maximumRetryCount = 0
    }

    /// Applies an update to the container `reference` names; the daemon's refusal otherwise.
    mutating func update(_ reference: String, _ u: ResourceUpdate) throws(EngineError) {
        let c = try containerIndex(reference)
        if let memory = u.memory {
            if memory < 6 * 1024 * 1024 { throw .other("Minimum memory limit allowed is 6MB", status: 400) }
            if containers[c].hostConfig.memory == 0 && !u.memorySwapGiven {
                throw .other("Cannot update container \(containers[c].id): Memory limit should be smaller than already set memoryswap limit, update the memoryswap at the same time", status: 500)
            }
            containers[c].hostConfig.memory = memory
        }
        if let cpus = u.nanoCpus { containers[c].hostConfig.nanoCpus = cpus }
        if let policy = u.restartPolicy {
            containers[c].hostConfig.restartPolicy = policy
            containers[c].hostConfig.maximumRetryCount = u.maximumRetryCount
        }
    }
}
