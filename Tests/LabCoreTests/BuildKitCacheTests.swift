import XCTest
@testable import LabCore

/// BuildKit's cache in the lab: a step is `CACHED` when its key is known (its parent's key and
/// its own definition: a RUN's command and environment, a COPY's files), a changed file rebuilds
/// its COPY and what follows, an ENV change leaves a COPY cached (a file operation has no
/// environment) but not a RUN, `--no-cache` runs the RUNs and COPYs again; and the sizes the
/// file transfers report (BuildKitTransfer: fsutil's packets).
final class BuildKitCacheTests: XCTestCase {
    /// The vertices' names (a step's up to its `]`) and how each ended: `NAME: DONE`, `NAME: CACHED`.
    private func ends(_ stderr: String) -> [String] {
        var names: [String: String] = [:]
        var out: [String] = []
        for line in stderr.split(separator: "\n") {
            let parts = line.split(separator: " ", maxSplits: 1).map(String.init)
            guard parts.count == 2, parts[0].hasPrefix("#"), parts[0] != "#0" else { continue }
            guard let name = names[parts[0]] else {
                let step = parts[1].hasPrefix("[") && !parts[1].hasPrefix("[internal]")
                names[parts[0]] = step ? String(parts[1].prefix { $0 != "]" }) + "]" : parts[1]
                continue
            }
            if parts[1] == "CACHED" || parts[1].hasPrefix("DONE") { out.append(name + ": " + (parts[1] == "CACHED" ? "CACHED" : "DONE")) }
        }
        return out
    }

    func testTheSeedsFlaskAppRebuiltAfterACodeChange() {
        var lab = SeedFlaskTests.seedLab()
        // The seed lab, with the buildx plugin back.
        try! lab.machine.files.makeDirectory("/usr/libexec/docker/cli-plugins", parents: true)
        try! lab.machine.files.write(BuilderRouting.pluginFile, to: BuilderRouting.pluginPath)
        let first = BuildKitTestSupport.run("cd /root/app && docker build -t python-hello-world .", in: &lab)
        XCTAssertEqual(first.status, 0, first.stderr)
        // pip's lines, each after its vertex number and time.
        XCTAssertNotNil(first.stderr.range(of: #"\n#6 [0-9.]+ Collecting flask\n#6 [0-9.]+   Downloading Flask-2.0.3-py3-none-any.whl \(95kB\)\n"#,
                                           options: .regularExpression), first.stderr)
        _ = BuildKitTestSupport.run("cd /root/app && sed -i 's/hello world!/Hello Beautiful World!/' app.py", in: &lab)
        let second = BuildKitTestSupport.run("cd /root/app && docker build -t python-hello-world .", in: &lab)
        XCTAssertEqual(ends(second.stderr), ["[internal] load build definition from Dockerfile: DONE",
                                             "[internal] load metadata for docker.io/library/python:3.6.1-alpine: DONE",
                                             "[internal] load .dockerignore: DONE", "[1/3]: CACHED", "[internal] load build context: DONE",
                                             "[2/3]: CACHED", "[3/3]: DONE", "exporting to image: DONE"], second.stderr)
        XCTAssertFalse(second.stderr.contains("Collecting"))
        XCTAssertEqual(BuildKitTestSupport.run("docker run -d -p 5001:5000 python-hello-world >/dev/null && curl -s localhost:5001", in: &lab).stdout,
                       "Hello Beautiful World!")
    }

    func testAnEnvChangeLeavesACopyCachedButNotARunAfterIt() {
        var lab = BuildKitTestSupport.lab(["Dockerfile": "FROM alpine\nENV A=1\nCOPY a.txt /\nRUN echo $A\n", "a.txt": "a\n"])
        _ = BuildKitTestSupport.run("docker build .", in: &lab)
        _ = BuildKitTestSupport.run("sed -i 's/A=1/A=2/' Dockerfile", in: &lab)
        let r = BuildKitTestSupport.run("docker build .", in: &lab)
        XCTAssertTrue(r.stderr.contains("#6 [2/3] COPY a.txt /\n#6 CACHED\n"), r.stderr)
        // A RUN's name shows the variables the stage defines (processCmdEnv), its command does not.
        XCTAssertTrue(r.stderr.contains("#7 [3/3] RUN echo 2\n#7 0.050 2\n#7 DONE 0.1s\n"), r.stderr)
        XCTAssertTrue(BuildKitTestSupport.run("docker history --no-trunc --format '{{.CreatedBy}}' $(docker images -q | head -1) | head -1", in: &lab).stdout
                      == "RUN /bin/sh -c echo $A # buildkit\n")
    }

    func testReorderedStepsAndNoCache() {
        var lab = BuildKitTestSupport.lab(["Dockerfile": "FROM alpine\nRUN echo one\nWORKDIR /w\nRUN echo two\n"])
        _ = BuildKitTestSupport.run("docker build .", in: &lab)
        let noCache = BuildKitTestSupport.run("docker build --no-cache .", in: &lab)
        // The image source and WORKDIR's folder are not marked to skip the cache; the RUNs are.
        XCTAssertEqual(ends(noCache.stderr).filter { $0.hasPrefix("[") && !$0.hasPrefix("[internal") },
                       ["[1/4]: CACHED", "[2/4]: DONE", "[3/4]: CACHED", "[4/4]: DONE"], noCache.stderr)
        _ = BuildKitTestSupport.run("printf 'FROM alpine\\nRUN echo two\\nWORKDIR /w\\nRUN echo one\\n' > Dockerfile", in: &lab)
        let reordered = BuildKitTestSupport.run("docker build .", in: &lab)
        XCTAssertEqual(ends(reordered.stderr).filter { $0.hasPrefix("[") && !$0.hasPrefix("[internal") },
                       ["[1/4]: CACHED", "[2/4]: DONE", "[3/4]: DONE", "[4/4]: DONE"], reordered.stderr)
    }

    func testTheLegacyBuilderAndBuildKitKeepSeparateCaches() {
        var lab = BuildKitTestSupport.lab(["Dockerfile": "FROM alpine\nRUN echo hi\n"])
        _ = BuildKitTestSupport.run("docker build .", in: &lab)
        let legacy = BuildKitTestSupport.run("DOCKER_BUILDKIT=0 docker build .", in: &lab)
        XCTAssertFalse(legacy.stdout.contains("Using cache"), legacy.stdout)
        XCTAssertTrue(BuildKitTestSupport.run("docker build .", in: &lab).stderr.contains("#5 [2/2] RUN echo hi\n#5 CACHED\n"))
    }

    /// The bytes fsutil's packets add up to (stat.proto, wire.proto): a STAT packet per entry
    /// (field 2: path, mode, size when a file has one, the time's nine-byte varint), an empty
    /// STAT (0 bytes), each file's data in 32 KiB DATA packets (type 2: 2 bytes; its id when not
    /// 0; the data), an empty DATA packet, and the 2-byte FIN.
    func testTransferSizes() {
        typealias E = BuildKitTransfer.Entry
        XCTAssertEqual(BuildKitTransfer.bytes([]), 2)
        // "Dockerfile", 60 bytes: STAT 1+1+(12+3+2+10) = 29, DATA 2+(1+1+60) = 64, end 2, FIN 2.
        XCTAssertEqual(BuildKitTransfer.bytes([E(path: "Dockerfile", isDirectory: false, size: 60, sendsData: true)]), 97)
        XCTAssertEqual(BuildKitTransfer.bytes([E(path: "Dockerfile", isDirectory: false, size: 60, sendsData: false)]), 31)
        // A folder: mode 0755|ModeDir is a five-byte varint, no size: 1+1+(5+6+10) = 23.
        XCTAssertEqual(BuildKitTransfer.bytes([E(path: "src", isDirectory: true, size: 0, sendsData: true)]), 25)
        // 40000 bytes: STAT 24, DATA 2+(1+3+32768) and 2+(1+2+7232), end 2, FIN 2.
        XCTAssertEqual(BuildKitTransfer.bytes([E(path: "big", isDirectory: false, size: 40000, sendsData: true)]), 40039)
        // A second entry's packets carry its id (1): two more bytes on each DATA packet.
        XCTAssertEqual(BuildKitTransfer.bytes([E(path: "src", isDirectory: true, size: 0, sendsData: false),
                                               E(path: "src/a", isDirectory: false, size: 1, sendsData: true)]),
                       23 + (1 + 1 + (7 + 3 + 2 + 10)) + (2 + 2 + 3) + (2 + 2) + 2)
    }
}
