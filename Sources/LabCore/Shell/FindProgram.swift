/// `find [paths…] [-name P] [-iname P] [-type f|d] [-maxdepth N] [-mindepth N] [-print]` on the
/// virtual filesystem, plus small path helpers: `realpath`, `printenv`, `timeout`, `less`/`more`.
enum FindProgram {
    static let all: [(String, any SimulatedProgram)] = [
        ("find", ClosureProgram(find)),
        ("realpath", ClosureProgram(realpath)),
        ("printenv", ClosureProgram(printenv)),
        ("timeout", ClosureProgram(timeout)),
        ("less", ClosureProgram(pager)),
        ("more", ClosureProgram(pager)),
    ]

    static func find(_ p: inout ProcessContext, _ lab: inout Lab) -> Int32 {
        var args = Array(p.arguments.dropFirst())[...]
        var roots: [String] = []
        while let a = args.first, !a.hasPrefix("-") || a == "-" { roots.append(a); args = args.dropFirst() }
        if roots.isEmpty { roots = ["."] }
        var name: [UInt8]?
        var ignoreCase = false
        var type: Character?
        var maxDepth = Int.max, minDepth = 0
        while let a = args.popFirst() {
            switch a {
            case "-name", "-iname":
                guard let v = args.popFirst() else { p.writeError("find: missing argument to `\(a)'\n"); return 1 }
                ignoreCase = a == "-iname"
                name = Array((ignoreCase ? v.lowercased() : v).utf8)
            case "-type":
                guard let v = args.popFirst(), let t = v.first, v.count == 1, "fdl".contains(t) else {
                    p.writeError("find: Unknown argument to -type\n"); return 1
                }
                type = t
            case "-maxdepth", "-mindepth":
                guard let v = args.popFirst(), let n = Int(v), n >= 0 else {
                    p.writeError("find: Expected a positive decimal integer argument to \(a), but got '\(args.first ?? "")'\n")
                    return 1
                }
                if a == "-maxdepth" { maxDepth = n } else { minDepth = n }
            case "-print":
                break
            default:
                p.writeError("find: unknown predicate `\(a)'\n")
                return 1
            }
        }
        let files = lab.machine.files
        var status: Int32 = 0
        var out = ""
        func visit(_ display: String, _ path: String, _ depth: Int) {
            guard let node = files.node(at: path) else { return }
            var ok = depth >= minDepth
            if ok, let t = type { ok = (t == "d") == (node == .directory) && t != "l" }
            if ok, let name {
                let base = display == "/" ? "/" : VirtualFileSystem.baseName(of: display)
                ok = ShellGlob.match(name, Array((ignoreCase ? base.lowercased() : base).utf8))
            }
            if ok { out += display + "\n" }
            guard node == .directory, depth < maxDepth else { return }
            for child in files.children(of: path) {
                visit(display.hasSuffix("/") ? display + child : display + "/" + child,
                      path == "/" ? "/" + child : path + "/" + child, depth + 1)
            }
        }
        for root in roots {
            let path = p.resolve(root)
            guard files.node(at: path) != nil else {
                p.writeError("find: '\(root)': No such file or directory\n")
                status = 1
                continue
            }
            visit(root, path, 0)
        }
        p.write(out)
        return status
    }

    static func realpath(_ p: inout ProcessContext, _ lab: inout Lab) -> Int32 {
        var status: Int32 = 0
        for name in p.arguments.dropFirst() where !name.hasPrefix("-") {
            // Resolve component by component, as the kernel would: every directory on the way must exist.
            var path = name.hasPrefix("/") ? "/" : p.workingDirectory
            var missing = false
            let parts = name.split(separator: "/")
            for (i, part) in parts.enumerated() {
                if part == "." { continue }
                if part == ".." { path = VirtualFileSystem.parent(of: path); continue }
                path = path == "/" ? "/" + part : path + "/" + part
                if i < parts.count - 1 && !lab.machine.files.isDirectory(path) { missing = true; break }
            }
            if missing || lab.machine.files.node(at: VirtualFileSystem.parent(of: path)) == nil {
                p.writeError("realpath: \(name): No such file or directory\n")
                status = 1
            } else {
                p.write(path + "\n")
            }
        }
        return status
    }

    static func printenv(_ p: inout ProcessContext, _ lab: inout Lab) -> Int32 {
        let names = p.arguments.dropFirst()
        if names.isEmpty {
            for key in p.environment.keys.sorted() { p.write("\(key)=\(p.environment[key]!)\n") }
            return 0
        }
        var status: Int32 = 0
        for name in names {
            if let v = p.environment[name] { p.write(v + "\n") } else { status = 1 }
        }
        return status
    }

    static func timeout(_ p: inout ProcessContext, _ lab: inout Lab) -> Int32 {
        var args = p.arguments.dropFirst()[...]
        while let a = args.first, a.hasPrefix("-") { args = args.dropFirst(); if a == "-s" || a == "-k" { args = args.dropFirst() } }
        guard args.popFirst() != nil, let command = args.first else { p.missingOperand("timeout"); return 125 }
        if !p.hasProgram(command) {
            p.writeError("timeout: failed to run command '\(command)': No such file or directory\n")
            return 127
        }
        return p.run(Array(args), lab: &lab)
    }

    /// `less` and `more` when output is not a terminal to page: they copy their input.
    static func pager(_ p: inout ProcessContext, _ lab: inout Lab) -> Int32 {
        let operands = p.arguments.dropFirst().filter { !$0.hasPrefix("-") && !$0.hasPrefix("+") }
        let (texts, failed) = p.readInputs(Array(operands), program: p.name, lab: lab)
        for (_, text) in texts { p.write(text) }
        return failed ? 1 : 0
    }
}
