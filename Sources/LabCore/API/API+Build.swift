/// `POST /build`, behind the real client's legacy `docker build` (`DOCKER_BUILDKIT=0`, or a
/// client without buildx): the body is a tar of the build context (the client has applied
/// `.dockerignore`), the query names the Dockerfile, the tags (`t`, repeated), `buildargs` (a JSON
/// object), `nocache`, `q` and `target`. The context is unpacked in a scratch folder of the
/// machine's files (where moby unpacks it, /var/lib/docker/tmp), the engine's legacy build runs
/// over it (LegacyBuild, as `lab sh`'s `docker build`), and the folder is removed. The answer is
/// the builder's JSON stream (moby api/server/router/build/build_routes.go): each line of output
/// as `{"stream":…}`, the image id as an aux message, a failure as `{"errorDetail":…,"error":…}`
/// once output was written, and as an error response before it.
extension EngineAPI {
    /// Where the context is unpacked while the build runs.
    static let buildScratch = "/var/lib/docker/tmp/docker-builder-lab"

    static func build(_ c: inout Context, lab: inout Lab) throws(APIError) -> APIResponse {
        let r = c.request
        switch r.value("version") ?? "" {
        case "", "1": break
        // A daemon whose BuildKit is not enabled (moby v18.06 build_routes.go; the lab's /_ping
        // advertises Builder-Version 1).
        case "2": throw .invalid("buildkit is only supported with experimental mode")
        case let v: throw APIError(status: 500, message: "invalid version \"\(v)\"")
        }
        let tags = r.values("t").filter { !$0.isEmpty }.map { ImageName($0).tag == nil && !$0.contains("@") ? $0 + ":latest" : $0 }
        var args: [String: String] = [:]
        if let text = r.value("buildargs"), !text.isEmpty, case .object(let o)? = try? JSONValue(parsing: text) {
            for key in o.keys { args[key] = o[key]?.stringValue ?? "" }
        }
        let dockerfileName = (r.value("dockerfile") ?? "").isEmpty ? "Dockerfile" : r.value("dockerfile") ?? ""
        let quiet = r.flag("q"), noCache = r.flag("nocache")
        let target = (r.value("target") ?? "").isEmpty ? nil : r.value("target")
        // A body that is no tar is the Dockerfile itself (moby remotecontext reads it so).
        let archive = try? TarArchive.decode(bytes: r.body, openEnd: true)
        let answer = try withEngine(&lab) { (s: inout DaemonSession) throws(APIError) -> LegacyBuild.Answer in
            let dir = buildScratch
            try? s.files.remove(dir, recursive: true)
            // The first folder of the path the machine lacks goes again afterwards, with the rest.
            var made = dir
            var path = ""
            for part in dir.split(separator: "/") {
                path += "/" + part
                if !s.files.isDirectory(path) { made = path; break }
            }
            try? s.files.makeDirectory(dir, parents: true)
            defer { try? s.files.remove(made, recursive: true) }
            let text: String
            if let archive {
                unpack(archive, at: dir, into: &s.files)
                let path = VirtualFileSystem.normalise(dockerfileName, cwd: dir)
                guard let t = s.files.contents(of: path) else { throw APIError(status: 500, message: "Cannot locate specified Dockerfile: \(dockerfileName)") }
                text = t
            } else {
                text = String(decoding: r.body, as: UTF8.self)
            }
            let request = LegacyBuild.Request(text: text, dockerfileName: dockerfileName, contextDir: archive == nil ? BuildCommand.noContext : dir,
                                              tags: tags, args: args, noCache: noCache, target: target, quiet: quiet)
            return LegacyBuild.run(request, &s)
        }
        switch answer {
        case .refused(let message): throw APIError(status: 400, message: message)
        case .ran(let output, let outcome):
            var body: [UInt8] = []
            func send(_ message: JSONValue) { body += Array((message.compactJSON() + "\n").utf8) }
            for line in Self.streamLines(output) { send(["stream": .string(line)]) }
            switch outcome {
            case .failed(let message, let status):
                let detail: JSONValue = status == 1 ? ["message": .string(message)] : ["code": .int(Int64(status)), "message": .string(message)]
                send(["errorDetail": detail, "error": .string(message)])
            case .built(let id):
                send(["aux": ["ID": .string(id)]])
                if quiet { send(["stream": .string(id + "\n")]) }
                c.record(APIHistory.line(buildWords(tags: r.values("t"), dockerfile: dockerfileName, args: args, noCache: noCache, target: target, quiet: quiet)))
            }
            return APIResponse(status: 200, headers: [("Content-Type", "application/json")], body: body)
        }
    }

    /// Writes the context's members under `dir`, folders first made; a member that would land
    /// outside it (`../x`) is left out.
    static func unpack(_ archive: TarArchive, at dir: String, into files: inout VirtualFileSystem) {
        for entry in archive.entries {
            let path = VirtualFileSystem.normalise(dir + "/" + entry.name, cwd: "/")
            guard path.hasPrefix(dir + "/") else { continue }
            if let data = entry.data {
                try? files.makeDirectory(VirtualFileSystem.parent(of: path), parents: true)
                files.set(.file(data), at: path)
            } else {
                try? files.makeDirectory(path, parents: true)
            }
        }
    }

    /// Output split after each newline, as the builder writes it (a message a line).
    static func streamLines(_ text: String) -> [String] {
        var lines: [String] = []
        var current = ""
        for ch in text {
            current.append(ch)
            if ch == "\n" { lines.append(current); current = "" }
        }
        if !current.isEmpty { lines.append(current) }
        return lines
    }

    /// The `docker build` line the request stands for (the context folder the client sent is not
    /// known: `.`).
    static func buildWords(tags: [String], dockerfile: String, args: [String: String], noCache: Bool, target: String?, quiet: Bool) -> [String] {
        var words = ["docker", "build"]
        if dockerfile != "Dockerfile" { words += ["-f", dockerfile] }
        for key in args.keys.sorted() { words += ["--build-arg", key + "=" + (args[key] ?? "")] }
        if noCache { words.append("--no-cache") }
        if let target { words += ["--target", target] }
        if quiet { words.append("-q") }
        for t in tags where !t.isEmpty { words += ["-t", t] }
        return words + ["."]
    }
}
