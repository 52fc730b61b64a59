/// Where shell source comes from; it decides how bash words its error messages.
public enum ShellOrigin: Sendable, Equatable {
    /// `lab sh -c LINE`: like `bash -c` (`bash: line 1: foo: command not found`).
    case commandString
    /// `lab sh FILE`: like `bash FILE` (`FILE: line 1: …`).
    case file(String)
    /// One line typed at the interactive prompt (`bash: foo: command not found`).
    case interactive
    /// A script read from a non-terminal standard input, like `bash < FILE`.
    case standardInput
}

/// The result of running some shell source.
public struct ShellOutcome: Sendable, Equatable {
    /// The exit status of the last command (or `exit`'s status).
    public var status: Int32
    /// Whether `exit` was called (the interactive prompt then ends).
    public var exited: Bool
    /// The `lab: …` message of the limit that stopped the run, if one did.
    public var limitExceeded: String? = nil
    /// Simple commands the run executed (including those in substitutions and xargs).
    public var commands: Int = 0
    /// Whether the run ended in a program that keeps running until it is stopped (a server in
    /// the foreground): nothing after it ran.
    public var serving = false

    public init(status: Int32, exited: Bool, limitExceeded: String? = nil, commands: Int = 0) {
        self.status = status
        self.exited = exited
        self.limitExceeded = limitExceeded
        self.commands = commands
    }

    /// Two outcomes are equal when their status, `exit` and limit agree (the command count is a
    /// measurement of the run, not part of its result).
    public static func == (a: ShellOutcome, b: ShellOutcome) -> Bool {
        a.status == b.status && a.exited == b.exited && a.limitExceeded == b.limitExceeded
    }
}

/// Bounds on one `Shell.run` call, so no input can run away; exceeding one stops the run with
/// a `lab: …` message naming the limit.
public struct ShellLimits: Sendable, Equatable {
    /// Simple commands executed (including those in substitutions and xargs).
    public var maxCommands: Int
    /// Bytes written by all programs (terminal, pipes and files together).
    public var maxOutputBytes: Int
    /// Nesting of `$( … )`, backquotes, subshells and child shells.
    public var maxSubstitutionDepth: Int
    /// Docker objects (containers, images, networks, volumes) the lab may hold in all, or nil for
    /// no bound beyond the engine's own; checked every `checkInterval` commands.
    public var maxObjects: Int?
    /// The wall-clock instant (`WallClock.now()` seconds) after which the run stops, or nil.
    public var deadline: Double?

    /// How many simple commands run between two checks of `maxObjects` and `deadline`.
    static let checkInterval = 64

    public init(maxCommands: Int = 100_000, maxOutputBytes: Int = 16 << 20, maxSubstitutionDepth: Int = 32,
                maxObjects: Int? = nil, deadline: Double? = nil) {
        self.maxCommands = maxCommands
        self.maxOutputBytes = maxOutputBytes
        self.maxSubstitutionDepth = maxSubstitutionDepth
        self.maxObjects = maxObjects
        self.deadline = deadline
    }

    /// The message of the object or time limit `lab` has gone past, if any.
    func exceeded(by lab: Lab) -> String? {
        if let maxObjects, lab.objectCount > maxObjects {
            return "lab: object limit of \(maxObjects) containers, images, networks and volumes exceeded"
        }
        if let deadline, WallClock.now() > deadline {
            return "lab: time limit exceeded"
        }
        return nil
    }
}

/// The simulated bash: parses source and runs it on the lab's current machine, with the
/// programs of a `ProgramTable`. Never touches the host: files live in the virtual filesystem.
public struct Shell: Sendable {
    /// The programs commands can start.
    public var programs: ProgramTable
    /// The limits of each run.
    public var limits: ShellLimits
    /// Whose wording the top-level shell's diagnostics follow (a container's ash or dash).
    public var dialect: ShellDialect = .bash

    public init(programs: ProgramTable = .coreutils, limits: ShellLimits = .init()) {
        self.programs = programs
        self.limits = limits
    }

    /// Runs source (a -c string, a file's contents, or one interactive line) on lab.machine,
    /// writing output to `output` in order as it is produced.
    public func run(_ source: String, origin: ShellOrigin, lab: inout Lab, output: OutputSink) -> ShellOutcome {
        let interpreter = ShellInterpreter(programs: programs, origin: origin,
                                           run: RunState(sink: output, limits: limits))
        interpreter.dialect = dialect
        return interpreter.runTopLevel(source, lab: &lab)
    }

    /// Whether an interactive line is incomplete (open quote, trailing `\`, unfinished
    /// here-document, trailing `&&`/`||`/`|`) so the prompt must ask for more with "> ".
    public static func needsMoreInput(_ source: String) -> Bool {
        if case .needsMore = check(source) { return true }
        return false
    }

    /// What a piece of typed input is to the shell, found with one parse.
    public enum InputCheck: Sendable, Equatable {
        /// A complete command (or nothing).
        case complete
        /// Unfinished: the prompt would ask for more.
        case needsMore
        /// A syntax error that more input cannot mend.
        case syntaxError(ShellSyntaxError)
    }

    /// Parses `source` once and says whether it is complete, unfinished, or wrong.
    public static func check(_ source: String) -> InputCheck {
        var parser = ShellParser(source)
        switch parser.parseScript() {
        case .success:
            if parser.unterminatedHereDocument { return .needsMore }
            var trailing = 0
            for b in parser.bytes.reversed() {
                if b == ShellBytes.backslash { trailing += 1 } else { break }
            }
            return trailing % 2 == 1 ? .needsMore : .complete
        case .failure(let error):
            switch error.kind {
            case .unexpectedEndOfFile, .unmatched: return .needsMore
            case .unexpectedToken: return .syntaxError(error)
            }
        }
    }

    /// Parse only: the parsed script or bash's syntax error.
    public static func parse(_ source: String) -> Result<ShellScript, ShellSyntaxError> {
        var parser = ShellParser(source)
        return parser.parseScript()
    }
}
