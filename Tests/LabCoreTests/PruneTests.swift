import XCTest
@testable import LabCore

/// `docker system prune` and the blocks each prune prints (docker/cli v28.2.2
/// cli/command/system/prune.go and the per-type prune.go files).
final class PruneTests: XCTestCase {
    typealias T = SystemCommandsTests

    func testSystemPruneRemovesStoppedContainersUnusedNetworksAndDanglingImages() throws {
        var lab = T.lab(["docker run --name done alpine true", "docker run -d --name up alpine sleep 300",
                         "docker network create spare", "docker volume create kept", "docker commit up"])
        let stopped = try XCTUnwrap(lab.machine.engine.containers.first { $0.name == "done" }).id
        let dangling = try XCTUnwrap(lab.machine.engine.images.first { $0.repoTags.isEmpty }).id
        let (out, status) = T.run("docker system prune -f", in: &lab)
        XCTAssertEqual(status, 0)
        XCTAssertTrue(out.hasPrefix("Deleted Containers:\n\(stopped)\n\nDeleted Networks:\nspare\n\nDeleted Images:\ndeleted: \(dangling)\n\nTotal reclaimed space: "), out)
        XCTAssertEqual(lab.machine.engine.containers.map(\.name), ["up"])
        XCTAssertEqual(lab.machine.engine.volumes.map(\.name), ["kept"])
        XCTAssertEqual(T.run("docker system prune -f", in: &lab).0, "Total reclaimed space: 0B\n")
    }

    func testAllAndVolumesTakeUnusedTaggedImagesAndVolumes() throws {
        var lab = T.lab(["docker run -d --name up alpine sleep 300", "docker pull redis", "docker volume create v",
                         "docker run --rm -v v:/d alpine sh -c 'echo hello > /d/f'"])
        let redis = try XCTUnwrap(lab.machine.engine.images.first { $0.repoTags == ["redis:latest"] })
        let digest = try XCTUnwrap(redis.repoDigests.first)
        let (out, _) = T.run("docker system prune -a -f --volumes", in: &lab)
        XCTAssertEqual(out, "Deleted Volumes:\nv\n\nDeleted Images:\nuntagged: redis:latest\nuntagged: \(digest)\ndeleted: \(redis.id)\n\n"
                       + "Total reclaimed space: 1.986MB\n") // redis's own layers (the catalogue's size) and the volume's 6 bytes
        XCTAssertEqual(lab.machine.engine.images.map(\.repoTags), [["alpine:latest"]])
    }

    func testTheQuestionComesFirstAndOnlyYesGoesOn() {
        var lab = T.lab(["docker run --name done alpine true"])
        let warning = "WARNING! This will remove:\n  - all stopped containers\n  - all networks not used by at least one container\n"
            + "  - all dangling images\n  - unused build cache\n\nAre you sure you want to continue? [y/N] "
        XCTAssertEqual(T.run("echo n | docker system prune", in: &lab).0, warning)
        XCTAssertEqual(lab.machine.engine.containers.count, 1)
        let (out, status) = T.run("echo y | docker system prune", in: &lab)
        XCTAssertEqual(status, 0)
        XCTAssertTrue(out.hasPrefix(warning + "Deleted Containers:\n"), out)
        XCTAssertTrue(lab.machine.engine.containers.isEmpty)
    }

    func testImagePruneAllUntagsEachNameAndTotalsWithFourDigits() throws {
        var lab = T.lab(["docker pull nginx", "docker tag nginx mine:1"])
        let nginx = try XCTUnwrap(lab.machine.engine.images.first)
        let (out, _) = T.run("docker image prune -a -f", in: &lab)
        XCTAssertEqual(out, "Deleted Images:\nuntagged: nginx:latest\nuntagged: \(nginx.repoDigests[0])\nuntagged: mine:1\ndeleted: \(nginx.id)\n\n"
                       + "Total reclaimed space: " + HumanSize.format(Double(nginx.size), base: 1000, units: HumanSize.decimal, precision: 4) + "\n")
    }

    func testFiltersSpareWhatTheyDoNotMatch() throws {
        var lab = T.lab(["docker run --name a --label tmp=1 alpine true", "docker run --name b alpine true",
                         "docker network create --label tmp=1 n1", "docker network create n2"])
        let a = try XCTUnwrap(lab.machine.engine.containers.first { $0.name == "a" }).id
        XCTAssertEqual(T.run("docker container prune -f --filter label=tmp", in: &lab).0, "Deleted Containers:\n\(a)\n\nTotal reclaimed space: 0B\n")
        XCTAssertEqual(T.run("docker network prune -f --filter label!=tmp", in: &lab).0, "Deleted Networks:\nn2\n\n")
        // until: only what was created before it goes (moby daemon/prune.go).
        XCTAssertEqual(T.run("docker container prune -f --filter until=1h", in: &lab).0, "Total reclaimed space: 0B\n")
        XCTAssertEqual(T.run("docker container prune -f --filter until=0s", in: &lab).0.hasPrefix("Deleted Containers:\n"), true)
        XCTAssertEqual(T.run("docker container prune -f --filter foo=bar", in: &lab).0, "Error response from daemon: Invalid filter 'foo'\n")
        XCTAssertEqual(T.run("docker volume prune -f --filter until=1h", in: &lab).0, "Error response from daemon: Invalid filter 'until'\n")
    }

    func testSystemPruneListsItsFiltersAndRefusesUntilWithVolumes() {
        var lab = Lab()
        let question = "WARNING! This will remove:\n  - all stopped containers\n  - all networks not used by at least one container\n"
            + "  - all dangling images\n  - unused build cache\n\n  Items to be pruned will be filtered with:\n"
            + "  - label=a\n  - until=9h\n  - until=10h\n\nAre you sure you want to continue? [y/N] "
        // Two until values: listed (natural order), then refused by the daemon once confirmed.
        XCTAssertEqual(T.run("echo n | docker system prune --filter until=10h --filter label=a --filter until=9h", in: &lab).0, question)
        let (out, status) = T.run("docker system prune --volumes --filter until=1h", in: &lab)
        XCTAssertEqual(out, "ERROR: The \"until\" filter is not supported with \"--volumes\"\n")
        XCTAssertEqual(status, 1)
    }
}
