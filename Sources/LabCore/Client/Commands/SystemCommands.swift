/// Commands that report on the engine rather than change it: top, stats, image history,
/// system df, info, version, events. Each builds its whole output from the engine (the files
/// beside this one, one command each) and writes it here.
enum SystemCommands {
    static func top(_ i: DockerInvocation, _ p: inout ProcessContext, _ s: inout DaemonSession) -> Int32? {
        guard let out = ProcessTable.top(i, engine: s.engine, now: s.now) else { return nil }
        if out.status == 0, let c = try? s.engine.containerIndex(i.arguments[0]) {
            s.engine.recordEvent(.container(s.engine.eventActor(c), "top", time: s.now))
        }
        return emit(out, &p)
    }

    static func stats(_ i: DockerInvocation, _ p: inout ProcessContext, _ s: inout DaemonSession) -> Int32? {
        emit(ContainerStats.output(i, engine: s.engine, now: s.now), &p)
    }

    static func history(_ i: DockerInvocation, _ p: inout ProcessContext, _ s: inout DaemonSession) -> Int32? {
        emit(ImageHistory.output(i, engine: s.engine, now: s.now), &p)
    }

    static func df(_ i: DockerInvocation, _ p: inout ProcessContext, _ s: inout DaemonSession) -> Int32? {
        guard let out = DiskUsage.output(i, engine: s.engine, now: s.now) else { return nil }
        return emit(out, &p)
    }

    static func info(_ i: DockerInvocation, _ p: inout ProcessContext, _ s: inout DaemonSession) -> Int32? {
        emit(SystemInfo.output(i, engine: s.engine, hostname: hostname(s.files), now: s.now), &p)
    }

    static func version(_ i: DockerInvocation, _ p: inout ProcessContext, _ s: inout DaemonSession) -> Int32? {
        emit(VersionInfo.output(i), &p)
    }

    static func events(_ i: DockerInvocation, _ p: inout ProcessContext, _ s: inout DaemonSession) -> Int32? {
        let (out, waitUntil) = EventLog.output(i, events: s.engine.recordedEvents, now: s.now)
        if let waitUntil { s.advance(to: waitUntil) }
        return emit(out, &p)
    }

    /// The machine's host name, as its /etc/hostname says ("node1").
    static func hostname(_ files: VirtualFileSystem) -> String {
        let name = (files.contents(of: "/etc/hostname") ?? "").split(separator: "\n").first.map(String.init) ?? ""
        return name.isEmpty ? "node1" : name
    }

    /// Writes a command's output (stdout first, as each of these commands prints one or the other).
    static func emit(_ out: CommandOutput, _ p: inout ProcessContext) -> Int32 {
        if !out.stdout.isEmpty { p.write(out.stdout) }
        if !out.stderr.isEmpty { p.writeError(out.stderr) }
        return out.status
    }
}
