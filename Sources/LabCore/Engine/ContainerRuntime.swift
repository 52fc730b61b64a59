import Foundation

/// Runs a process inside a container: the lab's shell on the container's own files, environment
/// and host name, with its volumes (and bind-mounted host files) in place, so what a process
/// writes lands in the container, its volumes, or the host, as on a real engine.
struct ContainerRuntime {
    /// What a process printed, its status, and how much simulated time it took.
    struct Outcome {
        var stdout = ""
        var stderr = ""
        var status: Int32 = 0
        var elapsed: Double = 0
        /// The lines in the order they were written (for the container's log).
        var chunks: [(OutputStream, String)] = []
        /// The shell's state when the process ended (for an attached terminal's next line).
        var shell = ShellEnvironment()
        /// Whether the shell ran `exit`.
        var exited = false
        /// Whether the process ended up serving until stopped (a server in the foreground).
        var serving = false
    }

    /// What `checkExecutable(_:files:)` checks when it is not told the image: every program
    /// some image has. `run` then refuses what the container's own image lacks.
    static let programs: ProgramTable = {
        var table = ImageFamily.busybox.programs
        for family in ImageFamily.allCases {
            let other = family.programs
            for name in other.names where table.program(named: name) == nil {
                table.register(name, other.program(named: name)!, path: other.path(of: name))
            }
        }
        return table
    }()

    /// Whether `argv[0]` can be started in some image; the daemon's error when it cannot.
    /// `checkExecutable(_:container:engine:)` knows the container's image.
    static func checkExecutable(_ program: String, files: VirtualFileSystem) -> EngineError? {
        checkExecutable(program, files: files, programs: programs)
    }

    /// Whether `argv[0]` can be started in container `c` of `engine`, by the programs its image
    /// has (`docker run ubuntu ping` fails: ubuntu has no ping).
    public static func checkExecutable(_ program: String, container c: Container, engine: DockerEngine) -> EngineError? {
        checkExecutable(program, files: c.files, programs: programs(of: c, engine: engine))
    }

    /// `checkExecutable(_:container:engine:)` for `engine.containers[c]`, read where it is
    /// (passing the container itself would copy it whole).
    static func checkExecutable(_ program: String, containerAt c: Int, engine: DockerEngine) -> EngineError? {
        let image = engine.containers[c].config.image, imageID = engine.containers[c].imageID
        let files = engine.containers[c].files
        return checkExecutable(program, files: files,
                               programs: ImagePrograms.of(image: image, imageID: imageID, engine: engine).programs(files: files))
    }

    /// The programs a process in container `c` can start: its image family's, its system's
    /// package managers and Python, and what packages installed in its files.
    static func programs(of c: Container, engine: DockerEngine) -> ProgramTable {
        ImagePrograms.of(image: c.config.image, imageID: c.imageID, engine: engine).programs(files: c.files)
    }

    /// `table` with the database images' own clients (health checks); only those images pay for the copy.
    static func withDatabaseClients(_ table: ProgramTable, image: String) -> ProgramTable {
        let extra = DatabaseClients.programs(forRepository: ImageName(image).repository)
        if extra.isEmpty { return table }
        var more = table
        for (name, program) in extra { more.register(name, program, path: "/usr/bin/" + name) }
        return more
    }

    static func checkExecutable(_ program: String, files: VirtualFileSystem, programs: ProgramTable) -> EngineError? {
        if let slash = program.lastIndex(ascii: UInt8(ascii: "/")) {
            // A program of the image's by its full path (`/bin/sh`): the folder, then the name.
            let name = program[program.index(after: slash)...]
            if binaryFolders.contains(program[...slash]), programs.program(named: String(name)) != nil {
                return nil
            }
            let path = VirtualFileSystem.normalise(program, cwd: "/")
            switch files.node(at: path) {
            case .directory?: return .permissionDenied(program)
            case .file(let content)?:
                // Without the execute bit (which the lab's files do not keep: a script starting with
                // "#!" or a file in a bin folder stands for one), Go's exec.LookPath in runc answers
                // EACCES for a regular file just as for a folder (Fixtures/engine 02: `/etc`).
                if content.hasPrefix("#!") || knownScripts.contains(program) || path.split(separator: "/").dropLast().contains(where: { $0 == "bin" || $0 == "sbin" }) {
                    return nil
                }
                return .permissionDenied(program)
            case nil: return knownScripts.contains(program) ? nil : .executableNotFound(program)
            }
        }
        return programs.program(named: program) != nil || knownScripts.contains(program) ? nil : .executableNotFound(program)
    }

    /// The folders `checkExecutable` finds an image's programs in by path.
    static let binaryFolders: Set<Substring> = ["/bin/", "/usr/bin/", "/sbin/", "/usr/sbin/", "/usr/local/bin/"]

    /// Entrypoint scripts and service programs of the catalogue's images.
    static let knownScripts: Set<String> = ["/docker-entrypoint.sh", "docker-entrypoint.sh", "/entrypoint.sh", "/hello", "nginx",
                                            "httpd-foreground", "mysqld", "postgres", "redis-server", "mongod", "elasticsearch",
                                            "registry", "top", "apache2-foreground", "docker-php-entrypoint", "node", "python3"]

    /// Runs `argv` in container `c` of `engine` at time `now`, with extra environment and working
    /// directory for `docker exec`. Files written go back to the container, its volumes and binds.
    static func run(_ argv: [String], container c: Int, engine: inout DockerEngine, hostFiles: inout VirtualFileSystem,
                    now: Double, extraEnv: [String] = [], workingDir: String? = nil, stdin: String = "",
                    shell: ShellEnvironment? = nil, source: String? = nil, user: String? = nil) -> Outcome {
        var container = engine.containers[c]
        let before = container.files
        let image = ImagePrograms.of(image: container.config.image, imageID: container.imageID, engine: engine)
        let family = image.family
        let table = image.programs(files: container.files)
        if source == nil, shell == nil, let program = argv.first,
           let error = checkExecutable(program, files: container.files, programs: table) {
            return refusal(error, program: program, main: argv == container.processArguments && container.state.startedAt == now)
        }
        mountIn(&container, engine: engine, hostFiles: hostFiles)
        let (readOnly, writable) = writeRules(container)
        if !readOnly.isEmpty { container.files.readOnlyRoots = readOnly }
        if !writable.isEmpty { container.files.writableRoots = writable }
        let captured = CapturedOutput()
        // The input as a here-document (which ends its last line: one already ended gets no second end).
        let heredoc = stdin.isEmpty ? "" : " <<'LAB_STDIN_EOF'\n" + stdin + (stdin.hasSuffix("\n") ? "" : "\n") + "LAB_STDIN_EOF"
        let line = source ?? argv.map(quote).joined(separator: " ") + heredoc
        let startShell = shell
        var shell = Shell(programs: table)
        if source != nil { shell.dialect = family.interactiveDialect }
        // The inner lab (holding a copy of the engine) ends inside `runShell`, before the engine is
        // changed, so the engine's arrays are not copied.
        let processUser = user ?? container.config.user
        let machine = Machine(hostname: container.config.hostname, files: container.files,
                              shell: startShell ?? environment(of: container, extraEnv: extraEnv, workingDir: workingDir, user: processUser),
                              engine: engine, containerID: container.id, processUser: processUser.isEmpty ? nil : processUser)
        let seed = UInt64(truncatingIfNeeded: Int64(now * 1000)) ^ container.id.hashValueStable
        let (outcome, files, elapsed, innerShell) = runShell(shell, line, origin: source == nil ? .commandString : .interactive,
                                                             machine: consume machine, now: now, seed: seed, output: captured)
        container.files = files
        container.files.readOnlyRoots = nil
        container.files.writableRoots = nil
        mountOut(&container, engine: &engine, hostFiles: &hostFiles)
        recordChanges(&container, before: before)
        engine.containers[c] = container
        return Outcome(stdout: captured.stdout, stderr: captured.stderr, status: outcome.status,
                       elapsed: elapsed, chunks: captured.chunks, shell: innerShell, exited: outcome.exited, serving: outcome.serving)
    }

    /// Runs `line` in a lab made of `machine` alone (consumed: nothing else keeps the engine copy
    /// it holds); the shell's outcome, the machine's files and shell after it, and the time it took.
    static func runShell(_ shell: Shell, _ line: String, origin: ShellOrigin, machine: consuming Machine, now: Double, seed: UInt64,
                         output: CapturedOutput) -> (ShellOutcome, VirtualFileSystem, Double, ShellEnvironment) {
        var inner = Lab(machine: consume machine, now: now, ids: IDSource(seed: seed))
        let outcome = shell.run(line, origin: origin, lab: &inner, output: output)
        return (outcome, inner.machine.files, inner.clock.now - now, inner.machine.shell)
    }

    /// A program the container's image lacks (checked by the callers against every image):
    /// what `docker run` prints for its main process, or `docker exec` for another.
    static func refusal(_ error: EngineError, program: String, main: Bool) -> Outcome {
        let text = main ? "docker: Error response from daemon: \(error.message)\n\nRun 'docker run --help' for more information\n"
            : "OCI runtime exec failed: exec failed: unable to start container process: exec: \"\(program)\": executable file not found in $PATH: unknown\r\n"
        return Outcome(stderr: text, status: main ? error.runExitStatus : 126, chunks: [(.stderr, text)])
    }

    /// The environment a process starts with in a container: PATH, HOSTNAME, the container's
    /// variables, HOME, in its working directory.
    static func environment(of container: Container, extraEnv: [String] = [], workingDir: String? = nil, user: String? = nil) -> ShellEnvironment {
        // HOME is the user's home from /etc/passwd, "/" for a uid without an entry (moby oci_linux.go, WithUser).
        let spec = user ?? container.config.user
        let home = spec.isEmpty ? "/root" : ContainerUser.resolve(spec, files: container.files)?.home ?? "/"
        // Sized once for every line (growing a map rehashes what it holds).
        let count = 4 + container.config.env.count + extraEnv.count
        var variables = [String: String](minimumCapacity: count)
        var exported = Set<String>(minimumCapacity: count)
        variables["PATH"] = "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin"
        variables["HOSTNAME"] = container.config.hostname
        variables["HOME"] = home
        exported.insert("PATH")
        exported.insert("HOSTNAME")
        exported.insert("HOME")
        for lines in [container.config.env, extraEnv] {
            for line in lines {
                let (name, value) = splitAssignment(line)
                variables[name] = value
                exported.insert(name)
            }
        }
        let cwd = workingDir ?? (container.config.workingDir.isEmpty ? "/" : container.config.workingDir)
        // Every variable so far is exported: the programs' environment is these (PWD is not
        // exported unless a line named it).
        let environment = variables
        variables["PWD"] = cwd
        return ShellEnvironment(variables: variables, exported: exported, workingDirectory: cwd,
                                environment: exported.contains("PWD") ? variables : environment)
    }

    /// `NAME=value` split at its first `=` (the whole line and "" without one). An all-ASCII line
    /// is split on its bytes, where `=` is always a character of its own.
    static func splitAssignment(_ line: String) -> (name: String, value: String) {
        var text = line
        let ascii = text.withUTF8 { b -> (name: String, value: String)? in
            if b.contains(where: { $0 >= 0x80 }) { return nil }
            guard let eq = b.firstIndex(of: UInt8(ascii: "=")) else { return (line, "") }
            return (String(decoding: UnsafeBufferPointer(rebasing: b[..<eq]), as: UTF8.self),
                    String(decoding: UnsafeBufferPointer(rebasing: b[(eq + 1)...]), as: UTF8.self))
        }
        if let ascii { return ascii }
        let parts = line.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
        return (String(parts[0]), parts.count > 1 ? String(parts[1]) : "")
    }

    static func quote(_ word: String) -> String {
        if !word.isEmpty && word.utf8.allSatisfy({ ($0 >= 48 && $0 <= 57) || ($0 >= 65 && $0 <= 90) || ($0 >= 97 && $0 <= 122) || $0 == 47 || $0 == 45 || $0 == 46 || $0 == 95 }) {
            return word
        }
        return "'" + word.replacingOccurrences(of: "'", with: "'\\''") + "'"
    }

    /// Copies each mount's contents into the container's tree at its destination.
    /// Where writes fail and where they do not: read-only mounts, and with --read-only the whole
    /// root except read-write mounts, tmpfs mounts and /dev (a tmpfs docker mounts). The files
    /// docker writes (/etc/hosts, resolv.conf, hostname) are read-only then too (moby
    /// container/container_unix.go, NetworkMounts: writable only without ReadonlyRootfs).
    static func writeRules(_ c: Container) -> (readOnly: [String], writable: [String]) {
        var readOnly = c.mounts.filter { !$0.readWrite }.map { VirtualFileSystem.normalise($0.destination, cwd: "/") }
        var writable: [String] = []
        for (path, options) in c.hostConfig.tmpfs ?? [:] {
            let p = VirtualFileSystem.normalise(path, cwd: "/")
            if options.split(separator: ",").contains("ro") { readOnly.append(p) } else { writable.append(p) }
        }
        guard c.hostConfig.readonlyRootfs == true else { return (readOnly, writable) }
        writable += c.mounts.filter(\.readWrite).map { VirtualFileSystem.normalise($0.destination, cwd: "/") } + ["/dev"]
        return (readOnly + ["/"], writable)
    }

    /// The tmpfs mount points of a container: --mount type=tmpfs and --tmpfs.
    static func tmpfsPaths(_ c: Container) -> [String] {
        c.mounts.filter { $0.type == "tmpfs" }.map(\.destination) + (c.hostConfig.tmpfs ?? [:]).keys.sorted()
    }

    /// Empties the container's tmpfs mounts, as a start gives it fresh ones.
    static func resetTmpfs(_ container: inout Container) {
        for path in tmpfsPaths(container) {
            let dest = VirtualFileSystem.normalise(path, cwd: "/")
            for inside in container.files.subtree(at: dest).dropFirst() { container.files.set(nil, at: inside) }
            try? container.files.makeDirectory(dest, parents: true)
        }
    }

    static func mountIn(_ container: inout Container, engine: DockerEngine, hostFiles: VirtualFileSystem) {
        for m in container.mounts {
            let dest = VirtualFileSystem.normalise(m.destination, cwd: "/")
            // A tmpfs keeps what was written while the container runs (emptied at each start).
            if m.type == "tmpfs" { try? container.files.makeDirectory(dest, parents: true); continue }
            for path in container.files.subtree(at: dest).dropFirst() { container.files.set(nil, at: path) }
            try? container.files.makeDirectory(dest, parents: true)
            if m.type == "volume", let name = m.name, let v = engine.volumeIndex(name) {
                for path in engine.volumes[v].files.subtree(at: "/").dropFirst() {
                    if let node = engine.volumes[v].files.node(at: path) { container.files.set(node, at: dest == "/" ? path : dest + path) }
                }
            } else if m.type == "bind" {
                for path in hostFiles.subtree(at: m.source).dropFirst() {
                    if let node = hostFiles.node(at: path) { container.files.set(node, at: dest + path.dropFirst(m.source.count)) }
                }
            }
        }
    }

    /// Copies what a process left under each read-write mount back into the volume or host folder.
    static func mountOut(_ container: inout Container, engine: inout DockerEngine, hostFiles: inout VirtualFileSystem) {
        for m in container.mounts where m.readWrite {
            let dest = VirtualFileSystem.normalise(m.destination, cwd: "/")
            let inside = container.files.subtree(at: dest).dropFirst()
            if m.type == "volume", let name = m.name, let v = engine.volumeIndex(name) {
                var files = VirtualFileSystem(empty: ())
                for path in inside { if let node = container.files.node(at: path) { files.set(node, at: String(path.dropFirst(dest.count))) } }
                engine.volumes[v].files = files
            } else if m.type == "bind", hostFiles.isDirectory(m.source) {
                for path in hostFiles.subtree(at: m.source).dropFirst() { hostFiles.set(nil, at: path) }
                for path in inside { if let node = container.files.node(at: path) { hostFiles.set(node, at: m.source + path.dropFirst(dest.count)) } }
            }
        }
    }

    /// Records `docker diff` entries: added (A), changed (C) and deleted (D) paths outside mounts.
    static func recordChanges(_ container: inout Container, before: VirtualFileSystem) {
        // Nothing written, nothing to record (equal trees are usually the very same storage).
        let touched = container.files.metadataChanged ?? []
        container.files.metadataChanged = nil
        if container.files.nodes == before.nodes && touched.isEmpty { return }
        // Mounts, tmpfs and the files docker mounts itself (/etc/hosts, resolv.conf, hostname) are not the container's layer.
        let mounted = (container.mounts.map(\.destination) + (container.hostConfig.tmpfs ?? [:]).keys).map { VirtualFileSystem.normalise($0, cwd: "/") }
            + ["/etc/hosts", "/etc/resolv.conf", "/etc/hostname"]
        func underMount(_ p: String) -> Bool { mounted.contains { p == $0 || p.hasPrefix($0 + "/") } }
        var changed: [String] = []
        for (path, node) in container.files.nodes where !underMount(path) {
            if let old = before.node(at: path) {
                if old != node, case .file = node { container.changes[path] = container.changes[path] ?? "C"; changed.append(path) }
            } else {
                container.changes[path] = container.changes[path] == "D" ? "C" : (container.changes[path] ?? "A")
                changed.append(path)
            }
        }
        // An owner, mode or time changed: the entry is in the layer as changed (added stays added).
        for path in touched where before.node(at: path) != nil && container.files.node(at: path) != nil && !underMount(path) {
            container.changes[path] = container.changes[path] ?? "C"
            changed.append(path)
        }
        for path in before.nodes.keys where container.files.node(at: path) == nil && !underMount(path) {
            container.changes[path] = container.changes[path] == "A" ? nil : "D"
            changed.append(path)
        }
        for path in changed {
            var parent = VirtualFileSystem.parent(of: path)
            while parent != "/" {
                if container.changes[parent] == nil { container.changes[parent] = "C" }
                parent = VirtualFileSystem.parent(of: parent)
            }
        }
    }
}
