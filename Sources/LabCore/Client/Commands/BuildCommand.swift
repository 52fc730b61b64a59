/// `docker build` (docker/cli cli/command/image/build.go with the legacy builder, as the
/// oracle's client runs it without buildx): the client checks the context and the Dockerfile,
/// reports the context it sends, and the daemon runs the build (LegacyBuild), whose output the
/// client prints.
enum BuildCommand {
    /// The context folder of `docker build -`: none, the client sending the Dockerfile alone.
    static let noContext = "/nonexistent-build-context"

    static func execute(_ i: DockerInvocation, _ p: inout ProcessContext, _ s: inout DaemonSession) -> Int32 {
        let contextArg = i.arguments.first ?? "."
        // `docker build -`: the Dockerfile comes on standard input, with an empty context.
        let fromStdin = contextArg == "-"
        let contextDir = fromStdin ? noContext : p.resolve(contextArg)
        guard fromStdin || s.files.isDirectory(contextDir) else {
            p.writeError("unable to prepare context: path \"\(contextArg)\" not found\n")
            return 1
        }
        let dockerfileArg = i.value("file") ?? "Dockerfile"
        let dockerfilePath = dockerfileArg.hasPrefix("/") ? dockerfileArg : VirtualFileSystem.normalise(dockerfileArg, cwd: i.value("file") == nil ? contextDir : p.workingDirectory)
        guard let text = fromStdin ? p.stdin : s.files.contents(of: dockerfilePath) else {
            p.writeError("unable to prepare context: unable to evaluate symlinks in Dockerfile path: lstat \(dockerfilePath): no such file or directory\n")
            return 1
        }
        var args: [String: String] = [:]
        for a in i.values("build-arg") {
            let kv = a.split(separator: "=", maxSplits: 1)
            args[String(kv[0])] = kv.count > 1 ? String(kv[1]) : (p.environment[String(kv[0])] ?? "")
        }
        let tags = i.values("tag").map { ImageName($0).tag == nil && !$0.contains("@") ? $0 + ":latest" : $0 }
        return build(text: text, dockerfileName: dockerfileArg, contextDir: contextDir, tags: tags, args: args, noCache: i.flag("no-cache"),
                     target: i.value("target"), quiet: i.flag("quiet"), &p, &s)
    }

    /// Builds from a Dockerfile's text and a context folder, printing as the client does
    /// (`docker build` and docker-compose's builds share it).
    static func build(text: String, dockerfileName: String, contextDir: String, tags: [String], args: [String: String], noCache: Bool,
                      target: String?, quiet: Bool, _ p: inout ProcessContext, _ s: inout DaemonSession) -> Int32 {
        let dockerfileArg = dockerfileName
        let context = ImageBuilder.context(s.files, dir: contextDir)
        if !quiet {
            // The client's progress line, the size right-aligned in eight columns (Fixtures/build 04).
            let sent = contextDir == noContext ? ImageBuilder.contextSize(["Dockerfile": text], folders: 0)
                : ImageBuilder.contextSize(context, folders: ImageBuilder.contextFolders(s.files, dir: contextDir))
            let size = HumanSize.format(Double(sent), base: 1000, units: HumanSize.decimal, precision: 4)
            p.write("Sending build context to Docker daemon " + String(repeating: " ", count: max(0, 8 - size.count)) + size + "\n")
        }
        let request = LegacyBuild.Request(text: text, dockerfileName: dockerfileArg, contextDir: contextDir, tags: tags, args: args,
                                          noCache: noCache, target: target, quiet: quiet)
        switch LegacyBuild.run(request, &s) {
        case .refused(let message):
            p.writeError("Error response from daemon: \(message)\n")
            return 1
        case .ran(let output, .failed(let message, let status)):
            p.write(output)
            p.writeError(message + "\n")
            return status
        case .ran(let output, .built(let id)):
            p.write(output)
            if quiet { p.write(id + "\n") }
            return 0
        }
    }
}
