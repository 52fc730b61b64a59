import XCTest
@testable import LabCore

/// `docker commit` and the daemon's lowercase check on names (Fixtures/build 05 and 06).
final class CommitTests: XCTestCase {
    func testACommittedImageKeepsTheFilesAndTakesTheChanges() {
        var lab = SystemCommandsTests.lab(["docker run --name c1 alpine sh -c 'echo hello > /data.txt'"])
        let (id, status) = SystemCommandsTests.run("docker commit -m 'add data' -a me -c 'CMD [\"cat\", \"/data.txt\"]' -c 'ENV FOO=bar' c1 snap:2", in: &lab)
        XCTAssertEqual(status, 0)
        XCTAssertTrue(id.hasPrefix("sha256:") && id.count == 72, id)
        XCTAssertEqual(SystemCommandsTests.run("docker run --rm snap:2", in: &lab).0, "hello\n")
        XCTAssertEqual(SystemCommandsTests.run("docker inspect -f '{{.Comment}}|{{.Author}}|{{json .Config.Env}}' snap:2", in: &lab).0,
                       "add data|me|[\"FOO=bar\"]\n")
        XCTAssertEqual(SystemCommandsTests.run("docker history --format '{{.Size}} {{.Comment}}' snap:2", in: &lab).0.split(separator: "\n").first,
                       "6B add data")
    }

    func testRefusalsInTheDaemonsWords() {
        var lab = SystemCommandsTests.lab(["docker run --name c1 alpine true"])
        XCTAssertEqual(SystemCommandsTests.run("docker commit -c 'BOGUS x' c1 snap:3", in: &lab).0,
                       "Error response from daemon: bogus is not a valid change command\n")
        XCTAssertEqual(SystemCommandsTests.run("docker commit nosuch x", in: &lab).0, "Error response from daemon: No such container: nosuch\n")
        let (text, status) = SystemCommandsTests.run("docker tag alpine UPPER/case", in: &lab)
        XCTAssertEqual(text, "Error response from daemon: invalid reference format: repository name must be lowercase\n")
        XCTAssertEqual(status, 1)
    }
}
