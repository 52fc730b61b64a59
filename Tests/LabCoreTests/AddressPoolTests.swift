import XCTest
@testable import LabCore

/// Local networks' IPv4 pools never overlap (moby v20.10 libnetwork ipam/structures.go and
/// ipamutils/utils.go).
final class AddressPoolTests: XCTestCase {
    typealias T = SystemCommandsTests

    func testAnOverlappingSubnetIsRefused() {
        var lab = T.lab(["docker network create --subnet 10.10.0.0/16 first"])
        var (out, status) = T.run("docker network create --subnet 10.10.5.0/24 second", in: &lab)
        XCTAssertEqual(out, "Error response from daemon: Pool overlaps with other one on this address space\n")
        XCTAssertEqual(status, 1)
        (out, _) = T.run("docker network create --subnet 172.17.1.0/24 third", in: &lab)
        XCTAssertEqual(out, "Error response from daemon: Pool overlaps with other one on this address space\n")
        (_, status) = T.run("docker network create --subnet 10.11.0.0/16 fourth", in: &lab)
        XCTAssertEqual(status, 0)
        XCTAssertEqual(T.run("docker network ls -q -f name=second", in: &lab).0, "")
    }

    func testDefaultPoolsSkipWhatAUserSubnetTook() {
        var lab = T.lab(["docker network create --subnet 172.18.5.0/24 mine", "docker network create auto"])
        XCTAssertEqual(T.run("docker network inspect -f '{{range .IPAM.Config}}{{.Subnet}} {{.Gateway}}{{end}}' auto", in: &lab).0,
                       "172.19.0.0/16 172.19.0.1\n")
    }

    func testAfter172ComeThe192168Pools() {
        var lab = T.lab((18...31).map { "docker network create n\($0)" } + ["docker network create next"])
        XCTAssertEqual(T.run("docker network inspect -f '{{range .IPAM.Config}}{{.Subnet}} {{.Gateway}}{{end}}' next", in: &lab).0,
                       "192.168.0.0/20 192.168.0.1\n")
    }
}
