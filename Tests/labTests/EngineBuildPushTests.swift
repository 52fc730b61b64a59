import Foundation
import LabCore
import XCTest

/// The real docker client (docker 28, no buildx) against `lab engine` for the endpoints behind
/// `docker update` (POST /containers/{id}/update), `docker push` (POST /images/{name}/push) and
/// the legacy `docker build` (POST /build): each line runs with the client against a fresh
/// `lab engine` and in `lab sh` on a fresh lab (`ScenarioReplay`), and stdout, stderr and exit
/// status must be the same after `ScenarioNormaliser`'s normalisation, line by line. The
/// recorded build scenarios (Fixtures/build: builds, push and pull through a registry, save and
/// load…) are replayed the same way and held to a floor. Skips where there is no docker client.
final class EngineBuildPushTests: XCTestCase {
    /// update (limits, restart policy, the refusals), push (to the lab's registry on
    /// localhost:5000, to a registry that is not there, to Docker Hub without a login), and the
    /// legacy build (a context with a COPY, build args, -q, a failing RUN, a parse error, -f, the
    /// cache, a missing base image).
    static let commands: [String] = [
        "docker run -d --name web nginx",
        "docker update --cpus 1.5 --restart on-failure:3 web",
        "docker inspect -f '{{.HostConfig.NanoCpus}} {{.HostConfig.RestartPolicy.Name}} {{.HostConfig.RestartPolicy.MaximumRetryCount}}' web",
        "docker update --memory 1m web",
        "docker update --memory 64m web",
        "docker update --memory 64m --memory-swap 128m web nosuch",
        "docker inspect -f '{{.HostConfig.Memory}}' web",
        "docker update --restart always nosuch",
        "docker push localhost:5000/web",
        "docker tag nginx localhost:5000/web",
        "docker push localhost:5000/web",
        "docker run -d --name reg -p 5000:5000 registry",
        "docker push localhost:5000/web",
        "docker push localhost:5000/web",
        "docker push localhost:5000/web:1",
        "docker push -q localhost:5000/web",
        "docker rmi localhost:5000/web",
        "docker pull localhost:5000/web",
        "docker push someone/app",
        "docker tag nginx someone/app && docker push someone/app",
        "mkdir ctx && printf '%s\\n' 'FROM alpine' 'ARG X=1' 'RUN echo built $X > /f.txt' 'COPY a.txt /a.txt' 'CMD [\"cat\", \"/f.txt\"]' > ctx/Dockerfile && echo hi > ctx/a.txt",
        "DOCKER_BUILDKIT=0 docker build -t app --build-arg X=2 ctx",
        "DOCKER_BUILDKIT=0 docker build -t app --build-arg X=2 ctx",
        "DOCKER_BUILDKIT=0 docker build -q -t app:2 ctx",
        "docker run --rm app",
        "printf '%s\\n' 'FROM alpine' 'RUN exit 3' > ctx/bad && DOCKER_BUILDKIT=0 docker build -f ctx/bad ctx",
        "printf '%s\\n' 'FROM alpine' 'BOGUS x' > ctx/bad && DOCKER_BUILDKIT=0 docker build -f ctx/bad ctx",
        "printf '%s\\n' 'FROM nosuchbase' > ctx/bad && DOCKER_BUILDKIT=0 docker build -f ctx/bad ctx",
        "DOCKER_BUILDKIT=0 docker build --target nosuch ctx",
        "printf '%s\\n' 'FROM alpine' 'COPY a.txt /' > outside && DOCKER_BUILDKIT=0 docker build -f outside -t outside ctx",
        "DOCKER_BUILDKIT=0 docker build -t fromstdin - < ctx/bad",
        "docker images --format '{{.Repository}}:{{.Tag}}' | sort",
    ]

    func testUpdatePushAndLegacyBuildThroughTheRealClient() throws {
        guard let docker = EngineClientTests.dockerBinary else {
            throw XCTSkip("no docker client (/usr/local/bin/docker or docker on PATH): update, push and build are not run with the real client")
        }
        let real = try ScenarioReplay.replayWithClient(Self.commands, lab: CLITests.labBinary, docker: docker)
        let simulated = ScenarioReplay.simulate(Self.commands)
        let differing = Self.differences(Self.commands, real, simulated, show: true)
        for d in differing { XCTFail(d) }
        print("EngineBuildPushTests: \(Self.commands.count - differing.count) of \(Self.commands.count) commands print the same with the real client and in lab sh")
    }

    /// The least number of the recorded build scenarios' commands that must match: all of them
    /// where docker-compose (1.29, as the oracle ran it) is on PATH; where it is not, the
    /// scenarios that use it are left out and the rest must reach `buildFloorWithoutCompose`.
    static let buildFloor = 218
    static let buildFloorWithoutCompose = 176

    /// docker-compose on PATH, or nil (LAB_DOCKER_COMPOSE=none pretends there is none).
    static var composeBinary: String? {
        if ProcessInfo.processInfo.environment["LAB_DOCKER_COMPOSE"] == "none" { return nil }
        let dirs = (ProcessInfo.processInfo.environment["PATH"] ?? "").split(separator: ":")
        return dirs.map { $0 + "/docker-compose" }.first { FileManager.default.isExecutableFile(atPath: $0) }
    }

    func testRecordedBuildScenariosThroughTheRealClient() throws {
        guard let docker = EngineClientTests.dockerBinary else {
            throw XCTSkip("no docker client (/usr/local/bin/docker or docker on PATH): the build scenarios are not replayed with the real client")
        }
        let only = ProcessInfo.processInfo.environment["LAB_SCENARIO"]
        var files = ScenarioReplay.scenarios("build").filter { only == nil || $0.lastPathComponent.contains(only!) }
        let hasCompose = Self.composeBinary != nil
        if !hasCompose {
            let withCompose = try files.filter { try ScenarioReplay.commands($0).contains { $0.contains("docker-compose") } }
            files.removeAll { withCompose.contains($0) }
            print("no docker-compose on PATH: left out \(withCompose.map(\.lastPathComponent).joined(separator: ", "))")
        }
        guard !files.isEmpty else { throw XCTSkip("no build scenarios to replay in \(ScenarioReplay.scenarioFolder("build").path)") }
        let show = ProcessInfo.processInfo.environment["LAB_SHOW_MISMATCHES"] != nil
        var same = 0, total = 0
        var differing: [String] = []
        for file in files {
            let commands = try ScenarioReplay.commands(file)
            let real = try ScenarioReplay.replayWithClient(commands, lab: CLITests.labBinary, docker: docker)
            let simulated = ScenarioReplay.simulate(commands) { lab in
                for m in lab.machines.indices { try? lab.machines[m].files.remove(BuilderRouting.pluginPath) }
            }
            let d = Self.differences(commands, real, simulated, show: show).map { file.lastPathComponent + ": " + $0 }
            total += commands.count
            same += commands.count - d.count
            differing += d
        }
        print("build scenarios through the real client: \(same) of \(total) commands match")
        for d in differing { print("  differs: \(d)") }
        XCTAssertGreaterThanOrEqual(same, only != nil ? 0 : hasCompose ? Self.buildFloor : Self.buildFloorWithoutCompose)
    }

    /// `ScenarioNormaliser`'s normalisation, after each line is taken as a terminal shows it: the
    /// real client redraws "Sending build context to Docker daemon" with carriage returns (as
    /// Fixtures/build/normalize.py keeps the last `\r`-separated part of a line).
    static func normalise(_ text: String, _ command: String) -> String {
        // By scalars: "\r\n" is one Character in Swift.
        var lines: [String] = []
        var line = String.UnicodeScalarView(), shown = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\n":
                lines.append(String(line.isEmpty ? shown : line))
                line = String.UnicodeScalarView()
                shown = String.UnicodeScalarView()
            case "\r":
                if !line.isEmpty { shown = line }
                line = String.UnicodeScalarView()
            default: line.append(scalar)
            }
        }
        lines.append(String(line.isEmpty ? shown : line))
        var s = lines.joined(separator: "\n")
        // A Dockerfile from outside the context: the client appends it and a .dockerignore naming
        // it to the context's tar in Go map order (docker/cli AddDockerfileToBuildContext), and
        // the last of the two goes unpadded, so the size it reports varies from run to run.
        if command.contains(" -f outside ") {
            s = s.replacingOccurrences(of: #"Docker daemon +[0-9.]+kB"#, with: "Docker daemon <size>", options: .regularExpression)
        }
        return ScenarioNormaliser.normalise(s, command: command)
    }

    /// The lines whose runs differ, each with what differs (both outputs with `show`).
    static func differences(_ commands: [String], _ real: [ScenarioReplay.Run], _ simulated: [ScenarioReplay.Run], show: Bool) -> [String] {
        var out: [String] = []
        for (n, line) in commands.enumerated() {
            let a = real[n], b = simulated[n]
            var what: [String] = []
            if normalise(a.stdout, line) != normalise(b.stdout, line) {
                what.append(show ? "stdout:\n--- docker + lab engine\n\(a.stdout)--- lab sh\n\(b.stdout)" : "stdout")
            }
            if normalise(a.stderr, line) != normalise(b.stderr, line) {
                what.append(show ? "stderr:\n--- docker + lab engine\n\(a.stderr)--- lab sh\n\(b.stderr)" : "stderr")
            }
            if a.status != b.status { what.append("exit status \(a.status) with docker, \(b.status) in lab sh") }
            if !what.isEmpty { out.append("`\(line)` [\(what.joined(separator: "; "))]") }
        }
        return out
    }
}
