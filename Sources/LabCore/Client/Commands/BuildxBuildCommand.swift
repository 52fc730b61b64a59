/// `docker buildx build`, which `docker build` is on a machine with the buildx plugin
/// (BuilderRouting): docker/buildx v0.24.0 commands/build.go `runBuild` with the docker driver.
/// The client reads the options and the Dockerfile, the engine's BuildKit builds
/// (BuildKitSolver), and the progress goes to standard error in plain mode; `-q` (or
/// `--progress=quiet`) prints only the image id, on standard output. Every error is
/// `ERROR: …` (cmd/buildx/main.go) after the Dockerfile lines it points at, exit status 1.
///
/// Progress modes: `auto` is BuildKit's TTY display on a terminal and plain output otherwise
/// (progressui display.go `NewDisplay`; `tty` off a terminal is an error). At the lab's terminal
/// the lab prints plain output for `auto` and `tty` too: the TTY display redraws its lines in
/// place as time passes, which a transcript, a replay or `lab grade` cannot show, while the plain
/// lines are what any recording of a build shows.
enum BuildxBuildCommand {
    static func execute(_ i: DockerInvocation, _ p: inout ProcessContext, _ s: inout DaemonSession, terminalAttached: Bool) -> Int32 {
        func refuse(_ message: String) -> Int32 {
            p.writeError(BuildKitMessages.error(message))
            return 1
        }
        var progress = i.value("progress") ?? "auto"
        if i.flag("quiet") {
            guard progress == "auto" || progress == "quiet" else { return refuse(BuildKitMessages.progressAndQuiet(progress)) }
            progress = "quiet"
        }
        // commands/build.go prints the image id for quiet asked on the command line; printer.go
        // then lets BUILDKIT_PROGRESS replace `auto` (quiet from there prints nothing at all).
        let printsID = progress == "quiet"
        if progress == "auto", let env = p.environment["BUILDKIT_PROGRESS"], !env.isEmpty { progress = env }
        let quiet: Bool
        switch progress {
        case "tty" where !terminalAttached: return refuse(BuildKitMessages.notAConsole)
        case "auto", "", "tty", "plain": quiet = false
        case "quiet": quiet = true
        case "rawjson":
            p.writeError("lab: --progress=rawjson is not simulated; use plain or quiet\n")
            return 1
        default: return refuse(BuildKitMessages.invalidProgressMode(progress))
        }
        // build/opt.go: each tag must parse (distribution/reference Parse, not normalised).
        for tag in i.values("tag") {
            if let error = ImageReference.error(tag) {
                return refuse(BuildKitMessages.invalidTag(tag, error.contains("must be lowercase") ? "repository name must be lowercase" : "invalid reference format"))
            }
        }
        // The builder: --builder, BUILDX_BUILDER (docker/cli sets it to the current context), else
        // the context; with the docker driver a builder is a context (buildx store/storeutil
        // `GetNodeGroup`).
        let builder = i.value("builder") ?? p.environment["BUILDX_BUILDER"].flatMap { $0.isEmpty ? nil : $0 } ?? ContextCommands.inForce(i, p, s.files)
        guard builder == "default" || ContextCommands.load(builder, p, s.files) != nil else {
            return refuse(BuildKitMessages.noBuilder(builder))
        }
        guard var request = request(i, &p, s) else { return 1 }
        request.workerID = SystemInfo.daemonID((s.files.contents(of: "/etc/hostname") ?? "node1").trimmingCharacters(in: .whitespacesAndNewlines))
        let report = BuildKitSolver.build(request, &s)
        var progressText = quiet ? "" : PlainProgress.render(report.vertices, description: BuildKitMessages.description(builder: builder))
        switch report.outcome {
        case .built(let id):
            if !quiet { progressText += PlainProgress.warningSummary(report.warnings) }
            p.writeError(progressText)
            if printsID { p.write(id + "\n") }
            if let file = i.value("iidfile"), !file.isEmpty { try? s.files.write(id, to: p.resolve(file)) }
            return 0
        case .failed(let failure):
            if !quiet { progressText += PlainProgress.errorLogs(report.vertices) + PlainProgress.warningSummary(report.warnings) }
            p.writeError(progressText + (failure.source.map(PlainProgress.excerpt) ?? "") + BuildKitMessages.error(failure.message))
            return 1
        }
    }

    /// The build's inputs as buildx's `loadInputs` takes them: the context folder (or none for
    /// `-`, the Dockerfile then coming on standard input), the Dockerfile by `-f` (its folder and
    /// base name; `Dockerfile`, or `dockerfile` when only that exists), the build arguments (a
    /// name alone takes the variable's value, when it is set).
    static func request(_ i: DockerInvocation, _ p: inout ProcessContext, _ s: DaemonSession) -> BuildKitRequest? {
        let contextArg = i.arguments.first ?? "."
        var contextDir: String?
        var dockerfile: String?
        var name = "Dockerfile"
        let file = i.value("file") ?? ""
        if contextArg == "-" || file == "-" {
            dockerfile = p.stdin
        }
        if contextArg != "-" {
            let dir = p.resolve(contextArg)
            guard s.files.isDirectory(dir) else {
                p.writeError(BuildKitMessages.error(BuildKitMessages.prepareContext(contextArg)))
                return nil
            }
            contextDir = dir
            if file.isEmpty {
                name = s.files.node(at: dir + "/Dockerfile") == nil && s.files.node(at: dir + "/dockerfile") != nil ? "dockerfile" : "Dockerfile"
                dockerfile = s.files.contents(of: dir + "/" + name)
            } else if file != "-" {
                let path = p.resolve(file)
                name = VirtualFileSystem.baseName(of: path)
                dockerfile = s.files.contents(of: path)
            }
        }
        var args: [String: String] = [:]
        for a in i.values("build-arg") {
            let kv = a.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            if kv.count > 1 { args[String(kv[0])] = String(kv[1]) } else if let v = p.environment[String(kv[0])] { args[String(kv[0])] = v }
        }
        return BuildKitRequest(dockerfile: dockerfile, dockerfileName: name, contextDir: contextDir, tags: i.values("tag"),
                               buildArgs: args, noCache: i.flag("no-cache"), target: i.value("target"), workerID: "")
    }
}
