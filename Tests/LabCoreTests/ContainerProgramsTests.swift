import XCTest
@testable import LabCore

/// Programs inside containers: busybox wording in alpine (recorded on the real engine:
/// Fixtures/containers/busybox-applets.txt), the shells' own `not found` (shells.txt), read-only
/// mounts, and which image has which program (ImageFamily's sources).
final class ContainerProgramsTests: XCTestCase {
    /// One line's combined output and exit status.
    struct Ran: Equatable {
        var output: String
        var status: Int32
        init(_ output: String, _ status: Int32) { self.output = output; self.status = status }
    }

    /// Runs lines one after another in one fresh lab; each line's combined output and status.
    static func run(_ lines: [String]) -> [Ran] {
        var lab = Lab()
        let shell = LabShell(terminalAttached: false)
        return lines.map { line in
            lab.machine.shell.lastStatus = 0
            let out = CapturedOutput()
            let outcome = shell.run(line, origin: .commandString, lab: &lab, output: out)
            return Ran(out.combined, outcome.status)
        }
    }

    /// The last line's output and status, after `setup` lines whose output is ignored.
    static func last(_ line: String, after setup: [String] = []) -> Ran {
        run(["docker pull -q alpine", "docker pull -q ubuntu"] + setup + [line]).last!
    }

    /// The recorded commands of a fixture with their output and status (`$ cmd`, lines, `[exit N]`).
    static func recorded(_ name: String) throws -> [(command: String, output: String, status: Int32)] {
        let url = try XCTUnwrap(Bundle.module.url(forResource: "Fixtures/containers/" + name, withExtension: nil))
        var result: [(String, String, Int32)] = []
        var command: String?
        var output = ""
        for line in try String(contentsOf: url, encoding: .utf8).split(separator: "\n", omittingEmptySubsequences: false) {
            if line.hasPrefix("$ ") { command = String(line.dropFirst(2)); output = ""; continue }
            if line.hasPrefix("[exit "), let c = command {
                result.append((c, output, Int32(line.dropFirst(6).dropLast()) ?? -1))
                command = nil
                continue
            }
            if command != nil { output += line + "\n" }
        }
        return result
    }

    func testBusyboxAppletsWordTheirErrorsAsRecorded() throws {
        let cases = try Self.recorded("busybox-applets.txt")
        let simulated = ["cat /nope", "ls /nope", "rm /nope", "rm /tmp", "rmdir /nope", "mkdir /nope/x", "mkdir /tmp", "cp /nope /tmp/x",
                         "mv /nope /tmp/x", "touch /nope/x", "head /nope", "wc /nope", "grep x /nope", "cat /tmp",
                         "sh -c 'cat < /nope'", "sh -c 'echo x > /nope/y'", "sh -c 'cd /nope'", "sh -c 'ping x'",
                         "curl http://x", "rm", "mkdir"]
        var checked = 0
        for (command, output, status) in cases {
            guard let args = simulated.first(where: { command.hasSuffix("alpine " + $0) }) else { continue }
            let r = Self.last("docker run --rm alpine " + args)
            let (ours, code) = (r.output, r.status)
            XCTAssertEqual(ours, output, command)
            XCTAssertEqual(code, status, command)
            checked += 1
        }
        XCTAssertEqual(checked, simulated.count)
    }

    func testBusyboxTailAndHeadInAScript() {
        XCTAssertEqual(Self.last("docker run --rm alpine sh -c 'tail /nope; head /nope; cat /nope /etc/hostname >/dev/null; echo $?'").output,
                       "tail: can't open '/nope': No such file or directory\ntail: no files\nhead: /nope: No such file or directory\n"
                       + "cat: can't open '/nope': No such file or directory\n1\n")
    }

    func testProgramsByTheirPaths() {
        XCTAssertEqual(Self.last("docker run --rm alpine /bin/sh -c 'echo hi; /bin/echo there'"), Ran("hi\nthere\n", 0))
        XCTAssertEqual(Self.last("docker run --rm ubuntu /bin/bash -c 'echo $0'").status, 0)
        XCTAssertEqual(Self.last("docker run --rm alpine /bin/bash").status, 127)
    }

    func testAshSaysNotFound() {
        XCTAssertEqual(Self.last("docker run --rm alpine sh -c 'foo; echo $?'").output, "sh: foo: not found\n127\n")
        XCTAssertEqual(Self.last("docker run --rm alpine sh -c 'bash -c x'").output, "sh: bash: not found\n")
    }

    func testDebianShIsDashAndBashIsBash() {
        // shells.txt: dash and bash as the development machine (Debian) runs them.
        XCTAssertEqual(Self.last("docker run --rm ubuntu sh -c 'ping x'").output, "sh: 1: ping: not found\n")
        XCTAssertEqual(Self.last("docker run --rm ubuntu sh -c 'ping x'").status, 127)
        XCTAssertEqual(Self.last("docker run --rm ubuntu bash -c 'ping x'").output, "bash: line 1: ping: command not found\n")
        XCTAssertEqual(Self.last("docker run --rm ubuntu sh -c 'cat < /nope'").output, "sh: 1: cannot open /nope: No such file\n")
        XCTAssertEqual(Self.last("docker run --rm ubuntu sh -c 'cat < /nope'").status, 2)
        XCTAssertEqual(Self.last("docker run --rm ubuntu sh -c 'echo x > /nope/y'").output, "sh: 1: cannot create /nope/y: Directory nonexistent\n")
        XCTAssertEqual(Self.last("docker run --rm ubuntu sh -c 'cd /nope'").output, "sh: 1: cd: can't cd to /nope\n")
        XCTAssertEqual(Self.last("docker run --rm ubuntu bash -c 'cd /nope'").output, "bash: line 1: cd: /nope: No such file or directory\n")
        // GNU wording stays in ubuntu.
        XCTAssertEqual(Self.last("docker run --rm ubuntu cat /nope").output, "cat: /nope: No such file or directory\n")
    }

    func testWhichImageHasWhichProgram() {
        func has(_ image: String, _ program: String) -> Bool {
            ImageFamily.family(named: image)!.programs.program(named: program) != nil
        }
        XCTAssertTrue(has("ubuntu", "bash"))
        XCTAssertFalse(has("ubuntu", "ping"))
        XCTAssertFalse(has("ubuntu", "curl"))
        XCTAssertTrue(has("alpine", "ping"))
        XCTAssertTrue(has("alpine", "wget"))
        XCTAssertFalse(has("alpine", "bash"))
        XCTAssertFalse(has("alpine", "curl"))
        XCTAssertTrue(has("nginx", "curl"))
        XCTAssertFalse(has("nginx", "wget"))
        XCTAssertTrue(has("nginx:alpine", "wget"))
        XCTAssertTrue(has("node", "wget"))
        XCTAssertTrue(has("python", "curl"))
        XCTAssertFalse(has("httpd", "curl"))
        XCTAssertTrue(has("centos:7", "bash"))
        XCTAssertNil(ImageFamily.family(named: "nosuchimage"))
    }

    func testMissingProgramIsTheOCIErrorForTheImage() throws {
        var lab = Lab()
        let shell = LabShell(terminalAttached: false)
        let out = CapturedOutput()
        _ = shell.run("docker pull -q ubuntu; docker create --name u ubuntu ping x", origin: .commandString, lab: &lab, output: out)
        let engine = lab.machine.engine
        let c = try XCTUnwrap(engine.containers.first { $0.name == "u" })
        XCTAssertEqual(ContainerRuntime.checkExecutable("ping", container: c, engine: engine), .executableNotFound("ping"))
        XCTAssertNil(ContainerRuntime.checkExecutable("bash", container: c, engine: engine))
        XCTAssertNil(ContainerRuntime.checkExecutable("/bin/bash", container: c, engine: engine))
        XCTAssertEqual(ContainerRuntime.checkExecutable("curl", container: c, engine: engine), .executableNotFound("curl"))
    }

    func testMissingProgramThroughRunAndExec() {
        // busybox-applets.txt records the run form for alpine's missing curl; ubuntu has no ping.
        XCTAssertEqual(Self.last("docker run --rm ubuntu ping -c 1 x"),
                       Ran("docker: Error response from daemon: failed to create shim task: OCI runtime create failed: runc create failed: "
                           + "unable to start container process: exec: \"ping\": executable file not found in $PATH: unknown\n\n"
                           + "Run 'docker run --help' for more information\n", 127))
        XCTAssertEqual(Self.last("docker exec u ping x", after: ["docker run -d --name u ubuntu sleep 100"]),
                       Ran("OCI runtime exec failed: exec failed: unable to start container process: exec: \"ping\": "
                           + "executable file not found in $PATH: unknown\r\n", 126))
        XCTAssertEqual(Self.last("docker exec u bash -c 'echo $0'", after: ["docker run -d --name u ubuntu sleep 100"]).status, 0)
    }

    func testAFileWithoutTheExecuteBitIsRefusedLikeAFolder() {
        // 02-run-exit-statuses shows `/etc`; Go's exec.LookPath gives the same EACCES for a plain file.
        XCTAssertEqual(Self.last("docker run alpine /etc/passwd"),
                       Ran("docker: Error response from daemon: failed to create shim task: OCI runtime create failed: runc create failed: "
                           + "unable to start container process: exec: \"/etc/passwd\": permission denied: unknown\n\n"
                           + "Run 'docker run --help' for more information\n", 126))
        XCTAssertEqual(Self.last("docker exec u /etc/passwd", after: ["docker run -d --name u alpine sleep 100"]),
                       Ran("OCI runtime exec failed: exec failed: unable to start container process: exec: \"/etc/passwd\": "
                           + "permission denied: unknown\r\n", 126))
        // A script with its #! line runs.
        XCTAssertEqual(Self.last("docker exec u /s.sh", after: ["docker run -d --name u alpine sleep 100",
                                                                "docker exec u sh -c 'printf \"#!/bin/sh\\necho hi\\n\" > /s.sh'"]),
                       Ran("hi\n", 0))
    }

    func testReadOnlyMountsRefuseWrites() throws {
        // 07-volumes and busybox-applets.txt.
        let setup = ["docker volume create data1"]
        XCTAssertEqual(Self.last("docker run --rm -v data1:/data:ro alpine sh -c 'echo x > /data/y'", after: setup).output,
                       "sh: can't create /data/y: Read-only file system\n")
        XCTAssertEqual(Self.last("docker run --rm -v data1:/data:ro alpine sh -c 'echo x > /data/y'", after: setup).status, 1)
        let r = Self.last("docker run --rm -v data1:/data:ro alpine sh -c 'touch /data/x; mkdir /data/d; rm /data/nope; echo x >> /data/y; echo $?'",
                          after: setup)
        let (out, status) = (r.output, r.status)
        XCTAssertEqual(out, "touch: /data/x: Read-only file system\nmkdir: can't create directory '/data/d': Read-only file system\n"
                       + "rm: can't remove '/data/nope': No such file or directory\nsh: can't create /data/y: Read-only file system\n1\n")
        XCTAssertEqual(status, 0)
        // Reading works, and a read-write mount of the same volume still writes.
        let rw = Self.run(["docker volume create v", "docker run --rm -v v:/data alpine sh -c 'echo kept > /data/f'",
                           "docker run --rm -v v:/data:ro alpine cat /data/f"])
        XCTAssertEqual(rw.last!.output, "kept\n")
    }

    func testReadOnlyRootsAreAnAddition() throws {
        var fs = VirtualFileSystem()
        try fs.write("a", to: "/tmp/a")
        fs.readOnlyRoots = ["/tmp"]
        XCTAssertThrowsError(try fs.write("b", to: "/tmp/b"))
        XCTAssertThrowsError(try fs.makeDirectory("/tmp/d"))
        XCTAssertThrowsError(try fs.remove("/tmp/a"))
        XCTAssertNoThrow(try fs.write("c", to: "/root/c"))
        XCTAssertFalse(fs.isReadOnly("/tmpx"))
        fs.readOnlyRoots = nil
        XCTAssertNoThrow(try fs.write("b", to: "/tmp/b"))
        // Older saved states (no key) decode.
        let data = try JSONEncoder().encode(VirtualFileSystem())
        XCTAssertFalse(String(decoding: data, as: UTF8.self).contains("readOnlyRoots"))
        let decoded = try JSONDecoder().decode(VirtualFileSystem.self, from: data)
        XCTAssertNil(decoded.readOnlyRoots)
    }
}
