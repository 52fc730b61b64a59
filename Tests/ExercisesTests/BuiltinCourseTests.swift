import Foundation
import LabCore
import XCTest
@testable import Exercises

/// The built-in course (Content/course): every assignment that the engine can run today passes
/// with its own reference solution and fails with an empty transcript; the assignments of lessons
/// that need engine parts still to come are listed by name as waiting, never counted as passed.
final class BuiltinCourseTests: XCTestCase {
    private func course() throws -> [Lesson] {
        let dir = try XCTUnwrap(BuiltinContent.directory()) + "/course"
        return try CourseImport.lessons(at: dir).lessons
    }

    func testEveryAssignmentPassesWithItsSolutionAndFailsEmptyOrIsWaitingByName() throws {
        var graded: [String] = []
        var waiting: [String] = []
        for lesson in try course() {
            XCTAssertFalse(lesson.assignments.isEmpty, "\(lesson.id) has no assignment")
            for a in lesson.assignments {
                let name = "\(lesson.id)/\(a.id)"
                let solution = a.steps.flatMap(\.commands)
                XCTAssertFalse(solution.isEmpty, "\(name) has no reference solution")
                let checks = try a.labBlocks.flatMap { try LabCheck.parse($0) }
                if !lesson.waitingFor.isEmpty {
                    waiting.append("waiting: \(name) (needs \(lesson.waitingFor.joined(separator: ", ")))")
                    continue
                }
                let grader = AssignmentGrader(solution: solution, checks: checks, nodes: lesson.nodes)
                let own = grader.grade(grader.referenceLab(), typed: solution)
                XCTAssertFalse(own.isEmpty, "\(name) expects nothing")
                XCTAssertEqual(own.filter { !$0.passed }.map(\.expectation), [], "\(name): its own solution fails these")
                let empty = grader.grade(Lab(nodes: lesson.nodes), typed: [])
                XCTAssertFalse(empty.allSatisfy(\.passed), "\(name) passes with an empty transcript")
                graded.append(name)
            }
        }
        print("graded with their reference solution: \(graded.count)\n" + graded.map { "passed: " + $0 }.joined(separator: "\n"))
        print("not graded, \(waiting.count) waiting for engine parts:\n" + waiting.joined(separator: "\n"))
        XCTAssertGreaterThanOrEqual(graded.count, 10)
        XCTAssertTrue(Set(graded).isDisjoint(with: waiting.map { String($0.dropFirst("waiting: ".count).prefix { $0 != " " }) }))
    }

    /// A lesson waits only for parts the engine list knows, and lessons that need none are graded.
    func testWaitingLessonsNameKnownEngineParts() throws {
        for lesson in try course() {
            for part in lesson.requires { XCTAssertNotNil(EngineFeatures.known[part], "\(lesson.id) requires unknown part '\(part)'") }
            XCTAssertEqual(lesson.waitingFor, lesson.requires.filter { !EngineFeatures.available.contains($0) })
        }
        XCTAssertEqual(EngineFeatures.missing(["swarm", "build"], available: ["build"]), ["swarm"])
        XCTAssertEqual(EngineFeatures.waitingPhrase(["build", "registry", "compose"]), "waiting for build, registry and compose")
    }

    /// The course covers the topics of the seed notes and of LPI 702.1, each in at least one lesson.
    func testCourseCoversEveryTopic() throws {
        let text = try course().map { lesson in
            lesson.sections.flatMap(\.blocks).map { block -> String in
                switch block {
                case .heading(_, let t), .paragraph(let t), .quote(let t): return t
                case .code(_, let t): return t
                case .list(let items): return items.joined(separator: "\n")
                }
            }.joined(separator: "\n")
        }.joined(separator: "\n")
        let topics = ["image", "container run", "--publish", "logs", "exec", "inspect", "--memory", "--cpus", "--network-alias",
                      "nslookup", "Dockerfile", "cache", ".dockerignore", "image push", "docker login", "registry", "docker volume",
                      "bind", "backup", "docker compose", "swarm init", "swarm join", "service create", "service scale",
                      "--update-delay", "drain", "overlay", "routing mesh", "docker secret", "stack deploy", "--health-cmd",
                      "HEALTHCHECK", "--constraint", "placement-pref", "--mode global"]
        for topic in topics { XCTAssertTrue(text.contains(topic), "no lesson mentions \(topic)") }
    }
}
