import ArgumentParser
import Exercises
import Foundation

/// `lab import FILE|DIR`: adds anyone's notes as a course and prints the ids it made.
struct ImportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "import", abstract: "Import Markdown notes (a file or a folder) as a course.")

    @OptionGroup var store: StoreOptions
    @Argument(help: "A Markdown note or a folder of them.") var path: String
    @Flag(help: "Print the result as JSON.") var json = false

    func run() throws {
        let store = try store.open()
        do {
            let (id, title, lessons) = try CourseImport.lessons(at: path)
            let report = try store.importCourse(id: id, title: title, source: path, lessons: lessons)
            if json { return try JSONOutput.print(report) }
            print("course \(report.course.id)  \(report.course.title)")
            for lesson in report.lessons {
                print("lesson \(lesson.id)  \(lesson.title)\(waitingNote(lesson.waitingFor ?? []))")
                for a in report.assignments where a.id.hasPrefix(lesson.id + "/") { print("  assignment \(a.id)  \(a.title)") }
            }
        } catch let error as StoreError {
            throw LabFailure(error.description)
        }
    }
}

/// `lab lessons`: every lesson's id and title.
struct LessonsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "lessons", abstract: "List the lessons of every course.")

    @OptionGroup var store: StoreOptions
    @Flag(help: "Print the result as JSON.") var json = false

    func run() throws {
        let store = try store.open()
        try BuiltinCourse.ensureImported(store)
        let lessons = try store.lessonList()
        if json { return try JSONOutput.print(lessons) }
        for l in lessons { print("\(l.id)  \(l.title)\(waitingNote(l.waitingFor))") }
    }
}

/// `lab show LESSON`: a lesson rendered for the terminal.
struct ShowCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "show", abstract: "Show a lesson.")

    @OptionGroup var store: StoreOptions
    @Argument(help: "The lesson's id (see lab lessons).") var lesson: String
    @Flag(help: "Print the lesson as JSON.") var json = false

    func run() throws {
        let store = try store.open()
        try BuiltinCourse.ensureImported(store)
        guard let stored = try store.lesson(lesson) else {
            throw LabFailure("no lesson '\(lesson)' (lab lessons lists them)")
        }
        if json { return try JSONOutput.print(stored) }
        let terminal = isatty(1) == 1
        let colour = terminal && ProcessInfo.processInfo.environment["NO_COLOR"] == nil
        var width = 80
        var size = winsize()
        if terminal, ioctl(1, UInt(TIOCGWINSZ), &size) == 0, size.ws_col > 0 { width = min(100, Int(size.ws_col)) }
        print(LessonRenderer(width: width, colour: colour).render(stored), terminator: "")
    }
}

/// "  (waiting for swarm)" after a lesson that waits for engine parts, else nothing.
func waitingNote(_ waitingFor: [String]) -> String {
    waitingFor.isEmpty ? "" : "  (" + EngineFeatures.waitingPhrase(waitingFor) + ")"
}

/// The course that ships with the lab (Content/course), imported into a database on first use and
/// again whenever its files change (learners' progress is kept).
enum BuiltinCourse {
    static let id = "builtin"

    static func ensureImported(_ store: LabStore) throws {
        guard let dir = BuiltinContent.directory() else {
            if try store.hasCourse(id) { return }
            throw LabFailure("the built-in course was not found (set LAB_CONTENT to its Content folder)")
        }
        do {
            try store.importCourseIfChanged(id: id, title: "Docker, from first container to swarm", folder: dir + "/course")
        } catch let error as StoreError {
            throw LabFailure(error.description)
        }
    }
}
