import XCTest
@testable import LabCore

/// `--user` and `docker exec -u`: the process's ids as runc resolves them
/// (libcontainer/user/user.go, GetExecUser) and busybox's `id` prints them (coreutils/id.c).
final class ContainerUserTests: XCTestCase {
    typealias T = SystemCommandsTests

    func testANumericUserAndGroupWithoutEntries() {
        var lab = T.lab(["docker pull alpine", "docker run -d --name u --user 1000:1000 alpine sleep 300"])
        XCTAssertEqual(T.run("docker run --rm --user 1000:1000 alpine id", in: &lab).0, "uid=1000 gid=1000\n")
        XCTAssertEqual(T.run("docker exec u id", in: &lab).0, "uid=1000 gid=1000\n")
        XCTAssertEqual(T.run("docker exec u id -u", in: &lab).0, "1000\n")
        XCTAssertEqual(T.run("docker exec u id -g", in: &lab).0, "1000\n")
        // HOME is "/" for a uid without a passwd entry (moby daemon/oci_linux.go, WithUser).
        XCTAssertEqual(T.run("docker exec u sh -c 'echo $HOME'", in: &lab).0, "/\n")
        XCTAssertEqual(T.run("docker inspect -f '{{.Config.User}}' u", in: &lab).0, "1000:1000\n")
    }

    func testAUidAloneKeepsGroupRoot() {
        var lab = T.lab(["docker pull alpine"])
        XCTAssertEqual(T.run("docker run --rm -u 1000 alpine id", in: &lab).0, "uid=1000 gid=0(root)\n")
    }

    func testExecUserOverridesTheContainers() {
        var lab = T.lab(["docker pull alpine", "docker run -d --name r alpine sleep 300"])
        XCTAssertEqual(T.run("docker exec r id", in: &lab).0, "uid=0(root) gid=0(root) groups=0(root)\n")
        XCTAssertEqual(T.run("docker exec -u 2000:3000 r id", in: &lab).0, "uid=2000 gid=3000\n")
        XCTAssertEqual(T.run("docker exec --user root r id -u", in: &lab).0, "0\n")
    }

    func testNamesComeFromTheContainersFiles() {
        var lab = T.lab(["docker pull alpine", "docker run -d --name n alpine sleep 300",
                         "docker exec n sh -c 'echo app:x:1001:1002:App:/home/app:/bin/sh >> /etc/passwd; printf \"root:x:0:\\napp:x:1002:\\nwww:x:33:app\\n\" > /etc/group'"])
        XCTAssertEqual(T.run("docker exec -u app n id", in: &lab).0, "uid=1001(app) gid=1002(app) groups=33(www)\n")
        XCTAssertEqual(T.run("docker exec -u app:www n id", in: &lab).0, "uid=1001(app) gid=33(www)\n")
        XCTAssertEqual(T.run("docker exec -u app n sh -c 'echo $HOME'", in: &lab).0, "/home/app\n")
    }
}
