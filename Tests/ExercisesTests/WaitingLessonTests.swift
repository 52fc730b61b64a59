import Foundation
import XCTest
@testable import Exercises

/// Lessons that need engine parts still to come: front matter `requires:` and `nodes:`, kept by
/// the store, and turned into "waiting" while the part is not in `EngineFeatures.available`.
final class WaitingLessonTests: XCTestCase {
    private let note = """
        ---
        title: Compose start
        requires: [compose]
        nodes: 3
        ---
        # Compose start

        ## Assignment: up

        ```sh
        docker compose up -d
        ```
        """

    func testRequiresAndNodesAreReadFromFrontMatter() {
        let lesson = NoteParser.lesson(from: note, fallbackTitle: "x")
        XCTAssertEqual(lesson.requires, ["compose"])
        XCTAssertEqual(lesson.nodes, 3)
        XCTAssertEqual(lesson.waitingFor, EngineFeatures.available.contains("compose") ? [] : ["compose"])
        let plain = NoteParser.lesson(from: "---\ntitle: P\nrequires: build, compose\n---\n# P\n", fallbackTitle: "x")
        XCTAssertEqual(plain.requires, ["build", "compose"])
        XCTAssertEqual(plain.nodes, 1)
        XCTAssertEqual(NoteParser.lesson(from: "# No front matter\n", fallbackTitle: "x").requires, [])
    }

    func testStoreKeepsWhatALessonNeeds() throws {
        guard !EngineFeatures.available.contains("compose") else { throw XCTSkip("compose is available: nothing waits for it") }
        let store = try LabStore(path: NSTemporaryDirectory() + "lab-waiting-\(UUID().uuidString)/lab.sqlite")
        let report = try store.importCourse(id: "c", title: "C", source: "t", lessons: [NoteParser.lesson(from: note, fallbackTitle: "x")])
        XCTAssertEqual(report.lessons, [.init(id: "compose-start", title: "Compose start", waitingFor: ["compose"])])
        XCTAssertEqual(report.assignments.first?.waitingFor, ["compose"])
        XCTAssertEqual(try store.lessonList().map(\.waitingFor), [["compose"]])
        let lesson = try XCTUnwrap(try store.lesson("compose-start"))
        XCTAssertEqual(lesson.requires, ["compose"])
        XCTAssertEqual(lesson.nodes, 3)
        let assignment = try XCTUnwrap(try store.assignment("compose-start/assignment-up"))
        XCTAssertEqual(assignment.waitingFor, ["compose"])
        XCTAssertEqual(assignment.nodes, 3)
        XCTAssertEqual(assignment.solution, ["docker compose up -d"])
    }

    func testHereDocumentsStayWithTheirCommand() {
        let block = "cat > Dockerfile <<'EOF'\nFROM alpine\n# not a comment here\nEOF\ndocker build -t x .\ncat <<-END | wc -l\n\tone\n\tEND\necho $((1 << 2))\n"
        XCTAssertEqual(NoteParser.commands(in: block), [
            "cat > Dockerfile <<'EOF'\nFROM alpine\n# not a comment here\nEOF", "docker build -t x .",
            "cat <<-END | wc -l\n\tone\n\tEND", "echo $((1 << 2))",
        ])
    }

    /// The built-in course is imported again when its files change, and progress survives it.
    func testCourseIsReimportedOnlyWhenItsFilesChange() throws {
        let dir = NSTemporaryDirectory() + "lab-notes-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        try "# One\n\n## Assignment: a\n\n```\ndocker network create n\n```\n".write(toFile: dir + "/01.md", atomically: true, encoding: .utf8)
        let store = try LabStore(path: NSTemporaryDirectory() + "lab-reimport-\(UUID().uuidString)/lab.sqlite")
        XCTAssertTrue(try store.importCourseIfChanged(id: "b", title: "B", folder: dir))
        XCTAssertFalse(try store.importCourseIfChanged(id: "b", title: "B", folder: dir))
        try store.recordAttempt("one/assignment-a", passed: true)
        try "# Two\n\n## Assignment: b\n\n```\ndocker volume create v\n```\n".write(toFile: dir + "/02.md", atomically: true, encoding: .utf8)
        XCTAssertTrue(try store.importCourseIfChanged(id: "b", title: "B", folder: dir))
        XCTAssertEqual(try store.lessonList().map(\.id), ["one", "two"])
        XCTAssertEqual(try store.progress()["one/assignment-a"]?.status, "passed")
    }

    /// A ```lab block is shown to the learner as the list of what it checks, not as YAML.
    func testLabBlocksRenderAsWhatTheyCheck() {
        let note = "# L\n\n## Assignment: a\n\n```lab\nchecks:\n  - run: docker ps\n    message: something runs\n```\n"
        let lesson = NoteParser.lesson(from: note, fallbackTitle: "x")
        let stored = StoredLesson(id: "l", course: "c", title: "L", tags: [], requires: [], waitingFor: [], nodes: 1,
                                  sections: lesson.sections.map { StoredSection(id: $0.id, title: $0.title, level: $0.level, blocks: $0.blocks) },
                                  assignments: [])
        let text = LessonRenderer(width: 60).render(stored)
        XCTAssertTrue(text.contains("lab check verifies:\n  • something runs\n"), text)
        XCTAssertFalse(text.contains("checks:"), text)
    }
}
