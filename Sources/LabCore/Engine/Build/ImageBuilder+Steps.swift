import Foundation

/// The variables a build substitutes: the stage's ARGs (with `--build-arg` values) and ENVs.
struct BuildState {
    var args: [String: String]
    var declared: [String: String] = [:]
    var stageName = "0"

    init(args: [String: String]) { self.args = args }

    mutating func resetStage() { declared = [:] }

    /// `$NAME` and `${NAME}` replaced from the environment, then the declared ARGs.
    func substitute(_ text: String, env: [String] = []) -> String {
        var values = declared
        for e in env {
            let kv = e.split(separator: "=", maxSplits: 1)
            values[String(kv[0])] = kv.count > 1 ? String(kv[1]) : ""
        }
        var out = ""
        var i = text.startIndex
        while i < text.endIndex {
            let c = text[i]
            guard c == "$" else { out.append(c); i = text.index(after: i); continue }
            var j = text.index(after: i)
            var name = ""
            if j < text.endIndex, text[j] == "{" {
                j = text.index(after: j)
                while j < text.endIndex, text[j] != "}" { name.append(text[j]); j = text.index(after: j) }
                if j < text.endIndex { j = text.index(after: j) }
            } else {
                while j < text.endIndex, text[j].isLetter || text[j].isNumber || text[j] == "_" { name.append(text[j]); j = text.index(after: j) }
            }
            if name.isEmpty { out.append(c); i = text.index(after: i); continue }
            out += values[name] ?? ""
            i = j
        }
        return out
    }
}

extension ImageBuilder {
    /// Runs one instruction on top of `parent`: from the cache when it can, else anew.
    static func step(_ ins: Dockerfile.Instruction, from parent: Int, context: [String: String], state: inout BuildState,
                     stages: [String: String], noCache: Bool, quiet: Bool, _ s: inout DaemonSession, out: (String) -> Void) -> Outcome {
        let base = s.engine.images[parent]
        var key = base.id + "|" + ins.original
        var copied: [(path: String, data: String)] = []
        if ins.keyword == "COPY" || ins.keyword == "ADD" {
            switch sources(ins, base: base, context: context, state: state, stages: stages, engine: s.engine) {
            case .success(let files): copied = files
            case .failure(let failure): return .failed(failure.message, status: 1)
            }
            key += "|" + StableHash.hex(copied.map { $0.path + "\u{0}" + $0.data }.joined(separator: "\u{1}"))
        }
        if ins.keyword == "ARG" {
            for word in ins.text.split(separator: " ") {
                let kv = word.split(separator: "=", maxSplits: 1)
                let name = String(kv[0])
                // An ARG without a default and without --build-arg is declared but unset.
                if let value = state.args[name] ?? (kv.count > 1 ? String(kv[1]) : nil) { state.declared[name] = value }
            }
        }
        // A RUN's build arguments are part of its command line, hence of its cache key.
        let runArgs = state.declared.keys.sorted().map { $0 + "=" + state.declared[$0]! }
        if ins.keyword == "RUN" { key += "|" + runArgs.joined(separator: " ") }
        if !noCache, let cached = s.engine.images.first(where: { $0.built?.parent == base.id && $0.built?.cacheKey == key }) {
            if !quiet { out(" ---> Using cache\n ---> \(cached.shortID)\n") }
            return .built(cached.id)
        }
        var next = base
        // The builder gives an image without PATH the default one, first (Fixtures/build 02, 06).
        if !next.env.contains(where: { $0.hasPrefix("PATH=") }) { next.env.insert(ImageCatalogue.path, at: 0) }
        var built = base.built ?? BuiltImage(base: base.repoTags.first ?? base.id, parent: base.id, cacheKey: key, files: ContainerFiles.template)
        built.parent = base.id
        built.cacheKey = key
        // Variables are replaced in these instructions only; a RUN's shell (or a CMD's, later)
        // expands its own, the build arguments being in its environment (Dockerfile reference).
        let text = Self.substituted.contains(ins.keyword) ? state.substitute(ins.text, env: base.env) : ins.text
        var size: Int64 = 0
        var layer: String?
        // The legacy builder's CREATED BY: `#(nop)` and the instruction, exec forms as Go prints a []string.
        let shownArgs = ins.json.map { "[" + $0.map { "\"\($0)\"" }.joined(separator: " ") + "]" } ?? text
        var history = "/bin/sh -c #(nop)  \(ins.keyword) \(shownArgs)"
        switch ins.keyword {
        case "RUN":
            let argv = ins.json ?? ((built.shell ?? ["/bin/sh", "-c"]) + [text])
            // `|N NAME=value …` first when build arguments are declared (always for the exec form).
            let prefix = ins.json != nil || !runArgs.isEmpty ? (["|\(runArgs.count)"] + runArgs).joined(separator: " ") + " " : ""
            history = prefix + (ins.json.map { $0.joined(separator: " ") } ?? (built.shell ?? ["/bin/sh", "-c"]).joined(separator: " ") + " " + text)
            let cid = s.ids.hexID()
            if !quiet { out(" ---> Running in \(cid.prefix(12))\n") }
            var request = ContainerRequest(image: base.id)
            request.cmd = argv
            request.entrypoint = ""
            request.env = runArgs.filter { a in !base.env.contains { $0.hasPrefix(a.prefix { $0 != "=" } + "=") } } + base.env
            request.workingDir = base.workingDir
            guard let id = try? s.engine.createContainer(request, ids: &s.ids, now: s.now),
                  let c = try? s.engine.containerIndex(id) else { return .failed("failed to create the build container", status: 1) }
            s.engine.containers[c].files = built.files
            var result = DockerEngine.StartResult()
            do { result = try s.engine.start(id, ids: &s.ids, hostFiles: &s.files, now: s.now) } catch {
                result.running = false
                result.exitCode = error.runExitStatus
            }
            // The legacy builder shows a step's standard error in red (Fixtures/build 04).
            if !quiet { out(result.stdout + (result.stderr.isEmpty ? "" : "\u{1B}[91m" + result.stderr + "\u{1B}[0m")) }
            let code = result.running ? 0 : result.exitCode
            if code != 0 {
                let shown = ins.json.map { "[" + $0.map { "\"\($0)\"" }.joined(separator: " ") + "]" } ?? (built.shell ?? ["/bin/sh", "-c"]).joined(separator: " ") + " " + text
                // The failed step's container stays (docker ps -a shows it exited).
                return .failed("The command '\(shown)' returned a non-zero code: \(code)", status: Int32(code))
            }
            if let c = try? s.engine.containerIndex(id) {
                var container = s.engine.containers[c]
                // The files docker writes into every container (/etc/hosts, resolv.conf) are not the step's.
                container.files = ContainerNetworkFiles.restoringImageCopies(container.files, from: built.files)
                // The layer: what the step added, changed or deleted; its size, the bytes of the files.
                size = DockerEngine.diffSize(container.changes, files: container.files)
                if !container.changes.isEmpty {
                    layer = DockerEngine.chainID(on: base, diff: DockerEngine.diffDescription(container.changes, files: container.files))
                }
                built.files = container.files
                try? s.engine.remove(id, force: true, volumes: true, now: s.now)
            }
            if !quiet { out("Removing intermediate container \(cid.prefix(12))\n") }
        case "COPY", "ADD":
            let placed = place(copied, ins: ins, text: text, workingDir: base.workingDir, into: &built.files)
            size = placed.size
            let dest = placed.dest
            layer = DockerEngine.chainID(on: base, diff: ins.keyword + " " + dest + "\n" + placed.files.map { $0.path + "\u{0}" + $0.data }.joined(separator: "\n"))
            history = "/bin/sh -c #(nop) \(ins.keyword) file:\(StableHash.hex(key).prefix(64)) in \(dest) "
        default:
            if ins.keyword == "EXPOSE" {
                for p in text.split(separator: " ") {
                    let port = p.split(separator: "/").first ?? ""
                    guard PortSpec.portRange(port) != nil else { return .failed("Invalid containerPort: \(port)", status: 1) }
                }
            }
            let cid = s.ids.hexID()
            if !quiet { out(" ---> Running in \(cid.prefix(12))\n") }
            let folders = built.files.nodes.count
            apply(ins, text: text, to: &next, built: &built)
            // WORKDIR makes its folder in a container the builder commits: a layer when it was missing.
            if built.files.nodes.count != folders { layer = DockerEngine.chainID(on: base, diff: "WORKDIR " + next.workingDir) }
            history = nopHistory(ins, text: text, image: next, built: built)
            if !quiet { out("Removing intermediate container \(cid.prefix(12))\n") }
        }
        next.id = "sha256:" + s.ids.hexID()
        next.repoTags = []
        next.repoDigests = []
        next.created = s.now
        next.size = base.size + size
        built.history.insert(BuiltImage.HistoryStep(createdBy: history, created: s.now, size: size, imageID: next.id, layer: layer), at: 0)
        next.built = built
        s.engine.images.append(next)
        if !quiet { out(" ---> \(next.shortID)\n") }
        return .built(next.id)
    }

    /// Puts a COPY's or ADD's files in place: under the destination (relative to the working
    /// folder) as a folder when several are copied or it ends in `/`, ADD unpacking local tar
    /// archives. Returns the destination as written out, the bytes added and the files placed.
    static func place(_ copied: [(path: String, data: String)], ins: Dockerfile.Instruction, text: String, workingDir: String,
                      into files: inout VirtualFileSystem) -> (dest: String, size: Int64, files: [(path: String, data: String)]) {
        var copied = copied
        let parts = ins.json ?? text.split(separator: " ").map(String.init)
        var dest = parts.last ?? "."
        if !dest.hasPrefix("/") { dest = (workingDir.isEmpty ? "/" : workingDir) + "/" + dest }
        var many = copied.count > 1 || (parts.last?.hasSuffix("/") ?? false) || parts.count > 2
        if ins.keyword == "ADD", ins.flags["from"] == nil {
            // ADD unpacks a local tar archive (gzip'd or not) into the destination folder.
            var unpacked: [(path: String, data: String)] = []
            for (path, data) in copied {
                if let archive = try? TarArchive.decode(data) {
                    unpacked += archive.entries.compactMap { e in e.data.map { (e.name, $0) } }
                    many = true
                } else {
                    unpacked.append((path, data))
                }
            }
            copied = unpacked
        }
        var size: Int64 = 0
        for (path, data) in copied {
            let target = many || files.isDirectory(VirtualFileSystem.normalise(dest, cwd: "/")) ? dest + "/" + path : dest
            let full = VirtualFileSystem.normalise(target, cwd: "/")
            var dir = ""
            for part in full.split(separator: "/").dropLast() { dir += "/" + part; if !files.isDirectory(dir) { files.set(.directory, at: dir) } }
            files.set(.file(data), at: full)
            size += Int64(FileSize.of(data))
        }
        return (dest, size, copied)
    }

    /// The instructions whose arguments the builder expands `$NAME` in.
    static let substituted: Set<String> = ["ADD", "COPY", "ENV", "EXPOSE", "FROM", "LABEL", "STOPSIGNAL", "USER", "VOLUME", "WORKDIR", "ARG"]

    /// CREATED BY of a metadata step as the legacy builder records it: the stage's shell and
    /// `#(nop)`, then the instruction with its arguments as Go prints them (Fixtures/build 02):
    /// exec forms of CMD and ENTRYPOINT quoted, SHELL and VOLUME lists bare, WORKDIR resolved,
    /// LABEL without its quotes.
    static func nopHistory(_ ins: Dockerfile.Instruction, text: String, image: LocalImage, built: BuiltImage) -> String {
        let shell = (built.shell ?? ["/bin/sh", "-c"]).joined(separator: " ")
        let args: String
        switch ins.keyword {
        case "WORKDIR": return shell + " #(nop) WORKDIR " + image.workingDir
        case "HEALTHCHECK":
            // Go's %q of the HealthConfig: the test quoted, the durations as strings, the retries a rune.
            let test = (built.healthcheck ?? []).map { "\"\($0)\"" }.joined(separator: " ")
            let times = ["interval", "timeout", "start-period"].map { "\"" + HumanDuration.goDuration(ins.flags[$0].flatMap(RunOptions.goDuration) ?? 0) + "\"" }
            let retries = Int(ins.flags["retries"] ?? "") ?? 0
            let rune = retries < 0x20 ? "'\\x" + String(format: "%02x", retries) + "'" : "'" + String(UnicodeScalar(UInt8(min(retries, 126)))) + "'"
            args = "&{[" + test + "] " + times.joined(separator: " ") + " " + rune + "}"
        case "SHELL", "VOLUME": args = ins.json.map { "[" + $0.joined(separator: " ") + "]" } ?? text
        case "LABEL": args = splitWords(text).map { w in w.split(separator: "=", maxSplits: 1).map { unquote(String($0)) }.joined(separator: "=") }.joined(separator: " ")
        default: args = ins.json.map { "[" + $0.map { "\"\($0)\"" }.joined(separator: " ") + "]" } ?? text
        }
        return shell + " #(nop)  " + ins.keyword + " " + args
    }

    /// The metadata instructions: what each changes in the image's configuration.
    static func apply(_ ins: Dockerfile.Instruction, text: String, to image: inout LocalImage, built: inout BuiltImage) {
        switch ins.keyword {
        case "ENV", "LABEL":
            var pairs: [(String, String)] = []
            if ins.keyword == "ENV" && !text.contains("=") {
                let kv = text.split(separator: " ", maxSplits: 1)
                pairs = [(String(kv[0]), kv.count > 1 ? String(kv[1]) : "")]
            } else {
                for word in splitWords(text) {
                    let kv = word.split(separator: "=", maxSplits: 1)
                    pairs.append((String(kv[0]), kv.count > 1 ? unquote(String(kv[1])) : ""))
                }
            }
            for (k, v) in pairs {
                if ins.keyword == "LABEL" { built.labels[unquote(k)] = v; continue }
                image.env.removeAll { $0.hasPrefix(k + "=") }
                image.env.append(k + "=" + v)
            }
        case "EXPOSE":
            for p in text.split(separator: " ") { let port = p.contains("/") ? String(p) : p + "/tcp"; if !image.exposedPorts.contains(port) { image.exposedPorts.append(port) } }
            image.exposedPorts.sort()
        case "VOLUME":
            for v in ins.json ?? text.split(separator: " ").map(String.init) where !image.volumes.contains(v) { image.volumes.append(v) }
        case "WORKDIR":
            let dir = VirtualFileSystem.normalise(text, cwd: image.workingDir.isEmpty ? "/" : image.workingDir)
            image.workingDir = dir
            var path = ""
            for part in dir.split(separator: "/") { path += "/" + part; if !built.files.isDirectory(path) { built.files.set(.directory, at: path) } }
        case "USER": built.user = text
        case "CMD": image.cmd = ins.json ?? ((built.shell ?? ["/bin/sh", "-c"]) + [text])
        case "ENTRYPOINT":
            image.entrypoint = ins.json ?? ((built.shell ?? ["/bin/sh", "-c"]) + [text])
            image.cmd = nil
        case "HEALTHCHECK":
            if text.uppercased() == "NONE" { built.healthcheck = ["NONE"] } else {
                let command = text.hasPrefix("CMD ") ? String(text.dropFirst(4)) : text
                built.healthcheck = Dockerfile.jsonArray(command).map { ["CMD"] + $0 } ?? ["CMD-SHELL", command]
            }
            built.healthInterval = ins.flags["interval"].flatMap(RunOptions.goDuration)
            built.healthTimeout = ins.flags["timeout"].flatMap(RunOptions.goDuration)
            built.healthStartPeriod = ins.flags["start-period"].flatMap(RunOptions.goDuration)
            built.healthRetries = ins.flags["retries"].flatMap { Int($0) }
        case "STOPSIGNAL": built.stopSignal = text
        case "SHELL": built.shell = ins.json
        case "ONBUILD": built.onBuild.append(text)
        default: break
        }
    }

    /// Words separated by spaces, quotes kept together (`a="b c" d=e`).
    static func splitWords(_ text: String) -> [String] {
        var words: [String] = [], word = "", quote: Character?
        for c in text {
            if let q = quote { word.append(c); if c == q { quote = nil }; continue }
            if c == "\"" || c == "'" { quote = c; word.append(c); continue }
            if c == " " { if !word.isEmpty { words.append(word); word = "" }; continue }
            word.append(c)
        }
        if !word.isEmpty { words.append(word) }
        return words
    }

    static func unquote(_ s: String) -> String {
        if s.count >= 2, let f = s.first, f == "\"" || f == "'", s.last == f { return String(s.dropFirst().dropLast()) }
        return s
    }

    /// The files a COPY or ADD takes: from the context (globs, folders) or, with --from, another stage's image.
    static func sources(_ ins: Dockerfile.Instruction, base: LocalImage, context: [String: String], state: BuildState,
                        stages: [String: String], engine: DockerEngine) -> Result<[(path: String, data: String)], BuildFailure> {
        let parts = ins.json ?? state.substitute(ins.text, env: base.env).split(separator: " ").map(String.init)
        guard parts.count >= 2 else { return .failure(BuildFailure("\(ins.keyword) requires at least two arguments, but only one was provided. Destination could not be determined.")) }
        var out: [(String, String)] = []
        if let from = ins.flags["from"] {
            let ref = stages[from] ?? from
            guard let i = engine.imageIndex(ref) else { return .failure(BuildFailure("invalid from flag value \(from): " + ImageBuilder.pullRefusal(from))) }
            let files = engine.images[i].built?.files ?? ContainerFiles.template
            for src in parts.dropLast() {
                let path = VirtualFileSystem.normalise(src, cwd: "/")
                if let data = files.contents(of: path) { out.append((String(path.split(separator: "/").last ?? ""), data)); continue }
                let under = files.subtree(at: path).filter { !files.isDirectory($0) }
                guard !under.isEmpty else { return .failure(BuildFailure("COPY failed: stat \(path): file does not exist")) }
                for f in under { out.append((String(f.dropFirst(path.count + 1)), files.contents(of: f) ?? "")) }
            }
            return .success(out)
        }
        for src in parts.dropLast() {
            let clean = src.hasPrefix("./") ? String(src.dropFirst(2)) : src
            if clean == "." || clean.isEmpty {
                for (k, v) in context.sorted(by: { $0.key < $1.key }) { out.append((k, v)) }
                continue
            }
            if let data = context[clean] { out.append((String(clean.split(separator: "/").last ?? ""), data)); continue }
            let matched = context.keys.filter { ListFilters.globMatch(clean, $0) }.sorted()
            let under = context.keys.filter { $0.hasPrefix(clean + "/") }.sorted()
            if matched.isEmpty && under.isEmpty {
                return .failure(BuildFailure("COPY failed: file not found in build context or excluded by .dockerignore: stat \(clean): file does not exist"))
            }
            for k in matched { out.append((String(k.split(separator: "/").last ?? ""), context[k]!)) }
            for k in under { out.append((String(k.dropFirst(clean.count + 1)), context[k]!)) }
        }
        return .success(out)
    }
}

/// A build failure's message, as the client prints it.
struct BuildFailure: Error {
    let message: String
    init(_ message: String) { self.message = message }
}
