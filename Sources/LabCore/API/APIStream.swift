/// A response body that grows while the connection stays open: the transport sends its head at
/// once (so the client knows the request is registered, as `docker run` needs for its wait before
/// the start), then asks `EngineAPI.poll` for more after every request and on a timer, until done.
public struct APIStream: Sendable, Equatable {
    /// What the stream carries.
    public enum Kind: Sendable, Equatable {
        /// `POST /containers/{id}/wait`: one JSON document once the condition holds.
        case wait(condition: String)
        /// An attached container's output (`attach`, `logs?follow=1`), until it stops.
        case output(stdout: Bool, stderr: Bool, timestamps: Bool)
        /// `GET /events` without `until`: each new event as a JSON line, until the client leaves.
        case events(filters: [String: [String]])
        /// An exec reading the client's input (`APITerminal`): its output comes as the input is
        /// read; it lasts until the process ends.
        case terminal
        /// `GET /containers/{id}/stats` streamed: a sample a second (`sampledAt`), until the
        /// client leaves or the container is removed.
        case stats
    }

    public var kind: Kind
    /// The container's full id (wait, output).
    public var containerID: String
    /// How many log entries (output) or events (events) were sent already.
    public var offset: Int
    /// Whether the container's output is a TTY (raw) rather than multiplexed frames.
    public var tty: Bool
    /// The container's finish time when the wait began (`next-exit` waits for another).
    public var finishedAtStart: Double?
    /// Whether the container was running when the wait began.
    public var runningAtStart: Bool
    /// The last exit code seen (a removed container's wait reports it).
    public var lastExitCode: Int32
    /// The process reading the client's input on this connection (`EngineAPI.terminals`), if any.
    public var terminal: String?
    /// When the last stats sample was sent (stats).
    public var sampledAt: Double?

    public init(kind: Kind, containerID: String = "", offset: Int = 0, tty: Bool = false, finishedAtStart: Double? = nil,
                runningAtStart: Bool = false, lastExitCode: Int32 = 0) {
        self.kind = kind
        self.containerID = containerID
        self.offset = offset
        self.tty = tty
        self.finishedAtStart = finishedAtStart
        self.runningAtStart = runningAtStart
        self.lastExitCode = lastExitCode
    }
}

/// What one poll of a stream gives: bytes to send, and whether the stream has ended.
public struct APIStreamChunk: Sendable, Equatable {
    public var bytes: [UInt8]
    public var done: Bool
}

/// The frames of docker's multiplexed stream (moby pkg/stdcopy): a header of the stream's number
/// (1 stdout, 2 stderr), three zero bytes and the payload's length (big-endian), then the payload.
enum MultiplexedStream {
    static func frame(_ stream: OutputStream, _ text: String) -> [UInt8] {
        let payload = Array(text.utf8)
        let n = UInt32(payload.count)
        return [stream == .stdout ? 1 : 2, 0, 0, 0, UInt8(n >> 24), UInt8(n >> 16 & 0xff), UInt8(n >> 8 & 0xff), UInt8(n & 0xff)] + payload
    }

    /// Log entries as a container's output stream: frames, or the raw text for a TTY.
    static func encode(_ entries: some Sequence<LogEntry>, tty: Bool, stdout: Bool, stderr: Bool, timestamps: Bool) -> [UInt8] {
        var out: [UInt8] = []
        for e in entries where e.stream == .stdout ? stdout : stderr {
            let text = timestamps ? DockerTime.rfc3339NanoFixed(e.time) + " " + e.text : e.text
            out += tty ? Array(text.utf8) : frame(e.stream, text)
        }
        return out
    }
}
