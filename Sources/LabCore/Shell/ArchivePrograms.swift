/// tar (create, list, extract; -f FILE or -, -C DIR, -z, -O, -v) and gzip, gunzip, zcat, on the
/// lab's files (TarArchive, Gzip). Messages are GNU tar 1.34's and gzip's, as this machine's
/// print them.
enum ArchivePrograms {
    static let all: [(String, any SimulatedProgram)] = [
        ("tar", ClosureProgram(tar)),
        ("gzip", ClosureProgram { p, lab in gzip(&p, &lab, decompress: false) }),
        ("gunzip", ClosureProgram { p, lab in gzip(&p, &lab, decompress: true) }),
        ("zcat", ClosureProgram { p, lab in gzip(&p, &lab, decompress: true, toStdout: true) }),
    ]

    /// What a tar command line asks for.
    struct TarOptions {
        var mode: Character?
        var file: String?
        var directory: String?
        var gzip = false
        var toStdout = false
        var verbose = false
        var operands: [String] = []
        /// An option letter that needed a value and had none (`tar -cf`).
        var missingValue: Character?
    }

    static func parseTar(_ args: [String]) -> TarOptions {
        var o = TarOptions()
        var rest = args[...]
        // The first word may be bundled letters without a dash (`tar xOf file`).
        if let first = rest.first, !first.hasPrefix("-"), first.allSatisfy({ "cxtzvfOC".contains($0) }) {
            rest = rest.dropFirst()
            rest = (["-" + first] + rest)[...]
        }
        while let word = rest.popFirst() {
            if word.hasPrefix("--") {
                switch word {
                case "--gzip": o.gzip = true
                case "--to-stdout": o.toStdout = true
                case "--create": o.mode = "c"
                case "--extract", "--get": o.mode = "x"
                case "--list": o.mode = "t"
                case "--verbose": o.verbose = true
                default:
                    if word.hasPrefix("--file=") { o.file = String(word.dropFirst(7)) }
                    else if word.hasPrefix("--directory=") { o.directory = String(word.dropFirst(12)) }
                    // --mtime, --owner, --group, --numeric-owner…: the lab keeps no such metadata.
                }
            } else if word.hasPrefix("-") && word.count > 1 {
                for letter in word.dropFirst() {
                    switch letter {
                    case "c", "x", "t": o.mode = letter
                    case "z": o.gzip = true
                    case "O": o.toStdout = true
                    case "v": o.verbose = true
                    case "f": o.file = rest.popFirst(); if o.file == nil { o.missingValue = "f" }
                    case "C": o.directory = rest.popFirst(); if o.directory == nil { o.missingValue = "C" }
                    default: break
                    }
                }
            } else {
                o.operands.append(word)
            }
        }
        return o
    }

    static func tar(_ p: inout ProcessContext, _ lab: inout Lab) -> Int32 {
        let o = parseTar(Array(p.arguments.dropFirst()))
        if let letter = o.missingValue {
            p.writeError("tar: option requires an argument -- '\(letter)'\nTry 'tar --help' or 'tar --usage' for more information.\n")
            return 64
        }
        guard let mode = o.mode else {
            p.writeError("tar: You must specify one of the '-Acdtrux', '--delete' or '--test-label' options\nTry 'tar --help' or 'tar --usage' for more information.\n")
            return 2
        }
        let base = o.directory.map { p.resolve($0) } ?? p.workingDirectory
        if let dir = o.directory, !lab.machine.files.isDirectory(base) {
            p.writeError("tar: \(dir): Cannot open: No such file or directory\ntar: Error is not recoverable: exiting now\n")
            return 2
        }
        if mode == "c" {
            guard !o.operands.isEmpty else {
                p.writeError("tar: Cowardly refusing to create an empty archive\nTry 'tar --help' or 'tar --usage' for more information.\n")
                return 2
            }
            var archive = TarArchive()
            var failed = false
            for name in o.operands {
                guard let entries = TarArchive.entries(of: name, base: base, files: lab.machine.files) else {
                    p.writeError("tar: \(name): Cannot stat: No such file or directory\n")
                    failed = true
                    continue
                }
                if let long = entries.first(where: { $0.name.utf8.count > TarArchive.maxName }) {
                    p.writeError("tar: \(long.name): lab: names longer than \(TarArchive.maxName) bytes are not supported\n")
                    failed = true
                    continue
                }
                archive.entries += entries
                if o.verbose { p.writeError(entries.map { $0.name + "\n" }.joined()) }
            }
            var data = archive.encoded()
            // GNU tar writes whole records of 20 blocks (10240 bytes), the last one padded with zeros.
            let size = data.utf8.count
            if size % 10240 != 0 { data += String(repeating: "\0", count: 10240 - size % 10240) }
            if o.gzip { data = Gzip.compressed(data) }
            if o.file == nil || o.file == "-" {
                p.write(data)
            } else {
                do { try lab.machine.files.write(data, to: p.resolve(o.file!)) } catch {
                    p.writeError("tar: \(o.file!): Cannot open: \(error.text)\ntar: Error is not recoverable: exiting now\n")
                    return 2
                }
            }
            if failed { p.writeError("tar: Exiting with failure status due to previous errors\n") }
            return failed ? 2 : 0
        }
        let text: String
        if o.file == nil || o.file == "-" {
            text = p.stdin
        } else if let contents = lab.machine.files.contents(of: p.resolve(o.file!)) {
            text = contents
        } else {
            p.writeError("tar: \(o.file!): Cannot open: No such file or directory\ntar: Error is not recoverable: exiting now\n")
            return 2
        }
        let archive: TarArchive
        do { archive = try TarArchive.decode(text) } catch {
            p.writeError("tar: This does not look like a tar archive\ntar: Exiting with failure status due to previous errors\n")
            return 2
        }
        let wanted = Set(o.operands)
        let members = archive.entries.filter { e in wanted.isEmpty || wanted.contains(e.name) || wanted.contains(where: { e.name.hasPrefix($0 + "/") }) }
        for name in wanted where !archive.entries.contains(where: { $0.name == name || $0.name.hasPrefix(name + "/") }) {
            p.writeError("tar: \(name): Not found in archive\n")
        }
        for e in members {
            if mode == "t" { p.write(e.name + "\n"); continue }
            if o.toStdout { p.write(e.data ?? ""); continue }
            if o.verbose { p.write(e.name + "\n") }
            let path = VirtualFileSystem.normalise(e.name, cwd: base)
            if e.isDirectory {
                try? lab.machine.files.makeDirectory(path, parents: true)
            } else {
                try? lab.machine.files.makeDirectory(VirtualFileSystem.parent(of: path), parents: true)
                try? lab.machine.files.write(e.data ?? "", to: path)
            }
        }
        let missing = wanted.contains { name in !archive.entries.contains { $0.name == name || $0.name.hasPrefix(name + "/") } }
        if missing { p.writeError("tar: Exiting with failure status due to previous errors\n") }
        return missing ? 2 : 0
    }

    /// gzip FILE (to FILE.gz), gzip -d / gunzip FILE.gz, -c / zcat to standard output, or the
    /// pipe's data when no file is named. A file's name is kept in what gzip writes unless -n
    /// (so in its size); -9 and the like change nothing here.
    static func gzip(_ p: inout ProcessContext, _ lab: inout Lab, decompress: Bool, toStdout: Bool = false) -> Int32 {
        let flags = p.arguments.dropFirst().filter { $0.hasPrefix("-") && $0.count > 1 }
        let names = p.arguments.dropFirst().filter { !($0.hasPrefix("-") && $0.count > 1) }
        let undo = decompress || flags.contains { $0.contains("d") && !$0.hasPrefix("--") } || flags.contains("--decompress")
        let stdoutOnly = toStdout || flags.contains { $0.contains("c") && !$0.hasPrefix("--") } || flags.contains("--stdout")
        let noName = flags.contains { $0.contains("n") && !$0.hasPrefix("--") } || flags.contains("--no-name")
        func convert(_ text: String, name: String? = nil) -> String? {
            undo ? Gzip.decompressed(text) : Gzip.compressed(text, name: noName ? nil : name.map(VirtualFileSystem.baseName))
        }
        // gunzip and zcat are gzip -d underneath: their messages say gzip.
        let program = "gzip"
        if names.isEmpty || names == ["-"] {
            guard let out = convert(p.stdin) else { p.writeError("\(program): stdin: not in gzip format\n"); return 1 }
            p.write(out)
            return 0
        }
        var status: Int32 = 0
        for name in names {
            let path = p.resolve(name)
            guard let text = lab.machine.files.contents(of: path) else {
                p.writeError("\(program): \(name): No such file or directory\n")
                status = 1
                continue
            }
            // gzip leaves a .gz alone (status 0, as GNU gzip ends); gunzip wants one (status 2).
            if !undo && !stdoutOnly && path.hasSuffix(".gz") { p.writeError("gzip: \(name) already has .gz suffix -- unchanged\n"); continue }
            if undo && !stdoutOnly && !path.hasSuffix(".gz") { p.writeError("gzip: \(name): unknown suffix -- ignored\n"); status = 2; continue }
            guard let out = convert(text, name: path) else { p.writeError("gzip: \(name): not in gzip format\n"); status = 1; continue }
            if stdoutOnly { p.write(out); continue }
            let target = undo ? (path.hasSuffix(".gz") ? String(path.dropLast(3)) : path + ".out") : path + ".gz"
            try? lab.machine.files.write(out, to: target)
            try? lab.machine.files.remove(path)
        }
        return status
    }
}
