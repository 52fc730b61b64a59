/// `apt-get` (and `apt`) in a Debian-based image: `update`, `install` (`-y`, `--no-install-recommends`),
/// resolving from `PackageCatalogue.debian` and recording what it installs in dpkg's status file.
/// A fresh image has no package lists (`/var/lib/apt/lists` is empty), so `install` before
/// `update` cannot locate anything, as on a real engine. Wording recorded from apt 2.6.1 and
/// dpkg on the development machine (Tests/LabCoreTests/Fixtures/packages/apt-get.txt): the
/// three reading lines, the NEW list, the counts, `Get:`/`Fetched`, dpkg's unpack and set-up
/// lines, `Do you want to continue? [Y/n] Abort.` without `-y` and standard input, `E: Unable to
/// locate package` (status 100). Simplified: dpkg's database line without its progress, the
/// download speed, and no "additional packages" or "Suggested packages" lists.
struct AptGetProgram: SimulatedProgram {
    static let lists = "/var/lib/apt/lists"
    static let release = "deb.debian.org_debian_dists_bookworm_InRelease"

    func run(_ p: inout ProcessContext, lab: inout Lab) -> Int32 {
        let args = Array(p.arguments.dropFirst())
        let yes = args.contains { $0 == "-y" || $0 == "--yes" || $0 == "--assume-yes" || ($0.hasPrefix("-") && !$0.hasPrefix("--") && $0.contains("y")) }
        let words = args.filter { !$0.hasPrefix("-") }
        let reading = "Reading package lists...\nBuilding dependency tree...\nReading state information...\n"
        switch words.first {
        case "update":
            p.write("Get:1 http://deb.debian.org/debian bookworm InRelease [151 kB]\nGet:2 http://deb.debian.org/debian bookworm-updates InRelease [55.4 kB]\n"
                    + "Get:3 http://deb.debian.org/debian-security bookworm-security InRelease [34.8 kB]\nFetched 241 kB in 1s (241 kB/s)\nReading package lists...\n")
            InstalledPackages.writeFile(Self.lists + "/" + Self.release, "", in: &lab.machine.files)
            lab.clock.advance(by: 1)
            return 0
        case "install":
            var files = lab.machine.files
            let hasLists = files.contents(of: Self.lists + "/" + Self.release) != nil
            let names = Array(words.dropFirst())
            p.write(reading)
            if let unknown = names.first(where: { !hasLists || PackageCatalogue.debianPackage($0) == nil }) {
                p.writeError("E: Unable to locate package \(unknown)\n")
                return 100
            }
            let installed = Set(InstalledPackages.systemPackages(files, database: InstalledPackages.dpkgStatus))
            var plan: [PackageCatalogue.SystemPackage] = []
            func visit(_ name: String) {
                guard !installed.contains(name), !plan.contains(where: { $0.name == name }), let pkg = PackageCatalogue.debianPackage(name) else { return }
                for dep in pkg.depends { visit(dep) }
                plan.append(pkg)
            }
            for name in names { visit(name) }
            if plan.isEmpty {
                for name in names { p.write("\(name) is already the newest version (\(PackageCatalogue.debianPackage(name)?.version ?? "")).\n") }
                p.write("0 upgraded, 0 newly installed, 0 to remove and 0 not upgraded.\n")
                return 0
            }
            let download = plan.reduce(0) { $0 + $1.installedSize / 3 }
            let used = plan.reduce(0) { $0 + $1.installedSize }
            p.write("The following NEW packages will be installed:\n  " + plan.map(\.name).sorted().joined(separator: " ") + "\n"
                    + "0 upgraded, \(plan.count) newly installed, 0 to remove and 0 not upgraded.\n"
                    + "Need to get \(Self.size(download)) of archives.\nAfter this operation, \(Self.size(used)) of additional disk space will be used.\n")
            if !yes && plan.count > names.count {
                p.write("Do you want to continue? [Y/n] Abort.\n")
                return 1
            }
            var out = ""
            for (i, pkg) in plan.enumerated() {
                out += "Get:\(i + 1) http://deb.debian.org/debian bookworm/main amd64 \(pkg.name) amd64 \(pkg.version) [\(Self.size(pkg.installedSize / 3))]\n"
            }
            out += "debconf: delaying package configuration, since apt-utils is not installed\n"
            out += "Fetched \(Self.size(download)) in 0s (\(Self.size(download))/s)\n"
            for pkg in plan {
                let deb = pkg.version.split(separator: ":").last.map(String.init) ?? pkg.version
                out += "Selecting previously unselected package \(pkg.name).\n(Reading database ... 6000 files and directories currently installed.)\n"
                    + "Preparing to unpack .../\(pkg.name)_\(deb)_amd64.deb ...\nUnpacking \(pkg.name) (\(pkg.version)) ...\n"
            }
            for pkg in plan {
                out += "Setting up \(pkg.name) (\(pkg.version)) ...\n"
                InstalledPackages.addSystemPackage(pkg, to: &files, database: InstalledPackages.dpkgStatus)
                for path in pkg.programs {
                    let program = VirtualFileSystem.baseName(of: path)
                    p.install(program, InstalledProgram.program(named: program), path: path)
                }
            }
            p.write(out)
            lab.machine.files = files
            lab.clock.advance(by: Double(plan.count))
            return 0
        default:
            return 0
        }
    }

    /// apt's sizes: "9496 B", "21.4 kB", "1,234 kB" (SI units).
    static func size(_ bytes: Int) -> String {
        if bytes < 10_000 { return "\(bytes) B" }
        if bytes < 100_000 { return String(format: "%.1f kB", Double(bytes) / 1000) }
        if bytes < 10_000_000 { return "\(bytes / 1000) kB" }
        return "\(bytes / 1_000_000) MB"
    }
}
