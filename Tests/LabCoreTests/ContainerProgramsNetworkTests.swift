import XCTest
@testable import LabCore

/// wget, curl, hostname -i, ps and env inside containers (recorded: Fixtures/containers/network.txt
/// against busybox httpd, curl-wget.txt; page bodies from nginx's docs/html/index.html and
/// httpd's htdocs/index.html, see ContainerServers).
final class ContainerProgramsNetworkTests: XCTestCase {
    typealias Ran = ContainerProgramsTests.Ran
    static let net = ["docker pull -q alpine", "docker network create appnet"]

    static func last(_ line: String, after setup: [String]) -> Ran {
        ContainerProgramsTests.run(net + setup + [line]).last!
    }

    func testBusyboxWgetFetchesTheServersPage() {
        let httpd = ["docker run -d --name web --network appnet httpd"]
        XCTAssertEqual(Self.last("docker run --rm --network appnet alpine wget -q -O- http://web/", after: httpd).output, ContainerServers.httpdPage)
        XCTAssertEqual(Self.last("docker run --rm --network appnet alpine wget -qO- web", after: httpd).output,
                       "<html><body><h1>It works!</h1></body></html>\n")
        XCTAssertEqual(Self.last("docker run --rm --network appnet alpine wget -O- http://web/", after: httpd).output,
                       "Connecting to web (172.18.0.2:80)\nwriting to stdout\n"
                       + "-                    100% |********************************|    45  0:00:00 ETA\nwritten to stdout\n"
                       + "<html><body><h1>It works!</h1></body></html>\n")
        XCTAssertEqual(Self.last("docker run --rm --network appnet alpine sh -c 'cd /tmp && wget http://web/ && cat index.html'", after: httpd).output,
                       "Connecting to web (172.18.0.2:80)\nsaving to 'index.html'\n"
                       + "index.html           100% |********************************|    45  0:00:00 ETA\n'index.html' saved\n"
                       + "<html><body><h1>It works!</h1></body></html>\n")
        let nginx = ["docker run -d --name web --network appnet nginx"]
        let page = Self.last("docker run --rm --network appnet alpine wget -qO- web", after: nginx).output
        XCTAssertTrue(page.hasPrefix("<!DOCTYPE html>\n<html>\n<head>\n<title>Welcome to nginx!</title>"))
        XCTAssertEqual(page.utf8.count, 615)
    }

    func testBusyboxWgetErrors() {
        let setup = ["docker run -d --name web --network appnet httpd", "docker run -d --name quiet --network appnet alpine sleep 100"]
        XCTAssertEqual(Self.last("docker run --rm --network appnet alpine wget -q -O- http://web/nope", after: setup).output,
                       "wget: server returned error: HTTP/1.1 404 Not Found\n")
        XCTAssertEqual(Self.last("docker run --rm --network appnet alpine wget -O- http://web/nope", after: setup).output,
                       "Connecting to web (172.18.0.2:80)\nwget: server returned error: HTTP/1.1 404 Not Found\n")
        XCTAssertEqual(Self.last("docker run --rm --network appnet alpine wget -q -O- http://web:8080/", after: setup).output,
                       "wget: can't connect to remote host (172.18.0.2): Connection refused\n")
        XCTAssertEqual(Self.last("docker run --rm --network appnet alpine wget -q -O- http://quiet/", after: setup).output,
                       "wget: can't connect to remote host (172.18.0.3): Connection refused\n")
        XCTAssertEqual(Self.last("docker run --rm --network appnet alpine wget -q -O- http://nothere/", after: setup),
                       Ran("wget: bad address 'nothere'\n", 1))
        XCTAssertEqual(Self.last("docker run --rm alpine wget http://127.0.0.1/", after: setup),
                       Ran("Connecting to 127.0.0.1 (127.0.0.1:80)\nwget: can't connect to remote host (127.0.0.1): Connection refused\n", 1))
        // No name resolution on the default bridge (recorded in 06-dns-aliases).
        XCTAssertEqual(Self.last("docker run --rm alpine wget -q -O- http://web/", after: setup).output, "wget: bad address 'web'\n")
    }

    func testCurlInNginx() {
        let setup = ["docker run -d --name web --network appnet nginx", "docker run -d --name other --network appnet nginx"]
        let r = Self.last("docker exec web curl -s localhost", after: setup)
        let (page, status) = (r.output, r.status)
        XCTAssertEqual(status, 0)
        XCTAssertEqual(page, ContainerServers.nginxPage)
        XCTAssertEqual(Self.last("docker exec web curl -s http://other/", after: setup).output, ContainerServers.nginxPage)
        XCTAssertEqual(Self.last("docker exec web curl -s http://nothere/", after: setup), Ran("", 6))
        XCTAssertEqual(Self.last("docker exec web curl -sS http://nothere/", after: setup), Ran("curl: (6) Could not resolve host: nothere\n", 6))
        // curl-wget.txt: the progress meter comes first on a non-terminal standard error.
        XCTAssertEqual(Self.last("docker exec web curl http://nothere/", after: setup).output,
                       CurlProgram.meterHead + CurlProgram.meterZero + "curl: (6) Could not resolve host: nothere\n")
        XCTAssertEqual(Self.last("docker exec web curl -sS http://other:81/", after: setup),
                       Ran("curl: (7) Failed to connect to other port 81 after 0 ms: Couldn't connect to server\n", 7))
    }

    func testElasticsearchRoundRobinThroughCentosCurl() {
        let setup = ["docker pull -q centos", "docker network create dude", "docker run -d --net dude --net-alias search --name es1 elasticsearch:2",
                     "docker run -d --net dude --net-alias search --name es2 elasticsearch:2"]
        let lines = ContainerProgramsTests.run(Self.net + setup + (0..<6).map { _ in "docker container run --rm --net dude centos curl -s search:9200" })
        let answers = lines.suffix(6).map(\.output)
        for a in answers {
            XCTAssertTrue(a.hasPrefix("{\n  \"name\" : \""), a)
            XCTAssertTrue(a.hasSuffix("    \"number\" : \"2.4.6\",\n    \"build_hash\" : \"5376dca9f70f3abef96a77f4bb22720ace8240fd\",\n"
                                      + "    \"build_timestamp\" : \"2017-07-18T12:17:44Z\",\n    \"build_snapshot\" : false,\n"
                                      + "    \"lucene_version\" : \"5.5.4\"\n  },\n  \"tagline\" : \"You Know, for Search\"\n}\n"), a)
        }
        // Two nodes answer in turn: two different names.
        XCTAssertEqual(Set(answers.map { $0.split(separator: "\n")[1] }).count, 2)
        // 9300 is the transport port, not HTTP: nothing this model serves there.
        let transport = ContainerProgramsTests.run(Self.net + setup + ["docker run --rm --net dude alpine wget -qO- search:9300"]).last!.output
        XCTAssertTrue(transport.hasPrefix("wget: can't connect to remote host (172.19.0.") && transport.hasSuffix("): Connection refused\n"), transport)
    }

    func testHostnamePsAndEnv() {
        XCTAssertEqual(Self.last("docker run --rm --network appnet alpine hostname -i", after: []).output, "172.18.0.2\n")
        XCTAssertEqual(Self.last("docker run --rm alpine ps", after: []).output, "PID   USER     COMMAND\n    1 root     ps\n")
        XCTAssertEqual(Self.last("docker exec box ps", after: ["docker run -d --name box alpine sleep 1000"]).output,
                       "PID   USER     COMMAND\n    1 root     sleep 1000\n   14 root     ps\n")
        let env = Self.last("docker run --rm -e A=1 --hostname h alpine env", after: []).output
        XCTAssertEqual(env, "PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin\nHOSTNAME=h\nA=1\nHOME=/root\n")
    }
}
