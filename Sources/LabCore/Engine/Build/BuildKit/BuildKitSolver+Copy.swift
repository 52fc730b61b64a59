/// The build context and COPY/ADD as BuildKit does them: the context is sent once per build
/// (`[internal] load build context`), only the paths the stages copy (dockerfile2llb
/// `filterPaths` → `llb.FollowPaths`), less what .dockerignore excludes, and only files changed
/// since the last build of that folder carry their data (fsutil's metadata differ); a COPY's
/// cache key is the checksum of what it copies, and a source that is not there fails the key's
/// computation (solver/edge.go, opsutils/contenthash.go).
extension BuildKitSolver {
    /// Sends the build context when a needed stage copies from it; its files by relative path.
    mutating func loadContext(_ plan: BuildKitPlan, _ s: inout DaemonSession) -> [String: String] {
        var copies: [Dockerfile.Instruction] = []
        for i in plan.reachable {
            for ins in plan.stages[i].instructions where (ins.keyword == "COPY" || ins.keyword == "ADD") && ins.flags["from"] == nil {
                copies.append(ins)
            }
        }
        guard !copies.isEmpty else { return [:] }
        var follow: [String]? = []
        for ins in copies {
            for src in (ins.json ?? ins.text.split(separator: " ").map(String.init)).dropLast() {
                let clean = Self.clean(src)
                if clean.isEmpty || clean == "." { follow = nil } else { follow?.append(clean) }
            }
        }
        var files: [String: String] = [:]
        var entries: [BuildKitTransfer.Entry] = []
        if let dir = request.contextDir {
            var sent = s.engine.buildKitCache.transfers[dir] ?? [:]
            var list: [(rel: String, path: String)] = []
            ImageBuilder.walkContext(s.files, dir: dir) { rel, path in list.append((rel, path)) }
            for (rel, path) in list.sorted(by: { $0.rel < $1.rel }) {
                let data = s.files.isDirectory(path) ? nil : s.files.contents(of: path) ?? ""
                if let data { files[rel] = data }
                guard Self.followed(rel, follow) else { continue }
                let hash = data.map { StableHash.hex($0) }
                entries.append(.init(path: rel, isDirectory: data == nil, size: data.map(FileSize.of) ?? 0,
                                     sendsData: hash != nil && sent[rel] != hash))
                if let hash { sent[rel] = hash }
            }
            s.engine.buildKitCache.transfers[dir] = sent
        }
        add(BuildVertex(name: BuildKitMessages.loadContext,
                        statuses: [.init(BuildKitMessages.transferring("context"), current: BuildKitTransfer.bytes(entries))],
                        end: .done(seconds: Timing.local)), seconds: Timing.local)
        return files
    }

    /// A source path as the context knows it (no `./` or leading `/`).
    static func clean(_ path: String) -> String {
        var p = Substring(path)
        while p.hasPrefix("./") { p = p.dropFirst(2) }
        while p.hasPrefix("/") { p = p.dropFirst() }
        while p.hasSuffix("/") { p = p.dropLast() }
        return String(p)
    }

    /// Whether a context path is sent: everything, or a followed path, what is under it, the
    /// folders above it, or what a followed pattern matches.
    static func followed(_ rel: String, _ follow: [String]?) -> Bool {
        guard let follow else { return true }
        return follow.contains { f in rel == f || rel.hasPrefix(f + "/") || f.hasPrefix(rel + "/") || ListFilters.globMatch(f, rel) }
    }

    /// COPY and ADD: the sources from the context or another stage (or image), put under the
    /// destination; from the cache when the same files go to the same place on the same parent.
    mutating func copy(_ ins: Dockerfile.Instruction, name: String, lines: ClosedRange<Int>, state: inout StageState,
                       states: [Int: StageState], context: [String: String], _ s: inout DaemonSession) -> BuildKitReport.Outcome? {
        let text = BuildKitNames.expand(ins.text, env: state.environment, keepUnset: false)
        let parts = ins.json ?? text.split(separator: " ").map(String.init)
        guard parts.count >= 2 else {
            return failure(BuildKitMessages.parseError(line: ins.line, ins.keyword + " requires at least two arguments, but only one was provided. Destination could not be determined."),
                           lines: lines)
        }
        var found: [(path: String, data: String)] = []
        let sourceFiles = ins.flags["from"].flatMap { stageIndex($0) }.flatMap { states[$0]?.image.built?.files }
        for src in parts.dropLast() {
            let clean = Self.clean(src)
            let matched = sourceFiles.map { Self.files(clean, in: $0) } ?? Self.files(clean, in: context)
            guard !matched.isEmpty else {
                let ref = request.workerID + "::" + BuildKitNames.recordID(&s.ids)
                let message = BuildKitMessages.checksumNotFound(ref: ref, path: "/" + clean)
                add(BuildVertex(name: name, end: .error(message)), seconds: Timing.local)
                return failure(BuildKitMessages.computeCacheKey(message), lines: lines)
            }
            found += matched
        }
        let dest = parts.last ?? "."
        let chown = ins.flags["chown"].map { " --chown=" + $0 } ?? ""
        let content = StableHash.hex(found.map { $0.path + "\u{0}" + $0.data }.joined(separator: "\u{1}"))
        let key = "copy:" + StableHash.hex([state.key, ins.keyword, dest, state.image.workingDir, chown, content].joined(separator: "|"))
        let history = ins.keyword + chown + " " + parts.dropLast().joined(separator: " ") + " " + dest + BuildKitMessages.historyLayerSuffix
        if let record = cached(key, s) {
            add(BuildVertex(name: name, end: .cached), seconds: 0)
            state.apply(record, key: key, history: history)
            return nil
        }
        var files = state.image.built?.files ?? ContainerFiles.template
        let placed = ImageBuilder.place(found, ins: ins, text: text, workingDir: state.image.workingDir, into: &files)
        let layer = DockerEngine.chainID(on: state.image, diff: ins.keyword + " " + placed.dest + "\n"
                                         + placed.files.map { $0.path + "\u{0}" + $0.data }.joined(separator: "\n"))
        let record = BuildKitCache.Record(files: files, size: placed.size, created: s.now, layer: layer)
        s.engine.buildKitCache.store(record, at: key)
        madeLayers = true
        add(BuildVertex(name: name, end: .done(seconds: Timing.local)), seconds: Timing.local)
        state.apply(record, key: key, history: history)
        return nil
    }

    /// The stage `--from` names: a number, a stage's name, or the implicit stage of an image.
    func stageIndex(_ from: String) -> Int? {
        guard let plan else { return nil }
        if let n = Int(from), n >= 0, n < plan.stages.count { return n }
        return plan.stages.firstIndex { $0.name == from.lowercased() } ?? plan.stages.firstIndex { $0.from == nil && $0.base == from }
    }

    /// What a source names in the context: everything (`.`), a file, a folder's files, or a
    /// pattern's matches; each with the path it keeps under the destination.
    static func files(_ clean: String, in context: [String: String]) -> [(path: String, data: String)] {
        if clean.isEmpty || clean == "." { return context.keys.sorted().map { ($0, context[$0]!) } }
        if let data = context[clean] { return [(String(clean.split(separator: "/").last ?? ""), data)] }
        let under = context.keys.filter { $0.hasPrefix(clean + "/") }.sorted().map { (String($0.dropFirst(clean.count + 1)), context[$0]!) }
        let matched = context.keys.filter { ListFilters.globMatch(clean, $0) }.sorted().map { (String($0.split(separator: "/").last ?? ""), context[$0]!) }
        return matched + under
    }

    /// What a source names in another stage's files (from its root).
    static func files(_ clean: String, in files: VirtualFileSystem) -> [(path: String, data: String)] {
        let path = "/" + clean
        if let data = files.contents(of: path) { return [(String(clean.split(separator: "/").last ?? ""), data)] }
        let cut = clean.isEmpty ? 1 : path.count + 1
        return files.subtree(at: path).filter { !files.isDirectory($0) }.map { (String($0.dropFirst(cut)), files.contents(of: $0) ?? "") }
    }
}
