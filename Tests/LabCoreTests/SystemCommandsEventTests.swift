import Foundation
import XCTest
@testable import LabCore

/// Checks `docker events` printing, filtering and formats against the real engine: the log the
/// engine recorded in Fixtures/engine/transcripts/24-events.txt (its unfiltered listing) is read
/// back into EngineEvent values, and every `docker events` line of that transcript is run
/// through EventLog against it. (The engine does not keep a log yet: see SystemCommands+EventModel.)
final class SystemCommandsEventTests: XCTestCase {
    /// Splits a recorded command line the way bash does for these lines (single quotes only).
    static func words(_ line: String) -> [String] {
        var out: [String] = [], word = "", quoted = false, started = false
        for ch in line {
            if ch == "'" { quoted.toggle(); started = true; continue }
            if ch == " " && !quoted {
                if started { out.append(word) }
                word = ""; started = false
                continue
            }
            word.append(ch); started = true
        }
        if started { out.append(word) }
        return out
    }

    static func invocation(_ line: String) throws -> DockerInvocation {
        guard case .invocation(let i) = DockerCommandLine.parse(Array(words(line).dropFirst())) else {
            throw NSError(domain: "not accepted: " + line, code: 1)
        }
        return i
    }

    /// One printed event line back into an event: `TIME TYPE ACTION ACTOR (k=v, …)`.
    static func event(_ line: Substring) -> EngineEvent? {
        let parts = line.split(separator: " ", maxSplits: 2, omittingEmptySubsequences: false)
        guard parts.count == 3 else { return nil }
        var rest = String(parts[2])
        var attributes: [String: String] = [:]
        if rest.hasSuffix(")"), let open = rest.range(of: " (", options: .backwards) {
            for pair in rest[open.upperBound..<rest.index(before: rest.endIndex)].components(separatedBy: ", ") {
                let kv = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
                attributes[String(kv[0])] = kv.count > 1 ? String(kv[1]) : ""
            }
            rest = String(rest[..<open.lowerBound])
        }
        guard let space = rest.lastIndex(of: " ") else { return nil }
        let stamp = String(parts[0])
        let day = stamp.prefix(10).split(separator: "-").compactMap { Int($0) }
        let clock = stamp.dropFirst(11).dropLast().split(separator: ":").compactMap { Double($0) }
        guard day.count == 3, clock.count == 3 else { return nil }
        let time = Double(EventLog.daysFromCivil(day[0], day[1], day[2])) * 86_400 + clock[0] * 3600 + clock[1] * 60 + clock[2]
        return EngineEvent(type: String(parts[1]), action: String(rest[..<space]), actorID: String(rest[rest.index(after: space)...]),
                           attributes: attributes, time: time)
    }

    static func normalise(_ text: String) -> String {
        let s = text.replacingOccurrences(of: #""time(Nano)?":\d+"#, with: "\"time$1\":<T>", options: .regularExpression)
        return EngineTranscriptTests.normalise(s)
    }

    func testEventsCommandsMatchTheRecordedEngine() throws {
        let steps = try EngineTranscriptTests.transcript("24-events.txt")
        let listing = try XCTUnwrap(steps.first { $0.command == "docker events --since 1m --until=-1s" })
        let log = listing.output.split(separator: "\n").compactMap(Self.event)
        XCTAssertEqual(log.count, 30)
        let now = (log.last?.time ?? 0) + 1
        var checked = 0
        for step in steps where step.command.hasPrefix("docker events") {
            checked += 1
            switch DockerCommandLine.parse(Array(Self.words(step.command).dropFirst())) {
            case .invocation(let i):
                let (out, _) = EventLog.output(i, events: log, now: now)
                XCTAssertEqual(out.status, step.status, step.command)
                XCTAssertEqual(Self.normalise(out.stdout + out.stderr), Self.normalise(step.output), step.command)
            case .failure(let e):
                // The client checks --since and --until itself.
                XCTAssertEqual(e.status, step.status, step.command)
                XCTAssertEqual(e.stdout + e.stderr, step.output, step.command)
            case .output:
                XCTFail(step.command)
            }
        }
        XCTAssertEqual(checked, 9)
    }

    func testAnEventPrintsItsAttributesSortedByKey() {
        let e = EngineEvent(type: "container", action: "exec_create: true ", actorID: "abc",
                            attributes: ["name": "web", "execID": "x", "image": "alpine"], time: 1_704_067_200.5)
        XCTAssertEqual(EventLog.line(e), "2024-01-01T00:00:00.500000000Z container exec_create: true  abc (execID=x, image=alpine, name=web)\n")
        let bare = EngineEvent(type: "container", action: "prune", actorID: "", attributes: [:], time: 1_704_067_200)
        XCTAssertEqual(EventLog.line(bare), "2024-01-01T00:00:00.000000000Z container prune \n")
    }

    func testJSONHasTheLegacyFieldsOnlyForContainersAndImages() {
        let n = EngineEvent(type: "network", action: "create", actorID: "n1", attributes: ["name": "x", "type": "bridge"], time: 1_704_067_200)
        XCTAssertEqual(EventLog.json(n).compactJSON(escapeHTML: false),
                       #"{"Type":"network","Action":"create","Actor":{"ID":"n1","Attributes":{"name":"x","type":"bridge"}},"scope":"local","time":1704067200,"timeNano":1704067200000000000}"#)
        let c = EngineEvent(type: "container", action: "start", actorID: "c1", attributes: ["image": "alpine", "name": "a"], time: 1_704_067_200)
        XCTAssertTrue(EventLog.json(c).compactJSON(escapeHTML: false).hasPrefix(#"{"status":"start","id":"c1","from":"alpine","Type":"container""#))
    }

    func testTimesAreDurationsUnixSecondsOrDates() {
        let now = 1_704_067_200.0 + 3600
        XCTAssertEqual(EventLog.timestamp("10m", now: now), now - 600)
        XCTAssertEqual(EventLog.timestamp("-1s", now: now), now + 1)
        XCTAssertEqual(EventLog.timestamp("1h30m", now: now), now - 5400)
        XCTAssertEqual(EventLog.timestamp("1704067200", now: now), 1_704_067_200)
        XCTAssertEqual(EventLog.timestamp("2024-01-01", now: now), 1_704_067_200)
        XCTAssertEqual(EventLog.timestamp("2024-01-01T00:30:00Z", now: now), 1_704_069_000)
        XCTAssertNil(EventLog.timestamp("foo", now: now))
        XCTAssertNil(EventLog.timestamp("10x", now: now))
    }

    func testWithoutUntilTheLabSaysTheRealCommandWouldWait() throws {
        let (out, wait) = EventLog.output(try Self.invocation("docker events"), events: [], now: 1_704_067_200)
        XCTAssertEqual(out.stdout, "")
        XCTAssertTrue(out.stderr.hasPrefix("lab: "))
        XCTAssertNil(wait)
        let (later, until) = EventLog.output(try Self.invocation("docker events --until=-5s"), events: [], now: 1_704_067_200)
        XCTAssertEqual(later.stderr, "")
        XCTAssertEqual(until, 1_704_067_205)
    }

    func testContainerEventsCarryLabelsImageAndName() throws {
        var lab = Lab()
        let out = CapturedOutput()
        _ = LabShell(terminalAttached: false).run("docker create --name web --label tier=front nginx", origin: .commandString, lab: &lab, output: out)
        let c = try XCTUnwrap(lab.machine.engine.containers.first)
        let e = EngineEvent.container(c, "die", time: 0, extra: ["exitCode": "0"])
        XCTAssertEqual(e.attributes, ["tier": "front", "image": "nginx", "name": "web", "exitCode": "0"])
        XCTAssertEqual(e.actorID, c.id)
    }

    func testStartAndEndRunsAreTheDaemonsOrder() throws {
        let steps = try EngineTranscriptTests.transcript("24-events.txt")
        let listing = try XCTUnwrap(steps.first { $0.command == "docker events --since 1m --until=-1s" })
        let recorded = listing.output.split(separator: "\n").map { Self.normalise(String($0)) }
        var lab = Lab()
        for line in ["docker volume create sys-vol", "docker network create sys-net",
                     "docker run -d --name sys-a --label tier=web -v sys-vol:/data --network sys-net alpine sleep 300"] {
            _ = LabShell(terminalAttached: false).run(line, origin: .commandString, lab: &lab, output: CapturedOutput())
        }
        let engine = lab.machine.engine
        let c = try XCTUnwrap(engine.containers.first)
        let start = EngineEvent.starting(c, engine: engine, time: 0).map { Self.normalise(EventLog.line($0)).dropLast() }
        XCTAssertEqual(start.map(String.init), Array(recorded[5...7]))
        let end = EngineEvent.ending(c, engine: engine, exitCode: 137, signals: [9], time: 0).map { Self.normalise(EventLog.line($0)).dropLast() }
        XCTAssertEqual(end.map(String.init), Array(recorded[13...16]))
        let exec = EngineEvent.exec(c, argv: ["true"], execID: String(repeating: "a", count: 64), exitCode: 0, time: 0)
        XCTAssertEqual(exec.map { String(Self.normalise(EventLog.line($0)).dropLast()) }, Array(recorded[10...12]))
    }

    func testTheLogKeepsTheDaemonsLast256Events() {
        var log: [EngineEvent] = []
        for k in 0..<300 {
            EngineEvent.append(EngineEvent(type: "volume", action: "create", actorID: "v\(k)", attributes: [:], time: Double(k)), to: &log)
        }
        XCTAssertEqual(log.count, 256)
        XCTAssertEqual(log.first?.actorID, "v44")
    }
}
