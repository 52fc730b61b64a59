import Foundation
import LabCore
import XCTest
@testable import Exercises

final class StoreTests: XCTestCase {
    private func temporaryPath() -> String {
        NSTemporaryDirectory() + "lab-store-\(UUID().uuidString)/nested/lab.sqlite"
    }

    func testCreatesDatabaseAndFolderOnFirstUse() throws {
        let path = temporaryPath()
        _ = try LabStore(path: path)
        XCTAssertTrue(FileManager.default.fileExists(atPath: path))
    }

    func testSessionRoundTripsAndSurvivesReopening() throws {
        let path = temporaryPath()
        var lab = Lab()
        try lab.machine.files.write("hello\n", to: "/root/notes.txt")
        lab.clock.advance(by: 42)
        try LabStore(path: path).saveLab(lab, session: "s1")
        let again = try LabStore(path: path)
        XCTAssertEqual(try again.loadLab(session: "s1"), lab)
        XCTAssertNil(try again.loadLab(session: "other"))
        XCTAssertEqual(try again.sessionNames(), ["s1"])
    }

    func testHistoryKeepsOrderPerSession() throws {
        let store = try LabStore(path: temporaryPath())
        try store.appendHistory(session: "a", machine: "node1", line: "docker ps", status: 0)
        try store.appendHistory(session: "b", machine: "node1", line: "ls", status: 0)
        try store.appendHistory(session: "a", machine: "node1", line: "docker images", status: 1)
        XCTAssertEqual(try store.history(session: "a"), ["docker ps", "docker images"])
        XCTAssertEqual(try store.history(session: "b"), ["ls"])
    }

    func testCurrentSessionDefaultsAndChanges() throws {
        let store = try LabStore(path: temporaryPath())
        XCTAssertEqual(try store.currentSession(), "default")
        try store.setCurrentSession("week2")
        XCTAssertEqual(try store.currentSession(), "week2")
    }

    func testDamagedStateIsReportedNotDiscarded() throws {
        let path = temporaryPath()
        let store = try LabStore(path: path)
        try store.saveLab(Lab(), session: "s")
        let db = try SQLiteDatabase(path: path)
        try db.query("UPDATE sessions SET state = ? WHERE name = 's'", [.blob(Data("garbage".utf8))])
        XCTAssertThrowsError(try store.loadLab(session: "s"))
        XCTAssertEqual(try store.sessionNames(), ["s"])
    }

    func testUnwritableLocationIsAClearError() {
        XCTAssertThrowsError(try LabStore(path: "/proc/lab-cannot-live-here/lab.sqlite")) { error in
            XCTAssertTrue("\(error)".contains("/proc/lab-cannot-live-here"), "\(error)")
        }
    }

    func testDefaultPathFollowsXDG() {
        XCTAssertEqual(LabStore.defaultPath(environment: ["XDG_DATA_HOME": "/x/data", "HOME": "/h"]), "/x/data/lab/lab.sqlite")
        XCTAssertEqual(LabStore.defaultPath(environment: ["HOME": "/h"]), "/h/.local/share/lab/lab.sqlite")
    }
}

extension StoreTests {
    /// Several `lab` processes opening one new database at once: each migration runs once, and
    /// every opener ends with the whole schema (no "duplicate column" from a migration run twice).
    func testConcurrentOpenersMigrateOnce() throws {
        for _ in 0..<10 {
            let path = NSTemporaryDirectory() + "lab-store-race-\(UUID().uuidString)/lab.sqlite"
            _ = try? FileManager.default.createDirectory(atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
            let failures = ManagedFailures()
            DispatchQueue.concurrentPerform(iterations: 12) { _ in
                do { _ = try LabStore(path: path) } catch { failures.add("\(error)") }
            }
            XCTAssertEqual(failures.all, [])
            XCTAssertEqual(try LabStore(path: path).currentSession(), "default")
        }
    }
}

/// Errors collected from several threads.
final class ManagedFailures: @unchecked Sendable {
    private let lock = NSLock()
    private var list: [String] = []
    func add(_ s: String) { lock.lock(); list.append(s); lock.unlock() }
    var all: [String] { lock.lock(); defer { lock.unlock() }; return list }
}
