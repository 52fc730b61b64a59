import XCTest
@testable import LabCore

/// What an accepted line resolves to: canonical path, typed words, options, positionals, globals.
final class GrammarInvocationTests: XCTestCase {
    func invocation(_ line: [String], file: StaticString = #filePath, line l: UInt = #line) -> DockerInvocation? {
        guard case .invocation(let inv) = DockerCommandLine.parse(line) else {
            XCTFail("not accepted: \(line) → \(DockerCommandLine.parse(line))", file: file, line: l)
            return nil
        }
        return inv
    }

    func testAliasesResolveToCanonicalPaths() {
        XCTAssertEqual(invocation(["ps"])?.path, ["container", "ls"])
        XCTAssertEqual(invocation(["container", "list"])?.path, ["container", "ls"])
        XCTAssertEqual(invocation(["container", "ps", "-a"])?.path, ["container", "ls"])
        XCTAssertEqual(invocation(["run", "nginx"])?.path, ["container", "run"])
        XCTAssertEqual(invocation(["container", "run", "nginx"])?.path, ["container", "run"])
        XCTAssertEqual(invocation(["rmi", "nginx"])?.path, ["image", "rm"])
        XCTAssertEqual(invocation(["image", "remove", "nginx"])?.path, ["image", "rm"])
        XCTAssertEqual(invocation(["images"])?.path, ["image", "ls"])
        XCTAssertEqual(invocation(["builder", "build", "."])?.path, ["image", "build"])
        XCTAssertEqual(invocation(["container", "list"])?.typed, "docker container list")
    }

    func testCombinedShortsAttachedValuesAndBools() throws {
        let inv = try XCTUnwrap(invocation(["run", "-dit", "-p80:80", "--name=web", "-e", "A=1", "--env", "B=2", "--rm=false", "nginx:1.25"]))
        XCTAssertTrue(inv.flag("detach"))
        XCTAssertTrue(inv.flag("interactive"))
        XCTAssertTrue(inv.flag("tty"))
        XCTAssertFalse(inv.flag("rm"))
        XCTAssertEqual(inv.values("rm"), ["false"])
        XCTAssertEqual(inv.value("publish"), "80:80")
        XCTAssertEqual(inv.value("name"), "web")
        XCTAssertEqual(inv.values("env"), ["A=1", "B=2"])
        XCTAssertEqual(inv.arguments, ["nginx:1.25"])
    }

    func testRunStopsParsingFlagsAtTheImage() throws {
        let inv = try XCTUnwrap(invocation(["run", "--rm", "ubuntu", "ls", "-la", "--", "-x"]))
        XCTAssertEqual(inv.arguments, ["ubuntu", "ls", "-la", "--", "-x"])
        XCTAssertTrue(inv.flag("rm"))
    }

    func testInterspersedFlagsAfterPositionals() throws {
        let inv = try XCTUnwrap(invocation(["service", "update", "web", "--replicas", "3"]))
        XCTAssertEqual(inv.arguments, ["web"])
        XCTAssertEqual(inv.value("replicas"), "3")
        let rm = try XCTUnwrap(invocation(["rm", "-f", "--", "-odd-name"]))
        XCTAssertEqual(rm.arguments, ["-odd-name"])
        XCTAssertTrue(rm.flag("force"))
    }

    func testGlobalOptions() throws {
        let inv = try XCTUnwrap(invocation(["-H", "tcp://x:2375", "--log-level=debug", "-D", "ps", "-a"]))
        XCTAssertEqual(inv.global["host"], ["tcp://x:2375"])
        XCTAssertEqual(inv.global["log-level"], ["debug"])
        XCTAssertEqual(inv.global["debug"], ["true"])
        XCTAssertTrue(inv.flag("all"))
    }

    func testSelfPrintedOutputs() {
        XCTAssertEqual(DockerCommandLine.parse(["--version"]), .output(stdout: "Docker version 28.2.2, build e6534b4\n", status: 0))
        guard case .output(let help, 0) = DockerCommandLine.parse(["ps", "--help"]) else { return XCTFail() }
        XCTAssertTrue(help.hasPrefix("Usage:  docker ps [OPTIONS]\n"))
        guard case .failure(let bare) = DockerCommandLine.parse([]) else { return XCTFail() }
        XCTAssertEqual(bare.status, 0)
        XCTAssertTrue(bare.stderr.hasPrefix("Usage:  docker [OPTIONS] COMMAND\n"))
    }

    func testDeprecatedFlagNoticeAndBuildBanner() throws {
        let stop = try XCTUnwrap(invocation(["stop", "--time", "5", "web"]))
        XCTAssertEqual(stop.clientStdout, "Flag --time has been deprecated, use --timeout instead\n")
        XCTAssertEqual(stop.value("time"), "5")
        let build = try XCTUnwrap(invocation(["build", "-t", "app", "."]))
        XCTAssertTrue(build.clientStderr.hasPrefix("DEPRECATED: The legacy builder is deprecated"))
        XCTAssertEqual(invocation(["ps"])?.clientStdout, "")
    }

    func testRejections() {
        XCTAssertEqual(DockerCommandLine.parse(["network", "connect", "a"]), .failure(DockerCLIError(
            stderr: "docker: 'docker network connect' requires 2 arguments\n\nUsage:  docker network connect [OPTIONS] NETWORK CONTAINER\n\nRun 'docker network connect --help' for more information\n",
            status: 1)))
        XCTAssertEqual(DockerCommandLine.parse(["contaner", "ls"]), .failure(DockerCLIError(
            stderr: "docker: unknown command: docker contaner\n\nRun 'docker --help' for more information\n", status: 1)))
    }
}
