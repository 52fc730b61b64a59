import Foundation
import XCTest

/// `lab quiz` as a candidate and an instructor run it: a mock DCA exam from an answers file and
/// at the terminal, the printed paper, the stored attempts behind --review and --stats, and the
/// errors of wrong options and files.
extension CLITests {
    private func quizFolder() throws -> String {
        let dir = NSTemporaryDirectory() + "lab-quiz-cli-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        addTeardownBlock { try? FileManager.default.removeItem(atPath: dir) }
        return dir
    }

    /// An answer of each item's kind (not always right): enough to take the whole exam.
    private func someAnswer(kind: String) -> String {
        switch kind {
        case "single", "multiple": return "A"
        case "discrete": return "n n n n n"
        default: return "docker ps -a"
        }
    }

    func testAMockDCAExamFromAnAnswersFile() throws {
        let dir = try quizFolder()
        let paper = try lab(["quiz", "--blueprint", "dca", "--timed", "90", "--seed", "7", "--paper", "--json"])
        XCTAssertEqual(paper.status, 0, paper.stderr)
        let items = try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(paper.stdout.utf8)) as? [[String: Any]])
        XCTAssertEqual(items.count, 55)
        XCTAssertNil(items[0]["answer"])
        var sheet = "seed: 7\nanswers:\n"
        for item in items { sheet += "  \(item["id"] as! String): \"\(someAnswer(kind: item["kind"] as! String))\"\n" }
        try sheet.write(toFile: dir + "/answers.yaml", atomically: true, encoding: .utf8)

        let run = try lab(["quiz", "--blueprint", "dca", "--timed", "90", "--answers", dir + "/answers.yaml", "--json"])
        XCTAssertEqual(run.status, 0, run.stderr)
        let report = try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any])
        XCTAssertEqual(report["total"] as? Int, 55)
        XCTAssertEqual(report["minutes"] as? Int, 90)
        XCTAssertEqual(report["passMark"] as? Double, 65)
        XCTAssertEqual(report["seed"] as? Int, 7)
        let objectives = try XCTUnwrap(report["objectives"] as? [[String: Any]])
        XCTAssertEqual(objectives.map { $0["objective"] as? String }, ["dca-orchestration", "dca-images", "dca-install", "dca-networking", "dca-security", "dca-storage"])
        XCTAssertEqual(objectives.map { $0["items"] as? Int ?? 0 }.reduce(0, +) >= 55, true)
        let results = try XCTUnwrap(report["results"] as? [[String: Any]])
        XCTAssertEqual(results.map { $0["item"] as? String }, items.map { $0["id"] as? String })
        XCTAssertTrue(results.contains { ($0["explanation"] as? String)?.isEmpty == false })

        // The same sheet as text: score line, breakdown, mistakes with explanations.
        let text = try lab(["quiz", "--blueprint", "dca", "--timed", "90", "--answers", dir + "/answers.yaml"])
        XCTAssertTrue(text.stdout.contains("\nScore: "), text.stdout)
        XCTAssertTrue(text.stdout.contains("pass mark 65%"), text.stdout)
        XCTAssertTrue(text.stdout.contains("OBJECTIVE          TITLE"), text.stdout)
        XCTAssertTrue(text.stdout.contains("Mistakes to review:\n"), text.stdout)
        XCTAssertTrue(text.stdout.contains("   Why: "), text.stdout)

        // Both attempts are stored: --stats shows every DCA objective.
        let stats = try lab(["quiz", "--stats"])
        XCTAssertTrue(stats.stdout.hasPrefix("OBJECTIVE          ANSWERED  RIGHT      %  LATEST QUIZZES"), stats.stdout)
        XCTAssertTrue(stats.stdout.contains("\ndca-storage "), stats.stdout)
        let review = try lab(["quiz", "--review", "--count", "3", "--answers", "-", "--json"], stdin: "[]")
        let reviewed = try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(review.stdout.utf8)) as? [String: Any])
        XCTAssertEqual(reviewed["total"] as? Int, 3)
        XCTAssertEqual(reviewed["mode"] as? String, "review")
    }

    func testAQuizAtTheTerminal() throws {
        // A practice set of 3, answered line by line on standard input; the end of input ends it.
        let lines = Array(repeating: ["A", "n", "docker ps", "done"], count: 6).flatMap { $0 }.joined(separator: "\n") + "\n"
        let run = try lab(["quiz", "--blueprint", "lpi-devops", "--count", "3", "--seed", "11"], stdin: lines)
        XCTAssertEqual(run.status, 0, run.stderr)
        XCTAssertTrue(run.stdout.hasPrefix("Practice: 3 items for LPI DevOps Tools Engineer, 702 Container Management, with feedback after each. Seed 11."), run.stdout)
        XCTAssertTrue(run.stdout.contains("\nQuestion 1 of 3 · "), run.stdout)
        XCTAssertTrue(run.stdout.contains("lpi-702."), run.stdout)
        XCTAssertTrue(run.stdout.contains("Question 3 of 3"), run.stdout)
        XCTAssertTrue(run.stdout.contains("Right. ") || run.stdout.contains("Not right."), run.stdout)
        XCTAssertTrue(run.stdout.contains("\nScore: "), run.stdout)

        // A mock exam at the terminal gives no feedback, and a short input leaves the rest unanswered.
        let exam = try lab(["quiz", "--blueprint", "dca", "--timed", "90", "--seed", "3"], stdin: "A\n")
        XCTAssertTrue(exam.stdout.contains("Mock exam: 55 items for Docker Certified Associate in 90 minutes."), exam.stdout)
        XCTAssertTrue(exam.stdout.contains("[90:00 left] Question 1 of 55"), exam.stdout)
        XCTAssertFalse(exam.stdout.contains("Right. ") || exam.stdout.contains("Not right."), exam.stdout)
        XCTAssertTrue(exam.stdout.contains("Time: 0:00 of 90:00"), exam.stdout)
        XCTAssertTrue(exam.stdout.contains("Your answer: (no answer)"), exam.stdout)
    }

    func testQuizErrorsNameTheProblem() throws {
        let dir = try quizFolder()
        let blueprint = try lab(["quiz", "--blueprint", "aws"])
        XCTAssertEqual(blueprint.status, 1)
        XCTAssertEqual(blueprint.stderr, "lab: no blueprint aws (the blueprints are dca, lpi-devops)\n")
        let missing = try lab(["quiz", "--answers", dir + "/none.yaml"])
        XCTAssertEqual(missing.status, 1)
        XCTAssertTrue(missing.stderr.hasPrefix("lab: the answers file "), missing.stderr)
        try Data([0x00, 0x01, 0xFF]).write(to: URL(fileURLWithPath: dir + "/garbage.bin"))
        let garbage = try lab(["quiz", "--answers", dir + "/garbage.bin"])
        XCTAssertEqual(garbage.status, 1)
        XCTAssertTrue(garbage.stderr.hasPrefix("lab: the answers file "), garbage.stderr)
        let count = try lab(["quiz", "--count", "0"])
        XCTAssertEqual(count.stderr, "lab: --count is at least 1\n")
        let review = try lab(["quiz", "--review"])
        XCTAssertEqual(review.stdout, "Nothing to review: no missed item is due again yet.\n")
        XCTAssertEqual(try lab(["quiz", "--stats"]).stdout, "No quiz taken yet.\n")
        let both = try lab(["quiz", "--stats", "--review"])
        XCTAssertEqual(both.status, 64)
    }
}

import Exercises

extension CLITests {
    /// The lines a candidate who knows every answer types at the terminal for `plan`: a letter or
    /// letters, y/n for each discrete option shown, the command, a task's commands then `done`.
    private func rightLines(_ plan: QuizPlan) -> String {
        var lines: [String] = []
        for item in plan.items {
            switch item.kind {
            case .single, .multiple: lines.append(item.answer.map(QuizItem.letter).joined(separator: " "))
            case .discrete:
                var said = 0
                for i in item.options.indices {
                    lines.append(item.answer.contains(i) ? "y" : "n")
                    if item.answer.contains(i) { said += 1 }
                    if said == item.answer.count { break }
                }
            case .command: lines.append(item.reference)
            case .performance: lines += item.solution.split(separator: "\n").map(String.init) + ["done"]
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// Both mock exams taken end to end at the terminal by a candidate who knows every answer.
    func testWholeMockExamsAtTheTerminal() throws {
        let dir = try XCTUnwrap(BuiltinContent.directory())
        let bank = try QuestionBank.load(folder: dir + "/questions")
        for (blueprint, minutes, items) in [("dca", 90, 55), ("lpi-devops", 45, 30)] {
            let plan = try QuizPlan.make(bank: bank, blueprint: blueprint, topic: nil, count: nil, timed: minutes, seed: 99)
            let run = try lab(["quiz", "--blueprint", blueprint, "--timed", "\(minutes)", "--seed", "99"], stdin: rightLines(plan))
            XCTAssertEqual(run.status, 0, run.stderr)
            XCTAssertTrue(run.stdout.contains("Question \(items) of \(items)"), run.stdout)
            XCTAssertTrue(run.stdout.contains("\nScore: \(items) of \(items) (100%) · pass mark "), String(run.stdout.suffix(3000)))
            XCTAssertTrue(run.stdout.contains("PASSED"), blueprint)
            XCTAssertFalse(run.stdout.contains("Mistakes to review"), String(run.stdout.suffix(3000)))
        }
    }
}
