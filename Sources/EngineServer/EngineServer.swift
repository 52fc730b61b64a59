import Foundation
import LabCore
import NIOCore
import NIOHTTP1
import NIOPosix

/// The Engine API served on a unix socket and/or a TCP address (SwiftNIO, one event loop): every
/// connection gets NIOHTTP1's codec and an `HTTPChannelHandler` that hands requests to the one
/// `EngineHost`. `lab engine` runs it until SIGINT or SIGTERM; tests and `lab bench` start and
/// stop it in process.
public final class EngineServer: @unchecked Sendable {
    public let host: EngineHost
    let group: MultiThreadedEventLoopGroup
    var channels: [any Channel] = []
    var ticker: RepeatedTask?
    /// Where it listens, as DOCKER_HOST values (`unix:///tmp/lab.sock`, `tcp://127.0.0.1:2375`).
    public private(set) var addresses: [String] = []

    /// A server for `lab` (not listening yet). `persist` is called on the loop after each change.
    public init(lab: Lab, followWallClock: Bool = true, persist: @escaping @Sendable (Lab, [String]) -> Void) {
        group = MultiThreadedEventLoopGroup(numberOfThreads: 1)
        host = EngineHost(lab: lab, loop: group.next(), followWallClock: followWallClock, persist: persist)
    }

    /// Starts listening on a unix socket path (an old socket file there is replaced) and/or a
    /// TCP `host:port`.
    public func start(socket: String?, tcp: String?) throws {
        let host = self.host
        let bootstrap = ServerBootstrap(group: group)
            .serverChannelOption(ChannelOptions.backlog, value: 256)
            .serverChannelOption(ChannelOptions.socketOption(.so_reuseaddr), value: 1)
            .childChannelInitializer { channel in
                channel.eventLoop.makeCompletedFuture {
                    let encoder = HTTPResponseEncoder()
                    let decoder = ByteToMessageHandler(HTTPRequestDecoder(leftOverBytesStrategy: .dropBytes))
                    let sync = channel.pipeline.syncOperations
                    try sync.addHandler(encoder)
                    try sync.addHandler(decoder)
                    try sync.addHandler(HTTPChannelHandler(host: host, encoder: encoder, decoder: decoder))
                }
            }
            .childChannelOption(ChannelOptions.socketOption(.so_reuseaddr), value: 1)
            .childChannelOption(ChannelOptions.maxMessagesPerRead, value: 16)
            // The client half-closes an attached connection when it has no input to send; the
            // container's output must still reach it.
            .childChannelOption(ChannelOptions.allowRemoteHalfClosure, value: true)
        if let socket {
            channels.append(try bootstrap.bind(unixDomainSocketPath: socket, cleanupExistingSocketFile: true).wait())
            addresses.append("unix://" + socket)
        }
        if let tcp {
            guard let colon = tcp.lastIndex(of: ":"), let port = Int(tcp[tcp.index(after: colon)...]) else {
                throw EngineServerError("--tcp takes HOST:PORT (127.0.0.1:2375), not \(tcp)")
            }
            let address = String(tcp[..<colon])
            let channel = try bootstrap.bind(host: address, port: port).wait()
            channels.append(channel)
            addresses.append("tcp://\(address):\(channel.localAddress?.port ?? port)")
        }
        // Streams that wait for time to pass (a `sleep 5` container's end) are fed on a timer.
        ticker = host.loop.scheduleRepeatedTask(initialDelay: .milliseconds(50), delay: .milliseconds(50)) { _ in host.pump() }
    }

    /// Stops listening (removing the socket file), saves what is left and shuts the loop down.
    public func stop() {
        ticker?.cancel()
        for channel in channels { try? channel.close().wait() }
        channels = []
        for address in addresses where address.hasPrefix("unix://") { try? FileManager.default.removeItem(atPath: String(address.dropFirst(7))) }
        let host = self.host
        try? host.loop.submit { host.finish() }.wait()
        try? group.syncShutdownGracefully()
    }

    /// Runs until SIGINT or SIGTERM, then stops.
    public func runUntilSignalled() {
        let done = DispatchSemaphore(value: 0)
        var sources: [any DispatchSourceSignal] = []
        for sig in [SIGINT, SIGTERM] {
            signal(sig, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: sig, queue: .global())
            source.setEventHandler { done.signal() }
            source.resume()
            sources.append(source)
        }
        done.wait()
        for s in sources { s.cancel() }
        stop()
    }
}

/// A server that cannot start as asked.
public struct EngineServerError: Error, CustomStringConvertible {
    public let description: String
    public init(_ description: String) { self.description = description }
}
