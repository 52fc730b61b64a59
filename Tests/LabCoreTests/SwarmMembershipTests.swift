import XCTest
@testable import LabCore

/// A swarm of three lab machines: init, join with the right and wrong tokens, node ls as each
/// role sees it, promote, drain, labels, leave, removal, and Raft's quorum when machines stop.
/// The texts come from docker/cli (cli/command/swarm, cli/command/node) and the daemon's from
/// moby daemon/cluster and swarmkit (see SwarmMessages).
final class SwarmMembershipTests: XCTestCase {
    private var lab = Lab(nodes: 3)

    /// Types a line at the interactive terminal; returns its combined output and status.
    @discardableResult
    private func type(_ line: String) -> (String, Int32) {
        let out = CapturedOutput()
        let outcome = LabShell(terminalAttached: true).run(line, origin: .interactive, lab: &lab, output: out)
        return (out.combined, outcome.status)
    }

    /// Ids and tokens replaced by placeholders, so outputs compare.
    private func normal(_ s: String) -> String {
        var s = s
        for (i, node) in (lab.swarm?.nodes ?? []).enumerated() { s = s.replacingOccurrences(of: node.id, with: "NODE\(i + 1)ID".padding(toLength: 25, withPad: "_", startingAt: 0)) }
        if let swarm = lab.swarm {
            s = s.replacingOccurrences(of: swarm.workerToken, with: "WORKER-TOKEN").replacingOccurrences(of: swarm.managerToken, with: "MANAGER-TOKEN")
        }
        return s
    }

    private func threeNodes() {
        type("docker swarm init --advertise-addr eth0")
        type("ssh node2")
        type("docker swarm join --token \(lab.swarm!.workerToken) 192.168.0.11:2377")
        type("exit")
        type("ssh node3")
        type("docker swarm join --token \(lab.swarm!.workerToken) 192.168.0.11:2377")
        type("exit")
    }

    func testInitPrintsTheJoinCommand() {
        let (out, status) = type("docker swarm init --advertise-addr eth0")
        XCTAssertEqual(status, 0)
        XCTAssertEqual(normal(out), """
            Swarm initialized: current node (NODE1ID__________________) is now a manager.

            To add a worker to this swarm, run the following command:

                docker swarm join --token WORKER-TOKEN 192.168.0.11:2377

            To add a manager to this swarm, run 'docker swarm join-token manager' and follow the instructions.

            """)
        XCTAssertEqual(type("docker swarm init").0,
                       "Error response from daemon: This node is already part of a swarm. Use \"docker swarm leave\" to leave this swarm and join another one.\n")
        XCTAssertEqual(normal(type("docker swarm join-token -q manager").0), "MANAGER-TOKEN\n")
        let rotated = lab.swarm!.workerToken
        XCTAssertTrue(type("docker swarm join-token --rotate worker").0.hasPrefix("Successfully rotated worker join token.\n\nTo add a worker"))
        XCTAssertNotEqual(lab.swarm!.workerToken, rotated)
    }

    func testJoinWithRightAndWrongTokensAndWorkersCannotManage() {
        type("docker swarm init")
        type("ssh node2")
        XCTAssertEqual(type("docker swarm join --token SWMTKN-1-abc 192.168.0.11:2377").0, "Error response from daemon: invalid join token\n")
        let wrong = "SWMTKN-1-" + String(repeating: "a", count: 50) + "-" + String(repeating: "b", count: 25)
        XCTAssertEqual(type("docker swarm join --token \(wrong) 192.168.0.11:2377").0,
                       "Error response from daemon: rpc error: code = InvalidArgument desc = A valid join token is necessary to join this cluster\n")
        XCTAssertEqual(type("docker swarm join --token \(lab.swarm!.workerToken) 192.168.0.11:2377").0, "This node joined a swarm as a worker.\n")
        let (ls, status) = type("docker node ls")
        XCTAssertEqual(status, 1)
        XCTAssertEqual(ls, "Error response from daemon: This node is not a swarm manager. Worker nodes can't be used to view or modify cluster state. Please run this command on a manager node or promote the current node to a manager.\n")
        XCTAssertEqual(type("docker swarm leave").0, "Node left the swarm.\n")
    }

    func testNodeListPromoteDrainAndLabels() {
        threeNodes()
        XCTAssertEqual(normal(type("docker node promote node2").0), "Node node2 promoted to a manager in the swarm.\n")
        XCTAssertEqual(normal(type("docker node promote node2").0), "Node NODE2ID__________________ is already a manager.\n")
        XCTAssertEqual(type("docker node update --availability drain --label-add zone=east node3").0, "node3\n")
        XCTAssertEqual(type("docker node update --label-rm nosuch node3").0, "key nosuch doesn't exist in node's labels\n")
        XCTAssertEqual(normal(type("docker node ls").0), """
            ID                            HOSTNAME   STATUS    AVAILABILITY   MANAGER STATUS   ENGINE VERSION
            NODE1ID__________________ *   node1      Ready     Active         Leader           20.10.24+dfsg1
            NODE2ID__________________     node2      Ready     Active         Reachable        20.10.24+dfsg1
            NODE3ID__________________     node3      Ready     Drain                           20.10.24+dfsg1

            """)
        XCTAssertEqual(type("docker node ls --filter role=manager -q").0.split(separator: "\n").count, 2)
        XCTAssertEqual(type("docker node inspect -f '{{.Spec.Labels.zone}} {{.Spec.Availability}}' node3").0, "east drain\n")
        XCTAssertEqual(normal(type("docker node demote node2").0), "Manager node2 demoted in the swarm.\n")
        XCTAssertEqual(type("docker node demote node1").0,
                       "Error response from daemon: rpc error: code = FailedPrecondition desc = attempting to demote the last manager of the swarm\n")
    }

    func testQuorumIsLostWhenMostManagersStop() {
        threeNodes()
        type("docker node promote node2 node3")
        type("lab-machine stop node3")
        XCTAssertEqual(type("docker node ls").1, 0, "two of three managers keep the quorum")
        XCTAssertTrue(type("docker node ls").0.contains("node3      Down      Active         Unreachable"))
        type("lab-machine stop node2")
        XCTAssertEqual(type("docker node ls").0,
                       "Error response from daemon: rpc error: code = Unknown desc = The swarm does not have a leader. It's possible that too few managers are online. Make sure more than half of the managers are online.\n")
        type("lab-machine start node2")
        XCTAssertEqual(type("docker node ls").1, 0)
    }

    func testLeaveAndRemove() {
        threeNodes()
        XCTAssertEqual(type("docker swarm leave").0,
                       "Error response from daemon: You are attempting to leave the swarm on a node that is participating as a manager. Removing the last manager erases all current state of the swarm. Use `--force` to ignore this message.\n")
        let id3 = lab.swarm!.nodes[2].id
        XCTAssertEqual(type("docker node rm node3").0,
                       "Error response from daemon: rpc error: code = FailedPrecondition desc = node \(id3) is not down and can't be removed\n")
        type("ssh node3")
        type("docker swarm leave")
        type("exit")
        XCTAssertTrue(type("docker node ls").0.contains("node3      Down"))
        XCTAssertEqual(type("docker node rm node3").0, "node3\n")
        XCTAssertEqual(lab.swarm?.nodes.count, 2)
        XCTAssertTrue(type("docker node inspect nosuch").0.hasSuffix("Error response from daemon: node nosuch not found\n"))
        XCTAssertEqual(type("docker swarm leave --force").0, "Node left the swarm.\n")
        XCTAssertEqual(type("docker node ls").0,
                       "Error response from daemon: This node is not a swarm manager. Use \"docker swarm init\" or \"docker swarm join\" to connect this node to swarm and try again.\n")
    }
}
