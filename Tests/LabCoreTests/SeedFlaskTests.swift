import XCTest
@testable import LabCore

/// The seed's Flask lab (../shared/seeds/docker-essentials-labs.md, "Create a python app" to
/// "Deploy a change"): build the image, run it with a published port, read the app through it
/// and the server's banner in the logs, change app.py, rebuild from the cache.
final class SeedFlaskTests: XCTestCase {
    static let app = """
        from flask import Flask

        app = Flask(__name__)

        @app.route("/")
        def hello():
            return "hello world!"

        if __name__ == "__main__":
            app.run(host="0.0.0.0")

        """

    static func seedLab() -> Lab {
        var lab = Lab()
        // The seed notes show the legacy builder's output (Step N/M, Using cache): a client
        // without buildx. BuildKitCacheTests rebuilds this app with BuildKit.
        lab.removeBuildx()
        try! lab.machine.files.makeDirectory("/root/app", parents: true)
        try! lab.machine.files.write(app, to: "/root/app/app.py")
        try! lab.machine.files.write("FROM python:3.6.1-alpine\nRUN pip install flask\nCMD [\"python\",\"app.py\"]\nCOPY app.py /app.py\n",
                                     to: "/root/app/Dockerfile")
        return lab
    }

    func testTheSeedsAppBuildsRunsAndRebuildsFromTheCache() {
        var lab = Self.seedLab()
        let (build, status) = SystemCommandsTests.run("cd /root/app && docker image build -t python-hello-world ./", in: &lab)
        XCTAssertEqual(status, 0, build)
        XCTAssertTrue(build.contains("Collecting flask\n  Downloading Flask-2.0.3-py3-none-any.whl (95kB)\n"), build)
        XCTAssertTrue(build.contains("Successfully installed Jinja2-3.0.3 MarkupSafe-2.0.1 Werkzeug-2.0.3 click-8.0.4 dataclasses-0.8 "
                                     + "flask-2.0.3 importlib-metadata-4.8.3 itsdangerous-2.0.1 typing-extensions-4.1.1 zipp-3.6.0\n"), build)
        XCTAssertTrue(build.contains("Successfully tagged python-hello-world:latest"), build)

        let (id, runStatus) = SystemCommandsTests.run("docker run -p 5001:5000 -d python-hello-world", in: &lab)
        XCTAssertEqual(runStatus, 0, id)
        XCTAssertEqual(SystemCommandsTests.run("curl -s localhost:5001", in: &lab).0, "hello world!")
        XCTAssertEqual(SystemCommandsTests.run("docker ps --format '{{.Status}}' -l", in: &lab).0.prefix(2), "Up")
        let logs = SystemCommandsTests.run("docker container logs \(id.prefix(12))", in: &lab).0
        XCTAssertTrue(logs.hasPrefix("""
             * Serving Flask app 'app' (lazy loading)
             * Environment: production
               WARNING: This is a development server. Do not use it in a production deployment.
               Use a production WSGI server instead.
             * Debug mode: off
             * Running on all addresses.
               WARNING: This is a development server. Do not use it in a production deployment.
             * Running on http://172.17.0.2:5000/ (Press CTRL+C to quit)

            """), logs)
        XCTAssertTrue(logs.hasSuffix("\"GET / HTTP/1.1\" 200 -\n") && logs.contains("172.17.0.1 - - ["), logs)

        // Deploy a change: steps 1-3 come from the cache, the COPY does not.
        _ = SystemCommandsTests.run("cd /root/app && sed -i 's/hello world!/Hello Beautiful World!/' app.py", in: &lab)
        let rebuild = SystemCommandsTests.run("cd /root/app && docker image build -t python-hello-world .", in: &lab).0
        let steps = rebuild.components(separatedBy: "Step ").dropFirst()
        XCTAssertEqual(steps.count, 4, rebuild)
        for step in steps.dropFirst().prefix(2) { XCTAssertTrue(step.contains(" ---> Using cache\n"), step) }
        XCTAssertFalse(steps.last!.contains("Using cache"), rebuild)
        XCTAssertFalse(rebuild.contains("Collecting"), rebuild)
        _ = SystemCommandsTests.run("docker rm -f \(id.prefix(12))", in: &lab)
        XCTAssertEqual(SystemCommandsTests.run("docker run -p 5001:5000 -d python-hello-world", in: &lab).1, 0)
        XCTAssertEqual(SystemCommandsTests.run("curl -s localhost:5001", in: &lab).0, "Hello Beautiful World!")
    }

    func testWithoutFlaskTheScriptFailsWithPythonsTraceback() {
        var lab = Self.seedLab()
        let (out, status) = SystemCommandsTests.run("docker run --rm -v /root/app:/w -w /w python:3.6.1-alpine python app.py", in: &lab)
        XCTAssertEqual(out.components(separatedBy: "\n").suffix(5).joined(separator: "\n"), """
            Traceback (most recent call last):
              File "app.py", line 1, in <module>
                from flask import Flask
            ModuleNotFoundError: No module named 'flask'

            """)
        XCTAssertEqual(status, 1)
    }

    func testAnAppOnLocalhostIsNotReachedThroughThePublishedPort() {
        var lab = Self.seedLab()
        _ = SystemCommandsTests.run("cd /root/app && sed -i 's/host=\"0.0.0.0\"/port=8080/' app.py && docker build -q -t local .", in: &lab)
        _ = SystemCommandsTests.run("docker run -d -p 8080:8080 --name web local", in: &lab)
        XCTAssertEqual(SystemCommandsTests.run("docker logs web", in: &lab).0.components(separatedBy: "\n").suffix(2).first,
                       " * Running on http://127.0.0.1:8080/ (Press CTRL+C to quit)")
        XCTAssertNotEqual(SystemCommandsTests.run("curl -s localhost:8080", in: &lab).1, 0)
        XCTAssertEqual(SystemCommandsTests.run("docker exec web wget -qO- localhost:8080", in: &lab).0, "hello world!")
    }
}
