import XCTest
@testable import LabCore

/// `docker rmi` by name and by id, with moby's conflicts (daemon/images/image_delete.go, Engine 20.10).
final class ImageDeleteTests: XCTestCase {
    typealias T = SystemCommandsTests

    func testAnIDTaggedInSeveralRepositoriesNeedsForce() throws {
        var lab = T.lab(["docker pull alpine", "docker tag alpine mine:1"])
        let image = try XCTUnwrap(lab.machine.engine.images.first)
        let (out, status) = T.run("docker rmi \(image.shortID)", in: &lab)
        XCTAssertEqual(out, "Error response from daemon: conflict: unable to delete \(image.shortID) (must be forced) - image is referenced in multiple repositories\n")
        XCTAssertEqual(status, 1)
        // -f removes every reference, in the reference store's order, then the image.
        XCTAssertEqual(T.run("docker rmi -f \(image.shortID)", in: &lab).0,
                       "Untagged: alpine:latest\nUntagged: \(image.repoDigests[0])\nUntagged: mine:1\nDeleted: \(image.id)\n")
        XCTAssertTrue(lab.machine.engine.images.isEmpty)
    }

    func testAnIDUsedByAStoppedContainer() throws {
        var lab = T.lab(["docker pull alpine", "docker run --name done alpine true"])
        let image = try XCTUnwrap(lab.machine.engine.images.first)
        let container = try XCTUnwrap(lab.machine.engine.containers.first)
        XCTAssertEqual(T.run("docker rmi \(image.shortID)", in: &lab).0,
                       "Error response from daemon: conflict: unable to delete \(image.shortID) (must be forced) - image is being used by stopped container \(container.shortID)\n")
        // Forced, the stopped container does not keep it.
        XCTAssertEqual(T.run("docker rmi -f \(image.shortID)", in: &lab).0,
                       "Untagged: alpine:latest\nUntagged: \(image.repoDigests[0])\nDeleted: \(image.id)\n")
    }

    func testARunningContainerCannotBeForced() throws {
        var lab = T.lab(["docker pull alpine", "docker run -d --name up alpine sleep 300"])
        let image = try XCTUnwrap(lab.machine.engine.images.first)
        let container = try XCTUnwrap(lab.machine.engine.containers.first)
        XCTAssertEqual(T.run("docker rmi -f \(image.shortID)", in: &lab).0,
                       "Error response from daemon: conflict: unable to delete \(image.shortID) (cannot be forced) - image is being used by running container \(container.shortID)\n")
        // By name with -f the tag goes and the image stays, quietly (it is in use).
        XCTAssertEqual(T.run("docker rmi -f alpine", in: &lab).0, "Untagged: alpine:latest\nUntagged: \(image.repoDigests[0])\n")
        XCTAssertEqual(lab.machine.engine.images.map(\.repoTags), [[]])
    }

    func testTheConflictQuotesTheReferenceAsTyped() throws {
        var lab = T.lab(["docker pull alpine", "docker run --name done alpine true"])
        let image = try XCTUnwrap(lab.machine.engine.images.first)
        let container = try XCTUnwrap(lab.machine.engine.containers.first)
        XCTAssertEqual(T.run("docker rmi alpine", in: &lab).0,
                       "Error response from daemon: conflict: unable to remove repository reference \"alpine\" (must force) - container \(container.shortID) is using its referenced image \(image.shortID)\n")
        XCTAssertEqual(T.run("docker rmi nosuch", in: &lab).0, "Error response from daemon: No such image: nosuch:latest\n")
    }

    func testADigestReferenceNamesItsImage() throws {
        var lab = T.lab(["docker pull alpine"])
        let image = try XCTUnwrap(lab.machine.engine.images.first)
        XCTAssertEqual(T.run("docker rmi \(image.repoDigests[0])", in: &lab).0, "Untagged: \(image.repoDigests[0])\n")
        XCTAssertEqual(lab.machine.engine.images.first?.repoTags, ["alpine:latest"])
    }
}
