import EngineServer
import Foundation
import LabCore
import XCTest

/// The transport in process: `EngineServer` on a temporary unix socket answers HTTP/1.1 with the
/// common headers, keeps connections alive, and saves the lab with its history after a change.
final class EngineServerTests: XCTestCase {
    /// Saves received by the test (the server calls them on its loop).
    final class Saves: @unchecked Sendable {
        private let lock = NSLock()
        private var lines: [String] = []
        private var count = 0
        func add(_ history: [String]) { lock.lock(); lines += history; count += 1; lock.unlock() }
        var all: (count: Int, lines: [String]) { lock.lock(); defer { lock.unlock() }; return (count, lines) }
    }

    func testServesRequestsOnAUnixSocketAndSavesChanges() throws {
        let socket = NSTemporaryDirectory() + "lab-server-\(UUID().uuidString.prefix(8)).sock"
        let saves = Saves()
        let server = EngineServer(lab: Lab(), followWallClock: false) { _, history in saves.add(history) }
        try server.start(socket: socket, tcp: nil)
        defer {
            server.stop()
            XCTAssertFalse(FileManager.default.fileExists(atPath: socket))
        }
        XCTAssertEqual(server.addresses, ["unix://" + socket])

        let c = try APIBenchmark.Connection(path: socket)
        defer { c.close() }
        let ping = try c.request("GET", "/_ping")
        XCTAssertTrue(ping.head.hasPrefix("HTTP/1.1 200 OK\r\n"), ping.head)
        XCTAssertTrue(ping.head.contains("Api-Version: 1.41\r\n"), ping.head)
        XCTAssertTrue(ping.head.contains("Ostype: linux\r\n"), ping.head)
        XCTAssertEqual(ping.body, "OK")
        // The same connection goes on serving (keep-alive).
        let volume = try c.request("POST", "/v1.41/volumes/create", body: #"{"Name":"data"}"#)
        XCTAssertTrue(volume.head.hasPrefix("HTTP/1.1 201 Created\r\n"), volume.head)
        XCTAssertTrue(volume.body.contains(#""Name":"data""#), volume.body)
        let missing = try c.request("GET", "/v1.41/containers/nosuch/json")
        XCTAssertTrue(missing.head.hasPrefix("HTTP/1.1 404 Not Found\r\n"), missing.head)
        XCTAssertEqual(missing.body, #"{"message":"No such container: nosuch"}"# + "\n")
        XCTAssertEqual(try c.request("GET", "/v1.41/volumes").head.prefix(15), "HTTP/1.1 200 OK")
        XCTAssertEqual(saves.all.count, 1)
        XCTAssertEqual(saves.all.lines, ["docker volume create data"])
    }
}
