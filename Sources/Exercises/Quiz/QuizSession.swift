import Foundation
import LabCore

/// The terminal a quiz talks to: it shows text and reads answer lines (nil at the end of input).
/// `lab quiz` gives its standard input and output; tests give a script.
public protocol QuizConsole: AnyObject {
    func show(_ text: String)
    func read(prompt: String) -> String?
    /// Where a performance task's commands print.
    var labOutput: OutputSink { get }
}

/// Takes a quiz: one item at a time, each answered at the console (or from an answer sheet),
/// graded at once, with feedback after each item in practice and review mode and none until the
/// report in exam mode. A mock exam stops asking when its time is up; what is left unanswered counts
/// as wrong.
public struct QuizSession {
    public let plan: QuizPlan
    public let bank: QuestionBank
    let grader = ItemGrader()
    /// The wall clock (seconds); tests move it.
    var now: () -> Double = { Date().timeIntervalSince1970 }

    public init(plan: QuizPlan, bank: QuestionBank) {
        self.plan = plan
        self.bank = bank
    }

    /// Grades a whole answer sheet at once (no console).
    public func grade(sheet: AnswerSheet) -> QuizReport {
        let started = now()
        let results = plan.items.enumerated().map { index, item -> ItemResult in
            let text = sheet.answer(for: item, at: index) ?? ""
            switch QuizAnswer.read(text, for: item) {
            case .success(let answer): return grader.grade(item, answer)
            case .failure(let why):
                let r = grader.grade(item, .none)
                return ItemResult(item: r.item, kind: r.kind, objectives: r.objectives, correct: false, answer: text,
                                  feedback: "the answer cannot be read: \(why)", rightAnswer: r.rightAnswer, explanation: r.explanation)
            }
        }
        return QuizReport(plan: plan, results: results, bank: bank, seconds: now() - started, timedOut: false)
    }

    /// Takes the quiz at `console`.
    public func run(console: QuizConsole) -> QuizReport {
        let started = now()
        let deadline = plan.minutes.map { started + Double($0 * 60) }
        var results: [ItemResult] = []
        var timedOut = false
        var inputEnded = false
        for (index, item) in plan.items.enumerated() {
            if let deadline, now() >= deadline { timedOut = true }
            if timedOut || inputEnded { results.append(grader.grade(item, .none)); continue }
            var header = QuizText.item(item, number: index + 1, of: plan.items.count)
            if let deadline { header = "[\(QuizText.clock(deadline - now())) left] " + header }
            console.show("\n" + header)
            guard let answer = ask(item, console: console) else {
                inputEnded = true
                results.append(grader.grade(item, .none))
                continue
            }
            if let deadline, now() > deadline {
                // An answer given after the time ran out does not count, as in an exam room.
                timedOut = true
                results.append(grader.grade(item, .none))
                continue
            }
            let result = grader.grade(item, answer)
            results.append(result)
            if plan.mode != .exam { console.show(QuizText.feedback(result)) }
        }
        if timedOut { console.show("\nThe time is up.") }
        return QuizReport(plan: plan, results: results, bank: bank, seconds: now() - started, timedOut: timedOut)
    }

    /// Reads one item's answer, asking again while it cannot be read; nil when the input ended.
    private func ask(_ item: QuizItem, console: QuizConsole) -> QuizAnswer? {
        switch item.kind {
        case .single, .multiple, .command:
            while true {
                guard let line = console.read(prompt: item.kind == .command ? "$ " : "answer> ") else { return nil }
                switch QuizAnswer.read(line, for: item) {
                case .success(let answer): return answer
                case .failure(let why): console.show(why.description)
                }
            }
        case .discrete:
            var said: [Bool] = []
            var index = 0
            while index < item.options.count && !ChoiceGrading.discreteEnded(item, said) {
                console.show(QuizText.option(index, of: item))
                guard let line = console.read(prompt: "right? (y/n) ") else { return nil }
                switch QuizAnswer.read(line, for: item) {
                case .success(.discrete(let words)) where words.count == 1:
                    said.append(words[0])
                    index += 1
                default: console.show("answer y or n")
                }
            }
            return .discrete(said)
        case .performance:
            // The learner works on the prepared lab itself; the lines typed are then graded by
            // replaying them from the same start, which gives the same end state.
            var lab = QuizLab.prepare(item)
            let shell = LabShell()
            var typed: [String] = []
            while true {
                guard let line = console.read(prompt: LabShell.prompt(lab)) else { return typed.isEmpty ? nil : .commands(typed.joined(separator: "\n")) }
                if line.trimmingCharacters(in: .whitespaces) == "done" { break }
                typed.append(line)
                _ = shell.run(line, origin: .interactive, lab: &lab, output: console.labOutput, limits: QuizLab.limits())
            }
            return typed.isEmpty ? QuizAnswer.none : .commands(typed.joined(separator: "\n"))
        }
    }
}
