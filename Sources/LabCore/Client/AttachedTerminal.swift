/// The learner's terminal inside a container (after `docker run -it IMAGE sh` or
/// `docker exec -it CONTAINER bash` at an interactive `lab sh`): each line runs in the
/// container's shell, `exit` leaves it (and ends the container when that shell was its main
/// process), and the prompt is the container's.
enum AttachedTerminal {
    /// Runs one line typed inside the attached container.
    static func run(_ line: String, lab: inout Lab, output: OutputSink) -> ShellOutcome {
        guard var attachment = lab.attachment else { return ShellOutcome(status: 0, exited: false) }
        let status = DaemonSession.with(&lab, machine: attachment.machine) { (s: inout DaemonSession) -> Int32 in
            guard let c = try? s.engine.containerIndex(attachment.containerID), s.engine.containers[c].state.running else {
                attachment.endsContainer = false
                return -1
            }
            let outcome = ContainerRuntime.run(["sh"], container: c, engine: &s.engine, hostFiles: &s.files, now: s.now,
                                               shell: attachment.shell, source: line)
            for (stream, text) in outcome.chunks { output.write(text, to: stream) }
            s.advance(to: s.now + outcome.elapsed)
            attachment.shell = outcome.shell
            if outcome.exited {
                if attachment.endsContainer {
                    s.engine.finish(c, code: outcome.status, now: s.end)
                    if s.engine.containers[c].hostConfig.autoRemove {
                        try? s.engine.remove(attachment.containerID, force: true, volumes: true, now: s.end)
                    }
                }
                return outcome.status | (1 << 16)
            }
            return outcome.status
        }
        if status == -1 || status >> 16 != 0 {
            lab.attachment = nil
            return ShellOutcome(status: status == -1 ? 0 : status & 0xFFFF, exited: false)
        }
        lab.attachment = attachment
        return ShellOutcome(status: status, exited: false)
    }

    /// The prompt of the attached container's shell: bash's `root@HOST:DIR# `, busybox's `DIR # `.
    static func prompt(_ attachment: Lab.Attachment) -> String {
        let dir = attachment.shell.workingDirectory
        if attachment.bash {
            let shown = dir == "/root" ? "~" : dir
            return "root@\(attachment.shell.variables["HOSTNAME"] ?? ""):\(shown)# "
        }
        return "\(dir) # "
    }
}
