import Foundation
import XCTest

@testable import LabCore

/// An engine state built by hand as Fixtures/engine/scenarios/09-inspect-shapes.txt leaves the
/// real engine (`docker run -d --name web -p 8080:80 -e A=1 -v data:/data --restart
/// unless-stopped nginx`, `docker network create net1`), rendered and compared with that
/// transcript after the engine transcripts' normalisation (ids, digests, times).
final class ObjectRenderShapesTests: XCTestCase {
    static let start: Double = 1_795_497_571

    static func engine() throws -> DockerEngine {
        var engine = DockerEngine(machine: "shapes", now: start - 60)
        var ids = IDSource(seed: 9)
        engine.images.append(try XCTUnwrap(DockerEngine.registryImage(ImageName("nginx"), now: start - 400)))
        let image = engine.images[0]
        engine.volumes.append(Volume(name: "data", driver: "local", created: start, labels: [:], anonymous: false, files: VirtualFileSystem()))
        let bridge = engine.networks[0]
        let config = ContainerConfig(hostname: "", exposedPorts: image.exposedPorts, env: ["A=1"] + image.env, cmd: image.cmd,
                                     image: "nginx", volumes: image.volumes, workingDir: image.workingDir,
                                     entrypoint: image.entrypoint, labels: [:], stopSignal: nil, healthcheck: nil)
        let binding = PortBinding(containerPort: 80, proto: "tcp", hostIP: "", hostPort: "8080")
        let host = HostConfig(binds: ["data:/data"], portBindings: [binding], restartPolicy: "unless-stopped", maximumRetryCount: 0,
                              autoRemove: false, networkMode: "default", publishAllPorts: false, memory: 0, nanoCpus: 0, volumesFrom: nil)
        var state = ContainerState.created
        state.status = "running"
        state.startedAt = start + 0.25
        state.pid = 24020
        let id = ids.hexID()
        var web = Container(id: id, name: "web", created: start, imageID: image.id, config: config, hostConfig: host, state: state,
                            endpoints: [Endpoint(networkName: "bridge", networkID: bridge.id, endpointID: ids.hexID(), ipAddress: "172.17.0.2",
                                                 prefixLength: 16, gateway: "172.17.0.1", macAddress: "02:42:ac:11:00:02", aliases: [])],
                            boundPorts: [binding], mounts: [Mount(type: "volume", name: "data", source: "/var/lib/docker/volumes/data/_data",
                                                                  destination: "/data", mode: "z", readWrite: true)],
                            logs: [], restartCount: 0, files: VirtualFileSystem(), changes: [:])
        web.config.hostname = web.shortID
        engine.containers.append(web)
        engine.networks.append(Network(id: ids.hexID(), name: "net1", driver: "bridge", scope: "local", created: start + 0.5,
                                       subnet: "172.18.0.0/16", gateway: "172.18.0.1", userSubnet: false, isDefaultBridge: false,
                                       labels: [:], options: [:], attachable: false, internal: false, nextHost: 2))
        return engine
    }

    func testInspectShapesTranscript() throws {
        let engine = try Self.engine()
        let steps = try EngineTranscriptTests.transcript("09-inspect-shapes.txt")
        let commands = ["docker inspect web", "docker image inspect nginx", "docker network inspect bridge", "docker network inspect net1",
                        "docker volume inspect data", "docker images", "docker volume ls", "docker network ls",
                        "docker ps --no-trunc", "docker ps -s"]
        for command in commands {
            let step = try XCTUnwrap(steps.first { $0.command == command }, command)
            let out = ObjectRenderTests.render(command, engine: engine, now: Self.start + 1.2)
            XCTAssertEqual(EngineTranscriptTests.normalise(out.stdout + out.stderr), EngineTranscriptTests.normalise(step.output), command)
            XCTAssertEqual(out.status, step.status, command)
        }
    }

    /// 03-ports: `docker ps --format '{{.Names}} {{.Ports}}'` of published ports in several forms.
    func testPortsTranscript() throws {
        var engine = try Self.engine()
        var template = engine.containers[0]
        template.hostConfig.binds = nil
        template.mounts = []
        let forms: [(String, [PortBinding])] = [
            ("w1", [PortBinding(containerPort: 80, proto: "tcp", hostIP: "", hostPort: "8080")]),
            ("w3", [PortBinding(containerPort: 80, proto: "tcp", hostIP: "127.0.0.1", hostPort: "8081")]),
            ("w4", [PortBinding(containerPort: 80, proto: "tcp", hostIP: "", hostPort: "32768")]),
            ("w5", [PortBinding(containerPort: 80, proto: "tcp", hostIP: "", hostPort: "9000")]),
            ("w6", [PortBinding(containerPort: 53, proto: "udp", hostIP: "", hostPort: "53")]),
        ]
        engine.containers = []
        for (k, (name, ports)) in forms.enumerated() {
            var c = template
            c.id = String(repeating: String(k), count: 64)
            c.name = name
            c.created = Self.start + Double(k)
            c.boundPorts = ports
            c.hostConfig.portBindings = ports
            c.config.exposedPorts = name == "w6" ? ["53/udp"] : ["80/tcp"]
            engine.containers.append(c)
        }
        let steps = try EngineTranscriptTests.transcript("03-ports.txt")
        let step = try XCTUnwrap(steps.last { $0.command == "docker ps --format '{{.Names}} {{.Ports}}'" })
        let out = ObjectRenderTests.render(step.command, engine: engine, now: Self.start + 10)
        XCTAssertEqual(out.stdout, step.output)
    }
}

/// Fixtures/render/states.json: containers on the host and none networks, with limits and a TTY,
/// a created container connected to a second network before it started, a --rm container.
final class ObjectRenderStatesTests: XCTestCase {
    func testStatesMatchRecording() throws {
        let rec = try RenderFixture.load("states")
        var cases: [String: RenderFixture.Case] = [:]
        for c in rec.cases { cases[c.command] = c }
        let doc = { (name: String) throws -> JSONValue in
            try XCTUnwrap(try RenderFixture.inspected(cases["docker inspect " + name]).first)
        }
        var engine = DockerEngine(machine: "states", now: 0)
        let networkDocs = try RenderFixture.inspected(cases["docker network inspect host none rnd-sn"])
        for n in networkDocs {
            if let i = engine.networks.firstIndex(where: { $0.name == n["Name"]?.stringValue }) {
                engine.networks[i].id = n["Id"]?.stringValue ?? ""
                engine.networks[i].created = RenderFixture.parseTime(n["Created"]?.stringValue ?? "")
            } else {
                engine.networks.append(RenderFixture.network(n))
            }
        }
        engine.networks[0].id = try doc("rnd-rm")["NetworkSettings"]?["Networks"]?["bridge"]?["NetworkID"]?.stringValue ?? ""
        for name in ["rnd-host", "rnd-none", "rnd-c2", "rnd-rm", "rnd-hc"] { engine.containers.append(RenderFixture.container(try doc(name))) }
        // rnd-hc: --health-cmd true --health-interval 1s, healthy after its first check.
        let hc = try XCTUnwrap(engine.containers.firstIndex { $0.name == "rnd-hc" })
        engine.containers[hc].config.healthcheck = ["CMD-SHELL", "true"]
        engine.containers[hc].config.healthInterval = 1
        engine.containers[hc].state.health = "healthy"
        engine.containers.sort { $0.created < $1.created }
        // rnd-c2 never started: the engine keeps the endpoint `docker network connect bridge` added.
        let c2 = try XCTUnwrap(engine.containers.firstIndex { $0.name == "rnd-c2" })
        engine.containers[c2].endpoints = [Endpoint(networkName: "bridge", networkID: engine.networks[0].id, endpointID: "", ipAddress: "",
                                                    prefixLength: 0, gateway: "", macAddress: "", aliases: [])]
        for (name, repo) in [("rnd-host", "alpine:latest"), ("rnd-rm", "nginx:latest")] {
            engine.images.append(LocalImage(id: try doc(name)["Image"]?.stringValue ?? "", repoTags: [repo], repoDigests: [], created: 0,
                                            entrypoint: nil, cmd: nil, env: [], exposedPorts: [], volumes: [], workingDir: "",
                                            size: 1_985_610, service: nil))
        }
        let inspectCommands = ["docker inspect rnd-host", "docker inspect rnd-none", "docker inspect rnd-c2", "docker inspect rnd-rm",
                               "docker inspect rnd-hc",
                               "docker network inspect host none rnd-sn"]
        for command in inspectCommands {
            let c = try XCTUnwrap(cases[command])
            let out = ObjectRenderTests.render(command, engine: engine, now: c.now + 0.01)
            XCTAssertEqual(RenderFixture.normaliseInspect(out.stdout), RenderFixture.normaliseInspect(c.stdout), command)
        }
        for command in ["docker ps -a --filter health=healthy --format '{{.Names}}'","docker ps -a --filter name=rnd- --format '{{.Names}}|{{.Ports}}|{{.Networks}}|{{.Status}}|{{.Command}}|{{.Mounts}}|{{.LocalVolumes}}'",
                        "docker ps -a --filter network=host --format '{{.Names}}'", "docker ps -a --filter network=rnd-sn --format '{{.Names}}'",
                        "docker ps -a --filter health=none --filter name=rnd- --format '{{.Names}}'"] {
            let c = try XCTUnwrap(cases[command])
            let out = ObjectRenderTests.render(command, engine: engine, now: c.now + 0.01)
            XCTAssertEqual(out.stdout, c.stdout, command)
        }
    }
}

/// Fixtures/render/more.json: network dangling/scope filters, repeated filters (OR for names,
/// AND for labels), reference patterns; the engine then held only the alpine image.
final class ObjectRenderFilterTests: XCTestCase {
    func testFiltersMatchRecording() throws {
        let rec = try RenderFixture.load("more")
        var engine = DockerEngine(machine: "more", now: 0)
        engine.networks[0].id = "fa7f1c25a6ea" + String(repeating: "0", count: 52)
        engine.networks[1].id = "3a7621d2606a" + String(repeating: "1", count: 52)
        engine.networks[2].id = "223eecdbe622" + String(repeating: "2", count: 52)
        let created = { (name: String) in rec.setup.first { $0.command.contains(" " + name) }?.stdout.trimmingCharacters(in: .newlines) ?? "" }
        for name in ["rnd-used", "rnd-idle"] {
            engine.networks.append(Network(id: created(name), name: name, driver: "bridge", scope: "local", created: 0, subnet: nil,
                                           gateway: nil, userSubnet: false, isDefaultBridge: false, labels: [:], options: [:],
                                           attachable: false, internal: false, nextHost: 2))
        }
        let alpine = LocalImage(id: "sha256:" + String(repeating: "a", count: 64), repoTags: ["alpine:latest"], repoDigests: [], created: 0,
                                entrypoint: nil, cmd: ["/bin/sh"], env: [], exposedPorts: [], volumes: [], workingDir: "",
                                size: 1_985_610, service: nil)
        engine.images = [alpine]
        let specs: [(String, [String: String], String?, Bool)] = [
            ("rnd-a", ["a": "1", "b": "2"], "rnd-used", true), ("rnd-b", ["a": "1"], "bridge", true), ("rnd-c", [:], "rnd-idle", false),
        ]
        for (k, (name, labels, network, running)) in specs.enumerated() {
            let config = ContainerConfig(hostname: "", exposedPorts: [], env: [], cmd: ["sleep", "1000"], image: "alpine", volumes: [],
                                         workingDir: "", entrypoint: nil, labels: labels, stopSignal: nil, healthcheck: nil)
            let host = HostConfig(binds: nil, portBindings: [], restartPolicy: "no", maximumRetryCount: 0, autoRemove: false,
                                  networkMode: network == "bridge" ? "default" : network ?? "default", publishAllPorts: false, memory: 0,
                                  nanoCpus: 0, volumesFrom: nil)
            var state = ContainerState.created
            var endpoints: [Endpoint] = []
            if running, let net = engine.networks.first(where: { $0.name == network }) {
                state.status = "running"
                state.startedAt = Double(k) + 0.5
                endpoints = [Endpoint(networkName: net.name, networkID: net.id, endpointID: "e\(k)", ipAddress: "172.30.0.\(k + 2)",
                                      prefixLength: 16, gateway: "172.30.0.1", macAddress: "", aliases: [])]
            }
            engine.containers.append(Container(id: String(repeating: String(k), count: 64), name: name, created: Double(k), imageID: alpine.id,
                                               config: config, hostConfig: host, state: state, endpoints: endpoints, boundPorts: [],
                                               mounts: [], logs: [], restartCount: 0, files: VirtualFileSystem(), changes: [:]))
        }
        for c in rec.cases {
            let out = ObjectRenderTests.render(c.command, engine: engine, now: 10)
            XCTAssertEqual(out.stdout, c.stdout, c.command)
            XCTAssertEqual(out.stderr, c.stderr, c.command)
            XCTAssertEqual(out.status, c.status, c.command)
        }
    }
}

/// The engine's own operations (pull, create, start, network create) leave a state that renders
/// as the 09-inspect-shapes transcript shows, after the engine transcripts' normalisation.
final class ObjectRenderEngineTests: XCTestCase {
    func testEngineOperationsRenderLikeTranscript() throws {
        let start = ObjectRenderShapesTests.start
        var engine = DockerEngine(machine: "ops", now: start - 60)
        var ids = IDSource(seed: 7)
        var host = VirtualFileSystem()
        _ = try XCTUnwrap(engine.pull(ImageName("nginx"), now: start - 1))
        var request = ContainerRequest(image: "nginx")
        request.name = "web"
        request.env = ["A=1"]
        request.portBindings = [PortBinding(containerPort: 80, proto: "tcp", hostIP: "", hostPort: "8080")]
        request.binds = ["data:/data"]
        request.restartPolicy = "unless-stopped"
        _ = try engine.createContainer(request, ids: &ids, now: start)
        _ = try engine.start("web", ids: &ids, hostFiles: &host, now: start + 0.25)
        _ = try engine.createNetwork(name: "net1", driver: "bridge", subnet: nil, gateway: nil, labels: [:], isInternal: false,
                                     attachable: false, ids: &ids, now: start + 0.5)
        let steps = try EngineTranscriptTests.transcript("09-inspect-shapes.txt")
        for command in ["docker inspect web", "docker network inspect bridge", "docker network inspect net1", "docker volume inspect data",
                        "docker volume ls", "docker network ls", "docker ps --no-trunc", "docker ps -s"] {
            let step = try XCTUnwrap(steps.first { $0.command == command }, command)
            let out = ObjectRenderTests.render(command, engine: engine, now: start + 1.2)
            XCTAssertEqual(EngineTranscriptTests.normalise(out.stdout + out.stderr), EngineTranscriptTests.normalise(step.output), command)
        }
    }
}
