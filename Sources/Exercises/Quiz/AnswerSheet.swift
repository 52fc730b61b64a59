import Foundation
import LabCore
import Yams

/// Answers written down beforehand (`lab quiz --answers FILE`): a YAML mapping of item ids to
/// answers, optionally under `answers:` beside a `seed:`, or a YAML list answering the quiz's
/// items in order. An answer is a scalar (`B`, `A C`, `yn`, a command) or a list (`[A, C]`,
/// `[yes, no]`), or a block of lines (a task's commands).
public struct AnswerSheet: Sendable, Equatable {
    /// Answers by item id.
    public var byID: [String: String] = [:]
    /// Answers in the order of the quiz's items (a list sheet).
    public var inOrder: [String]? = nil
    /// The seed the sheet was written for, if it says.
    public var seed: UInt64? = nil

    public init(byID: [String: String] = [:], inOrder: [String]? = nil, seed: UInt64? = nil) {
        self.byID = byID
        self.inOrder = inOrder
        self.seed = seed
    }

    /// The answer to the `index`th item of the quiz (nil: not answered).
    public func answer(for item: QuizItem, at index: Int) -> String? {
        if let inOrder { return index < inOrder.count ? inOrder[index] : nil }
        return byID[item.id]
    }

    /// Reads a sheet; a sheet that is not one of the forms above is reported with what is wrong.
    public static func parse(_ text: String) throws -> AnswerSheet {
        if text.utf8.contains(0) { throw QuizInputError("the answers file is binary, not YAML text") }
        let loaded: Any?
        do { loaded = try SafeYAML.load(text) } catch let big as SafeYAML.TooLarge {
            throw QuizInputError("the answers file is too large: \(big)")
        } catch {
            throw QuizInputError("the answers file is not valid YAML: \(SafeYAML.shortText(error))")
        }
        if let list = loaded as? [Any] { return AnswerSheet(inOrder: list.map(scalar)) }
        guard var map = loaded as? [String: Any] else {
            throw QuizInputError("the answers file is a YAML mapping of item ids to answers, or a list of answers in order")
        }
        var sheet = AnswerSheet()
        if let seed = map["seed"] {
            guard let n = seed as? Int, n >= 0 else { throw QuizInputError("seed: in the answers file is a whole number") }
            sheet.seed = UInt64(n)
            map["seed"] = nil
        }
        if let answers = map["answers"] {
            if let list = answers as? [Any] { sheet.inOrder = list.map(scalar); return sheet }
            guard let inner = answers as? [String: Any] else { throw QuizInputError("answers: in the answers file is a mapping or a list") }
            map = inner
        }
        for (id, value) in map { sheet.byID[id] = scalar(value) }
        return sheet
    }

    /// An answer's text: lists joined by spaces, YAML's yes/no words back to words.
    static func scalar(_ value: Any) -> String {
        switch value {
        case let b as Bool: return b ? "yes" : "no"
        case let list as [Any]: return list.map(scalar).joined(separator: " ")
        case is NSNull: return ""
        default: return "\(value)"
        }
    }
}
