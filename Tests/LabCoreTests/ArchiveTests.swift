import XCTest
@testable import LabCore

/// tar and gzip on the lab's files, ADD of a local archive, and docker save/load round trips.
final class ArchiveTests: XCTestCase {
    func testTarRoundTripsThroughGzip() {
        var lab = SystemCommandsTests.lab(["mkdir -p src/sub && echo one > src/a && echo two > src/sub/b",
                                           "tar -czf s.tgz -C src . && mkdir out && tar -xzf s.tgz -C out"])
        XCTAssertEqual(SystemCommandsTests.run("cat out/a out/sub/b", in: &lab).0, "one\ntwo\n")
        XCTAssertEqual(SystemCommandsTests.run("tar tzf s.tgz", in: &lab).0, "./\n./a\n./sub/\n./sub/b\n")
        let (text, status) = SystemCommandsTests.run("tar tf nosuch.tar", in: &lab)
        XCTAssertEqual(status, 2)
        XCTAssertEqual(text, "tar: nosuch.tar: Cannot open: No such file or directory\ntar: Error is not recoverable: exiting now\n")
    }

    func testAddUnpacksALocalArchive() {
        var lab = SystemCommandsTests.lab(["mkdir ctx && echo x > f && tar cf - f | gzip > ctx/f.tar.gz",
                                           "printf 'FROM alpine\\nADD f.tar.gz /opt/\\n' > ctx/Dockerfile && docker build -q -t unpacked ctx"])
        XCTAssertEqual(SystemCommandsTests.run("docker run --rm unpacked ls /opt", in: &lab).0, "f\n")
    }

    func testSaveThenLoadGivesTheImageBack() {
        var lab = SystemCommandsTests.lab(["docker pull alpine", "docker tag alpine mine:1", "docker save -o m.tar mine:1", "docker rmi mine:1"])
        XCTAssertEqual(SystemCommandsTests.run("tar xOf m.tar repositories | grep -c mine", in: &lab).0, "1\n")
        XCTAssertEqual(SystemCommandsTests.run("docker load -i m.tar", in: &lab).0, "Loaded image: mine:1\n")
        XCTAssertEqual(SystemCommandsTests.run("docker images --format '{{.Repository}}:{{.Tag}}' mine", in: &lab).0, "mine:1\n")
        XCTAssertEqual(SystemCommandsTests.run("docker save -o /nonexistent/dir/x.tar mine:1", in: &lab).0,
                       "failed to save image: invalid output path: stat /nonexistent/dir: no such file or directory\n")
        XCTAssertEqual(SystemCommandsTests.run("printf 'not a tar\\n' > bad.tar && docker load -i bad.tar", in: &lab).0,
                       "Error processing tar file(exit status 1): unexpected EOF\n")
    }
}
