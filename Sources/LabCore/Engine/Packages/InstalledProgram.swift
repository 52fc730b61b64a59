/// The simulated program behind a program a package installs: the lab's own where it has one
/// (curl, wget, bash, ping, python3), tini, which starts its arguments as its child, and for the
/// rest a program that says the lab does not simulate it (its files are there, `which` finds it).
enum InstalledProgram {
    static func program(named name: String) -> any SimulatedProgram {
        switch name {
        case "curl": return CurlProgram()
        case "wget": return GNUWgetProgram()
        case "bash", "ping", "nslookup":
            return ImageFamily.redhat.programs.program(named: name) ?? ImageFamily.buildpackCurl.programs.program(named: name) ?? Unsimulated()
        case "tini": return Tini()
        case "python3": return PythonProgram(python: ImageSystem.Python(version: "3.11.2", pip: ""))
        default: return Unsimulated()
        }
    }

    /// tini (krallin/tini): `tini [--] PROGRAM ARGS…` runs the program as its child.
    struct Tini: SimulatedProgram {
        func run(_ p: inout ProcessContext, lab: inout Lab) -> Int32 {
            var args = Array(p.arguments.dropFirst())
            if args.first == "--" { args.removeFirst() }
            guard !args.isEmpty else { return 1 }
            return p.run(args, lab: &lab)
        }
    }

    /// An installed program whose behaviour the lab does not simulate.
    struct Unsimulated: SimulatedProgram {
        func run(_ p: inout ProcessContext, lab: inout Lab) -> Int32 {
            p.writeError("lab: \(p.name) is installed, but the lab does not simulate what it does\n")
            return 1
        }
    }
}
