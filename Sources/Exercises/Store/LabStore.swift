import Foundation
import LabCore

/// The learner's lab database: saved sessions (each a whole simulated lab), the command history of
/// each session, and which session is current. Later issues add lessons, progress and grading runs.
public final class LabStore {
    private let db: SQLiteDatabase
    /// The file this store lives in.
    public let path: String

    /// The name of the session used when none is named.
    public static let defaultSession = "default"

    /// Where the database lives when neither `--db` nor `LAB_DB` says otherwise:
    /// `$XDG_DATA_HOME/lab/lab.sqlite`, or `~/.local/share/lab/lab.sqlite`.
    public static func defaultPath(environment: [String: String] = ProcessInfo.processInfo.environment) -> String {
        if let xdg = environment["XDG_DATA_HOME"], xdg.hasPrefix("/") {
            return xdg + "/lab/lab.sqlite"
        }
        let home = environment["HOME"] ?? NSHomeDirectory()
        return home + "/.local/share/lab/lab.sqlite"
    }

    /// Opens the store at `path`, creating the file, its folder and the schema on first use.
    public init(path: String) throws {
        self.path = path
        let folder = (path as NSString).deletingLastPathComponent
        if !folder.isEmpty {
            do {
                try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
            } catch {
                throw StoreError("cannot create the folder of the lab database \(path): \(error.localizedDescription)")
            }
        }
        db = try SQLiteDatabase(path: path)
        // Several `lab` processes may open a new database at once: SQLite refuses some of the
        // first-use steps (switching to WAL, the schema) with "database is locked" without waiting
        // on its busy handler, so those are tried again for a few seconds.
        var attempt = 0
        while true {
            do {
                try migrate()
                break
            } catch let error as StoreError where error.description.contains("database is locked") && attempt < 50 {
                attempt += 1
                usleep(100_000)
            }
        }
    }

    /// The schema, one migration a version (PRAGMA user_version); each runs once, in a transaction.
    static let migrations: [String] = [
        // 1: sessions, their command history, settings
        """
        CREATE TABLE IF NOT EXISTS sessions (name TEXT PRIMARY KEY, state BLOB NOT NULL, updated_at REAL NOT NULL);
        CREATE TABLE IF NOT EXISTS history (session TEXT NOT NULL, seq INTEGER NOT NULL, machine TEXT NOT NULL,
            line TEXT NOT NULL, status INTEGER, PRIMARY KEY (session, seq));
        CREATE TABLE IF NOT EXISTS settings (key TEXT PRIMARY KEY, value TEXT NOT NULL);
        """,
        // 2: courses made from notes, their lessons, sections and assignments; learners' progress
        """
        CREATE TABLE courses (id TEXT PRIMARY KEY, title TEXT NOT NULL, source TEXT NOT NULL, imported_at REAL NOT NULL);
        CREATE TABLE lessons (id TEXT PRIMARY KEY, course TEXT NOT NULL REFERENCES courses(id), position INTEGER NOT NULL,
            title TEXT NOT NULL, tags TEXT NOT NULL, source TEXT NOT NULL);
        CREATE TABLE sections (lesson TEXT NOT NULL REFERENCES lessons(id), position INTEGER NOT NULL, id TEXT NOT NULL,
            title TEXT NOT NULL, level INTEGER NOT NULL, body TEXT NOT NULL, PRIMARY KEY (lesson, position));
        CREATE TABLE assignments (id TEXT PRIMARY KEY, lesson TEXT NOT NULL REFERENCES lessons(id), position INTEGER NOT NULL,
            title TEXT NOT NULL, solution TEXT NOT NULL, checks TEXT NOT NULL);
        CREATE TABLE progress (assignment TEXT PRIMARY KEY, status TEXT NOT NULL, attempts INTEGER NOT NULL, updated_at REAL NOT NULL);
        """,
        // 3: what a lesson needs: the engine parts (comma-separated) and how many machines its lab has
        """
        ALTER TABLE lessons ADD COLUMN requires TEXT NOT NULL DEFAULT '';
        ALTER TABLE lessons ADD COLUMN nodes INTEGER NOT NULL DEFAULT 1;
        """,
        // 4: the prompt each history line was typed at (for lab export); grading runs and their results
        """
        ALTER TABLE history ADD COLUMN prompt TEXT;
        CREATE TABLE runs (id INTEGER PRIMARY KEY AUTOINCREMENT, assignment TEXT NOT NULL, started_at REAL NOT NULL,
            seconds REAL NOT NULL, submissions INTEGER NOT NULL, passed INTEGER NOT NULL, limits TEXT NOT NULL);
        CREATE TABLE run_results (run INTEGER NOT NULL REFERENCES runs(id) ON DELETE CASCADE, position INTEGER NOT NULL,
            name TEXT NOT NULL, status TEXT NOT NULL, score INTEGER NOT NULL, points INTEGER NOT NULL, seconds REAL NOT NULL,
            report TEXT NOT NULL, PRIMARY KEY (run, position));
        """,
        // 5: the question bank (blueprints and items, imported from Content/questions) and quiz attempts
        """
        CREATE TABLE quiz_blueprints (id TEXT PRIMARY KEY, position INTEGER NOT NULL, body TEXT NOT NULL);
        CREATE TABLE quiz_items (id TEXT PRIMARY KEY, position INTEGER NOT NULL, kind TEXT NOT NULL, objectives TEXT NOT NULL,
            body TEXT NOT NULL);
        CREATE TABLE quiz_attempts (id INTEGER PRIMARY KEY AUTOINCREMENT, started_at REAL NOT NULL, mode TEXT NOT NULL,
            blueprint TEXT, seed INTEGER NOT NULL, correct INTEGER NOT NULL, total INTEGER NOT NULL, passed INTEGER,
            report TEXT NOT NULL);
        CREATE TABLE quiz_answers (attempt INTEGER NOT NULL REFERENCES quiz_attempts(id) ON DELETE CASCADE,
            position INTEGER NOT NULL, item TEXT NOT NULL, objectives TEXT NOT NULL, correct INTEGER NOT NULL,
            answered_at REAL NOT NULL, PRIMARY KEY (attempt, position));
        CREATE INDEX quiz_answers_item ON quiz_answers(item);
        """,
    ]

    private func migrate() throws {
        try db.execute("PRAGMA journal_mode = WAL; PRAGMA foreign_keys = ON;")
        var version = 0
        if case .integer(let v)? = try db.query("PRAGMA user_version").first?.first { version = Int(v) }
        guard version <= Self.migrations.count else {
            throw StoreError("the lab database \(path) was written by a newer lab (schema \(version)); it was left as it is")
        }
        for (index, sql) in Self.migrations.enumerated().dropFirst(version) {
            // The version is read again inside the (immediate, so exclusive) transaction: another
            // `lab` opening the same new database at the same moment may have run this one already.
            try db.transaction {
                guard case .integer(let now)? = try db.query("PRAGMA user_version").first?.first, now <= index else { return }
                try db.execute(sql)
                try db.execute("PRAGMA user_version = \(index + 1)")
            }
        }
    }

    /// Runs `body` in one transaction of the store's database.
    func transaction<T>(_ body: () throws -> T) throws -> T { try db.transaction(body) }

    /// Runs one statement of the store's database.
    @discardableResult
    func query(_ sql: String, _ parameters: [SQLiteDatabase.Value] = []) throws -> [[SQLiteDatabase.Value]] {
        try db.query(sql, parameters)
    }

    /// The session `lab sh` uses when none is named.
    public func currentSession() throws -> String {
        let rows = try db.query("SELECT value FROM settings WHERE key = 'current_session'")
        if case .text(let name)? = rows.first?.first { return name }
        return Self.defaultSession
    }

    /// Makes `name` the current session.
    public func setCurrentSession(_ name: String) throws {
        try db.query("INSERT INTO settings(key, value) VALUES ('current_session', ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value", [.text(name)])
    }

    /// The saved lab of a session, or nil when the session has never been saved.
    /// A saved state that cannot be read (written by a newer lab, or damaged) is reported, not discarded.
    public func loadLab(session: String) throws -> Lab? {
        let rows = try db.query("SELECT state FROM sessions WHERE name = ?", [.text(session)])
        guard let first = rows.first?.first else { return nil }
        guard case .blob(let data) = first else { throw StoreError("session \(session) has no readable state") }
        do {
            return try JSONDecoder().decode(Lab.self, from: data)
        } catch {
            throw StoreError("session \(session) could not be read (\(error)); it was left as it is")
        }
    }

    /// Saves a session's lab, replacing what was saved before, in one transaction.
    public func saveLab(_ lab: Lab, session: String) throws {
        let data = try JSONEncoder().encode(lab)
        try db.query("INSERT INTO sessions(name, state, updated_at) VALUES (?, ?, ?) ON CONFLICT(name) DO UPDATE SET state = excluded.state, updated_at = excluded.updated_at",
                     [.text(session), .blob(data), .real(Date().timeIntervalSince1970)])
    }

    /// The names of all saved sessions, sorted.
    public func sessionNames() throws -> [String] {
        try db.query("SELECT name FROM sessions ORDER BY name").compactMap {
            if case .text(let s)? = $0.first { return s } else { return nil }
        }
    }

    /// Records one line the learner typed in a session, on which machine and at which prompt,
    /// with its exit status.
    public func appendHistory(session: String, machine: String, line: String, status: Int32?, prompt: String? = nil) throws {
        try db.transaction {
            let rows = try db.query("SELECT COALESCE(MAX(seq), 0) FROM history WHERE session = ?", [.text(session)])
            var next: Int64 = 1
            if case .integer(let n)? = rows.first?.first { next = n + 1 }
            try db.query("INSERT INTO history(session, seq, machine, line, status, prompt) VALUES (?, ?, ?, ?, ?, ?)",
                         [.text(session), .integer(next), .text(machine), .text(line), status.map { .integer(Int64($0)) } ?? .null,
                          prompt.map { .text($0) } ?? .null])
        }
    }

    /// One line of a session's history as `lab export` writes it.
    public struct HistoryEntry: Sendable, Equatable {
        public let machine: String
        public let line: String
        public let status: Int32?
        /// The prompt it was typed at (absent for lines recorded before prompts were kept).
        public let prompt: String?
    }

    /// A session's history, oldest first, with where each line was typed.
    public func historyEntries(session: String) throws -> [HistoryEntry] {
        try db.query("SELECT machine, line, status, prompt FROM history WHERE session = ? ORDER BY seq", [.text(session)]).compactMap { row in
            guard case .text(let machine) = row[0], case .text(let line) = row[1] else { return nil }
            var status: Int32?
            if case .integer(let s) = row[2] { status = Int32(truncatingIfNeeded: s) }
            var prompt: String?
            if case .text(let p) = row[3] { prompt = p }
            return HistoryEntry(machine: machine, line: line, status: status, prompt: prompt)
        }
    }

    /// The lines typed in a session, oldest first.
    public func history(session: String) throws -> [String] {
        try db.query("SELECT line FROM history WHERE session = ? ORDER BY seq", [.text(session)]).compactMap {
            if case .text(let s)? = $0.first { return s } else { return nil }
        }
    }
}
