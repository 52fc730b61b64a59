import Foundation
import XCTest
@testable import LabCore

/// The client's input on a hijacked connection (Sources/LabCore/API/APITerminal.swift):
/// `docker run -it`, `docker exec -it` (a terminal: prompt, echo, `\r\n`, Backspace, Ctrl-C,
/// Ctrl-D), `docker exec -i` and `docker run -i` (the input read to its end), through the same
/// calls as the lines typed inside a container at `lab sh`.
final class EngineAPITerminalTests: XCTestCase {
    var api = EngineAPI()
    var lab = Lab()

    @discardableResult
    func call(_ method: String, _ target: String, _ body: String = "") -> EngineAPI.Outcome {
        api.handle(APIRequest(method: method, target: target, body: Array(body.utf8)), lab: &lab)
    }

    func text(_ bytes: [UInt8]) -> String { String(decoding: bytes, as: UTF8.self) }

    func type(_ s: String, _ stream: APIStream, closed: Bool = false) -> EngineAPI.InputOutcome {
        api.input(Array(s.utf8), closed: closed, to: stream, lab: &lab)
    }

    override func setUp() {
        _ = call("POST", "/v1.41/images/create?fromImage=alpine&tag=latest")
    }

    /// `docker run -it alpine sh`: create, attach with input, start.
    func testRunWithATerminal() throws {
        let body = #"{"Image":"alpine","Cmd":["sh"],"Tty":true,"OpenStdin":true,"AttachStdin":true,"StdinOnce":true}"#
        XCTAssertEqual(call("POST", "/v1.41/containers/create?name=t1", body).response.status, 201)
        let attach = call("POST", "/v1.41/containers/t1/attach?stream=1&stdin=1&stdout=1&stderr=1").response
        var stream = try XCTUnwrap(attach.stream)
        XCTAssertNotNil(stream.terminal)
        XCTAssertEqual(call("POST", "/v1.41/containers/t1/start").history, ["docker run --name t1 -i -t alpine sh"])
        XCTAssertEqual(call("POST", "/v1.41/containers/t1/resize?h=24&w=80").response.status, 200)
        XCTAssertEqual(text(api.poll(&stream, lab: lab).bytes), "/ # ")
        let echo = type("echo hi\r", stream)
        XCTAssertEqual(text(echo.bytes), "echo hi\r\nhi\r\n/ # ")
        XCTAssertEqual(echo.history, ["echo hi"])
        // Backspace rubs out, an arrow key is ignored, Ctrl-C drops the line.
        XCTAssertEqual(text(type("lx\u{7f}s\u{1b}[A", stream).bytes), "lx\u{8} \u{8}s")
        XCTAssertEqual(text(type("\u{3}", stream).bytes), "^C\r\n/ # ")
        let exit = type("exit 3\r", stream)
        XCTAssertTrue(exit.done)
        XCTAssertEqual(api.poll(&stream, lab: lab).done, true)
        let state = lab.machine.engine.containers.first { $0.name == "t1" }?.state
        XCTAssertEqual(state?.running, false)
        XCTAssertEqual(state?.exitCode, 3)
    }

    /// `docker exec -it box sh`, then `docker exec -i box sh` fed a script.
    func testExecWithATerminalAndWithPipedInput() throws {
        _ = call("POST", "/v1.41/containers/create?name=box", #"{"Image":"alpine","Cmd":["sleep","1000"]}"#)
        _ = call("POST", "/v1.41/containers/box/start")
        let created = try JSONValue(parsing: call("POST", "/v1.41/containers/box/exec", #"{"AttachStdin":true,"AttachStdout":true,"Tty":true,"Cmd":["sh"]}"#).response.bodyText)
        let id = try XCTUnwrap(created["Id"]?.stringValue)
        let start = call("POST", "/v1.41/exec/\(id)/start", #"{"Detach":false,"Tty":true}"#)
        XCTAssertEqual(start.response.status, 101)
        XCTAssertEqual(start.history, ["docker exec -it box sh"])
        var stream = try XCTUnwrap(start.response.stream)
        XCTAssertEqual(text(api.poll(&stream, lab: lab).bytes), "/ # ")
        XCTAssertEqual(text(type("cd /tmp\rpwd\r", stream).bytes), "cd /tmp\r\n/tmp # pwd\r\n/tmp\r\n/tmp # ")
        XCTAssertEqual(try JSONValue(parsing: call("GET", "/v1.41/exec/\(id)/json").response.bodyText)["Running"], true)
        XCTAssertTrue(type("\u{4}", stream).done)
        XCTAssertTrue(api.poll(&stream, lab: lab).done)
        let inspect = try JSONValue(parsing: call("GET", "/v1.41/exec/\(id)/json").response.bodyText)
        XCTAssertEqual(inspect["Running"], false)
        XCTAssertEqual(inspect["ExitCode"], 0)
        XCTAssertEqual(lab.machine.engine.containers.first?.state.running, true)

        let piped = try JSONValue(parsing: call("POST", "/v1.41/containers/box/exec", #"{"AttachStdin":true,"AttachStdout":true,"AttachStderr":true,"Cmd":["sh"]}"#).response.bodyText)
        let pipedID = try XCTUnwrap(piped["Id"]?.stringValue)
        let stream2 = try XCTUnwrap(call("POST", "/v1.41/exec/\(pipedID)/start", #"{"Detach":false}"#).response.stream)
        XCTAssertTrue(type("echo a\n", stream2).bytes.isEmpty)
        let end = type("exit 4\n", stream2, closed: true)
        XCTAssertTrue(end.done)
        XCTAssertEqual(end.bytes, MultiplexedStream.frame(.stdout, "a\n"))
        XCTAssertEqual(try JSONValue(parsing: call("GET", "/v1.41/exec/\(pipedID)/json").response.bodyText)["ExitCode"], 4)
    }

    /// `echo hello | docker run -i alpine cat`: the program reads the whole input, then the container ends.
    func testRunReadingPipedInput() throws {
        XCTAssertEqual(call("POST", "/v1.41/containers/create?name=c1", #"{"Image":"alpine","Cmd":["cat"],"OpenStdin":true,"AttachStdin":true}"#).response.status, 201)
        var stream = try XCTUnwrap(call("POST", "/v1.41/containers/c1/attach?stream=1&stdin=1&stdout=1&stderr=1").response.stream)
        _ = call("POST", "/v1.41/containers/c1/start")
        XCTAssertEqual(api.poll(&stream, lab: lab).bytes, [])
        let out = type("hello\n", stream, closed: true)
        XCTAssertEqual(out.bytes, MultiplexedStream.frame(.stdout, "hello\n"))
        XCTAssertTrue(api.poll(&stream, lab: lab).done)
        XCTAssertEqual(lab.machine.engine.containers.first { $0.name == "c1" }?.state.running, false)
    }
}
