/// `docker-compose` (Debian's 1.29, as the oracle runs it): a program of the lab's machines that
/// reads a Compose file from the lab's files and drives the machine's engine: the project's
/// network PROJECT_default, its named volumes, containers PROJECT_SERVICE_N with the
/// com.docker.compose.* labels, and its progress lines (Fixtures/build 07-09).
struct ComposeCommand: SimulatedProgram {
    static let version = "1.29.2"
    /// Whether the learner's shell has a terminal.
    var terminalAttached = false
    /// `docker compose` (the v2 plugin) rather than `docker-compose`: its naming and progress.
    var v2 = false

    func run(_ p: inout ProcessContext, lab: inout Lab) -> Int32 {
        var args = Array(p.arguments.dropFirst(v2 ? 2 : 1))
        var files: [String] = []
        var projectName: String?
        while let first = args.first, first.hasPrefix("-") {
            args.removeFirst()
            switch first {
            case "-f", "--file": if let f = args.first { files.append(f); args.removeFirst() }
            case "-p", "--project-name": if let n = args.first { projectName = n; args.removeFirst() }
            case "--no-ansi", "--verbose": continue
            default:
                if first.hasPrefix("--file=") { files.append(String(first.dropFirst(7))) }
                else if first.hasPrefix("--project-name=") { projectName = String(first.dropFirst(15)) }
            }
        }
        guard let command = args.first else { p.writeError(Self.commandList("Define and run multi-container applications with Docker.")); return 1 }
        args.removeFirst()
        if command == "version" {
            // The v2 plugin's version is not recorded here: the lab names itself.
            if v2 { p.write("Docker Compose version lab (v2 naming and progress)\n"); return 0 }
            p.write(args.contains("--short") ? Self.version + "\n" : "docker-compose version \(Self.version), build unknown\n")
            return 0
        }
        guard Self.commands.contains(where: { $0.0 == command }) else {
            p.writeError("No such command: \(command)\n\n" + Self.commandList(nil))
            return 1
        }
        let project: ComposeProject
        do {
            project = try ComposeProject.load(files: files, project: projectName, environment: p.environment, cwd: p.workingDirectory,
                                              fs: lab.machine.files, v2: v2, now: lab.clock.now)
            p.writeError(project.warnings)
        } catch {
            p.writeError(error.message + "\n")
            return 1
        }
        var runner = ComposeRunner(project: project, args: args, terminalAttached: terminalAttached)
        runner.v2 = v2
        return DaemonSession.with(&lab) { (s: inout DaemonSession) -> Int32 in runner.run(command, &p, &s) }
    }

    /// docker-compose's commands and their one-line help, as `docker-compose` lists them.
    static let commands: [(String, String)] = [
        ("build", "Build or rebuild services"), ("config", "Validate and view the Compose file"), ("create", "Create services"),
        ("down", "Stop and remove resources"), ("events", "Receive real time events from containers"),
        ("exec", "Execute a command in a running container"), ("help", "Get help on a command"), ("images", "List images"),
        ("kill", "Kill containers"), ("logs", "View output from containers"), ("pause", "Pause services"),
        ("port", "Print the public port for a port binding"), ("ps", "List containers"), ("pull", "Pull service images"),
        ("push", "Push service images"), ("restart", "Restart services"), ("rm", "Remove stopped containers"),
        ("run", "Run a one-off command"), ("scale", "Set number of containers for a service"), ("start", "Start services"),
        ("stop", "Stop services"), ("top", "Display the running processes"), ("unpause", "Unpause services"),
        ("up", "Create and start containers"), ("version", "Show version information and quit"),
    ]

    /// The command list docker-compose prints after an unknown command (Fixtures/build 09).
    static func commandList(_ head: String?) -> String {
        (head.map { $0 + "\n\n" } ?? "") + "Commands:\n" + commands.map { "  " + $0.0.padding(toLength: 19, withPad: " ", startingAt: 0) + $0.1 + "\n" }.joined()
    }
}
