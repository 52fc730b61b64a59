import XCTest
@testable import LabCore

/// Inputs a review found crashing or hanging the lab, or quietly wrong: each must now end with a
/// message and a status.
final class BuildInputEdgeTests: XCTestCase {
    private func run(_ lines: [String], then line: String) -> (String, Int32) {
        var lab = SystemCommandsTests.lab(lines)
        return SystemCommandsTests.run(line, in: &lab)
    }

    func testATarHeaderWithANegativeSizeIsNotATar() {
        let (text, status) = run(["printf abc > a && tar -cf t.tar a && sed 's/00000000003/-0000000003/' t.tar > bad.tar"], then: "tar -tf bad.tar")
        XCTAssertEqual(status, 2)
        XCTAssertTrue(text.hasPrefix("tar: This does not look like a tar archive"), text)
    }

    func testAZeroHealthIntervalMeansTheDefault() {
        let (text, _) = run(["printf 'FROM alpine\\nHEALTHCHECK --interval=0s CMD true\\n' > Dockerfile && docker build -q -t hc .",
                             "docker run -d --name h hc sleep 100", "sleep 31"], then: "docker ps --format '{{.Status}}'")
        XCTAssertEqual(text, "Up 31 seconds (healthy)\n")
    }

    func testComposeRefusesANegativeScaleAndSkipsAnEmptyVariableName() {
        let lines = ["printf '%s\\n' 'services:' '  web:' '    image: nginx' '    env_file: e.env' > docker-compose.yml && echo '=' > e.env"]
        XCTAssertEqual(run(lines, then: "docker-compose up -d --scale web=-1").1, 1)
        XCTAssertEqual(run(lines, then: "docker-compose config").1, 0)
    }

    func testShellOptionLettersBeforeTheCommandApply() {
        let (text, status) = run([], then: "sh -ec 'false; echo no'")
        XCTAssertEqual(text, "")
        XCTAssertEqual(status, 1)
    }

    func testCommitLeavesMountedDataOut() {
        let (text, _) = run(["mkdir -p /root/m && echo host > /root/m/h",
                             "docker run --name c -v v:/data -v /root/m:/mnt alpine sh -c 'echo x > /data/f; echo y > /kept'",
                             "docker commit c img"], then: "docker run --rm img ls /data /mnt /kept")
        XCTAssertEqual(text, "/kept\n\n/data:\n\n/mnt:\n")
    }

    func testAnArgWithoutValueStaysUnset() {
        let (text, _) = run(["printf 'FROM alpine\\nARG FOO\\nRUN echo \"[${FOO-unset}]\" > /r\\n' > Dockerfile && docker build -q -t a ."],
                            then: "docker run --rm a cat /r")
        XCTAssertEqual(text, "[unset]\n")
    }
}
