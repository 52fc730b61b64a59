import ArgumentParser
import Exercises
import Foundation

/// `lab` (and `lab map`): the course map and where the learner stands.
struct MapCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "map", abstract: "Show the course map and where you stand.")

    @OptionGroup var store: StoreOptions

    func run() throws {
        let store = try store.open()
        guard let dir = CourseCatalog.contentDirectory() else {
            throw LabFailure("the built-in course was not found (set LAB_CONTENT to its Content folder)")
        }
        let course: CourseCatalog
        do { course = try CourseCatalog(directory: dir + "/course") } catch { throw LabFailure("\(error)") }
        let session: String
        let typed: Int
        do {
            session = try store.currentSession()
            typed = try store.history(session: session).count
        } catch { throw LabFailure("\(error)") }

        var out = "Docker learning lab: the built-in course, \(course.entries.count) lessons\n\n"
        for (i, entry) in course.entries.enumerated() {
            out += String(format: "  %2d. ", i + 1) + entry.title + "\n"
        }
        out += "\nYou are in session '\(session)': \(typed) command line\(typed == 1 ? "" : "s") typed so far.\n"
        out += "Database: \(store.path)\n"
        out += "Practise on the simulated host with: lab sh\n"
        print(out, terminator: "")
    }
}
