/// Busybox's wording for the common applets' errors. Each applet runs the lab's GNU program with
/// its standard error caught, and rewrites GNU's sentences into busybox's (both recorded:
/// Tests/LabCoreTests/Fixtures/containers/busybox-applets.txt, from `docker run --rm alpine …`
/// on the real engine, whose alpine stand-in is busybox).
struct BusyboxApplet: SimulatedProgram {
    let gnu: any SimulatedProgram

    func run(_ process: inout ProcessContext, lab: inout Lab) -> Int32 {
        let caught = OutputTarget(.buffer, run: process.stderr.run)
        var inner = ProcessContext(arguments: process.arguments, environment: process.environment, stdin: process.input,
                                   workingDirectory: process.workingDirectory, stdout: process.stdout, stderr: caught,
                                   interpreter: process.interpreter)
        var status = gnu.run(&inner, lab: &lab)
        // GNU ls ends 2 when an operand is missing; busybox ends 1 (recorded).
        if status == 2 && process.name == "ls" { status = 1 }
        if caught.text.hasPrefix(process.name + ": missing operand"), let usage = BusyboxApplets.usage[process.name] {
            process.writeError(usage)
            return 1
        }
        if !caught.text.isEmpty {
            var out = ""
            for line in caught.text.split(separator: "\n", omittingEmptySubsequences: false).dropLast() {
                out += BusyboxApplets.rewrite(line) + "\n"
            }
            // busybox tail says so when it could open none of its files (recorded).
            let operands = process.arguments.dropFirst().filter { !$0.hasPrefix("-") }.count
            if process.name == "tail", operands > 0, caught.text.split(separator: "\n").count >= operands { out += "tail: no files\n" }
            process.writeError(out)
        }
        return status
    }
}

/// The applets whose messages differ from GNU's, and the rewriting.
enum BusyboxApplets {
    static let rewritten = ["cat", "ls", "rm", "rmdir", "mkdir", "cp", "mv", "touch", "head", "tail"]

    static func install(into table: inout ProgramTable) {
        for name in rewritten {
            if let gnu = table.program(named: name) { table.register(name, BusyboxApplet(gnu: gnu)) }
        }
    }

    /// What an applet prints when called without operands (recorded from the oracle's busybox 1.35.0).
    static let usage: [String: String] = [
        "rm": "BusyBox v1.35.0 (Debian 1:1.35.0-4+deb12u1+b1) multi-call binary.\n\nUsage: rm [-irf] FILE...\n\nRemove (unlink) FILEs\n\n"
            + "\t-i\tAlways prompt before removing\n\t-f\tNever prompt\n\t-R,-r\tRecurse\n",
        "mkdir": "BusyBox v1.35.0 (Debian 1:1.35.0-4+deb12u1+b1) multi-call binary.\n\nUsage: mkdir [-m MODE] [-p] DIRECTORY...\n\n"
            + "Create DIRECTORY\n\n\t-m MODE\tMode\n\t-p\tNo error if exists; make parent directories as needed\n",
    ]

    /// One GNU diagnostic line in busybox's words (unchanged when busybox says the same).
    static func rewrite(_ line: Substring) -> String {
        guard let colon = line.range(of: ": ") else { return String(line) }
        let applet = line[..<colon.lowerBound]
        let rest = line[colon.upperBound...]
        func split(_ prefix: String) -> (name: String, reason: String)? {
            guard rest.hasPrefix(prefix) else { return nil }
            let body = rest.dropFirst(prefix.count)
            guard let sep = body.range(of: ": ", options: .backwards) else { return nil }
            return (unquote(body[..<sep.lowerBound]), String(body[sep.upperBound...]))
        }
        switch applet {
        case "cat":
            if let (name, why) = split("") {
                return why == "Is a directory" ? "cat: read error: Is a directory" : "cat: can't open '\(name)': \(why)"
            }
        case "ls":
            if let (name, why) = split("cannot access ") { return "ls: \(name): \(why)" }
        case "rm":
            if let (name, why) = split("cannot remove ") {
                return why == "Is a directory" ? "rm: '\(name)' is a directory" : "rm: can't remove '\(name)': \(why)"
            }
        case "rmdir":
            if let (name, why) = split("failed to remove ") { return "rmdir: '\(name)': \(why)" }
        case "mkdir":
            if let (name, why) = split("cannot create directory ") { return "mkdir: can't create directory '\(name)': \(why)" }
        case "cp":
            if let (name, why) = split("cannot stat ") { return "cp: can't stat '\(name)': \(why)" }
        case "mv":
            if let (name, why) = split("cannot stat ") { return "mv: can't rename '\(name)': \(why)" }
        case "touch":
            if let (name, why) = split("cannot touch ") { return "touch: \(name): \(why)" }
        case "head", "tail":
            if let (name, why) = split("cannot open ") {
                let file = unquote(Substring(name.hasSuffix(" for reading") ? String(name.dropLast(12)) : name))
                return applet == "tail" ? "tail: can't open '\(file)': \(why)" : "head: \(file): \(why)"
            }
        default: break
        }
        return String(line)
    }

    /// GNU's shell-style quoting of a file name undone ('a b' → a b).
    static func unquote(_ s: Substring) -> String {
        if s.count >= 2, s.first == "'", s.last == "'" { return String(s.dropFirst().dropLast()) }
        return String(s)
    }
}
