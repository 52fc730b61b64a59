import XCTest
@testable import LabCore

/// `.dockerignore` patterns (the Dockerfile reference's rules) against context paths.
final class DockerIgnoreTests: XCTestCase {
    func testPatternsOnCleanedPaths() {
        let rules = DockerIgnore("# comment\n*.md\nlogs/\n./secret\n**/*.log\n!keep.md\ntmp?\n")
        let table: [(String, Bool)] = [
            ("notes.md", true), ("keep.md", false), ("docs/notes.md", false),
            ("logs", true), ("logs/a.txt", true), ("secret", true), ("secret/key", true),
            ("a/b/c.log", true), ("c.log", true), ("tmp1", true), ("tmp12", false), ("app.py", false),
        ]
        for (path, excluded) in table { XCTAssertEqual(rules.excludes(path), excluded, path) }
    }

    func testAnExceptionUnderAnExcludedFolder() {
        let rules = DockerIgnore("logs\n!logs/keep.txt\n")
        XCTAssertTrue(rules.excludes("logs/a.txt"))
        XCTAssertFalse(rules.excludes("logs/keep.txt"))
    }
}
