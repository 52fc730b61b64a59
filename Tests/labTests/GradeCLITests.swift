import Foundation
import XCTest

/// `lab grade`, `lab grade-batch`, `lab runs`, `lab report` and `lab export` as an instructor and
/// a learner run them: exit statuses, stored runs, and a session exported and graded.
extension CLITests {
    private static let assignment = "first-containers/assignment-a-web-server-on-port-8080"

    private func folder() throws -> String {
        let dir = NSTemporaryDirectory() + "lab-grade-cli-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        addTeardownBlock { try? FileManager.default.removeItem(atPath: dir) }
        return dir
    }

    func testGradeExitsZeroOneOrTwo() throws {
        let dir = try folder()
        try "docker run -d --name webhost -p 8080:80 nginx\n".write(toFile: dir + "/good.txt", atomically: true, encoding: .utf8)
        try "user@pc:~$ docker run -d --name webhost -p 8000:80 nginx\nabc123\n".write(toFile: dir + "/wrong.txt", atomically: true, encoding: .utf8)
        try Data([0x00, 0xFF]).write(to: URL(fileURLWithPath: dir + "/garbage.bin"))

        let good = try lab(["grade", Self.assignment, dir + "/good.txt"])
        XCTAssertEqual(good.status, 0, good.stdout + good.stderr)
        XCTAssertTrue(good.stdout.contains("Score: 5 of 5 points, passed."), good.stdout)

        let wrong = try lab(["grade", Self.assignment, dir + "/wrong.txt"])
        XCTAssertEqual(wrong.status, 1)
        XCTAssertTrue(wrong.stdout.contains("✗ container webhost publishes 80/tcp on host port 8080  [0/1]\n      found:    container webhost publishes 80/tcp on host port 8000"), wrong.stdout)

        XCTAssertEqual(try lab(["grade", Self.assignment, dir + "/garbage.bin"]).status, 2)
        XCTAssertEqual(try lab(["grade", Self.assignment, dir + "/missing.txt"]).status, 2)
        let unknown = try lab(["grade", "no/such", dir + "/good.txt"])
        XCTAssertEqual(unknown.status, 2)
        XCTAssertTrue(unknown.stderr.hasPrefix("lab: no assignment 'no/such'"), unknown.stderr)

        let stdin = try lab(["grade", Self.assignment, "-", "--format", "json"], stdin: "docker run -d --name webhost -p 8080:80 nginx\n")
        XCTAssertEqual(stdin.status, 0)
        let json = try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(stdin.stdout.utf8)) as? [String: Any])
        XCTAssertEqual(json["status"] as? String, "pass")
        XCTAssertEqual(json["version"] as? Int, 2)
    }

    func testBatchIsStoredListedReportedAndCompared() throws {
        let dir = try folder()
        try "docker run -d --name webhost -p 8080:80 nginx\n".write(toFile: dir + "/ann.txt", atomically: true, encoding: .utf8)
        try "docker run -d --name webhost nginx\n".write(toFile: dir + "/ben.txt", atomically: true, encoding: .utf8)
        let batch = try lab(["grade-batch", Self.assignment, dir])
        XCTAssertEqual(batch.status, 0, batch.stderr)
        XCTAssertTrue(batch.stdout.hasPrefix("NAME   SCORE   PASSED   TIME\nann    5/5     yes      "), batch.stdout)
        XCTAssertTrue(batch.stdout.contains("2 submissions: 1 passed, 1 not passed, 0 not graded"), batch.stdout)
        XCTAssertTrue(batch.stdout.contains("Stored as run 1: lab report 1"), batch.stdout)

        try "docker run -d --name webhost -p 8080:80 nginx\n".write(toFile: dir + "/ben.txt", atomically: true, encoding: .utf8)
        let csv = try lab(["grade-batch", Self.assignment, dir, "--format", "csv"])
        XCTAssertTrue(csv.stdout.hasPrefix("name,score,points,percent,status,seconds,reason\r\nann,5,5,100,passed,"), csv.stdout)

        let runs = try lab(["runs"])
        XCTAssertTrue(runs.stdout.hasPrefix("RUN   ASSIGNMENT"), runs.stdout)
        XCTAssertEqual(runs.stdout.split(separator: "\n").count, 3)
        let compare = try lab(["report", "1", "--compare", "2"])
        XCTAssertEqual(compare.stdout, """
            NAME   RUN 1   RUN 2   CHANGE
            ann    5/5     5/5     same
            ben    4/5     5/5     +1

            """)
        let ben = try lab(["report", "1", "--name", "ben"])
        XCTAssertTrue(ben.stdout.contains("✗ container webhost publishes 80/tcp on host port 8080"), ben.stdout)
        let junit = try lab(["report", "2", "--format", "junit"])
        XCTAssertTrue(junit.stdout.hasPrefix("<?xml"), junit.stdout)
        XCTAssertEqual(try lab(["report", "9"]).status, 1)
        XCTAssertEqual(try lab(["grade-batch", Self.assignment, dir + "/none"]).status, 2)
    }

    /// A learner's session, including lines typed inside `docker run -it`, exported and graded.
    func testExportedSessionGradesLikeTheSession() throws {
        XCTAssertEqual(try lab(["sh", "-c", "docker run -d --name webhost -p 8080:80 nginx"]).status, 0)
        XCTAssertEqual(try lab(["sh", "-c", "docker run -it --name box alpine sh"]).status, 1)
        let export = try lab(["export"])
        XCTAssertEqual(export.stdout, """
            # lab export of session default: 2 commands
            root@node1:~# docker run -d --name webhost -p 8080:80 nginx
            root@node1:~# docker run -it --name box alpine sh

            """)
        let dir = try folder()
        try export.stdout.write(toFile: dir + "/mine.txt", atomically: true, encoding: .utf8)
        let graded = try lab(["grade", Self.assignment, dir + "/mine.txt"])
        XCTAssertEqual(graded.status, 0, graded.stdout)
    }
}
