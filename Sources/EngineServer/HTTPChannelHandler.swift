import LabCore
import NIOCore
import NIOHTTP1

/// One client connection: reads HTTP/1.1 requests (NIOHTTP1's decoder), hands each to the
/// `EngineHost` and writes the response: whole, chunked while a stream lasts, or, for an attach,
/// as `101 UPGRADED` followed by the raw stream once the HTTP codec is taken off the pipeline
/// (the "hijacked" connection the docker client expects).
final class HTTPChannelHandler: ChannelInboundHandler, RemovableChannelHandler, StreamSink {
    typealias InboundIn = HTTPServerRequestPart
    typealias OutboundOut = HTTPServerResponsePart

    let host: EngineHost
    let encoder: HTTPResponseEncoder
    let decoder: ByteToMessageHandler<HTTPRequestDecoder>
    private var head: HTTPRequestHead?
    private var body: [UInt8] = []
    private var context: ChannelHandlerContext?
    /// Set while a streamed response is open: raw (upgraded) or chunked, and whether to keep the
    /// connection after it.
    private var streaming: (raw: Bool, keepAlive: Bool)?

    init(host: EngineHost, encoder: HTTPResponseEncoder, decoder: ByteToMessageHandler<HTTPRequestDecoder>) {
        self.host = host
        self.encoder = encoder
        self.decoder = decoder
    }

    func handlerAdded(context: ChannelHandlerContext) { self.context = context }

    func channelInactive(context: ChannelHandlerContext) {
        host.close(self)
        self.context = nil
        context.fireChannelInactive()
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        switch unwrapInboundIn(data) {
        case .head(let h):
            head = h
            body = []
        case .body(var buffer):
            if let bytes = buffer.readBytes(length: buffer.readableBytes) { body += bytes }
        case .end:
            guard let h = head else { return }
            head = nil
            respond(to: h, context: context)
        }
    }

    private func respond(to h: HTTPRequestHead, context: ChannelHandlerContext) {
        var headers: [String: String] = [:]
        for (name, value) in h.headers { headers[name] = value }
        let request = APIRequest(method: h.method.rawValue, target: h.uri, headers: headers, body: body)
        body = []
        let response = host.handle(request, sink: self)
        let keepAlive = h.isKeepAlive
        var out = HTTPHeaders()
        for (name, value) in EngineAPI.commonHeaders { out.add(name: name, value: value) }
        for (name, value) in response.headers { out.replaceOrAdd(name: name, value: value) }
        if response.upgrade {
            upgrade(response, headers: out, context: context)
        } else if response.stream != nil {
            out.add(name: "Transfer-Encoding", value: "chunked")
            context.write(wrapOutboundOut(.head(HTTPResponseHead(version: h.version, status: .init(statusCode: response.status), headers: out))),
                          promise: nil)
            streaming = (false, keepAlive)
            if !response.body.isEmpty { context.write(wrapOutboundOut(.body(.byteBuffer(ByteBuffer(bytes: response.body)))), promise: nil) }
            context.flush()
        } else {
            out.add(name: "Content-Length", value: String(response.body.count))
            if !keepAlive { out.add(name: "Connection", value: "close") }
            context.write(wrapOutboundOut(.head(HTTPResponseHead(version: h.version, status: .init(statusCode: response.status), headers: out))),
                          promise: nil)
            if !response.body.isEmpty && h.method != .HEAD {
                context.write(wrapOutboundOut(.body(.byteBuffer(ByteBuffer(bytes: response.body)))), promise: nil)
            }
            let done = context.writeAndFlush(wrapOutboundOut(.end(nil)))
            let channel = context.channel
            if !keepAlive { done.whenComplete { _ in channel.close(promise: nil) } }
        }
        host.pump()
    }

    /// Answers `101 UPGRADED` as moby does, takes the HTTP codec off and leaves raw bytes.
    private func upgrade(_ response: APIResponse, headers: HTTPHeaders, context: ChannelHandlerContext) {
        var text = "HTTP/1.1 101 UPGRADED\r\n"
        for (name, value) in headers { text += name + ": " + value + "\r\n" }
        text += "\r\n"
        let pipeline = context.pipeline.syncOperations
        // Both come off at once (the encoder has nothing buffered; the client sends its input only
        // after it has read this answer): the raw writes below reach the socket directly, and
        // what the client sends from now on goes to the process reading it.
        _ = pipeline.removeHandler(encoder)
        _ = pipeline.removeHandler(decoder)
        try? pipeline.addHandler(RawInputHandler(host: host, sink: self), position: .before(self))
        streaming = (true, false)
        context.channel.write(ByteBuffer(string: text), promise: nil)
        if !response.body.isEmpty { context.channel.write(ByteBuffer(bytes: response.body), promise: nil) }
        context.channel.flush()
    }

    /// More of the open stream; the end closes a raw stream and finishes a chunked one.
    func send(_ bytes: [UInt8], done: Bool) {
        guard let context, let mode = streaming else { return }
        if mode.raw {
            if !bytes.isEmpty { context.channel.write(ByteBuffer(bytes: bytes), promise: nil) }
            if done {
                streaming = nil
                context.channel.writeAndFlush(ByteBuffer(), promise: nil)
                context.channel.close(promise: nil)
            } else {
                context.channel.flush()
            }
            return
        }
        if !bytes.isEmpty { context.write(wrapOutboundOut(.body(.byteBuffer(ByteBuffer(bytes: bytes)))), promise: nil) }
        if done {
            streaming = nil
            let end = context.writeAndFlush(wrapOutboundOut(.end(nil)))
            let channel = context.channel
            if !mode.keepAlive { end.whenComplete { _ in channel.close(promise: nil) } }
        } else {
            context.flush()
        }
    }

    /// The client closed its side: an attached stream goes on; any other connection is closed.
    func userInboundEventTriggered(context: ChannelHandlerContext, event: Any) {
        if let e = event as? ChannelEvent, e == .inputClosed {
            if streaming?.raw != true { context.close(promise: nil) }
            return
        }
        context.fireUserInboundEventTriggered(event)
    }

    func errorCaught(context: ChannelHandlerContext, error: any Error) {
        context.close(promise: nil)
    }
}

/// What the client sends on a hijacked connection (its standard input), for the process reading
/// it (`EngineHost.input`); its closing its side is the end of that input.
final class RawInputHandler: ChannelInboundHandler, RemovableChannelHandler {
    typealias InboundIn = ByteBuffer

    let host: EngineHost
    let sink: any StreamSink

    init(host: EngineHost, sink: any StreamSink) {
        self.host = host
        self.sink = sink
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        var buffer = unwrapInboundIn(data)
        if let bytes = buffer.readBytes(length: buffer.readableBytes), !bytes.isEmpty { host.input(bytes, closed: false, sink: sink) }
    }

    func userInboundEventTriggered(context: ChannelHandlerContext, event: Any) {
        if let e = event as? ChannelEvent, e == .inputClosed { host.input([], closed: true, sink: sink) }
        context.fireUserInboundEventTriggered(event)
    }
}
