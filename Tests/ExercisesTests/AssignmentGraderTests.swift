import Foundation
import LabCore
import XCTest
@testable import Exercises

final class AssignmentGraderTests: XCTestCase {
    func testFactsIgnoreIdsTimesAndGeneratedNames() {
        let grader = AssignmentGrader(solution: ["docker run -d -p 8080:80 nginx"])
        var other = Lab(seed: 42)
        other.clock.advance(by: 3600)
        _ = LabShell().run("docker run -d -p 8080:80 nginx", origin: .commandString, lab: &other, output: DiscardedOutput())
        XCTAssertTrue(grader.grade(other).allSatisfy(\.passed))
    }

    func testAWrongPortIsNamed() {
        let grader = AssignmentGrader(solution: ["docker run -d --name web -p 8080:80 nginx"])
        var lab = Lab()
        _ = LabShell().run("docker run -d --name web -p 8081:80 nginx", origin: .commandString, lab: &lab, output: DiscardedOutput())
        let failing = grader.grade(lab).filter { !$0.passed }.map(\.expectation)
        XCTAssertEqual(failing, ["container web publishes 80/tcp on host port 8080"])
    }

    /// The seeds' assignment sections are gradeable by their reference solution: replaying one
    /// gives expectations that the solution itself meets.
    func testSeedAssignmentsAreGradeable() throws {
        let seeds = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("shared/seeds/docker-mastery-notes.md")
        guard let text = try? String(contentsOf: seeds, encoding: .utf8) else { throw XCTSkip("../shared/seeds is not beside this checkout") }
        let lesson = NoteParser.lesson(from: text, fallbackTitle: "mastery")
        let gradeable = lesson.assignments.filter { !$0.steps.isEmpty }
        XCTAssertFalse(gradeable.isEmpty)
        for a in gradeable {
            let grader = AssignmentGrader(solution: a.steps.flatMap(\.commands))
            XCTAssertTrue(grader.grade(grader.referenceLab()).allSatisfy(\.passed), a.title)
        }
    }
}

final class LabCheckTests: XCTestCase {
    private let block = """
        checks:
          - run: docker container inspect -f '{{.State.Running}}' webhost
            expect: "true"
            hint: Start it with docker container start webhost.
          - run: docker ps --format '{{.Names}}'
            match: "^webhost$"
          - transcript: "docker (container )?run .*--name webhost"
            message: ran a container named webhost
        """

    func testChecksParseAndHold() throws {
        let checks = try LabCheck.parse(block)
        XCTAssertEqual(checks.count, 3)
        var lab = Lab()
        let typed = ["docker container run -d --name webhost nginx"]
        _ = LabShell().run(typed[0], origin: .commandString, lab: &lab, output: DiscardedOutput())
        XCTAssertEqual(checks.map { $0.holds(in: lab, typed: typed) }, [true, true, true])
        _ = LabShell().run("docker stop webhost", origin: .commandString, lab: &lab, output: DiscardedOutput())
        XCTAssertEqual(checks.map { $0.holds(in: lab, typed: typed) }, [false, false, true])
        let results = AssignmentGrader(solution: [], checks: checks).grade(lab, typed: typed)
        XCTAssertEqual(results.first { !$0.passed }?.hint, "Start it with docker container start webhost.")
    }

    func testBadBlocksAreReported() {
        XCTAssertThrowsError(try LabCheck.parse("checks: [unclosed"))
        XCTAssertThrowsError(try LabCheck.parse("nothing: here"))
        XCTAssertThrowsError(try LabCheck.parse("checks:\n  - expect: x\n"))
    }
}
