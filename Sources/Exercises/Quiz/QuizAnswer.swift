/// A learner's answer to one item, as read from the terminal or an answers file.
public enum QuizAnswer: Sendable, Equatable, Codable {
    /// The options chosen (single and multiple choice), by index.
    case choice([Int])
    /// Yes or no to each option shown, in the order shown (discrete option items).
    case discrete([Bool])
    /// A command line or a script of them (command and performance items).
    case commands(String)
    /// No answer: skipped, or the exam's time ran out.
    case none

    /// How the answer is written back to the learner.
    public var text: String {
        switch self {
        case .choice(let picked): return picked.isEmpty ? "(none)" : picked.map(QuizItem.letter).joined(separator: ", ")
        case .discrete(let said): return said.isEmpty ? "(none)" : said.map { $0 ? "yes" : "no" }.joined(separator: ", ")
        case .commands(let script): return script
        case .none: return "(no answer)"
        }
    }

    /// Reads the text of an answer to `item`: letters ("B", "A,C", "a c") for choice items, yes/no
    /// words or letters ("yes no", "yn", "y,n") for discrete items, the text itself for command and
    /// performance items. Nil with the reason when the text is no answer of the item's kind.
    public static func read(_ raw: String, for item: QuizItem) -> Result<QuizAnswer, QuizInputError> {
        let text = raw.trimmingCharacters(in: .whitespacesAndNewlines)
        if text.isEmpty { return .success(.none) }
        switch item.kind {
        case .single, .multiple:
            let compact = text.filter { !$0.isWhitespace && $0 != "," }
            var picked: [Int] = []
            for ch in compact.uppercased() {
                guard let v = ch.asciiValue, v >= 65, Int(v) - 65 < item.options.count else {
                    return .failure(QuizInputError("answer with the letters A to \(QuizItem.letter(item.options.count - 1))"))
                }
                if !picked.contains(Int(v) - 65) { picked.append(Int(v) - 65) }
            }
            if item.kind == .single && picked.count > 1 { return .failure(QuizInputError("choose one letter")) }
            return .success(.choice(picked.sorted()))
        case .discrete:
            let words = text.lowercased().split(whereSeparator: { $0 == "," || $0.isWhitespace }).map(String.init)
            var said: [Bool] = []
            for word in words {
                switch word {
                case "yes", "y", "true": said.append(true)
                case "no", "n", "false": said.append(false)
                default:
                    if word.allSatisfy({ $0 == "y" || $0 == "n" }) { said += word.map { $0 == "y" } } else {
                        return .failure(QuizInputError("answer yes or no (y/n) to each option"))
                    }
                }
            }
            return .success(.discrete(said))
        case .command, .performance:
            return .success(.commands(text))
        }
    }
}

/// An answer that cannot be read for its item, with what to type instead.
public struct QuizInputError: Error, Sendable, Equatable, CustomStringConvertible {
    public let description: String
    public init(_ description: String) { self.description = description }
}
