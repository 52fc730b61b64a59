/// A process reading the client's standard input on a hijacked connection: `docker run -it
/// IMAGE sh` and `docker exec -it CONTAINER sh` (a TTY), `docker run -i`, `docker exec -i` (no
/// TTY). A shell on a TTY runs each line as `lab sh` runs the lines typed inside a container
/// (`AttachedTerminal`, the same engine calls); any other program, and a shell without a TTY,
/// gets everything the client sent once it closes its side (or types Ctrl-D on a TTY) as its
/// standard input, as `lab sh`'s `docker exec -i` gives it.
///
/// With a TTY the connection carries what a terminal shows: the shell's prompt, the typed bytes
/// echoed back (the pty's echo; Backspace rubs out, Ctrl-C drops the line, Ctrl-D on an empty
/// line ends the shell, escape sequences such as the arrow keys are ignored), and output with
/// `\r\n` line ends. Without one, output is docker's multiplexed stream.
public struct APITerminal: Sendable {
    /// The container and the shell's state between lines (`lab sh`'s attachment).
    var attachment: Lab.Attachment
    /// The program when it is not a shell (it reads its input at the end).
    var program: [String]?
    var tty: Bool
    /// The exec instance it runs (its exit code is kept for `GET /exec/{id}/json`), and the id
    /// its events carry.
    var execID: String?
    var eventID: String?
    /// What was typed of the current line (TTY), or all the input so far (otherwise).
    var pending: [UInt8] = []
    /// Inside an escape sequence: 1 after ESC, 2 after `ESC [`.
    var escape = 0
    /// Whether the prompt was shown.
    var prompted = false
    var ended = false

    static let shells: Set<String> = ["sh", "bash", "ash", "/bin/sh", "/bin/bash", "/bin/ash"]

    init(container: Container, argv: [String], tty: Bool, endsContainer: Bool, execID: String?, env: [String] = [], workingDir: String? = nil) {
        let isShell = argv.count == 1 && Self.shells.contains(argv[0])
        attachment = Lab.Attachment(machine: 0, containerID: container.id, endsContainer: endsContainer,
                                    shell: ContainerRuntime.environment(of: container, extraEnv: env, workingDir: workingDir),
                                    bash: argv.first?.hasSuffix("bash") ?? false)
        // Without a TTY a shell reads its input as a script, as `lab sh`'s `docker exec -i` gives it.
        program = isShell && tty ? nil : argv
        self.tty = tty
        self.execID = execID
    }

    /// What a terminal writes for program output: `\n` as `\r\n` (the pty's onlcr).
    static func onTTY(_ text: String) -> [UInt8] {
        var out: [UInt8] = []
        for b in text.utf8 {
            if b == 10 { out.append(13) }
            out.append(b)
        }
        return out
    }

    /// The prompt, once the shell runs (a TTY only).
    mutating func prompt() -> [UInt8] {
        guard tty, program == nil, !ended else { return [] }
        prompted = true
        return Array(AttachedTerminal.prompt(attachment).utf8)
    }

    /// What the output of a line looks like on this connection.
    func encode(_ chunks: [(OutputStream, String)]) -> [UInt8] {
        var out: [UInt8] = []
        for (stream, text) in chunks { out += tty ? Self.onTTY(text) : MultiplexedStream.frame(stream, text) }
        return out
    }
}

extension EngineAPI {
    /// What one piece of the client's input did: bytes for the client, whether the process
    /// ended, and the lines to add to the session's history (each line typed, as `lab sh` keeps
    /// the lines typed inside a container).
    public struct InputOutcome: Sendable {
        public var bytes: [UInt8] = []
        public var done = false
        public var history: [String] = []
    }

    /// Feeds the client's input (`closed`: it closed its side) to the process of a stream.
    public mutating func input(_ bytes: [UInt8], closed: Bool, to stream: APIStream, lab: inout Lab) -> InputOutcome {
        guard let key = stream.terminal, var t = terminals[key] else { return InputOutcome(done: closed && stream.kind == .terminal) }
        var out = InputOutcome()
        if t.tty && t.program == nil {
            for b in bytes where !t.ended {
                if t.escape == 1 { t.escape = b == UInt8(ascii: "[") ? 2 : 0; continue }
                if t.escape == 2 { if b >= 0x40 && b <= 0x7e { t.escape = 0 }; continue }
                switch b {
                case 0x1b: t.escape = 1
                case 13, 10:
                    out.bytes += [13, 10]
                    let line = String(decoding: t.pending, as: UTF8.self)
                    t.pending = []
                    if !line.trimmingCharacters(in: .whitespaces).isEmpty { out.history.append(line) }
                    out.bytes += runLine(line, &t, lab: &lab)
                    out.bytes += t.prompt()
                case 0x7f, 0x08:
                    if !t.pending.isEmpty {
                        // One character back (a UTF-8 sequence whole).
                        while let last = t.pending.popLast(), last & 0xC0 == 0x80 {}
                        out.bytes += [8, 32, 8]
                    }
                case 0x03:
                    t.pending = []
                    out.bytes += Array("^C\r\n".utf8) + t.prompt()
                case 0x04 where t.pending.isEmpty:
                    out.bytes += runLine("exit", &t, lab: &lab)
                case 0x20...0xff, 0x09:
                    t.pending.append(b)
                    out.bytes.append(b)
                default: break
                }
            }
        } else {
            t.pending += bytes
            // On a TTY the pty echoes, and Ctrl-D ends the input.
            if t.tty {
                if let eot = t.pending.firstIndex(of: 0x04) { t.pending.removeSubrange(eot...); out.bytes += Self.echo(bytes.prefix { $0 != 0x04 }); return finishInput(&t, key, out, lab: &lab) }
                out.bytes += Self.echo(bytes[...])
            }
            if closed { return finishInput(&t, key, out, lab: &lab) }
        }
        out.done = t.ended
        terminals[key] = t.ended ? nil : t
        return out
    }

    /// The echo of typed bytes on a TTY (`\r` shown as a new line).
    static func echo(_ bytes: ArraySlice<UInt8>) -> [UInt8] { bytes.flatMap { $0 == 13 ? [13, 10] : [$0] } }

    /// The whole input read: a shell runs it as a script, another program gets it on its standard input.
    private mutating func finishInput(_ t: inout APITerminal, _ key: String, _ outcome: InputOutcome, lab: inout Lab) -> InputOutcome {
        var out = outcome
        let text = String(decoding: t.pending, as: UTF8.self)
        t.pending = []
        if t.program == nil {
            out.bytes += runLine(text, &t, lab: &lab)
            if !t.ended { out.bytes += runLine("exit", &t, lab: &lab) }
        } else {
            out.bytes += runProgram(text, &t, lab: &lab)
        }
        out.done = true
        terminals[key] = nil
        return out
    }

    /// Runs a shell line in the container, as `lab sh` runs a line typed inside it.
    private mutating func runLine(_ line: String, _ t: inout APITerminal, lab: inout Lab) -> [UInt8] {
        let saved = lab.attachment
        lab.attachment = t.attachment
        let captured = CapturedOutput()
        let outcome = AttachedTerminal.run(line, lab: &lab, output: captured)
        let after = lab.attachment
        lab.attachment = saved
        if let after { t.attachment = after } else { ended(&t, code: outcome.status, lab: &lab) }
        return t.encode(captured.chunks)
    }

    /// Runs a program that is not a shell with the input as its standard input; then it has ended.
    private mutating func runProgram(_ input: String, _ t: inout APITerminal, lab: inout Lab) -> [UInt8] {
        let argv = t.program ?? []
        let ends = t.attachment.endsContainer, id = t.attachment.containerID
        let (chunks, status) = DaemonSession.with(&lab) { (s: inout DaemonSession) -> ([(OutputStream, String)], Int32) in
            guard let c = try? s.engine.containerIndex(id) else { return ([], 0) }
            let outcome = ContainerRuntime.run(argv, container: c, engine: &s.engine, hostFiles: &s.files, now: s.now,
                                               extraEnv: [], workingDir: t.attachment.shell.workingDirectory, stdin: input)
            if ends && s.engine.containers[c].state.running {
                s.engine.finish(c, code: outcome.status, now: s.now)
                if s.engine.containers[c].hostConfig.autoRemove { try? s.engine.remove(id, force: true, volumes: true, now: s.now) }
            }
            return (outcome.chunks, outcome.status)
        }
        ended(&t, code: status, lab: &lab)
        return t.encode(chunks)
    }

    /// The process ended: an exec keeps its exit code and has its `exec_die` event.
    private mutating func ended(_ t: inout APITerminal, code: Int32, lab: inout Lab) {
        t.ended = true
        guard let id = t.execID else { return }
        execs[id]?.exitCode = code
        let containerID = t.attachment.containerID, eventID = t.eventID ?? id
        DaemonSession.with(&lab) { (s: inout DaemonSession) in
            guard let c = try? s.engine.containerIndex(containerID) else { return }
            s.engine.recordEvent(.container(s.engine.containers[c], "exec_die", time: s.now, extra: ["execID": eventID, "exitCode": "\(code)"]))
        }
    }

    /// A terminal's first output once its process runs: the shell's prompt (a TTY).
    mutating func terminalStart(_ stream: APIStream, lab: Lab) -> [UInt8] {
        guard let key = stream.terminal, var t = terminals[key], !t.prompted else { return [] }
        if let exec = t.execID, execs[exec] == nil { return [] }
        guard let c = try? lab.machine.engine.containerIndex(t.attachment.containerID), lab.machine.engine.containers[c].state.running else { return [] }
        let bytes = t.prompt()
        terminals[key] = t
        return bytes
    }
}
