import Foundation

/// One objective's progress over time (`lab quiz --stats`): everything answered on it, and the
/// share right in each of its latest quizzes, oldest first.
public struct ObjectiveProgress: Sendable, Equatable, Codable {
    public let objective: String
    public let answered: Int
    public let correct: Int
    /// Percent right in each of the latest quizzes that had the objective (at most six), oldest first.
    public let recent: [Double]
}

/// The question bank and quiz attempts in the lab database: the bank is imported from
/// Content/questions (again whenever its files change; attempts are kept by item id), attempts
/// and their answers are stored for review and statistics.
extension LabStore {
    /// Imports the bank of `folder` unless the stored one came from the same files; true when it did.
    @discardableResult
    public func importQuestionBankIfChanged(folder: String) throws -> Bool {
        let key = "question_bank_fingerprint"
        let print = Self.bankFingerprint(folder: folder)
        if case .text(let stored)? = try query("SELECT value FROM settings WHERE key = ?", [.text(key)]).first?.first, stored == print {
            return false
        }
        let bank = try QuestionBank.load(folder: folder)
        try importQuestionBank(bank)
        try query("INSERT INTO settings(key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value", [.text(key), .text(print)])
        return true
    }

    /// Replaces the stored bank with `bank`, in one transaction.
    public func importQuestionBank(_ bank: QuestionBank) throws {
        let encoder = JSONEncoder()
        try transaction {
            try query("DELETE FROM quiz_blueprints")
            try query("DELETE FROM quiz_items")
            for (i, b) in bank.blueprints.enumerated() {
                try query("INSERT INTO quiz_blueprints(id, position, body) VALUES (?, ?, ?)",
                          [.text(b.id), .integer(Int64(i)), .text(String(decoding: try encoder.encode(b), as: UTF8.self))])
            }
            for (i, item) in bank.items.enumerated() {
                try query("INSERT INTO quiz_items(id, position, kind, objectives, body) VALUES (?, ?, ?, ?, ?)",
                          [.text(item.id), .integer(Int64(i)), .text(item.kind.rawValue), .text(item.objectives.joined(separator: ",")),
                           .text(String(decoding: try encoder.encode(item), as: UTF8.self))])
            }
        }
    }

    /// The stored bank.
    public func questionBank() throws -> QuestionBank {
        let decoder = JSONDecoder()
        func bodies(_ sql: String) throws -> [Data] {
            try query(sql).compactMap { if case .text(let s)? = $0.first { return Data(s.utf8) } else { return nil } }
        }
        do {
            return QuestionBank(blueprints: try bodies("SELECT body FROM quiz_blueprints ORDER BY position").map { try decoder.decode(Blueprint.self, from: $0) },
                                items: try bodies("SELECT body FROM quiz_items ORDER BY position").map { try decoder.decode(QuizItem.self, from: $0) })
        } catch let error as StoreError {
            throw error
        } catch {
            throw StoreError("the stored question bank could not be read (\(error)); import it again")
        }
    }

    /// Stores a finished quiz and each answer; returns the attempt's number.
    @discardableResult
    public func recordQuiz(_ report: QuizReport, at time: Date = Date()) throws -> Int {
        let json = String(decoding: try JSONEncoder().encode(report), as: UTF8.self)
        return try transaction {
            try query("""
                INSERT INTO quiz_attempts(started_at, mode, blueprint, seed, correct, total, passed, report) VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                """, [.real(time.timeIntervalSince1970), .text(report.mode.rawValue), report.blueprint.map { .text($0) } ?? .null,
                      .integer(Int64(bitPattern: report.seed)), .integer(Int64(report.correct)), .integer(Int64(report.total)),
                      report.passed.map { .integer($0 ? 1 : 0) } ?? .null, .text(json)])
            guard case .integer(let id)? = try query("SELECT last_insert_rowid()").first?.first else { throw StoreError("the quiz could not be stored") }
            for (i, r) in report.results.enumerated() {
                try query("INSERT INTO quiz_answers(attempt, position, item, objectives, correct, answered_at) VALUES (?, ?, ?, ?, ?, ?)",
                          [.integer(id), .integer(Int64(i)), .text(r.item), .text(r.objectives.joined(separator: ",")),
                           .integer(r.correct ? 1 : 0), .real(time.timeIntervalSince1970)])
            }
            return Int(id)
        }
    }

    /// The items due for review, most in need first (a Leitner schedule): an item missed at least
    /// once is due again 0, 1, 3, 7 or 21 days after its last answer, by how many times in a row it
    /// has been right since (0 when the last answer was wrong); fewer right in a row, then more
    /// misses, come first.
    public func reviewItems(now: Date = Date(), limit: Int) throws -> [String] {
        let rows = try query("SELECT item, correct, answered_at FROM quiz_answers ORDER BY answered_at, attempt, position")
        var history: [String: [(Bool, Double)]] = [:]
        for row in rows {
            if case .text(let item) = row[0], case .integer(let c) = row[1], case .real(let at) = row[2] { history[item, default: []].append((c == 1, at)) }
        }
        let days: [Double] = [0, 1, 3, 7, 21]
        let due = history.compactMap { item, answers -> (String, Int, Int, Double)? in
            let misses = answers.filter { !$0.0 }.count
            guard misses > 0, let last = answers.last?.1 else { return nil }
            let streak = answers.reversed().prefix { $0.0 }.count
            guard last + days[min(streak, days.count - 1)] * 86_400 <= now.timeIntervalSince1970 else { return nil }
            return (item, streak, misses, last)
        }
        return due.sorted { ($0.1, -$0.2, $0.3, $0.0) < ($1.1, -$1.2, $1.3, $1.0) }.prefix(limit).map(\.0)
    }

    /// Progress per objective over every stored quiz, in the order of `objectives` (the ones
    /// never answered are left out).
    public func objectiveProgress(objectives: [String]) throws -> [ObjectiveProgress] {
        let rows = try query("SELECT attempt, objectives, correct FROM quiz_answers ORDER BY attempt, position")
        var perAttempt: [String: [(Int64, Bool)]] = [:]
        for row in rows {
            guard case .integer(let attempt) = row[0], case .text(let tags) = row[1], case .integer(let c) = row[2] else { continue }
            for tag in tags.split(separator: ",") { perAttempt[String(tag), default: []].append((attempt, c == 1)) }
        }
        let order = objectives + perAttempt.keys.filter { !objectives.contains($0) }.sorted()
        return order.compactMap { objective in
            guard let answers = perAttempt[objective], !answers.isEmpty else { return nil }
            var attempts: [Int64] = []
            for (a, _) in answers where attempts.last != a { attempts.append(a) }
            let recent = attempts.suffix(6).map { a -> Double in
                let mine = answers.filter { $0.0 == a }
                return (Double(mine.filter(\.1).count) * 1000 / Double(mine.count)).rounded() / 10
            }
            return ObjectiveProgress(objective: objective, answered: answers.count, correct: answers.filter(\.1).count, recent: recent)
        }
    }

    /// A stand-in for the bank folder's contents: each question file's and blueprints.yaml's name, size and time.
    static func bankFingerprint(folder: String) -> String { CourseImport.fingerprint(folder: folder, extensions: [".md", ".yaml"]) }
}
