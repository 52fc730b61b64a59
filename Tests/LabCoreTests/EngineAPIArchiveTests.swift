import Foundation
import XCTest
@testable import LabCore

/// `docker cp` over the Engine API: HEAD, GET and PUT /containers/{id}/archive (moby v20.10
/// api/server/router/container/copy.go and daemon/archive.go): the path's stat as base64 JSON in
/// X-Docker-Container-Path-Stat, the resource as a tar stream named by its base name, and an
/// archive extracted into a folder; the daemon's errors and events; and the same engine calls
/// behind `docker cp` in `lab sh`.
final class EngineAPIArchiveTests: XCTestCase {
    var api = EngineAPI()
    var lab = Lab()

    @discardableResult
    func call(_ method: String, _ target: String, _ body: [UInt8] = []) -> EngineAPI.Outcome {
        api.handle(APIRequest(method: method, target: target, body: body), lab: &lab)
    }

    func sh(_ line: String) -> (String, Int32) {
        let out = CapturedOutput()
        let status = LabShell(terminalAttached: false).run(line, origin: .commandString, lab: &lab, output: out).status
        return (out.combined, status)
    }

    func header(_ response: APIResponse, _ name: String) -> String? { response.headers.first { $0.0 == name }?.1 }

    func stat(_ response: APIResponse) throws -> JSONValue {
        let encoded = try XCTUnwrap(header(response, "X-Docker-Container-Path-Stat"))
        let data = try XCTUnwrap(Data(base64Encoded: encoded))
        return try JSONValue(parsing: String(decoding: data, as: UTF8.self))
    }

    override func setUp() {
        _ = sh("docker run -d --name box alpine sleep 1000 && docker exec box sh -c 'mkdir -p /tmp/d && echo content > /tmp/f && echo x > /tmp/d/x'")
    }

    func testHeadStatsAPath() throws {
        let file = call("HEAD", "/v1.41/containers/box/archive?path=%2Ftmp%2Ff").response
        XCTAssertEqual(file.status, 200)
        let s = try stat(file)
        XCTAssertEqual(s["name"], "f")
        XCTAssertEqual(s["size"], 8)
        XCTAssertEqual(s["mode"], 0o644)
        XCTAssertEqual(s["linkTarget"], "")
        XCTAssertNotNil(s["mtime"]?.stringValue)
        // A folder's mode carries Go's os.ModeDir bit.
        XCTAssertEqual(try stat(call("HEAD", "/v1.41/containers/box/archive?path=/tmp/d").response)["mode"], .int(Int64(1 << 31 | 0o755)))
        let missing = call("HEAD", "/v1.41/containers/box/archive?path=/nosuch").response
        XCTAssertEqual(missing.status, 404)
        XCTAssertEqual(missing.bodyText, #"{"message":"Could not find the file /nosuch in container box"}"# + "\n")
        XCTAssertEqual(call("HEAD", "/v1.41/containers/nosuch/archive?path=/tmp").response.status, 404)
        XCTAssertEqual(call("GET", "/v1.41/containers/box/archive").response.bodyText, #"{"message":"bad parameter: pathcannot be empty"}"# + "\n")
    }

    func testGetSendsTheResourceAsATarStream() throws {
        let file = call("GET", "/v1.41/containers/box/archive?path=/tmp/f")
        XCTAssertEqual(file.response.status, 200)
        XCTAssertEqual(header(file.response, "Content-Type"), "application/x-tar")
        XCTAssertEqual(try stat(file.response)["name"], "f")
        XCTAssertEqual(try TarArchive.decode(bytes: file.response.body).entries, [TarArchive.Entry(name: "f", data: "content\n")])
        XCTAssertEqual(file.history, [])
        let dir = call("GET", "/v1.41/containers/box/archive?path=/tmp/d/").response
        XCTAssertEqual(try TarArchive.decode(bytes: dir.body).entries.map(\.name), ["d/", "d/x"])
        XCTAssertEqual(lab.machine.engine.recordedEvents.last?.action, "archive-path")
        XCTAssertEqual(call("GET", "/v1.41/containers/box/archive?path=/nosuch").response.status, 404)
    }

    func testPutExtractsAnArchiveIntoAFolder() throws {
        let tar = Array(TarArchive(entries: [.init(name: "new.txt", data: "hello\n"), .init(name: "sub/", data: nil), .init(name: "sub/y", data: "y\n")]).encoded().utf8)
        let put = call("PUT", "/v1.41/containers/box/archive?path=%2Ftmp&noOverwriteDirNonDir=true", tar)
        XCTAssertEqual(put.response.status, 200)
        XCTAssertTrue(put.changed)
        XCTAssertEqual(put.history, ["docker cp new.txt box:/tmp", "docker cp sub box:/tmp"])
        XCTAssertEqual(lab.machine.engine.recordedEvents.last?.action, "extract-to-dir")
        XCTAssertEqual(sh("docker exec box cat /tmp/new.txt /tmp/sub/y").0, "hello\ny\n")
        XCTAssertEqual(sh("docker diff box").0.contains("A /tmp/new.txt"), true)
        let intoFile = call("PUT", "/v1.41/containers/box/archive?path=/tmp/f", tar).response
        XCTAssertEqual(intoFile.status, 500)
        XCTAssertEqual(intoFile.bodyText, #"{"message":"extraction point is not a directory"}"# + "\n")
        XCTAssertEqual(call("PUT", "/v1.41/containers/box/archive?path=/nosuch", tar).response.bodyText,
                       #"{"message":"Could not find the file /nosuch in container box"}"# + "\n")
        _ = sh("docker run -d --name ro --read-only alpine sleep 1000")
        XCTAssertEqual(call("PUT", "/v1.41/containers/ro/archive?path=/tmp", tar).response.bodyText,
                       #"{"message":"container rootfs is marked read-only"}"# + "\n")
    }

    func testLabShCopiesThroughTheSameEngineCalls() {
        XCTAssertEqual(sh("docker cp box:/tmp/f /root/f && cat /root/f").0, "content\n")
        XCTAssertEqual(lab.machine.engine.recordedEvents.last?.action, "archive-path")
        XCTAssertEqual(sh("echo up > /root/u && docker cp /root/u box:/tmp/renamed && docker exec box cat /tmp/renamed").0, "up\n")
        XCTAssertEqual(lab.machine.engine.recordedEvents.filter { $0.action == "extract-to-dir" }.count, 1)
        XCTAssertEqual(sh("docker cp /root/u box:/nosuch/x").0, "Error response from daemon: Could not find the file /nosuch in container box\n")
        XCTAssertEqual(sh("docker cp box:/nosuch /root").0, "Error response from daemon: Could not find the file /nosuch in container box\n")
        XCTAssertEqual(sh("docker cp box:/tmp/d /root && cat /root/d/x").0, "x\n")
    }

    func testTarWithPaxAndPrefixHeadersIsRead() throws {
        // Go's archive/tar writes a PAX record ('x') for what a ustar header cannot hold.
        var bytes = TarArchive.header(name: "PaxHeaders.0/long", size: 0, directory: false, mtime: 0)
        let record = "path=very/long/name.txt\n"
        let line = "\(record.utf8.count + 3) " + record
        bytes = TarArchive.header(name: "PaxHeaders.0/long", size: line.utf8.count, directory: false, mtime: 0)
        bytes[156] = UInt8(ascii: "x")
        TarArchive.fixChecksum(&bytes)
        bytes += Array(line.utf8) + [UInt8](repeating: 0, count: 512 - line.utf8.count)
        bytes += TarArchive.header(name: "short", size: 2, directory: false, mtime: 0) + Array("ok".utf8) + [UInt8](repeating: 0, count: 510)
        bytes += [UInt8](repeating: 0, count: 1024)
        XCTAssertEqual(try TarArchive.decode(bytes: bytes).entries, [TarArchive.Entry(name: "very/long/name.txt", data: "ok")])
    }
}
