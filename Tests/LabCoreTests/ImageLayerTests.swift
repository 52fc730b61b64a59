import XCTest
@testable import LabCore

/// The layers builds and commits make, and what removing images frees: moby's image delete
/// reports each layer no image holds any more after the image itself (`Deleted: sha256:<chain
/// id>`), and `docker image prune` deletes dangling heads with their untagged parents
/// (Fixtures/build 03, 05, 06).
final class ImageLayerTests: XCTestCase {
    /// The legacy builder's images (DOCKER_BUILDKIT=0), as the fixtures recorded them: each step
    /// an image. (A BuildKit build makes one image: BuildKitCacheTests.)
    private func lab(_ lines: [String]) -> Lab { SystemCommandsTests.lab(["export DOCKER_BUILDKIT=0"] + lines) }
    private func deletedLines(_ text: String) -> Int { text.split(separator: "\n").filter { $0.lowercased().hasPrefix("deleted: ") }.count }

    /// Fixtures/build 05 `docker rmi localhost:5001/myapp:latest myapp`: the image, its untagged
    /// RUN parent, then the RUN's layer (alpine keeps its own).
    func testRemovingABuiltImageDeletesItsParentsThenTheLayerNoImageHolds() {
        var lab = lab(["printf '%s\\n' 'FROM alpine' 'RUN echo pushed > /pushed.txt' 'CMD [\"cat\", \"/pushed.txt\"]' > Dockerfile && docker build -q -t myapp ."])
        let (text, status) = SystemCommandsTests.run("docker rmi myapp", in: &lab)
        XCTAssertEqual(status, 0)
        let lines = text.split(separator: "\n").map(String.init)
        XCTAssertEqual(lines.first, "Untagged: myapp:latest")
        XCTAssertEqual(lines.count, 4, text)
        XCTAssertEqual(deletedLines(text), 3, text)
        // The images go first (the CMD image, then the RUN image), the layer last.
        let images = SystemCommandsTests.run("docker images -a -q --no-trunc", in: &lab).0
        XCTAssertEqual(images.split(separator: "\n").count, 1, images)
    }

    /// Fixtures/build 06 `docker rmi snap:2 snap:1`: two commits of the same container changes
    /// share one layer, freed with the second.
    func testCommitsOfTheSameChangesShareOneLayer() {
        var lab = lab(["docker run --name c1 alpine sh -c 'echo hello > /data.txt'", "docker commit c1 snap:1", "docker commit c1 snap:2", "docker rm c1"])
        let (text, _) = SystemCommandsTests.run("docker rmi snap:2 snap:1", in: &lab)
        let lines = text.split(separator: "\n").map { $0.hasPrefix("Deleted: ") ? "Deleted" : String($0) }
        XCTAssertEqual(lines, ["Untagged: snap:2", "Deleted", "Untagged: snap:1", "Deleted", "Deleted"], text)
    }

    /// A step that leaves every file as it was (RUN true, a WORKDIR that exists) makes no layer:
    /// moby's NewChildImage adds no diff for an empty layer.
    func testAStepThatChangesNoFileMakesNoLayer() {
        var lab = lab(["printf '%s\\n' 'FROM alpine' 'RUN true' 'WORKDIR /tmp' 'CMD [\"true\"]' > Dockerfile && docker build -q -t quiet ."])
        let (text, _) = SystemCommandsTests.run("docker rmi quiet", in: &lab)
        // The CMD, WORKDIR and RUN images; no layer.
        XCTAssertEqual(deletedLines(text), 3, text)
    }

    /// Fixtures/build 03: prune deletes the dangling heads and, with each, its untagged parents
    /// that nothing else builds on, then the layers no image holds; the tagged image's own
    /// intermediate images stay. The space reclaimed is the freed layers' size.
    func testPruneDeletesDanglingHeadsWithTheirOwnParentsAndLayers() {
        var lab = lab(["printf 'v1\\n' > app.txt && printf '%s\\n' 'FROM alpine' 'RUN echo one > /one.txt' 'COPY app.txt /app/' 'CMD [\"cat\", \"/app/app.txt\"]' > Dockerfile",
                       "docker build -q -t t .", "printf 'v2\\n' > app.txt && docker build -q -t t ."])
        XCTAssertEqual(SystemCommandsTests.run("docker images -a -q | wc -l", in: &lab).0, "6\n")
        let (text, status) = SystemCommandsTests.run("docker image prune -f", in: &lab)
        XCTAssertEqual(status, 0)
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map { $0.hasPrefix("deleted: sha256:") ? "deleted" : String($0) }
        // The old CMD image, the old COPY image, then the old COPY's layer; the RUN image is still a parent.
        XCTAssertEqual(lines, ["Deleted Images:", "deleted", "deleted", "deleted", "", "Total reclaimed space: 3B", ""], text)
        XCTAssertEqual(SystemCommandsTests.run("docker images -a -q | wc -l", in: &lab).0, "4\n")
        XCTAssertEqual(SystemCommandsTests.run("docker run --rm t", in: &lab).0, "v2\n")
    }

    /// Fixtures/build 02 `RUN mkdir -p /data && echo "version $APP_VERSION" > version.txt && chown -R 1000 /app`
    /// is 33B in `docker history`: the chowned hello.txt (21 bytes) is copied up into the layer
    /// with the new version.txt (12). A file whose owner, mode or times change is in the layer
    /// whole, and `docker diff` shows it changed.
    func testAFileWhoseOwnerChangesIsInTheLayerWhole() {
        var lab = lab(["printf 'hello from the image\\n' > hello.txt && printf '%s\\n' 'FROM alpine' 'WORKDIR /app' 'COPY hello.txt .' 'RUN echo version 1.0 > version.txt && chown -R 1000 /app' > Dockerfile && docker build -q -t owned ."])
        XCTAssertEqual(SystemCommandsTests.run("docker history --format '{{.Size}}' owned | head -1", in: &lab).0, "33B\n")
        XCTAssertEqual(SystemCommandsTests.run("docker run --name c owned sh -c 'chmod 600 /app/hello.txt; touch /etc/passwd' && docker diff c", in: &lab).0,
                       "C /app\nC /app/hello.txt\nC /etc\nC /etc/passwd\n")
    }
}
