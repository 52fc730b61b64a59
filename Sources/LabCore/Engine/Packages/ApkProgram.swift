/// `apk` in an Alpine-based image: `update`, `add` (with `--update`/`-U`, `--no-cache`,
/// `--virtual NAME`), `del`, resolving from `PackageCatalogue.alpine` and recording what it
/// installs in apk's database. Wording, read in alpinelinux/apk-tools v2.6.7 (Alpine 3.4's):
/// src/commit.c `(%i/%i) Installing %s (%s)`, `OK: %zu MiB in %d packages` and the
/// `unsatisfiable constraints:` report (`  NAME (missing):` then `    required by: world[NAME]`);
/// src/database.c `fetch %s` for each repository index read from the network and `Ignoring %s:
/// %s` (a WARNING) for an index that is not in the cache, as in an image nobody ran `apk update`
/// in; src/update.c `%s [%s]` and `OK: %d distinct packages available`; src/print.c: apk writes
/// all of it to standard output. Stand-ins (not verified): the index's cache name, the repository
/// descriptions, the counts of the base system and of the index; the triggers apk runs after
/// installing (`Executing …trigger`) are not shown.
struct ApkProgram: SimulatedProgram {
    let system: ImageSystem

    static let indexCache = "/var/cache/apk"
    /// The packages and bytes of an image's base system before anything is added (stand-ins).
    static let basePackages = 14
    static let baseBytes = 5_600_000

    var branch: String {
        if case .alpine(let b) = system.distribution { return b }
        return "edge"
    }

    var repositories: [String] {
        let scheme = branch == "v3.4" ? "http" : "https"
        return ["main", "community"].map { "\(scheme)://dl-cdn.alpinelinux.org/alpine/\(branch)/\($0)" }
    }

    /// The cache file name of a repository's index (`APKINDEX.<8 hex>.tar.gz`).
    func cacheName(_ repository: String) -> String { "APKINDEX." + StableHash.hex(repository).prefix(8) + ".tar.gz" }

    func run(_ p: inout ProcessContext, lab: inout Lab) -> Int32 {
        var args = Array(p.arguments.dropFirst())[...]
        var update = false, noCache = false, quiet = false
        var names: [String] = []
        var command: String?
        while let a = args.popFirst() {
            switch a {
            case "-U", "--update-cache", "--update": update = true
            case "--no-cache": noCache = true
            case "-q", "--quiet": quiet = true
            case "-t", "--virtual": _ = args.popFirst()
            default:
                if a.hasPrefix("-") { continue }
                if command == nil { command = a } else { names.append(a) }
            }
        }
        var out = ""
        switch command {
        case "update":
            for repo in repositories {
                out += "fetch \(repo)/x86_64/APKINDEX.tar.gz\n"
                InstalledPackages.writeFile(Self.indexCache + "/" + cacheName(repo), "", in: &lab.machine.files)
            }
            for repo in repositories { out += "\(branch).0 [\(repo)]\n" }
            out += "OK: \(PackageCatalogue.alpine.count + 5000) distinct packages available\n"
            if !quiet { p.write(out) }
            return 0
        case "add":
            var indexed = true
            for repo in repositories {
                if noCache || update {
                    out += "fetch \(repo)/x86_64/APKINDEX.tar.gz\n"
                    if update { InstalledPackages.writeFile(Self.indexCache + "/" + cacheName(repo), "", in: &lab.machine.files) }
                } else if lab.machine.files.contents(of: Self.indexCache + "/" + cacheName(repo)) == nil {
                    out += "WARNING: Ignoring \(cacheName(repo)): No such file or directory\n"
                    indexed = false
                }
            }
            return add(names, indexed: indexed, out: out, quiet: quiet, &p, lab: &lab)
        case "del":
            var files = lab.machine.files
            let installed = InstalledPackages.systemPackages(files, database: InstalledPackages.apkDatabase)
            var db = files.contents(of: InstalledPackages.apkDatabase) ?? ""
            var n = 0
            for name in names where installed.contains(name) {
                n += 1
                out += "(\(n)/\(names.count)) Purging \(name) (\(PackageCatalogue.alpinePackage(name)?.version ?? ""))\n"
                for path in PackageCatalogue.alpinePackage(name)?.programs ?? [] { files.set(nil, at: path) }
                db = db.replacingOccurrences(of: "P:\(name)\nV:\(PackageCatalogue.alpinePackage(name)?.version ?? "")\n\n", with: "")
            }
            files.set(.file(db), at: InstalledPackages.apkDatabase)
            lab.machine.files = files
            out += okLine(files)
            if !quiet { p.write(out) }
            return 0
        default:
            return 0
        }
    }

    private func add(_ names: [String], indexed: Bool, out start: String, quiet: Bool, _ p: inout ProcessContext, lab: inout Lab) -> Int32 {
        var out = start
        var files = lab.machine.files
        let installed = Set(InstalledPackages.systemPackages(files, database: InstalledPackages.apkDatabase))
        let missing = names.filter { !indexed || PackageCatalogue.alpinePackage($0) == nil }.filter { !installed.contains($0) }
        if !missing.isEmpty {
            out += "ERROR: unsatisfiable constraints:\n"
            for name in missing { out += "  \(name) (missing):\n    required by: world[\(name)]\n" }
            p.write(out)
            return Int32(missing.count)
        }
        // Dependencies first, each once, as apk's solver orders the changes.
        var plan: [PackageCatalogue.SystemPackage] = []
        func visit(_ name: String) {
            guard !installed.contains(name), !plan.contains(where: { $0.name == name }), let pkg = PackageCatalogue.alpinePackage(name) else { return }
            for dep in pkg.depends { visit(dep) }
            plan.append(pkg)
        }
        for name in names { visit(name) }
        for (i, pkg) in plan.enumerated() {
            out += "(\(i + 1)/\(plan.count)) Installing \(pkg.name) (\(pkg.version))\n"
            InstalledPackages.addSystemPackage(pkg, to: &files, database: InstalledPackages.apkDatabase)
            for path in pkg.programs {
                let program = VirtualFileSystem.baseName(of: path)
                p.install(program, InstalledProgram.program(named: program), path: path)
            }
        }
        lab.machine.files = files
        lab.clock.advance(by: Double(plan.count) * 0.3)
        out += okLine(files)
        if !quiet { p.write(out) }
        return 0
    }

    /// `OK: N MiB in M packages`: the base system and what the database lists.
    func okLine(_ files: VirtualFileSystem) -> String {
        let names = InstalledPackages.systemPackages(files, database: InstalledPackages.apkDatabase)
        let bytes = names.reduce(Self.baseBytes) { $0 + (PackageCatalogue.alpinePackage($1)?.installedSize ?? 0) }
        return "OK: \(bytes / (1024 * 1024)) MiB in \(Self.basePackages + names.count) packages\n"
    }
}
