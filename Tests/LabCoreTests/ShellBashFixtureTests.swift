import Foundation
import XCTest
@testable import LabCore

/// Replays every case recorded from the real bash by scripts/record-shell-fixtures.sh and
/// compares stdout, stderr and exit status exactly.
final class ShellBashFixtureTests: XCTestCase {
    struct Fixture: Decodable {
        struct Case: Decodable {
            let name: String
            let command: String
            let stdout: String
            let stderr: String
            let status: Int32
        }
        let recordedWith: String
        let invocation: String
        let cases: [Case]
    }

    func loadFixtures() throws -> Fixture {
        let url = try XCTUnwrap(Bundle.module.url(forResource: "bash-fixtures", withExtension: "json",
                                                  subdirectory: "Fixtures/shell"))
        return try JSONDecoder().decode(Fixture.self, from: Data(contentsOf: url))
    }

    func testEveryCaseMatchesRealBash() throws {
        let fixture = try loadFixtures()
        XCTAssertGreaterThanOrEqual(fixture.cases.count, 120)
        let shell = Shell()
        var mismatches: [String] = []
        for c in fixture.cases {
            var lab = Lab()
            let output = CapturedOutput()
            let outcome = shell.run(c.command, origin: .commandString, lab: &lab, output: output)
            var problems: [String] = []
            if output.stdout != c.stdout { problems.append("stdout \(output.stdout.debugDescription) != \(c.stdout.debugDescription)") }
            if output.stderr != c.stderr { problems.append("stderr \(output.stderr.debugDescription) != \(c.stderr.debugDescription)") }
            if outcome.status != c.status { problems.append("status \(outcome.status) != \(c.status)") }
            if !problems.isEmpty { mismatches.append("\(c.name): " + problems.joined(separator: "; ")) }
        }
        XCTAssert(mismatches.isEmpty,
                  "\(mismatches.count) of \(fixture.cases.count) cases differ from bash:\n" + mismatches.joined(separator: "\n"))
    }
}
