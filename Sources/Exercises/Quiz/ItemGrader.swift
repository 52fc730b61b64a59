/// Grades any item of the bank: choice items by their letters, command and performance items in
/// the simulated lab. Command and performance graders are made once per item and kept, so an
/// item's setup runs once however many answers are graded (a class's answer files in a batch).
public final class ItemGrader {
    private var commandGraders: [String: CommandItemGrader] = [:]
    private var performanceGraders: [String: PerformanceItemGrader] = [:]

    public init() {}

    /// The verdict on `answer` to `item`.
    public func grade(_ item: QuizItem, _ answer: QuizAnswer) -> ItemResult {
        let (correct, feedback) = verdict(item, answer)
        return ItemResult(item: item.id, kind: item.kind, objectives: item.objectives, correct: correct, answer: answer.text,
                          feedback: feedback, rightAnswer: item.rightAnswer, explanation: item.explanation)
    }

    private func verdict(_ item: QuizItem, _ answer: QuizAnswer) -> (Bool, String) {
        if answer == .none { return (false, "not answered") }
        switch item.kind {
        case .single, .multiple, .discrete:
            return ChoiceGrading.grade(item, answer)
        case .command:
            guard case .commands(let line) = answer else { return (false, "a command item is answered with a command") }
            return commandGrader(item).grade(line)
        case .performance:
            guard case .commands(let script) = answer else { return (false, "a task is answered with commands") }
            do { return try performanceGrader(item).grade(script) } catch { return (false, "the item's checks cannot be read: \(error)") }
        }
    }

    func commandGrader(_ item: QuizItem) -> CommandItemGrader {
        if let grader = commandGraders[item.id] { return grader }
        let grader = CommandItemGrader(item)
        commandGraders[item.id] = grader
        return grader
    }

    func performanceGrader(_ item: QuizItem) throws -> PerformanceItemGrader {
        if let grader = performanceGraders[item.id] { return grader }
        let grader = try PerformanceItemGrader(item)
        performanceGraders[item.id] = grader
        return grader
    }
}

/// Proves the bank's lab items: every accepted spelling of a command item passes and every
/// rejected one fails; every performance item's solution passes and its wrong attempt fails.
public enum BankVerifier {
    /// One problem found, naming the item and what went wrong.
    public struct Problem: Sendable, Equatable, CustomStringConvertible {
        public let item: String
        public let source: String
        public let message: String
        public var description: String { "\(source): item \(item): \(message)" }
    }

    /// Every problem of the items' lab answers (empty when all are proven).
    public static func verify(_ items: [QuizItem]) -> [Problem] {
        let grader = ItemGrader()
        var problems: [Problem] = []
        for item in items {
            func problem(_ message: String) { problems.append(Problem(item: item.id, source: item.source, message: message)) }
            switch item.kind {
            case .command:
                let g = grader.commandGrader(item)
                if g.expected.status != 0 {
                    problem("the reference `\(item.reference)` fails (status \(g.expected.status)): \(g.expected.stderr.prefix(200))")
                }
                for right in [item.reference] + item.accepts {
                    let (ok, why) = g.grade(right)
                    if !ok { problem("the right answer `\(right)` does not pass:\n\(why)") }
                }
                for wrong in item.rejects where g.grade(wrong).correct { problem("the wrong answer `\(wrong)` passes") }
            case .performance:
                do {
                    let g = try grader.performanceGrader(item)
                    let (ok, why) = g.grade(item.solution)
                    if !ok { problem("the solution does not pass:\n\(why)") }
                    if g.grade(item.wrong).correct { problem("the wrong attempt passes") }
                } catch {
                    problem("its checks cannot be read: \(error)")
                }
            case .single, .multiple, .discrete:
                break
            }
        }
        return problems
    }

    /// Objectives of the bank's blueprints practised by fewer than `minimum` items, with their counts.
    public static func thinObjectives(_ bank: QuestionBank, minimum: Int = 5) -> [(objective: String, items: Int)] {
        bank.objectiveIDs.compactMap { id in
            let n = bank.items.filter { $0.objectives.contains(id) }.count
            return n < minimum ? (id, n) : nil
        }
    }
}
