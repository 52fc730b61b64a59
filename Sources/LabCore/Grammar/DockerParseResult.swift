/// The client-side verdict of the simulated `docker` client on one command line.
///
/// The real docker 28.2.2 client either accepts a line (and goes on to talk to the daemon),
/// prints something by itself (help, version, a bare group's usage) or rejects it.
public enum DockerParseResult: Sendable, Equatable {
    /// Accepted: the engine runs it.
    case invocation(DockerInvocation)
    /// Printed by the client itself on stdout only, without contacting the daemon
    /// (`--help`, `docker help X`, `-v`…).
    case output(stdout: String, status: Int32)
    /// A client-side rejection. Also used, with status 0, for the few things the real client
    /// prints by itself on stderr (`docker` and `docker network` with no command print their
    /// usage on stderr and exit 0; `docker -h` adds a deprecation line on stderr).
    case failure(DockerCLIError)
}

/// An accepted docker command line, resolved to its canonical command. Its parts never change,
/// so they are held once in a shared storage: handing an invocation from the client to the
/// daemon and its commands copies one reference, not eight fields.
public struct DockerInvocation: Sendable, Equatable {
    /// The parts, immutable.
    private final class Storage: Sendable {
        let path: [String]
        let pathKey: String
        let typed: String
        let options: FlagValues
        let arguments: [String]
        let global: FlagValues
        let clientStdout: String
        let clientStderr: String

        init(path: [String], pathKey: String, typed: String, options: FlagValues, arguments: [String], global: FlagValues,
             clientStdout: String, clientStderr: String) {
            self.path = path
            self.pathKey = pathKey
            self.typed = typed
            self.options = options
            self.arguments = arguments
            self.global = global
            self.clientStdout = clientStdout
            self.clientStderr = clientStderr
        }
    }

    private let storage: Storage

    /// Canonical command path, e.g. `["container","run"]` for `docker run` and
    /// `docker container run`; `["container","ls"]` for `docker ps`.
    public var path: [String] { storage.path }
    /// `path` joined by blanks (`container run`), for routing the command.
    public var pathKey: String { storage.pathKey }
    /// The command as the learner typed it, e.g. `"docker run"` or `"docker container list"`.
    public var typed: String { storage.typed }
    /// Every flag by long name, each value in order (bools: "true"/"false").
    public var options: FlagValues { storage.options }
    /// The positional arguments.
    public var arguments: [String] { storage.arguments }
    /// Global options given before the command (`-H`, `--context`, `-D`, `-l`…), by long name.
    public var global: FlagValues { storage.global }
    /// What the real client prints by itself before running the command: deprecation notices
    /// on stdout (`Flag --time has been deprecated, use --timeout instead`) and the legacy
    /// builder banner of `docker build` on stderr. Print them first; usually "".
    public var clientStdout: String { storage.clientStdout }
    public var clientStderr: String { storage.clientStderr }

    public init(path: [String], typed: String, options: FlagValues, arguments: [String], global: FlagValues,
                clientStdout: String = "", clientStderr: String = "", pathKey: String? = nil) {
        // pathKey: `path` joined by blanks, when the caller has it already.
        storage = Storage(path: path, pathKey: pathKey ?? path.joined(separator: " "), typed: typed, options: options,
                          arguments: arguments, global: global, clientStdout: clientStdout, clientStderr: clientStderr)
    }

    /// Equal when every part is (the same storage at once).
    public static func == (a: DockerInvocation, b: DockerInvocation) -> Bool {
        if a.storage === b.storage { return true }
        return a.path == b.path && a.pathKey == b.pathKey && a.typed == b.typed && a.options == b.options
            && a.arguments == b.arguments && a.global == b.global && a.clientStdout == b.clientStdout && a.clientStderr == b.clientStderr
    }

    /// Whether a bool flag was given and its last value is true.
    public func flag(_ long: String) -> Bool {
        options.last(long) == "true"
    }

    /// The last value of a flag, or nil when it was not given.
    public func value(_ long: String) -> String? { options.last(long) }

    /// Every value of a (repeatable) flag, in order.
    public func values(_ long: String) -> [String] { options.values(long) }
}

/// A client-side rejection (or self-printed output) with the exact streams and exit status
/// the real client produces.
public struct DockerCLIError: Error, Sendable, Equatable {
    public let stdout: String
    public let stderr: String
    public let status: Int32

    public init(stdout: String = "", stderr: String, status: Int32) {
        self.stdout = stdout
        self.stderr = stderr
        self.status = status
    }
}
