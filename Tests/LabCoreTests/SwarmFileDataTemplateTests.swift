import XCTest
@testable import LabCore

/// A config's `Spec.Data` is a Go `[]byte`: `-f` prints its bytes with `%v` and its text with
/// `%s` (Fixtures/swarm transcript 10 recorded `printf "%s"`), while `json` keeps the base64.
final class SwarmFileDataTemplateTests: XCTestCase {
    func run(_ line: String, _ lab: inout Lab) -> String {
        let out = CapturedOutput()
        _ = LabShell().run(line, origin: .commandString, lab: &lab, output: out)
        return out.stdout
    }

    func testConfigDataPrintsAsBytesTextOrBase64() {
        var lab = Lab()
        _ = run("docker swarm init", &lab)
        _ = run("echo hi | docker config create greeting -", &lab)
        XCTAssertEqual(run("docker config inspect -f '{{printf \"%s\" .Spec.Data}}' greeting", &lab), "hi\n\n")
        XCTAssertEqual(run("docker config inspect -f '{{printf \"%q|%x|%v\" .Spec.Data .Spec.Data .Spec.Data}}' greeting", &lab),
                       "\"hi\\n\"|68690a|[104 105 10]\n")
        XCTAssertEqual(run("docker config inspect -f '{{.Spec.Data}}' greeting", &lab), "[104 105 10]\n")
        XCTAssertEqual(run("docker config inspect -f '{{json .Spec.Data}}' greeting", &lab), "\"aGkK\"\n")
        // A secret's data never leaves the daemon: the field is an empty slice.
        _ = run("echo pw | docker secret create db_pw -", &lab)
        XCTAssertEqual(run("docker secret inspect -f '{{.Spec.Data}}' db_pw", &lab), "[]\n")
    }
}
