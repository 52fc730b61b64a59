import XCTest
@testable import LabCore

/// Behaviour of the simulated shell that the bash fixtures cannot show: origins, limits,
/// state kept between lines, the prompt's continuation rule and program registration.
final class ShellTests: XCTestCase {
    func run(_ source: String, origin: ShellOrigin = .commandString, lab: inout Lab,
             shell: Shell = Shell()) -> (CapturedOutput, ShellOutcome) {
        let output = CapturedOutput()
        let outcome = shell.run(source, origin: origin, lab: &lab, output: output)
        return (output, outcome)
    }

    func testNeedsMoreInput() {
        for incomplete in ["echo 'abc", "echo \"abc", "echo a \\", "cat <<EOF\nline", "echo a &&", "echo a ||",
                           "echo a |", "echo $(echo", "echo `date", "( echo a", "echo ${A"] {
            XCTAssertTrue(Shell.needsMoreInput(incomplete), incomplete)
        }
        for complete in ["echo a", "echo 'a b'", "cat <<EOF\nx\nEOF", "echo a \\\\", "docker logs <NAME>", "echo a;",
                         "", "echo a # comment '"] {
            XCTAssertFalse(Shell.needsMoreInput(complete), complete)
        }
    }

    func testInteractiveMessages() {
        var lab = Lab()
        var (out, outcome) = run("nosuch", origin: .interactive, lab: &lab)
        XCTAssertEqual(out.stderr, "bash: nosuch: command not found\n")
        XCTAssertEqual(outcome.status, 127)
        (out, outcome) = run("docker container logs <NAME>", origin: .interactive, lab: &lab)
        XCTAssertEqual(out.stderr, "bash: syntax error near unexpected token `newline'\n")
        XCTAssertEqual(outcome.status, 2)
        XCTAssertEqual(lab.machine.shell.lastStatus, 2)
        (out, _) = run("echo $?", origin: .interactive, lab: &lab)
        XCTAssertEqual(out.stdout, "2\n")
    }

    func testFileOriginMessages() {
        var lab = Lab()
        let (out, outcome) = run("echo ok\nnosuch\necho a; ;\necho never", origin: .file("setup.sh"), lab: &lab)
        XCTAssertEqual(out.stdout, "ok\n")
        XCTAssertEqual(out.stderr, "setup.sh: line 2: nosuch: command not found\n"
            + "setup.sh: line 3: syntax error near unexpected token `;'\nsetup.sh: line 3: `echo a; ;'\n")
        XCTAssertEqual(outcome.status, 2)
    }

    func testStatePersistsBetweenRuns() {
        var lab = Lab()
        _ = run("mkdir -p /srv/app && cd /srv/app; export MODE=prod; COUNT=3; echo hi > note", lab: &lab)
        XCTAssertEqual(lab.machine.shell.workingDirectory, "/srv/app")
        XCTAssertEqual(lab.machine.files.contents(of: "/srv/app/note"), "hi\n")
        let (out, _) = run("pwd; echo $MODE $COUNT; env | grep MODE; cd -", lab: &lab)
        XCTAssertEqual(out.stdout, "/srv/app\nprod 3\nMODE=prod\n/root\n")
    }

    func testExit() {
        var lab = Lab()
        let (out, outcome) = run("echo a; exit 4; echo b", origin: .interactive, lab: &lab)
        XCTAssertEqual(out.stdout, "a\n")
        XCTAssertEqual(outcome, ShellOutcome(status: 4, exited: true))
        let (_, sub) = run("(exit 3); echo $?", lab: &lab)
        XCTAssertFalse(sub.exited)
    }

    func testSudoHostnameSleepAndWhich() {
        var lab = Lab(nodes: 2)
        let (out, outcome) = run("sudo echo as root; hostname; sleep 2.5; sleep 1m; which ls docker", lab: &lab)
        XCTAssertEqual(out.stdout, "as root\nnode1\n/usr/bin/ls\n")
        XCTAssertEqual(outcome.status, 1)
        XCTAssertEqual(lab.clock.elapsed, 62.5)
    }

    struct FakeDocker: SimulatedProgram {
        func run(_ process: inout ProcessContext, lab: inout Lab) -> Int32 {
            process.write("docker " + process.arguments.dropFirst().joined(separator: " ") + " stdin=" + process.stdin + "\n")
            if process.arguments.count > 1 && process.arguments[1] == "fail" {
                process.writeError("Error: failed\n")
                return 1
            }
            return 0
        }
    }

    func testRegisteredProgramThroughSudoPipesAndXargs() {
        var programs = ProgramTable.coreutils
        programs.register("docker", FakeDocker())
        let shell = Shell(programs: programs)
        var lab = Lab()
        let (out, _) = run("sudo docker ps; echo in | docker run; echo a b | xargs docker rm; which docker; docker fail 2>&1 | grep -c Error",
                           lab: &lab, shell: shell)
        XCTAssertEqual(out.stdout, "docker ps stdin=\ndocker run stdin=in\n\ndocker rm a b stdin=\n/usr/bin/docker\n1\n")
    }

    func testCommandLimit() {
        var lab = Lab()
        let shell = Shell(limits: ShellLimits(maxCommands: 3))
        let (out, outcome) = run("echo 1; echo 2; echo 3; echo 4; echo 5", lab: &lab, shell: shell)
        XCTAssertEqual(out.stdout, "1\n2\n3\n")
        XCTAssertEqual(out.stderr, "lab: command limit of 3 commands exceeded\n")
        XCTAssertEqual(outcome.status, 1)
    }

    func testOutputLimit() {
        var lab = Lab()
        let shell = Shell(limits: ShellLimits(maxOutputBytes: 10))
        let (out, _) = run("echo 12345; echo 67890; echo never", lab: &lab, shell: shell)
        XCTAssertEqual(out.stdout, "12345\n")
        XCTAssertEqual(out.stderr, "lab: output limit of 10 bytes exceeded\n")
    }

    func testSubstitutionDepthLimit() {
        var lab = Lab()
        let shell = Shell(limits: ShellLimits(maxSubstitutionDepth: 2))
        var (out, _) = run("echo $(echo $(echo ok))", lab: &lab, shell: shell)
        XCTAssertEqual(out.stdout, "ok\n")
        (out, _) = run("echo $(echo $(echo $(echo deep)))", lab: &lab, shell: shell)
        XCTAssertEqual(out.stderr, "lab: command substitution depth limit of 2 exceeded\n")
    }

    func testScriptsInTheVirtualFilesystem() {
        var lab = Lab()
        let (out, _) = run("printf 'echo script $1\\nexit 3\\n' > s.sh; sh s.sh arg; echo $?; bash -c 'echo $1' x y; ./s.sh z",
                           lab: &lab)
        XCTAssertEqual(out.stdout, "script arg\n3\ny\nscript z\n")
    }

    func testLsLong() {
        var lab = Lab()
        let (out, _) = run("mkdir d; echo hello > f; ls -l", lab: &lab)
        XCTAssertEqual(out.stdout, "total 8\ndrwxr-xr-x 2 root root 4096 Jan  1 00:00 d\n-rw-r--r-- 1 root root 6 Jan  1 00:00 f\n")
    }

    func testParseAPI() {
        guard case .failure(let error) = Shell.parse("docker container stop <CONTAINER ID>") else {
            return XCTFail("expected a syntax error")
        }
        XCTAssertEqual(error.message, "syntax error near unexpected token `newline'")
        guard case .success(let script) = Shell.parse("docker run -d --name web -p 8080:80 nginx && echo ok\nls | wc -l") else {
            return XCTFail("expected a parse")
        }
        XCTAssertEqual(script.commands.count, 2)
    }

    func testNothingReachesTheHost() {
        var lab = Lab()
        let (out, _) = run("cat /etc/passwd; ls /proc; echo x > /root/only-virtual; cat /root/only-virtual", lab: &lab)
        XCTAssertEqual(out.stdout, "x\n")
        XCTAssertEqual(out.stderr, "cat: /etc/passwd: No such file or directory\nls: cannot access '/proc': No such file or directory\n")
    }
}
