import XCTest
@testable import LabCore

/// The Engine API mapping without a socket: requests in, the daemon's statuses, JSON and
/// messages out, the session history each change leaves (Sources/LabCore/API).
final class EngineAPITests: XCTestCase {
    var api = EngineAPI()
    var lab = Lab()

    @discardableResult
    func call(_ method: String, _ target: String, _ body: String = "", headers: [String: String] = [:]) -> EngineAPI.Outcome {
        api.handle(APIRequest(method: method, target: target, headers: headers, body: Array(body.utf8)), lab: &lab)
    }

    func json(_ outcome: EngineAPI.Outcome) throws -> JSONValue { try JSONValue(parsing: outcome.response.bodyText) }

    /// create → 404 → pull → create → start, as `docker run -d` goes about it.
    func runDetached(_ name: String, image: String = "alpine", cmd: [String] = ["sleep", "1000"], extra: String = "") throws -> String {
        let cmdJSON = cmd.map { "\"\($0)\"" }.joined(separator: ",")
        let body = "{\"Image\":\"\(image)\",\"Cmd\":[\(cmdJSON)]\(extra)}"
        var created = call("POST", "/v1.41/containers/create?name=\(name)", body)
        if created.response.status == 404 {
            XCTAssertEqual(call("POST", "/v1.41/images/create?fromImage=docker.io%2Flibrary%2F\(image)&tag=latest").response.status, 200)
            created = call("POST", "/v1.41/containers/create?name=\(name)", body)
        }
        XCTAssertEqual(created.response.status, 201, created.response.bodyText)
        let id = try json(created)["Id"]?.stringValue ?? ""
        XCTAssertEqual(call("POST", "/v1.41/containers/\(id)/start").response.status, 204)
        return id
    }

    func testRequestTargetsAreReadWithAndWithoutTheVersion() {
        let r = APIRequest(method: "get", target: "/v1.43/containers/json?all=1&filters=%7B%22status%22%3A%7B%22exited%22%3Atrue%7D%7D&x=a+b")
        XCTAssertEqual(r.method, "GET")
        XCTAssertEqual(r.path, "/containers/json")
        XCTAssertEqual(r.version, "1.43")
        XCTAssertTrue(r.flag("all"))
        XCTAssertEqual(r.value("filters"), #"{"status":{"exited":true}}"#)
        XCTAssertEqual(r.value("x"), "a b")
        XCTAssertNil(APIRequest(method: "GET", target: "/_ping").version)
    }

    func testPingAndVersionNegotiation() throws {
        let head = call("HEAD", "/_ping").response
        XCTAssertEqual(head.status, 200)
        XCTAssertEqual(head.body, [])
        XCTAssertTrue(head.headers.contains { $0 == ("Swarm", "inactive") })
        XCTAssertTrue(head.headers.contains { $0 == ("Builder-Version", "1") })
        XCTAssertEqual(call("GET", "/_ping").response.bodyText, "OK")
        XCTAssertTrue(EngineAPI.commonHeaders.contains { $0 == ("Api-Version", "1.41") })
        for version in ["1.41", "1.44", "1.50"] {
            XCTAssertEqual(call("GET", "/v\(version)/version").response.status, 200, version)
        }
        XCTAssertEqual(try json(call("GET", "/version"))["ApiVersion"], "1.41")
        let tooNew = call("GET", "/v1.51/version").response
        XCTAssertEqual(tooNew.status, 400)
        XCTAssertEqual(tooNew.bodyText, #"{"message":"client version 1.51 is too new. Maximum supported API version is 1.50"}"# + "\n")
        XCTAssertEqual(call("GET", "/v1.41/nothing/here").response.status, 404)
        XCTAssertEqual(try json(call("GET", "/info"))["Name"], "node1")
        XCTAssertNil(try json(call("GET", "/info"))["ClientInfo"])
    }

    func testRunDetachedIsRecordedAsOneDockerRunLine() throws {
        let body = #"{"Image":"nginx","Env":["A=1"],"HostConfig":{"PortBindings":{"80/tcp":[{"HostIp":"","HostPort":"8080"}]},"RestartPolicy":{"Name":"always","MaximumRetryCount":0}}}"#
        let missing = call("POST", "/v1.41/containers/create?name=web", body)
        XCTAssertEqual(missing.response.status, 404)
        XCTAssertEqual(missing.response.bodyText, #"{"message":"No such image: nginx:latest"}"# + "\n")
        let pull = call("POST", "/v1.41/images/create?fromImage=docker.io%2Flibrary%2Fnginx&tag=latest")
        XCTAssertEqual(pull.history, ["docker pull nginx:latest"])
        let lines = pull.response.bodyText.split(separator: "\n").map(String.init)
        XCTAssertEqual(lines.first, #"{"status":"Pulling from library/nginx","id":"latest"}"#)
        XCTAssertEqual(lines.last, #"{"status":"Status: Downloaded newer image for nginx:latest"}"#)
        let created = call("POST", "/v1.41/containers/create?name=web", body)
        XCTAssertEqual(created.response.status, 201)
        XCTAssertEqual(created.history, [])
        let id = try json(created)["Id"]?.stringValue ?? ""
        let started = call("POST", "/v1.41/containers/web/start")
        XCTAssertEqual(started.response.status, 204)
        XCTAssertEqual(started.history, ["docker run -d --name web -e A=1 -p 8080:80 --restart always nginx"])
        XCTAssertEqual(call("POST", "/v1.41/containers/web/start").response.status, 304)
        let list = try json(call("GET", "/v1.41/containers/json"))
        guard case .array(let rows) = list, let row = rows.first else { return XCTFail("no list") }
        XCTAssertEqual(row["Id"]?.stringValue, id)
        XCTAssertEqual(row["Names"], ["/web"])
        XCTAssertEqual(row["State"], "running")
        XCTAssertEqual(row["Ports"], [["IP": "0.0.0.0", "PrivatePort": 80, "PublicPort": 8080, "Type": "tcp"],
                                      ["IP": "::", "PrivatePort": 80, "PublicPort": 8080, "Type": "tcp"]])
        let inspect = try json(call("GET", "/v1.41/containers/web/json"))
        XCTAssertEqual(inspect["HostConfig"]?["RestartPolicy"]?["Name"], "always")
        XCTAssertEqual(inspect["Name"], "/web")
    }

    func testCreateNotStartedIsRecordedAsCreate() throws {
        _ = call("POST", "/v1.41/images/create?fromImage=alpine&tag=latest")
        XCTAssertEqual(call("POST", "/v1.41/containers/create?name=c1", #"{"Image":"alpine","Cmd":["echo","hi there"],"Volumes":{"/data":{}}}"#).response.status, 201)
        XCTAssertEqual(call("POST", "/v1.41/containers/c1/rename?name=c2").history,
                       ["docker create --name c1 -v /data alpine echo 'hi there'", "docker rename c1 c2"])
        XCTAssertEqual(api.flushHistory(), [])
    }

    func testErrorsCarryTheDaemonsStatusAndMessage() throws {
        let id = try runDetached("web")
        func expect(_ outcome: EngineAPI.Outcome, _ status: Int, _ message: String, line: UInt = #line) {
            XCTAssertEqual(outcome.response.status, status, line: line)
            XCTAssertEqual(try? json(outcome)["message"]?.stringValue, message, line: line)
        }
        expect(call("POST", "/v1.41/containers/nosuch/stop"), 404, "No such container: nosuch")
        expect(call("DELETE", "/v1.41/containers/web"), 409,
               "You cannot remove a running container \(id). Stop the container before attempting removal or force remove")
        expect(call("POST", "/v1.41/containers/web/rename?name=web"), 400, "Renaming a container with the same name as its current name")
        XCTAssertEqual(call("POST", "/v1.41/containers/web/pause").response.status, 204)
        expect(call("POST", "/v1.41/containers/web/pause"), 409, "Container \(id) is already paused")
        XCTAssertEqual(call("POST", "/v1.41/containers/web/unpause").response.status, 204)
        XCTAssertEqual(call("POST", "/v1.41/containers/web/kill").response.status, 204)
        expect(call("POST", "/v1.41/containers/web/kill"), 409, "Cannot kill container: web: Container \(id) is not running")
        expect(call("POST", "/v1.41/containers/create?name=web", #"{"Image":"alpine"}"#), 409,
               "Conflict. The container name \"/web\" is already in use by container \"\(id)\". You have to remove (or rename) that container to be able to reuse that name.")
        expect(call("GET", "/v1.41/images/nosuch/json"), 404, "No such image: nosuch:latest")
        expect(call("GET", "/v1.41/networks/nosuch"), 404, "network nosuch not found")
        expect(call("GET", "/v1.41/volumes/nosuch"), 404, "get nosuch: no such volume")
        expect(call("GET", "/v1.41/containers/json?filters=%7B%22nope%22%3A%7B%22x%22%3Atrue%7D%7D"), 400, "Invalid filter 'nope'")
        XCTAssertEqual(call("DELETE", "/v1.41/containers/web?force=1&v=1").history, ["docker rm -f -v web"])
    }

    func testListFiltersAllAndLimit() throws {
        _ = try runDetached("up")
        _ = try runDetached("done", cmd: ["echo", "bye"])
        func names(_ target: String) throws -> [String] {
            guard case .array(let rows) = try json(call("GET", target)) else { return [] }
            return rows.compactMap { row -> String? in
                guard case .array(let names)? = row["Names"] else { return nil }
                return names.first?.stringValue
            }
        }
        XCTAssertEqual(try names("/v1.41/containers/json"), ["/up"])
        XCTAssertEqual(try names("/v1.41/containers/json?all=1"), ["/done", "/up"])
        XCTAssertEqual(try names("/v1.41/containers/json?all=1&limit=1"), ["/done"])
        XCTAssertEqual(try names("/v1.41/containers/json?filters=%7B%22status%22%3A%7B%22exited%22%3Atrue%7D%7D"), ["/done"])
        XCTAssertEqual(try names("/v1.41/containers/json?filters=%7B%22name%22%3A%5B%22up%22%5D%7D"), ["/up"])
    }

    func testLogsAreTheMultiplexedStream() throws {
        _ = try runDetached("talk", cmd: ["sh", "-c", "echo out; echo err >&2"])
        let logs = call("GET", "/v1.41/containers/talk/logs?stdout=1&stderr=1")
        XCTAssertEqual(logs.response.body, [1, 0, 0, 0, 0, 0, 0, 4] + Array("out\n".utf8) + [2, 0, 0, 0, 0, 0, 0, 4] + Array("err\n".utf8))
        XCTAssertEqual(logs.history, ["docker logs talk"])
        XCTAssertEqual(call("GET", "/v1.41/containers/talk/logs?stderr=1").response.body, [2, 0, 0, 0, 0, 0, 0, 4] + Array("err\n".utf8))
        XCTAssertEqual(call("GET", "/v1.41/containers/talk/logs?stdout=1&stderr=1&tail=1").response.body.count, 12)
        XCTAssertEqual(call("GET", "/v1.41/containers/talk/logs").response.status, 400)
    }

    func testAttachAndWaitLastUntilTheProcessEnds() throws {
        _ = call("POST", "/v1.41/images/create?fromImage=alpine&tag=latest")
        let id = try json(call("POST", "/v1.41/containers/create", #"{"Image":"alpine","Cmd":["echo","hello"]}"#))["Id"]?.stringValue ?? ""
        let attach = call("POST", "/v1.41/containers/\(id)/attach?stream=1&stdout=1&stderr=1")
        XCTAssertEqual(attach.response.status, 101)
        XCTAssertTrue(attach.response.upgrade)
        var output = try XCTUnwrap(attach.response.stream)
        var wait = try XCTUnwrap(call("POST", "/v1.41/containers/\(id)/wait?condition=next-exit").response.stream)
        XCTAssertEqual(api.poll(&output, lab: lab), APIStreamChunk(bytes: [], done: false))
        XCTAssertFalse(api.poll(&wait, lab: lab).done)
        XCTAssertEqual(call("POST", "/v1.41/containers/\(id)/start").history, ["docker run alpine echo hello"])
        XCTAssertEqual(api.poll(&output, lab: lab), APIStreamChunk(bytes: [1, 0, 0, 0, 0, 0, 0, 6] + Array("hello\n".utf8), done: true))
        XCTAssertEqual(api.poll(&wait, lab: lab), APIStreamChunk(bytes: Array(#"{"Error":null,"StatusCode":0}"#.utf8) + [10], done: true))
    }

    func testAutoRemovedContainersGoOnceTheirOutputIsTaken() throws {
        let id = try runDetached("gone", cmd: ["echo", "x"], extra: #","HostConfig":{"AutoRemove":true}"#)
        var wait = APIStream(kind: .wait(condition: "removed"), containerID: id)
        XCTAssertFalse(api.poll(&wait, lab: lab).done)
        XCTAssertTrue(api.tick(lab: &lab, wallTime: nil, streams: []))
        XCTAssertTrue(api.poll(&wait, lab: lab).done)
        XCTAssertEqual(call("GET", "/v1.41/containers/gone/json").response.status, 404)
    }

    func testImagesTagHistoryRemoveAndPrune() throws {
        _ = call("POST", "/v1.41/images/create?fromImage=alpine&tag=latest")
        XCTAssertEqual(call("POST", "/v1.41/images/alpine/tag?repo=localhost%3A5000%2Ftools%2Falpine&tag=3").response.status, 201)
        XCTAssertEqual(call("GET", "/v1.41/images/localhost:5000/tools/alpine:3/json").response.status, 200)
        guard case .array(let images) = try json(call("GET", "/v1.41/images/json")) else { return XCTFail() }
        XCTAssertEqual(images.first?["RepoTags"], ["alpine:latest", "localhost:5000/tools/alpine:3"])
        guard case .array(let history) = try json(call("GET", "/v1.41/images/alpine/history")) else { return XCTFail() }
        XCTAssertEqual(history.first?["Comment"], "Imported from -")
        let removed = call("DELETE", "/v1.41/images/localhost:5000/tools/alpine:3")
        XCTAssertEqual(try json(removed), [["Untagged": "localhost:5000/tools/alpine:3"]])
        XCTAssertEqual(removed.history, ["docker rmi localhost:5000/tools/alpine:3"])
        let pruned = try json(call("POST", "/v1.41/images/prune?filters=%7B%22dangling%22%3A%7B%22false%22%3Atrue%7D%7D"))
        guard case .array(let deleted)? = pruned["ImagesDeleted"] else { return XCTFail() }
        XCTAssertEqual(deleted.first, ["Untagged": "alpine:latest"])
        let unknown = call("POST", "/v1.41/images/create?fromImage=nosuchuser%2Fimg&tag=latest").response
        XCTAssertEqual(unknown.status, 404)
    }

    func testNetworksAndVolumes() throws {
        let created = call("POST", "/v1.41/networks/create", #"{"Name":"appnet","Driver":"bridge","IPAM":{"Config":[{"Subnet":"10.9.0.0/24"}]}}"#)
        XCTAssertEqual(created.response.status, 201)
        XCTAssertEqual(created.history, ["docker network create --subnet 10.9.0.0/24 appnet"])
        XCTAssertEqual(call("POST", "/v1.41/networks/create", #"{"Name":"appnet"}"#).response.status, 409)
        guard case .array(let nets) = try json(call("GET", "/v1.41/networks")) else { return XCTFail() }
        XCTAssertEqual(nets.compactMap { $0["Name"]?.stringValue }, ["appnet", "bridge", "host", "none"])
        _ = try runDetached("c1")
        let connect = call("POST", "/v1.41/networks/appnet/connect", #"{"Container":"c1","EndpointConfig":{"Aliases":["db"]}}"#)
        XCTAssertEqual(connect.response.status, 200)
        XCTAssertEqual(connect.history, ["docker network connect --alias db appnet c1"])
        XCTAssertEqual(call("DELETE", "/v1.41/networks/appnet").response.status, 403)
        XCTAssertEqual(call("POST", "/v1.41/networks/appnet/disconnect", #"{"Container":"c1"}"#).response.status, 200)
        XCTAssertEqual(call("DELETE", "/v1.41/networks/bridge").response.status, 403)
        XCTAssertEqual(try json(call("POST", "/v1.41/networks/prune"))["NetworksDeleted"], ["appnet"])

        XCTAssertEqual(call("POST", "/v1.41/volumes/create", #"{"Name":"data"}"#).response.status, 201)
        guard case .array(let volumes)? = try json(call("GET", "/v1.41/volumes"))["Volumes"] else { return XCTFail() }
        XCTAssertEqual(volumes.first?["Name"], "data")
        _ = try runDetached("user", extra: #","HostConfig":{"Binds":["data:/data"]}"#)
        XCTAssertEqual(call("DELETE", "/v1.41/volumes/data").response.status, 409)
        XCTAssertEqual(call("DELETE", "/v1.41/containers/user?force=1").response.status, 204)
        XCTAssertEqual(call("DELETE", "/v1.41/volumes/data").history, ["docker volume rm data"])
        XCTAssertEqual(try json(call("POST", "/v1.41/volumes/prune"))["VolumesDeleted"], .null)
    }

    func testTopStatsDiskUsageAndEvents() throws {
        _ = try runDetached("web", image: "nginx", cmd: [])
        let top = try json(call("GET", "/v1.41/containers/web/top?ps_args=-ef"))
        XCTAssertEqual(top["Titles"], ["UID", "PID", "PPID", "C", "STIME", "TTY", "TIME", "CMD"])
        let stats = try json(call("GET", "/v1.41/containers/web/stats?stream=false"))
        XCTAssertEqual(stats["name"], "/web")
        XCTAssertNotNil(stats["memory_stats"]?["limit"])
        let df = try json(call("GET", "/v1.41/system/df"))
        guard case .array(let images)? = df["Images"] else { return XCTFail() }
        XCTAssertEqual(images.first?["Containers"], 1)
        let events = call("GET", "/v1.41/events?since=0&until=\(Int(lab.clock.now))")
        XCTAssertNil(events.response.stream)
        XCTAssertTrue(events.response.bodyText.contains(#""Action":"start""#))
        let open = call("GET", "/v1.41/events?since=0")
        var stream = try XCTUnwrap(open.response.stream)
        XCTAssertEqual(api.poll(&stream, lab: lab).bytes, [])
        XCTAssertEqual(call("POST", "/v1.41/containers/web/stop").response.status, 204)
        XCTAssertTrue(String(decoding: api.poll(&stream, lab: lab).bytes, as: UTF8.self).contains(#""Action":"stop""#))
    }

    func testExecRunsInTheContainerAndReportsItsExitCode() throws {
        _ = try runDetached("web", image: "nginx", cmd: [])
        let created = call("POST", "/v1.41/containers/web/exec", #"{"Cmd":["sh","-c","echo $X; exit 3"],"Env":["X=1"],"AttachStdout":true}"#)
        XCTAssertEqual(created.response.status, 201)
        let id = try json(created)["Id"]?.stringValue ?? ""
        let started = call("POST", "/v1.41/exec/\(id)/start", #"{"Detach":false,"Tty":false}"#)
        XCTAssertEqual(started.response.status, 101)
        XCTAssertEqual(started.response.body, [1, 0, 0, 0, 0, 0, 0, 2] + Array("1\n".utf8))
        XCTAssertEqual(started.history, ["docker exec web sh -c 'echo $X; exit 3'"])
        XCTAssertEqual(try json(call("GET", "/v1.41/exec/\(id)/json"))["ExitCode"], 3)
        let missing = try json(call("POST", "/v1.41/containers/web/exec", #"{"Cmd":["nosuch"]}"#))["Id"]?.stringValue ?? ""
        let failed = call("POST", "/v1.41/exec/\(missing)/start", "{}").response
        XCTAssertEqual(String(decoding: failed.body.dropFirst(8), as: UTF8.self),
                       "OCI runtime exec failed: exec failed: unable to start container process: exec: \"nosuch\": executable file not found in $PATH: unknown\r\n")
        XCTAssertEqual(try json(call("GET", "/v1.41/exec/\(missing)/json"))["ExitCode"], 126)
        XCTAssertEqual(call("GET", "/v1.41/exec/nosuch/json").response.status, 404)
        XCTAssertEqual(call("POST", "/v1.41/containers/web/stop").response.status, 204)
        XCTAssertEqual(call("POST", "/v1.41/containers/web/exec", #"{"Cmd":["ls"]}"#).response.status, 409)
    }

    func testDiffAttachEventAndAFailedStartOfAnAutoRemovedContainer() throws {
        _ = try runDetached("box", cmd: ["sh", "-c", "echo content > /tmp/f; sleep 1000"])
        XCTAssertEqual(try json(call("GET", "/v1.41/containers/box/changes")),
                       [["Path": "/tmp", "Kind": 0], ["Path": "/tmp/f", "Kind": 1]])
        let id = try json(call("POST", "/v1.41/containers/create", #"{"Image":"alpine","Cmd":["nosuch"],"HostConfig":{"AutoRemove":true}}"#))["Id"]?.stringValue ?? ""
        XCTAssertEqual(call("POST", "/v1.41/containers/\(id)/attach?stream=1&stdout=1").response.status, 101)
        XCTAssertTrue(lab.machine.engine.recordedEvents.contains { $0.action == "attach" && $0.actorID == id })
        let start = call("POST", "/v1.41/containers/\(id)/start")
        XCTAssertEqual(start.response.status, 400)
        XCTAssertEqual(start.history, ["docker run --rm alpine nosuch"])
        XCTAssertEqual(call("GET", "/v1.41/containers/\(id)/json").response.status, 404)
    }
}
