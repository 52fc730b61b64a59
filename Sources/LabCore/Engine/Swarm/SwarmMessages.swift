/// The daemon's swarm messages, each with where it comes from. A single-node engine cannot show
/// joins, quorum loss or several nodes, so those come from the sources (moby daemon/cluster,
/// swarmkit manager/ and ca/); the client prints each as `Error response from daemon: …`.
enum SwarmMessages {
    /// moby daemon/cluster/cluster.go errNoManager, when the node is in no swarm.
    static let notInSwarm = EngineError.notSwarmManager
    /// moby daemon/cluster/errors.go errSwarmNotManager: a worker asked for cluster state.
    static let workerNotManager = EngineError.other(
        "This node is not a swarm manager. Worker nodes can't be used to view or modify cluster state. Please run this command on a manager node or promote the current node to a manager.",
        status: 503)
    /// moby daemon/cluster/errors.go errNoSwarm: `swarm leave`, `join-token` outside a swarm.
    static let notPartOfSwarm = EngineError.other("This node is not part of a swarm", status: 503)
    /// moby daemon/cluster/errors.go errSwarmExists: init or join on a node already in a swarm.
    static let alreadyInSwarm = EngineError.other(
        "This node is already part of a swarm. Use \"docker swarm leave\" to leave this swarm and join another one.", status: 503)
    /// swarmkit manager/state/raft/raft.go lostQuorumMessage, through gRPC (code Unknown).
    static let noLeader = EngineError.other(
        "rpc error: code = Unknown desc = The swarm does not have a leader. It's possible that too few managers are online. Make sure more than half of the managers are online.",
        status: 500)
    /// swarmkit ca/server.go: a well-formed token that is not this cluster's.
    static let wrongToken = EngineError.other(
        "rpc error: code = InvalidArgument desc = A valid join token is necessary to join this cluster", status: 500)
    /// swarmkit ca/config.go errInvalidJoinToken: a token that is not SWMTKN-1-…-….
    static let invalidToken = EngineError.other("invalid join token", status: 400)
    /// moby daemon/cluster/errors.go errSwarmJoinTimeoutReached: no manager answers at the address.
    static let joinTimeout = EngineError.other(
        "Timeout was reached before node joined. The attempt to join the swarm will continue in the background. Use the \"docker info\" command to see the current swarm status of your node.",
        status: 500)
    /// 01-swarm-init-leave: `docker swarm join` to an address where no manager listens.
    static func connectionRefused(_ address: String) -> EngineError {
        .other("rpc error: code = Unavailable desc = connection error: desc = \"transport: Error while dialing dial tcp \(address): connect: connection refused\"", status: 500)
    }
    /// moby daemon/cluster/swarm.go Leave: a manager leaving without --force.
    static func managerLeaving(lastManager: Bool, reachable: Int, total: Int, losesQuorum: Bool) -> EngineError {
        var msg = "You are attempting to leave the swarm on a node that is participating as a manager. "
        if losesQuorum {
            if lastManager {
                // 01-swarm-init-leave: the 20.10 engine ends the sentence without a space.
                msg += "Removing the last manager erases all current state of the swarm. Use `--force` to ignore this message."
                return .other(msg, status: 503)
            }
            msg += "Removing this node leaves \(reachable - 1) managers out of \(total). Without a Raft quorum your swarm will be inaccessible. "
        }
        msg += "The only way to restore a swarm that has lost consensus is to reinitialize it with `--force-new-cluster`. Use `--force` to suppress this message."
        return .other(msg, status: 503)
    }
    /// moby daemon/cluster/helpers.go getNode.
    static func noSuchNode(_ ref: String) -> EngineError { .other("node \(ref) not found", status: 404) }
    static func ambiguousNode(_ ref: String, _ n: Int) -> EngineError { .other("node \(ref) is ambiguous (\(n) matches found)", status: 400) }
    /// swarmkit manager/controlapi/node.go UpdateNode: demoting the only manager.
    static let demoteLast = EngineError.other("rpc error: code = FailedPrecondition desc = attempting to demote the last manager of the swarm", status: 500)
    /// swarmkit manager/controlapi/node.go UpdateNode: a demotion that would lose the quorum.
    static let demoteLosesQuorum = EngineError.other(
        "rpc error: code = FailedPrecondition desc = can't remove member from the raft: this would result in a loss of quorum", status: 500)
    /// swarmkit manager/controlapi/node.go RemoveNode: a manager, or a node that is still up, without --force.
    static func removeManager(_ id: String) -> EngineError {
        .other("rpc error: code = FailedPrecondition desc = node \(id) is a cluster manager and is a member of the raft cluster. It must be demoted to worker before removal", status: 500)
    }
    static func removeNotDown(_ id: String) -> EngineError {
        .other("rpc error: code = FailedPrecondition desc = node \(id) is not down and can't be removed", status: 500)
    }
}
