import XCTest
@testable import LabCore

/// BuildKit's errors as buildx prints them: the progress up to the failed vertex (`#N ERROR: …`),
/// the failed vertex's last lines between `------` rules (progressui display.go
/// `printErrorLogs`), the Dockerfile lines the error points at (errdefs `Source.Print`), then
/// `ERROR: failed to solve: …` (cmd/buildx/main.go, client/solve.go); the client exits 1 for
/// all of them. Each message's source is in BuildKitMessages.
final class BuildKitErrorTests: XCTestCase {
    static let header = "#0 building with \"default\" instance using docker driver\n\n#1 [internal] load build definition from Dockerfile\n"
    static let alpine = """
        #2 [internal] load metadata for docker.io/library/alpine:latest
        #2 DONE 0.5s

        #3 [internal] load .dockerignore
        #3 transferring context: 2B done
        #3 DONE 0.0s

        #4 [1/2] FROM docker.io/library/alpine:latest@sha256:<digest>
        #4 resolve docker.io/library/alpine:latest@sha256:<digest> 0.0s done
        #4 sha256:<digest> 1.99MB / 1.99MB 0.2s done
        #4 extracting sha256:<digest> 0.1s done
        #4 DONE 0.3s

        """

    private func build(_ dockerfile: String, _ line: String = "docker build -t app .") -> BuildKitTestSupport.Result {
        var lab = BuildKitTestSupport.lab(["Dockerfile": dockerfile])
        var r = BuildKitTestSupport.run(line, in: &lab)
        r.stderr = BuildKitTestSupport.normalised(r.stderr)
        return r
    }

    func testAFailingRunShowsItsLinesTheInstructionAndTheExitCode() {
        let r = build("FROM alpine\nRUN echo before && exit 3\n")
        XCTAssertEqual(r.status, 1)
        XCTAssertEqual(r.stderr, Self.header + "#1 transferring dockerfile: 75B done\n#1 DONE 0.0s\n\n" + Self.alpine + """

            #5 [2/2] RUN echo before && exit 3
            #5 0.050 before
            #5 ERROR: process "/bin/sh -c echo before && exit 3" did not complete successfully: exit code: 3
            ------
             > [2/2] RUN echo before && exit 3:
            0.050 before
            ------
            Dockerfile:2
            --------------------
               1 |     FROM alpine
               2 | >>> RUN echo before && exit 3
               3 |     \("")
            --------------------
            ERROR: failed to solve: process "/bin/sh -c echo before && exit 3" did not complete successfully: exit code: 3

            """)
    }

    func testAnUnknownInstructionIsAParseErrorWithASuggestion() {
        let r = build("FROM alpine\nRUNN echo hi\n")
        XCTAssertEqual(r.status, 1)
        XCTAssertEqual(r.stderr, Self.header + """
            #1 transferring dockerfile: 62B done
            #1 DONE 0.0s
            Dockerfile:2
            --------------------
               1 |     FROM alpine
               2 | >>> RUNN echo hi
               3 |     \("")
            --------------------
            ERROR: failed to solve: dockerfile parse error on line 2: unknown instruction: RUNN (did you mean RUN?)

            """)
        // util/suggest offers the nearest instruction in the case the word was written in.
        XCTAssertTrue(build("FROM alpine\nfoo bar\n").stderr.hasSuffix("unknown instruction: foo (did you mean from?)\n"))
        XCTAssertTrue(build("FROM alpine\nxyzzy bar\n").stderr.hasSuffix("unknown instruction: xyzzy\n"))
    }

    func testACopyOfAMissingFileFailsTheChecksum() {
        let r = build("FROM alpine\nCOPY nosuch.txt /\n")
        XCTAssertEqual(r.status, 1)
        XCTAssertEqual(r.stderr.replacingOccurrences(of: #"ref [A-Z0-9:]+::[a-z0-9]{25}"#, with: "ref <ref>", options: .regularExpression),
                       Self.header + "#1 transferring dockerfile: 67B done\n#1 DONE 0.0s\n\n" + Self.alpine + """

            #5 [internal] load build context
            #5 transferring context: 2B done
            #5 DONE 0.0s

            #6 [2/2] COPY nosuch.txt /
            #6 ERROR: failed to calculate checksum of ref <ref>: "/nosuch.txt": not found
            ------
             > [2/2] COPY nosuch.txt /:
            ------
            Dockerfile:2
            --------------------
               1 |     FROM alpine
               2 | >>> COPY nosuch.txt /
               3 |     \("")
            --------------------
            ERROR: failed to solve: failed to compute cache key: failed to calculate checksum of ref <ref>: "/nosuch.txt": not found

            """)
        // The ref is the engine's id (docker info's ID), `::`, a cache record's 25 base-36 digits.
        var lab = BuildKitTestSupport.lab(["Dockerfile": "FROM alpine\nCOPY nosuch.txt /\n"])
        let engineID = BuildKitTestSupport.run("docker info --format '{{.ID}}'", in: &lab).stdout.trimmingCharacters(in: .newlines)
        let err = BuildKitTestSupport.run("docker build .", in: &lab).stderr
        XCTAssertNotNil(err.range(of: "ref " + engineID + "::[0-9a-z]{25}: ", options: .regularExpression), err)
    }

    func testABaseImageTheRegistryDoesNotHave() {
        let r = build("FROM nosuchimage\nRUN echo hi\n")
        XCTAssertEqual(r.status, 1)
        let denied = "pull access denied, repository does not exist or may require authorization: server message: insufficient_scope: authorization failed"
        XCTAssertEqual(r.stderr, Self.header + """
            #1 transferring dockerfile: 66B done
            #1 DONE 0.0s

            #2 [internal] load metadata for docker.io/library/nosuchimage:latest
            #2 ERROR: \(denied)
            ------
             > [internal] load metadata for docker.io/library/nosuchimage:latest:
            ------
            Dockerfile:1
            --------------------
               1 | >>> FROM nosuchimage
               2 |     RUN echo hi
               3 |     \("")
            --------------------
            ERROR: failed to solve: nosuchimage: failed to resolve source metadata for docker.io/library/nosuchimage:latest: \(denied)

            """)
        XCTAssertTrue(build("FROM alpne\n").stderr.hasSuffix(
            "ERROR: failed to solve: alpne: failed to resolve source metadata for docker.io/library/alpne:latest: \(denied) (did you mean alpine?)\n"))
        let tag = build("FROM alpine:nosuch\n")
        XCTAssertTrue(tag.stderr.hasSuffix("#2 ERROR: docker.io/library/alpine:nosuch: not found\n------\n > [internal] load metadata for docker.io/library/alpine:nosuch:\n------\n"
                                           + "Dockerfile:1\n--------------------\n   1 | >>> FROM alpine:nosuch\n   2 |     \n--------------------\n"
                                           + "ERROR: failed to solve: alpine:nosuch: failed to resolve source metadata for docker.io/library/alpine:nosuch: "
                                           + "docker.io/library/alpine:nosuch: not found\n"), tag.stderr)
    }

    func testQuietShowsOnlyTheInstructionAndTheError() {
        let r = build("FROM alpine\nRUN exit 3\n", "docker build -q .")
        XCTAssertEqual(r.status, 1)
        XCTAssertEqual(r.stdout, "")
        XCTAssertEqual(r.stderr, "Dockerfile:2\n--------------------\n   1 |     FROM alpine\n   2 | >>> RUN exit 3\n   3 |     \n--------------------\n"
                       + "ERROR: failed to solve: process \"/bin/sh -c exit 3\" did not complete successfully: exit code: 3\n")
    }

    /// Errors of the Dockerfile as a whole and of the client's options.
    func testTheFrontendsAndTheClientsOtherRefusals() {
        let cases: [(files: [String: String], line: String, last: String)] = [
            ([:], "docker build .", "#1 transferring dockerfile: 2B done\n#1 DONE 0.0s\nERROR: failed to solve: failed to read dockerfile: open Dockerfile: no such file or directory\n"),
            (["Dockerfile": ""], "docker build .", "#1 DONE 0.0s\nERROR: failed to solve: the Dockerfile cannot be empty\n"),
            (["Dockerfile": "# nothing\n"], "docker build .", "#1 DONE 0.0s\nERROR: failed to solve: dockerfile contains no stages to build\n"),
            (["Dockerfile": "RUN echo no from\n"], "docker build .", "   1 | >>> RUN echo no from\n   2 |     \n--------------------\nERROR: failed to solve: no build stage in current context\n"),
            (["Dockerfile": "FROM alpine AS builder\n"], "docker build --target buildr .", "ERROR: failed to solve: target stage \"buildr\" could not be found (did you mean builder?)\n"),
            (["x.Dockerfile": "FROM alpine\n"], "docker build -f nosuch.Dockerfile .", "ERROR: failed to solve: failed to read dockerfile: open nosuch.Dockerfile: no such file or directory\n"),
            ([:], "docker build nosuchdir", "ERROR: unable to prepare context: path \"nosuchdir\" not found\n"),
            (["Dockerfile": "FROM alpine\n"], "docker build -t Upper .", "ERROR: invalid tag \"Upper\": repository name must be lowercase\n"),
            (["Dockerfile": "FROM alpine\n"], "docker build -t 'bad name' .", "ERROR: invalid tag \"bad name\": invalid reference format\n"),
            (["Dockerfile": "FROM alpine\n"], "docker build --progress=fancy .", "ERROR: invalid progress mode fancy\n"),
            ([:], "docker build", "ERROR: docker: 'docker buildx build' requires 1 argument\n\nUsage:  docker buildx build [OPTIONS] PATH | URL | -\n\n"
                + "Run 'docker buildx build --help' for more information\n"),
            (["Dockerfile": "FROM alpine\n"], "docker buildx build --builder mybuilder .", "ERROR: no builder \"mybuilder\" found\n"),
            ([:], "docker build --nosuch .", "unknown flag: --nosuch\n\nUsage:  docker buildx build [OPTIONS] PATH | URL | -\n\n"
                + "Run 'docker buildx build --help' for more information\n"),
        ]
        for c in cases {
            var lab = BuildKitTestSupport.lab(c.files)
            let r = BuildKitTestSupport.run(c.line, in: &lab)
            XCTAssertEqual(r.status, c.line.contains("--nosuch") ? 125 : 1, c.line)
            XCTAssertTrue(r.stderr.hasSuffix(c.last), c.line + "\n" + r.stderr)
        }
    }

    func testNoContainerIsLeftByAFailedStep() {
        var lab = BuildKitTestSupport.lab(["Dockerfile": "FROM alpine\nRUN exit 3\n"])
        _ = BuildKitTestSupport.run("docker build .", in: &lab)
        XCTAssertEqual(BuildKitTestSupport.run("docker ps -aq", in: &lab).stdout, "")
        // The legacy builder leaves it (Fixtures/build 04), and exits with the step's status.
        let legacy = BuildKitTestSupport.run("DOCKER_BUILDKIT=0 docker build .", in: &lab)
        XCTAssertEqual(legacy.status, 3)
        XCTAssertEqual(BuildKitTestSupport.run("docker ps -aq | wc -l", in: &lab).stdout.trimmingCharacters(in: .whitespaces), "1\n")
    }
}
