import XCTest
@testable import LabCore

/// `docker login` / `docker logout`: the client's refusals, the registry's answer, and the
/// config file as the client writes it (Fixtures/build 05 and the docker client without a daemon).
final class LoginTests: XCTestCase {
    func testCredentialsAreKeptAndRemovedInTheConfigFile() {
        var lab = SystemCommandsTests.lab(["docker run -d -p 5001:5000 --name reg registry"])
        let (text, status) = SystemCommandsTests.run("echo secret | docker login -u lab --password-stdin localhost:5001", in: &lab)
        XCTAssertEqual(status, 0)
        XCTAssertTrue(text.hasSuffix("https://docs.docker.com/go/credential-store/\n\nLogin Succeeded\n"), text)
        XCTAssertEqual(SystemCommandsTests.run("cat ~/.docker/config.json", in: &lab).0,
                       "{\n\t\"auths\": {\n\t\t\"localhost:5001\": {\n\t\t\t\"auth\": \"bGFiOnNlY3JldA==\"\n\t\t}\n\t}\n}")
        XCTAssertEqual(SystemCommandsTests.run("docker logout localhost:5001", in: &lab).0, "Removing login credentials for localhost:5001\n")
        XCTAssertEqual(SystemCommandsTests.run("cat ~/.docker/config.json", in: &lab).0, "{\n\t\"auths\": {}\n}")
    }

    func testRefusals() {
        var lab = Lab()
        XCTAssertEqual(SystemCommandsTests.run("docker login -p x --password-stdin", in: &lab).0,
                       "conflicting options: cannot specify both --password and --password-stdin\n")
        XCTAssertEqual(SystemCommandsTests.run("docker login --password-stdin", in: &lab).0,
                       "the --password-stdin option requires --username to be set\n")
        XCTAssertEqual(SystemCommandsTests.run("docker login -u a -p x 127.0.0.1:5009", in: &lab).0,
                       "WARNING! Using --password via the CLI is insecure. Use --password-stdin.\nError response from daemon: Get \"http://127.0.0.1:5009/v2/\": dial tcp 127.0.0.1:5009: connect: connection refused\n")
    }
}
