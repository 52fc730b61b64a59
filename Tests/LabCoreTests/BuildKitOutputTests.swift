import XCTest
@testable import LabCore

/// `docker build` on a learner's docker-ce (the buildx plugin installed): BuildKit's plain
/// progress on standard error. Each table entry is a Dockerfile and the output the lab prints for
/// it, after `sha256:` digests are normalised. The formats are BuildKit's (PlainProgressTests
/// pins them to moby/buildkit's printer); the vertices and their names are the Dockerfile
/// frontend's and the docker driver's (BuildKitMessages names the source of each); the byte
/// counts follow BuildKitTransfer (see BuildKitTransferTests); the times are the lab's fixed ones.
final class BuildKitOutputTests: XCTestCase {
    static let dockerfile = "FROM alpine\nRUN echo hello\nCOPY app.py /app/\nCMD [\"sh\"]\n"
    static let header = """
        #0 building with "default" instance using docker driver

        #1 [internal] load build definition from Dockerfile

        """

    func testAFirstBuildPullsTheBaseRunsEachStepAndExportsTheImage() {
        var lab = BuildKitTestSupport.lab(["Dockerfile": Self.dockerfile, "app.py": "print(1)\n"])
        let r = BuildKitTestSupport.run("docker build -t app .", in: &lab)
        XCTAssertEqual(r.status, 0)
        XCTAssertEqual(r.stdout, "")
        XCTAssertEqual(BuildKitTestSupport.normalised(r.stderr), Self.header + """
            #1 transferring dockerfile: 93B done
            #1 DONE 0.0s

            #2 [internal] load metadata for docker.io/library/alpine:latest
            #2 DONE 0.5s

            #3 [internal] load .dockerignore
            #3 transferring context: 2B done
            #3 DONE 0.0s

            #4 [1/3] FROM docker.io/library/alpine:latest@sha256:<digest>
            #4 resolve docker.io/library/alpine:latest@sha256:<digest> 0.0s done
            #4 sha256:<digest> 1.99MB / 1.99MB 0.2s done
            #4 extracting sha256:<digest> 0.1s done
            #4 DONE 0.3s

            #5 [internal] load build context
            #5 transferring context: 42B done
            #5 DONE 0.0s

            #6 [2/3] RUN echo hello
            #6 0.050 hello
            #6 DONE 0.1s

            #7 [3/3] COPY app.py /app/
            #7 DONE 0.0s

            #8 exporting to image
            #8 exporting layers 0.1s done
            #8 writing image sha256:<digest> done
            #8 naming to docker.io/library/app done
            #8 DONE 0.1s

            """)
        // The image is there, under its tag; the base image BuildKit pulled is not (moby/moby#39229).
        let images = BuildKitTestSupport.run("docker images --format '{{.Repository}}:{{.Tag}}'", in: &lab).stdout
        XCTAssertEqual(images, "app:latest\n")
        XCTAssertEqual(BuildKitTestSupport.run("docker images -aq | wc -l", in: &lab).stdout.trimmingCharacters(in: .whitespaces), "1\n")
        XCTAssertEqual(BuildKitTestSupport.run("docker run --rm app cat /app/app.py", in: &lab).stdout, "print(1)\n")
        // The id `writing image` names is the image's.
        let id = BuildKitTestSupport.run("docker images -q --no-trunc app", in: &lab).stdout
        XCTAssertTrue(r.stderr.contains("#8 writing image " + id.trimmingCharacters(in: .newlines) + " done\n"), r.stderr)
        // No build container is left behind.
        XCTAssertEqual(BuildKitTestSupport.run("docker ps -aq", in: &lab).stdout, "")
    }

    func testASecondIdenticalBuildIsCachedThroughoutAndGivesTheSameImage() {
        var lab = BuildKitTestSupport.lab(["Dockerfile": Self.dockerfile, "app.py": "print(1)\n"])
        let first = BuildKitTestSupport.run("docker build -t app .", in: &lab)
        let second = BuildKitTestSupport.run("docker build -t app .", in: &lab)
        XCTAssertEqual(second.status, 0)
        XCTAssertEqual(BuildKitTestSupport.normalised(second.stderr), Self.header + """
            #1 transferring dockerfile: 93B done
            #1 DONE 0.0s

            #2 [internal] load metadata for docker.io/library/alpine:latest
            #2 DONE 0.5s

            #3 [internal] load .dockerignore
            #3 transferring context: 2B done
            #3 DONE 0.0s

            #4 [1/3] FROM docker.io/library/alpine:latest@sha256:<digest>
            #4 CACHED

            #5 [internal] load build context
            #5 transferring context: 27B done
            #5 DONE 0.0s

            #6 [2/3] RUN echo hello
            #6 CACHED

            #7 [3/3] COPY app.py /app/
            #7 CACHED

            #8 exporting to image
            #8 exporting layers done
            #8 writing image sha256:<digest> done
            #8 naming to docker.io/library/app done
            #8 DONE 0.0s

            """)
        let image = { (text: String) in text.components(separatedBy: "writing image ").last!.prefix(71) }
        XCTAssertEqual(image(first.stderr), image(second.stderr))
        XCTAssertEqual(BuildKitTestSupport.run("docker images -q", in: &lab).stdout.split(separator: "\n").count, 1)
    }

    func testAChangedFileRebuildsItsCopyAndEveryStepAfter() {
        let dockerfile = "FROM alpine\nRUN echo deps\nCOPY app.py /app/\nRUN cat /app/app.py\n"
        var lab = BuildKitTestSupport.lab(["Dockerfile": dockerfile, "app.py": "print(1)\n"])
        _ = BuildKitTestSupport.run("docker build -t app .", in: &lab)
        _ = BuildKitTestSupport.run("echo 'print(2)' > app.py", in: &lab)
        let r = BuildKitTestSupport.run("docker build -t app .", in: &lab)
        XCTAssertEqual(r.status, 0)
        XCTAssertTrue(r.stderr.hasSuffix("""
            #4 [1/4] FROM docker.io/library/alpine:latest@sha256:\(r.stderr.components(separatedBy: "alpine:latest@sha256:")[1].prefix(64))
            #4 CACHED

            #5 [internal] load build context
            #5 transferring context: 42B done
            #5 DONE 0.0s

            #6 [2/4] RUN echo deps
            #6 CACHED

            #7 [3/4] COPY app.py /app/
            #7 DONE 0.0s

            #8 [4/4] RUN cat /app/app.py
            #8 0.050 print(2)
            #8 DONE 0.1s

            #9 exporting to image
            #9 exporting layers 0.1s done
            #9 writing image \(r.stderr.components(separatedBy: "writing image ")[1].prefix(71)) done
            #9 naming to docker.io/library/app done
            #9 DONE 0.1s

            """), r.stderr)
    }

    func testStagesAreNamedAndOnlyTheTargetsAreBuilt() {
        let dockerfile = """
            FROM alpine AS builder
            RUN echo built > /out.txt
            FROM alpine AS unused
            RUN echo never
            FROM alpine
            COPY --from=builder /out.txt /out.txt
            CMD ["cat", "/out.txt"]

            """
        var lab = BuildKitTestSupport.lab(["Dockerfile": dockerfile])
        let r = BuildKitTestSupport.run("docker build -t multi .", in: &lab)
        XCTAssertEqual(r.status, 0, r.stderr)
        let names = r.stderr.split(separator: "\n").filter { $0.hasPrefix("#") && !$0.contains(" DONE") && !$0.contains(" CACHED") }
            .filter { line in line.split(separator: " ").count > 1 && (line.contains("[") || line.contains("exporting to image")) }
        XCTAssertEqual(BuildKitTestSupport.normalised(names.joined(separator: "\n")), """
            #1 [internal] load build definition from Dockerfile
            #2 [internal] load metadata for docker.io/library/alpine:latest
            #3 [internal] load .dockerignore
            #4 [builder 1/2] FROM docker.io/library/alpine:latest@sha256:<digest>
            #5 [builder 2/2] RUN echo built > /out.txt
            #6 [stage-2 2/2] COPY --from=builder /out.txt /out.txt
            #7 exporting to image
            """)
        XCTAssertFalse(r.stderr.contains("never"))
        XCTAssertEqual(BuildKitTestSupport.run("docker run --rm multi", in: &lab).stdout, "built\n")

        let target = BuildKitTestSupport.run("docker build --target builder -t b .", in: &lab)
        XCTAssertTrue(target.stderr.contains("#4 [builder 1/2] FROM docker.io/library/alpine:latest@sha256:"), target.stderr)
        XCTAssertTrue(target.stderr.contains("#5 [builder 2/2] RUN echo built > /out.txt\n#5 CACHED\n"), target.stderr)
        XCTAssertFalse(target.stderr.contains("stage-2"))
    }

    func testQuietPrintsOnlyTheImageIDOnStandardOutput() {
        var lab = BuildKitTestSupport.lab(["Dockerfile": "FROM alpine\nLABEL a=b\n"])
        for line in ["docker build -q .", "docker build --progress=quiet .", "docker buildx build -q ."] {
            let r = BuildKitTestSupport.run(line, in: &lab)
            XCTAssertEqual(r.status, 0, line)
            XCTAssertEqual(r.stderr, "", line)
            XCTAssertEqual(BuildKitTestSupport.normalised(r.stdout), "sha256:<digest>\n", line)
        }
        // BUILDKIT_PROGRESS=quiet replaces `auto` in the printer only: nothing is printed at all.
        let env = BuildKitTestSupport.run("BUILDKIT_PROGRESS=quiet docker build .", in: &lab)
        XCTAssertEqual(env.stdout + env.stderr, "")
        XCTAssertTrue(BuildKitTestSupport.run("BUILDKIT_PROGRESS=plain docker build .", in: &lab).stderr.hasPrefix("#0 building with"))
        XCTAssertEqual(BuildKitTestSupport.run("docker build --progress=tty .", in: &lab).stderr,
                       "ERROR: failed to get console: provided file is not a console\n")
        let both = BuildKitTestSupport.run("docker build -q --progress=plain .", in: &lab)
        XCTAssertEqual(both.stderr, "ERROR: progress=plain and quiet cannot be used together\n")
        XCTAssertEqual(both.status, 1)
    }

    func testEveryWayOfAskingForABuildTakesBuildKit() {
        var lab = BuildKitTestSupport.lab(["Dockerfile": "FROM alpine\n"])
        for line in ["docker build .", "docker image build .", "docker builder build .", "docker buildx build .", "docker buildx b .",
                     "docker build --progress=plain .", "DOCKER_BUILDKIT=1 docker build .", "docker --log-level warn build ."] {
            let r = BuildKitTestSupport.run(line, in: &lab)
            XCTAssertEqual(r.status, 0, line)
            XCTAssertTrue(r.stderr.hasPrefix(Self.header), line + "\n" + r.stderr)
        }
        // The builder is named after the current context (docker/cli sets BUILDX_BUILDER to it).
        _ = BuildKitTestSupport.run("docker context create far --docker host=unix:///var/run/docker.sock", in: &lab)
        let r = BuildKitTestSupport.run("docker --context far build .", in: &lab)
        XCTAssertTrue(r.stderr.hasPrefix("#0 building with \"far\" instance using docker driver\n"), r.stderr)
    }

    func testALocalBaseImageIsUsedAsItIsWithoutDigest() {
        var lab = BuildKitTestSupport.lab(["Dockerfile": "FROM alpine\nRUN echo hi\n"])
        _ = BuildKitTestSupport.run("docker pull alpine", in: &lab)
        let r = BuildKitTestSupport.run("docker build .", in: &lab)
        XCTAssertTrue(r.stderr.contains("""
            #2 [internal] load metadata for docker.io/library/alpine:latest
            #2 DONE 0.0s

            """), r.stderr)
        XCTAssertTrue(r.stderr.contains("""
            #4 [1/2] FROM docker.io/library/alpine:latest
            #4 DONE 0.0s

            """), r.stderr)
    }

    func testDockerignoreAndAnUntaggedBuild() {
        var lab = BuildKitTestSupport.lab(["Dockerfile": "FROM alpine\nCOPY . /ctx/\n", ".dockerignore": "*.md\n", "a.txt": "a\n", "README.md": "x\n"])
        let r = BuildKitTestSupport.run("docker build .", in: &lab)
        XCTAssertEqual(r.status, 0)
        // .dockerignore's 5 bytes: a 32-byte STAT packet, a 9-byte DATA packet, the 2-byte end of
        // its data, the 2-byte FIN.
        XCTAssertTrue(r.stderr.contains("#3 [internal] load .dockerignore\n#3 transferring context: 45B done\n"), r.stderr)
        XCTAssertFalse(r.stderr.contains("naming to"), r.stderr)
        let files = BuildKitTestSupport.run("docker run --rm $(docker images -q) ls /ctx", in: &lab).stdout
        XCTAssertEqual(files, "Dockerfile\na.txt\n")
    }

    /// The frontend's checks warn on the Dockerfile's vertex, and buildx lists the warnings after
    /// the build, the count in yellow (BuildKitLint, PlainProgress.warningSummary).
    func testBuildChecksWarnOnTheDefinitionAndAfterTheBuild() {
        var lab = BuildKitTestSupport.lab(["Dockerfile": "FROM alpine as base\nCMD echo hi\n"])
        let r = BuildKitTestSupport.run("docker build .", in: &lab)
        XCTAssertEqual(r.status, 0)
        XCTAssertTrue(r.stderr.hasPrefix(Self.header + """
            #1 transferring dockerfile: 69B done
            #1 WARN: FromAsCasing: 'as' and 'FROM' keywords' casing do not match (line 1)
            #1 WARN: JSONArgsRecommended: JSON arguments recommended for CMD to prevent unintended behavior related to OS signals (line 2)
            #1 DONE 0.0s

            """), r.stderr)
        XCTAssertTrue(r.stderr.hasSuffix("""
            #5 DONE 0.0s

             \u{1B}[33m2 warnings found (use docker --debug to expand):
            \u{1B}[0m - FromAsCasing: 'as' and 'FROM' keywords' casing do not match (line 1)
             - JSONArgsRecommended: JSON arguments recommended for CMD to prevent unintended behavior related to OS signals (line 2)

            """), r.stderr)
        // The exec form, a SHELL before it, or matching casing: no warning.
        var quiet = BuildKitTestSupport.lab(["Dockerfile": "FROM alpine AS base\nSHELL [\"/bin/sh\", \"-c\"]\nCMD echo hi\n"])
        XCTAssertFalse(BuildKitTestSupport.run("docker build .", in: &quiet).stderr.contains("WARN"))
    }
}
