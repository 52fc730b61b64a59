import XCTest
@testable import LabCore

/// Pushes and pulls against registries: which scheme the daemon speaks to a registry host and
/// what it says when the host cannot be reached (Fixtures/build 05).
final class RegistryTests: XCTestCase {
    private func run(_ lines: [String], then line: String) -> (String, Int32) {
        var lab = SystemCommandsTests.lab(lines)
        return SystemCommandsTests.run(line, in: &lab)
    }

    /// A registry host that is not a loopback address is a secure registry (the daemon's default
    /// insecure list is 127.0.0.0/8), so it is asked over https, and a name nothing resolves fails
    /// in the lookup: Fixtures/build 05, `docker tag alpine nosuch:5000/x && docker push nosuch:5000/x`.
    func testAPushToAnUnknownRegistryHostFailsInItsNameLookupOverHTTPS() {
        let (text, status) = run(["docker pull -q alpine"], then: "docker tag alpine nosuch:5000/x && docker push nosuch:5000/x")
        XCTAssertEqual(status, 1)
        XCTAssertEqual(text, "Using default tag: latest\nThe push refers to repository [nosuch:5000/x]\n"
                       + "Get \"https://nosuch:5000/v2/\": dial tcp: lookup nosuch on \(Lab.resolver):53: no such host\n")
        XCTAssertEqual(run([], then: "docker pull nosuch:5000/x:1").0,
                       "Error response from daemon: Get \"https://nosuch:5000/v2/\": dial tcp: lookup nosuch on \(Lab.resolver):53: no such host\n")
    }

    /// Loopback registries are insecure by default: plain http, refused when nothing listens.
    func testALoopbackRegistryWithNothingListeningRefusesOverHTTP() {
        let (text, status) = run([], then: "docker pull localhost:5009/x")
        XCTAssertEqual(status, 1)
        XCTAssertEqual(text, "Using default tag: latest\nError response from daemon: Get \"http://localhost:5009/v2/\": dial tcp 127.0.0.1:5009: connect: connection refused\n")
    }

    /// `docker run` pulls a missing image on standard error (stdout is for the container's id and
    /// output), and -q leaves the pull out (docker/cli v28.2.2 cli/command/container/create.go).
    func testRunShowsItsPullOnStandardErrorAndQuietLeavesItOut() {
        XCTAssertEqual(run([], then: "docker run --rm alpine echo hi 2>/dev/null").0, "hi\n")
        let (text, status) = run([], then: "docker run -q --rm alpine echo hi")
        XCTAssertEqual(status, 0)
        XCTAssertEqual(text, "hi\n")
    }
}
