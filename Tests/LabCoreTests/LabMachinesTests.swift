import XCTest
@testable import LabCore

/// The lab's machines: ssh between them (and back with exit), the prompt that says where the
/// learner is, and a machine powered off and on.
final class LabMachinesTests: XCTestCase {
    /// Runs lines as typed at an interactive terminal; returns each line's combined output and status.
    private func type(_ lines: [String], lab: inout Lab) -> [(String, Int32)] {
        let shell = LabShell(terminalAttached: true)
        return lines.map { line in
            let out = CapturedOutput()
            let outcome = shell.run(line, origin: .interactive, lab: &lab, output: out)
            return (out.combined, outcome.status)
        }
    }

    func testSshMovesTheTerminalAndExitComesBack() {
        var lab = Lab(nodes: 3)
        let ran = type(["ssh node2", "hostname", "docker run -d --name web nginx", "ssh root@192.168.0.13", "hostname", "exit", "exit", "hostname",
                        "docker ps -q | wc -l", "ssh node2 docker ps --format '{{.Names}}'", "ssh nodex", "exit"], lab: &lab)
        XCTAssertEqual(ran[1].0, "node2\n")
        XCTAssertEqual(ran[4].0, "node3\n")
        XCTAssertEqual(ran[5].0, "logout\nConnection to node3 closed.\n")
        XCTAssertEqual(ran[6].0, "logout\nConnection to node2 closed.\n")
        XCTAssertEqual(ran[7].0, "node1\n")
        XCTAssertEqual(ran[8].0, "0\n", "the container runs on node2, not node1")
        XCTAssertEqual(ran[9].0, "web\n")
        XCTAssertEqual(ran[10].0, "ssh: Could not resolve hostname nodex: Name or service not known\n")
        XCTAssertEqual(ran[10].1, 255)
        XCTAssertEqual(lab.current, 0)
    }

    func testPromptShowsTheMachine() {
        var lab = Lab(nodes: 2)
        XCTAssertEqual(LabShell.prompt(lab), "root@node1:~# ")
        _ = type(["ssh node2", "cd /tmp"], lab: &lab)
        XCTAssertEqual(LabShell.prompt(lab), "root@node2:/tmp# ")
    }

    func testAPoweredOffMachineIsUnreachableAndItsContainersEnd() {
        var lab = Lab(nodes: 2)
        let ran = type(["ssh node2", "docker run -d --name keep --restart always nginx", "docker run -d --name once nginx", "exit",
                        "lab-machine stop node2", "ssh node2", "lab-machine ls", "lab-machine start node2",
                        "ssh node2 \"docker ps -a --format '{{.Names}} {{.State}}'\"", "lab-machine stop node9"], lab: &lab)
        XCTAssertEqual(ran[5].0, "ssh: connect to host node2 port 22: No route to host\n")
        XCTAssertEqual(ran[6].0, "NAME      ADDRESS         STATE\nnode1     192.168.0.11    running\nnode2     192.168.0.12    stopped\n")
        XCTAssertEqual(ran[8].0, "once exited\nkeep running\n")
        XCTAssertEqual(ran[9].1, 1)
    }

    func testStoppingTheMachineYouAreOnReturnsYou() {
        var lab = Lab(nodes: 2)
        let ran = type(["ssh node2", "lab-machine stop node2", "hostname"], lab: &lab)
        XCTAssertEqual(ran[1].0, "Connection to node2 closed by remote host.\n")
        XCTAssertEqual(ran[2].0, "node1\n")
    }

    func testOlderSavedLabsStillLoad() throws {
        var lab = Lab(nodes: 2)
        _ = type(["ssh node2"], lab: &lab)
        let data = try JSONEncoder().encode(lab)
        XCTAssertEqual(try JSONDecoder().decode(Lab.self, from: data), lab)
        var old = try XCTUnwrap(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        old["sshStack"] = nil
        old["poweredOff"] = nil
        XCTAssertNoThrow(try JSONDecoder().decode(Lab.self, from: try JSONSerialization.data(withJSONObject: old)))
    }
}
