/// What the package managers have installed in a container, kept where the real ones keep it so
/// that a build's RUN step leaves it in the image's layer and `docker diff` shows it: apk's
/// database `/lib/apk/db/installed` (`P:name` and `V:version` lines, a blank line after each
/// package), dpkg's `/var/lib/dpkg/status` (`Package:`, `Status:`, `Version:` paragraphs),
/// and for pip a `NAME-VERSION.dist-info/METADATA` folder per project in the Python's
/// site-packages beside its modules. Each installed program is a file at its path, so removing
/// the file removes the program.
public enum InstalledPackages {
    static let apkDatabase = "/lib/apk/db/installed"
    static let dpkgStatus = "/var/lib/dpkg/status"
    /// The marker a simulated program's file holds (an ELF header, as `cat` of a binary starts).
    static let programFile = "\u{7F}ELF\u{2}\u{1}\u{1}"

    /// Names of the packages in apk's database (or dpkg's status file).
    static func systemPackages(_ files: VirtualFileSystem, database: String) -> [String] {
        guard let text = files.contents(of: database) else { return [] }
        let key = database == apkDatabase ? "P:" : "Package: "
        return text.split(separator: "\n").filter { $0.hasPrefix(key) }.map { String($0.dropFirst(key.count)) }
    }

    /// Records a system package and writes its programs.
    static func addSystemPackage(_ p: PackageCatalogue.SystemPackage, to files: inout VirtualFileSystem, database: String) {
        let entry = database == apkDatabase ? "P:\(p.name)\nV:\(p.version)\n\n"
            : "Package: \(p.name)\nStatus: install ok installed\nVersion: \(p.version)\n\n"
        writeFile(database, (files.contents(of: database) ?? "") + entry, in: &files)
        for path in p.programs { writeFile(path, programFile, in: &files) }
    }

    /// The pip projects installed in `python`'s site-packages: (name, version).
    static func pythonProjects(_ files: VirtualFileSystem, python: ImageSystem.Python) -> [(name: String, version: String)] {
        let dir = python.sitePackages
        var out: [(String, String)] = []
        for entry in files.children(of: dir) where entry.hasSuffix(".dist-info") {
            guard let text = files.contents(of: dir + "/" + entry + "/METADATA") else { continue }
            var name = "", version = ""
            for line in text.split(separator: "\n") {
                if line.hasPrefix("Name: ") { name = String(line.dropFirst(6)) }
                if line.hasPrefix("Version: ") { version = String(line.dropFirst(9)) }
            }
            out.append((name, version))
        }
        return out
    }

    /// The installed version of pip project `name`, if any.
    static func pythonVersion(of name: String, _ files: VirtualFileSystem, python: ImageSystem.Python) -> String? {
        let key = PackageCatalogue.normalise(name)
        return pythonProjects(files, python: python).first { PackageCatalogue.normalise($0.name) == key }?.version
    }

    /// Records a pip project: its metadata, its modules and its console scripts.
    static func addPythonRelease(_ r: PackageCatalogue.PythonRelease, to files: inout VirtualFileSystem, python: ImageSystem.Python) {
        let dir = python.sitePackages
        let info = dir + "/" + r.name.replacingOccurrences(of: "-", with: "_") + "-" + r.version + ".dist-info"
        writeFile(info + "/METADATA", "Metadata-Version: 2.1\nName: \(r.name)\nVersion: \(r.version)\n", in: &files)
        for module in r.modules { writeFile(dir + "/" + module + "/__init__.py", "", in: &files) }
        for program in r.programs { writeFile("/usr/local/bin/" + program, programFile, in: &files) }
    }

    /// Whether `module` (its top-level package) can be imported: the standard library's, or a
    /// folder or file of that name in site-packages.
    static func importable(_ module: String, files: VirtualFileSystem, python: ImageSystem.Python) -> Bool {
        let top = String(module.split(separator: ".").first ?? "")
        if PythonProgram.standardModules.contains(top) { return true }
        let dir = python.sitePackages
        return files.isDirectory(dir + "/" + top) || files.contents(of: dir + "/" + top + ".py") != nil
    }

    /// The programs packages installed in `files`: name, path, and the simulated program.
    static func programs(in files: VirtualFileSystem, python: ImageSystem.Python?) -> [(String, String, any SimulatedProgram)] {
        var out: [(String, String, any SimulatedProgram)] = []
        // Most containers never installed a package: two look-ups, and nothing built.
        let hasAPK = files.contents(of: apkDatabase) != nil, hasDpkg = files.contents(of: dpkgStatus) != nil
        for (database, lookup) in hasAPK || hasDpkg ? [(apkDatabase, PackageCatalogue.alpinePackage), (dpkgStatus, PackageCatalogue.debianPackage)] : [] {
            guard database == apkDatabase ? hasAPK : hasDpkg else { continue }
            for name in systemPackages(files, database: database) {
                for path in lookup(name)?.programs ?? [] where files.contents(of: path) != nil {
                    let program = VirtualFileSystem.baseName(of: path)
                    out.append((program, path, InstalledProgram.program(named: program)))
                }
            }
        }
        if let python, files.isDirectory(python.sitePackages) {
            for (name, version) in pythonProjects(files, python: python) {
                let release = PackageCatalogue.python.first { $0.name == name && $0.version == version }
                for program in release?.programs ?? [] where files.contents(of: "/usr/local/bin/" + program) != nil {
                    out.append((program, "/usr/local/bin/" + program, InstalledProgram.program(named: program)))
                }
            }
        }
        return out
    }

    /// Writes a file, making its folders.
    static func writeFile(_ path: String, _ data: String, in files: inout VirtualFileSystem) {
        var dir = ""
        for part in path.split(separator: "/").dropLast() {
            dir += "/" + part
            if !files.isDirectory(dir) { files.set(.directory, at: dir) }
        }
        files.set(.file(data), at: path)
    }
}
