import Foundation
import XCTest
@testable import Exercises

final class CourseStoreTests: XCTestCase {
    private func store() throws -> LabStore {
        try LabStore(path: NSTemporaryDirectory() + "lab-course-\(UUID().uuidString)/lab.sqlite")
    }

    private let note = "# Networks\n\nText.\n\n## DNS exercise\n\n```\ndocker network create n\ndocker run -d --name a --network n nginx\n```\n"

    func testImportStoresLessonsAndAssignmentsWithStableIds() throws {
        let s = try store()
        let lesson = NoteParser.lesson(from: note, fallbackTitle: "x")
        let report = try s.importCourse(id: "c", title: "C", source: "test", lessons: [lesson])
        XCTAssertEqual(report.lessons.map(\.id), ["networks"])
        XCTAssertEqual(report.assignments.map(\.id), ["networks/dns-exercise"])
        let stored = try XCTUnwrap(try s.lesson("networks"))
        XCTAssertEqual(stored.sections.map(\.title), ["Networks", "DNS exercise"])
        XCTAssertEqual(stored.assignments.map(\.title), ["DNS exercise"])
    }

    func testReimportUpdatesInPlaceAndKeepsProgress() throws {
        let s = try store()
        _ = try s.importCourse(id: "c", title: "C", source: "test", lessons: [NoteParser.lesson(from: note, fallbackTitle: "x")])
        try s.query("INSERT INTO progress(assignment, status, attempts, updated_at) VALUES ('networks/dns-exercise', 'passed', 2, 0)")
        let changed = note.replacingOccurrences(of: "Text.", with: "New text.")
        let report = try s.importCourse(id: "c", title: "C", source: "test", lessons: [NoteParser.lesson(from: changed, fallbackTitle: "x")])
        XCTAssertEqual(report.lessons.map(\.id), ["networks"])
        XCTAssertEqual(try s.lessonList().count, 1)
        XCTAssertEqual(try s.query("SELECT status FROM progress WHERE assignment = 'networks/dns-exercise'").count, 1)
        XCTAssertEqual(try s.lesson("networks")?.sections.first?.blocks.first, .paragraph("New text."))
    }

    func testSameLessonTitleInTwoCoursesGetsDistinctIds() throws {
        let s = try store()
        let lesson = NoteParser.lesson(from: note, fallbackTitle: "x")
        _ = try s.importCourse(id: "one", title: "One", source: "a", lessons: [lesson])
        let report = try s.importCourse(id: "two", title: "Two", source: "b", lessons: [lesson])
        XCTAssertEqual(report.lessons.map(\.id), ["two-networks"])
    }

    func testSchemaIsVersionedAndANewerDatabaseIsRefused() throws {
        let path = NSTemporaryDirectory() + "lab-course-\(UUID().uuidString)/lab.sqlite"
        _ = try LabStore(path: path)
        let db = try SQLiteDatabase(path: path)
        guard case .integer(let version)? = try db.query("PRAGMA user_version").first?.first else { return XCTFail() }
        XCTAssertEqual(Int(version), LabStore.migrations.count)
        try db.execute("PRAGMA user_version = 99")
        XCTAssertThrowsError(try LabStore(path: path)) { XCTAssertTrue("\($0)".contains("newer lab"), "\($0)") }
    }

    func testImportingAMissingPathOrBinaryFileIsAClearError() throws {
        XCTAssertThrowsError(try CourseImport.lessons(at: "/nonexistent/notes"))
        let garbage = NSTemporaryDirectory() + "lab-garbage-\(UUID().uuidString).md"
        try Data([0xFF, 0xFE, 0x00, 0xC3]).write(to: URL(fileURLWithPath: garbage))
        XCTAssertThrowsError(try CourseImport.lessons(at: garbage)) { XCTAssertTrue("\($0)".contains("not UTF-8"), "\($0)") }
    }

    func testRendererWrapsProseAndIndentsCode() throws {
        let s = try store()
        _ = try s.importCourse(id: "c", title: "C", source: "t", lessons: [NoteParser.lesson(from: note, fallbackTitle: "x")])
        let text = LessonRenderer(width: 40).render(try XCTUnwrap(try s.lesson("networks")))
        XCTAssertTrue(text.hasPrefix("Networks\n========\n"), text)
        XCTAssertTrue(text.contains("\n    docker network create n\n"), text)
        XCTAssertTrue(text.contains("networks/dns-exercise  DNS exercise"), text)
    }
}
