import XCTest
@testable import LabCore

/// YAML from anyone: nested aliases ("a billion laughs") are refused before they expand, in a
/// compose file in the virtual host as anywhere else, and ordinary aliases still work.
final class SafeYAMLTests: XCTestCase {
    /// Nine levels of ten aliases each: 10^9 values once expanded, 600 bytes written.
    static let laughs: String = {
        var lines = ["a0: &a0 [x, x, x, x, x, x, x, x, x, x]"]
        for i in 1...8 { lines.append("a\(i): &a\(i) [" + Array(repeating: "*a\(i - 1)", count: 10).joined(separator: ", ") + "]") }
        return lines.joined(separator: "\n") + "\nservices: *a8\n"
    }()

    func testNestedAliasesAreRefusedBeforeTheyExpand() {
        let start = Date()
        XCTAssertThrowsError(try SafeYAML.load(Self.laughs)) { XCTAssertEqual($0 as? SafeYAML.TooLarge, SafeYAML.TooLarge(limit: 200_000)) }
        XCTAssertLessThan(Date().timeIntervalSince(start), 5)
    }

    func testOrdinaryAliasesStillLoad() throws {
        let doc = try SafeYAML.load("base: &b {image: nginx}\nweb: *b\n") as? [String: Any]
        XCTAssertEqual((doc?["web"] as? [String: Any])?["image"] as? String, "nginx")
    }

    func testAComposeFileOfLaughsFailsAtOnce() throws {
        var lab = SystemCommandsTests.lab(["mkdir -p /root/b"])
        try lab.machine.files.write(Self.laughs, to: "/root/b/docker-compose.yml")
        let (out, status) = SystemCommandsTests.run("cd /root/b && docker-compose up -d", in: &lab)
        XCTAssertEqual(status, 1)
        XCTAssertEqual(out, "lab: ./docker-compose.yml: its YAML aliases expand to more than 200000 values\n")
    }
}
