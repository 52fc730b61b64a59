import XCTest
@testable import LabCore

/// The endpoints behind `docker update`, `docker push`, the legacy `docker build`, `docker
/// commit`, `docker save`/`load` and streamed `docker stats`, without a socket: statuses, the JSON
/// streams the client reads, and the history lines each change leaves (EngineBuildPushTests runs
/// them with the real client).
final class EngineAPIBuildPushTests: XCTestCase {
    var api = EngineAPI()
    var lab = Lab()

    @discardableResult
    func call(_ method: String, _ target: String, _ body: [UInt8] = [], headers: [String: String] = [:]) -> EngineAPI.Outcome {
        api.handle(APIRequest(method: method, target: target, headers: headers, body: body), lab: &lab)
    }

    func run(_ line: String) {
        _ = LabShell(terminalAttached: false).run(line, origin: .commandString, lab: &lab, output: DiscardedOutput())
    }

    func testUpdateChangesLimitsAndPolicyAndRecordsTheLine() throws {
        run("docker run -d --name web nginx")
        let body = #"{"Memory":67108864,"MemorySwap":134217728,"NanoCpus":1500000000,"RestartPolicy":{"Name":"on-failure","MaximumRetryCount":3}}"#
        let ok = call("POST", "/v1.41/containers/web/update", Array(body.utf8))
        XCTAssertEqual(ok.response.status, 200)
        XCTAssertEqual(ok.response.bodyText, #"{"Warnings":null}"# + "\n")
        XCTAssertEqual(ok.history, ["docker update --memory 67108864b --memory-swap 134217728b --cpus 1.5 --restart on-failure:3 web"])
        let c = lab.machine.engine.containers[try lab.machine.engine.containerIndex("web")]
        XCTAssertEqual(c.hostConfig.memory, 67108864)
        XCTAssertEqual(c.hostConfig.nanoCpus, 1_500_000_000)
        XCTAssertEqual(c.hostConfig.restartPolicy, "on-failure")
        XCTAssertEqual(c.hostConfig.maximumRetryCount, 3)
        let small = call("POST", "/v1.41/containers/web/update", Array(#"{"Memory":1048576,"RestartPolicy":{"Name":""}}"#.utf8)).response
        XCTAssertEqual(small.status, 400)
        XCTAssertEqual(small.bodyText, #"{"message":"Minimum memory limit allowed is 6MB"}"# + "\n")
        let missing = call("POST", "/v1.41/containers/nosuch/update", Array("{}".utf8)).response
        XCTAssertEqual(missing.status, 404)
        XCTAssertEqual(missing.bodyText, #"{"message":"No such container: nosuch"}"# + "\n")
    }

    func testPushStreamsTheLinesThenTheRefusalOrTheDigest() {
        run("docker pull alpine")
        run("docker tag alpine localhost:5000/tools/alpine")
        let refused = call("POST", "/v1.41/images/localhost:5000/tools/alpine/push?tag=latest", headers: ["X-Registry-Auth": "e30="])
        XCTAssertEqual(refused.response.status, 200)
        let refusal = #"Get \"http://localhost:5000/v2/\": dial tcp 127.0.0.1:5000: connect: connection refused"#
        XCTAssertEqual(refused.response.bodyText, #"{"status":"The push refers to repository [localhost:5000/tools/alpine]"}"# + "\n"
                       + #"{"errorDetail":{"message":"\#(refusal)"},"error":"\#(refusal)"}"# + "\n")
        XCTAssertEqual(refused.history, [])
        run("docker run -d --name reg -p 5000:5000 registry")
        let pushed = call("POST", "/v1.41/images/localhost:5000/tools/alpine/push?tag=latest", headers: ["X-Registry-Auth": "e30="])
        let lines = pushed.response.bodyText.split(separator: "\n").map(String.init)
        XCTAssertEqual(lines.count, 5, pushed.response.bodyText)
        XCTAssertTrue(lines[1].hasPrefix(#"{"status":"Preparing","progressDetail":{},"id":""#), lines[1])
        XCTAssertTrue(lines[3].hasPrefix(#"{"status":"latest: digest: sha256:"#), lines[3])
        XCTAssertTrue(lines[4].hasPrefix(#"{"progressDetail":{},"aux":{"Tag":"latest","Digest":"sha256:"#), lines[4])
        XCTAssertEqual(pushed.history, ["docker push localhost:5000/tools/alpine:latest"])
        // Docker Hub: the user comes from X-Registry-Auth (base64url JSON).
        XCTAssertEqual(EngineAPI.registryUser("eyJ1c2VybmFtZSI6ImxhYiJ9"), "lab")
        XCTAssertNil(EngineAPI.registryUser("e30="))
    }

    func testLegacyBuildUnpacksTheContextAndStreamsItsOutput() throws {
        let tar = TarArchive(entries: [.init(name: "Dockerfile", data: "FROM alpine\nCOPY a.txt /a.txt\nRUN exit 3\n"),
                                       .init(name: "a.txt", data: "hi\n")]).encoded()
        let failed = call("POST", "/v1.41/build?t=app&version=1", Array(tar.utf8))
        XCTAssertEqual(failed.response.status, 200)
        let text = failed.response.bodyText
        XCTAssertTrue(text.hasPrefix(#"{"stream":"Step 1/3 : FROM alpine\n"}"#), text)
        XCTAssertTrue(text.hasSuffix(#"{"errorDetail":{"code":3,"message":"The command '/bin/sh -c exit 3' returned a non-zero code: 3"},"error":"The command '/bin/sh -c exit 3' returned a non-zero code: 3"}"# + "\n"), text)
        // The scratch folder is gone afterwards.
        XCTAssertNil(lab.machine.files.node(at: EngineAPI.buildScratch))
        XCTAssertTrue(lab.machine.files.isDirectory("/var/lib"))
        let good = TarArchive(entries: [.init(name: "Dockerfile", data: "FROM alpine\nCOPY a.txt /a.txt\n"), .init(name: "a.txt", data: "hi\n")]).encoded()
        let built = call("POST", "/v1.41/build?t=app&q=1", Array(good.utf8))
        let lines = built.response.bodyText.split(separator: "\n").map(String.init)
        XCTAssertTrue(lines.first?.hasPrefix(#"{"aux":{"ID":"sha256:"#) ?? false, built.response.bodyText)
        XCTAssertTrue(lines.last?.hasPrefix(#"{"stream":"sha256:"#) ?? false, built.response.bodyText)
        XCTAssertEqual(built.history, ["docker build -q -t app ."])
        XCTAssertNotNil(lab.machine.engine.imageIndex("app:latest"))
        let parse = call("POST", "/v1.41/build", Array(TarArchive(entries: [.init(name: "Dockerfile", data: "FROM alpine\nBOGUS x\n")]).encoded().utf8)).response
        XCTAssertEqual(parse.status, 400)
        XCTAssertEqual(parse.bodyText, #"{"message":"dockerfile parse error line 2: unknown instruction: BOGUS"}"# + "\n")
        let missing = call("POST", "/v1.41/build?dockerfile=nope", Array(good.utf8)).response
        XCTAssertEqual(missing.bodyText, #"{"message":"Cannot locate specified Dockerfile: nope"}"# + "\n")
        XCTAssertEqual(call("POST", "/v1.41/build?version=2", Array(good.utf8)).response.status, 400)
        XCTAssertEqual(call("POST", "/v1.41/build?version=3", Array(good.utf8)).response.bodyText, #"{"message":"invalid version \"3\""}"# + "\n")
    }

    func testCommitSaveAndLoad() throws {
        run("docker run -d --name c1 alpine sleep 1000")
        let committed = call("POST", "/v1.41/commit?container=c1&repo=snap&tag=1&comment=note")
        XCTAssertEqual(committed.response.status, 201)
        XCTAssertEqual(committed.history, ["docker commit -m note c1 snap:1"])
        let saved = call("GET", "/v1.41/images/get?names=snap%3A1")
        XCTAssertEqual(saved.response.status, 200)
        run("docker rmi snap:1")
        let loaded = call("POST", "/v1.41/images/load?quiet=1", saved.response.body)
        XCTAssertEqual(loaded.response.bodyText, #"{"stream":"Loaded image: snap:1\n"}"# + "\n")
        XCTAssertTrue(call("POST", "/v1.41/images/load", Array("not a tar\n".utf8)).response.bodyText.hasPrefix(#"{"errorDetail":"#))
    }

    func testStatsStreamASampleASecondUntilTheContainerIsGone() throws {
        run("docker run -d --name web nginx")
        XCTAssertNil(call("GET", "/v1.41/containers/web/stats?stream=false").response.stream)
        XCTAssertNil(call("GET", "/v1.41/containers/web/stats?stream=0&one-shot=1").response.stream)
        XCTAssertEqual(call("GET", "/v1.41/containers/web/stats?stream=1&one-shot=1").response.bodyText,
                       #"{"message":"cannot have stream=true and one-shot=true"}"# + "\n")
        let response = call("GET", "/v1.41/containers/web/stats?stream=1").response
        XCTAssertTrue(response.bodyText.hasPrefix(#"{"read":"#))
        var stream = try XCTUnwrap(response.stream)
        XCTAssertEqual(api.poll(&stream, lab: lab), APIStreamChunk(bytes: [], done: false))
        lab.clock.advance(by: 1)
        let next = api.poll(&stream, lab: lab)
        XCTAssertFalse(next.done)
        XCTAssertTrue(String(decoding: next.bytes, as: UTF8.self).hasPrefix(#"{"read":"#))
        XCTAssertEqual(api.poll(&stream, lab: lab), APIStreamChunk(bytes: [], done: false))
        run("docker rm -f web")
        XCTAssertTrue(api.poll(&stream, lab: lab).done)
    }
}
