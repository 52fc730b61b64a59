import XCTest
@testable import LabCore

/// BuildKit's plain progress printer (moby/buildkit v0.22.0 util/progress/progressui/printer.go
/// `textMux.printVtx`, display.go `trace.printErrorLogs`), errdefs' source excerpt
/// (solver/errdefs/source.go `Source.Print`) and the byte sizes of tonistiigi/units: each
/// expectation below is worked out from those functions' format strings.
final class PlainProgressTests: XCTestCase {
    static let description = "building with \"default\" instance using docker driver"

    func testVerticesArePrintedWithTheirIndexStatusesLogsAndEnd() {
        let vertices = [
            BuildVertex(name: "[internal] load build definition from Dockerfile",
                        statuses: [.init("transferring dockerfile:", current: 99)], end: .done(seconds: 0.004)),
            BuildVertex(name: "[internal] load metadata for docker.io/library/alpine:latest", end: .done(seconds: 0.52)),
            BuildVertex(name: "[1/2] FROM docker.io/library/alpine:latest@sha256:" + String(repeating: "a", count: 64),
                        statuses: [.init("resolve docker.io/library/alpine:latest", seconds: 0.02),
                                   .init("sha256:" + String(repeating: "b", count: 64), current: 1_985_610, total: 1_985_610, seconds: 0.2),
                                   .init("extracting sha256:" + String(repeating: "b", count: 64), seconds: 0.1)],
                        end: .done(seconds: 0.35)),
            BuildVertex(name: "[2/2] RUN echo hi", logs: [.init(seconds: 0.0523, text: "hi"), .init(seconds: 12.5, text: "late")],
                        end: .done(seconds: 12.56)),
            BuildVertex(name: "[3/3] COPY a /", end: .cached),
        ]
        XCTAssertEqual(PlainProgress.render(vertices, description: Self.description), """
            #0 building with "default" instance using docker driver

            #1 [internal] load build definition from Dockerfile
            #1 transferring dockerfile: 99B done
            #1 DONE 0.0s

            #2 [internal] load metadata for docker.io/library/alpine:latest
            #2 DONE 0.5s

            #3 [1/2] FROM docker.io/library/alpine:latest@sha256:\(String(repeating: "a", count: 64))
            #3 resolve docker.io/library/alpine:latest 0.0s done
            #3 sha256:\(String(repeating: "b", count: 64)) 1.99MB / 1.99MB 0.2s done
            #3 extracting sha256:\(String(repeating: "b", count: 64)) 0.1s done
            #3 DONE 0.3s

            #4 [2/2] RUN echo hi
            #4 0.052 hi
            #4 12.50 late
            #4 DONE 12.6s

            #5 [3/3] COPY a /
            #5 CACHED

            """)
    }

    func testAFailedVertexEndsWithItsErrorAndItsLastTenLinesFollow() {
        let logs = (1...12).map { BuildVertex.Log(seconds: 0.1 + Double($0) / 1000, text: "line \($0)") }
        let vertices = [BuildVertex(name: "[2/2] RUN ./build.sh", logs: logs,
                                    end: .error("process \"/bin/sh -c ./build.sh\" did not complete successfully: exit code: 3"))]
        let printed = PlainProgress.render(vertices, description: Self.description)
        XCTAssertTrue(printed.hasSuffix("#1 0.112 line 12\n#1 ERROR: process \"/bin/sh -c ./build.sh\" did not complete successfully: exit code: 3\n"), printed)
        XCTAssertEqual(PlainProgress.errorLogs(vertices), """
            ------
             > [2/2] RUN ./build.sh:
            \((3...12).map { String(format: "%.3f", 0.1 + Double($0) / 1000) + " line \($0)" }.joined(separator: "\n"))
            ------

            """)
        XCTAssertEqual(PlainProgress.errorLogs([BuildVertex(name: "x", end: .done(seconds: 0))]), "")
    }

    func testWarningsComeBeforeTheEndOfTheirVertex() {
        let v = BuildVertex(name: "[internal] load build definition from Dockerfile",
                            statuses: [.init("transferring dockerfile:", current: 2048)], warnings: ["JSONArgsRecommended: x (line 3)"],
                            end: .done(seconds: 0))
        XCTAssertEqual(PlainProgress.render([v], description: nil), """
            #1 [internal] load build definition from Dockerfile
            #1 transferring dockerfile: 2.05kB done
            #1 WARN: JSONArgsRecommended: x (line 3)
            #1 DONE 0.0s

            """)
    }

    func testSourceExcerptPadsAroundTheInstruction() {
        let one = SourceExcerpt(filename: "Dockerfile", data: "FROM alpine\nRUN exit 3\n", ranges: [2...2])
        XCTAssertEqual(PlainProgress.excerpt(one), """
            Dockerfile:2
            --------------------
               1 |     FROM alpine
               2 | >>> RUN exit 3
               3 |     \("")
            --------------------

            """)
        // One line: two lines each side where there are; a range of lines: one each side.
        let data = (1...8).map { "L\($0)" }.joined(separator: "\n")
        XCTAssertEqual(PlainProgress.excerpt(SourceExcerpt(filename: "app.Dockerfile", data: data, ranges: [5...5])), """
            app.Dockerfile:5
            --------------------
               3 |     L3
               4 |     L4
               5 | >>> L5
               6 |     L6
               7 |     L7
            --------------------

            """)
        XCTAssertEqual(PlainProgress.excerpt(SourceExcerpt(filename: "Dockerfile", data: data, ranges: [2...3])), """
            Dockerfile:2
            --------------------
               1 |     L1
               2 | >>> L2
               3 | >>> L3
               4 |     L4
            --------------------

            """)
    }

    func testBytesAsTonistiigiUnitsPrintThem() {
        XCTAssertEqual(PlainProgress.bytes(2), "2B")
        XCTAssertEqual(PlainProgress.bytes(999), "999B")
        XCTAssertEqual(PlainProgress.bytes(1000), "1.00kB")
        XCTAssertEqual(PlainProgress.bytes(1234), "1.23kB")
        XCTAssertEqual(PlainProgress.bytes(3_622_892), "3.62MB")
    }

    func testTheWarningSummaryIsYellowAfterABlank() {
        XCTAssertEqual(PlainProgress.warningSummary([BuildWarning(short: "A: b (line 1)")]),
                       "\n \u{1B}[33m1 warning found (use docker --debug to expand):\n\u{1B}[0m - A: b (line 1)\n")
        XCTAssertTrue(PlainProgress.warningSummary([BuildWarning(short: "a"), BuildWarning(short: "b")]).contains("2 warnings found"))
        XCTAssertEqual(PlainProgress.warningSummary([]), "")
    }
}
