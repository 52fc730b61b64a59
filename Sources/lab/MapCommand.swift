import ArgumentParser
import Exercises
import Foundation

/// `lab` (and `lab map`): the course map and where the learner stands.
struct MapCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "map", abstract: "Show the course map and where you stand.")

    @OptionGroup var store: StoreOptions

    func run() throws {
        let store = try store.open()
        try BuiltinCourse.ensureImported(store)
        let session: String
        let typed: Int
        let lessons: [(course: String, id: String, title: String)]
        do {
            session = try store.currentSession()
            typed = try store.history(session: session).count
            lessons = try store.lessonList()
        } catch { throw LabFailure("\(error)") }

        var out = "Docker learning lab: \(lessons.count) lessons\n\n"
        for (i, lesson) in lessons.enumerated() {
            out += String(format: "  %2d. ", i + 1) + lesson.title + "  (" + lesson.id + ")\n"
        }
        out += "\nYou are in session '\(session)': \(typed) command line\(typed == 1 ? "" : "s") typed so far.\n"
        out += "Database: \(store.path)\n"
        if let first = lessons.first { out += "Read a lesson with: lab show \(first.id)\n" }
        out += "Practise on the simulated host with: lab sh\n"
        print(out, terminator: "")
    }
}
