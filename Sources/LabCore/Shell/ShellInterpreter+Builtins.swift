/// Builtins that need the interpreter itself: `source`/`.`, `type`, `command`.
extension ShellInterpreter {
    /// Names bash reports as shell builtins.
    static let builtinNames: Set<String> = [
        "cd", "export", "unset", "exit", "echo", "printf", "pwd", "true", "false", "read", "test", "[",
        "type", "command", "source", ".", "break", "continue", "wait", ":", "kill", "alias", "history", "set", "return", "local",
    ]

    /// Runs `source`, `type` or `command`; nil for any other name.
    func interpreterBuiltin(_ arguments: [String], environment: [String: String], stdin: ShellInput,
                            stdout: OutputTarget, stderr: OutputTarget, lab: inout Lab) -> Int32? {
        switch arguments[0] {
        case "source", ".":
            guard arguments.count > 1 else {
                stderr.write(diagnosticPrefix + "\(arguments[0]): filename argument required\n")
                stderr.write("\(arguments[0]): usage: \(arguments[0]) filename [arguments]\n")
                return 2
            }
            let name = arguments[1]
            guard let text = lab.machine.files.contents(of: VirtualFileSystem.normalise(name, cwd: lab.machine.shell.workingDirectory)) else {
                stderr.write(diagnosticPrefix + "\(name): No such file or directory\n")
                return 1
            }
            guard enterNested() else { return 1 }
            let saved = (sourceName, currentLine, positional)
            sourceName = name
            if arguments.count > 2 { positional = Array(arguments.dropFirst(2)) }
            let status = runSource(text, io: ShellIO(stdin: stdin, stdout: stdout, stderr: stderr), lab: &lab,
                                   reportSyntax: syntaxReporter(stderr))
            (sourceName, currentLine, positional) = saved
            depth -= 1
            if let code = returnStatus, functionDepth == 0 || saved.0 == nil { returnStatus = nil; return code }
            return status
        case "type":
            var status: Int32 = 0
            for name in arguments.dropFirst() {
                if let body = lab.machine.shell.variables[Self.functionKey(name)] {
                    stdout.write("\(name) is a function\n\(name) () \n\(body)\n")
                } else if Self.builtinNames.contains(name) {
                    stdout.write("\(name) is a shell builtin\n")
                } else if let path = programs.path(of: name) {
                    stdout.write("\(name) is \(path)\n")
                } else {
                    stderr.write(diagnosticPrefix + "type: \(name): not found\n")
                    status = 1
                }
            }
            return status
        case "command":
            var args = Array(arguments.dropFirst())
            if args.first == "-v" || args.first == "-V" {
                args.removeFirst()
                var status: Int32 = 0
                for name in args {
                    if Self.builtinNames.contains(name) { stdout.write(name + "\n") }
                    else if let path = programs.path(of: name) { stdout.write(path + "\n") }
                    else { status = 1 }
                }
                return status
            }
            guard !args.isEmpty else { return 0 }
            return runProgram(args, environment: environment, stdin: stdin, stdout: stdout, stderr: stderr, lab: &lab)
        default:
            return nil
        }
    }
}
