/// A whole simulated lab: one or more machines, the one the learner is on, the simulated clock and
/// the id source. A plain Codable value: saved to SQLite between sessions and copied for grading.
public struct Lab: Codable, Sendable, Equatable {
    /// The machines, node1 first.
    public var machines: [Machine]
    /// Index into `machines` of the machine the learner's shell is on.
    public var current: Int
    /// Simulated time.
    public var clock: SimulatedClock
    /// Deterministic ids and names.
    public var ids: IDSource
    /// The container whose shell the learner's terminal is in (after `docker run -it` or
    /// `docker exec -it`), or nil at the machine's own prompt.
    public var attachment: Attachment?
    /// The machines the learner came from by `ssh` (see `sshOrigins`); nil when none.
    var sshStack: [Int]?
    /// The machines that are powered off; nil when none is.
    var poweredOff: Set<Int>?
    /// The swarm the lab's machines form, once one of them ran `docker swarm init`.
    public var swarm: SwarmCluster?
    /// What the lab's learners pushed to Docker Hub (shared by every machine); nil when nothing.
    public var hub: DockerHub?
    /// Set while `lab engine` handles a request: the clock follows the host's, so what takes
    /// time in the background (a rolling update's batches) is not moved ahead of it. Never saved
    /// set (the engine clears it before it saves).
    var clockFollowsHost: Bool?

    /// A lab of `nodes` fresh machines named node1…nodeN, the learner on node1.
    public init(nodes: Int = 1, seed: UInt64 = 0x5EED_1AB0_0D0C_CE12) {
        machines = (1...max(1, nodes)).map { Machine(hostname: "node\($0)") }
        current = 0
        clock = SimulatedClock()
        ids = IDSource(seed: seed)
    }

    /// A terminal attached to a shell inside a container.
    public struct Attachment: Codable, Sendable, Equatable {
        /// The machine whose engine runs the container.
        public var machine: Int
        public var containerID: String
        /// Whether leaving the shell ends the container (its main process was that shell: `run -it`).
        public var endsContainer: Bool
        /// The shell's own state inside the container (working directory, variables).
        public var shell: ShellEnvironment
        /// Whether the shell is bash (its prompt is `root@HOST:DIR#`) rather than busybox sh (`DIR #`).
        public var bash: Bool
    }

    /// A lab of one given machine at a given simulated time (the inside of a container).
    init(machine: Machine, now: Double, ids: IDSource) {
        machines = [machine]
        current = 0
        clock = SimulatedClock(epoch: SimulatedClock.defaultEpoch, elapsed: now - SimulatedClock.defaultEpoch)
        self.ids = ids
    }

    /// The machine the learner is on.
    /// Modified in place (`lab.machine.shell.lastStatus = 0` touches only that field, without
    /// copying the machine and its engine's arrays). Read with a plain getter: a `_read`
    /// coroutine here is miscompiled at -Onone by Swift 6.3 (the caller keeps using the yielded
    /// copy's address after the coroutine frees it: swiftlang/swift#89836, fixed by PR #90550),
    /// which crashed debug test runs whenever the freed memory was reused.
    public var machine: Machine {
        get { machines[current] }
        _modify { yield &machines[current] }
    }

    /// The shell state of the machine the learner is on, read in place. `machine`'s getter
    /// returns a copy of the whole machine (files and engine included), which the shell's reads
    /// of `$?`, a variable or the working directory on every command do not need.
    var currentShell: ShellEnvironment { machines[current].shell }

    /// Whether the machines form a swarm: `swarm != nil`, tested without copying the cluster.
    var hasSwarm: Bool {
        if case .some = swarm { return true }
        return false
    }
}

extension Lab {
    /// How many Docker objects the lab's machines hold in all: containers, images, networks and
    /// volumes (what the grader's object limit counts).
    public var objectCount: Int {
        var n = 0
        for m in machines {
            n += m.engine.containers.count + m.engine.images.count + m.engine.networks.count + m.engine.volumes.count
        }
        return n
    }
}
