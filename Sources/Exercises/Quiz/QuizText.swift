import Foundation

/// How items and reports read at the terminal (and in a printed exam paper).
public enum QuizText {
    /// An item as shown to the learner: its number, objectives and kind, the prompt, and its
    /// options (all at once, except discrete option items, which `option(_:of:)` shows one by one).
    public static func item(_ item: QuizItem, number: Int, of total: Int, showID: Bool = false) -> String {
        var lines = ["Question \(number) of \(total) · \(item.objectives.joined(separator: ", ")) · \(item.kind.label)" + (showID ? " · \(item.id)" : ""),
                     item.prompt]
        switch item.kind {
        case .single, .multiple:
            lines += item.options.enumerated().map { "  \(QuizItem.letter($0.offset)). \($0.element)" }
            lines.append(item.kind == .single ? "Answer with one letter." : "Answer with every right letter (for example: A C).")
        case .discrete:
            lines.append("The options come one at a time; answer y (right) or n (not right) to each.")
        case .command:
            lines.append("Type the command.")
        case .performance:
            lines.append("The lab is ready. Type commands; a line with `done` ends the task.")
        }
        return lines.joined(separator: "\n")
    }

    /// One option of a discrete option item.
    public static func option(_ index: Int, of item: QuizItem) -> String {
        "  \(QuizItem.letter(index)). \(item.options[index])"
    }

    /// The feedback shown after an item in practice mode.
    public static func feedback(_ result: ItemResult) -> String {
        if result.correct { return "Right. " + result.explanation }
        var lines = ["Not right."]
        if !result.feedback.isEmpty { lines.append(result.feedback) }
        lines.append("The right answer: " + result.rightAnswer)
        lines.append("Why: " + result.explanation)
        return lines.joined(separator: "\n")
    }

    /// The final report: score and pass mark, the per-objective breakdown, then each mistake with
    /// its explanation.
    public static func report(_ report: QuizReport) -> String {
        var lines: [String] = []
        var score = "Score: \(report.correct) of \(report.total) (\(percent(report.percent)))"
        if let mark = report.passMark, let passed = report.passed {
            score += " · pass mark \(percent(mark)) · " + (passed ? "PASSED" : "NOT PASSED")
        }
        lines.append(score)
        if let minutes = report.minutes {
            lines.append("Time: \(clock(report.seconds)) of \(clock(Double(minutes * 60)))" + (report.timedOut ? " (time ran out)" : ""))
        }
        lines.append("Seed: \(report.seed)")
        lines.append("")
        let width = max(9, report.objectives.map(\.objective.count).max() ?? 0)
        lines.append(pad("OBJECTIVE", width) + "  " + pad("TITLE", 56) + "  ITEMS  RIGHT      %")
        for o in report.objectives {
            lines.append(pad(o.objective, width) + "  " + pad(String(o.title.prefix(56)), 56) + "  " + left("\(o.items)", 5) + "  "
                         + left("\(o.correct)", 5) + "  " + left(String(format: "%.1f", o.percent), 5))
        }
        let mistakes = report.results.enumerated().filter { !$0.element.correct }
        if !mistakes.isEmpty {
            lines.append("")
            lines.append("Mistakes to review:")
            for (n, r) in mistakes {
                lines.append("\(n + 1). \(r.item) (\(r.objectives.joined(separator: ", "))), \(r.kind.label)")
                lines.append(indent("Your answer: " + r.answer))
                if !r.feedback.isEmpty && r.feedback != "not answered" { lines.append(indent(r.feedback)) }
                lines.append(indent("Right answer: " + r.rightAnswer))
                lines.append(indent("Why: " + r.explanation))
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// Progress per objective (`lab quiz --stats`): answered, right, percent, and the latest quizzes.
    public static func stats(_ progress: [ObjectiveProgress]) -> String {
        if progress.isEmpty { return "No quiz taken yet.\n" }
        let width = max(9, progress.map(\.objective.count).max() ?? 0)
        var lines = [pad("OBJECTIVE", width) + "  ANSWERED  RIGHT      %  LATEST QUIZZES (% right, oldest first)"]
        for p in progress {
            let pct = p.answered == 0 ? 0 : Double(p.correct) * 100 / Double(p.answered)
            lines.append(pad(p.objective, width) + "  " + left("\(p.answered)", 8) + "  " + left("\(p.correct)", 5) + "  "
                         + left(String(format: "%.1f", pct), 5) + "  " + p.recent.map { String(format: "%.0f", $0) }.joined(separator: " → "))
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// The bank's size by kind and how many items practise each objective.
    public static func coverage(_ bank: QuestionBank) -> String {
        let kinds = Dictionary(grouping: bank.items, by: \.kind).mapValues(\.count)
        var lines = ["\(bank.items.count) items: " + QuizItem.Kind.allCases.map { "\(kinds[$0] ?? 0) \($0.rawValue)" }.joined(separator: ", ")]
        for id in bank.objectiveIDs { lines.append("  " + pad(id, 18) + " \(bank.items.filter { $0.objectives.contains(id) }.count) items") }
        return lines.joined(separator: "\n") + "\n"
    }

    static func percent(_ value: Double) -> String {
        value == value.rounded() ? "\(Int(value))%" : String(format: "%.1f%%", value)
    }

    static func clock(_ seconds: Double) -> String {
        let s = max(0, Int(seconds.rounded()))
        return String(format: "%d:%02d", s / 60, s % 60)
    }

    static func pad(_ text: String, _ width: Int) -> String { text.count >= width ? text : text + String(repeating: " ", count: width - text.count) }
    static func left(_ text: String, _ width: Int) -> String { text.count >= width ? text : String(repeating: " ", count: width - text.count) + text }
    static func indent(_ text: String) -> String { text.split(separator: "\n", omittingEmptySubsequences: false).map { "   " + $0 }.joined(separator: "\n") }
}
