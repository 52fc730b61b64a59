import XCTest
@testable import LabCore

/// pip, apk and apt-get inside containers and build steps: what they print, what they leave in
/// the container (programs, importable modules) and their refusals in the real tools' words.
final class PackageManagerTests: XCTestCase {
    func run(_ line: String, _ lab: inout Lab) -> (String, Int32) { SystemCommandsTests.run(line, in: &lab) }

    func testApkAddNeedsAnIndexThenInstallsTheProgram() {
        var lab = Lab()
        let (refused, status) = run("docker run --rm alpine apk add curl", &lab)
        XCTAssertTrue(refused.hasSuffix("ERROR: unsatisfiable constraints:\n  curl (missing):\n    required by: world[curl]\n"), refused)
        XCTAssertTrue(refused.contains("WARNING: Ignoring APKINDEX."), refused)
        XCTAssertEqual(status, 1)
        let (out, ok) = run("docker run --name c alpine sh -c 'apk add --no-cache curl && which curl'", &lab)
        XCTAssertEqual(ok, 0, out)
        XCTAssertTrue(out.contains("fetch https://dl-cdn.alpinelinux.org/alpine/v3.22/main/x86_64/APKINDEX.tar.gz\n"), out)
        XCTAssertTrue(out.contains("(5/5) Installing curl (7.80.0-r3)\n"), out)
        XCTAssertTrue(out.contains("\nOK: ") && out.contains(" MiB in 19 packages\n/usr/bin/curl\n"), out)
        XCTAssertTrue(run("docker diff c", &lab).0.contains("A /usr/bin/curl"))
    }

    func testApkUpdateThenAddAndAnUnknownPackage() {
        var lab = Lab()
        _ = run("docker pull alpine", &lab)
        let (out, status) = run("docker run --rm alpine sh -c 'apk update >/dev/null && apk add nosuch'", &lab)
        XCTAssertEqual(out, "ERROR: unsatisfiable constraints:\n  nosuch (missing):\n    required by: world[nosuch]\n")
        XCTAssertEqual(status, 1)
    }

    func testAptGetOnAlpineIsNotFoundInARunStep() {
        var lab = Lab()
        try! lab.machine.files.write("FROM alpine\nRUN apt-get update\n", to: "/root/Dockerfile")
        let (out, status) = run("cd /root && docker build .", &lab)
        XCTAssertTrue(out.contains("#5 [2/2] RUN apt-get update\n#5 0.050 /bin/sh: apt-get: not found\n"), out)
        XCTAssertTrue(out.hasSuffix("ERROR: failed to solve: process \"/bin/sh -c apt-get update\" did not complete successfully: exit code: 127\n"), out)
        XCTAssertEqual(status, 1)
        let (legacy, legacyStatus) = run("cd /root && DOCKER_BUILDKIT=0 docker build .", &lab)
        XCTAssertTrue(legacy.hasSuffix("The command '/bin/sh -c apt-get update' returned a non-zero code: 127\n"), legacy)
        XCTAssertEqual(legacyStatus, 127)
    }

    func testAptGetNeedsItsListsAndYes() {
        var lab = Lab()
        let (missing, status) = run("docker run --rm debian apt-get install -y curl", &lab)
        XCTAssertTrue(missing.hasSuffix("Reading package lists...\nBuilding dependency tree...\nReading state information...\nE: Unable to locate package curl\n"), missing)
        XCTAssertEqual(status, 100)
        let (abort, aborted) = run("docker run --rm debian sh -c 'apt-get update >/dev/null; apt-get install curl'", &lab)
        XCTAssertTrue(abort.hasSuffix("Do you want to continue? [Y/n] Abort.\n"), abort)
        XCTAssertEqual(aborted, 1)
        let (out, ok) = run("docker run --rm debian sh -c 'apt-get update >/dev/null && apt-get install -y curl && curl -s x'", &lab)
        XCTAssertTrue(out.contains("Setting up curl (7.88.1-10+deb12u12) ...\n"), out)
        XCTAssertEqual(ok, 6, out)
    }

    func testPipInstallsFromARequirementsFileAndSaysWhatIsAlreadyThere() {
        var lab = Lab()
        try! lab.machine.files.write("requests\n", to: "/root/requirements.txt")
        try! lab.machine.files.write("FROM python:3.6.1-alpine\nCOPY requirements.txt /\nRUN pip install -r /requirements.txt\nRUN pip install requests\n",
                                     to: "/root/Dockerfile")
        // The legacy builder prints pip's lines as they are (BuildKit would put `#N 0.123 ` before each).
        let (out, status) = run("cd /root && DOCKER_BUILDKIT=0 docker build -t r .", &lab)
        XCTAssertEqual(status, 0, out)
        XCTAssertTrue(out.contains("Collecting requests (from -r /requirements.txt (line 1))\n  Downloading requests-2.27.1-py2.py3-none-any.whl (63kB)\n"), out)
        XCTAssertTrue(out.contains("Collecting urllib3<1.27,>=1.21.1 (from requests->-r /requirements.txt (line 1))\n"), out)
        XCTAssertTrue(out.contains("Requirement already satisfied: requests in /usr/local/lib/python3.6/site-packages\n"), out)
        XCTAssertEqual(run("docker run --rm r python -c 'import requests'", &lab).1, 0)
        XCTAssertEqual(run("docker run --rm r pip freeze", &lab).0.split(separator: "\n").first, "certifi==2025.4.26")
    }

    func testPipRefusesAnUnknownPackage() {
        var lab = Lab()
        _ = run("docker pull python:3.6.1-alpine", &lab)
        _ = run("docker pull python", &lab)
        let (out, status) = run("docker run --rm python:3.6.1-alpine pip install --disable-pip-version-check nosuchpkg", &lab)
        XCTAssertEqual(out, "Collecting nosuchpkg\nCould not find a version that satisfies the requirement nosuchpkg (from versions: )\n"
                       + "No matching distribution found for nosuchpkg\n")
        XCTAssertEqual(status, 1)
        let (modern, failed) = run("docker run --rm python pip install nosuchpkg", &lab)
        XCTAssertTrue(modern.hasSuffix("ERROR: Could not find a version that satisfies the requirement nosuchpkg (from versions: none)\n"
                                       + "ERROR: No matching distribution found for nosuchpkg\n"), modern)
        XCTAssertEqual(failed, 1)
    }

    func testTheNewestFlaskOnANewPythonAndItsBanner() {
        var lab = Lab()
        let (out, _) = run("docker run --name f python sh -c 'pip install flask >/dev/null 2>&1; pip freeze'", &lab)
        XCTAssertTrue(out.contains("Flask==3.1.3\n") && out.contains("blinker==1.9.0\n"), out)
        let app = "from flask import Flask\napp = Flask(__name__)\n@app.route('/')\ndef index():\n    return 'hi'\napp.run(host='0.0.0.0', port=80)\n"
        XCTAssertEqual(FlaskApp.parse(app)?.banner(flask: "3.1.3", appName: "app", address: "172.17.0.2").stdout,
                       " * Serving Flask app 'app'\n * Debug mode: off\n")
        XCTAssertEqual(FlaskApp.parse(app)?.port, 80)
    }
}
