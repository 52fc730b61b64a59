import XCTest
@testable import Exercises

/// The question bank that ships with the lab (Content/questions): its size and coverage, every
/// command and performance item proven, and the mock exams it makes.
final class BuiltinBankTests: XCTestCase {
    static let bank: Result<QuestionBank, Error> = Result {
        guard let dir = BuiltinContent.directory() else { throw StoreError("no Content folder") }
        return try QuestionBank.load(folder: dir + "/questions")
    }

    func bank() throws -> QuestionBank { try Self.bank.get() }

    func testTheBankHasAtLeast150ItemsAndEveryObjectiveAtLeastFive() throws {
        let bank = try bank()
        XCTAssertGreaterThanOrEqual(bank.items.count, 150)
        XCTAssertEqual(BankVerifier.thinObjectives(bank, minimum: 5).map { "\($0.objective): \($0.items)" }, [])
        for kind in QuizItem.Kind.allCases {
            XCTAssertGreaterThanOrEqual(bank.items.filter { $0.kind == kind }.count, 10, "\(kind) items")
        }
    }

    /// Every right spelling of every command item passes, every listed wrong one fails; every
    /// task's solution passes and its typical wrong attempt fails. The failures are named.
    func testEveryCommandAndPerformanceItemIsProven() throws {
        let problems = BankVerifier.verify(try bank().items)
        XCTAssertEqual(problems.count, 0, problems.map(\.description).joined(separator: "\n\n"))
    }

    func testEveryCommandItemAcceptsThreeSpellings() throws {
        for item in try bank().items where item.kind == .command {
            XCTAssertGreaterThanOrEqual(Set(item.accepts).count, 3, item.id)
            XCTAssertFalse(item.rejects.isEmpty, item.id)
        }
    }

    /// A mock DCA exam: 55 items, 90 minutes, spread like the blueprint's weights.
    func testAMockDCAExamIsWeightedLikeTheBlueprint() throws {
        let bank = try bank()
        let dca = try XCTUnwrap(bank.blueprint("dca"))
        let plan = try QuizPlan.make(bank: bank, blueprint: "dca", topic: nil, count: nil, timed: 90, seed: 2026)
        XCTAssertEqual(plan.items.count, 55)
        XCTAssertEqual(Set(plan.items.map(\.id)).count, 55)
        XCTAssertEqual(plan.mode, .exam)
        var counts: [String: Int] = [:]
        for item in plan.items { counts[item.objectives.first(where: dca.covers)!, default: 0] += 1 }
        XCTAssertEqual(counts, dca.apportion(55))
    }

    func testAnLPI702PracticeSetCoversItsThreeObjectives() throws {
        let bank = try bank()
        let plan = try QuizPlan.make(bank: bank, blueprint: "lpi-devops", topic: nil, count: nil, timed: 45, seed: 5)
        XCTAssertEqual(plan.items.count, 30)
        let lpi = try XCTUnwrap(bank.blueprint("lpi-devops"))
        XCTAssertTrue(plan.items.allSatisfy { $0.objectives.contains(where: lpi.covers) })
        for objective in ["lpi-702.1", "lpi-702.2", "lpi-702.3"] {
            XCTAssertTrue(plan.items.contains { $0.objectives.contains(objective) }, objective)
        }
        let topic = try QuizPlan.make(bank: bank, blueprint: "lpi-devops", topic: "702.2", count: 5, timed: nil, seed: 5)
        XCTAssertTrue(topic.items.allSatisfy { $0.objectives.contains("lpi-702.2") })
    }
}

extension BuiltinBankTests {
    /// The benchmark's sheets are right exactly where they mean to be (two items in three), so
    /// its figure measures right and wrong answers alike.
    func testTheBenchmarksSheetsScoreAsDesigned() throws {
        let bank = try bank()
        let plan = try QuizPlan.make(bank: bank, blueprint: "dca", topic: nil, count: nil, timed: 90, seed: 1)
        for k in 0..<3 {
            let report = QuizSession(plan: plan, bank: bank).grade(sheet: QuizBenchmark.sheet(k, plan: plan))
            XCTAssertEqual(report.results.map(\.correct), plan.items.indices.map { ($0 + k) % 3 != 0 },
                           report.results.filter { !$0.correct }.map { "\($0.item): \($0.feedback)" }.joined(separator: "\n"))
        }
    }
}
