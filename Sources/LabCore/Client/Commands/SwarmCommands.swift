/// `docker swarm …` and `docker node …`: the commands whose state is the lab's swarm (shared by
/// its managers), so they work on the whole lab rather than on one machine's engine. Texts from
/// docker/cli cli/command/swarm and cli/command/node (init.go, join.go, join_token.go,
/// leave.go, promote.go, demote.go, update.go, remove.go) and the daemon's from SwarmMessages.
enum SwarmCommands {
    /// Runs a swarm or node command; nil when the path is not one of them.
    static func execute(_ i: DockerInvocation, _ p: inout ProcessContext, lab: inout Lab) -> Int32? {
        // The groups of the paths below, checked first: most commands are in none of them.
        guard let group = i.path.first, group.sameBytes("swarm") || group.sameBytes("node") || group.sameBytes("network") || group.sameBytes("system") else { return nil }
        do throws(EngineError) {
            switch i.pathKey {
            case "swarm init": return try initSwarm(i, &p, &lab)
            case "swarm join": return try join(i, &p, &lab)
            case "swarm join-token": return try joinToken(i, &p, &lab)
            case "system info":
                let info = SwarmInfo(lab, machine: lab.current)
                let out = DaemonSession.with(&lab) { (s: inout DaemonSession) in
                    SystemInfo.output(i, engine: s.engine, hostname: SystemCommands.hostname(s.files), now: s.now, swarm: info)
                }
                return SystemCommands.emit(out, &p)
            case "swarm update": return try SwarmAutolock.update(i, &p, &lab)
            case "swarm unlock-key": return try SwarmAutolock.unlockKey(i, &p, &lab)
            case "swarm leave":
                try lab.swarmLeave(force: i.flag("force"))
                p.write("Node left the swarm.\n")
                return 0
            case "network create" where i.value("driver") == "overlay" && lab.swarm != nil && lab.currentNode != nil:
                let labels = ServiceOptions.keyValues(i.values("label"))
                p.write(try lab.createOverlay(name: i.arguments.first ?? "", subnet: i.values("subnet").first, gateway: i.values("gateway").first,
                                              labels: labels, attachable: i.flag("attachable"), isInternal: i.flag("internal")) + "\n")
                return 0
            case "network rm" where i.arguments.contains { (try? lab.overlayNetwork($0)) != nil }:
                var failed = false
                for ref in i.arguments {
                    do {
                        if (try? lab.overlayNetwork(ref)) != nil { try lab.removeOverlay(ref) } else {
                            var engine = lab.machines[lab.current].engine
                            try engine.removeNetwork(ref, now: lab.clock.now)
                            lab.machines[lab.current].engine = engine
                        }
                        p.write(ref + "\n")
                    } catch {
                        p.writeError("Error response from daemon: \(error.message)\n")
                        failed = true
                    }
                }
                // The client's closing line after a failed removal (Fixtures/swarm 08).
                if failed { p.writeError("exit status 1\n") }
                return failed ? 1 : 0
            case "node ls": return try NodeListing.list(i, &p, lab)
            case "node ps":
                try lab.requireManager()
                guard let swarm = lab.swarm else { return 1 }
                var ids: [String] = []
                for ref in i.arguments.isEmpty ? ["self"] : i.arguments { ids.append(swarm.nodes[try lab.node(ref, allowSelf: true)].id) }
                do {
                    try ServiceListing.printTasks(i, &p, ServiceListing.filtered(i, swarm.tasks.filter { ids.contains($0.nodeID) }, swarm), swarm, lab)
                } catch { return 1 }
                return 0
            case "node inspect": return try NodeListing.inspect(i, &p, lab)
            case "node promote", "node demote": return try promote(i, &p, &lab, to: i.path[1] == "promote" ? "manager" : "worker")
            case "node update": return try update(i, &p, &lab)
            case "node rm":
                var failed = false
                for ref in i.arguments {
                    do {
                        try lab.removeNode(ref, force: i.flag("force"))
                        p.write(ref + "\n")
                    } catch {
                        p.writeError("Error response from daemon: \(error.message)\n")
                        failed = true
                    }
                }
                return failed ? 1 : 0
            default: return nil
            }
        } catch {
            // A status of -1 marks the client's own refusal, printed without the daemon's prefix.
            if case .other(let message, -1) = error { p.writeError(message + "\n") } else {
                p.writeError("Error response from daemon: \(error.message)\n")
            }
            return 1
        }
    }

    static func initSwarm(_ i: DockerInvocation, _ p: inout ProcessContext, _ lab: inout Lab) throws(EngineError) -> Int32 {
        var availability: String?
        if let a = i.value("availability") {
            guard ["active", "pause", "drain"].contains(a.lowercased()) else {
                throw .other("invalid availability \"\(a)\", only active, pause and drain are supported", status: -1)
            }
            availability = a.lowercased()
        }
        let id = try lab.swarmInit(advertiseAddr: i.value("advertise-addr"), availability: availability)
        if i.flag("autolock") { lab.swarm?.unlockKey = SwarmAutolock.newKey(&lab.ids) }
        p.write("Swarm initialized: current node (\(id)) is now a manager.\n\n")
        p.write(try joinCommand(lab, worker: true, manager: false))
        p.write("To add a manager to this swarm, run 'docker swarm join-token manager' and follow the instructions.\n")
        if let key = lab.swarm?.unlockKey { p.write(SwarmAutolock.unlockCommand(key)) }
        return 0
    }

    /// The join instructions for a role, with the manager's address.
    static func joinCommand(_ lab: Lab, worker: Bool, manager: Bool) throws(EngineError) -> String {
        guard let swarm = lab.swarm, let n = lab.currentNode else { throw SwarmMessages.notPartOfSwarm }
        let addr = swarm.nodes[n].addr + ":" + swarm.nodes[n].managerPort
        var out = ""
        if worker { out += "To add a worker to this swarm, run the following command:\n\n    docker swarm join --token \(swarm.workerToken) \(addr)\n\n" }
        if manager { out += "To add a manager to this swarm, run the following command:\n\n    docker swarm join --token \(swarm.managerToken) \(addr)\n\n" }
        return out
    }

    static func join(_ i: DockerInvocation, _ p: inout ProcessContext, _ lab: inout Lab) throws(EngineError) -> Int32 {
        let role = try lab.swarmJoin(token: i.value("token") ?? "", remote: i.arguments.first ?? "")
        p.write("This node joined a swarm as a \(role).\n")
        return 0
    }

    static func joinToken(_ i: DockerInvocation, _ p: inout ProcessContext, _ lab: inout Lab) throws(EngineError) -> Int32 {
        let role = i.arguments.first ?? ""
        guard role == "worker" || role == "manager" else { throw .other("unknown role \(role)", status: -1) }
        try lab.requireManager()
        guard var swarm = lab.swarm else { return 1 }
        if i.flag("rotate") {
            let digest = String(swarm.workerToken.split(separator: "-")[2])
            if role == "worker" { swarm.workerToken = SwarmCluster.joinToken(digest: digest, &lab.ids) } else {
                swarm.managerToken = SwarmCluster.joinToken(digest: digest, &lab.ids)
            }
            swarm.version = swarm.nextVersion()
            lab.swarm = swarm
            if !i.flag("quiet") { p.write("Successfully rotated \(role) join token.\n\n") }
        }
        if i.flag("quiet") {
            p.write((role == "worker" ? swarm.workerToken : swarm.managerToken) + "\n")
            return 0
        }
        p.write(try joinCommand(lab, worker: role == "worker", manager: role == "manager"))
        return 0
    }

    static func promote(_ i: DockerInvocation, _ p: inout ProcessContext, _ lab: inout Lab, to role: String) throws(EngineError) -> Int32 {
        for ref in i.arguments {
            try lab.requireManager()
            let n = try lab.node(ref, allowSelf: false)
            guard let node = lab.swarm?.nodes[n] else { continue }
            if node.role == role {
                p.write(role == "manager" ? "Node \(node.id) is already a manager.\n" : "Node \(node.id) is already a worker.\n")
                continue
            }
            try lab.updateNode(ref, role: role)
            p.write(role == "manager" ? "Node \(ref) promoted to a manager in the swarm.\n" : "Manager \(ref) demoted in the swarm.\n")
        }
        return 0
    }

    static func update(_ i: DockerInvocation, _ p: inout ProcessContext, _ lab: inout Lab) throws(EngineError) -> Int32 {
        let ref = i.arguments.first ?? ""
        var add: [String: String] = [:]
        for kv in i.values("label-add") {
            let parts = kv.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            add[String(parts[0])] = parts.count > 1 ? String(parts[1]) : ""
        }
        let role = i.value("role")
        if let role, let n = try? lab.node(ref, allowSelf: false), lab.swarm?.nodes[n].role == role, i.value("availability") == nil,
           add.isEmpty, i.values("label-rm").isEmpty {
            return 0
        }
        try lab.updateNode(ref, role: role, availability: i.value("availability"), addLabels: add, removeLabels: i.values("label-rm"))
        p.write(ref + "\n")
        return 0
    }
}
