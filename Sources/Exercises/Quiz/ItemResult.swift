/// The verdict on one answered item: right or not, what was answered, and what the learner is told
/// (what their command did instead, the right answer, the explanation).
public struct ItemResult: Sendable, Equatable, Codable {
    public let item: String
    public let kind: QuizItem.Kind
    public let objectives: [String]
    public let correct: Bool
    /// The answer as the learner gave it.
    public let answer: String
    /// What was wrong, in words (empty when right): for command and performance items, what the
    /// answer did instead of what was asked.
    public let feedback: String
    /// The right answer (letters, the reference command or solution).
    public let rightAnswer: String
    public let explanation: String
}

/// Grades choice items: single and multiple choice by the set of letters, discrete option items
/// by the yes/no said to each option shown.
enum ChoiceGrading {
    /// Whether the answer is right, and a sentence on what was wrong.
    static func grade(_ item: QuizItem, _ answer: QuizAnswer) -> (correct: Bool, feedback: String) {
        switch (item.kind, answer) {
        case (.single, .choice(let picked)), (.multiple, .choice(let picked)):
            if picked == item.answer { return (true, "") }
            let missed = item.answer.filter { !picked.contains($0) }.map(QuizItem.letter)
            let extra = picked.filter { !item.answer.contains($0) }.map(QuizItem.letter)
            var parts: [String] = []
            if !extra.isEmpty { parts.append("\(extra.joined(separator: ", ")) \(extra.count == 1 ? "is" : "are") not right") }
            if !missed.isEmpty, item.kind == .multiple { parts.append("\(missed.joined(separator: ", ")) \(missed.count == 1 ? "was" : "were") missed") }
            return (false, parts.isEmpty ? "not the right answer" : parts.joined(separator: "; "))
        case (.discrete, .discrete(let said)):
            let (correct, shown) = discrete(item, said)
            if correct { return (true, "") }
            if shown > said.count { return (false, "option \(QuizItem.letter(shown - 1)) was not answered") }
            let i = shown - 1
            return (false, "option \(QuizItem.letter(i)) is \(item.answer.contains(i) ? "right" : "not right"); you said \(said[i] ? "yes" : "no")")
        default:
            return (false, "no answer")
        }
    }

    /// A discrete option item's verdict and how many options were shown: the options come one at a
    /// time and stop at the first wrong yes/no, or once every right option has been said yes to.
    static func discrete(_ item: QuizItem, _ said: [Bool]) -> (correct: Bool, shown: Int) {
        var affirmed = 0
        for i in item.options.indices {
            if affirmed == item.answer.count { return (true, i) }
            guard i < said.count else { return (false, i + 1) }
            let right = item.answer.contains(i)
            if said[i] != right { return (false, i + 1) }
            if right { affirmed += 1 }
        }
        return (affirmed == item.answer.count, item.options.count)
    }

    /// Whether the options shown so far (with these answers) end a discrete item.
    static func discreteEnded(_ item: QuizItem, _ said: [Bool]) -> Bool {
        let (correct, shown) = discrete(item, said)
        return correct || shown <= said.count
    }
}
