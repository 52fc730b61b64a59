/// The instructions of a stage as BuildKit's Dockerfile frontend dispatches them
/// (dockerfile2llb/convert.go `dispatch`): ARG and the settings (ENV, CMD, LABEL…) change the
/// image's configuration and history without a vertex; RUN, COPY, ADD and WORKDIR (but `/`) are
/// vertices, taken from the cache when their key is there.
extension BuildKitSolver {
    mutating func step(_ ins: Dockerfile.Instruction, stage: BuildKitPlan.Stage, state: inout StageState, states: [Int: StageState],
                       context: [String: String], onBuild: Bool, _ s: inout DaemonSession) -> BuildKitReport.Outcome? {
        let env = state.environment
        let lines = ins.line...max(ins.line, ins.endLine)
        func name() -> String {
            state.index += 1
            return BuildKitNames.prefixed(BuildKitNames.instruction(ins, env: env), stage: stage.displayName, index: state.index,
                                          total: state.total, onBuild: onBuild)
        }
        switch ins.keyword {
        case "ARG":
            var shown: [String] = []
            for (key, value) in BuildKitPlan.argPairs(ins.text) {
                let given = request.buildArgs[key] ?? value.map { BuildKitNames.expand($0, env: env, keepUnset: false) }
                let resolved = given ?? (value == nil ? globalArgs[key] : nil)
                state.declared.removeAll { $0.name == key }
                state.declared.append((key, resolved))
                shown.append(key + (resolved.map { "=" + $0 } ?? ""))
            }
            state.commit("ARG " + shown.joined(separator: " "), at: s.now)
        case "RUN":
            return run(ins, name: name(), lines: lines, state: &state, &s)
        case "COPY", "ADD":
            return copy(ins, name: name(), lines: lines, state: &state, states: states, context: context, &s)
        case "WORKDIR":
            let text = BuildKitNames.expand(ins.text, env: env, keepUnset: false, keepQuotes: false)
            let dir = VirtualFileSystem.normalise(text, cwd: state.image.workingDir.isEmpty ? "/" : state.image.workingDir)
            guard dir != "/" else {
                state.image.workingDir = dir
                state.commit("WORKDIR " + dir, at: s.now)
                return nil
            }
            let vertex = name()
            // The folder is made by a file operation the frontend does not mark to skip the cache.
            let key = "mkdir:" + StableHash.hex(state.key + "|" + dir + "|" + (state.image.built?.user ?? ""))
            let hit = s.engine.buildKitCache.records[key]
            var image = state.image
            var built = image.built!
            ImageBuilder.apply(ins, text: dir, to: &image, built: &built)
            let record = hit ?? BuildKitCache.Record(files: built.files, size: 0, created: s.now,
                                                     layer: DockerEngine.chainID(on: state.image, diff: "WORKDIR " + dir))
            add(BuildVertex(name: vertex, end: hit == nil ? .done(seconds: Timing.local) : .cached), seconds: hit == nil ? Timing.local : 0)
            if hit == nil { madeLayers = true }
            s.engine.buildKitCache.store(record, at: key)
            image.built = built
            state.image = image
            state.image.built?.files = record.files
            state.key = key
            state.created = max(state.created, record.created)
            state.commit("WORKDIR " + dir, layer: record.layer, at: record.created)
        case "ONBUILD":
            state.image.built?.onBuild.append(ins.text)
        default:
            let text = BuildKitNames.expand(ins.text, env: env, keepUnset: false)
            var built = state.image.built!
            ImageBuilder.apply(ins, text: text, to: &state.image, built: &built)
            state.image.built = built
            if ins.keyword == "MAINTAINER" { state.commit("MAINTAINER " + text, at: s.now) }
            if let line = BuildKitHistory.line(ins, text: text, image: state.image) { state.commit(line, at: s.now) }
        }
        return nil
    }

    /// The cache's record for a RUN's or a COPY's key, unless the build ignores the cache
    /// (`--no-cache` marks those operations, dockerfile2llb `d.ignoreCache`).
    func cached(_ key: String, _ s: DaemonSession) -> BuildKitCache.Record? {
        request.noCache ? nil : s.engine.buildKitCache.records[key]
    }

    /// RUN: the command in a container of the stage's files (none is left behind), its output
    /// as the vertex's log lines; a failing command fails the build.
    mutating func run(_ ins: Dockerfile.Instruction, name: String, lines: ClosedRange<Int>, state: inout StageState,
                      _ s: inout DaemonSession) -> BuildKitReport.Outcome? {
        let argv = ins.json ?? (state.image.built?.shell ?? ["/bin/sh", "-c"]) + [ins.text]
        var env = state.image.env
        for (key, value) in state.declared {
            guard let value, !env.contains(where: { $0.hasPrefix(key + "=") }) else { continue }
            env.append(key + "=" + value)
        }
        let key = "run:" + StableHash.hex([state.key, argv.joined(separator: "\u{0}"), env.sorted().joined(separator: "\u{0}"),
                                           state.image.workingDir, state.image.built?.user ?? ""].joined(separator: "|"))
        let history = "RUN " + BuildKitHistory.runCommand(argv, declared: state.declared, env: state.environment) + BuildKitMessages.historyLayerSuffix
        if let record = cached(key, s) {
            add(BuildVertex(name: name, end: .cached), seconds: 0)
            state.apply(record, key: key, history: history)
            return nil
        }
        let result = Self.runProcess(argv, image: state.image, env: env, &s)
        let logs = Self.logLines(result.outcome)
        let seconds = Timing.processStart * 2 + result.outcome.elapsed
        if result.outcome.status != 0 {
            let message = BuildKitMessages.processFailed(argv, code: result.outcome.status)
            add(BuildVertex(name: name, logs: logs, end: .error(message)), seconds: seconds)
            return failure(message, lines: lines)
        }
        add(BuildVertex(name: name, logs: logs, end: .done(seconds: seconds)), seconds: seconds)
        let size = DockerEngine.diffSize(result.changes, files: result.files)
        let layer = result.changes.isEmpty ? nil
            : DockerEngine.chainID(on: state.image, diff: DockerEngine.diffDescription(result.changes, files: result.files))
        let record = BuildKitCache.Record(files: result.files, size: size, created: s.now, layer: layer)
        s.engine.buildKitCache.store(record, at: key)
        madeLayers = true
        state.apply(record, key: key, history: history)
        return nil
    }

    /// Runs `argv` in a container of `image` on a copy of the engine, so that no container, event
    /// or address of it stays: BuildKit's runc containers are not the engine's.
    static func runProcess(_ argv: [String], image: LocalImage, env: [String], _ s: inout DaemonSession)
        -> (outcome: ContainerRuntime.Outcome, files: VirtualFileSystem, changes: [String: String]) {
        var engine = s.engine
        var step = image
        step.id = "sha256:" + s.ids.hexID()
        step.repoTags = []
        engine.images.append(step)
        var request = ContainerRequest(image: step.id)
        request.cmd = argv
        request.entrypoint = ""
        request.env = env
        request.workingDir = image.workingDir
        let files = image.built?.files ?? ContainerFiles.template
        guard let id = try? engine.createContainer(request, ids: &s.ids, now: s.now), let c = try? engine.containerIndex(id) else {
            return (ContainerRuntime.Outcome(status: 1), files, [:])
        }
        engine.containers[c].files = files
        let outcome = ContainerRuntime.run(argv, container: c, engine: &engine, hostFiles: &s.files, now: s.now)
        return (outcome, engine.containers[c].files, engine.containers[c].changes)
    }

    /// A process's output as log lines, each at the time its chunk came (the process starts
    /// after `Timing.processStart`, its own time spread over its chunks); a line split over
    /// chunks is one line, at its first part's time.
    static func logLines(_ outcome: ContainerRuntime.Outcome) -> [BuildVertex.Log] {
        var logs: [BuildVertex.Log] = []
        var open = false
        let count = max(1, outcome.chunks.count)
        for (k, chunk) in outcome.chunks.enumerated() {
            let time = Timing.processStart + outcome.elapsed * Double(k) / Double(count) + 0.002 * Double(k)
            var pieces = chunk.1.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
            let complete = pieces.last == ""
            if complete { pieces.removeLast() }
            for (j, piece) in pieces.enumerated() {
                if j == 0 && open, !logs.isEmpty { logs[logs.count - 1].text += piece } else { logs.append(.init(seconds: time, text: piece)) }
            }
            open = !complete
        }
        return logs
    }
}

extension StageState {
    /// Takes a step's result: its files, key, time and history line (with its layer).
    mutating func apply(_ record: BuildKitCache.Record, key: String, history: String) {
        image.built?.files = record.files
        image.size += record.size
        self.key = key
        created = max(created, record.created)
        commit(history, size: record.size, layer: record.layer, at: record.created)
    }
}
