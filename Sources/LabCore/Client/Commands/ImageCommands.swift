/// The image commands on the daemon side: pull, tag, rmi, prune (Fixtures/engine/transcripts/04).
enum ImageCommands {
    /// Why the registry has nothing for a reference: an unknown tag of a known repository
    /// (the registry's answer, seen from the oracle's registry), or Docker Hub's denial of an
    /// unknown repository (moby daemon/internal/distribution/errors.go wrapping Hub's `denied`).
    static func pullError(_ name: ImageName, hub: DockerHub = DockerHub()) -> EngineError {
        if name.repository.containsUppercase { return .other(DockerMessages.daemonRepositoryMustBeLowercase, status: 1) }
        if ImageCatalogue.entries.contains(where: { $0.repository == name.repository }) || DockerEngine.hubHasRepository(name, hub: hub) {
            return .other("manifest for \(name.familiar) not found: manifest unknown: manifest unknown", status: 404)
        }
        return .other("pull access denied for \(name.repository), repository does not exist or may require 'docker login': denied: requested access to the resource is denied", status: 404)
    }

    static func pull(_ i: DockerInvocation, _ p: inout ProcessContext, _ s: inout DaemonSession) -> Int32 {
        let reference = i.arguments[0]
        let name = ImageName(reference)
        let quiet = i.flag("quiet")
        if !quiet, !reference.contains(":") || reference.split(separator: "/").last?.contains(":") == false, !reference.contains("@") {
            p.write("Using default tag: latest\n")
        }
        if let host = DockerEngine.registryHost(name.repository) {
            switch s.engine.pullFromRegistry(name, host: host, now: s.now) {
            case .success(let lines):
                p.write(quiet ? name.canonical + "\n" : lines.joined(separator: "\n") + "\n" + name.canonical + "\n")
                return 0
            case .failure(let error):
                p.writeError("Error response from daemon: \(error.message)\n")
                return 1
            }
        }
        guard let lines = s.pull(name) else {
            p.writeError("Error response from daemon: \(pullError(name, hub: s.hub).message)\n")
            return 1
        }
        // 20-version-info: `docker pull -q nginx` prints the canonical name alone.
        p.write(quiet ? name.canonical + "\n" : lines.joined(separator: "\n") + "\n" + name.canonical + "\n")
        return 0
    }

    /// `docker push`: to a private registry on this machine (Engine+Registry), or to Docker Hub
    /// as the user config.json's credentials name (DockerHub).
    static func push(_ i: DockerInvocation, _ p: inout ProcessContext, _ s: inout DaemonSession) -> Int32 {
        let reference = i.arguments[0]
        // -q: no default-tag note and no progress, the pushed reference in full at the end (docker/cli push.go).
        let quiet = i.flag("quiet")
        let untagged = ImageName(reference).tag == nil || !(reference.split(separator: "/").last ?? "").contains(":")
        if untagged && !quiet { p.write("Using default tag: latest\n") }
        let (lines, error) = if let host = DockerEngine.registryHost(ImageName(reference).repository) {
            s.engine.push(reference, host: host, now: s.now)
        } else {
            s.engine.pushToHub(reference, user: LoginCommand.hubUser(p, files: s.files), hub: &s.hub)
        }
        if !quiet { p.write(lines.map { $0 + "\n" }.joined()) }
        if let error {
            p.writeError(error + "\n")
            return 1
        }
        if quiet { p.write(ImageName(untagged ? reference + ":latest" : reference).canonical + "\n") }
        return 0
    }

    static func tag(_ i: DockerInvocation, _ p: inout ProcessContext, _ s: inout DaemonSession) -> Int32 {
        do {
            try s.engine.tag(i.arguments[0], as: i.arguments[1], now: s.now)
            return 0
        } catch {
            p.writeError("Error response from daemon: \(error.message)\n")
            return 1
        }
    }

    /// `docker rmi`: with -f a missing image is reported but does not fail the command.
    static func remove(_ i: DockerInvocation, _ p: inout ProcessContext, _ s: inout DaemonSession) -> Int32 {
        let force = i.flag("force")
        return EachReference.run(i.arguments, &p, &s, tolerated: { if case .noSuchImage = $0 { return force } else { return false } }) {
            (s: inout DaemonSession, ref: String) throws(EngineError) in
            try s.engine.removeImage(ref, force: force, prune: !i.flag("no-prune"), now: s.now)
        }
    }

    /// `docker image prune`: dangling images (or, with -a, every image no container uses), each
    /// with the parents and layers only it held (DockerEngine.pruneImages).
    static func prune(_ i: DockerInvocation, _ p: inout ProcessContext, _ s: inout DaemonSession) -> Int32 {
        PruneOutput.single(.images, i, &p, &s)
    }
}
