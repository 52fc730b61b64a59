/// The learner's shell on a lab: bash semantics and coreutils from `Shell`, with the simulated
/// `docker` client installed. `lab sh`, the grader and the benchmarks all run lines through it.
public struct LabShell: Sendable {
    private let shell: Shell

    /// A shell whose docker client knows whether a terminal is attached (for `-it` and `login`).
    public init(terminalAttached: Bool = false, limits: ShellLimits = .init()) {
        var programs = ProgramTable.coreutils
        programs.register("docker", DockerClient(terminalAttached: terminalAttached))
        programs.register("ssh", RemoteShell(terminalAttached: terminalAttached))
        programs.register("lab-machine", MachinePower())
        // The host's curl reaches published ports and the swarm's routing mesh (HostPorts).
        programs.register("curl", CurlProgram())
        programs.register("docker-compose", ComposeCommand(terminalAttached: terminalAttached))
        shell = Shell(programs: programs, limits: limits)
    }

    /// Runs `source` on the lab's current machine; see `Shell.run`.
    public func run(_ source: String, origin: ShellOrigin, lab: inout Lab, output: OutputSink) -> ShellOutcome {
        run(source, origin: origin, lab: &lab, output: output, limits: shell.limits)
    }

    /// Runs `source` within other limits than the shell's own (the grader narrows them as a
    /// submission's budget is spent).
    public func run(_ source: String, origin: ShellOrigin, lab: inout Lab, output: OutputSink, limits: ShellLimits) -> ShellOutcome {
        if lab.attachment != nil { return AttachedTerminal.run(source, lab: &lab, output: output) }
        var narrowed = shell
        narrowed.limits = limits
        var outcome = narrowed.run(source, origin: origin, lab: &lab, output: output)
        // `exit` on a machine reached by ssh ends that connection, not the learner's terminal.
        if outcome.exited, RemoteShell.leave(&lab, output: output) { outcome.exited = false }
        return outcome
    }

    /// The prompt an interactive terminal shows: the machine's (`root@node1:~# `) or, inside a
    /// container, the container shell's.
    public static func prompt(_ lab: Lab) -> String {
        if let attachment = lab.attachment { return AttachedTerminal.prompt(attachment) }
        let dir = lab.machine.shell.workingDirectory
        let shown = dir == "/root" ? "~" : dir.hasPrefix("/root/") ? "~" + dir.dropFirst(5) : Substring(dir)
        return "root@\(lab.machine.hostname):\(shown)# "
    }
}
