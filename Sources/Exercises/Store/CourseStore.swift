import Foundation

/// What an import made: the course and the ids of its lessons and assignments, the ids every
/// other `lab` command takes.
public struct ImportReport: Sendable, Equatable, Codable {
    public struct Item: Sendable, Equatable, Codable {
        public let id: String
        public let title: String
        /// The engine parts it waits for (absent when it can be graded now).
        public var waitingFor: [String]? = nil
    }
    public let course: Item
    public let lessons: [Item]
    public let assignments: [Item]
}

/// A lesson as stored: enough for the map, `lab lessons` and `lab show`.
public struct StoredLesson: Sendable, Equatable, Codable {
    public let id: String
    public let course: String
    public let title: String
    public let tags: [String]
    /// The engine parts its assignments need (front matter `requires:`).
    public let requires: [String]
    /// The parts of `requires` the engine does not have yet: while not empty, the lesson is waiting.
    public let waitingFor: [String]
    /// How many machines its lab has.
    public let nodes: Int
    public let sections: [StoredSection]
    public let assignments: [ImportReport.Item]
}

/// One line of the lesson list: enough for `lab lessons` and the map.
public struct LessonSummary: Sendable, Equatable, Codable {
    public let course: String
    public let id: String
    public let title: String
    /// The parts of the engine it waits for (empty when it can be graded now).
    public let waitingFor: [String]
}

/// A stored section of a lesson.
public struct StoredSection: Sendable, Equatable, Codable {
    public let id: String
    public let title: String
    public let level: Int
    public let blocks: [MarkdownBlock]
}

/// Courses in the lab database: importing notes (the same notes again update in place; learners'
/// progress, kept by assignment id, is never touched by an import) and reading lessons back.
extension LabStore {
    /// Stores a course made of `lessons`, replacing what an earlier import of the same course stored
    /// (the course keeps its place among the others: the time of its first import).
    public func importCourse(id courseID: String, title: String, source: String, lessons: [Lesson]) throws -> ImportReport {
        let encoder = JSONEncoder()
        return try transaction {
            try query("INSERT INTO courses(id, title, source, imported_at) VALUES (?, ?, ?, ?) ON CONFLICT(id) DO UPDATE SET title = excluded.title, source = excluded.source",
                      [.text(courseID), .text(title), .text(source), .real(Date().timeIntervalSince1970)])
            let old = try query("SELECT id FROM lessons WHERE course = ?", [.text(courseID)]).compactMap { row -> String? in
                if case .text(let s)? = row.first { return s } else { return nil }
            }
            for lesson in old {
                try query("DELETE FROM sections WHERE lesson = ?", [.text(lesson)])
                try query("DELETE FROM assignments WHERE lesson = ?", [.text(lesson)])
            }
            try query("DELETE FROM lessons WHERE course = ?", [.text(courseID)])
            var lessonItems: [ImportReport.Item] = []
            var assignmentItems: [ImportReport.Item] = []
            for (position, lesson) in lessons.enumerated() {
                var lessonID = lesson.id.isEmpty ? "lesson" : lesson.id
                if try !query("SELECT 1 FROM lessons WHERE id = ?", [.text(lessonID)]).isEmpty { lessonID = courseID + "-" + lessonID }
                var n = 2
                let base = lessonID
                while try !query("SELECT 1 FROM lessons WHERE id = ?", [.text(lessonID)]).isEmpty { lessonID = "\(base)-\(n)"; n += 1 }
                try query("INSERT INTO lessons(id, course, position, title, tags, source, requires, nodes) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                          [.text(lessonID), .text(courseID), .integer(Int64(position)), .text(lesson.title),
                           .text(lesson.tags.joined(separator: ",")), .text(source), .text(lesson.requires.joined(separator: ",")),
                           .integer(Int64(lesson.nodes))])
                let waiting = lesson.waitingFor.isEmpty ? nil : lesson.waitingFor
                lessonItems.append(.init(id: lessonID, title: lesson.title, waitingFor: waiting))
                for (k, section) in lesson.sections.enumerated() {
                    let body = String(decoding: try encoder.encode(section.blocks), as: UTF8.self)
                    try query("INSERT INTO sections(lesson, position, id, title, level, body) VALUES (?, ?, ?, ?, ?, ?)",
                              [.text(lessonID), .integer(Int64(k)), .text(section.id), .text(section.title), .integer(Int64(section.level)), .text(body)])
                    guard section.isAssignment else { continue }
                    let assignmentID = lessonID + "/" + section.id
                    let solution = String(decoding: try encoder.encode(section.steps.flatMap(\.commands)), as: UTF8.self)
                    let checks = String(decoding: try encoder.encode(section.labBlocks), as: UTF8.self)
                    try query("INSERT INTO assignments(id, lesson, position, title, solution, checks) VALUES (?, ?, ?, ?, ?, ?)",
                              [.text(assignmentID), .text(lessonID), .integer(Int64(k)), .text(section.title), .text(solution), .text(checks)])
                    assignmentItems.append(.init(id: assignmentID, title: section.title, waitingFor: waiting))
                }
            }
            return ImportReport(course: .init(id: courseID, title: title), lessons: lessonItems, assignments: assignmentItems)
        }
    }

    /// Imports the notes of `folder` as course `id` when it has never been imported or its files
    /// changed since (names, sizes and modification times); returns whether it imported.
    @discardableResult
    public func importCourseIfChanged(id courseID: String, title: String, folder: String) throws -> Bool {
        let key = "course_fingerprint:" + courseID
        let print = CourseImport.fingerprint(folder: folder)
        if try hasCourse(courseID), case .text(let stored)? = try query("SELECT value FROM settings WHERE key = ?", [.text(key)]).first?.first,
           stored == print { return false }
        let (_, _, lessons) = try CourseImport.lessons(at: folder)
        _ = try importCourse(id: courseID, title: title, source: folder, lessons: lessons)
        try query("INSERT INTO settings(key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value", [.text(key), .text(print)])
        return true
    }

    /// Whether a course with this id has been imported.
    public func hasCourse(_ id: String) throws -> Bool {
        try !query("SELECT 1 FROM courses WHERE id = ?", [.text(id)]).isEmpty
    }

    /// Every lesson's id and title, course by course in import order, lessons in their order.
    public func lessonList() throws -> [LessonSummary] {
        try query("SELECT l.course, l.id, l.title, l.requires FROM lessons l JOIN courses c ON c.id = l.course ORDER BY c.imported_at, c.id, l.position").compactMap { row in
            guard row.count == 4, case .text(let c) = row[0], case .text(let id) = row[1], case .text(let t) = row[2],
                  case .text(let r) = row[3] else { return nil }
            return LessonSummary(course: c, id: id, title: t, waitingFor: EngineFeatures.missing(Self.list(r)))
        }
    }

    /// A comma-separated column as a list.
    static func list(_ text: String) -> [String] { text.split(separator: ",").map(String.init) }

    /// A whole lesson, or nil when no lesson has that id.
    public func lesson(_ id: String) throws -> StoredLesson? {
        let rows = try query("SELECT course, title, tags, requires, nodes FROM lessons WHERE id = ?", [.text(id)])
        guard let row = rows.first, case .text(let course) = row[0], case .text(let title) = row[1], case .text(let tags) = row[2],
              case .text(let requires) = row[3], case .integer(let nodes) = row[4] else { return nil }
        let waiting = EngineFeatures.missing(Self.list(requires))
        let decoder = JSONDecoder()
        let sections = try query("SELECT id, title, level, body FROM sections WHERE lesson = ? ORDER BY position", [.text(id)]).compactMap { r -> StoredSection? in
            guard case .text(let sid) = r[0], case .text(let st) = r[1], case .integer(let level) = r[2], case .text(let body) = r[3] else { return nil }
            let blocks = (try? decoder.decode([MarkdownBlock].self, from: Data(body.utf8))) ?? []
            return StoredSection(id: sid, title: st, level: Int(level), blocks: blocks)
        }
        let assignments = try query("SELECT id, title FROM assignments WHERE lesson = ? ORDER BY position", [.text(id)]).compactMap { r -> ImportReport.Item? in
            guard case .text(let aid) = r[0], case .text(let at) = r[1] else { return nil }
            return .init(id: aid, title: at, waitingFor: waiting.isEmpty ? nil : waiting)
        }
        return StoredLesson(id: id, course: course, title: title, tags: Self.list(tags), requires: Self.list(requires), waitingFor: waiting,
                            nodes: Int(nodes), sections: sections, assignments: assignments)
    }
}

/// Reading notes from files into a course.
public enum CourseImport {
    /// What changes when a folder's notes change: each Markdown file's name, size and modification time.
    public static func fingerprint(folder: String, extensions: [String] = [".md", ".markdown"]) -> String {
        let names = ((try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []).filter { name in extensions.contains { name.hasSuffix($0) } }.sorted()
        return names.map { name -> String in
            let attributes = (try? FileManager.default.attributesOfItem(atPath: folder + "/" + name)) ?? [:]
            let size = (attributes[.size] as? NSNumber)?.int64Value ?? -1
            let time = (attributes[.modificationDate] as? Date)?.timeIntervalSince1970 ?? 0
            return "\(name):\(size):\(time)"
        }.joined(separator: "|")
    }

    /// The lessons of a file, or of every Markdown file of a folder (sorted by name; a lesson's
    /// `order:` wins), and the course's id and title.
    public static func lessons(at path: String) throws -> (id: String, title: String, lessons: [Lesson]) {
        var isDir: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDir) else {
            throw StoreError("\(path): no such file or folder")
        }
        let files: [String]
        if isDir.boolValue {
            files = try FileManager.default.contentsOfDirectory(atPath: path).filter { $0.hasSuffix(".md") || $0.hasSuffix(".markdown") }
                .sorted().map { path + "/" + $0 }
            guard !files.isEmpty else { throw StoreError("\(path): no Markdown notes (.md) in this folder") }
        } else {
            files = [path]
        }
        var lessons: [Lesson] = []
        for file in files {
            guard let data = FileManager.default.contents(atPath: file) else { throw StoreError("\(file): cannot be read") }
            guard let text = String(data: data, encoding: .utf8) else { throw StoreError("\(file): not UTF-8 text, so not a note") }
            let name = ((file as NSString).lastPathComponent as NSString).deletingPathExtension
            lessons.append(NoteParser.lesson(from: text, fallbackTitle: name))
        }
        lessons = lessons.enumerated().sorted { ($0.element.order ?? Int.max, $0.offset) < ($1.element.order ?? Int.max, $1.offset) }.map(\.element)
        let name = ((path as NSString).lastPathComponent as NSString).deletingPathExtension
        let title = isDir.boolValue ? name : (lessons.first?.title ?? name)
        return (NoteParser.slug(title), title, lessons)
    }
}
