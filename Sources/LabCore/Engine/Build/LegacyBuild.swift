/// The daemon's side of a legacy `docker build` (moby builder/dockerfile and the build backend,
/// as the oracle's Engine 20.10 runs them): the Dockerfile is checked (parse errors, an empty
/// file, no FROM) before anything is written, which the daemon answers as an error response;
/// then the steps run (ImageBuilder), and on success the daemon itself writes `Successfully
/// built ID` and a `Successfully tagged NAME` per tag. `lab sh`'s `docker build` (BuildCommand)
/// and the Engine API's `POST /build` both run builds through here, so they print the same.
enum LegacyBuild {
    /// What was asked: the Dockerfile's text and its name as the client gave it, the context's
    /// folder on the machine, and the options.
    struct Request {
        var text: String
        var dockerfileName: String
        var contextDir: String
        var tags: [String]
        var args: [String: String]
        var noCache: Bool
        var target: String?
        var quiet: Bool
    }

    /// How the daemon answered.
    enum Answer: Equatable {
        /// Refused before any output: the message of the daemon's error response.
        case refused(String)
        /// The build ran: what it wrote (the steps' progress, and on success the daemon's closing
        /// lines), then how it ended.
        case ran(output: String, outcome: ImageBuilder.Outcome)
    }

    static func run(_ r: Request, _ s: inout DaemonSession) -> Answer {
        let dockerfile: Dockerfile
        do {
            dockerfile = try Dockerfile.parse(r.text)
        } catch {
            return .refused("dockerfile parse error line \(error.line): \(error.message)")
        }
        if dockerfile.instructions.isEmpty { return .refused("the Dockerfile (\(r.dockerfileName)) cannot be empty") }
        if dockerfile.instructions.first(where: { $0.keyword != "ARG" })?.keyword != "FROM" {
            return .refused("no build stage in current context")
        }
        let request = ImageBuilder.Request(contextDir: r.contextDir, dockerfile: dockerfile, tags: r.tags, buildArgs: r.args,
                                           noCache: r.noCache, target: r.target, quiet: r.quiet)
        var printed = ""
        let outcome = ImageBuilder.build(request, &s) { printed += $0 }
        switch outcome {
        case .failed(let message, _):
            // The target check comes before the first step: the daemon's error response.
            let prefix = "Error response from daemon: "
            if printed.isEmpty, message.hasPrefix(prefix) { return .refused(String(message.dropFirst(prefix.count))) }
        case .built(let id):
            for tag in r.tags { try? s.engine.tag(id, as: tag, now: s.now) }
            if !r.quiet {
                printed += "Successfully built \(id.dropFirst(7).prefix(12))\n"
                for tag in r.tags { printed += "Successfully tagged \(ImageName(tag).familiar)\n" }
            }
        }
        return .ran(output: printed, outcome: outcome)
    }
}
