import XCTest
@testable import LabCore

/// /etc/hosts and /etc/resolv.conf as the daemon writes them (moby v20.10 libnetwork
/// sandbox_dns_unix.go, etchosts/etchosts.go, resolvconf/resolvconf.go).
final class ContainerNetworkFilesTests: XCTestCase {
    typealias T = SystemCommandsTests
    let defaults = "127.0.0.1\tlocalhost\n::1\tlocalhost ip6-localhost ip6-loopback\nfe00::0\tip6-localnet\n"
        + "ff00::0\tip6-mcastprefix\nff02::1\tip6-allnodes\nff02::2\tip6-allrouters\n"

    func testOnTheDefaultBridge() throws {
        var lab = T.lab(["docker pull alpine", "docker run -d --name a alpine sleep 300"])
        let c = try XCTUnwrap(lab.machine.engine.containers.first)
        XCTAssertEqual(T.run("docker exec a cat /etc/hosts", in: &lab).0, defaults + "172.17.0.2\t\(c.shortID)\n")
        // No resolv.conf on the lab machine: Google's servers, IPv6 ones dropped on joining the bridge.
        XCTAssertEqual(T.run("docker exec a cat /etc/resolv.conf", in: &lab).0, "\nnameserver 8.8.8.8\nnameserver 8.8.4.4\n")
    }

    func testOnAUserNetworkTheEmbeddedDNS() {
        var lab = T.lab(["docker pull alpine", "docker network create app",
                         "docker run -d --name web --network app -h web.example.com --add-host db:10.0.0.5 alpine sleep 300"])
        XCTAssertEqual(T.run("docker exec web cat /etc/hosts", in: &lab).0, defaults + "10.0.0.5\tdb\n172.18.0.2\tweb.example.com web\n")
        XCTAssertEqual(T.run("docker exec web cat /etc/resolv.conf", in: &lab).0, "nameserver 127.0.0.11\noptions ndots:0\n")
        XCTAssertEqual(T.run("docker inspect -f '{{json .HostConfig.ExtraHosts}}' web", in: &lab).0, "[\"db:10.0.0.5\"]\n")
    }

    func testTheMachinesResolverIsCopiedWithoutLoopback() {
        var lab = T.lab(["docker pull alpine", "printf 'search corp.example\\nnameserver 127.0.0.53\\n' > /etc/resolv.conf",
                         "mkdir -p /run/systemd/resolve", "printf 'nameserver 10.1.1.1\\nsearch corp.example\\n' > /run/systemd/resolve/resolv.conf",
                         "docker network create app"])
        XCTAssertEqual(T.run("docker run --rm alpine cat /etc/resolv.conf", in: &lab).0, "nameserver 10.1.1.1\nsearch corp.example\n")
        XCTAssertEqual(T.run("docker run --rm --network app alpine cat /etc/resolv.conf", in: &lab).0,
                       "search corp.example\nnameserver 127.0.0.11\noptions ndots:0\n")
        XCTAssertEqual(T.run("docker run --rm --dns 1.1.1.1 --dns-option ndots:2 alpine cat /etc/resolv.conf", in: &lab).0,
                       "search corp.example\nnameserver 1.1.1.1\noptions ndots:2\n")
        XCTAssertEqual(T.run("docker run --rm --network host alpine cat /etc/resolv.conf", in: &lab).0, "search corp.example\nnameserver 127.0.0.53\n")
    }

    func testConnectingAddsALineAndTheEmbeddedDNS() {
        var lab = T.lab(["docker pull alpine", "docker network create app", "docker run -d --name a alpine sleep 300", "docker network connect app a"])
        let hosts = T.run("docker exec a cat /etc/hosts", in: &lab).0
        XCTAssertTrue(hosts.hasSuffix("172.17.0.2\t\(lab.machine.engine.containers[0].shortID)\n172.18.0.2\t\(lab.machine.engine.containers[0].shortID)\n"), hosts)
        XCTAssertEqual(T.run("docker exec a cat /etc/resolv.conf", in: &lab).0, "nameserver 127.0.0.11\noptions ndots:0\n")
        _ = T.run("docker network disconnect app a", in: &lab)
        XCTAssertFalse(T.run("docker exec a cat /etc/hosts", in: &lab).0.contains("172.18.0.2"))
        // The files are docker's mounts, not the container's changes.
        XCTAssertEqual(T.run("docker diff a", in: &lab).0, "")
    }
}
