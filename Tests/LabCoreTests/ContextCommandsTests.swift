import XCTest
@testable import LabCore

/// `docker context`, against what the docker 28.2.2 client printed with HOME in an empty folder
/// (2026-12-01), and contexts that name another lab machine.
final class ContextCommandsTests: XCTestCase {
    func run(_ line: String, _ lab: inout Lab) -> (out: String, err: String, status: Int32) {
        let out = CapturedOutput()
        let status = LabShell().run(line, origin: .commandString, lab: &lab, output: out).status
        return (out.stdout, out.stderr, status)
    }

    func testSHA256OfAContextName() {
        // The client keeps context "nosuch" under this folder (its error message names it).
        XCTAssertEqual(SHA256.hex("nosuch"), "9e62f93eb7d2499903ac66232f187c56fc050eb74c765f90eb214360b21f0e96")
        XCTAssertEqual(SHA256.hex(""), "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
        XCTAssertEqual(SHA256.hex(String(repeating: "a", count: 1000)), "41edece42d63e8d9bf515a9ba6932e1c20cbc9f5a5d134645adb5db1b9737ea3")
    }

    func testCreateUseListShowRemoveAsTheClientPrintsThem() {
        var lab = Lab()
        XCTAssertEqual(run("docker context ls", &lab).out, """
            NAME        DESCRIPTION                               DOCKER ENDPOINT               ERROR
            default *   Current DOCKER_HOST based configuration   unix:///var/run/docker.sock   \n
            """)
        let created = run("docker context create prod --docker host=tcp://10.0.0.5:2376 --description \"Production\"", &lab)
        XCTAssertEqual([created.out, created.err], ["prod\n", "Successfully created context \"prod\"\n"])
        let used = run("docker context use prod", &lab)
        XCTAssertEqual([used.out, used.err], ["prod\n", "Current context is now \"prod\"\n"])
        XCTAssertEqual(run("docker context ls", &lab).out, """
            NAME      DESCRIPTION                               DOCKER ENDPOINT               ERROR
            default   Current DOCKER_HOST based configuration   unix:///var/run/docker.sock   
            prod *    Production                                tcp://10.0.0.5:2376           \n
            """)
        XCTAssertEqual(run("docker context show", &lab).out, "prod\n")
        XCTAssertEqual(run("cat ~/.docker/config.json", &lab).out, "{\n\t\"auths\": {},\n\t\"currentContext\": \"prod\"\n}")
        let metaPath = "/root/.docker/contexts/meta/" + SHA256.hex("prod") + "/meta.json"
        XCTAssertEqual(run("cat " + metaPath, &lab).out,
                       "{\"Name\":\"prod\",\"Metadata\":{\"Description\":\"Production\"},\"Endpoints\":{\"docker\":{\"Host\":\"tcp://10.0.0.5:2376\",\"SkipTLSVerify\":false}}}")
        let ps = run("docker ps", &lab)
        XCTAssertEqual([ps.err, "\(ps.status)"], ["Cannot connect to the Docker daemon at tcp://10.0.0.5:2376. Is the docker daemon running?\n", "1"])
        XCTAssertEqual(run("DOCKER_HOST=unix:///var/run/docker.sock docker ps -q", &lab).status, 0)
        XCTAssertEqual(run("docker context rm prod", &lab).err, "context \"prod\" is in use, set -f flag to force remove\n")
        let back = run("DOCKER_HOST=unix:///x docker context use default", &lab)
        XCTAssertEqual(back.err, "Current context is now \"default\"\nWarning: DOCKER_HOST environment variable overrides the active context. To use a context, either set the global --context flag, or unset DOCKER_HOST environment variable.\n")
        XCTAssertEqual(run("cat ~/.docker/config.json", &lab).out, "{\n\t\"auths\": {}\n}")
        XCTAssertEqual(run("docker context rm prod nosuch", &lab).out, "prod\n")
        XCTAssertEqual(run("docker context ls -q", &lab).out, "default\n")
    }

    func testTheClientsRefusals() {
        var lab = Lab()
        _ = run("docker context create ab --docker host=tcp://h:2375", &lab)
        let cases: [(String, String)] = [
            ("docker context create ab --docker host=tcp://h:2375", "context \"ab\" already exists\n"),
            ("docker context create default", "\"default\" is a reserved context name\n"),
            ("docker context create y --docker foo=bar", "context name \"y\" is invalid, names are validated against regexp \"^[a-zA-Z0-9][a-zA-Z0-9_.+-]+$\"\n"),
            ("docker context create far2 --docker host=tcp://127.0.0.1:1 --from default", "cannot use --docker flag when --from is set\n"),
            ("docker context use nosuch", "context \"nosuch\" does not exist\n"),
            ("docker context rm default", "context \"default\" cannot be removed\n"),
            ("docker -H unix:///var/run/docker.sock --context ab ps", "conflicting options: cannot specify both --host and --context\n"),
            ("docker --context nosuch ps", "Failed to initialize: unable to resolve docker endpoint: context \"nosuch\": context not found: open /root/.docker/contexts/meta/9e62f93eb7d2499903ac66232f187c56fc050eb74c765f90eb214360b21f0e96/meta.json: no such file or directory\n"),
        ]
        for (line, err) in cases {
            let r = run(line, &lab)
            XCTAssertEqual(r.err, err, line)
            XCTAssertEqual(r.status, 1, line)
        }
        let inspect = run("docker context inspect nosuch", &lab)
        XCTAssertEqual([inspect.out, "\(inspect.status)"], ["[]\n", "1"])
        XCTAssertEqual(run("docker context ls --format json", &lab).out,
                       "{\"Current\":false,\"Description\":\"\",\"DockerEndpoint\":\"tcp://h:2375\",\"Error\":\"\",\"Name\":\"ab\"}\n"
                       + "{\"Current\":true,\"Description\":\"Current DOCKER_HOST based configuration\",\"DockerEndpoint\":\"unix:///var/run/docker.sock\",\"Error\":\"\",\"Name\":\"default\"}\n")
        XCTAssertEqual(run("docker context inspect default --format '{{.Name}} {{.Endpoints.docker.Host}}'", &lab).out, "default unix:///var/run/docker.sock\n")
    }

    /// A context naming another lab machine drives that machine's engine from this one.
    func testAContextOnAnotherLabMachine() {
        var lab = Lab(nodes: 2)
        _ = run("docker context create node2 --docker host=ssh://root@node2", &lab)
        XCTAssertEqual(run("docker --context node2 run -d --name far nginx", &lab).status, 0)
        XCTAssertEqual(run("docker ps --format '{{.Names}}'", &lab).out, "")
        XCTAssertEqual(run("docker --context node2 ps --format '{{.Names}}'", &lab).out, "far\n")
        _ = run("docker context use node2", &lab)
        XCTAssertEqual(run("docker ps --format '{{.Names}}'", &lab).out, "far\n")
        XCTAssertEqual(run("hostname", &lab).out, "node1\n")
        XCTAssertEqual(run("DOCKER_HOST=tcp://192.168.0.12:2375 docker ps -q | wc -l", &lab).out.trimmingCharacters(in: .whitespaces), "1\n")
    }
}
