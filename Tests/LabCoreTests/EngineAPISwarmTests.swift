import Foundation
import XCTest
@testable import LabCore

/// The swarm's Engine API (Sources/LabCore/API/API+Swarm.swift, +Nodes, +Services, +Tasks,
/// +SwarmFiles): requests as the docker client sends them, the daemon's statuses and messages,
/// the objects `docker … inspect` prints, and the history each change leaves.
final class EngineAPISwarmTests: XCTestCase {
    var api = EngineAPI()
    var lab = Lab()

    @discardableResult
    func call(_ method: String, _ target: String, _ body: String = "") -> EngineAPI.Outcome {
        api.handle(APIRequest(method: method, target: target, body: Array(body.utf8)), lab: &lab)
    }

    func json(_ outcome: EngineAPI.Outcome) throws -> JSONValue { try JSONValue(parsing: outcome.response.bodyText) }

    /// What `docker service create -d --name NAME IMAGE` sends (recorded from the docker 28 client).
    func serviceBody(_ name: String, image: String = "nginx", replicas: Int? = nil) -> String {
        let pinned = Lab.pinnedImage(image)
        let mode = replicas.map { #"{"Replicated":{"Replicas":\#($0)}}"# } ?? #"{"Replicated":{}}"#
        return #"{"Name":"\#(name)","Labels":{},"TaskTemplate":{"ContainerSpec":{"Image":"\#(pinned)","Init":false,"DNSConfig":{}},"#
            + #""Resources":{"Limits":{},"Reservations":{}},"Placement":{"Platforms":[{"Architecture":"amd64","OS":"linux"}]},"ForceUpdate":0},"#
            + #""Mode":\#(mode),"EndpointSpec":{"Mode":"vip"}}"#
    }

    func initSwarm() throws {
        let outcome = call("POST", "/v1.41/swarm/init", #"{"ListenAddr":"0.0.0.0:2377","AdvertiseAddr":"127.0.0.1","Spec":{}}"#)
        XCTAssertEqual(outcome.response.status, 200, outcome.response.bodyText)
        XCTAssertEqual(outcome.history, ["docker swarm init --advertise-addr 127.0.0.1"])
    }

    func testOutsideASwarmTheDaemonRefusesAsNotAManager() throws {
        for target in ["/v1.41/swarm", "/v1.41/nodes", "/v1.41/services", "/v1.41/tasks", "/v1.41/secrets"] {
            let r = call("GET", target).response
            XCTAssertEqual(r.status, 503, target)
            XCTAssertEqual(try json(call("GET", target))["message"]?.stringValue, EngineError.notSwarmManager.message, target)
        }
        XCTAssertEqual(call("POST", "/v1.41/swarm/leave").response.bodyText, #"{"message":"This node is not part of a swarm"}"# + "\n")
    }

    func testInitInspectJoinTokensAndUpdate() throws {
        try initSwarm()
        let swarm = try json(call("GET", "/v1.41/swarm"))
        XCTAssertEqual(swarm["JoinTokens"]?["Worker"]?.stringValue, lab.swarm?.workerToken)
        XCTAssertEqual(swarm["Spec"]?["Orchestration"]?["TaskHistoryRetentionLimit"], 5)
        XCTAssertEqual(try json(call("GET", "/v1.41/info"))["Swarm"]?["LocalNodeState"], "active")
        XCTAssertEqual(call("POST", "/v1.41/swarm/init", "{}").response.status, 503)
        let version = swarm["Version"]?["Index"].flatMap(ServiceSpecBody.int) ?? 0
        let old = lab.swarm?.workerToken
        let update = call("POST", "/v1.41/swarm/update?version=\(version)&rotateWorkerToken=true",
                          #"{"Orchestration":{"TaskHistoryRetentionLimit":3},"EncryptionConfig":{"AutoLockManagers":false}}"#)
        XCTAssertEqual(update.response.status, 200)
        XCTAssertEqual(update.history, ["docker swarm update --task-history-limit 3", "docker swarm join-token --rotate worker"])
        XCTAssertNotEqual(lab.swarm?.workerToken, old)
        XCTAssertEqual(lab.swarm?.historyLimit, 3)
        XCTAssertEqual(try json(call("GET", "/v1.41/swarm/unlockkey"))["UnlockKey"], "")
    }

    func testNodesListInspectUpdateAndRemove() throws {
        try initSwarm()
        guard case .array(let nodes) = try json(call("GET", "/v1.41/nodes")), let id = nodes.first?["ID"]?.stringValue else { return XCTFail() }
        XCTAssertEqual(nodes.first?["ManagerStatus"]?["Addr"], "127.0.0.1:2377")
        XCTAssertEqual(nodes.first?["Description"]?["TLSInfo"]?["CertIssuerSubject"], .string(SwarmCA.issuerSubject))
        XCTAssertEqual(try json(call("GET", "/v1.41/nodes/self"))["message"], "node self not found")
        let drain = call("POST", "/v1.41/nodes/\(id)/update?version=11", #"{"Labels":{"zone":"a"},"Role":"manager","Availability":"drain"}"#)
        XCTAssertEqual(drain.response.status, 200)
        XCTAssertEqual(drain.history, ["docker node update --availability drain --label-add zone=a \(id)"])
        XCTAssertEqual(lab.swarm?.nodes.first?.labels, ["zone": "a"])
        let bad = call("POST", "/v1.41/nodes/\(id)/update?version=12", #"{"Labels":{},"Role":"manager","Availability":"foo"}"#).response
        XCTAssertEqual(bad.bodyText, #"{"message":"invalid Availability: \"foo\""}"# + "\n")
        XCTAssertEqual(try json(call("POST", "/v1.41/nodes/\(id)/update?version=13", #"{"Role":"worker","Availability":"active"}"#))["message"],
                       "rpc error: code = FailedPrecondition desc = attempting to demote the last manager of the swarm")
        XCTAssertEqual(call("DELETE", "/v1.41/nodes/nosuch").response.status, 404)
    }

    func testServicesTasksAndTheirProgress() throws {
        try initSwarm()
        let created = call("POST", "/v1.41/services/create", serviceBody("web", replicas: 2))
        XCTAssertEqual(created.response.status, 201, created.response.bodyText)
        XCTAssertEqual(created.history, ["docker service create --detach --name web --replicas 2 nginx"])
        let id = try json(created)["ID"]?.stringValue ?? ""
        func running() throws -> JSONValue? {
            guard case .array(let list) = try json(call("GET", "/v1.41/services?status=true")) else { return nil }
            return list.first?["ServiceStatus"]?["RunningTasks"]
        }
        // Just started: the client's first look sees the tasks starting.
        XCTAssertEqual(try running(), 0)
        lab.clock.advance(by: 1)
        XCTAssertEqual(try running(), 2)
        let upToDate = #"{"_up-to-date":{"true":true},"service":{"\#(id)":true}}"#.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? ""
        guard case .array(let tasks) = try json(call("GET", "/v1.41/tasks?filters=" + upToDate)) else { return XCTFail() }
        XCTAssertEqual(tasks.count, 2)
        XCTAssertEqual(tasks.first?["Status"]?["State"], "running")
        XCTAssertEqual(tasks.first?["DesiredState"], "running")
        // An update of the image replaces the tasks: updating until the monitoring period passes.
        let update = call("POST", "/v1.41/services/\(id)/update?version=20", serviceBody("web", image: "nginx:alpine", replicas: 2))
        XCTAssertEqual(update.response.bodyText, #"{"Warnings":null}"# + "\n")
        XCTAssertEqual(update.history, ["docker service update --detach --image nginx:alpine web"])
        XCTAssertEqual(try json(call("GET", "/v1.41/services/web"))["UpdateStatus"]?["State"], "updating")
        lab.clock.advance(by: 6)
        XCTAssertEqual(try json(call("GET", "/v1.41/services/web"))["UpdateStatus"]?["Message"], "update completed")
        // The update settings alone replace no task, and reset the status (swarmkit controlapi).
        var spec = ServiceSpecBody.spec(try json(call("GET", "/v1.41/services/web"))["Spec"] ?? .null)
        spec.updateParallelism = 2
        try lab.updateService("web", to: spec)
        XCTAssertNil(lab.swarm?.services.first?.updateState)
        let rollback = call("POST", "/v1.41/services/web/update?version=30&rollback=previous", serviceBody("web"))
        XCTAssertEqual(rollback.history, ["docker service rollback --detach web"])
        XCTAssertEqual(try json(call("GET", "/v1.41/services/web"))["UpdateStatus"]?["Message"], "manually requested rollback")
        XCTAssertEqual(try json(call("GET", "/v1.41/services/nosuch"))["message"], "service nosuch not found")
        XCTAssertEqual(call("DELETE", "/v1.41/services/web").history, ["docker service rm web"])
    }

    func testServiceLogsCarryTheTaskDetails() throws {
        try initSwarm()
        let body = serviceBody("echo", image: "alpine").replacingOccurrences(of: #""Init":false"#, with: #""Args":["echo","hi"],"Init":false"#)
        XCTAssertEqual(call("POST", "/v1.41/services/create", body).response.status, 201)
        let logs = call("GET", "/v1.41/services/echo/logs?details=1&stdout=1&stderr=1").response
        guard let task = lab.swarm?.tasks.first else { return XCTFail() }
        let expected = "com.docker.swarm.node.id=\(task.nodeID),com.docker.swarm.service.id=\(task.serviceID),com.docker.swarm.task.id=\(task.id) hi\n"
        XCTAssertEqual(Array(logs.body.dropFirst(8)), Array(expected.utf8))
        XCTAssertEqual(logs.body.first, 1)
    }

    func testSecretsConfigsAndTheImageDigest() throws {
        try initSwarm()
        let created = call("POST", "/v1.41/secrets/create", #"{"Name":"db_pw","Labels":{},"Data":"czNjcmV0"}"#)
        XCTAssertEqual(created.response.status, 201)
        XCTAssertEqual(created.history, ["docker secret create db_pw -"])
        XCTAssertEqual(lab.swarm?.secrets.first?.data, "s3cret")
        XCTAssertEqual(try json(call("POST", "/v1.41/secrets/create", #"{"Name":"db_pw","Data":"eA=="}"#))["message"],
                       "rpc error: code = AlreadyExists desc = secret db_pw already exists")
        XCTAssertNil(try json(call("GET", "/v1.41/secrets/db_pw"))["Spec"]?["Data"])
        XCTAssertEqual(call("POST", "/v1.41/secrets/db_pw/update?version=1", #"{"Name":"db_pw","Labels":{"a":"b"}}"#).response.status, 200)
        XCTAssertEqual(try json(call("POST", "/v1.41/secrets/db_pw/update?version=1", #"{"Name":"db_pw","Data":"eA=="}"#))["message"],
                       "rpc error: code = InvalidArgument desc = only updates to Labels are allowed")
        XCTAssertEqual(call("POST", "/v1.41/configs/create", #"{"Name":"site","Data":"aGVsbG8K"}"#).response.status, 201)
        XCTAssertEqual(try json(call("GET", "/v1.41/configs/site"))["Spec"]?["Data"], "aGVsbG8K")
        XCTAssertEqual(call("DELETE", "/v1.41/configs/site").response.status, 204)
        let digest = try json(call("GET", "/v1.41/distribution/nginx:latest/json"))["Descriptor"]?["digest"]?.stringValue ?? ""
        XCTAssertEqual("nginx:latest@" + digest, Lab.pinnedImage("nginx"))
    }
}
