import LabCore

/// The bounds on grading one submission, so a hostile or broken one is stopped and reported
/// while the rest of a batch goes on. Every one is configurable (`lab grade --max-…`).
public struct GradingLimits: Sendable, Equatable, Codable {
    /// Simple commands the replay may run in all (loops, substitutions and xargs included).
    public var maxCommands: Int = 20_000
    /// Docker objects (containers, images, networks, volumes) the lab may hold.
    public var maxObjects: Int = 2_000
    /// Wall-clock seconds one submission's replay may take.
    public var maxSeconds: Double = 5
    /// The largest transcript read, in bytes.
    public var maxBytes: Int = 1 << 20

    public init() {}
}

/// A command of the transcript that failed during the replay: where, and what the learner saw.
public struct FailedCommand: Sendable, Equatable, Codable {
    public let line: Int
    public let command: String
    public let status: Int32
    /// Its standard error (at most about a kilobyte), as the learner would have seen it.
    public let error: String
}

/// Replays a transcript as typed at an interactive terminal on the simulated lab: `docker run
/// -it` shells take the lines that follow until `exit`, and `exit` at the machine's prompt
/// opens a new terminal, as a learner would.
public struct TranscriptReplay {
    /// The lab the transcript leaves behind.
    public var lab: Lab
    /// The commands as typed, for `transcript:` checks.
    public var typed: [String] = []
    /// The commands that exited with a non-zero status (the first `failedKept`; `failedMore` counts the rest).
    public var failed: [FailedCommand] = []
    public var failedMore = 0
    /// How many failed commands a report keeps, so a hostile transcript cannot make it huge.
    public static let failedKept = 50
    /// The limit that stopped the replay (a `lab: …` sentence), if one did.
    public var stopped: String?
    /// Simple commands run.
    public var commands = 0

    /// Replays `transcript` on `start` within `limits`.
    public init(_ transcript: Transcript, from start: Lab, limits: GradingLimits) {
        lab = start
        let deadline = WallClock.now() + limits.maxSeconds
        let sink = ErrorCapture()
        let shell = LabShell(terminalAttached: true)
        for command in transcript.commands {
            typed.append(command.text)
            let remaining = limits.maxCommands - commands
            if remaining <= 0 { stopped = "lab: command limit of \(limits.maxCommands) commands exceeded"; break }
            sink.reset()
            let outcome = shell.run(command.text, origin: .interactive, lab: &lab, output: sink,
                                    limits: ShellLimits(maxCommands: remaining, maxObjects: limits.maxObjects, deadline: deadline))
            commands += max(outcome.commands, 1)
            if outcome.status != 0 {
                if failed.count < Self.failedKept {
                    failed.append(FailedCommand(line: command.line, command: String(command.text.prefix(1000)), status: outcome.status, error: sink.text))
                } else {
                    failedMore += 1
                }
            }
            // The budgets of the whole submission stop the replay; a command's own limits (nesting,
            // output) fail that command only, as bash's would.
            if var reason = outcome.limitExceeded, reason.hasPrefix("lab: command limit") || reason.hasPrefix("lab: object limit")
                || reason.hasPrefix("lab: time limit") {
                if reason.hasPrefix("lab: command limit") { reason = "lab: command limit of \(limits.maxCommands) commands exceeded" }
                if reason.hasPrefix("lab: time limit") { reason = "lab: time limit of \(limits.maxSeconds) seconds exceeded" }
                stopped = "\(reason) (line \(command.line))"
                break
            }
            if lab.objectCount > limits.maxObjects {
                stopped = "lab: object limit of \(limits.maxObjects) containers, images, networks and volumes exceeded (line \(command.line))"
                break
            }
            if WallClock.now() > deadline {
                stopped = "lab: time limit of \(limits.maxSeconds) seconds exceeded (line \(command.line))"
                break
            }
        }
    }
}

/// Keeps the first kilobyte of standard error and drops standard output.
final class ErrorCapture: OutputSink {
    private(set) var text = ""
    func reset() { text = "" }
    func write(_ chunk: String, to stream: OutputStream) {
        guard stream == .stderr, text.utf8.count < 1024 else { return }
        text += chunk
        if text.utf8.count >= 1024 { text = String(text.prefix(1024)) + "…" }
    }
}
