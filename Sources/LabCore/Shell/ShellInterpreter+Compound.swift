/// Execution of `if`, `for` and `while`/`until`, and the `break`/`continue` builtins.
extension ShellInterpreter {
    func executeCompound(_ command: ShellCommandNode, io: ShellIO, lab: inout Lab) -> Int32 {
        switch command {
        case .ifClause(let clause, _, _):
            for branch in clause.branches {
                conditionDepth += 1
                let status = execute(branch.condition, io: io, lab: &lab)
                conditionDepth -= 1
                if stopped { return status }
                if status == 0 { return execute(branch.body, io: io, lab: &lab) }
            }
            if let otherwise = clause.otherwise { return execute(otherwise, io: io, lab: &lab) }
            return 0
        case .whileLoop(let loop, _, _):
            var status: Int32 = 0
            loopDepth += 1
            defer { loopDepth -= 1 }
            while true {
                conditionDepth += 1
                let condition = execute(loop.condition, io: io, lab: &lab)
                conditionDepth -= 1
                if endIteration() { break }
                if (condition == 0) == loop.until { break }
                status = execute(loop.body, io: io, lab: &lab)
                if endIteration() { break }
            }
            return status
        case .forLoop(let loop, _, _):
            let values: [String]
            if let words = loop.words {
                do { values = try expandFields(words, io: io, lab: &lab) } catch { return fail(error, io: io, lab: &lab) }
            } else {
                values = positional
            }
            var status: Int32 = 0
            loopDepth += 1
            defer { loopDepth -= 1 }
            for value in values {
                lab.machine.shell.variables[loop.name] = value
                status = execute(loop.body, io: io, lab: &lab)
                if endIteration() { break }
            }
            return status
        default:
            return execute(command, io: io, lab: &lab)
        }
    }

    /// After a loop's condition or body: whether the loop must stop (exit, a limit, `break`,
    /// or a `break`/`continue` for an outer loop); consumes a `continue` meant for this loop.
    func endIteration() -> Bool {
        if exitStatus != nil || run.failure != nil || returnStatus != nil { return true }
        guard let control = pendingLoopControl else { return false }
        if control.levels > 1 {
            pendingLoopControl = (control.isBreak, control.levels - 1)
            return true
        }
        pendingLoopControl = nil
        return control.isBreak
    }

    func loopControl(_ arguments: [String], stderr: OutputTarget) -> Int32 {
        var levels = 1
        if arguments.count > 1 {
            guard let n = Int(arguments[1]), n > 0 else {
                stderr.write(diagnosticPrefix + "\(arguments[0]): \(arguments[1]): loop count out of range\n")
                return 1
            }
            levels = n
        }
        guard loopDepth > 0 else {
            stderr.write(diagnosticPrefix + "\(arguments[0]): only meaningful in a `for', `while', or `until' loop\n")
            return 0
        }
        pendingLoopControl = (arguments[0] == "break", min(levels, loopDepth))
        return 0
    }
}

extension ShellInterpreter {
    /// `read [-r] [-p prompt] NAME…`: one line of standard input into variables.
    func readBuiltin(_ arguments: [String], input: ShellInput, stderr: OutputTarget, lab: inout Lab) -> Int32 {
        var names: [String] = []
        var raw = false
        var i = 1
        while i < arguments.count {
            let a = arguments[i]
            if a == "-r" { raw = true } else if a == "-p" || a == "-t" || a == "-n" || a == "-d" { i += 1 }
            else if a.hasPrefix("-") && a.count > 1 { } else { names.append(a) }
            i += 1
        }
        if names.isEmpty { names = ["REPLY"] }
        guard let (line, complete) = input.readLine() else {
            for name in names { lab.machine.shell.variables[name] = "" }
            return 1
        }
        var text = line
        if !raw {
            var out = ""
            var escape = false
            for ch in text {
                if escape { out.append(ch); escape = false } else if ch == "\\" { escape = true } else { out.append(ch) }
            }
            text = out
        }
        if names == ["REPLY"] && arguments.count == 1 + (raw ? 1 : 0) {
            lab.machine.shell.variables["REPLY"] = text
            return complete ? 0 : 1
        }
        var rest = Substring(text).drop { $0 == " " || $0 == "\t" }
        for (k, name) in names.enumerated() {
            if k == names.count - 1 {
                var end = rest.endIndex
                while end > rest.startIndex, rest[rest.index(before: end)] == " " || rest[rest.index(before: end)] == "\t" {
                    end = rest.index(before: end)
                }
                lab.machine.shell.variables[name] = String(rest[..<end])
            } else {
                let word = rest.prefix { $0 != " " && $0 != "\t" }
                lab.machine.shell.variables[name] = String(word)
                rest = rest[word.endIndex...].drop { $0 == " " || $0 == "\t" }
            }
        }
        return complete ? 0 : 1
    }
}
