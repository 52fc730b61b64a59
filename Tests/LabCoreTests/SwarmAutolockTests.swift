import XCTest
@testable import LabCore

/// Autolock (docker/cli v28.2.2 cli/command/swarm init.go, update.go, unlock_key.go; the key's
/// form from moby/swarmkit manager/encryption/encryption.go).
final class SwarmAutolockTests: XCTestCase {
    typealias T = SystemCommandsTests

    static func unlockText(_ key: String) -> String {
        "To unlock a swarm manager after it restarts, run the `docker swarm unlock`\ncommand and provide the following key:\n\n    \(key)\n\n"
            + "Remember to store this key in a password manager, since without it you\nwill not be able to restart the manager.\n"
    }

    func testInitWithAutolockPrintsTheKey() throws {
        var lab = Lab()
        let (out, status) = T.run("docker swarm init --autolock", in: &lab)
        XCTAssertEqual(status, 0)
        let key = try XCTUnwrap(lab.swarm?.unlockKey)
        XCTAssertTrue(key.hasPrefix("SWMKEY-1-"))
        XCTAssertEqual(key.count, 9 + 43, "32 bytes in unpadded base64")
        XCTAssertTrue(out.hasSuffix("To add a manager to this swarm, run 'docker swarm join-token manager' and follow the instructions.\n" + Self.unlockText(key)), out)
        XCTAssertEqual(T.run("docker swarm unlock-key -q", in: &lab).0, key + "\n")
        XCTAssertEqual(T.run("docker swarm unlock-key", in: &lab).0, Self.unlockText(key))
        XCTAssertEqual(T.run("docker info --format '{{.Swarm.Cluster.Spec.EncryptionConfig.AutoLockManagers}}'", in: &lab).0, "true\n")
        XCTAssertTrue(T.run("docker info", in: &lab).0.contains("  Autolock Managers: true\n"))
    }

    func testUpdateTurnsItOnAndOff() throws {
        var lab = T.lab(["docker swarm init"])
        XCTAssertEqual(T.run("docker swarm unlock-key", in: &lab).0, "no unlock key is set\n")
        XCTAssertEqual(T.run("docker swarm unlock-key --rotate", in: &lab).0, "cannot rotate because autolock is not turned on\n")
        var (out, _) = T.run("docker swarm update --autolock=true", in: &lab)
        let key = try XCTUnwrap(lab.swarm?.unlockKey)
        XCTAssertEqual(out, "Swarm updated.\n" + Self.unlockText(key))
        // Already on: no new key, no instructions.
        XCTAssertEqual(T.run("docker swarm update --autolock=true", in: &lab).0, "Swarm updated.\n")
        (out, _) = T.run("docker swarm unlock-key --rotate", in: &lab)
        let rotated = try XCTUnwrap(lab.swarm?.unlockKey)
        XCTAssertNotEqual(rotated, key)
        XCTAssertEqual(out, "Successfully rotated manager unlock key.\n" + Self.unlockText(rotated))
        XCTAssertEqual(T.run("docker swarm update --autolock=false", in: &lab).0, "Swarm updated.\n")
        XCTAssertEqual(T.run("docker info --format '{{.Swarm.Cluster.Spec.EncryptionConfig.AutoLockManagers}}'", in: &lab).0, "false\n")
        XCTAssertEqual(T.run("docker swarm unlock-key -q", in: &lab).0, "no unlock key is set\n")
    }
}
