import Foundation
import LabCore
import XCTest
@testable import Exercises

/// The grader on the built-in course: reference solutions pass as transcripts, empty ones fail,
/// realistic mistakes fail exactly the expectations that name them, and the same transcript
/// always gets the same report.
final class GraderTests: XCTestCase {
    /// The built-in course's assignments by id ("lesson/section"), with their lesson.
    static let course: [String: (lesson: Lesson, section: LessonSection)] = {
        let dir = BuiltinContent.directory()! + "/course"
        var out: [String: (Lesson, LessonSection)] = [:]
        for lesson in try! CourseImport.lessons(at: dir).lessons {
            for a in lesson.assignments { out["\(lesson.id)/\(a.id)"] = (lesson, a) }
        }
        return out
    }()

    static func grader(_ id: String, limits: GradingLimits = GradingLimits()) throws -> Grader {
        let (lesson, a) = try XCTUnwrap(course[id], "no built-in assignment \(id)")
        let checks = try a.labBlocks.flatMap { try LabCheck.parse($0) }
        return Grader(id: id, checker: AssignmentGrader(solution: a.steps.flatMap(\.commands), checks: checks, nodes: lesson.nodes),
                      limits: limits, notGradable: lesson.waitingFor.isEmpty ? nil : "waiting")
    }

    func testEveryGradableReferenceSolutionPassesAsATranscriptAndEmptyFails() throws {
        var graded = 0
        for (id, entry) in Self.course.sorted(by: { $0.key < $1.key }) where entry.lesson.waitingFor.isEmpty {
            let grader = try Self.grader(id)
            let solution = entry.section.steps.flatMap(\.commands).joined(separator: "\n")
            let passed = grader.grade(Transcript.parse(solution), name: "reference")
            XCTAssertEqual(passed.status, .passed, "\(id): \(passed.reason ?? "")")
            XCTAssertEqual(passed.score, passed.points, id)
            let empty = grader.grade(Transcript.parse(""), name: "empty")
            XCTAssertEqual(empty.status, .failed, id)
            XCTAssertLessThan(empty.score, empty.points, id)
            graded += 1
        }
        XCTAssertGreaterThanOrEqual(graded, 10)
    }

    /// Realistic wrong transcripts, each failing only the expectations that name its mistake.
    func testRealisticMistakesFailExactlyTheExpectationsThatNameThem() throws {
        let cases: [(assignment: String, transcript: String, fails: [String], found: String)] = [
            ("first-containers/assignment-a-web-server-on-port-8080",
             "docker container run -d --name webhost -p 8081:80 nginx",
             ["container webhost publishes 80/tcp on host port 8080"], "container webhost publishes 80/tcp on host port 8081"),
            ("first-containers/assignment-a-web-server-on-port-8080",
             "docker container run -d --name webhost -p 8080:80 nginx\ndocker container stop webhost",
             ["container webhost is running"], "container webhost is not running"),
            ("container-networks/assignment-two-aliases-one-name",
             """
             docker network create search_net
             docker container run -d --name es1 --network search_net --network-alias search elasticsearch:2
             docker container run -d --name es2 elasticsearch:2
             """,
             ["container es2 answers to search on network search_net", "container es2 is on network search_net"], "container es2 exists, without this"),
            ("services-scaling-and-rolling-updates/assignment-scale-and-roll",
             """
             docker swarm init
             docker service create --name web --replicas 3 --publish 8080:80 nginx:1.13
             docker service scale web=4
             docker service update --image nginx:latest --update-parallelism 2 --update-delay 10s web
             """,
             ["service web runs 5 replicas", "web wants five replicas"], "service web runs 4 replicas"),
            ("keeping-data-in-volumes/assignment-data-that-outlives-its-container",
             "docker container run -d --name pg2 -e POSTGRES_PASSWORD=secret -v /var/lib/postgresql/data postgres:latest",
             ["container pg2 mounts pg2-data at /var/lib/postgresql/data", "volume pg2-data exists"], "container pg2 exists, without this"),
        ]
        for c in cases {
            let report = try Self.grader(c.assignment).grade(Transcript.parse(c.transcript), name: "learner")
            let failing = report.checks.filter { !$0.passed }
            XCTAssertEqual(failing.map(\.expectation), c.fails, c.transcript)
            XCTAssertEqual(failing.first?.found, c.found, c.transcript)
            XCTAssertEqual(report.status, .failed)
            XCTAssertEqual(report.score, report.points - c.fails.count)
        }
    }

    func testFailedCommandsAreReportedWithTheErrorTheLearnerSaw() throws {
        let grader = try Self.grader("first-containers/assignment-a-web-server-on-port-8080")
        let report = grader.grade(Transcript.parse("docker run -d --name webhost -p abc nginx\ndocker contaner ls\n"), name: "x")
        XCTAssertEqual(report.failedCommands.map(\.line), [1, 2])
        XCTAssertEqual(report.failedCommands.map(\.status), [125, 1])
        XCTAssertTrue(report.failedCommands[1].error.hasPrefix("docker: unknown command: docker contaner"), report.failedCommands[1].error)
        let text = ReportText.verdict(report)
        XCTAssertTrue(text.contains("line 2: docker contaner ls  (exit status 1)"), text)
        XCTAssertTrue(text.contains("found:    no container webhost"), text)
    }

    func testSameTranscriptSameReportAThousandTimes() throws {
        let grader = try Self.grader("container-networks/assignment-two-aliases-one-name")
        let transcript = Transcript.parse("""
            docker network create search_net
            docker run -d --network search_net --network-alias search elasticsearch:2
            docker run -d --name es2 --network search_net --network-alias search elasticsearch:2
            docker run --rm --network search_net alpine nslookup search
            docker ps --format '{{.Names}} {{.Status}}'
            """)
        let first = grader.grade(transcript, name: "same")
        for _ in 0..<999 { XCTAssertEqual(grader.grade(transcript, name: "same"), first) }
    }

    func testPartialCreditFollowsThePointsOfTheChecks() throws {
        let checks = try LabCheck.parse("""
            checks:
              - run: docker container inspect -f '{{.State.Running}}' web
                expect: "true"
                points: 3
              - transcript: "docker (container )?logs"
                points: 2
                hint: Read the logs once.
            """)
        let grader = Grader(id: "t", checker: AssignmentGrader(solution: [], checks: checks))
        let report = grader.grade(Transcript.parse("docker run -d --name web nginx"), name: "x")
        XCTAssertEqual([report.score, report.points], [3, 5])
        XCTAssertEqual(report.checks.last?.hint, "Read the logs once.")
        XCTAssertEqual(report.checks.last?.found, "no typed command matches")
    }

    func testAWaitingAssignmentIsNotGraded() throws {
        guard let id = Self.course.first(where: { !$0.value.lesson.waitingFor.isEmpty })?.key else {
            throw XCTSkip("every part of the engine the course asks for is simulated: no assignment waits")
        }
        let report = try Self.grader(id).grade(Transcript.parse("docker ps"), name: "x")
        XCTAssertEqual(report.status, .error)
    }
}
