/// Which of a process's two output streams a piece of text belongs to.
public enum OutputStream: UInt8, Codable, Sendable {
    case stdout = 1
    case stderr = 2
}

/// Where a simulated program's output goes: the terminal (the `lab` process's own streams),
/// a test's capture, or nowhere (benchmarks).
public protocol OutputSink: AnyObject {
    /// Receives `text` written on `stream`, in the order the simulated processes wrote it.
    func write(_ text: String, to stream: OutputStream)
}

/// An `OutputSink` that keeps everything written, in order, for tests and transcripts.
public final class CapturedOutput: OutputSink {
    /// Every write, in order.
    public private(set) var chunks: [(OutputStream, String)] = []

    public init() {}

    public func write(_ text: String, to stream: OutputStream) {
        if text.isEmpty { return }
        chunks.append((stream, text))
    }

    /// What a terminal would show: both streams interleaved in write order.
    public var combined: String { chunks.map(\.1).joined() }
    /// Standard output alone.
    public var stdout: String { chunks.filter { $0.0 == .stdout }.map(\.1).joined() }
    /// Standard error alone.
    public var stderr: String { chunks.filter { $0.0 == .stderr }.map(\.1).joined() }
}

/// An `OutputSink` that drops everything (benchmarks).
public final class DiscardedOutput: OutputSink {
    public init() {}
    public func write(_ text: String, to stream: OutputStream) {}
}
