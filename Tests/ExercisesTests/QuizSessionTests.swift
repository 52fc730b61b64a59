import Foundation
import LabCore
import XCTest
@testable import Exercises

/// Taking a quiz: the items a seed picks, feedback in practice and none in an exam, the time
/// limit, answer sheets, the report's breakdown, and attempts stored for review and statistics.
final class QuizSessionTests: XCTestCase {
    /// A console that answers from a script and keeps what was shown.
    final class ScriptedConsole: QuizConsole {
        var lines: [String]
        var shown: [String] = []
        var prompts: [String] = []
        let captured = CapturedOutput()
        var labOutput: OutputSink { captured }
        var onRead: (() -> Void)?
        init(_ lines: [String]) { self.lines = lines }
        func show(_ text: String) { shown.append(text) }
        func read(prompt: String) -> String? {
            prompts.append(prompt)
            onRead?()
            return lines.isEmpty ? nil : lines.removeFirst()
        }
    }

    func plan(_ mode: QuizPlan.Mode, minutes: Int? = nil) throws -> (QuizPlan, QuestionBank) {
        let bank = try QuizFixtures.bank()
        return (QuizPlan(items: bank.items, blueprint: bank.blueprint("dca"), mode: mode, minutes: minutes, seed: 1), bank)
    }

    func testTheSameSeedPicksTheSameItemsInTheSameOrder() throws {
        let bank = try QuizFixtures.bank()
        let a = try QuizPlan.make(bank: bank, blueprint: "dca", topic: nil, count: 3, timed: nil, seed: 42)
        let b = try QuizPlan.make(bank: bank, blueprint: "dca", topic: nil, count: 3, timed: nil, seed: 42)
        XCTAssertEqual(a.items.map(\.id), b.items.map(\.id))
        XCTAssertEqual(a.items.count, 3)
        let networking = try QuizPlan.make(bank: bank, blueprint: nil, topic: "networking", count: nil, timed: nil, seed: 1)
        XCTAssertEqual(Set(networking.items.map(\.id)), ["bridge-dns", "overlay-scope", "web-on-appnet"])
        XCTAssertThrowsError(try QuizPlan.make(bank: bank, blueprint: "aws", topic: nil, count: nil, timed: nil, seed: 1)) {
            XCTAssertEqual("\($0)", "no blueprint aws (the blueprints are dca, lpi-devops)")
        }
        XCTAssertThrowsError(try QuizPlan.make(bank: bank, blueprint: "dca", topic: "702.1", count: nil, timed: nil, seed: 1)) {
            XCTAssertTrue("\($0)".hasPrefix("no objective matches 702.1"), "\($0)")
        }
    }

    func testPracticeGivesFeedbackAfterEachItemAndTheReportBreaksDown() throws {
        let (plan, bank) = try plan(.practice)
        // bridge-dns right, volume-kinds wrong, overlay-scope n then y, the command, the task with `done`.
        let console = ScriptedConsole(["B", "A", "n", "y", "docker ps -aq", "docker network create appnet",
                                       "docker run -d --name web --network appnet nginx", "done"])
        let report = QuizSession(plan: plan, bank: bank).run(console: console)
        XCTAssertEqual(report.results.map(\.correct), [true, false, true, true, true])
        XCTAssertTrue(console.shown.contains { $0.hasPrefix("Right. ") })
        XCTAssertTrue(console.shown.contains { $0.hasPrefix("Not right.\nC was missed\nThe right answer: A, C") })
        XCTAssertEqual(console.prompts.filter { $0 == "right? (y/n) " }.count, 2)
        XCTAssertTrue(console.prompts.contains("root@node1:~# "))
        XCTAssertEqual(report.correct, 4)
        XCTAssertEqual(report.passed, true)
        XCTAssertEqual(report.objectives.first { $0.objective == "dca-storage" }.map { [$0.items, $0.correct] }, [1, 0])
        XCTAssertEqual(report.objectives.first { $0.objective == "dca-networking" }.map { [$0.items, $0.correct] }, [3, 3])
        let text = QuizText.report(report)
        XCTAssertTrue(text.hasPrefix("Score: 4 of 5 (80%) · pass mark 65% · PASSED\n"), text)
        XCTAssertTrue(text.contains("Mistakes to review:\n2. volume-kinds (dca-storage), multiple choice, choose all that apply\n   Your answer: A\n   C was missed"), text)
    }

    func testAnExamShowsNoFeedbackAndStopsWhenTheTimeIsUp() throws {
        let (plan, bank) = try plan(.exam, minutes: 1)
        var session = QuizSession(plan: plan, bank: bank)
        var clock = 1000.0
        session.now = { clock }
        let console = ScriptedConsole(["B", "A C", "n", "y", "docker ps -aq"])
        console.onRead = { clock += 20 }   // each answer takes 20 seconds: the third item's second option comes too late
        let report = session.run(console: console)
        XCTAssertFalse(console.shown.contains { $0.hasPrefix("Right.") || $0.hasPrefix("Not right.") })
        XCTAssertTrue(report.timedOut)
        XCTAssertEqual(report.results.map(\.correct), [true, true, false, false, false])
        XCTAssertEqual(report.results.last?.answer, "(no answer)")
        XCTAssertTrue(console.shown.first?.hasPrefix("\n[1:00 left] Question 1 of 5") == true, console.shown.first ?? "")
        XCTAssertTrue(QuizText.report(report).contains("Time: 1:20 of 1:00 (time ran out)"))
    }

    func testAnAnswerSheetGradesTheWholeQuizAtOnce() throws {
        let (plan, bank) = try plan(.exam, minutes: 90)
        let sheet = try AnswerSheet.parse("""
            bridge-dns: B
            volume-kinds: [A, C]
            overlay-scope: yes
            ps-all-ids: docker container ls -a -q
            web-on-appnet: |
              docker network create appnet
              docker run -d --name web --network appnet nginx
            """)
        let report = QuizSession(plan: plan, bank: bank).grade(sheet: sheet)
        XCTAssertEqual(report.results.map(\.correct), [true, true, false, true, true])
        XCTAssertEqual(report.results[2].feedback, "option A is not right; you said yes")
        let json = String(decoding: try JSONEncoder().encode(report), as: UTF8.self)
        XCTAssertTrue(json.contains("\"percent\":80"), json)
        XCTAssertEqual(try JSONDecoder().decode(QuizReport.self, from: Data(json.utf8)).results, report.results)
    }

    func testAttemptsAreStoredForReviewAndStatistics() throws {
        let store = try LabStore(path: NSTemporaryDirectory() + "lab-quiz-\(UUID().uuidString)/lab.sqlite")
        let bank = try QuizFixtures.bank()
        try store.importQuestionBank(bank)
        XCTAssertEqual(try store.questionBank(), bank)
        let (plan, _) = try plan(.practice)
        let session = QuizSession(plan: plan, bank: bank)
        let day = 86_400.0
        let start = Date(timeIntervalSince1970: 1_800_000_000)
        // First quiz: volume-kinds and overlay-scope missed.
        try store.recordQuiz(session.grade(sheet: AnswerSheet(byID: ["bridge-dns": "B", "volume-kinds": "A", "ps-all-ids": "docker ps -aq"])), at: start)
        XCTAssertEqual(Set(try store.reviewItems(now: start, limit: 10)), ["volume-kinds", "overlay-scope", "web-on-appnet"])
        // Second quiz a day later: volume-kinds right now, so it waits a day; the others stay due.
        try store.recordQuiz(session.grade(sheet: AnswerSheet(byID: ["volume-kinds": "A C"])), at: start + day)
        XCTAssertFalse(try store.reviewItems(now: start + day, limit: 10).contains("volume-kinds"))
        XCTAssertTrue(try store.reviewItems(now: start + 2.5 * day, limit: 10).contains("volume-kinds"))
        // Items missed twice come before items missed once.
        XCTAssertEqual(try store.reviewItems(now: start + day, limit: 2).count, 2)
        XCTAssertTrue(try store.reviewItems(now: start + day, limit: 10).first.map { ["overlay-scope", "web-on-appnet", "bridge-dns", "ps-all-ids"].contains($0) } ?? false)
        let progress = try store.objectiveProgress(objectives: bank.objectiveIDs)
        let storage = try XCTUnwrap(progress.first { $0.objective == "dca-storage" })
        XCTAssertEqual([storage.answered, storage.correct], [2, 1])
        XCTAssertEqual(storage.recent, [0, 100])
        XCTAssertEqual(progress.map(\.objective).first, "dca-orchestration")
        XCTAssertTrue(QuizText.stats(progress).contains("dca-storage               2      1   50.0  0 → 100"), QuizText.stats(progress))
    }
}
