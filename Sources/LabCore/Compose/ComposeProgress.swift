/// The progress lines of the two Composes, on standard error: docker-compose 1.29's
/// `Creating NAME ... ` / `Creating NAME ... done` (Fixtures/build 07-09), and `docker compose`
/// v2's plain events when standard error is not a terminal: a blank, the resource, the status
/// and an empty detail, as docker/compose's plain writer prints them (`fmt.Fprintln(out, prefix,
/// e.ID, e.Text, e.StatusText)` in pkg/progress/plain.go), the resource `Container NAME`,
/// `Network NAME` or `Volume "NAME"`. The statuses (Creating, Created, Starting, Started, Running,
/// Stopping, Stopped, Removing, Removed) are pkg/progress/event.go's. Not read in the source, and
/// so the lab's best reading: the wording of a failed step and of a volume's removal.
struct ComposeProgress {
    let v2: Bool

    /// The done form of a verb in v2's events (Creating → Created).
    static let past = ["Creating": "Created", "Starting": "Started", "Stopping": "Stopped", "Removing": "Removed",
                       "Restarting": "Restarted", "Killing": "Killed", "Pausing": "Paused", "Unpausing": "Unpaused"]

    /// One event as the plain writer prints it: a blank prefix, the resource, the text and the details.
    func event(_ resource: String, _ text: String, _ details: String = "") -> String { " \(resource) \(text) \(details)\n" }

    func begin(_ verb: String, _ name: String) -> String {
        v2 ? event("Container " + name, verb) : "\(verb) \(name) ... \n"
    }

    func done(_ verb: String, _ name: String) -> String {
        v2 ? event("Container " + name, Self.past[verb] ?? verb) : "\(verb) \(name) ... done\n"
    }

    func failed(_ verb: String, _ name: String, _ message: String) -> String {
        v2 ? event("Container " + name, "Error") + "Error response from daemon: \(message)\n"
            : "\(verb) \(name) ... error\n\nERROR: for \(name)  \(message)\n"
    }

    func upToDate(_ name: String) -> String { v2 ? event("Container " + name, "Running") : "\(name) is up-to-date\n" }

    func networkCreated(_ name: String) -> String {
        v2 ? event("Network " + name, "Creating") + event("Network " + name, "Created") : "Creating network \"\(name)\" with the default driver\n"
    }

    func volumeCreated(_ name: String) -> String {
        v2 ? event("Volume \"\(name)\"", "Creating") + event("Volume \"\(name)\"", "Created") : "Creating volume \"\(name)\" with default driver\n"
    }

    func networkRemoved(_ name: String) -> String {
        v2 ? event("Network " + name, "Removing") + event("Network " + name, "Removed") : "Removing network \(name)\n"
    }

    func volumeRemoved(_ name: String) -> String {
        v2 ? event("Volume " + name, "Removing") + event("Volume " + name, "Removed") : "Removing volume \(name)\n"
    }
}
