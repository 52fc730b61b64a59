import XCTest
@testable import LabCore

/// `docker push` to Docker Hub: the daemon lists the layers (`Preparing`, `Waiting` past its five
/// concurrent uploads: moby distribution/xfer/upload.go), and Hub refuses a push that is not the
/// logged-in user's own namespace with distribution's `denied` error (registry/api/errcode:
/// "denied: requested access to the resource is denied"): not logged in, another's namespace, an
/// official image's name. The user's own repositories take the push and give it back to a pull,
/// on every machine of the lab.
final class DockerHubPushTests: XCTestCase {
    /// Built with the legacy builder, which pulls alpine into `docker images` and keeps no build
    /// cache: after `docker rmi` only alpine's layer is still here. (A BuildKit build's cache
    /// would keep the RUN's layer too.)
    private static let build = "printf '%s\\n' 'FROM alpine' 'RUN echo pushed > /pushed.txt' 'CMD [\"cat\", \"/pushed.txt\"]' > Dockerfile && DOCKER_BUILDKIT=0 docker build -q -t myapp ."
    private static let login = "echo secret | docker login -u lab --password-stdin"

    /// The output with each 12-hex layer id as <layer>.
    private func layers(_ text: String) -> String {
        text.replacingOccurrences(of: #"(?m)^[0-9a-f]{12}:"#, with: "<layer>:", options: .regularExpression)
            .replacingOccurrences(of: #"sha256:[0-9a-f]{64}"#, with: "sha256:<digest>", options: .regularExpression)
    }

    private static func lab(_ lines: [String], nodes: Int = 1) -> Lab {
        var lab = Lab(nodes: nodes)
        for line in lines { _ = SystemCommandsTests.run(line, in: &lab) }
        return lab
    }

    private func run(_ line: String, _ lab: inout Lab) -> (String, Int32) {
        let (text, status) = SystemCommandsTests.run(line, in: &lab)
        return (layers(text), status)
    }

    func testAPushWithoutLoginIsDenied() {
        var lab = Self.lab([Self.build, "docker tag myapp lab/myapp"])
        let (text, status) = run("docker push lab/myapp", &lab)
        XCTAssertEqual(status, 1)
        XCTAssertEqual(text, "Using default tag: latest\nThe push refers to repository [docker.io/lab/myapp]\n<layer>: Preparing\n<layer>: Preparing\n"
                       + "denied: requested access to the resource is denied\n")
    }

    func testAnOfficialNameOrAnotherNamespaceIsDeniedToTheLoggedInUser() {
        var lab = Self.lab([Self.build, Self.login, "docker tag myapp other/myapp"])
        let denied = "<layer>: Preparing\n<layer>: Preparing\ndenied: requested access to the resource is denied\n"
        XCTAssertEqual(run("docker push myapp", &lab).0, "Using default tag: latest\nThe push refers to repository [docker.io/library/myapp]\n" + denied)
        XCTAssertEqual(run("docker push other/myapp:latest", &lab).0, "The push refers to repository [docker.io/other/myapp]\n" + denied)
        XCTAssertEqual(run("docker push lab/nothere", &lab).0,
                       "Using default tag: latest\nThe push refers to repository [docker.io/lab/nothere]\nAn image does not exist locally with the tag: lab/nothere\n")
    }

    /// Past five layers, the others wait for an upload slot before Hub's refusal.
    func testLayersPastFiveWait() {
        let steps = (1...6).map { "'RUN echo \($0) > /f\($0)'" }.joined(separator: " ")
        var lab = Self.lab(["printf '%s\\n' 'FROM alpine' \(steps) > Dockerfile && docker build -q -t lab/many ."])
        let (text, _) = run("docker push lab/many", &lab)
        XCTAssertEqual(text, "Using default tag: latest\nThe push refers to repository [docker.io/lab/many]\n"
                       + String(repeating: "<layer>: Preparing\n", count: 7) + String(repeating: "<layer>: Waiting\n", count: 2)
                       + "denied: requested access to the resource is denied\n")
    }

    func testTheUsersOwnRepositoryTakesThePushAndGivesItBack() {
        var lab = Self.lab([Self.build, Self.login, "docker tag myapp lab/myapp:1.0"], nodes: 2)
        let (pushed, status) = run("docker push lab/myapp:1.0", &lab)
        XCTAssertEqual(status, 0)
        // The base layer came from library/alpine: Hub mounts it from there.
        XCTAssertEqual(pushed, "The push refers to repository [docker.io/lab/myapp]\n<layer>: Preparing\n<layer>: Preparing\n"
                       + "<layer>: Mounted from library/alpine\n<layer>: Pushed\n1.0: digest: sha256:<digest> size: 735\n")
        XCTAssertEqual(run("docker push lab/myapp:1.0", &lab).0, "The push refers to repository [docker.io/lab/myapp]\n<layer>: Preparing\n<layer>: Preparing\n"
                       + "<layer>: Layer already exists\n<layer>: Layer already exists\n1.0: digest: sha256:<digest> size: 735\n")
        _ = SystemCommandsTests.run("docker rmi lab/myapp:1.0 myapp", in: &lab)
        XCTAssertEqual(run("docker pull lab/myapp:1.0", &lab).0, "1.0: Pulling from lab/myapp\n<layer>: Already exists\n<layer>: Pulling fs layer\n"
                       + "<layer>: Verifying Checksum\n<layer>: Download complete\n<layer>: Pull complete\nDigest: sha256:<digest>\n"
                       + "Status: Downloaded newer image for lab/myapp:1.0\ndocker.io/lab/myapp:1.0\n")
        XCTAssertEqual(run("docker run --rm lab/myapp:1.0", &lab).0, "pushed\n")
        XCTAssertEqual(run("docker pull lab/myapp:nosuch", &lab).0,
                       "Error response from daemon: manifest for lab/myapp:nosuch not found: manifest unknown: manifest unknown\n")
        // Docker Hub is the whole lab's: another machine pulls what node1 pushed.
        XCTAssertEqual(run("ssh node2 docker run --rm lab/myapp:1.0 2>/dev/null", &lab).0, "pushed\n")
        // -q prints the pushed reference in full and nothing else (docker/cli v28.2.2 push.go).
        XCTAssertEqual(run("docker push -q lab/myapp:1.0", &lab).0, "docker.io/lab/myapp:1.0\n")
        // After logout the user's own repository refuses the push too.
        _ = SystemCommandsTests.run("docker logout", in: &lab)
        XCTAssertEqual(run("docker push lab/myapp:1.0", &lab).1, 1)
    }
}
