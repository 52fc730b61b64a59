import Foundation

/// A stored grading run: which assignment, when, how many submissions and how many passed.
public struct StoredRun: Sendable, Equatable, Codable {
    public let id: Int64
    public let assignment: String
    /// Seconds since 1970 when it started.
    public let startedAt: Double
    public let seconds: Double
    public let submissions: Int
    public let passed: Int
}

/// Grading runs in the lab database (`lab grade-batch` stores each; `lab runs` lists them and
/// `lab report RUN` prints one again), so an instructor can look again or compare two runs.
extension LabStore {
    /// Stores a batch's results in one transaction; returns the run's number.
    @discardableResult
    public func saveRun(assignment: String, entries: [BatchEntry], seconds: Double, limits: GradingLimits) throws -> Int64 {
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        return try transaction {
            let limitsText = String(decoding: try encoder.encode(limits), as: UTF8.self)
            try query("INSERT INTO runs(assignment, started_at, seconds, submissions, passed, limits) VALUES (?, ?, ?, ?, ?, ?)",
                      [.text(assignment), .real(Date().timeIntervalSince1970), .real(seconds), .integer(Int64(entries.count)),
                       .integer(Int64(entries.filter { $0.report.passed }.count)), .text(limitsText)])
            guard case .integer(let id)? = try query("SELECT last_insert_rowid()").first?.first else { throw StoreError("the run could not be stored") }
            for (position, e) in entries.enumerated() {
                let r = e.report
                try query("INSERT INTO run_results(run, position, name, status, score, points, seconds, report) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                          [.integer(id), .integer(Int64(position)), .text(r.name), .text(r.status.rawValue), .integer(Int64(r.score)),
                           .integer(Int64(r.points)), .real(e.seconds), .text(String(decoding: try encoder.encode(r), as: UTF8.self))])
            }
            return id
        }
    }

    /// Every stored run, newest first.
    public func runs() throws -> [StoredRun] {
        try query("SELECT id, assignment, started_at, seconds, submissions, passed FROM runs ORDER BY id DESC").compactMap(Self.run)
    }

    /// One stored run and its entries in their order, or nil when there is no such run.
    public func run(_ id: Int64) throws -> (run: StoredRun, entries: [BatchEntry])? {
        guard let run = try query("SELECT id, assignment, started_at, seconds, submissions, passed FROM runs WHERE id = ?", [.integer(id)])
            .first.flatMap(Self.run) else { return nil }
        let decoder = JSONDecoder()
        let entries = try query("SELECT report, seconds FROM run_results WHERE run = ? ORDER BY position", [.integer(id)]).map { row -> BatchEntry in
            guard case .text(let text) = row[0], case .real(let seconds) = row[1] else { throw StoreError("run \(id) has a damaged result") }
            do {
                return BatchEntry(report: try decoder.decode(GradeReport.self, from: Data(text.utf8)), seconds: seconds)
            } catch {
                throw StoreError("run \(id) has a result this lab cannot read (\(error))")
            }
        }
        return (run, entries)
    }

    private static func run(_ row: [SQLiteDatabase.Value]) -> StoredRun? {
        guard row.count == 6, case .integer(let id) = row[0], case .text(let a) = row[1], case .real(let at) = row[2],
              case .real(let s) = row[3], case .integer(let n) = row[4], case .integer(let p) = row[5] else { return nil }
        return StoredRun(id: id, assignment: a, startedAt: at, seconds: s, submissions: Int(n), passed: Int(p))
    }
}
