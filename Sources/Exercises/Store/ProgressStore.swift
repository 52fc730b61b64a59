import Foundation

/// An assignment as stored: its lesson, title and reference solution.
public struct StoredAssignment: Sendable, Equatable, Codable {
    public let id: String
    public let lesson: String
    public let title: String
    public let solution: [String]
    /// The source of its ```lab blocks.
    public let labBlocks: [String]
    /// The engine parts its lesson needs that the lab does not have yet: while not empty, the
    /// assignment is waiting and is not graded.
    public var waitingFor: [String] = []
    /// How many machines its lab has (its lesson's `nodes:`).
    public var nodes: Int = 1

    /// Its explicit checks (a block that does not parse is reported).
    public func checks() throws -> [LabCheck] { try labBlocks.flatMap { try LabCheck.parse($0) } }
}

/// The learner's place in the course: the current assignment, progress per assignment.
extension LabStore {
    public func assignment(_ id: String) throws -> StoredAssignment? {
        let sql = "SELECT a.lesson, a.title, a.solution, a.checks, l.requires, l.nodes FROM assignments a JOIN lessons l ON l.id = a.lesson WHERE a.id = ?"
        guard let row = try query(sql, [.text(id)]).first,
              case .text(let lesson) = row[0], case .text(let title) = row[1], case .text(let solution) = row[2],
              case .text(let checks) = row[3], case .text(let requires) = row[4], case .integer(let nodes) = row[5] else { return nil }
        let commands = (try? JSONDecoder().decode([String].self, from: Data(solution.utf8))) ?? []
        let blocks = (try? JSONDecoder().decode([String].self, from: Data(checks.utf8))) ?? []
        return StoredAssignment(id: id, lesson: lesson, title: title, solution: commands, labBlocks: blocks,
                                waitingFor: EngineFeatures.missing(Self.list(requires)), nodes: Int(nodes))
    }

    /// Every assignment id in course order (courses as imported, lessons and sections in order).
    public func assignmentOrder() throws -> [String] {
        try query("""
            SELECT a.id FROM assignments a JOIN lessons l ON l.id = a.lesson JOIN courses c ON c.id = l.course
            ORDER BY c.imported_at, c.id, l.position, a.position
            """).compactMap { if case .text(let s)? = $0.first { return s } else { return nil } }
    }

    /// The assignment `lab start` chose, if any.
    public func currentAssignment() throws -> String? {
        if case .text(let s)? = try query("SELECT value FROM settings WHERE key = 'current_assignment'").first?.first { return s }
        return nil
    }

    public func setCurrentAssignment(_ id: String) throws {
        try query("INSERT INTO settings(key, value) VALUES ('current_assignment', ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value", [.text(id)])
    }

    /// Records a check: passed stays passed; attempts count up.
    public func recordAttempt(_ assignment: String, passed: Bool) throws {
        try query("""
            INSERT INTO progress(assignment, status, attempts, updated_at) VALUES (?, ?, 1, ?)
            ON CONFLICT(assignment) DO UPDATE SET attempts = attempts + 1, updated_at = excluded.updated_at,
              status = CASE WHEN status = 'passed' THEN 'passed' ELSE excluded.status END
            """, [.text(assignment), .text(passed ? "passed" : "started"), .real(Date().timeIntervalSince1970)])
    }

    /// Status ("passed", "started") and attempts of every assignment that has any.
    public func progress() throws -> [String: (status: String, attempts: Int)] {
        var out: [String: (String, Int)] = [:]
        for row in try query("SELECT assignment, status, attempts FROM progress") {
            if case .text(let a) = row[0], case .text(let s) = row[1], case .integer(let n) = row[2] { out[a] = (s, Int(n)) }
        }
        return out
    }

    /// The session an assignment is practised in.
    public static func session(for assignment: String) -> String { "assignment:" + assignment }
}
