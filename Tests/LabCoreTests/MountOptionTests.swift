import XCTest
@testable import LabCore

/// --volumes-from with a mode and --mount's checks on the daemon (moby v20.10
/// volume/mounts/linux_parser.go: ParseVolumesFrom, ValidateMountConfig; validate.go).
final class MountOptionTests: XCTestCase {
    typealias T = SystemCommandsTests

    func testVolumesFromTakesReadOnlyAndReadWrite() {
        var lab = T.lab(["docker pull alpine", "docker run -d --name src -v data:/data alpine sleep 300"])
        var (out, status) = T.run("docker run --rm --volumes-from src:ro alpine touch /data/x", in: &lab)
        XCTAssertEqual(out, "touch: /data/x: Read-only file system\n")
        XCTAssertEqual(status, 1)
        (out, status) = T.run("docker run --rm --volumes-from src:rw alpine touch /data/x", in: &lab)
        XCTAssertEqual(status, 0)
        _ = T.run("docker create --name copy --volumes-from src:ro alpine", in: &lab)
        XCTAssertEqual(T.run("docker inspect -f '{{range .Mounts}}{{.Name}} {{.RW}} [{{.Mode}}]{{end}}' copy", in: &lab).0, "data false []\n")
        XCTAssertEqual(T.run("docker inspect -f '{{json .HostConfig.VolumesFrom}}' copy", in: &lab).0, "[\"src:ro\"]\n")
        (out, status) = T.run("docker run --rm --volumes-from src:shared alpine true", in: &lab)
        XCTAssertEqual(out, "docker: Error response from daemon: invalid mode: shared\n\nRun 'docker run --help' for more information\n")
        XCTAssertEqual(status, 125)
    }

    func testABindMountOfAMissingHostPathFails() {
        var lab = Lab()
        let (out, status) = T.run("docker run --rm --mount type=bind,source=/nope,target=/x alpine true", in: &lab)
        // The daemon checks mounts before it looks for the image: nothing is pulled.
        XCTAssertEqual(out, "docker: Error response from daemon: invalid mount config for type \"bind\": bind source path does not exist: /nope\n\n"
                       + "Run 'docker run --help' for more information\n")
        XCTAssertEqual(status, 125)
        XCTAssertTrue(lab.machine.engine.images.isEmpty)
        XCTAssertEqual(T.run("mkdir /site && docker run --rm --mount type=bind,source=/site,target=/x alpine true", in: &lab).1, 0)
        // -v still creates a missing host folder (07-volumes).
        XCTAssertEqual(T.run("docker run --rm -v /made:/x alpine true", in: &lab).1, 0)
    }

    func testOtherMountConfigErrors() {
        var lab = T.lab(["docker pull alpine"])
        XCTAssertEqual(T.run("docker create --mount type=tmpfs,source=x,target=/t alpine", in: &lab).0,
                       "Error response from daemon: invalid mount config for type \"tmpfs\": field Source must not be specified\n")
        XCTAssertEqual(T.run("docker create --mount type=volume,target=/v,readonly alpine", in: &lab).0,
                       "Error response from daemon: invalid mount config for type \"volume\": must not set ReadOnly mode when using anonymous volumes\n")
    }
}
