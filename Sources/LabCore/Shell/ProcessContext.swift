/// A simulated program (coreutils, docker…) started by the shell.
public protocol SimulatedProgram: Sendable {
    /// Runs with `process` (arguments, environment, stdin, output) on `lab`; returns the exit status.
    func run(_ process: inout ProcessContext, lab: inout Lab) -> Int32
}

/// Where one of a process's output streams goes: the terminal, a buffer (pipe, command
/// substitution or redirected file, written to the virtual filesystem when the command ends)
/// or nowhere (/dev/null).
final class OutputTarget {
    enum Kind { case terminal(OutputStream), buffer, discard }
    let kind: Kind
    /// What a buffer target has collected.
    var text = ""
    /// For a redirected file: the path it is appended to when the command ends.
    let filePath: String?
    let run: RunState

    init(_ kind: Kind, run: RunState, filePath: String? = nil) {
        self.kind = kind
        self.run = run
        self.filePath = filePath
    }

    func write(_ s: String) {
        if s.isEmpty || run.failure != nil { return }
        run.outputBytes += s.utf8.count
        if run.outputBytes > run.limits.maxOutputBytes {
            run.failure = "lab: output limit of \(run.limits.maxOutputBytes) bytes exceeded"
            return
        }
        switch kind {
        case .terminal(let stream): run.sink.write(s, to: stream)
        case .buffer: text += s
        case .discard: break
        }
    }
}

/// State shared by everything one `Shell.run` call executes: the output sink and the budget.
final class RunState {
    let sink: OutputSink
    let limits: ShellLimits
    var commands = 0
    var outputBytes = 0
    /// Set when a limit is exceeded: the message, and execution stops.
    var failure: String?
    /// Set by a program that serves until it is stopped (a server in the foreground): the run
    /// stops there, the process still running.
    var serving = false

    init(sink: OutputSink, limits: ShellLimits) {
        self.sink = sink
        self.limits = limits
    }
}

/// What a simulated program sees of its process: arguments, environment, standard input, and
/// its standard output and error. Programs that start other programs (xargs, sudo, env, sh)
/// do so through `run(_:stdin:environment:lab:)` and `runShell(_:arguments:lab:)`.
public struct ProcessContext {
    /// argv; `arguments[0]` is the name as typed.
    public var arguments: [String]
    /// The exported variables plus any `VAR=x` prefixes of this command.
    public var environment: [String: String]
    /// Everything left on standard input (a pipe, a redirected file, a here-document, or
    /// empty). Reading it consumes it for later commands (as a real program would).
    public var stdin: String {
        get { input.readByProgram = true; return input.rest }
        set { input.replace(newValue) }
    }
    let input: ShellInput
    /// The absolute working directory when the program started.
    public var workingDirectory: String
    let stdout: OutputTarget
    let stderr: OutputTarget
    let interpreter: ShellInterpreter

    init(arguments: [String], environment: [String: String], stdin: ShellInput, workingDirectory: String,
         stdout: OutputTarget, stderr: OutputTarget, interpreter: ShellInterpreter) {
        self.arguments = arguments
        self.environment = environment
        self.input = stdin
        self.workingDirectory = workingDirectory
        self.stdout = stdout
        self.stderr = stderr
        self.interpreter = interpreter
    }

    /// The program's name as typed (argv[0]).
    public var name: String { arguments.first ?? "" }

    /// Writes to standard output.
    public func write(_ text: String) { stdout.write(text) }

    /// Writes to standard error.
    public func writeError(_ text: String) { stderr.write(text) }

    /// The prefix bash puts before a builtin's or its own diagnostics, e.g. `bash: line 1: `.
    public var shellDiagnosticPrefix: String { interpreter.diagnosticPrefix }

    /// `path` made absolute against the working directory and normalised.
    public func resolve(_ path: String) -> String {
        VirtualFileSystem.normalise(path, cwd: workingDirectory)
    }

    /// Makes `name` startable by the commands that follow in this run (a package manager
    /// installing a program), at `path`.
    public func install(_ name: String, _ program: any SimulatedProgram, path: String) {
        interpreter.programs.register(name, program, path: path)
    }

    /// Says the program keeps running until it is stopped (a server in the foreground): the
    /// shell runs nothing after it, and its outcome says so.
    public func serveUntilStopped() { interpreter.run.serving = true }

    /// Whether standard output is the terminal (not a pipe or a file), as `isatty(1)`.
    public var stdoutIsTerminal: Bool {
        if case .terminal = stdout.kind { return true }
        return false
    }

    /// Runs another program (or builtin) with these arguments, sharing this process's output;
    /// returns its status (127 with bash's message when it does not exist).
    /// Without `stdin`, the program shares this process's standard input.
    public func run(_ arguments: [String], stdin: String? = nil, environment: [String: String]? = nil, lab: inout Lab) -> Int32 {
        interpreter.runProgram(arguments, environment: environment ?? self.environment, stdin: stdin.map(ShellInput.init) ?? input,
                               stdout: stdout, stderr: stderr, lab: &lab)
    }

    /// Runs shell source in a child shell (`sh -c`), sharing this process's output; state
    /// changes other than files stay in the child.
    /// `options`: the shell's own option letters given on its command line (`e`, `u`, `x`).
    public func runShell(_ source: String, arguments: [String] = [], stdin: String? = nil, options: String = "", lab: inout Lab) -> Int32 {
        interpreter.runChildShell(source, arguments: arguments, environment: environment, stdin: stdin.map(ShellInput.init) ?? input,
                                  stdout: stdout, stderr: stderr, lab: &lab, dialect: childDialect, invokedAs: name, options: options)
    }

    /// The dialect a shell started as this program speaks (`sh` is the table's `shellDialect`).
    var childDialect: ShellDialect? {
        let sh = interpreter.programs.shellDialect
        let d = ShellDialect.of(program: name, sh: sh)
        return d == interpreter.dialect ? nil : d
    }

    /// The path `which` prints for a program name, or nil when there is none (unknown names
    /// and shell-only builtins such as `cd`).
    public func programPath(_ name: String) -> String? {
        interpreter.programs.path(of: name)
    }

    /// Whether the simulated system has a program or builtin of this name.
    public func hasProgram(_ name: String) -> Bool {
        interpreter.programs.program(named: name) != nil || name == "exit"
    }
}

/// A command's standard input: text and how much of it has been read, shared by the commands
/// of a loop so `while read` sees successive lines.
final class ShellInput {
    private(set) var text: String
    private(set) var offset: String.Index
    /// Set when a program read `stdin`; the rest is then consumed when it ends.
    var readByProgram = false

    init(_ text: String) {
        self.text = text
        offset = text.startIndex
    }

    /// What is left.
    var rest: String { offset == text.startIndex ? text : String(text[offset...]) }

    func replace(_ newText: String) {
        text = newText
        offset = newText.startIndex
    }

    func consumeAll() {
        offset = text.endIndex
        readByProgram = false
    }

    /// The next line without its newline, and whether a newline ended it; nil at the end.
    func readLine() -> (String, Bool)? {
        guard offset < text.endIndex else { return nil }
        if let nl = text[offset...].firstIndex(of: "\n") {
            let line = String(text[offset..<nl])
            offset = text.index(after: nl)
            return (line, true)
        }
        let line = String(text[offset...])
        offset = text.endIndex
        return (line, false)
    }
}
