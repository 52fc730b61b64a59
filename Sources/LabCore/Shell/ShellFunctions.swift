/// Shell functions: defined as `name() { …; }`, kept as their source text in the variable
/// `BASH_FUNC_name%%` (so they survive between interactive lines and in saved labs, and are
/// never exported), called with their own positional parameters; `return` and `local`.
extension ShellInterpreter {
    static func functionKey(_ name: String) -> String { "BASH_FUNC_" + name + "%%" }

    func callFunction(_ name: String, body: String, arguments: [String], stdin: ShellInput,
                      stdout: OutputTarget, stderr: OutputTarget, lab: inout Lab) -> Int32 {
        guard enterNested() else { return 1 }
        var parser = ShellParser(body)
        let savedPositional = positional
        let savedDocuments = hereDocuments
        let savedLoops = loopDepth
        positional = Array(arguments.dropFirst())
        functionDepth += 1
        loopDepth = 0
        var status: Int32 = 0
        do {
            while !stopped, let list = try parser.nextCompleteCommand() {
                hereDocuments = parser.hereDocuments
                status = execute(list, io: ShellIO(stdin: stdin, stdout: stdout, stderr: stderr), lab: &lab)
            }
        } catch {
            status = 2
        }
        if let code = returnStatus { status = code; returnStatus = nil }
        functionDepth -= 1
        loopDepth = savedLoops
        positional = savedPositional
        hereDocuments = savedDocuments
        depth -= 1
        return status
    }

    func returnBuiltin(_ arguments: [String], stderr: OutputTarget, lab: inout Lab) -> Int32 {
        guard functionDepth > 0 || sourceName != nil else {
            stderr.write(diagnosticPrefix + "return: can only `return' from a function or sourced script\n")
            return 2
        }
        var code = lab.machine.shell.lastStatus
        if arguments.count > 1 {
            guard let n = Int(arguments[1]) else {
                stderr.write(diagnosticPrefix + "return: \(arguments[1]): numeric argument required\n")
                returnStatus = 2
                return 2
            }
            code = Int32(truncatingIfNeeded: n & 0xFF)
        }
        returnStatus = code
        return code
    }

    /// `local NAME[=value]…`: sets the variables (without restoring them afterwards).
    func localBuiltin(_ arguments: [String], stderr: OutputTarget, lab: inout Lab) -> Int32 {
        guard functionDepth > 0 else {
            stderr.write(diagnosticPrefix + "local: can only be used in a function\n")
            return 1
        }
        for arg in arguments.dropFirst() {
            let parts = arg.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            lab.machine.shell.variables[String(parts[0])] = parts.count == 2 ? String(parts[1]) : (lab.machine.shell.variables[String(parts[0])] ?? "")
        }
        return 0
    }
}
