/// The parts of the simulated engine that lessons can ask for with front matter `requires:`, and
/// which of them the lab has. A lesson that needs a part not in `available` is *waiting*: it is
/// written, imported and shown, but never graded (neither passed nor failed) until the part lands.
public enum EngineFeatures {
    /// The parts a lesson may name, with what they cover, for messages.
    public static let known: [String: String] = [
        "swarm": "swarm mode: nodes, services, overlay networks, secrets and stacks",
        "build": "image builds from Dockerfiles",
        "registry": "pushing to and pulling from registries, docker login",
        "compose": "docker compose",
    ]

    /// The parts the engine has today. The single list to change: the swarm issue (6) added
    /// "swarm", the build-and-ship issue (7) "build", "registry" and "compose".
    public static let available: Set<String> = ["swarm", "build", "registry", "compose"]

    /// The parts of `requires` that the engine does not have yet, in the order given.
    public static func missing(_ requires: [String], available: Set<String> = available) -> [String] {
        requires.filter { !available.contains($0) }
    }

    /// "waiting for swarm" / "waiting for build and registry", for the learner.
    public static func waitingPhrase(_ missing: [String]) -> String {
        let names = missing.count <= 2 ? missing.joined(separator: " and ")
            : missing.dropLast().joined(separator: ", ") + " and " + missing.last!
        return "waiting for \(names)"
    }
}
