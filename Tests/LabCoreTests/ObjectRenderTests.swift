import Foundation
import XCTest

@testable import LabCore

/// Object rendering (Sources/LabCore/Render/Objects) against the real engine's recordings in
/// Fixtures/render: the engine model is rebuilt from what the real engine showed, every
/// recorded command is rendered from it and compared with what docker printed.
final class ObjectRenderTests: XCTestCase {
    static let fixture = Result { try RenderFixture.main() }

    func fixture() throws -> RenderFixture { try Self.fixture.get() }

    /// Runs one recorded line through the renderer its command uses.
    static func render(_ line: String, engine: DockerEngine, now: Double) -> CommandOutput {
        let inv = renderInvocation(line)
        switch inv.path {
        case ["container", "ls"]: return ObjectListing.containers(inv, engine: engine, now: now)
        case ["image", "ls"]: return ObjectListing.images(inv, engine: engine, now: now)
        case ["network", "ls"]: return ObjectListing.networks(inv, engine: engine, now: now)
        case ["volume", "ls"]: return ObjectListing.volumes(inv, engine: engine, now: now)
        case ["inspect"]: return ObjectInspection.inspect(inv, kind: .any, engine: engine, now: now)
        case ["container", "inspect"]: return ObjectInspection.inspect(inv, kind: .container, engine: engine, now: now)
        case ["image", "inspect"]: return ObjectInspection.inspect(inv, kind: .image, engine: engine, now: now)
        case ["network", "inspect"]: return ObjectInspection.inspect(inv, kind: .network, engine: engine, now: now)
        case ["volume", "inspect"]: return ObjectInspection.inspect(inv, kind: .volume, engine: engine, now: now)
        default:
            XCTFail("no renderer for \(inv.path)")
            return CommandOutput()
        }
    }

    /// Compares a recorded case; `normalise` is applied to both stdouts.
    func check(_ c: RenderFixture.Case, _ f: RenderFixture, normalise: (String) -> String = { $0 },
               file: StaticString = #filePath, line: UInt = #line) {
        // The recorder took the time just before docker ran; docker read its clock a little later.
        let out = Self.render(c.command, engine: f.engine, now: c.now + 0.01)
        XCTAssertEqual(normalise(out.stdout), normalise(c.stdout), "stdout of \(c.command)", file: file, line: line)
        XCTAssertEqual(out.stderr, c.stderr, "stderr of \(c.command)", file: file, line: line)
        XCTAssertEqual(out.status, c.status, "status of \(c.command)", file: file, line: line)
    }

    func cases(_ f: RenderFixture, prefix: String) -> [RenderFixture.Case] {
        f.cases.values.filter { $0.command.hasPrefix(prefix) }.sorted { $0.command < $1.command }
    }

    func testDockerTimeFormats() {
        XCTAssertEqual(DockerTime.rfc3339Nano(nil), "0001-01-01T00:00:00Z")
        XCTAssertEqual(DockerTime.rfc3339Nano(1_704_067_200), "2024-01-01T00:00:00Z")
        XCTAssertEqual(DockerTime.rfc3339Nano(1_704_067_200.5), "2024-01-01T00:00:00.5Z")
        XCTAssertEqual(DockerTime.rfc3339Nano(1_795_499_832.25), "2026-11-24T05:57:12.25Z")
        XCTAssertEqual(DockerTime.rfc3339(1_795_499_832.9), "2026-11-24T05:57:12Z")
        XCTAssertEqual(DockerTime.goString(seconds: 1_795_499_832.9), "2026-11-24 05:57:12 +0000 UTC")
        XCTAssertEqual(DockerTime.goString(1_795_499_832.125), "2026-11-24 05:57:12.125 +0000 UTC")
        XCTAssertEqual(DockerTime.rfc3339Nano(951_782_400), "2000-02-29T00:00:00Z")
        XCTAssertEqual(DockerTime.rfc3339Nano(.infinity), "9999-12-31T23:59:59Z")
        XCTAssertEqual(DockerTime.rfc3339(-.infinity), "0001-01-01T00:00:00Z")
    }

    func testPortDisplay() {
        typealias P = PortDisplay.Port
        let ports = [
            P(privatePort: 80, publicPort: 9000, type: "tcp", ip: "0.0.0.0"), P(privatePort: 80, publicPort: 9000, type: "tcp", ip: "::"),
            P(privatePort: 5000, publicPort: 0, type: "tcp", ip: ""), P(privatePort: 5001, publicPort: 0, type: "tcp", ip: ""),
            P(privatePort: 7000, publicPort: 7000, type: "udp", ip: "127.0.0.1"),
            P(privatePort: 8090, publicPort: 8090, type: "tcp", ip: "0.0.0.0"), P(privatePort: 8090, publicPort: 8090, type: "tcp", ip: "::"),
            P(privatePort: 8091, publicPort: 8091, type: "tcp", ip: "0.0.0.0"), P(privatePort: 8091, publicPort: 8091, type: "tcp", ip: "::"),
        ]
        // Recorded: extra.json, `docker ps --filter name=rnd-ports --format '{{.Ports}}'`.
        XCTAssertEqual(PortDisplay.display(ports.reversed()),
                       "5000-5001/tcp, 127.0.0.1:7000->7000/udp, 0.0.0.0:8090-8091->8090-8091/tcp, [::]:8090-8091->8090-8091/tcp, 0.0.0.0:9000->80/tcp, [::]:9000->80/tcp")
    }

    /// Only mappings to other host ports, on both addresses, and on one address in reverse order.
    func testPortDisplayOfMappingsOnly() {
        typealias P = PortDisplay.Port
        let both = [P(privatePort: 80, publicPort: 8080, type: "tcp", ip: "::"), P(privatePort: 80, publicPort: 8080, type: "tcp", ip: "0.0.0.0")]
        XCTAssertEqual(PortDisplay.display(both), "0.0.0.0:8080->80/tcp, [::]:8080->80/tcp")
        let two = [P(privatePort: 443, publicPort: 8443, type: "tcp", ip: "127.0.0.1"), P(privatePort: 53, publicPort: 5353, type: "udp", ip: "127.0.0.1")]
        XCTAssertEqual(PortDisplay.display(two), "127.0.0.1:5353->53/udp, 127.0.0.1:8443->443/tcp")
        XCTAssertEqual(PortDisplay.display([two[0]]), "127.0.0.1:8443->443/tcp")
    }

    /// Cells are padded to the widest cell of their column plus 3 (at least 10), however wide.
    func testTablePadsWideColumns() {
        let wide = String(repeating: "x", count: 70)
        let table = ListFormat.table(["NAME", "ID"], [[wide, "1"], ["…é", "2"]])
        let pad = { (n: Int) in String(repeating: " ", count: n) }
        XCTAssertEqual(table, "NAME" + pad(69) + "ID\n" + wide + pad(3) + "1\n" + "…é" + pad(71) + "2\n")
        XCTAssertEqual(ListFormat.table(["A", "B"], []), "A" + pad(9) + "B\n")
    }

    /// docker/cli ContainerContext.Image: the familiar reference while truncating, the image id once
    /// the name no longer names the container's image.
    func testImageColumn() throws {
        var engine = try fixture().engine
        var c = try XCTUnwrap(engine.containers.first { $0.name == "rnd-web" })
        c.config.image = "docker.io/library/nginx:latest"
        XCTAssertEqual(ObjectListing.image(c, engine: engine, trunc: true), "nginx:latest")
        XCTAssertEqual(ObjectListing.image(c, engine: engine, trunc: false), "docker.io/library/nginx:latest")
        c.config.image = "nginx@sha256:" + String(repeating: "0", count: 64)
        XCTAssertEqual(ObjectListing.image(c, engine: engine, trunc: true), String(c.imageID.dropFirst(7).prefix(12)))
        c.config.image = "nginx"
        engine.images.removeAll { $0.id == c.imageID }
        XCTAssertEqual(ObjectListing.image(c, engine: engine, trunc: true), String(c.imageID.dropFirst(7).prefix(12)))
        XCTAssertEqual(ObjectListing.image(c, engine: engine, trunc: false), c.imageID)
    }

    func testContainerInspectMatchesRecording() throws {
        let f = try fixture()
        for name in ["rnd-web", "rnd-created", "rnd-exited", "rnd-onnet", "rnd-exposed", "rnd-paused"] {
            check(try XCTUnwrap(f.cases["docker inspect " + name]), f, normalise: RenderFixture.normaliseInspect)
        }
        check(try XCTUnwrap(f.cases["docker inspect rnd-web rnd-nosuch"]), f, normalise: RenderFixture.normaliseInspect)
    }

    func testNetworkVolumeImageInspectMatchRecording() throws {
        let f = try fixture()
        for command in ["docker inspect rnd-net", "docker network inspect rnd-net", "docker network inspect host none",
                        "docker volume inspect rnd-data rnd-vol2", "docker inspect rnd-vol2", "docker inspect --type volume rnd-vol2",
                        "docker inspect --format json rnd-vol2", "docker image inspect rnd-tag/nginx:1"] {
            // The model keeps no tag time: `docker tag` set rnd-tag/nginx:1's LastTagTime.
            check(try XCTUnwrap(f.cases[command]), f, normalise: {
                RenderFixture.normaliseInspect($0).replacingOccurrences(
                    of: #""LastTagTime": "[^"]*""#, with: #""LastTagTime": "<TAGGED>""#, options: .regularExpression)
            })
        }
    }

    func testInspectErrorsAndFormats() throws {
        let f = try fixture()
        for command in [
            "docker inspect rnd-nosuch", "docker container inspect rnd-nosuch", "docker image inspect rnd-nosuch",
            "docker image inspect rnd-nosuch:2", "docker network inspect rnd-nosuch", "docker volume inspect rnd-nosuch",
            "docker inspect --type image rnd-web", "docker inspect --type container nginx", "docker inspect --type network rnd-nosuch",
            "docker inspect --type volume rnd-nosuch", "docker inspect -f '{{.Name}}' rnd-web rnd-nosuch rnd-exited",
            "docker container inspect -f '{{.Name}}' rnd-nosuch rnd-web", "docker inspect -f '{{.Name}} {{.Driver}}' rnd-net rnd-vol2",
            "docker inspect -s -f '{{.SizeRw}} {{.SizeRootFs}}' rnd-web", "docker network inspect -f '{{.Name}}' rnd-net nosuch-rnd",
            "docker volume inspect -f '{{.Name}}' rnd-vol2 nosuch-rnd", "docker image inspect -f '{{.Id}}' nosuch-rnd alpine",
            "docker inspect -f '{{json .NetworkSettings.Ports}}' rnd-paused rnd-created rnd-exited rnd-onnet",
        ] {
            check(try XCTUnwrap(f.cases[command]), f)
        }
        let extra = try RenderFixture.load("extra")
        for command in ["docker inspect -f '{{.Name}}' rnd-nosuch", "docker inspect -f '{{.Name' rnd-nosuch",
"docker inspect -f '{{.Foo}}' rnd-ports rnd-stopped"] {
            var c = try XCTUnwrap(extra.cases.first { $0.command == command })
            c.command = c.command.replacingOccurrences(of: "rnd-stopped", with: "rnd-exited")
            check(c, f)
        }
    }

    func testContainerListsMatchRecording() throws {
        let f = try fixture()
        let list = cases(f, prefix: "docker ps") + cases(f, prefix: "docker container ls")
        XCTAssertGreaterThan(list.count, 50)
        for c in list { check(c, f) }
    }

    func testNetworkAndVolumeListsMatchRecording() throws {
        let f = try fixture()
        for c in cases(f, prefix: "docker network ls") + cases(f, prefix: "docker volume ls") {
            check(c, f, normalise: RenderFixture.normaliseInspect)
        }
    }

    /// Images created in the same second come in an order the real daemon does not fix (it sorts
    /// by creation second with an unstable sort): compare the header and the set of rows.
    func testImageListsMatchRecording() throws {
        let f = try fixture()
        let rows = { (s: String) -> [String] in
            var lines = s.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
            let head = lines.isEmpty ? [] : [lines.removeFirst()]
            return head + lines.sorted()
        }
        for c in cases(f, prefix: "docker images") {
            // The model keeps no image labels (the recording's rnd-img was built with LABEL rnd=…).
            if c.command.contains("label=") { continue }
            let json = c.command.contains("json") || c.command.contains("-q") || c.command.contains("{{")
            check(c, f, normalise: { json ? $0.split(separator: "\n").sorted().joined(separator: "\n") : rows($0).joined(separator: "\n") })
        }
    }

    func testFilterAndFormatErrorsMatchRecording() throws {
        let f = try fixture()
        let extra = try RenderFixture.load("extra")
        for command in [
            "docker images --filter dangling=x", "docker images --filter dangling=1 -q", "docker images --filter before=rnd-nosuch",
            "docker images --format '{{.Foo}}' rnd-nosuch", "docker images --format 'table {{.Foo}}' rnd-nosuch", "docker images rnd-nosuch",
            "docker network ls --filter nosuch=1", "docker network ls --format '{{.Foo}}'", "docker volume ls --filter nosuch=1",
            "docker volume ls --filter dangling=x", "docker volume ls --format 'table {{.Foo}}' --filter name=rnd-nosuch",
            "docker volume ls --filter name=rnd-nosuch", "docker volume ls --format '{{.Foo' --filter name=rnd-nosuch",
            "docker volume ls --format '{{.Foo}}' --filter name=rnd-vol",
            "docker ps --filter name=rnd-nosuch", "docker ps --filter name=rnd-nosuch --format 'table {{.Names}}'",
            "docker ps --format '{{.Foo' --filter name=rnd-nosuch", "docker ps --filter health=x", "docker ps --filter is-task=x",
            "docker ps -a --filter publish=8090-8091 --format '{{.Names}}'", "docker ps -a --filter publish=7000/udp --format '{{.Names}}'",
            "docker ps -a --filter expose=5000-5001/tcp --format '{{.Names}}'", "docker ps --filter name=rnd-ports --format '{{.Ports}}'",
        ] {
            check(try XCTUnwrap(extra.cases.first { $0.command == command }, command), f)
        }
    }
}
