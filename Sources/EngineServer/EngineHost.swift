import Foundation
import LabCore
import NIOCore

/// The served lab and everything that touches it: the Engine API mapping, the open streams
/// (waits, attached outputs, events) and the hook that saves the session. It lives on one event
/// loop, which runs every request and every poll in turn, so the lab is never touched by two at
/// once (hence `@unchecked Sendable`: the loop is the lock).
public final class EngineHost: @unchecked Sendable {
    public private(set) var lab: Lab
    var api = EngineAPI()
    let loop: any EventLoop
    /// Whether the lab's clock follows the host's (a real client computes ages from it).
    let followWallClock: Bool
    /// Saves the lab and adds history lines; called after every change.
    let persist: @Sendable (Lab, [String]) -> Void
    var streams: [ObjectIdentifier: (stream: APIStream, sink: any StreamSink)] = [:]
    /// How many requests were served (for `lab engine`'s closing line).
    public private(set) var requests = 0

    public init(lab: Lab, loop: any EventLoop, followWallClock: Bool = true, persist: @escaping @Sendable (Lab, [String]) -> Void) {
        self.lab = lab
        self.loop = loop
        self.followWallClock = followWallClock
        self.persist = persist
    }

    /// LAB_ENGINE_TRACE=1: each request, response status and stream chunk on standard error.
    let trace = ProcessInfo.processInfo.environment["LAB_ENGINE_TRACE"] == "1"

    func log(_ text: String) {
        if trace { FileHandle.standardError.write(Data(("lab engine: " + text + "\n").utf8)) }
    }

    var wallTime: Double? { followWallClock ? Date().timeIntervalSince1970 : nil }

    /// Handles one request; a stream it opens is fed to `sink` from now on.
    func handle(_ request: APIRequest, sink: any StreamSink) -> APIResponse {
        loop.preconditionInEventLoop()
        requests += 1
        let outcome = api.handle(request, lab: &lab, wallTime: wallTime)
        if let stream = outcome.response.stream { streams[ObjectIdentifier(sink)] = (stream, sink) }
        log("\(request.method) \(request.path) -> \(outcome.response.status)\(outcome.response.stream == nil ? "" : " (stream)")")
        if outcome.changed { save(outcome.history) }
        return outcome.response
    }

    /// Feeds the open streams after the response that opened one was sent, and after each change.
    func pump() {
        loop.preconditionInEventLoop()
        guard !streams.isEmpty else { return }
        poll()
        let held = streams.values.map(\.stream)
        let changed = api.tick(lab: &lab, wallTime: wallTime, streams: held)
        poll()
        if changed { save([]) }
    }

    private func poll() {
        for (key, entry) in streams {
            var stream = entry.stream
            let chunk = api.poll(&stream, lab: lab)
            if chunk.done { streams[key] = nil } else { streams[key] = (stream, entry.sink) }
            if !chunk.bytes.isEmpty || chunk.done { log("stream \(entry.stream.kind): \(chunk.bytes.count) bytes\(chunk.done ? ", done" : "")") }
            entry.sink.send(chunk.bytes, done: chunk.done)
        }
    }

    /// The client's input on a hijacked connection (`closed`: it closed its side): the process
    /// reading it answers at once; the stream ends with the process.
    func input(_ bytes: [UInt8], closed: Bool, sink: any StreamSink) {
        loop.preconditionInEventLoop()
        guard let entry = streams[ObjectIdentifier(sink)] else { return }
        if let wallTime { lab.clock.advance(by: wallTime - lab.clock.now) }
        let outcome = api.input(bytes, closed: closed, to: entry.stream, lab: &lab)
        log("input \(bytes.count) bytes\(closed ? ", closed" : "") -> \(outcome.bytes.count) bytes\(outcome.done ? ", done" : "")")
        if !outcome.bytes.isEmpty { entry.sink.send(outcome.bytes, done: false) }
        if !outcome.history.isEmpty || outcome.done { save(outcome.history) }
        pump()
    }

    /// A client went away: its stream is dropped.
    func close(_ sink: any StreamSink) {
        loop.preconditionInEventLoop()
        streams[ObjectIdentifier(sink)] = nil
    }

    /// Saves the session with what is left of the history (a create nobody started), at the end.
    public func finish() {
        loop.preconditionInEventLoop()
        let lines = api.flushHistory()
        if !lines.isEmpty { save(lines) }
    }

    private func save(_ history: [String]) { persist(lab, history) }
}

/// Where a stream's bytes go: an open connection.
protocol StreamSink: AnyObject {
    func send(_ bytes: [UInt8], done: Bool)
}
