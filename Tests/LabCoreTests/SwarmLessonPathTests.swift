import XCTest
@testable import LabCore

/// The three-machine lesson path of the swarm issue, end to end as a learner types it: init on
/// node1, join node2 and node3, promote one, six replicas spread 2-2-2, drain node3 and see its
/// tasks move, stop node2 and see them reconciled, a rolling update with a delay, a secret read
/// inside a task, a stack deployed and removed; and the same transcript always printing the same.
final class SwarmLessonPathTests: XCTestCase {
    /// Runs lines as typed at an interactive terminal; returns everything printed.
    private func replay(_ lines: [String], lab: inout Lab) -> [String] {
        let shell = LabShell(terminalAttached: true)
        return lines.map { line in
            let out = CapturedOutput()
            _ = shell.run(line, origin: .interactive, lab: &lab, output: out)
            return out.combined
        }
    }

    /// Tasks of a service running on each machine, by host name.
    private func spread(_ lab: Lab, _ service: String) -> [String: Int] {
        guard let swarm = lab.swarm, let s = swarm.services.first(where: { $0.spec.name == service }) else { return [:] }
        var out: [String: Int] = [:]
        for t in swarm.tasks where t.serviceID == s.id && t.desiredState == "running" && t.state == "running" {
            if let n = swarm.nodeIndex(id: t.nodeID) { out[swarm.nodes[n].hostname, default: 0] += 1 }
        }
        return out
    }

    static let setup = [
        "docker swarm init --advertise-addr 192.168.0.11",
        "ssh node2",
        "docker swarm join --token $(ssh node1 docker swarm join-token -q worker) 192.168.0.11:2377",
        "exit",
        "ssh node3",
        "docker swarm join --token $(ssh node1 docker swarm join-token -q worker) 192.168.0.11:2377",
        "exit",
        "docker node promote node2",
        "docker service create -d --name web --replicas 6 -p 8080:80 nginx",
    ]

    func testThreeNodePath() {
        var lab = Lab(nodes: 3)
        let out = replay(Self.setup, lab: &lab)
        XCTAssertEqual(out[2], "This node joined a swarm as a worker.\n")
        XCTAssertEqual(out[7], "Node node2 promoted to a manager in the swarm.\n")
        XCTAssertEqual(spread(lab, "web"), ["node1": 2, "node2": 2, "node3": 2])
        let ls = replay(["docker node ls --format '{{.Hostname}} {{.Status}} {{.ManagerStatus}}'"], lab: &lab)[0]
        XCTAssertEqual(ls, "node1 Ready Leader\nnode2 Ready Reachable\nnode3 Ready \n")
        // Each machine runs its own task containers.
        XCTAssertEqual(replay(["ssh node3 docker ps -q | wc -l"], lab: &lab)[0], "2\n")

        // Drain node3: its tasks move to node1 and node2.
        _ = replay(["docker node update --availability drain node3"], lab: &lab)
        XCTAssertEqual(spread(lab, "web"), ["node1": 3, "node2": 3])
        XCTAssertEqual(replay(["docker service ps -f desired-state=shutdown --format '{{.Node}} {{.CurrentState}}' web"], lab: &lab)[0]
                        .split(separator: "\n").map { $0.hasPrefix("node3 Shutdown") }, [true, true])
        XCTAssertEqual(replay(["ssh node3 docker ps -q | wc -l"], lab: &lab)[0], "0\n")

        // node2 goes down: a manager left of two keeps no quorum... so first make node3 active and
        // stop a worker instead: demote node2, then stop it; its tasks are rescheduled.
        _ = replay(["docker node update --availability active node3", "docker node demote node2", "lab-machine stop node2"], lab: &lab)
        XCTAssertEqual(spread(lab, "web").values.reduce(0, +), 6)
        XCTAssertNil(spread(lab, "web")["node2"])
        XCTAssertTrue(replay(["docker node ls --format '{{.Hostname}} {{.Status}}'"], lab: &lab)[0].contains("node2 Down"))
        _ = replay(["lab-machine start node2"], lab: &lab)

        // A rolling update, one task at a time, ten seconds apart.
        let before = lab.clock.now
        let update = replay(["docker service update --update-delay 10s --update-parallelism 1 --image nginx:alpine web"], lab: &lab)[0]
        XCTAssertTrue(update.hasSuffix("verify: Service web converged\n"), update)
        XCTAssertGreaterThanOrEqual(lab.clock.now - before, 50, "five pauses of ten seconds between six tasks")
        XCTAssertEqual(replay(["docker service ps -f desired-state=running --format '{{.Image}}' web | sort -u"], lab: &lab)[0], "nginx:alpine\n")

        // A secret read from inside a task.
        let secret = replay([
            "printf 'tops3cret' | docker secret create api_key -",
            "docker service create -d --name api --secret api_key alpine sleep 1000",
            "docker service ps --format '{{.Node}}' api",
        ], lab: &lab)
        let node = secret[2].trimmingCharacters(in: .newlines)
        XCTAssertEqual(replay(["ssh \(node) \"docker exec \\$(docker ps -q -f name=api) cat /run/secrets/api_key\""], lab: &lab)[0], "tops3cret")

        // A stack deployed and removed.
        let stack = replay([
            "printf 'version: \"3.8\"\\nservices:\\n  cache:\\n    image: redis\\n    deploy:\\n      replicas: 3\\n' > stack.yml",
            "docker stack deploy -c stack.yml shop",
            "docker stack services --format '{{.Name}} {{.Replicas}}' shop",
            "docker stack rm shop",
            "docker stack ls",
        ], lab: &lab)
        XCTAssertTrue(stack[1].hasSuffix("Creating network shop_default\nCreating service shop_cache\n"), stack[1])
        XCTAssertEqual(stack[2], "shop_cache 3/3\n")
        XCTAssertEqual(stack[3], "Removing service shop_cache\nRemoving network shop_default\n")
        XCTAssertEqual(stack[4], "NAME      SERVICES\n")
    }

    /// The routing mesh: a port a service publishes answers on every node, even one without a
    /// task of it; a container's own published port answers on its machine only.
    func testPublishedPortAnswersOnEveryNode() {
        var lab = Lab(nodes: 3)
        _ = replay(Self.setup + ["docker service scale web=1"], lab: &lab)
        XCTAssertEqual(spread(lab, "web").count, 1)
        for node in ["node1", "node2", "node3"] {
            XCTAssertTrue(replay(["curl -s \(node):8080"], lab: &lab)[0].contains("<title>Welcome to nginx!</title>"), node)
        }
        XCTAssertEqual(replay(["ssh node3 'docker run -d -p 8081:80 httpd >/dev/null 2>&1; curl -s localhost:8081'"], lab: &lab)[0],
                       "<html><body><h1>It works!</h1></body></html>\n")
        XCTAssertEqual(replay(["curl -s localhost:8081; echo $?"], lab: &lab)[0], "7\n")
    }

    /// Losing more than half of the managers leaves no leader; bringing one back restores it.
    func testQuorumLossAndRecovery() {
        var lab = Lab(nodes: 3)
        _ = replay(Self.setup + ["docker node promote node3", "lab-machine stop node2", "lab-machine stop node3"], lab: &lab)
        XCTAssertTrue(replay(["docker service ls"], lab: &lab)[0].contains("The swarm does not have a leader"))
        // node3's tasks ended with the power loss; they are restarted after the restart delay (5 s).
        _ = replay(["lab-machine start node3", "sleep 6", "docker service ls"], lab: &lab)
        XCTAssertEqual(spread(lab, "web").values.reduce(0, +), 6)
        XCTAssertNil(spread(lab, "web")["node2"])
    }

    /// The scheduler is deterministic: the same transcript prints the same, every time.
    func testSameTranscriptSameOutput() {
        let lines = Self.setup + ["docker node update --availability drain node3", "docker service ps web", "docker service scale web=4",
                                  "docker node ls", "docker service ps web"]
        var a = Lab(nodes: 3), b = Lab(nodes: 3)
        XCTAssertEqual(replay(lines, lab: &a), replay(lines, lab: &b))
        XCTAssertEqual(a, b)
    }
}
