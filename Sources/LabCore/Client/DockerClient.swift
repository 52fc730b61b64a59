/// The simulated `docker` program: the client side of docker 28 on the learner's machine. It parses
/// the words with the recorded grammar, does what the real client does before it talks to the
/// daemon (confirmation prompts, TTY checks, reading local files), then hands the command to the
/// daemon: the simulated engine, or an unreachable one when DOCKER_HOST points elsewhere.
public struct DockerClient: SimulatedProgram {
    /// Whether the learner's shell has a terminal on standard input (`lab sh` at a prompt), as the
    /// real client checks for `-it` and an interactive `docker login`.
    public var terminalAttached: Bool

    /// The socket the simulated daemon answers on; any other DOCKER_HOST is unreachable.
    public static let defaultHost = "unix:///var/run/docker.sock"

    public init(terminalAttached: Bool = false) {
        self.terminalAttached = terminalAttached
    }

    public func run(_ process: inout ProcessContext, lab: inout Lab) -> Int32 {
        // docker/cli checks DOCKER_BUILDKIT and routes builds to buildx before anything else.
        let routing: BuilderRouting
        let variables = ClientVariables(process.environment)
        switch BuilderRouting.decide(buildKit: variables.dockerBuildKit, files: lab.machine.files,
                                     configDir: ContextCommands.configDir(process), mayBuild: process.arguments) {
        case .success(let r): routing = r
        case .failure(let refusal):
            process.writeError(refusal.message)
            return 1
        }
        // `docker compose`: the Compose plugin a learner's Docker ships with (this machine's client
        // has none), simulated with v2's names and progress over the same engine as docker-compose.
        if process.arguments.count > 1 && process.arguments[1] == "compose" {
            return ComposeCommand(terminalAttached: terminalAttached, v2: true).run(&process, lab: &lab)
        }
        switch DockerCommandLine.parse(process.arguments.dropFirst(), routing: routing) {
        case .output(let stdout, let status):
            process.write(stdout)
            return status
        case .failure(let error):
            process.write(error.stdout)
            process.writeError(error.stderr)
            return error.status
        case .invocation(let invocation):
            process.write(invocation.clientStdout)
            switch ClientMessages.buildKitChoice(invocation, process.environment) {
            case .refused(let text):
                process.writeError(text)
                return 1
            case .banner(let text): process.writeError(text)
            case nil: process.writeError(invocation.clientStderr)
            }
            // Once the daemon answers, flags newer than its API are refused before anything else runs.
            // Where the command goes is worked out once: the context, DOCKER_HOST, config.json.
            let endpoint = ContextCommands.endpoint(invocation, process, variables, lab.machine.files)
            if reaches(endpoint, lab), let refusal = APIVersionCheck.refusal(invocation) {
                process.writeError(refusal)
                return 1
            }
            let preflight = ClientPreflight(invocation: invocation, terminalAttached: terminalAttached)
            if let status = preflight.check(&process, lab: lab) { return status }
            return daemon(invocation, endpoint, &process, lab: &lab)
        }
    }

    /// Whether the command's endpoint is one of the lab's engines (this machine's or another's).
    private func reaches(_ endpoint: ContextCommands.Endpoint, _ lab: Lab) -> Bool {
        guard case .host(let h) = endpoint else { return false }
        return h.isEmpty || h == Self.defaultHost || ContextCommands.machine(of: h, in: lab) != nil
    }

    /// Sends an accepted command to the daemon its endpoint names (-H, --context, DOCKER_HOST,
    /// DOCKER_CONTEXT, the current context): this machine's, another lab machine's, or none.
    private func daemon(_ invocation: DockerInvocation, _ endpoint: ContextCommands.Endpoint, _ process: inout ProcessContext,
                        lab: inout Lab) -> Int32 {
        // `docker context …` is the client's own business.
        if let status = ContextCommands.execute(invocation, &process, &lab.machine.files) { return status }
        let host: String
        switch endpoint {
        case .host(let h): host = h.isEmpty ? Self.defaultHost : h
        case .refused(let why): process.writeError(why); return 1
        }
        if host != Self.defaultHost, let target = ContextCommands.machine(of: host, in: lab), target != lab.current {
            // Another lab machine's engine answers, as a remote engine would.
            let home = lab.current
            lab.current = target
            defer { lab.current = home }
            return daemon(onThisMachine: invocation, &process, lab: &lab)
        }
        if host != Self.defaultHost && ContextCommands.machine(of: host, in: lab) == nil {
            if invocation.path == ["container", "run"] {
                process.writeError(ClientMessages.runCannotConnect(host))
                return 125
            }
            process.writeError(ClientMessages.cannotConnect(host))
            return 1
        }
        return daemon(onThisMachine: invocation, &process, lab: &lab)
    }

    /// Runs an accepted command on the current machine's engine.
    private func daemon(onThisMachine invocation: DockerInvocation, _ process: inout ProcessContext, lab: inout Lab) -> Int32 {
        // The swarm catches up with what happened since (machines stopped, containers ended) first.
        if lab.hasSwarm { lab.reconcileSwarm() }
        if let status = SwarmCommands.execute(invocation, &process, lab: &lab) ?? ServiceCommands.execute(invocation, &process, lab: &lab)
            ?? SecretCommands.execute(invocation, &process, lab: &lab) ?? StackCommands.execute(invocation, &process, lab: &lab) {
            lab.reconcileSwarm()
            return status
        }
        if let status = DockerDaemon.execute(invocation, &process, lab: &lab, terminalAttached: terminalAttached) {
            if lab.hasSwarm { lab.reconcileSwarm() }
            return status
        }
        // A command the simulated engine does not carry out yet says so and fails.
        process.writeError("lab: '\(invocation.typed)' is not simulated yet\n")
        return 1
    }
}
