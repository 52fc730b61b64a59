import Foundation
import XCTest
@testable import Exercises

final class NoteParserTests: XCTestCase {
    func testFrontMatterTitleTagsAndOrder() {
        let note = "---\ntitle: \"Networks\"\ntags: [net, dns]\norder: 3\n---\n# Heading\nText.\n"
        let lesson = NoteParser.lesson(from: note, fallbackTitle: "x")
        XCTAssertEqual(lesson.title, "Networks")
        XCTAssertEqual(lesson.id, "networks")
        XCTAssertEqual(lesson.tags, ["net", "dns"])
        XCTAssertEqual(lesson.order, 3)
    }

    func testTitleFromFirstHeadingAndSetextHeadings() {
        let lesson = NoteParser.lesson(from: "Volumes\n=======\n\nIntro.\n\nNamed volumes\n-------------\nMore.\n", fallbackTitle: "x")
        XCTAssertEqual(lesson.title, "Volumes")
        XCTAssertEqual(lesson.sections.map(\.title), ["Volumes", "Named volumes"])
        XCTAssertEqual(lesson.sections.map(\.level), [1, 2])
    }

    func testBrokenFrontMatterIsKeptAsText() {
        let lesson = NoteParser.lesson(from: "---\ntitle: [unclosed\n---\n# Real title\n", fallbackTitle: "fallback")
        XCTAssertEqual(lesson.title, "Real title")
    }

    func testIndentedFencesAndIndentedCodeMakeSteps() {
        let note = "# L\n\n1. Run it:\n\n    ```\n    docker run -d nginx\n    ```\n\nAnd:\n\n    docker ps\n    docker images\n"
        let lesson = NoteParser.lesson(from: note, fallbackTitle: "x")
        XCTAssertEqual(lesson.sections.flatMap(\.steps).map(\.commands), [["docker run -d nginx"], ["docker ps", "docker images"]])
    }

    func testPseudoHeadingsAndAssignmentLines() {
        let note = "# L\n\n!Container lifetime\n\nWords.\n\nVolume assignment (command list):\n\n```\n$ docker volume create v\n# a comment\ndocker run -d \\\n  -v v:/data nginx\n```\n"
        let lesson = NoteParser.lesson(from: note, fallbackTitle: "x")
        XCTAssertEqual(lesson.sections.map(\.title), ["L", "Container lifetime", "Volume assignment (command list)"])
        let assignment = lesson.assignments.first
        XCTAssertEqual(assignment?.id, "volume-assignment-command-list")
        XCTAssertEqual(assignment?.steps.first?.commands, ["docker volume create v", "docker run -d -v v:/data nginx"])
    }

    func testLabBlockMakesAnAssignment() {
        let note = "# L\n## Practice\n```sh\ndocker run -d --name web nginx\n```\n```lab\nchecks:\n  - run: docker ps -q\n```\n"
        let lesson = NoteParser.lesson(from: note, fallbackTitle: "x")
        XCTAssertEqual(lesson.assignments.map(\.title), ["Practice"])
        XCTAssertEqual(lesson.assignments.first?.labBlocks.count, 1)
    }

    func testNonShellBlocksAreNotSteps() {
        let lesson = NoteParser.lesson(from: "# L\n```yaml\nservices:\n  web:\n    image: nginx\n```\n```dockerfile\nFROM alpine\n```\n", fallbackTitle: "x")
        XCTAssertTrue(lesson.sections.flatMap(\.steps).isEmpty)
    }

    func testDuplicateSectionTitlesGetDistinctIds() {
        let lesson = NoteParser.lesson(from: "# L\n## Exercise\nA\n## Exercise\nB\n", fallbackTitle: "x")
        XCTAssertEqual(lesson.sections.map(\.id), ["l", "exercise", "exercise-2"])
    }

    /// The three real notes in ../shared/seeds read without complaint, into lessons whose
    /// assignment sections carry the commands of their code blocks.
    func testSeedNotesBecomeLessonsWithAssignments() throws {
        let seeds = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("shared/seeds")
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: seeds.path).filter({ $0.hasSuffix(".md") }).sorted(), !names.isEmpty else {
            throw XCTSkip("../shared/seeds is not beside this checkout")
        }
        var lessons: [String: Lesson] = [:]
        for name in names {
            let text = try String(contentsOf: seeds.appendingPathComponent(name), encoding: .utf8)
            lessons[name] = NoteParser.lesson(from: text, fallbackTitle: name)
        }
        XCTAssertEqual(lessons["docker-essentials-labs.md"]?.title, "Docker training")
        XCTAssertEqual(lessons["docker-mastery-notes.md"]?.title, "Docker Mastery")
        XCTAssertEqual(lessons["docker-notes-commands.md"]?.title, "Docker")
        let mastery = try XCTUnwrap(lessons["docker-mastery-notes.md"])
        let titles = mastery.assignments.map(\.title)
        XCTAssertTrue(titles.contains("Manage containers assignment (command list)"), "\(titles)")
        XCTAssertTrue(titles.contains("DNS round robin test assignment"), "\(titles)")
        for assignment in mastery.assignments {
            // Every assignment carries its solution: commands, or a file (a compose file or a
            // Dockerfile, graded once builds and compose land).
            let hasCode = assignment.blocks.contains { if case .code = $0 { return true } else { return false } }
            XCTAssertTrue(hasCode, "\(assignment.title) has no solution")
        }
        XCTAssertGreaterThanOrEqual(mastery.assignments.filter { !$0.steps.isEmpty }.count, 6)
        XCTAssertTrue(mastery.sections.contains { $0.title == "Container lifetime & persistent data" })
        for (name, lesson) in lessons {
            XCTAssertFalse(lesson.sections.flatMap(\.steps).isEmpty, "\(name) has no practice steps")
        }
    }
}
