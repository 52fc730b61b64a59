import XCTest
@testable import LabCore

/// The HostConfig fields `docker run` records (docker/cli v28.2.2 cli/command/container/opts.go;
/// moby v20.10 api/types/container/host_config.go for their JSON) and what they change: a
/// read-only root, tmpfs mounts, the logging driver.
final class HostConfigTests: XCTestCase {
    typealias T = SystemCommandsTests

    func inspect(_ format: String, _ name: String, in lab: inout Lab) -> String {
        T.run("docker inspect -f '\(format)' \(name)", in: &lab).0
    }

    func testSecurityAndLoggingFlagsAreRecorded() {
        var lab = T.lab(["docker run -d --name s --read-only --privileged --cap-add NET_ADMIN --cap-drop ALL "
                         + "--security-opt no-new-privileges --tmpfs /cache --tmpfs /run:rw,size=64m --log-driver none alpine sleep 300"])
        XCTAssertEqual(inspect("{{.HostConfig.ReadonlyRootfs}} {{.HostConfig.Privileged}}", "s", in: &lab), "true true\n")
        XCTAssertEqual(inspect("{{json .HostConfig.CapAdd}} {{json .HostConfig.CapDrop}} {{json .HostConfig.SecurityOpt}}", "s", in: &lab),
                       "[\"NET_ADMIN\"] [\"ALL\"] [\"no-new-privileges\"]\n")
        XCTAssertEqual(inspect("{{json .HostConfig.Tmpfs}}", "s", in: &lab), "{\"/cache\":\"\",\"/run\":\"rw,size=64m\"}\n")
        XCTAssertEqual(inspect("{{json .HostConfig.LogConfig}}", "s", in: &lab), "{\"Type\":\"none\",\"Config\":{}}\n")
        // A privileged container keeps no masked or read-only paths (moby daemon/create_unix.go).
        XCTAssertEqual(inspect("{{json .HostConfig.MaskedPaths}} {{json .HostConfig.ReadonlyPaths}}", "s", in: &lab), "null null\n")
    }

    func testAPlainRunKeepsTheDefaults() {
        var lab = T.lab(["docker run -d --name p --log-opt max-size=10m alpine sleep 300"])
        XCTAssertEqual(inspect("{{json .HostConfig.LogConfig}}", "p", in: &lab), "{\"Type\":\"json-file\",\"Config\":{\"max-size\":\"10m\"}}\n")
        XCTAssertEqual(inspect("{{json .HostConfig.CapAdd}} {{.HostConfig.ReadonlyRootfs}} {{.HostConfig.Privileged}}", "p", in: &lab), "null false false\n")
        let (out, _) = T.run("docker inspect p", in: &lab)
        XCTAssertFalse(out.contains("\"Tmpfs\""), "Tmpfs is left out when empty")
        XCTAssertTrue(out.contains("\"MaskedPaths\": [\n"), out)
    }

    func testLogsOfAContainerWithoutALogReader() {
        var lab = T.lab(["docker run -d --name quiet --log-driver none alpine echo hi"])
        XCTAssertEqual(T.run("docker logs quiet", in: &lab).0, "Error response from daemon: configured logging driver does not support reading\n")
        XCTAssertEqual(T.run("docker logs quiet", in: &lab).1, 1)
    }

    func testAReadOnlyRootRefusesWritesButNotItsMounts() {
        var lab = T.lab(["docker pull alpine", "docker volume create data"])
        var (out, status) = T.run("docker run --rm --read-only alpine touch /x", in: &lab)
        XCTAssertEqual(out, "touch: /x: Read-only file system\n")
        XCTAssertEqual(status, 1)
        (out, _) = T.run("docker run --rm --read-only alpine sh -c 'echo x > /tmp/f'", in: &lab)
        XCTAssertEqual(out, "sh: can't create /tmp/f: Read-only file system\n")
        (out, status) = T.run("docker run --rm --read-only --tmpfs /cache -v data:/data alpine sh -c 'echo a > /cache/f; echo b > /data/f; cat /cache/f /data/f'", in: &lab)
        XCTAssertEqual(out, "a\nb\n")
        XCTAssertEqual(status, 0)
        (out, _) = T.run("docker run --rm --tmpfs /cache:ro alpine touch /cache/f", in: &lab)
        XCTAssertEqual(out, "touch: /cache/f: Read-only file system\n")
    }

    func testATmpfsMountIsNoVolume() {
        var lab = T.lab(["docker run -d --name t --mount type=tmpfs,target=/cache,tmpfs-size=64m alpine sleep 300"])
        XCTAssertEqual(T.run("docker volume ls -q", in: &lab).0, "")
        XCTAssertEqual(inspect("{{json .Mounts}}", "t", in: &lab),
                       "[{\"Type\":\"tmpfs\",\"Source\":\"\",\"Destination\":\"/cache\",\"Mode\":\"\",\"RW\":true,\"Propagation\":\"\"}]\n")
        XCTAssertEqual(inspect("{{json .HostConfig.Mounts}}", "t", in: &lab),
                       "[{\"Type\":\"tmpfs\",\"Target\":\"/cache\",\"TmpfsOptions\":{\"SizeBytes\":67108864}}]\n")
        // What is written there stays while the container runs, and is gone after a restart.
        _ = T.run("docker exec t sh -c 'echo kept > /cache/f'", in: &lab)
        XCTAssertEqual(T.run("docker exec t cat /cache/f", in: &lab).0, "kept\n")
        _ = T.run("docker restart t", in: &lab)
        XCTAssertEqual(T.run("docker exec t ls /cache", in: &lab).0, "")
    }

    func testHealthcheckSettingsInNanosecondsAndOnlyWhenGiven() {
        var lab = T.lab(["docker run -d --name h --health-cmd true --health-interval 5s --health-timeout 2s "
                         + "--health-start-period 1m --health-retries 4 alpine sleep 300",
                         "docker run -d --name d --health-cmd true --health-interval 30s alpine sleep 300",
                         "docker run -d --name n --no-healthcheck alpine sleep 300"])
        XCTAssertEqual(inspect("{{json .Config.Healthcheck}}", "h", in: &lab),
                       "{\"Test\":[\"CMD-SHELL\",\"true\"],\"Interval\":5000000000,\"Timeout\":2000000000,\"StartPeriod\":60000000000,\"Retries\":4}\n")
        XCTAssertEqual(inspect("{{json .Config.Healthcheck}}", "d", in: &lab), "{\"Test\":[\"CMD-SHELL\",\"true\"],\"Interval\":30000000000}\n")
        XCTAssertEqual(inspect("{{json .Config.Healthcheck}} {{.State.Health}}", "n", in: &lab), "{\"Test\":[\"NONE\"]} <nil>\n")
    }

    func testFailuresInTheStartPeriodDoNotCount() {
        var lab = T.lab(["docker run -d --name s --health-cmd false --health-interval 2s --health-retries 1 --health-start-period 10s alpine sleep 300",
                         "sleep 7"])
        XCTAssertEqual(inspect("{{.State.Health.Status}}", "s", in: &lab), "starting\n")
        _ = T.run("sleep 6", in: &lab)
        XCTAssertEqual(inspect("{{.State.Health.Status}}", "s", in: &lab), "unhealthy\n")
    }

    func testHealthFlagsTheClientRefuses() {
        var lab = Lab()
        XCTAssertEqual(T.run("docker run --no-healthcheck --health-retries 2 alpine", in: &lab).0,
                       "docker: --no-healthcheck conflicts with --health-* options\n\nRun 'docker run --help' for more information\n")
        // 1.44's flag against the oracle's API 1.41 daemon (docker/cli cmd/docker/docker.go, areFlagsSupported).
        XCTAssertEqual(T.run("docker run --health-start-interval 1s alpine true", in: &lab).0,
                       "\"--health-start-interval\" requires API version 1.44, but the Docker daemon API version is 1.41\n")
        XCTAssertEqual(T.run("docker run --health-start-interval 1s alpine true", in: &lab).1, 1)
        XCTAssertEqual(T.run("DOCKER_HOST=unix:///nonexistent docker run --health-start-interval 1s alpine true", in: &lab).1, 125)
    }

    func testCopyingIntoAReadOnlyRootOrMount() {
        var lab = T.lab(["docker pull alpine", "docker volume create v", "echo hi > /f",
                         "docker run -d --name ro --read-only -v v:/data alpine sleep 300",
                         "docker run -d --name rov -v v:/data:ro alpine sleep 300"])
        XCTAssertEqual(T.run("docker cp /f ro:/tmp/f", in: &lab).0, "Error response from daemon: container rootfs is marked read-only\n")
        XCTAssertEqual(T.run("docker cp /f ro:/data/f", in: &lab).1, 0)
        XCTAssertEqual(T.run("docker cp /f rov:/data/f", in: &lab).0, "Error response from daemon: mounted volume is marked read-only\n")
    }
}
