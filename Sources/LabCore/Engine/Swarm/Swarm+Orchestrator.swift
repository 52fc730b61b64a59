/// The swarm's orchestrators, scheduler and agents in one deterministic step: after every
/// command (and when a machine stops or starts), each service's tasks are brought to what its
/// spec asks for. A task whose node went down, was drained or no longer fits is shut down and
/// replaced; a task whose container ended is restarted per the restart policy after its delay;
/// a slot beyond the replica count is removed; new tasks go to the eligible node with the fewest
/// tasks of the service, then the fewest tasks, then the earliest joined (swarmkit's spread);
/// with no eligible node a task stays pending with the scheduler's reason.
extension Lab {
    /// Runs one reconciliation (nothing without a swarm or without a leader).
    public mutating func reconcileSwarm() {
        guard var cluster = swarm, cluster.hasQuorum(self) else { return }
        let now = clock.now
        for m in machines.indices where !isPoweredOff(m) {
            var files = VirtualFileSystem.placeholder
            swap(&files, &machines[m].files)
            machines[m].engine.settle(now: now, hostFiles: &files)
            swap(&files, &machines[m].files)
        }
        observeTasks(&cluster, now: now)
        for s in cluster.services.indices { reconcileService(&cluster, s, now: now) }
        completeUpdates(&cluster, now: now)
        trimHistory(&cluster)
        removeOrphanedTaskContainers(cluster, now: now)
        swarm = cluster
        refreshServiceRecords()
    }

    /// Task containers whose task the swarm no longer has (removed while their machine was off,
    /// or left behind by a node that left): the agent removes them once it can.
    mutating func removeOrphanedTaskContainers(_ cluster: SwarmCluster, now: Double) {
        let known = Set(cluster.tasks.compactMap(\.containerID))
        for m in machines.indices where !isPoweredOff(m) {
            let orphans = machines[m].engine.containers.filter { $0.config.labels["com.docker.swarm.task.id"] != nil && !known.contains($0.id) }
            for c in orphans { try? machines[m].engine.remove(c.id, force: true, volumes: false, now: now) }
        }
    }

    /// What the agents report: tasks whose container ended, and tasks the orchestrator must move.
    private mutating func observeTasks(_ cluster: inout SwarmCluster, now: Double) {
        // Each machine's containers by id, made once (a swarm may run many tasks).
        var byID: [Int: [String: Int]] = [:]
        func containerIndex(_ m: Int, _ id: String) -> Int? {
            if byID[m] == nil { byID[m] = Dictionary(machines[m].engine.containers.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { a, _ in a }) }
            return byID[m]?[id]
        }
        for t in cluster.tasks.indices where cluster.tasks[t].desiredState == "running" {
            let task = cluster.tasks[t]
            guard !task.nodeID.isEmpty else { continue }
            // A node removed from the swarm is as good as down: its tasks are replaced.
            guard let n = cluster.nodeIndex(id: task.nodeID) else {
                cluster.tasks[t].desiredState = "shutdown"
                continue
            }
            if !cluster.isUp(n, self) {
                cluster.tasks[t].desiredState = "shutdown"
                continue
            }
            if cluster.nodes[n].availability == "drain" || !fits(task.spec, node: n, cluster) {
                shutDown(&cluster, t, now: now)
                continue
            }
            guard let cid = task.containerID else { continue }
            let engine = machines[cluster.nodes[n].machine].engine
            guard let c = containerIndex(cluster.nodes[n].machine, cid) else {
                // Removed under the agent (docker rm -f): its process was killed (Fixtures/swarm 07).
                cluster.tasks[t].end(code: 137, cause: nil, at: now)
                continue
            }
            let state = engine.containers[c].state
            if state.running && state.health == "unhealthy" {
                // The agent stops an unhealthy task's container and reports it failed (moby
                // daemon/cluster/executor/container: ErrContainerUnhealthy; swarmkit's exit text).
                try? machines[cluster.nodes[n].machine].engine.kill(cid, now: now)
                byID[cluster.nodes[n].machine] = nil
                cluster.tasks[t].end(code: 137, cause: "dockerexec: unhealthy container", at: now)
                continue
            }
            if !state.running && state.status != "restarting" && state.status != "created" {
                cluster.tasks[t].end(code: state.exitCode, cause: nil, at: state.finishedAt ?? now)
            }
        }
    }

    /// Stops a task's container and marks it shut down.
    mutating func shutDown(_ cluster: inout SwarmCluster, _ t: Int, now: Double) {
        cluster.tasks[t].desiredState = "shutdown"
        if cluster.tasks[t].isLiveState { cluster.tasks[t].state = "shutdown"; cluster.tasks[t].message = "shutdown"; cluster.tasks[t].timestamp = now }
        guard let cid = cluster.tasks[t].containerID, let n = cluster.nodeIndex(id: cluster.tasks[t].nodeID) else { return }
        let m = cluster.nodes[n].machine
        if !isPoweredOff(m) { try? machines[m].engine.stop(cid, now: now) }
    }

    private mutating func reconcileService(_ cluster: inout SwarmCluster, _ s: Int, now: Double) {
        let service = cluster.services[s]
        if let replicas = service.spec.replicas {
            // Slots beyond the count go (their tasks removed, as swarmkit's reaper removes them).
            for t in cluster.tasks.indices.reversed() where cluster.tasks[t].serviceID == service.id && cluster.tasks[t].slot > replicas {
                shutDown(&cluster, t, now: now)
                removeTaskContainer(cluster, t, now: now)
                cluster.tasks.remove(at: t)
            }
            // One pass over the tasks: each slot's live task, and each slot's history (for restarts).
            var liveBySlot: [Int: Int] = [:]
            var historyBySlot: [Int: [SwarmTask]] = [:]
            for t in cluster.tasks.indices where cluster.tasks[t].serviceID == service.id {
                historyBySlot[cluster.tasks[t].slot, default: []].append(cluster.tasks[t])
                if cluster.tasks[t].desiredState == "running", liveBySlot[cluster.tasks[t].slot] == nil { liveBySlot[cluster.tasks[t].slot] = t }
            }
            var load = SchedulerLoad(cluster, serviceID: service.id)
            for slot in 1...max(replicas, 1) where slot <= replicas {
                if let t = liveBySlot[slot] {
                    if cluster.tasks[t].state == "pending" { place(&cluster, t, now: now, load: &load) }
                    continue
                }
                guard restartAllowed(historyBySlot[slot] ?? [], service, now: now) else { continue }
                newTask(&cluster, service, slot: slot, node: nil, now: restartTime(historyBySlot[slot] ?? [], service, now: now), load: &load)
            }
        } else {
            for n in cluster.nodes.indices where cluster.isUp(n, self) && cluster.nodes[n].availability == "active" && fits(service.spec, node: n, cluster) {
                let nodeID = cluster.nodes[n].id
                if cluster.tasks.contains(where: { $0.serviceID == service.id && $0.nodeID == nodeID && $0.desiredState == "running" }) { continue }
                let history = cluster.tasks.filter { $0.serviceID == service.id && $0.nodeID == nodeID }
                guard restartAllowed(history, service, now: now) else { continue }
                var load = SchedulerLoad(cluster, serviceID: service.id)
                newTask(&cluster, service, slot: 0, node: n, now: restartTime(history, service, now: now), load: &load)
            }
        }
    }

    /// Whether a slot may get a new task now: its last task did not end, or the restart policy
    /// allows a restart and its delay has passed.
    private func restartAllowed(_ history: [SwarmTask], _ service: SwarmService, now: Double) -> Bool {
        guard let last = lastTask(history), last.spec.runsSameTasks(as: service.spec) else { return true }
        switch last.state {
        case "complete":
            if service.spec.restartCondition != "any" { return false }
        case "failed", "rejected":
            if service.spec.restartCondition == "none" { return false }
        default:
            return true
        }
        let attempts = history.filter { $0.spec.runsSameTasks(as: service.spec) && ["complete", "failed", "rejected"].contains($0.state) }.count
        if service.spec.restartMaxAttempts > 0 && attempts >= service.spec.restartMaxAttempts { return false }
        return now >= last.timestamp + service.spec.restartDelay
    }

    /// The slot's most recent task.
    private func lastTask(_ history: [SwarmTask]) -> SwarmTask? { history.max { ($0.createdAt, $0.version) < ($1.createdAt, $1.version) } }

    /// When a slot's replacement starts: as soon as its restart delay has passed after its last
    /// task ended (the orchestrator's restart supervisor acts then, even if nothing looks until
    /// later), else now.
    private func restartTime(_ history: [SwarmTask], _ service: SwarmService, now: Double) -> Double {
        guard let last = lastTask(history), ["complete", "failed", "rejected"].contains(last.state),
              last.spec.runsSameTasks(as: service.spec) else { return now }
        return min(now, max(last.timestamp + service.spec.restartDelay, last.timestamp))
    }

    /// Makes a task for a slot (or a global service's node) and places it.
    mutating func newTask(_ cluster: inout SwarmCluster, _ service: SwarmService, slot: Int, node: Int?, now: Double, load: inout SchedulerLoad) {
        let task = SwarmTask(id: SwarmCluster.newID(&ids), serviceID: service.id, slot: slot, nodeID: node.map { cluster.nodes[$0].id } ?? "",
                             spec: service.spec, desiredState: "running", state: "new", timestamp: now, message: "created", error: nil,
                             containerID: nil, createdAt: now, updatedAt: now, version: cluster.nextVersion())
        cluster.tasks.append(task)
        place(&cluster, cluster.tasks.count - 1, now: now, load: &load)
    }

    /// Assigns a task to a node (or leaves it pending with the reason) and starts its container.
    private mutating func place(_ cluster: inout SwarmCluster, _ t: Int, now: Double, load: inout SchedulerLoad) {
        var node = cluster.tasks[t].nodeID.isEmpty ? nil : cluster.nodeIndex(id: cluster.tasks[t].nodeID)
        if node == nil {
            guard let chosen = schedule(cluster, cluster.tasks[t], load: load) else {
                cluster.tasks[t].state = "pending"
                cluster.tasks[t].message = "pending task scheduling"
                cluster.tasks[t].error = unschedulableReason(cluster, cluster.tasks[t].spec)
                cluster.tasks[t].timestamp = now
                return
            }
            node = chosen
        }
        guard let n = node else { return }
        cluster.tasks[t].nodeID = cluster.nodes[n].id
        cluster.tasks[t].error = nil
        load.add(cluster.nodes[n].id)
        startTaskContainer(&cluster, t, machine: cluster.nodes[n].machine, now: now)
    }
}

extension SwarmTask {
    /// The task's process ended with `code`: complete at 0, else failed with swarmkit's
    /// `task: non-zero exit (N)[: cause]` (swarmd/dockerexec/controller.go); either way it is done.
    mutating func end(code: Int32, cause: String?, at time: Double) {
        state = code == 0 ? "complete" : "failed"
        message = code == 0 ? "finished" : "started"
        if code != 0 { error = "task: non-zero exit (\(code))" + (cause.map { ": " + $0 } ?? "") }
        timestamp = time
        desiredState = "shutdown"
    }

    /// Whether its state is one a running task can be in (not yet ended).
    var isLiveState: Bool { ["new", "pending", "assigned", "accepted", "preparing", "starting", "running"].contains(state) }
}
