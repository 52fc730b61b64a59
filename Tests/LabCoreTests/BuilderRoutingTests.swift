import XCTest
@testable import LabCore

/// Which builder `docker build` gets (docker/cli v28.2.2 cmd/docker/builder.go): BuildKit through
/// buildx where the plugin is installed (a lab machine, like a learner's docker-ce), the legacy
/// builder with DOCKER_BUILDKIT=0 or without the plugin, with the notices recorded from the
/// oracle's client (Fixtures/build 01).
final class BuilderRoutingTests: XCTestCase {
    static let disabled = "DEPRECATED: The legacy builder is deprecated and will be removed in a future release.\n"
        + "            BuildKit is currently disabled; enable it by removing the DOCKER_BUILDKIT=0\n            environment-variable.\n\n"
    static let missing = "DEPRECATED: The legacy builder is deprecated and will be removed in a future release.\n"
        + "            Install the buildx component to build images with BuildKit:\n            https://docs.docker.com/go/buildx/\n\n"

    func testTheLabsMachinesHaveThePluginWhereDockerCePutsIt() {
        var lab = Lab()
        XCTAssertNotNil(lab.machine.files.node(at: "/usr/libexec/docker/cli-plugins/docker-buildx"))
        XCTAssertEqual(BuildKitTestSupport.run("ls /usr/libexec/docker/cli-plugins", in: &lab).stdout, "docker-buildx\n")
    }

    func testDockerBuildkitZeroKeepsTheLegacyBuilderWithItsNotice() {
        var lab = BuildKitTestSupport.lab(["Dockerfile": "FROM alpine\n"])
        let r = BuildKitTestSupport.run("DOCKER_BUILDKIT=0 docker build -t app .", in: &lab)
        XCTAssertEqual(r.status, 0)
        XCTAssertEqual(r.stderr, Self.disabled)
        XCTAssertTrue(r.stdout.hasPrefix("Sending build context to Docker daemon  2.048kB\nStep 1/1 : FROM alpine\n"), r.stdout)
        XCTAssertTrue(r.stdout.hasSuffix("Successfully tagged app:latest\n"), r.stdout)
        let again = BuildKitTestSupport.run("DOCKER_BUILDKIT=false docker build -q .", in: &lab)
        XCTAssertEqual(again.stderr, Self.disabled)
    }

    func testWithoutThePluginTheClientIsTheOraclesOne() {
        var lab = BuildKitTestSupport.lab(["Dockerfile": "FROM alpine\n"])
        lab.removeBuildx()
        let r = BuildKitTestSupport.run("docker build .", in: &lab)
        XCTAssertEqual(r.stderr, Self.missing)
        XCTAssertTrue(r.stdout.contains("Step 1/1 : FROM alpine\n"), r.stdout)
        let refused = BuildKitTestSupport.run("DOCKER_BUILDKIT=1 docker build .", in: &lab)
        XCTAssertEqual(refused.status, 1)
        XCTAssertEqual(refused.stderr, "ERROR: BuildKit is enabled but the buildx component is missing or broken.\n"
                       + "       Install the buildx component to build images with BuildKit:\n       https://docs.docker.com/go/buildx/\n")
        let buildx = BuildKitTestSupport.run("docker buildx build .", in: &lab)
        XCTAssertEqual(buildx.stderr, "docker: unknown command: docker buildx\n\nRun 'docker --help' for more information\n")
        XCTAssertEqual(buildx.status, 1)
        // The plugin in the user's own plugin folder counts too.
        _ = BuildKitTestSupport.run("mkdir -p ~/.docker/cli-plugins && echo x > ~/.docker/cli-plugins/docker-buildx", in: &lab)
        XCTAssertTrue(BuildKitTestSupport.run("docker build .", in: &lab).stderr.hasPrefix("#0 building with"))
    }

    func testDockerBuildkitMustBeABooleanForEveryCommand() {
        var lab = Lab()
        let r = BuildKitTestSupport.run("DOCKER_BUILDKIT=yes docker ps", in: &lab)
        XCTAssertEqual(r.status, 1)
        XCTAssertEqual(r.stderr, "DOCKER_BUILDKIT environment variable expects boolean value: strconv.ParseBool: parsing \"yes\": invalid syntax\n")
        XCTAssertEqual(BuildKitTestSupport.run("DOCKER_BUILDKIT=T docker ps", in: &lab).status, 0)
        XCTAssertEqual(BuildKitTestSupport.run("DOCKER_BUILDKIT= docker ps", in: &lab).status, 0)
    }

    func testOnlyBuildCommandsAreForwarded() {
        XCTAssertEqual(BuilderRouting.forwarded(["build", "-t", "x", "."]).map(Array.init), ["buildx", "build", "-t", "x", "."])
        XCTAssertEqual(BuilderRouting.forwarded(["image", "build", "."]).map(Array.init), ["buildx", "build", "."])
        XCTAssertEqual(BuilderRouting.forwarded(["builder", "build", "."]).map(Array.init), ["buildx", "build", "."])
        XCTAssertNil(BuilderRouting.forwarded(["builder", "prune"]))
        XCTAssertNil(BuilderRouting.forwarded(["image", "ls"]))
        XCTAssertNil(BuilderRouting.forwarded(["run", "build"]))
    }

    func testTheBuildxGroupAndItsHelpSayWhatTheLabHas() {
        var lab = Lab()
        let group = BuildKitTestSupport.run("docker buildx", in: &lab)
        XCTAssertEqual(group.status, 0)
        XCTAssertTrue(group.stdout.hasPrefix("Usage:  docker buildx [OPTIONS] COMMAND\n"), group.stdout)
        let help = BuildKitTestSupport.run("docker build --help", in: &lab)
        XCTAssertTrue(help.stdout.hasPrefix("Usage:  docker buildx build [OPTIONS] PATH | URL | -\n\nStart a build\n"), help.stdout)
    }
}
