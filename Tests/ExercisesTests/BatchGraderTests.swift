import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import XCTest
@testable import Exercises

/// A class graded at once: hostile and broken submissions are stopped at a limit with a clear
/// reason while the batch goes on; the results do not depend on how many workers ran them; the
/// output formats parse.
final class BatchGraderTests: XCTestCase {
    private var folder = ""

    override func setUpWithError() throws {
        folder = NSTemporaryDirectory() + "lab-batch-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
    }

    override func tearDown() { try? FileManager.default.removeItem(atPath: folder) }

    private func write(_ name: String, _ text: String) throws {
        try Data(text.utf8).write(to: URL(fileURLWithPath: folder + "/" + name))
    }

    private let assignment = "first-containers/assignment-a-web-server-on-port-8080"

    func testHostileSubmissionsAreStoppedWithAReasonAndTheBatchGoesOn() throws {
        try write("alice.txt", "docker container run -d --name webhost -p 8080:80 nginx\n")
        try write("bob.txt", "$ docker container run -d --name webhost -p 8081:80 nginx\n")
        try write("xargs-loop.sh", "while true; do echo web; done | xargs -n1 docker run -d nginx\n")
        try write("million.sh", "for i in $(seq 1000000); do docker run -d busybox; done\n")
        try write("recursion.sh", "f() { f; }\nf\ndocker container run -d --name webhost -p 8080:80 nginx\n")
        var garbage = Data((0..<4096).map { UInt8(0x80 | ($0 & 0x7F)) })
        garbage[10] = 0
        try garbage.write(to: URL(fileURLWithPath: folder + "/garbage.bin"))
        let huge = folder + "/huge.txt"
        XCTAssertTrue(FileManager.default.createFile(atPath: huge, contents: Data("docker ps\n".utf8)))
        let handle = try XCTUnwrap(FileHandle(forWritingAtPath: huge))
        try handle.truncate(atOffset: 100 << 20)
        try handle.close()

        var limits = GradingLimits()
        // Generous, so that a loaded machine stops the million-container loop at its object limit.
        limits.maxSeconds = 30
        limits.maxObjects = 300
        let grader = try GraderTests.grader(assignment, limits: limits)
        let entries = BatchGrader.grade(BatchGrader.items(files: try Submission.files([folder])), with: grader, workers: 2)
        let byName = Dictionary(uniqueKeysWithValues: entries.map { ($0.report.name, $0.report) })
        XCTAssertEqual(entries.map(\.report.name), ["alice", "bob", "garbage", "huge", "million", "recursion", "xargs-loop"])
        XCTAssertEqual(byName["alice"]?.status, .passed)
        XCTAssertEqual(byName["bob"]?.status, .failed)
        XCTAssertEqual(byName["garbage"]?.error, "not a text transcript: binary data at byte 10")
        XCTAssertEqual(byName["huge"]?.error, "the transcript is 104857600 bytes, over the limit of 1048576 bytes (--max-bytes)")
        XCTAssertEqual(byName["million"]?.stopped,
                       "lab: object limit of 300 containers, images, networks and volumes exceeded (line 1)")
        let loop = try XCTUnwrap(byName["xargs-loop"]?.stopped)
        XCTAssertTrue(loop.hasPrefix("lab: command limit of 20000 commands exceeded") || loop.hasPrefix("lab: time limit of 30.0 seconds exceeded"), loop)
        // The recursion is stopped on its line, and the commands after it still count.
        XCTAssertEqual(byName["recursion"]?.status, .passed)
        XCTAssertTrue(byName["recursion"]?.failedCommands.first?.error.contains("depth limit") ?? false)
        for name in ["garbage", "huge", "million", "xargs-loop"] {
            XCTAssertNotEqual(byName[name]?.status, .passed, name)
            XCTAssertNotNil(byName[name]?.reason, name)
        }
        let table = ReportText.table(entries)
        XCTAssertTrue(table.contains("million: stopped: lab: object limit of 300"), table)
    }

    func testAnEndlessLoopStopsAtTheTimeLimit() throws {
        var limits = GradingLimits()
        limits.maxSeconds = 0.05
        limits.maxCommands = 10_000_000
        let grader = try GraderTests.grader(assignment, limits: limits)
        let report = grader.grade(data: Data("while true; do docker ps > /dev/null; done\n".utf8), name: "loop")
        XCTAssertEqual(report.stopped, "lab: time limit of 0.05 seconds exceeded (line 1)")
        XCTAssertNotEqual(report.status, .passed)
    }

    func testResultsDoNotDependOnWorkersOrOrder() throws {
        let transcripts = (0..<12).map { i in
            "docker container run -d --name webhost -p \(8078 + i % 4):80 nginx\n" + (i % 3 == 0 ? "docker stop webhost\n" : "")
        }
        let items = transcripts.enumerated().map { BatchGrader.Item(name: "s\($0.offset)", source: .data(Data($0.element.utf8))) }
        let grader = try GraderTests.grader(assignment)
        let one = BatchGrader.grade(items, with: grader, workers: 1).map(\.report)
        let four = BatchGrader.grade(items, with: grader, workers: 4).map(\.report)
        let reversed = BatchGrader.grade(items.reversed(), with: grader, workers: 3).map(\.report).reversed()
        XCTAssertEqual(one, four)
        XCTAssertEqual(one, Array(reversed))
        XCTAssertEqual(one.filter(\.passed).map(\.name), ["s2", "s10"])
    }

    func testFormatsParseAndCarryTheVerdicts() throws {
        let grader = try GraderTests.grader(assignment)
        let items = [("good", "docker container run -d --name webhost -p 8080:80 nginx"), ("wrong, \"port\"", "docker run -d --name webhost -p 9:80 nginx"),
                     ("bin", "a\u{0}b")].map { BatchGrader.Item(name: $0.0, source: .data(Data($0.1.utf8))) }
        let entries = BatchGrader.grade(items, with: grader)

        let json = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(try ReportFormats.json(entries, assignment: assignment, run: 7).utf8)) as? [String: Any])
        let results = try XCTUnwrap(json["results"] as? [[String: Any]])
        XCTAssertEqual(results.map { $0["status"] as? String }, ["pass", "fail", "error"])
        XCTAssertEqual(results.map { $0["version"] as? Int }, [2, 2, 2])
        XCTAssertEqual(json["run"] as? Int, 7)
        XCTAssertTrue(results[0]["message"] is NSNull || results[0]["message"] == nil)
        XCTAssertEqual(results[2]["message"] as? String, "not a text transcript: binary data at byte 1")
        let failing = try XCTUnwrap((results[1]["tests"] as? [[String: Any]])?.first { $0["status"] as? String == "fail" })
        XCTAssertEqual(failing["name"] as? String, "container webhost publishes 80/tcp on host port 8080")
        XCTAssertEqual(failing["message"] as? String, "found: container webhost publishes 80/tcp on host port 9")
        XCTAssertEqual(failing["test_code"] as? String, "container webhost publishes 80/tcp on host port 8080")
        XCTAssertTrue(results[1]["message"] is NSNull || results[1]["message"] == nil, "results.json v2: a message only on error")
        XCTAssertEqual(ReportFormats.csvCell("a\r\nb"), "\"a\r\nb\"")

        let junit = ReportFormats.junit(entries, assignment: assignment)
        let parser = XMLParser(data: Data(junit.utf8))
        XCTAssertTrue(parser.parse(), "\(parser.parserError.map { "\($0)" } ?? "")\n\(junit)")
        XCTAssertTrue(junit.contains("<testsuite name=\"wrong, &quot;port&quot;\""), junit)
        XCTAssertTrue(junit.contains("<error message=\"not a text transcript: binary data at byte 1\"/>"), junit)

        let csv = ReportFormats.csv(entries).components(separatedBy: "\r\n")
        XCTAssertEqual(csv[0], "name,score,points,percent,status,seconds,reason")
        XCTAssertTrue(csv[1].hasPrefix("good,5,5,100,passed,"), csv[1])
        XCTAssertTrue(csv[2].hasPrefix("\"wrong, \"\"port\"\"\",4,5,80,failed,"), csv[2])
    }

    func testRunsAreStoredAndReadBack() throws {
        let store = try LabStore(path: folder + "/lab.sqlite")
        let grader = try GraderTests.grader(assignment)
        let entries = BatchGrader.grade([BatchGrader.Item(name: "a", source: .data(Data("docker ps".utf8)))], with: grader)
        let id = try store.saveRun(assignment: assignment, entries: entries, seconds: 0.5, limits: grader.limits)
        let again = try XCTUnwrap(try store.run(id))
        XCTAssertEqual(again.entries, entries)
        XCTAssertEqual(again.run.submissions, 1)
        XCTAssertEqual(try store.runs().map(\.id), [id])
        XCTAssertNil(try store.run(id + 1))
    }
}
