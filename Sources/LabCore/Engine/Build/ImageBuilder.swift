/// `docker build` with the legacy builder (moby builder/dockerfile, as the oracle's Engine 20.10
/// runs it): each instruction makes an image on top of the last, RUN in an intermediate
/// container whose file changes become the layer, COPY and ADD from the build context (less
/// what `.dockerignore` excludes); a step whose parent and instruction (and, for COPY/ADD, the
/// copied files) match an earlier build is taken from the cache. It prints what the legacy
/// builder prints: `Step N/M : …`, ` ---> Running in …`, ` ---> Using cache`, the image ids.
struct ImageBuilder {
    /// What the build was asked for.
    struct Request {
        var contextDir: String
        var dockerfile: Dockerfile
        var tags: [String]
        var buildArgs: [String: String]
        var noCache: Bool
        var target: String?
        var quiet: Bool
    }

    /// A build's outcome: the image id, or the failure the client prints (and its status).
    enum Outcome: Equatable {
        case built(String)
        case failed(String, status: Int32)
    }

    /// The build context: every file under the folder, less what `.dockerignore` excludes, by relative path.
    static func context(_ files: VirtualFileSystem, dir: String) -> [String: String] {
        var out: [String: String] = [:]
        walkContext(files, dir: dir) { rel, path in if !files.isDirectory(path) { out[rel] = files.contents(of: path) ?? "" } }
        return out
    }

    /// The folders the context sends (each is an entry of the client's tar).
    static func contextFolders(_ files: VirtualFileSystem, dir: String) -> Int {
        var count = 0
        walkContext(files, dir: dir) { _, path in if files.isDirectory(path) { count += 1 } }
        return count
    }

    /// Every entry under the folder (not the folder itself) that `.dockerignore` lets through.
    static func walkContext(_ files: VirtualFileSystem, dir: String, _ body: (_ relative: String, _ path: String) -> Void) {
        let ignore = DockerIgnore(files.contents(of: dir + "/.dockerignore") ?? "")
        for path in files.subtree(at: dir) where path.count > dir.count + 1 {
            let rel = String(path.dropFirst(dir.count + (dir.hasSuffix("/") ? 0 : 1)))
            if ignore.excludes(rel) { continue }
            body(rel, path)
        }
    }

    /// The size the client reports sending (a tar of the context: a 512-byte header an entry, a
    /// file's data rounded up to 512, and the two closing blocks).
    static func contextSize(_ context: [String: String], folders: Int) -> Int {
        context.values.reduce(1024 + 512 * folders) { $0 + 512 + (FileSize.of($1) + 511) / 512 * 512 }
    }

    /// Runs the build on the session's engine, writing its progress to `out`.
    static func build(_ r: Request, _ s: inout DaemonSession, out: (String) -> Void) -> Outcome {
        let context = Self.context(s.files, dir: r.contextDir)
        var state = BuildState(args: r.buildArgs)
        if let target = r.target, !r.dockerfile.instructions.contains(where: { ins in
            ins.keyword == "FROM" && ins.text.split(separator: " ").count == 3 && ins.text.split(separator: " ")[2].lowercased() == target.lowercased()
        }) {
            // The daemon refuses before the first step (Fixtures/build 03).
            return .failed("Error response from daemon: failed to reach build target \(target) in Dockerfile", status: 1)
        }
        let steps = stagesToRun(r.dockerfile.instructions, target: r.target)
        let total = steps.count
        var image: Int?
        var stageImages: [String: String] = [:]
        var stageIndex = 0
        for (k, ins) in steps.enumerated() {
            if !r.quiet { out("Step \(k + 1)/\(total) : \(ins.original)\n") }
            if ins.keyword == "FROM" {
                let words = state.substitute(ins.text).split(separator: " ").map(String.init)
                let ref = words.first ?? ""
                if ref.contains(where: \.isUppercase) && stageImages[ref] == nil {
                    return .failed(DockerMessages.daemonRepositoryMustBeLowercase, status: 1)
                }
                if let named = stageImages[ref], let i = s.engine.imageIndex(named) {
                    image = i
                } else {
                    if s.engine.imageIndex(ref) == nil {
                        guard let lines = s.pull(ImageName(ref)) else { return .failed(pullRefusal(ref), status: 1) }
                        if !r.quiet { out(lines.map { $0 + "\n" }.joined()) }
                    }
                    image = s.engine.imageIndex(ref)
                }
                if words.count >= 3, words[1].uppercased() == "AS" { state.stageName = words[2] } else { state.stageName = String(stageIndex) }
                stageIndex += 1
                state.resetStage()
                if let base = image, let triggers = s.engine.images[base].built?.onBuild, !triggers.isEmpty {
                    // The base's ONBUILD instructions run first, then leave the stage (Fixtures/build 02).
                    if !r.quiet { out("# Executing \(triggers.count) build trigger\(triggers.count == 1 ? "" : "s")\n") }
                    var current = base
                    for trigger in triggers {
                        guard let ins = (try? Dockerfile.parse(trigger))?.instructions.first else { continue }
                        switch step(ins, from: current, context: context, state: &state, stages: stageImages, noCache: r.noCache, quiet: r.quiet, &s, out: out) {
                        case .built(let id): current = s.engine.imageIndex(id) ?? current
                        case .failed(let message, let status): return .failed(message, status: status)
                        }
                    }
                    if current != base { s.engine.images[current].built?.onBuild = [] }
                    image = current
                } else if let image, !r.quiet {
                    out(" ---> \(s.engine.images[image].shortID)\n")
                }
                if let image { stageImages[state.stageName] = s.engine.images[image].id }
                continue
            }
            guard let current = image else { return .failed("Please provide a source image with `from` prior to commit", status: 1) }
            switch step(ins, from: current, context: context, state: &state, stages: stageImages, noCache: r.noCache, quiet: r.quiet, &s, out: out) {
            case .built(let id):
                image = s.engine.imageIndex(id)
                stageImages[state.stageName] = id
            case .failed(let message, let status):
                return .failed(message, status: status)
            }
        }
        guard let image else { return .failed("no build stage in current context", status: 1) }
        // --build-arg names no ARG of the steps run declares (the proxy variables are predefined).
        let declared = Set(steps.filter { $0.keyword == "ARG" }.flatMap { $0.text.split(separator: " ").map { String($0.prefix { $0 != "=" }) } })
        let unused = r.buildArgs.keys.filter { !declared.contains($0) && !Self.predefinedArgs.contains($0) }.sorted()
        if !unused.isEmpty && !r.quiet { out("[Warning] One or more build-args [\(unused.joined(separator: " "))] were not consumed\n") }
        let id = s.engine.images[image].id
        return .built(id)
    }

    /// The build arguments every build knows without an ARG (the Dockerfile reference's list).
    static let predefinedArgs: Set<String> = ["HTTP_PROXY", "http_proxy", "HTTPS_PROXY", "https_proxy", "FTP_PROXY", "ftp_proxy",
                                              "NO_PROXY", "no_proxy", "ALL_PROXY", "all_proxy"]

    /// What Docker Hub answers for an image it does not have (the oracle, offline, cannot show it:
    /// the same refusal `docker pull` prints, Fixtures/engine 04).
    static func pullRefusal(_ ref: String) -> String {
        let name = ImageName(ref)
        if ImageCatalogue.entry(repository: name.repository, tag: "latest") != nil || ImageCatalogue.entries.contains(where: { $0.repository == name.repository }) {
            return "manifest for \(name.familiar) not found: manifest unknown: manifest unknown"
        }
        return "pull access denied for \(name.repository), repository does not exist or may require 'docker login': denied: requested access to the resource is denied"
    }

    /// The instructions of the stages up to `--target` (all of them without it).
    static func stagesToRun(_ all: [Dockerfile.Instruction], target: String?) -> [Dockerfile.Instruction] {
        guard let target else { return all }
        var out: [Dockerfile.Instruction] = []
        var inTarget = false
        for ins in all {
            if ins.keyword == "FROM" {
                if inTarget { break }
                let words = ins.text.split(separator: " ")
                inTarget = words.count >= 3 && words[1].uppercased() == "AS" && words[2].lowercased() == target.lowercased()
            }
            out.append(ins)
        }
        return out
    }
}
