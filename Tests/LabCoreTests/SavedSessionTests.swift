import XCTest
@testable import LabCore

/// A learner's saved session must survive the lab's upgrades: a lab saved by an earlier build
/// (Fixtures/sessions/2026-11-30-lab.json: containers, a healthcheck, a built image, a swarm with a
/// service and a secret, saved by the lab of 2026-11-30) still loads, and every field added since
/// decodes as absent rather than failing the whole session.
final class SavedSessionTests: XCTestCase {
    func testASessionSavedByAnEarlierLabStillLoads() throws {
        let url = try XCTUnwrap(Bundle.module.url(forResource: "2026-11-30-lab", withExtension: "json", subdirectory: "Fixtures/sessions"))
        var lab = try JSONDecoder().decode(Lab.self, from: Data(contentsOf: url))
        let shell = LabShell()
        let out = CapturedOutput()
        _ = shell.run("docker ps -a --format '{{.Names}}' | sort; docker service ls --format '{{.Name}} {{.Replicas}}'; docker images hi --format '{{.Repository}}'; docker secret ls --format '{{.Name}}'",
                      origin: .commandString, lab: &lab, output: out)
        XCTAssertTrue(out.stdout.contains("web\n"), out.combined)
        XCTAssertTrue(out.stdout.contains("once\n"), out.combined)
        XCTAssertTrue(out.stdout.contains("svc 2/2\n"), out.combined)
        XCTAssertTrue(out.stdout.contains("hi\n"), out.combined)
        XCTAssertTrue(out.stdout.hasSuffix("s1\n"), out.combined)
        // And it saves again in today's form.
        XCTAssertNoThrow(try JSONDecoder().decode(Lab.self, from: JSONEncoder().encode(lab)))
    }
}
