import ArgumentParser
import Exercises
import Foundation

/// `lab` (and `lab map`): the course map and where the learner stands.
struct MapCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "map", abstract: "Show the course map and where you stand.")

    @OptionGroup var store: StoreOptions
    @Flag(help: "Print the map as JSON.") var json = false

    /// The map as `--json` prints it.
    struct Map: Codable {
        let lessons: [LessonSummary]
        let session: String
        let commandsTyped: Int
        let currentAssignment: String?
        let database: String
    }

    func run() throws {
        let store = try store.open()
        try BuiltinCourse.ensureImported(store)
        let map: Map
        do {
            let session = try store.currentSession()
            map = Map(lessons: try store.lessonList(), session: session, commandsTyped: try store.history(session: session).count,
                      currentAssignment: try store.currentAssignment(), database: store.path)
        } catch { throw LabFailure("\(error)") }
        if json { return try JSONOutput.print(map) }

        let lessons = map.lessons
        var out = "Docker learning lab: \(lessons.count) lessons\n\n"
        for (i, lesson) in lessons.enumerated() {
            out += String(format: "  %2d. ", i + 1) + lesson.title + "  (" + lesson.id + ")" + waitingNote(lesson.waitingFor) + "\n"
        }
        let typed = map.commandsTyped
        out += "\nYou are in session '\(map.session)': \(typed) command line\(typed == 1 ? "" : "s") typed so far.\n"
        out += "Database: \(store.path)\n"
        if let first = lessons.first { out += "Read a lesson with: lab show \(first.id)\n" }
        out += "Practise on the simulated host with: lab sh\n"
        if lessons.contains(where: { !$0.waitingFor.isEmpty }) {
            out += "Lessons marked waiting can be read now; the lab grades them once it simulates what they need.\n"
        }
        print(out, terminator: "")
    }
}
