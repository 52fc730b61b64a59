/// The bash builtins that change the shell itself (and have no file `which` could show):
/// `cd`, `export`, `unset`, `:` (`exit` is handled by the interpreter).
enum Builtins {
    static let all: [(String, any SimulatedProgram)] = [
        ("cd", ClosureProgram(cd)),
        ("export", ClosureProgram(export)),
        ("unset", ClosureProgram(unset)),
        (":", ClosureProgram { _, _ in 0 }),
        ("wait", ClosureProgram { _, _ in 0 }),
        ("[", TestBuiltin.program),
        ("source", ClosureProgram { _, _ in 0 }),
        (".", ClosureProgram { _, _ in 0 }),
        ("type", ClosureProgram { _, _ in 0 }),
        ("command", ClosureProgram { _, _ in 0 }),
        ("read", ClosureProgram { _, _ in 0 }),
        ("break", ClosureProgram { _, _ in 0 }),
        ("continue", ClosureProgram { _, _ in 0 }),
        ("set", ClosureProgram { _, _ in 0 }),
        ("return", ClosureProgram { _, _ in 0 }),
        ("local", ClosureProgram { _, _ in 0 }),
    ]

    static func cd(_ p: inout ProcessContext, _ lab: inout Lab) -> Int32 {
        var args = Array(p.arguments.dropFirst())
        if args.first == "--" { args.removeFirst() }
        if args.count > 1 {
            p.writeError(p.shellDiagnosticPrefix + "cd: too many arguments\n")
            return 1
        }
        var shell = lab.machine.shell
        var target: String
        var printIt = false
        if let arg = args.first, !arg.isEmpty {
            target = arg
            if arg == "-" {
                guard let old = shell.variables["OLDPWD"] else {
                    p.writeError(p.shellDiagnosticPrefix + "cd: OLDPWD not set\n")
                    return 1
                }
                target = old
                printIt = true
            }
        } else if args.isEmpty {
            guard let home = shell.variables["HOME"] else {
                p.writeError(p.shellDiagnosticPrefix + "cd: HOME not set\n")
                return 1
            }
            target = home
        } else {
            return 0
        }
        let path = VirtualFileSystem.normalise(target, cwd: shell.workingDirectory)
        switch lab.machine.files.node(at: path) {
        case .directory?: break
        case .file?:
            p.writeError(p.shellDiagnosticPrefix + "cd: \(target): Not a directory\n")
            return 1
        case nil:
            switch p.shellDialect {
            case .bash: p.writeError(p.shellDiagnosticPrefix + "cd: \(target): No such file or directory\n")
            // Recorded: busybox ash says `line 0` under -c; dash names no reason.
            case .ash: p.writeError("sh: cd: line 0: can't cd to \(target): No such file or directory\n"); return 2
            case .dash: p.writeError(p.shellDiagnosticPrefix + "cd: can't cd to \(target)\n"); return 2
            }
            return 1
        }
        shell.variables["OLDPWD"] = shell.workingDirectory
        shell.workingDirectory = path
        shell.variables["PWD"] = path
        lab.machine.shell = shell
        if printIt { p.write(path + "\n") }
        return 0
    }

    static func isIdentifier(_ s: Substring) -> Bool {
        guard let first = s.utf8.first, ShellBytes.isNameStart(first) else { return false }
        return s.utf8.allSatisfy(ShellBytes.isNameChar)
    }

    static func export(_ p: inout ProcessContext, _ lab: inout Lab) -> Int32 {
        let args = p.arguments.dropFirst().filter { $0 != "-p" && $0 != "--" }
        if args.isEmpty {
            for name in lab.machine.shell.exported.sorted(by: { $0.utf8Precedes($1) }) {
                if let value = lab.machine.shell.variables[name] {
                    p.write("declare -x \(name)=\"\(escapeDeclare(value))\"\n")
                } else {
                    p.write("declare -x \(name)\n")
                }
            }
            return 0
        }
        var status: Int32 = 0
        for arg in args {
            let parts = arg.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            let name = parts[0]
            guard isIdentifier(name) else {
                p.writeError(p.shellDiagnosticPrefix + "export: `\(arg)': not a valid identifier\n")
                status = 1
                continue
            }
            if parts.count == 2 { lab.machine.shell.variables[String(name)] = String(parts[1]) }
            lab.machine.shell.exported.insert(String(name))
        }
        return status
    }

    static func escapeDeclare(_ value: String) -> String {
        var out = ""
        for ch in value {
            if ch == "\"" || ch == "\\" || ch == "$" || ch == "`" { out.append("\\") }
            out.append(ch)
        }
        return out
    }

    static func unset(_ p: inout ProcessContext, _ lab: inout Lab) -> Int32 {
        var status: Int32 = 0
        let functions = p.arguments.contains("-f")
        for arg in p.arguments.dropFirst() where !arg.hasPrefix("-") {
            guard isIdentifier(Substring(arg)) else {
                p.writeError(p.shellDiagnosticPrefix + "unset: `\(arg)': not a valid identifier\n")
                status = 1
                continue
            }
            if !functions && lab.machine.shell.variables[arg] != nil {
                lab.machine.shell.variables[arg] = nil
                lab.machine.shell.exported.remove(arg)
            } else {
                lab.machine.shell.variables["BASH_FUNC_" + arg + "%%"] = nil
            }
        }
        return status
    }
}
