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
