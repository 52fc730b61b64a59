/// Which builder a `docker` command line goes to, as docker/cli v28.2.2 decides it
/// (cmd/docker/builder.go `processBuilder`, run for every command before it is parsed):
///
/// - `DOCKER_BUILDKIT`, when set, must be a Go boolean, or every command fails;
/// - with the buildx plugin installed and BuildKit not disabled, `docker build`, `docker image
///   build` and `docker builder build` become `docker buildx build` (BuildKit, its plain progress);
/// - `DOCKER_BUILDKIT=0` keeps the legacy builder, with its deprecation notice;
/// - without the plugin the legacy builder runs with the "install buildx" notice, and
///   `DOCKER_BUILDKIT=1` is refused (the notices are ClientMessages.buildKitChoice's).
///
/// How the lab knows buildx is installed: as the client does, by the plugin's file. A lab machine
/// is a learner's docker-ce, whose docker-buildx-plugin package puts the plugin in
/// /usr/libexec/docker/cli-plugins; the client looks there, in the other system folders and in
/// its config folder's cli-plugins (docker/cli cli-plugins/manager/manager.go `getPluginDirs`,
/// manager_unix.go `defaultSystemPluginDirs`). Removing the file makes the lab's client the
/// oracle's (buildx-less) one, which is how the recorded transcripts replay.
public struct BuilderRouting: Sendable, Equatable {
    /// Whether the grammar has `docker buildx`.
    public var buildxInstalled: Bool
    /// Whether `docker build` and its aliases go to `docker buildx build`.
    public var forwardBuilds: Bool

    public init(buildxInstalled: Bool, forwardBuilds: Bool) {
        self.buildxInstalled = buildxInstalled
        self.forwardBuilds = forwardBuilds
    }

    /// The recorded client's: no buildx.
    public static let recorded = BuilderRouting(buildxInstalled: false, forwardBuilds: false)

    /// Where docker-ce's docker-buildx-plugin package installs the plugin (a lab machine has it).
    public static let pluginPath = "/usr/libexec/docker/cli-plugins/docker-buildx"

    /// What the lab puts in the plugin's file (the real one is a program).
    public static let pluginFile = "lab: the docker-buildx plugin (docker/buildx v0.24.0), simulated by the lab's docker client\n"

    /// The system folders the client searches for plugins (manager_unix.go).
    static let systemPluginDirs = ["/usr/local/lib/docker/cli-plugins", "/usr/local/libexec/docker/cli-plugins",
                                   "/usr/lib/docker/cli-plugins", "/usr/libexec/docker/cli-plugins"]

    /// The routing for a command run with `environment` on a machine with `files`, or the client's
    /// error (printed alone, exit 1) when DOCKER_BUILDKIT is not a boolean.
    /// Only a line with a word `build` or `buildx` (`mayBuild`) needs the plugin looked for.
    static func decide(buildKit: String?, files: VirtualFileSystem, configDir: @autoclosure () -> String,
                       mayBuild words: [String]) -> Result<BuilderRouting, BuilderError> {
        var disabled = false
        if let value = buildKit, !value.isEmpty {
            guard let enabled = GoValues.parseBool(value) else {
                return .failure(BuilderError(message: "DOCKER_BUILDKIT environment variable expects boolean value: "
                                                + DockerMessages.parseBoolError(value) + "\n"))
            }
            disabled = !enabled
        }
        guard words.contains(where: { $0.sameBytes("build") || $0.sameBytes("buildx") }) else { return .success(.recorded) }
        let installed = (systemPluginDirs + [configDir() + "/cli-plugins"]).contains { files.node(at: $0 + "/docker-buildx") != nil }
        return .success(BuilderRouting(buildxInstalled: installed, forwardBuilds: installed && !disabled))
    }

    /// The client's refusal of a DOCKER_BUILDKIT that is not a boolean.
    struct BuilderError: Error, Equatable { let message: String }

    /// The words after the global flags with a build command replaced by `buildx build`, as
    /// builder.go `forwardBuilder` replaces them (only at the start); nil for other commands.
    /// (`docker builder` + anything else goes to buildx too in the real client; the lab keeps the
    /// recorded `docker builder prune`.)
    static func forwarded(_ words: ArraySlice<String>) -> ArraySlice<String>? {
        guard let first = words.first else { return nil }
        let second = words.dropFirst().first
        if first == "build" { return ArraySlice(["buildx", "build"] + words.dropFirst()) }
        if (first == "image" || first == "builder") && second == "build" { return ArraySlice(["buildx", "build"] + words.dropFirst(2)) }
        return nil
    }
}
