/// The network and volume commands on the daemon side (Fixtures/engine/transcripts 05, 07).
enum NetworkVolumeCommands {
    static func createNetwork(_ i: DockerInvocation, _ p: inout ProcessContext, _ s: inout DaemonSession) -> Int32 {
        var labels: [String: String] = [:]
        for l in i.values("label") {
            let kv = l.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            labels[String(kv[0])] = kv.count > 1 ? String(kv[1]) : ""
        }
        do {
            let id = try s.engine.createNetwork(name: i.arguments[0], driver: i.value("driver") ?? "bridge", subnet: i.values("subnet").first,
                                                gateway: i.values("gateway").first, labels: labels, isInternal: i.flag("internal"),
                                                attachable: i.flag("attachable"), ids: &s.ids, now: s.now)
            p.write(id + "\n")
            return 0
        } catch {
            p.writeError("Error response from daemon: \(error.message)\n")
            return 1
        }
    }

    /// `docker network rm`: the failures followed by the client's `exit status 1` line.
    static func removeNetworks(_ i: DockerInvocation, _ p: inout ProcessContext, _ s: inout DaemonSession) -> Int32 {
        let status = EachReference.run(i.arguments, &p, &s) { (s: inout DaemonSession, ref: String) throws(EngineError) in
            try s.engine.removeNetwork(ref, now: s.now)
            return [ref]
        }
        if status != 0 { p.writeError("exit status 1\n") }
        return status
    }

    static func connect(_ i: DockerInvocation, _ p: inout ProcessContext, _ s: inout DaemonSession, disconnect: Bool) -> Int32 {
        do {
            if disconnect {
                try s.engine.disconnect(i.arguments[1], from: i.arguments[0], now: s.now)
            } else {
                try s.engine.connect(i.arguments[1], to: i.arguments[0], aliases: i.values("alias"), ids: &s.ids, now: s.now)
            }
            return 0
        } catch {
            p.writeError("Error response from daemon: \(error.message)\n")
            return 1
        }
    }

    static func pruneNetworks(_ i: DockerInvocation, _ p: inout ProcessContext, _ s: inout DaemonSession) -> Int32 {
        let gone = s.engine.pruneNetworks(now: s.now)
        if !gone.isEmpty {
            p.write("Deleted Networks:\n" + gone.map { $0 + "\n" }.joined() + "\n")
        }
        return 0
    }

    static func createVolume(_ i: DockerInvocation, _ p: inout ProcessContext, _ s: inout DaemonSession) -> Int32 {
        let name = s.engine.createVolume(name: i.arguments.first ?? i.value("name"), driver: i.value("driver") ?? "local",
                                         anonymous: i.arguments.isEmpty && i.value("name") == nil, ids: &s.ids, now: s.now)
        p.write(name + "\n")
        return 0
    }

    static func removeVolumes(_ i: DockerInvocation, _ p: inout ProcessContext, _ s: inout DaemonSession) -> Int32 {
        EachReference.run(i.arguments, &p, &s) { (s: inout DaemonSession, name: String) throws(EngineError) in
            try s.engine.removeVolume(name, force: i.flag("force"), now: s.now)
            return [name]
        }
    }

    static func pruneVolumes(_ i: DockerInvocation, _ p: inout ProcessContext, _ s: inout DaemonSession) -> Int32 {
        if i.flag("all") {
            // 07-volumes: the client refuses -a against the oracle's API 1.41 daemon.
            p.writeError("\"--all\" requires API version 1.42, but the Docker daemon API version is 1.41\n")
            return 1
        }
        let gone = s.engine.pruneVolumes(now: s.now)
        var out = ""
        if !gone.isEmpty { out = "Deleted Volumes:\n" + gone.map { $0 + "\n" }.joined() + "\n" }
        p.write(out + "Total reclaimed space: 0B\n")
        return 0
    }
}
