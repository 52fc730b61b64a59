/// `POST /containers/{id}/update`, behind the real client's `docker update`: the body is the
/// Resources part of a HostConfig and a RestartPolicy (docker/cli container/update.go sends
/// Memory, MemorySwap, NanoCpus… with 0 for what was not given, and a policy with an empty name
/// unless `--restart` was); the answer `{"Warnings":null}` (moby v20.10 daemon/update.go returns
/// its nil slice of warnings). The change goes through the engine's
/// update (Engine/Engine+Update.swift), as `lab sh`'s `docker update`, and is recorded as that
/// command line.
extension EngineAPI {
    static func updateContainer(_ reference: String, _ c: inout Context, lab: inout Lab) throws(APIError) -> APIResponse {
        let body = try c.request.jsonBody() ?? .object(JSONObject())
        var update = DockerEngine.ResourceUpdate()
        var words = ["docker", "update"]
        if case .int(let m)? = body["Memory"], m != 0 {
            update.memory = m
            words += ["--memory", "\(m)b"]
        }
        if case .int(let swap)? = body["MemorySwap"], swap != 0 {
            update.memorySwapGiven = true
            words += ["--memory-swap", swap < 0 ? "-1" : "\(swap)b"]
        }
        if case .int(let n)? = body["NanoCpus"], n != 0 {
            update.nanoCpus = n
            words += ["--cpus", GoFloatFormat.formatV(Double(n) / 1e9)]
        }
        if let name = ContainerCreateBody.nonEmpty(body["RestartPolicy"]?["Name"]) {
            update.restartPolicy = name
            if case .int(let n)? = body["RestartPolicy"]?["MaximumRetryCount"] { update.maximumRetryCount = Int(n) }
            words += ["--restart", name + (update.maximumRetryCount > 0 ? ":\(update.maximumRetryCount)" : "")]
        }
        try engine(&lab) { (s: inout DaemonSession) throws(EngineError) in try s.engine.update(reference, update) }
        c.record(APIHistory.line(words + [reference]))
        return .json(["Warnings": .null])
    }
}
