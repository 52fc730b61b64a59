import Foundation
import XCTest

/// The real docker client's interactive commands against `lab engine`: `docker run -it` and
/// `docker exec -it` on a terminal (a pty made by python3's `pty`, since the client refuses a
/// TTY without one), and `docker exec -i` / `docker run -i` with piped input. Skips, saying
/// why, without the client or python3.
final class EngineTerminalClientTests: XCTestCase {
    /// Runs ARGV on a pty, types each line a moment apart, prints what the terminal showed (as a
    /// Python repr) and the exit status.
    static let driver = """
        import os, pty, sys, time, select
        argv, lines = sys.argv[1].split("\\x1f"), sys.argv[2].split("\\x1f")
        pid, fd = pty.fork()
        if pid == 0:
            os.execvp(argv[0], argv)
        out = b""
        def drain(t):
            global out
            end = time.time() + t
            while time.time() < end:
                if select.select([fd], [], [], 0.05)[0]:
                    try:
                        d = os.read(fd, 4096)
                    except OSError:
                        return False
                    if not d:
                        return False
                    out += d
            return True
        drain(1.0)
        for line in lines:
            os.write(fd, line.encode())
            if not drain(0.5):
                break
        drain(1.0)
        _, status = os.waitpid(pid, 0)
        sys.stdout.write(out.decode(errors="replace") + "\\n[exit %d]" % os.waitstatus_to_exitcode(status))
        """

    func testRunAndExecWithATerminalAndWithPipedInput() throws {
        guard let docker = EngineClientTests.dockerBinary else { throw XCTSkip("no docker client: the interactive commands are not tried") }
        guard FileManager.default.isExecutableFile(atPath: "/usr/bin/python3") else { throw XCTSkip("no python3 to make a pty: skipped") }
        let dir = NSTemporaryDirectory() + "lab-tty-\(UUID().uuidString.prefix(8))"
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let socket = dir + "/engine.sock"
        let engine = Process()
        engine.executableURL = CLITests.labBinary
        engine.arguments = ["engine", "--socket", socket]
        var env = ProcessInfo.processInfo.environment
        env["LAB_DB"] = dir + "/lab.sqlite"
        engine.environment = env
        engine.standardOutput = FileHandle(forWritingAtPath: "/dev/null")
        try engine.run()
        defer {
            engine.terminate()
            ScenarioReplay.waitForExit(engine, seconds: 10)
        }
        let deadline = Date().addingTimeInterval(20)
        while !FileManager.default.fileExists(atPath: socket) && Date() < deadline { usleep(20_000) }
        env["DOCKER_HOST"] = "unix://" + socket
        env["DOCKER_CONFIG"] = dir + "/docker-config"
        env["PATH"] = (docker as NSString).deletingLastPathComponent + ":" + (env["PATH"] ?? "/usr/bin:/bin")
        env["LAB_DB"] = nil
        func onPty(_ argv: [String], _ lines: [String]) throws -> String {
            let script = "python3 -c \(ScenarioReplay.quote(Self.driver)) \(ScenarioReplay.quote(argv.joined(separator: "\u{1f}"))) \(ScenarioReplay.quote(lines.joined(separator: "\u{1f}")))"
            return try ScenarioReplay.run(script, in: dir, environment: env).stdout
        }
        _ = try ScenarioReplay.run("docker pull alpine", in: dir, environment: env)
        let run = try onPty(["docker", "run", "-it", "--name", "t1", "alpine", "sh"], ["echo hi\r", "cd /tmp; pwd\r", "exit 3\r"])
        XCTAssertTrue(run.contains("/ # echo hi\r\nhi\r\n/ # cd /tmp; pwd\r\n/tmp\r\n/tmp # exit 3\r\n"), run)
        XCTAssertTrue(run.hasSuffix("[exit 3]"), run)
        XCTAssertEqual(try ScenarioReplay.run("docker ps -a --format '{{.Names}} {{.Status}}'", in: dir, environment: env).stdout.hasPrefix("t1 Exited (3)"), true)
        _ = try ScenarioReplay.run("docker run -d --name box alpine sleep 1000", in: dir, environment: env)
        let exec = try onPty(["docker", "exec", "-it", "box", "sh"], ["echo inside > /tmp/f\r", "cat /tmp/f\r", "\u{4}"])
        XCTAssertTrue(exec.contains("/ # cat /tmp/f\r\ninside\r\n/ # "), exec)
        XCTAssertTrue(exec.hasSuffix("[exit 0]"), exec)
        let piped = try ScenarioReplay.run("printf 'cat /tmp/f\\nexit 4\\n' | docker exec -i box sh", in: dir, environment: env)
        XCTAssertEqual(piped, ScenarioReplay.Run(stdout: "inside\n", stderr: "", status: 4))
        let cat = try ScenarioReplay.run("echo hello | docker run -i --rm alpine cat", in: dir, environment: env)
        XCTAssertEqual(cat, ScenarioReplay.Run(stdout: "hello\n", stderr: "", status: 0))
    }
}
