/// What a BuildKit build is asked for (docker/buildx's build options, as the lab takes them).
struct BuildKitRequest {
    /// The Dockerfile's text; nil when there is none where it was looked for.
    var dockerfile: String?
    /// Its name as the frontend shows it (the base name of `-f`, else `Dockerfile`).
    var dockerfileName: String
    /// The build context's folder; nil for none (a Dockerfile on standard input).
    var contextDir: String?
    var tags: [String]
    var buildArgs: [String: String]
    var noCache: Bool
    var target: String?
    /// The engine's id: BuildKit's worker id with the docker driver (moby cmd/dockerd `EngineID`).
    var workerID: String
}

/// A BuildKit build on the machine's engine, as moby's builder-next runs it with buildx's docker
/// driver: the Dockerfile frontend's internal steps (load the definition, the base images'
/// metadata, .dockerignore, the build context), then the stages the target needs, each step
/// from BuildKit's cache (`CACHED`) or run, then the image exported into the engine. It reports
/// the vertices in the order it finishes them, for PlainProgress to print.
///
/// Unlike the legacy builder (ImageBuilder) it makes no intermediate images or containers, keeps
/// the base images it pulls out of `docker images`, builds only the stages the target needs, and
/// gives a whole rebuild from the cache the same image.
struct BuildKitSolver {
    let request: BuildKitRequest
    var vertices: [BuildVertex] = []
    /// Seconds the build has taken so far (the lab's clock moves on by as much).
    var elapsed = 0.0
    /// Whether a step made a layer this time (the exporter then has layers to write).
    var madeLayers = false
    var text = ""
    /// The ARGs before the first FROM, with their values.
    var globalArgs: [String: String] = [:]
    var plan: BuildKitPlan?
    /// The frontend's lint warnings (BuildKitLint), shown on the Dockerfile's vertex.
    var warnings: [BuildWarning] = []

    /// How long the lab takes each kind of vertex to be (fixed, so output is the same each time).
    enum Timing {
        static let local = 0.02
        static let registry = 0.5
        static let download = 0.2
        static let extract = 0.1
        static let processStart = 0.05
        static let layers = 0.1
    }

    /// Runs the build on the session's engine.
    static func build(_ request: BuildKitRequest, _ s: inout DaemonSession) -> BuildKitReport {
        var solver = BuildKitSolver(request: request)
        let outcome = solver.run(&s)
        s.advance(to: s.now + solver.elapsed)
        if !solver.warnings.isEmpty { solver.vertices[0].warnings = solver.warnings.map(\.short) }
        return BuildKitReport(vertices: solver.vertices, warnings: solver.warnings, outcome: outcome)
    }

    mutating func add(_ vertex: BuildVertex, seconds: Double) {
        vertices.append(vertex)
        elapsed += seconds
    }

    /// The build's error: the solve's, pointing at lines of the Dockerfile when it can.
    func failure(_ message: String, lines: ClosedRange<Int>? = nil) -> BuildKitReport.Outcome {
        .failed(BuildKitFailure(BuildKitMessages.failedToSolve(message),
                                source: lines.map { SourceExcerpt(filename: request.dockerfileName, data: text, ranges: [$0]) }))
    }

    mutating func run(_ s: inout DaemonSession) -> BuildKitReport.Outcome {
        let name = request.dockerfileName
        let sent = request.dockerfile.map { [BuildKitTransfer.Entry(path: name, isDirectory: false, size: FileSize.of($0), sendsData: true)] } ?? []
        add(BuildVertex(name: BuildKitMessages.loadDefinition(name),
                        statuses: [.init(BuildKitMessages.transferring("dockerfile"), current: BuildKitTransfer.bytes(sent))],
                        end: .done(seconds: Timing.local)), seconds: Timing.local)
        guard let text = request.dockerfile else { return failure(BuildKitMessages.readDockerfile(name)) }
        guard !text.isEmpty else { return failure(BuildKitMessages.emptyDockerfile) }
        self.text = text
        let file: Dockerfile
        do {
            file = try Dockerfile.parse(text)
        } catch {
            var message = error.message
            let unknown = "unknown instruction: "
            if message.hasPrefix(unknown) {
                let word = String(message.dropFirst(unknown.count))
                message = BuildKitMessages.unknownInstruction(word, suggestion: BuildKitNames.suggest(word, BuildKitNames.instructionNames, caseSensitive: false))
            }
            return failure(BuildKitMessages.parseError(line: error.line, message), lines: error.line...error.line)
        }
        let plan: BuildKitPlan
        switch BuildKitPlan.make(file, buildArgs: request.buildArgs, target: request.target) {
        case .success(let p): plan = p
        case .failure(let e): return failure(e.message, lines: e.line.map { $0...$0 })
        }
        globalArgs = plan.globalArgs
        self.plan = plan
        warnings = BuildKitLint.parsing(file)
        var bases: [Int: ResolvedBase] = [:]
        if let failed = resolveBases(plan, into: &bases, &s) { return failed }
        for i in plan.reachable where plan.stages[i].from != nil {
            warnings += BuildKitLint.dispatching(plan.stages[i], baseHasShell: bases[i]?.image.built?.shell != nil)
        }
        let ignore = request.contextDir.flatMap { s.files.contents(of: $0 + "/.dockerignore") }
        let ignoreSent = ignore.map { [BuildKitTransfer.Entry(path: ".dockerignore", isDirectory: false, size: FileSize.of($0), sendsData: true)] } ?? []
        add(BuildVertex(name: BuildKitMessages.loadDockerignore,
                        statuses: [.init(BuildKitMessages.transferring("context"), current: BuildKitTransfer.bytes(ignoreSent))],
                        end: .done(seconds: Timing.local)), seconds: Timing.local)
        showSources(plan, bases: bases, &s)
        let context = loadContext(plan, &s)
        var states: [Int: StageState] = [:]
        for i in plan.reachable {
            let stage = plan.stages[i]
            var state: StageState
            if let b = stage.baseStage, let parent = states[b] {
                state = parent.child(total: stage.total)
            } else if let base = bases[i] {
                state = StageState(base: base, total: stage.total, engine: s.engine)
            } else {
                state = StageState.scratch(total: stage.total, now: s.now)
            }
            if stage.from != nil, let failed = runStage(stage, state: &state, states: states, context: context, &s) { return failed }
            states[i] = state
        }
        guard let final = states[plan.target] else { return failure(BuildKitMessages.noStages) }
        return export(final, &s)
    }

    /// The steps of one stage: its base's ONBUILD triggers first (counted in its total, shown
    /// as `ONBUILD …`, pointing at its FROM), then its own instructions.
    mutating func runStage(_ stage: BuildKitPlan.Stage, state: inout StageState, states: [Int: StageState],
                           context: [String: String], _ s: inout DaemonSession) -> BuildKitReport.Outcome? {
        let triggers = state.image.built?.onBuild ?? []
        state.image.built?.onBuild = []
        state.total += triggers.count
        for trigger in triggers {
            guard var ins = (try? Dockerfile.parse(trigger))?.instructions.first else { continue }
            ins.line = stage.lines.lowerBound
            ins.endLine = stage.lines.upperBound
            if let failed = step(ins, stage: stage, state: &state, states: states, context: context, onBuild: true, &s) { return failed }
        }
        for ins in stage.instructions {
            if let failed = step(ins, stage: stage, state: &state, states: states, context: context, onBuild: false, &s) { return failed }
        }
        return nil
    }

    /// The base images the needed stages start from, each looked up once (`[internal] load
    /// metadata for …`): a local image as it is, else the registry's.
    mutating func resolveBases(_ plan: BuildKitPlan, into bases: inout [Int: ResolvedBase], _ s: inout DaemonSession) -> BuildKitReport.Outcome? {
        var byRef: [String: ResolvedBase] = [:]
        for i in plan.reachable where plan.stages[i].hasImageBase {
            let stage = plan.stages[i]
            if let error = ImageReference.error(stage.base) {
                return failure("failed to parse stage name " + goQuote(stage.base) + ": " + error, lines: stage.lines)
            }
            let ref = BuildKitNames.normalised(stage.base)
            if let known = byRef[ref] { bases[i] = known; continue }
            switch ResolvedBase.resolve(stage.base, &s) {
            case .success(let base):
                let seconds = base.local ? Timing.local : Timing.registry
                add(BuildVertex(name: BuildKitMessages.loadMetadata(ref), end: .done(seconds: seconds)), seconds: seconds)
                bases[i] = base
                byRef[ref] = base
            case .failure(let answer):
                add(BuildVertex(name: BuildKitMessages.loadMetadata(ref), end: .error(answer.message)), seconds: Timing.registry)
                let suggestion = BuildKitNames.suggest(stage.base, plan.stages.compactMap(\.name) + BuildKitNames.commonImageNames, caseSensitive: true)
                return failure(BuildKitMessages.resolveMetadata(base: stage.base, ref: ref, answer.message, suggestion: suggestion), lines: stage.lines)
            }
        }
        return nil
    }

    /// The image sources (`[1/3] FROM docker.io/library/alpine:latest@sha256:…`): from the cache,
    /// from the local image, or pulled (resolved, each layer downloaded and extracted). Stages on
    /// the same image share one (named after the first).
    mutating func showSources(_ plan: BuildKitPlan, bases: [Int: ResolvedBase], _ s: inout DaemonSession) {
        var shown: Set<String> = []
        for i in plan.reachable {
            guard let base = bases[i], shown.insert(base.vertexRef).inserted else { continue }
            let stage = plan.stages[i]
            let from = "FROM " + base.vertexRef
            let name = stage.from == nil ? from : BuildKitNames.prefixed(from, stage: stage.displayName, index: 1, total: stage.total)
            let key = base.cacheKey
            if s.engine.buildKitCache.records[key] != nil {
                add(BuildVertex(name: name, end: .cached), seconds: 0)
                continue
            }
            if base.local {
                add(BuildVertex(name: name, end: .done(seconds: Timing.local)), seconds: Timing.local)
            } else {
                var statuses = [BuildVertex.Status(BuildKitMessages.resolve(base.vertexRef), seconds: Timing.local)]
                for layer in base.layers {
                    statuses.append(.init(layer.digest, current: layer.size, total: layer.size, seconds: Timing.download))
                }
                for layer in base.layers { statuses.append(.init(BuildKitMessages.extracting(layer.digest), seconds: Timing.extract)) }
                let seconds = Timing.local + Timing.download + Timing.extract
                add(BuildVertex(name: name, statuses: statuses, end: .done(seconds: seconds)), seconds: seconds)
            }
            s.engine.buildKitCache.records[key] = BuildKitCache.Record(files: base.files, size: 0, created: base.image.created, layer: nil)
            s.engine.buildKitCache.layers.formUnion(s.engine.layerIDs(base.image))
        }
    }
}
