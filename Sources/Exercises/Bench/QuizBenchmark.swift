import Foundation
import LabCore

/// Measures the quiz grader as an instructor uses it: a class's answer sheets for one mock DCA
/// exam (55 items; each sheet right on about two items in three, with another accepted spelling
/// of each command), graded one after another on one core. The first sheet also pays for each
/// lab item's setup and reference run, which later sheets share.
public enum QuizBenchmark {
    /// What one run measured.
    public struct Result: Sendable {
        public let sheets: Int
        public let items: Int
        /// The first sheet's CPU time (the lab items' setups and references run then).
        public let firstSeconds: Double
        /// CPU time of all the other sheets.
        public let restSeconds: Double
        public var sheetsPerSecond: Double { Double(sheets - 1) / restSeconds }
    }

    /// The answer sheet number `k` of a class for `plan`.
    public static func sheet(_ k: Int, plan: QuizPlan) -> AnswerSheet {
        var answers: [String: String] = [:]
        for (i, item) in plan.items.enumerated() {
            let right = (i + k) % 3 != 0
            switch item.kind {
            case .single, .multiple:
                let letters = right ? item.answer : [((item.answer.first ?? 0) + 1) % item.options.count]
                answers[item.id] = letters.map(QuizItem.letter).joined(separator: " ")
            case .discrete:
                answers[item.id] = item.options.indices.map { item.answer.contains($0) == right ? "y" : "n" }.joined()
            case .command:
                answers[item.id] = right ? item.accepts[k % item.accepts.count] : item.rejects[0]
            case .performance:
                answers[item.id] = right ? item.solution : item.wrong
            }
        }
        return AnswerSheet(byID: answers)
    }

    /// Grades `sheets` sheets of the mock DCA exam that `seed` picks from `bank`.
    public static func run(bank: QuestionBank, sheets: Int = 200, seed: UInt64 = 1) throws -> Result {
        let plan = try QuizPlan.make(bank: bank, blueprint: "dca", topic: nil, count: nil, timed: 90, seed: seed)
        let session = QuizSession(plan: plan, bank: bank)
        let all = (0..<max(2, sheets)).map { sheet($0, plan: plan) }
        let t0 = ParseBenchmark.monotonicSeconds()
        var kept = [session.grade(sheet: all[0])]
        let t1 = ParseBenchmark.monotonicSeconds()
        for s in all.dropFirst() { kept.append(session.grade(sheet: s)) }
        let t2 = ParseBenchmark.monotonicSeconds()
        return withExtendedLifetime(kept) {
            Result(sheets: all.count, items: plan.items.count, firstSeconds: t1 - t0, restSeconds: t2 - t1)
        }
    }
}
