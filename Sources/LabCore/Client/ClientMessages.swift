/// What the docker client itself prints before (or instead of) talking to the daemon, kept in one
/// place. Every text here was printed by the real docker 28.2.2 client on this machine, without a
/// daemon (`DOCKER_HOST=unix:///nonexistent docker …`, standard input not a terminal); the line above
/// each names the command that showed it. The grammar's own messages live in Grammar/.
public enum ClientMessages {
    /// `docker run -it alpine` with standard input not a terminal (and not --detach).
    public static let inputNotATTY = "the input device is not a TTY\n"

    /// `docker login` and `docker login -u bob` with standard input not a terminal.
    public static let interactiveLoginWithoutTTY = "Error: Cannot perform an interactive login from a non TTY device\n"
    /// `docker login -p x --password-stdin`.
    public static let loginPasswordConflict = "conflicting options: cannot specify both --password and --password-stdin\n"
    /// `docker login --password-stdin`.
    public static let loginStdinNeedsUsername = "the --password-stdin option requires --username to be set\n"
    /// `docker login -u a -p x` (then the login goes ahead).
    public static let loginPasswordOnCommandLine = "WARNING! Using --password via the CLI is insecure. Use --password-stdin.\n"
    /// `docker logout` (Docker Hub) and `docker logout localhost:5001`.
    public static func removingCredentials(_ server: String) -> String { "Removing login credentials for " + server + "\n" }
    /// A login that succeeded, credentials kept in `path` (Fixtures/build 05, with the engine).
    public static func credentialsStoredUnencrypted(_ path: String) -> String {
        "\nWARNING! Your credentials are stored unencrypted in '\(path)'.\nConfigure a credential helper to remove this warning. See\nhttps://docs.docker.com/go/credential-store/\n\n"
    }
    public static let loginSucceeded = "Login Succeeded\n"

    /// `docker save -o /nonexistent/dir/x.tar alpine`: the client checks the folder before the daemon.
    public static func saveOutputFolderMissing(_ folder: String) -> String {
        "failed to save image: invalid output path: stat \(folder): no such file or directory\n"
    }

    /// `docker ps` (and most commands) when the daemon cannot be reached at `host`.
    public static func cannotConnect(_ host: String) -> String {
        "Cannot connect to the Docker daemon at \(host). Is the docker daemon running?\n"
    }

    /// `docker run nginx` when the daemon cannot be reached (exit 125); `docker container run` prints
    /// the same footer, naming `docker run`.
    public static func runCannotConnect(_ host: String) -> String {
        "docker: " + cannotConnect(host) + "\nRun 'docker run --help' for more information\n"
    }

    /// `docker run --env-file nofile alpine` (and --label-file; `create` names `docker create`), exit 125.
    public static func optionFileMissing(_ path: String, command: String) -> String {
        "docker: open \(path): no such file or directory\n\nRun 'docker \(command) --help' for more information\n"
    }

    /// `docker build nosuchdir`.
    public static func buildContextMissing(_ path: String) -> String {
        "unable to prepare context: path \"\(path)\" not found\n"
    }

    /// `docker build ctx` without ctx/Dockerfile, and `docker build -f nofile .` (absolute path).
    public static func buildDockerfileMissing(_ absolutePath: String) -> String {
        "unable to prepare context: unable to evaluate symlinks in Dockerfile path: lstat \(absolutePath): no such file or directory\n"
    }

    /// `docker secret create XXX abc.txt` when abc.txt does not exist.
    public static func secretFileMissing(_ path: String) -> String {
        "error reading from \(path): open \(path): no such file or directory\n"
    }

    /// `docker secret create s /dev/null` (an empty file; `-` with empty input names STDIN).
    public static func secretDataEmpty(_ source: String) -> String {
        "error reading from \(source): data is empty\n"
    }

    /// `docker config create c nofile`.
    public static func configFileMissing(_ path: String) -> String {
        "Error reading content from \"\(path)\": error reading from \(path): open \(path): no such file or directory\n"
    }

    /// `docker stack deploy -c nofile.yml s`.
    public static func composeFileMissing(_ path: String) -> String {
        "open \(path): no such file or directory\n"
    }

    /// `docker stack deploy s` without -c.
    public static let composeFileRequired = "Specify a Compose file (with --compose-file)\n"

    /// `docker swarm join-token foo`.
    public static func unknownRole(_ role: String) -> String { "unknown role \(role)\n" }

    /// `docker cp a b`.
    public static let copyNeedsContainer = "must specify at least one container source\n"

    /// `docker cp a:/x b:/y`.
    public static let copyBetweenContainers = "copying between containers is not supported\n"

    /// `docker cp nofile a:/x`.
    public static func copySourceMissing(_ absolutePath: String) -> String {
        "lstat \(absolutePath): no such file or directory\n"
    }

    /// The question every prune asks without --force; only "y" or "Y" goes on.
    public static let confirmationQuestion = "Are you sure you want to continue? [y/N] "

    /// `docker system prune` (with -a and/or --volumes the list changes; label, label! and until
    /// filters are listed, naturally sorted: docker/cli v28.2.2 cli/command/system/prune.go,
    /// confirmationTemplate).
    public static func systemPruneWarning(all: Bool, volumes: Bool, filters: [String] = []) -> String {
        var text = "WARNING! This will remove:\n  - all stopped containers\n  - all networks not used by at least one container\n"
        if volumes { text += "  - all anonymous volumes not used by at least one container\n" }
        text += all ? "  - all images without at least one container associated to them\n  - all build cache\n"
                    : "  - all dangling images\n  - unused build cache\n"
        if !filters.isEmpty { text += "\n  Items to be pruned will be filtered with:\n" + filters.map { "  - " + $0 + "\n" }.joined() }
        return text + "\n" + confirmationQuestion
    }

    /// `docker system prune --volumes --filter until=…` (prune.go, runPrune, before the question).
    public static let untilWithVolumes = "ERROR: The \"until\" filter is not supported with \"--volumes\"\n"

    /// `docker image prune` and `docker image prune -a`.
    public static func imagePruneWarning(all: Bool) -> String {
        (all ? "WARNING! This will remove all images without at least one container associated to them.\n"
             : "WARNING! This will remove all dangling images.\n") + confirmationQuestion
    }

    /// `docker container prune`.
    public static let containerPruneWarning = "WARNING! This will remove all stopped containers.\n" + confirmationQuestion

    /// `docker volume prune` and `docker volume prune -a`.
    public static func volumePruneWarning(all: Bool) -> String {
        (all ? "WARNING! This will remove all local volumes not used by at least one container.\n"
             : "WARNING! This will remove anonymous local volumes not used by at least one container.\n") + confirmationQuestion
    }

    /// `docker network prune`.
    public static let networkPruneWarning = "WARNING! This will remove all custom networks not used by at least one container.\n" + confirmationQuestion

    /// `docker builder prune` (after the legacy builder banner); one line, unlike the others.
    public static let builderPruneWarning = "WARNING! This will remove all dangling build cache. " + confirmationQuestion

    /// What DOCKER_BUILDKIT makes of `docker build` on a client without buildx (Fixtures/build 01).
    enum BuildKitChoice { case refused(String), banner(String) }

    /// `DOCKER_BUILDKIT=1` is refused; `=0` keeps the legacy builder with its own banner; nil
    /// when the variable is not set (the usual banner). With buildx installed a build goes to
    /// `buildx build` unless BuildKit is disabled (BuilderRouting), so only `=0` reaches here.
    static func buildKitChoice(_ i: DockerInvocation, _ environment: [String: String]) -> BuildKitChoice? {
        guard i.pathKey == "image build" || i.pathKey == "builder build", let text = environment["DOCKER_BUILDKIT"],
              let value = GoValues.parseBool(text) else { return nil }
        if value {
            return .refused("ERROR: BuildKit is enabled but the buildx component is missing or broken.\n       Install the buildx component to build images with BuildKit:\n       https://docs.docker.com/go/buildx/\n")
        }
        if !value {
            return .banner("DEPRECATED: The legacy builder is deprecated and will be removed in a future release.\n            BuildKit is currently disabled; enable it by removing the DOCKER_BUILDKIT=0\n            environment-variable.\n\n")
        }
        return nil
    }
}

/// What `docker context` prints: recorded from the docker 28.2.2 client with HOME in an empty
/// folder (contexts are the client's own business, no daemon involved); each line names the
/// command that showed it.
public enum ContextMessages {
    /// The default context's description (`docker context ls`).
    public static let defaultDescription = "Current DOCKER_HOST based configuration"
    /// `docker context create prod --docker host=tcp://10.0.0.5:2376` (standard error).
    public static func created(_ name: String) -> String { "Successfully created context \"\(name)\"\n" }
    /// `docker context use prod` (standard error).
    public static func nowCurrent(_ name: String) -> String { "Current context is now \"\(name)\"\n" }
    /// `DOCKER_HOST=unix:///x docker context use prod` (standard error, after the line above).
    public static let hostOverridesContext = "Warning: DOCKER_HOST environment variable overrides the active context. To use a context, either set the global --context flag, or unset DOCKER_HOST environment variable.\n"
    /// `docker context create ab …` when ab exists.
    public static func exists(_ name: String) -> String { "context \"\(name)\" already exists\n" }
    /// `docker context create "bad name"` and `docker context create y` (one character).
    public static func invalidName(_ name: String) -> String {
        "context name \"\(name)\" is invalid, names are validated against regexp \"^[a-zA-Z0-9][a-zA-Z0-9_.+-]+$\"\n"
    }
    /// `docker context create default`.
    public static func reserved(_ name: String) -> String { "\"\(name)\" is a reserved context name\n" }
    /// `docker context rm nosuch` and `docker context use nosuch`.
    public static func doesNotExist(_ name: String) -> String { "context \"\(name)\" does not exist\n" }
    /// `docker context rm ab` while ab is the current context.
    public static func inUse(_ name: String) -> String { "context \"\(name)\" is in use, set -f flag to force remove\n" }
    /// `docker context inspect nosuch` (after printing `[]`), with the metadata file it looked for.
    public static func notFound(_ name: String, _ metaFile: String) -> String {
        "context \"\(name)\": context not found: open \(metaFile): no such file or directory\n"
    }
    /// `docker --context nosuch ps`.
    public static func cannotResolve(_ name: String, _ metaFile: String) -> String {
        "Failed to initialize: unable to resolve docker endpoint: " + notFound(name, metaFile)
    }
    /// `docker -H unix:///var/run/docker.sock --context ab ps`.
    public static let hostAndContext = "conflicting options: cannot specify both --host and --context\n"
    /// `docker context create far2 --docker host=… --from default`.
    public static let dockerAndFrom = "cannot use --docker flag when --from is set\n"
}
