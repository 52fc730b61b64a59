import XCTest
@testable import LabCore

/// tar and gzip on the lab's files, ADD of a local archive, and docker save/load round trips.
final class ArchiveTests: XCTestCase {
    func testTarRoundTripsThroughGzip() {
        var lab = SystemCommandsTests.lab(["mkdir -p src/sub && echo one > src/a && echo two > src/sub/b",
                                           "tar -czf s.tgz -C src . && mkdir out && tar -xzf s.tgz -C out"])
        XCTAssertEqual(SystemCommandsTests.run("cat out/a out/sub/b", in: &lab).0, "one\ntwo\n")
        XCTAssertEqual(SystemCommandsTests.run("tar tzf s.tgz", in: &lab).0, "./\n./a\n./sub/\n./sub/b\n")
        let (text, status) = SystemCommandsTests.run("tar tf nosuch.tar", in: &lab)
        XCTAssertEqual(status, 2)
        XCTAssertEqual(text, "tar: nosuch.tar: Cannot open: No such file or directory\ntar: Error is not recoverable: exiting now\n")
    }

    func testAddUnpacksALocalArchive() {
        var lab = SystemCommandsTests.lab(["mkdir ctx && echo x > f && tar cf - f | gzip > ctx/f.tar.gz",
                                           "printf 'FROM alpine\\nADD f.tar.gz /opt/\\n' > ctx/Dockerfile && docker build -q -t unpacked ctx"])
        XCTAssertEqual(SystemCommandsTests.run("docker run --rm unpacked ls /opt", in: &lab).0, "f\n")
    }

    func testSaveThenLoadGivesTheImageBack() {
        var lab = SystemCommandsTests.lab(["docker pull alpine", "docker tag alpine mine:1", "docker save -o m.tar mine:1", "docker rmi mine:1"])
        XCTAssertEqual(SystemCommandsTests.run("tar xOf m.tar repositories | grep -c mine", in: &lab).0, "1\n")
        XCTAssertEqual(SystemCommandsTests.run("docker load -i m.tar", in: &lab).0, "Loaded image: mine:1\n")
        XCTAssertEqual(SystemCommandsTests.run("docker images --format '{{.Repository}}:{{.Tag}}' mine", in: &lab).0, "mine:1\n")
        XCTAssertEqual(SystemCommandsTests.run("docker save -o /nonexistent/dir/x.tar mine:1", in: &lab).0,
                       "failed to save image: invalid output path: stat /nonexistent/dir: no such file or directory\n")
        XCTAssertEqual(SystemCommandsTests.run("printf 'not a tar\\n' > bad.tar && docker load -i bad.tar", in: &lab).0,
                       "Error processing tar file(exit status 1): unexpected EOF\n")
    }

    /// The lab keeps gzip's data behind a marker, but a compressed file has the size real gzip
    /// gives it (gzip 1.12 on the development machine: `seq 1 2000 | gzip -n | wc -c` is 4218,
    /// `gzip nums` keeps the name: 4223, `printf 'hello\n' | gzip | wc -c` 26), and so does what
    /// `docker build` sends (Fixtures/build 02: a context with a .tar.gz is 6.144kB).
    func testACompressedFileHasTheSizeRealGzipGivesIt() {
        var lab = SystemCommandsTests.lab(["seq 1 2000 > nums && seq 1 2000 | gzip -n > piped.gz && gzip nums"])
        XCTAssertEqual(SystemCommandsTests.run("wc -c < piped.gz; ls -l nums.gz | awk '{print $5}'; printf 'hello\\n' | gzip | wc -c", in: &lab).0,
                       "4218\n4223\n26\n")
        XCTAssertEqual(SystemCommandsTests.run("zcat piped.gz | tail -1", in: &lab).0, "2000\n")
        let (text, _) = SystemCommandsTests.run("mkdir ctx && seq 1 2000 | gzip -n > ctx/n.gz && printf 'FROM alpine\\n' > ctx/Dockerfile && DOCKER_BUILDKIT=0 docker build ctx 2>/dev/null | grep Sending", in: &lab)
        // The Dockerfile (a header and a block), n.gz (a header and 4218 bytes in 9 blocks), two closing blocks.
        XCTAssertEqual(text, "Sending build context to Docker daemon  7.168kB\n")
    }

    /// GNU tar 1.34 (the development machine's) writes records of 10240 bytes: a small archive is
    /// one record, `tar -cf a.tar f && wc -c < a.tar` 10240, and it still lists and unpacks.
    func testTarWritesWholeRecords() {
        var lab = SystemCommandsTests.lab(["printf 'x\\n' > f && tar -cf a.tar f && tar -cf - f | gzip -n > a.tgz"])
        XCTAssertEqual(SystemCommandsTests.run("wc -c < a.tar; tar tf a.tar; zcat a.tgz | wc -c; tar xzOf a.tgz f", in: &lab).0, "10240\nf\n10240\nx\n")
    }
}
