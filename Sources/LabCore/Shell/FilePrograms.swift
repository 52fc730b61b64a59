/// cat, ls, mkdir, rm, touch, cp, mv on the virtual filesystem, with GNU coreutils' messages.
enum FilePrograms {
    static let all: [(String, any SimulatedProgram)] = [
        ("cat", ClosureProgram(cat)),
        ("ls", ClosureProgram(ls)),
        ("mkdir", ClosureProgram(mkdir)),
        ("rm", ClosureProgram(rm)),
        ("touch", ClosureProgram(touch)),
        ("cp", ClosureProgram(cp)),
        ("mv", ClosureProgram(mv)),
    ]

    static func cat(_ p: inout ProcessContext, _ lab: inout Lab) -> Int32 {
        let o = CommandOptions(p.arguments.dropFirst(), flags: "nAEsuv", long: ["number": "n"])
        if o.reportInvalid("cat", p) { return 1 }
        let (texts, failed) = p.readInputs(o.operands, program: "cat", lab: lab)
        var number = 1
        for (_, text) in texts {
            if o.flags.contains("n") {
                var out = ""
                for line in splitLines(text) {
                    let n = String(number)
                    out += String(repeating: " ", count: max(0, 6 - n.count)) + n + "\t" + line + "\n"
                    number += 1
                }
                if !text.isEmpty && !text.hasSuffix("\n") { out.removeLast() }
                p.write(out)
            } else {
                p.write(text)
            }
        }
        return failed ? 1 : 0
    }

    static func ls(_ p: inout ProcessContext, _ lab: inout Lab) -> Int32 {
        let o = CommandOptions(p.arguments.dropFirst(), flags: "alh1dArtSF", long: ["all": "a"])
        if o.reportInvalid("ls", p) { return 2 }
        let files = lab.machine.files
        let showAll = o.flags.contains("a")
        let almostAll = o.flags.contains("A")
        let long = o.flags.contains("l")
        var status: Int32 = 0
        var plain: [String] = []
        var dirs: [(String, String)] = []
        let operands = o.operands.isEmpty ? ["."] : o.operands
        for name in operands {
            let path = p.resolve(name)
            switch files.node(at: path) {
            case nil:
                p.writeError("ls: cannot access \(ProcessContext.quoted(name)): No such file or directory\n")
                status = 2
            case .directory? where !o.flags.contains("d"):
                dirs.append((name, path))
            default:
                plain.append(name)
            }
        }
        let byName: (String, String) -> Bool = { $0.utf8Precedes($1) }
        plain.sort(by: byName)
        dirs.sort { byName($0.0, $1.0) }
        var out = ""
        func entry(_ display: String, _ path: String) -> String {
            guard long else { return display + "\n" }
            return longLine(display, node: files.node(at: path) ?? .directory, lab: lab) + "\n"
        }
        for name in plain { out += entry(name, p.resolve(name)) }
        let headers = operands.count > 1
        for (i, (name, path)) in dirs.enumerated() {
            if headers {
                if i > 0 || !plain.isEmpty { out += "\n" }
                out += name + ":\n"
            }
            var names = files.children(of: path)
            if !showAll && !almostAll { names = names.filter { !$0.hasPrefix(".") } }
            if showAll { names = [".", ".."] + names }
            if long {
                var blocks = 0
                for n in names where files.isDirectory(childPath(path, n)) { blocks += 4 }
                for n in names { if case .file(let t)? = files.node(at: childPath(path, n)), !t.isEmpty { blocks += (FileSize.of(t) + 4095) / 4096 * 4 } }
                out += "total \(blocks)\n"
            }
            for n in names { out += long ? entry(n, childPath(path, n)) : n + "\n" }
        }
        p.write(out)
        return status
    }

    static func childPath(_ dir: String, _ name: String) -> String {
        if name == "." { return dir }
        if name == ".." { return VirtualFileSystem.parent(of: dir) }
        return dir == "/" ? "/" + name : dir + "/" + name
    }

    static func longLine(_ name: String, node: VirtualFileSystem.Node, lab: Lab) -> String {
        let (mode, links, size): (String, Int, Int)
        switch node {
        case .directory: (mode, links, size) = ("drwxr-xr-x", 2, 4096)
        case .file(let text): (mode, links, size) = ("-rw-r--r--", 1, FileSize.of(text))
        }
        let date = lsDate(lab.clock.now)
        return "\(mode) \(links) root root \(size) \(date) \(name)"
    }

    /// `Jan  1 00:00` for a Unix time (UTC).
    static func lsDate(_ time: Double) -> String {
        let seconds = Int(min(max(time, 0), 253_402_300_000))
        var days = seconds / 86400
        let rest = seconds % 86400
        var year = 1970
        func leap(_ y: Int) -> Bool { (y % 4 == 0 && y % 100 != 0) || y % 400 == 0 }
        while days >= (leap(year) ? 366 : 365) { days -= leap(year) ? 366 : 365; year += 1 }
        let lengths = [31, leap(year) ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]
        var month = 0
        while days >= lengths[month] { days -= lengths[month]; month += 1 }
        let names = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
        let day = days + 1
        let h = rest / 3600, m = rest % 3600 / 60
        let two: (Int) -> String = { $0 < 10 ? "0\($0)" : "\($0)" }
        return "\(names[month]) \(day < 10 ? " " : "")\(day) \(two(h)):\(two(m))"
    }

    static func mkdir(_ p: inout ProcessContext, _ lab: inout Lab) -> Int32 {
        let o = CommandOptions(p.arguments.dropFirst(), flags: "pv", values: "m", long: ["parents": "p"])
        if o.reportInvalid("mkdir", p) { return 1 }
        guard !o.operands.isEmpty else { p.missingOperand("mkdir"); return 1 }
        var status: Int32 = 0
        for name in o.operands {
            do {
                try lab.machine.files.makeDirectory(p.resolve(name), parents: o.flags.contains("p"))
            } catch {
                p.writeError("mkdir: cannot create directory \(ProcessContext.quoted(name)): \(error.text)\n")
                status = 1
            }
        }
        return status
    }

    static func rm(_ p: inout ProcessContext, _ lab: inout Lab) -> Int32 {
        let o = CommandOptions(p.arguments.dropFirst(), flags: "rRfvid", long: ["recursive": "r", "force": "f"])
        if o.reportInvalid("rm", p) { return 1 }
        let force = o.flags.contains("f")
        let recursive = o.flags.contains("r") || o.flags.contains("R")
        if o.operands.isEmpty {
            if force { return 0 }
            p.missingOperand("rm")
            return 1
        }
        var status: Int32 = 0
        for name in o.operands {
            let path = p.resolve(name)
            switch lab.machine.files.node(at: path) {
            case nil:
                if !force { p.writeError("rm: cannot remove \(ProcessContext.quoted(name)): No such file or directory\n"); status = 1 }
            case .directory?:
                if !recursive {
                    if o.flags.contains("d") && lab.machine.files.children(of: path).isEmpty {
                        try? lab.machine.files.remove(path)
                    } else {
                        p.writeError("rm: cannot remove \(ProcessContext.quoted(name)): Is a directory\n")
                        status = 1
                    }
                } else if path == "/" {
                    p.writeError("rm: it is dangerous to operate recursively on '/'\nrm: use --no-preserve-root to override this failsafe\n")
                    status = 1
                } else {
                    try? lab.machine.files.remove(path, recursive: true)
                }
            case .file?:
                try? lab.machine.files.remove(path)
            }
        }
        return status
    }

    static func touch(_ p: inout ProcessContext, _ lab: inout Lab) -> Int32 {
        let o = CommandOptions(p.arguments.dropFirst(), flags: "acm")
        if o.reportInvalid("touch", p) { return 1 }
        guard !o.operands.isEmpty else { p.missingOperand("touch", "missing file operand"); return 1 }
        var status: Int32 = 0
        for name in o.operands {
            let path = p.resolve(name)
            if lab.machine.files.node(at: path) != nil { ExtraPrograms.markChanged(path, recursive: false, &lab); continue }
            do {
                try lab.machine.files.write("", to: path)
            } catch {
                p.writeError("touch: cannot touch \(ProcessContext.quoted(name)): \(error.text)\n")
                status = 1
            }
        }
        return status
    }

    /// Copies (or moves) `source` to `destination` (absolute paths), the whole tree for a directory.
    static func copyTree(_ source: String, to destination: String, lab: inout Lab) {
        let files = lab.machine.files
        for path in files.subtree(at: source) {
            let target = destination + path.dropFirst(source.count)
            if let node = files.node(at: path) { lab.machine.files.set(node, at: target) }
        }
    }

    static func cp(_ p: inout ProcessContext, _ lab: inout Lab) -> Int32 {
        transfer(&p, &lab, program: "cp", move: false)
    }

    static func mv(_ p: inout ProcessContext, _ lab: inout Lab) -> Int32 {
        transfer(&p, &lab, program: "mv", move: true)
    }

    static func transfer(_ p: inout ProcessContext, _ lab: inout Lab, program: String, move: Bool) -> Int32 {
        let o = CommandOptions(p.arguments.dropFirst(), flags: move ? "fivn" : "rRafivpn", long: ["recursive": "r"])
        if o.reportInvalid(program, p) { return 1 }
        let recursive = move || o.flags.contains("r") || o.flags.contains("R") || o.flags.contains("a")
        guard !o.operands.isEmpty else { p.missingOperand(program, "missing file operand"); return 1 }
        guard o.operands.count > 1 else {
            p.missingOperand(program, "missing destination file operand after \(ProcessContext.quoted(o.operands[0]))")
            return 1
        }
        let destName = o.operands.last!
        let dest = p.resolve(destName)
        let destIsDir = lab.machine.files.isDirectory(dest)
        let sources = o.operands.dropLast()
        if sources.count > 1 && !destIsDir {
            p.writeError("\(program): target \(ProcessContext.quoted(destName)): \(lab.machine.files.node(at: dest) == nil ? "No such file or directory" : "Not a directory")\n")
            return 1
        }
        var status: Int32 = 0
        for name in sources {
            let src = p.resolve(name)
            guard let node = lab.machine.files.node(at: src) else {
                p.writeError("\(program): cannot stat \(ProcessContext.quoted(name)): No such file or directory\n")
                status = 1
                continue
            }
            let target = destIsDir ? FilePrograms.childPath(dest, VirtualFileSystem.baseName(of: src)) : dest
            if node == .directory && !recursive {
                p.writeError("cp: -r not specified; omitting directory \(ProcessContext.quoted(name))\n")
                status = 1
                continue
            }
            if target == src || target.hasPrefix(src + "/") {
                p.writeError(node == .directory
                    ? "\(program): cannot \(move ? "move" : "copy") a directory, \(ProcessContext.quoted(name)), into itself, \(ProcessContext.quoted(destName))\n"
                    : "\(program): \(ProcessContext.quoted(name)) and \(ProcessContext.quoted(destName)) are the same file\n")
                status = 1
                continue
            }
            let parent = VirtualFileSystem.parent(of: target)
            guard lab.machine.files.isDirectory(parent) else {
                let verb = move ? "cannot move \(ProcessContext.quoted(name)) to" : "cannot create regular file"
                p.writeError("\(program): \(verb) \(ProcessContext.quoted(destName)): No such file or directory\n")
                status = 1
                continue
            }
            if lab.machine.files.isDirectory(target) && node != .directory {
                p.writeError("\(program): cannot overwrite directory \(ProcessContext.quoted(destName)) with non-directory\n")
                status = 1
                continue
            }
            if node == .directory, case .file? = lab.machine.files.node(at: target) {
                p.writeError("\(program): cannot overwrite non-directory \(ProcessContext.quoted(destName)) with directory \(ProcessContext.quoted(name))\n")
                status = 1
                continue
            }
            if node == .directory, lab.machine.files.isDirectory(target) {
                try? lab.machine.files.remove(target, recursive: true)
            }
            copyTree(src, to: target, lab: &lab)
            if move { try? lab.machine.files.remove(src, recursive: true) }
        }
        return status
    }
}
