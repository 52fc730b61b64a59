/// `pip` and `pip3` in a Python image: `install` (names, `==` pins, `-r FILE`, `-U`, `-q`),
/// `freeze` and `--version`, resolving from `PackageCatalogue.python` for the image's Python
/// and writing what it installs into the container's site-packages.
/// Wording, read in pypa/pip's source: pip 9.0.1 (pip/req/req_set.py "Collecting %s",
/// "Requirement already satisfied…", "Installing collected packages: %s"; pip/download.py
/// "Downloading %s (%s)" with utils format_size; req/req_install.py "Running setup.py install
/// for %s" and utils/ui.py's non-interactive spinner; commands/install.py "Successfully
/// installed %s", sorted by name; index.py's two failures; utils/outdated.py's advice, which
/// basecommand.py prints even after a failure) and pip 26.2.1 (operations/prepare.py,
/// network/download.py, commands/install.py, resolvelib/factory.py with `ERROR: ` before a
/// failure, utils/misc.py's root-user warning and format_size). Info lines go to standard output,
/// warnings and errors to standard error (pip's console and console_errors handlers).
/// Not reproduced: pip 26's progress bars and `.metadata` downloads.
struct PipProgram: SimulatedProgram {
    let python: ImageSystem.Python

    /// One requirement being collected.
    private struct Item {
        var display: String
        var name: String
        var pin: String?
        var comesFrom: String?
        var release: PackageCatalogue.PythonRelease?
        var satisfied: String?
        var dependencies: [String] = []
        /// `display` followed by the chain of what required it (pip's `from_path`).
        var fromPath: String { comesFrom.map { display + "->" + $0 } ?? display }
    }

    func run(_ p: inout ProcessContext, lab: inout Lab) -> Int32 {
        var args = Array(p.arguments.dropFirst())
        let checkVersion = !args.contains("--disable-pip-version-check") && p.environment["PIP_DISABLE_PIP_VERSION_CHECK"] == nil
        args.removeAll { $0 == "--disable-pip-version-check" || $0 == "--no-cache-dir" || $0.hasPrefix("--root-user-action") }
        if args.first == "--version" || args.first == "-V" {
            let dir = python.sitePackages + (python.oldPip ? "" : "/pip")
            p.write("pip \(python.pip) from \(dir) (python \(python.version.split(separator: ".").prefix(2).joined(separator: ".")))\n")
            return 0
        }
        guard let command = args.first else { return 0 }
        let status: Int32
        switch command {
        case "install": status = install(Array(args.dropFirst()), &p, lab: &lab)
        case "freeze":
            for project in InstalledPackages.pythonProjects(lab.machine.files, python: python).sorted(by: { $0.name.lowercased() < $1.name.lowercased() }) {
                p.write("\(project.name)==\(project.version)\n")
            }
            status = 0
        default:
            p.writeError(python.oldPip ? "ERROR: unknown command \"\(command)\"\n" : "ERROR: unknown command \"\(command)\"\n")
            status = 1
        }
        if python.oldPip && checkVersion && command == "install" {
            p.writeError("You are using pip version \(python.pip), however version \(Self.newestPip) is available.\n"
                         + "You should consider upgrading via the 'pip install --upgrade pip' command.\n")
        }
        return status
    }

    /// The newest pip on PyPI (`pip index versions pip`, 2026-12-01), which pip 9's check names.
    static let newestPip = "26.3"

    private func install(_ args: [String], _ p: inout ProcessContext, lab: inout Lab) -> Int32 {
        var roots: [(String, String?)] = []
        var upgrade = false, quiet = false
        var rest = args[...]
        let error = python.oldPip ? "" : "ERROR: "
        while let a = rest.popFirst() {
            switch a {
            case "-U", "--upgrade": upgrade = true
            case "-q", "--quiet": quiet = true
            case "--user", "--no-deps": break
            case "-i", "--index-url", "--trusted-host", "--extra-index-url": _ = rest.popFirst()
            case "-r", "--requirement":
                guard let file = rest.popFirst() else { p.writeError("\(error)-r option requires 1 argument\n"); return 2 }
                guard let text = lab.machine.files.contents(of: p.resolve(file)) else {
                    p.writeError("\(error)Could not open requirements file: [Errno 2] No such file or directory: '\(file)'\n")
                    return 1
                }
                for (n, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
                    let req = line.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false).first.map { $0.trimmingCharacters(in: .whitespaces) } ?? ""
                    if !req.isEmpty && !req.hasPrefix("-") { roots.append((req, "-r \(file) (line \(n + 1))")) }
                }
            default: if !a.hasPrefix("-") { roots.append((a, nil)) }
            }
        }
        if roots.isEmpty {
            // pip 9 warns and succeeds (basecommand.py); pip 26 raises a CommandError (req_command.py).
            p.writeError((python.oldPip ? "" : "ERROR: ") + "You must give at least one requirement to install (see \"pip help install\")\n")
            return python.oldPip ? 0 : 1
        }
        var files = lab.machine.files
        var items: [Item] = []
        var queue = roots.map { Item(display: $0.0.replacingOccurrences(of: " ", with: ""), name: "", comesFrom: $0.1) }
        var index = 0
        var out = ""
        while index < queue.count {
            var item = queue[index]
            index += 1
            let (name, pin) = Self.split(item.display)
            item.name = name
            item.pin = pin
            let key = PackageCatalogue.normalise(name)
            if items.contains(where: { PackageCatalogue.normalise($0.name) == key }) { continue }
            let installed = InstalledPackages.pythonVersion(of: name, files, python: python)
            var release = PackageCatalogue.pythonRelease(name, python: python.version)
            if let pin, let r = release, r.version != pin { release = Self.pinned(r, pin) }
            if let installed, !(upgrade && item.comesFrom == nil && installed != release?.version), pin == nil || pin == installed {
                item.satisfied = installed
                let via = item.comesFrom.map { " (from \($0))" } ?? ""
                out += "Requirement already satisfied: \(item.display) in \(python.sitePackages)\(via)" + (python.oldPip ? "" : " (\(installed))") + "\n"
                release = PackageCatalogue.python.first { PackageCatalogue.normalise($0.name) == key && $0.version == installed } ?? release
            } else {
                out += "Collecting \(item.display)" + (item.comesFrom.map { " (from \($0))" } ?? "") + "\n"
                guard let r = release else {
                    if !quiet { p.write(out) }
                    let versions = PackageCatalogue.pythonVersions(name, python: python.version).joined(separator: ", ")
                    p.writeError("\(error)Could not find a version that satisfies the requirement \(item.display) (from versions: \(versions.isEmpty && !python.oldPip ? "none" : versions))\n"
                                 + "\(error)No matching distribution found for \(item.display)\n")
                    return 1
                }
                out += "  Downloading \(r.file.replacingOccurrences(of: "{cp}", with: python.tag)) (\(Self.size(r.size, old: python.oldPip)))\n"
            }
            item.release = release
            for (requirement, below) in release?.requires ?? [] {
                if let below, PackageCatalogue.minor(python.version).lexicographicallyPrecedes(PackageCatalogue.minor(below)) == false { continue }
                item.dependencies.append(PackageCatalogue.normalise(Self.split(requirement).name))
                queue.append(Item(display: requirement, name: "", comesFrom: item.fromPath))
            }
            items.append(item)
        }
        // Dependencies before what needs them, in the order they were collected (pip's _to_install).
        var order: [Item] = []
        var seen: Set<String> = []
        func schedule(_ item: Item) {
            let key = PackageCatalogue.normalise(item.name)
            guard item.satisfied == nil, !seen.contains(key) else { return }
            seen.insert(key)
            for dep in item.dependencies { if let d = items.first(where: { PackageCatalogue.normalise($0.name) == dep }) { schedule(d) } }
            order.append(item)
        }
        for item in items { schedule(item) }
        if !order.isEmpty {
            out += "Installing collected packages: " + order.map(\.name).joined(separator: ", ") + "\n"
            for item in order {
                guard let r = item.release else { continue }
                if r.file.hasSuffix(".tar.gz") {
                    out += "  Running setup.py install for \(item.name): started\n  Running setup.py install for \(item.name): finished with status 'done'\n"
                }
                InstalledPackages.addPythonRelease(r, to: &files, python: python)
                for program in r.programs { p.install(program, InstalledProgram.program(named: program), path: "/usr/local/bin/" + program) }
            }
            let names = order.compactMap { i in i.release.map { i.name + "-" + $0.version } }.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }
            out += "Successfully installed " + names.joined(separator: " ") + "\n"
        }
        lab.machine.files = files
        lab.clock.advance(by: Double(order.count))
        if !quiet { p.write(out) }
        if !python.oldPip && !order.isEmpty {
            p.writeError("WARNING: Running pip as the 'root' user can result in broken permissions and conflicting behaviour with the "
                         + "system package manager, possibly rendering your system unusable. It is recommended to use a virtual environment "
                         + "instead: https://pip.pypa.io/warnings/venv. Use the --root-user-action option if you know what you are doing "
                         + "and want to suppress this warning.\n")
        }
        return 0
    }

    /// A requirement's project name and its `==` pin, if any ("Flask==2.0.3", "requests[socks]>=2").
    static func split(_ requirement: String) -> (name: String, pin: String?) {
        let name = String(requirement.prefix { $0.isLetter || $0.isNumber || $0 == "-" || $0 == "_" || $0 == "." })
        if let eq = requirement.range(of: "==") { return (name, String(requirement[eq.upperBound...].prefix { $0 != "," && $0 != ";" })) }
        return (name, nil)
    }

    /// A pinned release the catalogue does not list: the newest's metadata under the pinned
    /// version (its size a stand-in).
    static func pinned(_ r: PackageCatalogue.PythonRelease, _ version: String) -> PackageCatalogue.PythonRelease {
        if let listed = PackageCatalogue.python.first(where: { $0.name == r.name && $0.version == version }) { return listed }
        return PackageCatalogue.PythonRelease(name: r.name, version: version, requiresPython: r.requiresPython, belowPython: r.belowPython,
                                              requires: r.requires, file: r.file.replacingOccurrences(of: r.version, with: version),
                                              size: r.size, programs: r.programs, modules: r.modules)
    }

    /// pip's format_size: "95kB" (pip 9) or "95 kB" (pip 10 on).
    static func size(_ bytes: Int, old: Bool) -> String {
        let space = old ? "" : " "
        let b = Double(bytes)
        if bytes > 1_000_000 { return String(format: "%.1f", b / 1_000_000) + space + "MB" }
        if bytes > 10_000 { return "\(bytes / 1000)" + space + "kB" }
        if bytes > 1000 { return String(format: "%.1f", b / 1000) + space + "kB" }
        return "\(bytes)" + space + "bytes"
    }
}
