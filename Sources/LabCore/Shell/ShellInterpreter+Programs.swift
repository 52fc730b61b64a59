/// Starting programs: builtins handled by the interpreter, registered programs, script files
/// in the virtual filesystem, `exit` and child shells.
extension ShellInterpreter {
    /// Runs the program named by `arguments[0]` (a builtin, a registered program or a script
    /// file in the virtual filesystem).
    func runProgram(_ arguments: [String], environment: [String: String], stdin: ShellInput,
                    stdout: OutputTarget, stderr: OutputTarget, lab: inout Lab) -> Int32 {
        guard let name = arguments.first else { return 0 }
        if name.sameBytes("exit") {
            return exitBuiltin(arguments, stderr: stderr, lab: &lab)
        }
        if name.sameBytes("source") || name.sameBytes(".") || name.sameBytes("type") || name.sameBytes("command"),
           let status = interpreterBuiltin(arguments, environment: environment, stdin: stdin, stdout: stdout,
                                           stderr: stderr, lab: &lab) {
            return status
        }
        if name.sameBytes("set") {
            return setBuiltin(arguments, stdout: stdout, stderr: stderr, lab: &lab)
        }
        if name.sameBytes("return") {
            return returnBuiltin(arguments, stderr: stderr, lab: &lab)
        }
        if name.sameBytes("local") {
            return localBuiltin(arguments, stderr: stderr, lab: &lab)
        }
        if lab.machine.shell.definesFunctions(), let body = lab.currentShell.variables[Self.functionKey(name)] {
            return callFunction(name, body: body, arguments: arguments, stdin: stdin, stdout: stdout, stderr: stderr, lab: &lab)
        }
        if name.sameBytes("read") {
            return readBuiltin(arguments, input: stdin, stderr: stderr, lab: &lab)
        }
        if name.sameBytes("break") || name.sameBytes("continue") {
            return loopControl(arguments, stderr: stderr)
        }
        if let program = programs.program(named: name) {
            var process = ProcessContext(arguments: arguments, environment: environment, stdin: stdin,
                                         workingDirectory: lab.currentShell.workingDirectory,
                                         stdout: stdout, stderr: stderr, interpreter: self)
            let status = program.run(&process, lab: &lab)
            if stdin.readByProgram { stdin.consumeAll() }
            return status
        }
        if name.contains("/") {
            let path = VirtualFileSystem.normalise(name, cwd: lab.currentShell.workingDirectory)
            switch lab.machine.files.node(at: path) {
            case .file(let text)?:
                return runChildShell(text, arguments: [name] + arguments.dropFirst(), environment: environment,
                                     stdin: stdin, stdout: stdout, stderr: stderr, lab: &lab)
            case .directory?:
                stderr.write(diagnosticPrefix + name + ": Is a directory\n")
                return 126
            case nil:
                // `/bin/sh`, `/usr/bin/env`: the installed programs live in the standard directories.
                if Self.binaryDirectories.contains(VirtualFileSystem.parent(of: path)),
                   programs.path(of: VirtualFileSystem.baseName(of: path)) != nil,
                   let program = programs.program(named: VirtualFileSystem.baseName(of: path)) {
                    var process = ProcessContext(arguments: arguments, environment: environment, stdin: stdin,
                                                 workingDirectory: lab.currentShell.workingDirectory,
                                                 stdout: stdout, stderr: stderr, interpreter: self)
                    let status = program.run(&process, lab: &lab)
                    if stdin.readByProgram { stdin.consumeAll() }
                    return status
                }
                stderr.write(diagnosticPrefix + name + ": No such file or directory\n")
                return 127
            }
        }
        stderr.write(notFoundMessage(name))
        return 127
    }

    func exitBuiltin(_ arguments: [String], stderr: OutputTarget, lab: inout Lab) -> Int32 {
        var code = lab.currentShell.lastStatus
        if arguments.count > 1 {
            if let n = Int(arguments[1]) {
                code = Int32(truncatingIfNeeded: n & 0xFF)
            } else {
                stderr.write(diagnosticPrefix + "exit: \(arguments[1]): numeric argument required\n")
                code = 2
            }
        }
        // bash says "exit" as an interactive shell ends, "logout" as a login shell (one reached by ssh) does.
        if case .interactive = origin, depth == 0 { run.sink.write(lab.sshOrigins.isEmpty ? "exit\n" : "logout\n", to: .stderr) }
        exitStatus = code
        return code
    }

    /// `sh -c SOURCE ARGS…` or a script file: runs in a copy of the shell's state.
    func runChildShell(_ source: String, arguments: [String], environment: [String: String], stdin: ShellInput,
                       stdout: OutputTarget, stderr: OutputTarget, lab: inout Lab, dialect childDialect: ShellDialect? = nil,
                       invokedAs name: String = "bash", options letters: String = "") -> Int32 {
        guard enterNested() else { return 1 }
        let saved = (lab.machine.shell, scriptName, positional, exitStatus, childShell, currentLine)
        let savedDialect = dialect
        if let childDialect { dialect = childDialect }
        defer { dialect = savedDialect }
        // The child sees only the environment it was started with.
        var child = lab.machine.shell
        child.variables = environment
        child.exported = Set(environment.keys)
        lab.machine.shell = child
        // $0: the first argument after the source, else the name the shell was started as.
        scriptName = arguments.first ?? name
        positional = Array(arguments.dropFirst())
        exitStatus = nil
        childShell = true
        let savedOptions = options
        options = ShellOptions()
        options.errexit = letters.contains("e")
        options.nounset = letters.contains("u")
        options.xtrace = letters.contains("x")
        defer { options = savedOptions }
        var status = runSource(source, io: ShellIO(stdin: stdin, stdout: stdout, stderr: stderr),
                               lab: &lab, reportSyntax: syntaxReporter(stderr))
        if let code = exitStatus { status = code }
        (lab.machine.shell, scriptName, positional, exitStatus, childShell, currentLine) = saved
        depth -= 1
        return status
    }

    /// Where `/bin/sh`-style paths find the registered programs.
    static let binaryDirectories: Set<String> = ["/bin", "/usr/bin", "/sbin", "/usr/sbin", "/usr/local/bin"]

    /// Whether `name` would start something (a builtin, program, function or file path).
    func isCommand(_ name: String, lab: Lab) -> Bool {
        if name.contains("/") || name == "exit" || programs.program(named: name) != nil { return true }
        return lab.machine.shell.variables[Self.functionKey(name)] != nil
    }
}
