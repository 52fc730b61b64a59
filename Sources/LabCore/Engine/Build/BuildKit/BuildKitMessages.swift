/// What a BuildKit build says: its vertices' names, their statuses and its errors, each from the
/// source that prints it. The oracle's client has no buildx plugin, so none of this could be
/// recorded; every string was read in the versions docker 28.2.2 ships with: docker/buildx
/// v0.24.0, moby/buildkit v0.22.0 (which buildx vendors), moby/moby v28.2.2 (the engine's
/// builder-next, the "docker" driver), containerd v2 as buildkit vendors it.
public enum BuildKitMessages {
    // MARK: The builder

    /// `#0 building with "default" instance using docker driver`: docker/buildx commands/build.go
    /// (`progress.WithDesc(fmt.Sprintf("building with %q instance using %s driver", b.Name, b.Driver), …)`).
    /// docker/cli cmd/docker/builder.go names the builder after the current context (BUILDX_BUILDER).
    public static func description(builder: String) -> String {
        "building with \(goQuote(builder)) instance using docker driver"
    }

    // MARK: Vertex names (moby/buildkit frontend/dockerui/config.go, `WithInternalName`: "[internal] " + name)

    /// `ReadEntrypoint`: "load build definition from " + the Dockerfile's name (its base name; buildx
    /// build/opt.go `filepath.Base` of -f).
    public static func loadDefinition(_ filename: String) -> String { "[internal] load build definition from " + filename }
    /// `dockerIgnorePatterns`: "load " + DefaultDockerignoreName.
    public static let loadDockerignore = "[internal] load .dockerignore"
    /// `MainContext`.
    public static let loadContext = "[internal] load build context"
    /// frontend/dockerfile/dockerfile2llb/convert.go: `fmt.Sprintf("%s load metadata for %s", "[internal]", ref)`.
    public static func loadMetadata(_ ref: String) -> String { "[internal] load metadata for " + ref }
    /// moby builder/builder-next/exporter/mobyexporter/export.go `Name()`.
    public static let exportingToImage = "exporting to image"

    // MARK: Statuses

    /// moby/buildkit source/local/source.go: "transferring " + the local's name ("dockerfile",
    /// "context") + ":".
    public static func transferring(_ local: String) -> String { "transferring " + local + ":" }
    /// moby builder/builder-next/adapters/containerimage/pull.go: "resolve " + the reference.
    public static func resolve(_ ref: String) -> String { "resolve " + ref }
    /// pull.go: "extracting " + the layer's digest.
    public static func extracting(_ digest: String) -> String { "extracting " + digest }
    /// mobyexporter/export.go.
    public static let exportingLayers = "exporting layers"
    /// mobyexporter/export.go: `fmt.Sprintf("writing image %s", configDigest)`.
    public static func writingImage(_ id: String) -> String { "writing image " + id }
    /// mobyexporter/export.go: "naming to " + the tag as distribution/reference's
    /// ParseNormalizedNamed gives it (`docker.io/library/app`, no `:latest` added).
    public static func namingTo(_ name: String) -> String { "naming to " + name }

    // MARK: History

    /// dockerfile2llb/convert.go `historyComment`: every history line a Dockerfile build records.
    public static let historyComment = "buildkit.dockerfile.v0"
    /// convert.go `commitToHistory`: a line whose step made a layer ends in this.
    public static let historyLayerSuffix = " # buildkit"

    // MARK: Errors

    /// moby/buildkit client/solve.go: `errors.Wrap(err, "failed to solve")`.
    public static func failedToSolve(_ message: String) -> String { "failed to solve: " + message }
    /// solver/llbsolver/ops/exec.go (`process %q did not complete successfully`, the arguments
    /// joined by blanks) and frontend/gateway/pb/exit.go (`exit code: %d`).
    public static func processFailed(_ argv: [String], code: Int32) -> String {
        "process " + goQuote(argv.joined(separator: " ")) + " did not complete successfully: exit code: \(code)"
    }
    /// solver/llbsolver/ops/opsutils/contenthash.go (`failed to calculate checksum of ref %s`, the
    /// ref being the worker's id, `::`, the cache record's: worker/result.go) and
    /// cache/contenthash/checksum.go (`%q` of the path, `not found`). The vertex shows this; the
    /// build's error adds solver/edge.go's `failed to compute cache key: ` before it.
    public static func checksumNotFound(ref: String, path: String) -> String {
        "failed to calculate checksum of ref " + ref + ": " + goQuote(path) + ": not found"
    }
    public static func computeCacheKey(_ message: String) -> String { "failed to compute cache key: " + message }
    /// frontend/dockerfile/instructions/parse.go: `dockerfile parse error on line %d: %v`.
    public static func parseError(line: Int, _ message: String) -> String { "dockerfile parse error on line \(line): " + message }
    /// parse.go `UnknownInstructionError`, with util/suggest's ` (did you mean RUN?)` when an
    /// instruction is within two edits.
    public static func unknownInstruction(_ word: String, suggestion: String?) -> String {
        "unknown instruction: " + word + (suggestion.map { " (did you mean " + $0 + "?)" } ?? "")
    }
    /// dockerfile2llb/convert.go: the base name, then client/llb/sourceresolver/imageresolver.go's
    /// `failed to resolve source metadata for %s`, then the registry's answer (util/suggest may add
    /// ` (did you mean alpine?)`).
    public static func resolveMetadata(base: String, ref: String, _ answer: String, suggestion: String?) -> String {
        base + ": failed to resolve source metadata for " + ref + ": " + answer + (suggestion.map { " (did you mean " + $0 + "?)" } ?? "")
    }
    /// containerd core/remotes/docker/resolver.go and authorizer.go: Docker Hub answers a
    /// repository it does not have (or may not show) with a 401 whose challenge says
    /// `insufficient_scope` (RFC 6750 §3.1's error code).
    public static let pullAccessDenied =
        "pull access denied, repository does not exist or may require authorization: server message: insufficient_scope: authorization failed"
    /// resolver.go: a 404 (no such tag): `%s: %w` of the reference and errdefs.ErrNotFound.
    public static func notFound(_ ref: String) -> String { ref + ": not found" }
    /// convert.go.
    public static let emptyDockerfile = "the Dockerfile cannot be empty"
    public static let noStages = "dockerfile contains no stages to build"
    /// frontend/dockerfile/instructions/commands.go (an instruction before any FROM).
    public static let noBuildStage = "no build stage in current context"
    /// convert.go: `target stage %q could not be found` (util/suggest adds a near stage name).
    public static func targetNotFound(_ target: String, suggestion: String?) -> String {
        "target stage " + goQuote(target) + " could not be found" + (suggestion.map { " (did you mean " + $0 + "?)" } ?? "")
    }
    /// frontend/dockerui/config.go (`failed to read dockerfile`) and cache/util/fsutil.go (the
    /// path error names the file as requested).
    public static func readDockerfile(_ name: String) -> String { "failed to read dockerfile: open " + name + ": no such file or directory" }
    /// docker/buildx build/opt.go `loadInputs`.
    public static func prepareContext(_ path: String) -> String { "unable to prepare context: path " + goQuote(path) + " not found" }
    /// build/opt.go (`invalid tag %q`) and distribution/reference v0.6.0 `Parse`'s errors.
    public static func invalidTag(_ tag: String, _ reason: String) -> String { "invalid tag " + goQuote(tag) + ": " + reason }
    /// docker/buildx commands/build.go `toDisplayMode`.
    public static func progressAndQuiet(_ mode: String) -> String { "progress=" + mode + " and quiet cannot be used together" }
    /// moby/buildkit util/progress/progressui/display.go `NewDisplay`.
    public static func invalidProgressMode(_ mode: String) -> String { "invalid progress mode " + mode }
    /// display.go `NewDisplay` (`failed to get console`) and containerd/console's ErrNotAConsole:
    /// `--progress=tty` when standard error is not a terminal.
    public static let notAConsole = "failed to get console: provided file is not a console"
    /// docker/buildx store/storeutil/storeutil.go `GetNodeGroup`.
    public static func noBuilder(_ name: String) -> String { "no builder " + goQuote(name) + " found" }
    /// docker/buildx cmd/buildx/main.go prints every error but a status error as `ERROR: %v`.
    public static func error(_ message: String) -> String { "ERROR: " + message + "\n" }
    /// docker/cli v28.1.1 (vendored by buildx) cli/required.go `ExactArgs`, for `docker buildx build`.
    public static let requiresOneArgument = "docker: 'docker buildx build' requires 1 argument\n\nUsage:  " + buildUsage
        + "\n\nRun 'docker buildx build --help' for more information"
    /// docker/buildx commands/build.go: `Use: "build [OPTIONS] PATH | URL | -"`.
    public static let buildUsage = "docker buildx build [OPTIONS] PATH | URL | -"
}
