/// What one docker command printed and its exit status: the engine's result after the client
/// rendered it. Commands build it; the docker client program writes it to the process.
public struct CommandOutput: Sendable, Equatable {
    public var stdout: String
    public var stderr: String
    public var status: Int32

    public init(stdout: String = "", stderr: String = "", status: Int32 = 0) {
        self.stdout = stdout
        self.stderr = stderr
        self.status = status
    }

    /// Appends another piece of output; the status becomes the later one's when it failed.
    public mutating func append(_ other: CommandOutput) {
        stdout += other.stdout
        stderr += other.stderr
        if other.status != 0 { status = other.status }
    }

    /// A daemon error as most commands print it: `Error response from daemon: MESSAGE`, status 1.
    public static func daemonError(_ error: EngineError, status: Int32 = 1) -> CommandOutput {
        CommandOutput(stderr: "Error response from daemon: " + error.message + "\n", status: status)
    }
}
