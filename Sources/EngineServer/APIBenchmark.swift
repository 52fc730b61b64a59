import Foundation
import LabCore

/// `lab bench --only api`: requests per second for `docker ps`'s call (`GET /containers/json`)
/// over the unix socket, against a lab of 100 running containers. The server runs on its event
/// loop as `lab engine` does; the clients are plain keep-alive HTTP/1.1 connections on threads
/// of the same process, each sending the next request when the last answer is read.
public enum APIBenchmark {
    /// One measurement: how many requests were answered in how much wall and CPU time.
    public struct Result: Sendable {
        public var connections: Int
        public var requests: Int
        public var wallSeconds: Double
        /// CPU seconds of the whole process (server and clients) over the run.
        public var cpuSeconds: Double
        public var responseBytes: Int
        public var requestsPerSecond: Double { Double(requests) / wallSeconds }
    }

    /// A lab with `containers` running containers (alpine, `sleep`), made through `lab sh`'s shell.
    public static func lab(containers: Int) -> Lab {
        var lab = Lab()
        let shell = LabShell()
        _ = shell.run("docker pull -q alpine", origin: .commandString, lab: &lab, output: DiscardedOutput())
        for k in 1...containers {
            _ = shell.run("docker run -d --name c\(k) alpine sleep 100000", origin: .commandString, lab: &lab, output: DiscardedOutput())
        }
        return lab
    }

    /// Serves `lab` on a temporary socket and keeps `connections` clients asking for the list for
    /// `seconds` of wall time.
    public static func run(lab: Lab, connections: Int, seconds: Double, target: String = "/v1.41/containers/json") throws -> Result {
        let socket = NSTemporaryDirectory() + "lab-bench-\(UUID().uuidString.prefix(8)).sock"
        let server = EngineServer(lab: lab, followWallClock: false) { _, _ in }
        try server.start(socket: socket, tcp: nil)
        defer {
            server.stop()
            try? FileManager.default.removeItem(atPath: socket)
        }
        // One warm-up request, which also gives the response's size.
        let warm = try Connection(path: socket)
        let size = try warm.get(target)
        warm.close()
        let counts = Counter(connections)
        let start = Date(), cpuStart = cpuTime()
        let deadline = start.addingTimeInterval(seconds)
        DispatchQueue.concurrentPerform(iterations: connections) { k in
            guard let c = try? Connection(path: socket) else { return }
            var n = 0
            while Date() < deadline {
                guard (try? c.get(target)) != nil else { break }
                n += 1
            }
            c.close()
            counts.set(k, n)
        }
        return Result(connections: connections, requests: counts.total, wallSeconds: Date().timeIntervalSince(start),
                      cpuSeconds: cpuTime() - cpuStart, responseBytes: size)
    }

    /// CPU seconds (user and system) of this process so far.
    static func cpuTime() -> Double {
        var usage = rusage()
        getrusage(RUSAGE_SELF.rawValue, &usage)
        return Double(usage.ru_utime.tv_sec + usage.ru_stime.tv_sec) + Double(usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1e6
    }

    /// Per-thread request counts, written once each.
    final class Counter: @unchecked Sendable {
        private var counts: [Int]
        private let lock = NSLock()
        init(_ n: Int) { counts = Array(repeating: 0, count: n) }
        func set(_ k: Int, _ n: Int) { lock.lock(); counts[k] = n; lock.unlock() }
        var total: Int { lock.lock(); defer { lock.unlock() }; return counts.reduce(0, +) }
    }

    /// A blocking keep-alive HTTP/1.1 client on a unix socket: just enough to read responses
    /// with a Content-Length (the benchmark's clients, and the transport's tests).
    public final class Connection {
        let fd: Int32
        var buffer: [UInt8] = []

        public init(path: String) throws {
            fd = socket(AF_UNIX, Int32(SOCK_STREAM.rawValue), 0)
            var address = sockaddr_un()
            address.sun_family = sa_family_t(AF_UNIX)
            withUnsafeMutableBytes(of: &address.sun_path) { raw in
                for (i, b) in path.utf8.prefix(raw.count - 1).enumerated() { raw[i] = b }
            }
            let ok = withUnsafePointer(to: &address) {
                $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(fd, $0, socklen_t(MemoryLayout<sockaddr_un>.size)) }
            }
            if ok != 0 { Glibc.close(fd); throw EngineServerError("cannot connect to \(path)") }
        }

        /// Sends a GET and reads its whole answer; the body's size.
        func get(_ target: String) throws -> Int { try exchange("GET", target, body: "").body.count }

        /// Sends a request and reads its answer (one with a Content-Length): the head and the body.
        public func request(_ method: String, _ target: String, body: String = "") throws -> (head: String, body: String) {
            let (head, bytes) = try exchange(method, target, body: body)
            return (head, String(decoding: bytes, as: UTF8.self))
        }

        func exchange(_ method: String, _ target: String, body: String) throws -> (head: String, body: [UInt8]) {
            let request = Array("\(method) \(target) HTTP/1.1\r\nHost: api.moby.localhost\r\nUser-Agent: lab-bench\r\nContent-Length: \(body.utf8.count)\r\nContent-Type: application/json\r\n\r\n\(body)".utf8)
            guard request.withUnsafeBytes({ write(fd, $0.baseAddress, $0.count) }) == request.count else { throw EngineServerError("write failed") }
            var headerEnd: Int?
            var length = 0
            var head = ""
            while true {
                if headerEnd == nil, let end = find([13, 10, 13, 10]) {
                    headerEnd = end + 4
                    head = String(decoding: buffer[..<(end + 4)], as: UTF8.self)
                    if let r = head.lowercased().range(of: "content-length: ") {
                        length = Int(head.lowercased()[r.upperBound...].prefix { $0.isNumber }) ?? 0
                    }
                }
                if let h = headerEnd, buffer.count >= h + length {
                    let body = Array(buffer[h..<(h + length)])
                    buffer.removeFirst(h + length)
                    return (head, body)
                }
                var chunk = [UInt8](repeating: 0, count: 65536)
                let n = chunk.withUnsafeMutableBytes { read(fd, $0.baseAddress, $0.count) }
                if n <= 0 { throw EngineServerError("connection closed") }
                buffer += chunk[..<n]
            }
        }

        func find(_ needle: [UInt8]) -> Int? {
            guard buffer.count >= needle.count else { return nil }
            return buffer.withUnsafeBufferPointer { b -> Int? in
                var i = 0
                while i <= b.count - needle.count {
                    var k = 0
                    while k < needle.count && b[i + k] == needle[k] { k += 1 }
                    if k == needle.count { return i }
                    i += 1
                }
                return nil
            }
        }

        public func close() { Glibc.close(fd) }
    }
}
