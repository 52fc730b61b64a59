import Foundation
import XCTest
@testable import LabCore

/// Focused checks of top, stats, history, df, info and version on engines set up through the
/// simulated shell (the whole outputs are compared with the real engine in
/// SystemCommandsTranscriptTests).
final class SystemCommandsTests: XCTestCase {
    /// A lab after running `lines` at its prompt.
    static func lab(_ lines: [String]) -> Lab {
        var lab = Lab()
        let shell = LabShell(terminalAttached: false)
        for line in lines { _ = shell.run(line, origin: .commandString, lab: &lab, output: CapturedOutput()) }
        return lab
    }

    static func run(_ line: String, in lab: inout Lab) -> (String, Int32) {
        let out = CapturedOutput()
        let outcome = LabShell(terminalAttached: false).run(line, origin: .commandString, lab: &lab, output: out)
        return (out.combined, outcome.status)
    }

    func testTopSplitsValuesWithBlanksLikeTheDaemon() {
        var lab = Self.lab(["docker run -d --name a alpine sleep 300"])
        let (out, status) = Self.run("docker top a -o pid,args,comm", in: &lab)
        XCTAssertEqual(status, 0)
        let lines = out.split(separator: "\n")
        XCTAssertEqual(lines.count, 2)
        // args "sleep 300" spills: COMMAND gets "sleep", the last COMMAND "300 sleep".
        XCTAssertTrue(lines[1].hasSuffix("sleep               300 sleep"), String(lines[1]))
    }

    func testTopErrorsOfPsAndOfTheDaemon() {
        var lab = Self.lab(["docker run -d --name a alpine sleep 300", "docker create --name c alpine"])
        XCTAssertEqual(Self.run("docker top a -o comm", in: &lab).0, "Error response from daemon: Couldn't find PID field in ps output\n")
        XCTAssertEqual(Self.run("docker top a -o nope", in: &lab).0,
                       "Error response from daemon: ps: error: unknown user-defined format specifier \"nope\"\n")
        XCTAssertEqual(Self.run("docker top a bogus", in: &lab).0, "Error response from daemon: ps: error: unsupported option (BSD syntax)\n")
        let id = lab.machine.engine.containers[1].id
        XCTAssertEqual(Self.run("docker top c", in: &lab).0, "Error response from daemon: Container \(id) is not running\n")
    }

    func testServicesRunAShellAndASleep() throws {
        let lab = Self.lab(["docker run -d --name web nginx"])
        let c = try XCTUnwrap(lab.machine.engine.containers.first)
        let ps = ContainerProcess.list(c, now: lab.clock.now)
        XCTAssertEqual(ps.map { $0.args.joined(separator: " ") }, ["/bin/sh /usr/local/bin/nginx -g daemon off;", "sleep 1"])
        XCTAssertEqual(ps.map(\.comm), ["nginx", "sleep"])
        XCTAssertEqual(ps[1].ppid, ps[0].pid)
    }

    func testPsLongFormatAsTheOracleShowedIt() {
        var lab = Self.lab(["docker run -d --name a alpine sleep 300"])
        let (out, _) = Self.run("docker top a -l", in: &lab)
        let rows = out.split(separator: "\n").map { $0.split(separator: " ").map(String.init) }
        XCTAssertEqual(rows[0], ["F", "S", "UID", "PID", "PPID", "C", "PRI", "NI", "ADDR", "SZ", "WCHAN", "TTY", "TIME", "CMD"])
        XCTAssertEqual(rows[1].count, 14)
        XCTAssertEqual(Array(rows[1][6...]), ["80", "0", "-", "567", "hrtime", "?", "00:00:00", "sleep"])
    }

    func testAShellLoopShowsItsSleep() throws {
        let lab = Self.lab(["docker run -d --name loop alpine sh -c 'for i in 1 2 3; do echo $i; sleep 60; done'"])
        let c = try XCTUnwrap(lab.machine.engine.containers.first)
        let ps = ContainerProcess.list(c, now: lab.clock.now)
        XCTAssertEqual(ps.map { $0.args.joined(separator: " ") }, ["sh -c for i in 1 2 3; do echo $i; sleep 60; done", "sleep 60"])
        XCTAssertEqual(ps.map(\.comm), ["sh", "sleep"])
    }

    func testBusyboxProgramsHaveTheirOwnSizes() throws {
        var lab = Self.lab(["docker run -d --name t alpine top"])
        let (out, _) = Self.run("docker top t -o rss,comm,pid", in: &lab)
        XCTAssertTrue(out.hasSuffix("\n1608                top                 " + String(ContainerInspect.pid(lab.machine.engine.containers[0])) + "\n"), out)
    }

    func testPsTimeColumns() {
        XCTAssertEqual(ProcessTable.elapsed(13), "00:13")
        XCTAssertEqual(ProcessTable.elapsed(3725), "01:02:05")
        XCTAssertEqual(ProcessTable.elapsed(90_061), "1-01:01:01")
        let t = 1_704_067_200.0 + 6 * 3600 + 5 * 60
        XCTAssertEqual(ProcessTable.shortStart(t, now: t + 60), "06:05")
        XCTAssertEqual(ProcessTable.shortStart(t, now: t + 86_400 * 3), "Jan01")
        XCTAssertEqual(ProcessTable.longStart(t), "Mon Jan  1 06:05:00 2024")
    }

    func testStatsOfCreatedAndLimitedContainers() throws {
        let lab = Self.lab(["docker create --name c alpine", "docker run -d --name m -m 64m alpine sleep 300"])
        let engine = lab.machine.engine
        let created = ContainerStats.row(label: "c", engine.containers[0], now: lab.clock.now, trunc: true)
        XCTAssertEqual(created["MemUsage"], "0B / 0B")
        XCTAssertEqual(created["PIDs"], "0")
        let limited = ContainerStats.row(label: "m", engine.containers[1], now: lab.clock.now, trunc: true)
        XCTAssertEqual(limited["MemUsage"], "324KiB / 64MiB")
        XCTAssertEqual(limited["MemPerc"], "0.49%")
    }

    func testStatsWithoutNoStreamPrintsOneSampleAndANote() {
        var lab = Self.lab(["docker run -d --name a alpine sleep 300"])
        let (out, status) = Self.run("docker stats a", in: &lab)
        XCTAssertEqual(status, 0)
        XCTAssertTrue(out.hasPrefix("CONTAINER ID   NAME      CPU %"), out)
        XCTAssertTrue(out.contains("\nlab: docker stats redraws"), out)
    }

    func testHistoryQuietAndRawSizes() {
        var lab = Self.lab(["docker pull alpine"])
        let id = lab.machine.engine.images[0].id
        XCTAssertEqual(Self.run("docker history -q alpine", in: &lab).0, String(id.dropFirst(7).prefix(12)) + "\n")
        XCTAssertEqual(Self.run("docker history -q --no-trunc alpine", in: &lab).0, id + "\n")
        XCTAssertEqual(Self.run("docker history --format '{{.Size}} {{.CreatedSince}}' -H=false alpine", in: &lab).0,
                       "1985610 " + DockerTime.rfc3339(lab.machine.engine.images[0].created) + "\n")
    }

    func testDiskUsageCountsTheSharedLayerOnce() {
        var lab = Self.lab(["docker pull alpine", "docker run -d --name a alpine sleep 300"])
        XCTAssertEqual(Self.run("docker system df --format '{{.Type}}: {{.Size}} {{.Reclaimable}}'", in: &lab).0,
                       "Images: 1.986MB 0B (0%)\nContainers: 0B 0B\nLocal Volumes: 0B 0B\nBuild Cache: 0B 0B\n")
        _ = Self.run("docker pull nginx", in: &lab)
        let rows = DiskUsage.summary(lab.machine.engine)
        XCTAssertEqual(rows[0]["Reclaimable"], "1.986MB (100%)")
        XCTAssertEqual(rows[0]["Size"], "1.986MB")
    }

    func testVolumeSizesAreTheirFilesBytes() {
        var lab = Self.lab(["docker volume create v", "docker run --rm -v v:/d alpine sh -c 'echo hello > /d/f'"])
        XCTAssertEqual(Self.run("docker system df --format '{{.Type}} {{.Size}} {{.Reclaimable}}'", in: &lab).0.split(separator: "\n")[2],
                       "Local Volumes 6B 6B (100%)")
    }

    func testInfoCountsTheMachinesContainersAndImages() {
        var lab = Self.lab(["docker run -d --name a alpine sleep 300", "docker create --name b alpine", "docker run -d --name p nginx",
                            "docker pause p"])
        XCTAssertEqual(Self.run("docker info --format '{{.Containers}} {{.ContainersRunning}} {{.ContainersPaused}} {{.ContainersStopped}} {{.Images}} {{.Name}}'", in: &lab).0,
                       "3 1 1 1 2 node1\n")
        let (text, _) = Self.run("docker info", in: &lab)
        XCTAssertTrue(text.contains("\n Name: node1\n ID: "), text)
        XCTAssertTrue(text.contains("\n Total Memory: 3.82GiB\n"), text)
        XCTAssertEqual(SystemInfo.daemonID("node1").count, 59)
        XCTAssertEqual(SystemInfo.daemonID("node1"), SystemInfo.daemonID("node1"))
        XCTAssertNotEqual(SystemInfo.daemonID("node1"), SystemInfo.daemonID("node2"))
    }

    func testVersionFormatsReadGoFieldsAndPrintJSONNames() {
        var lab = Lab()
        XCTAssertEqual(Self.run("docker version --format '{{.Client.APIVersion}}/{{.Server.APIVersion}}'", in: &lab).0, "1.41/1.41\n")
        XCTAssertTrue(Self.run("docker version --format json", in: &lab).0.hasPrefix(#"{"Client":{"Version":"28.2.2","ApiVersion":"1.41""#))
        XCTAssertEqual(Self.run("docker version -f '{{.Client.Os}}\t{{.Client.Arch}}'", in: &lab).0, "linux               amd64\n")
    }
}
