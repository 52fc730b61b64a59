import XCTest
@testable import LabCore

/// A malformed Compose file is reported in PyYAML's words, as docker-compose 1.29 prints them.
/// Each expected text was printed by docker-compose 1.29.2 on the development machine
/// (`DOCKER_HOST=unix:///nonexistent docker-compose -p e -f FILE config`; Fixtures/build 09 has the first).
final class ComposeYAMLErrorTests: XCTestCase {
    private func config(_ lines: [String]) -> (String, Int32) {
        var lab = Lab()
        let write = "printf '%s\\n' " + lines.map { "'" + $0 + "'" }.joined(separator: " ") + " > bad.yml"
        _ = SystemCommandsTests.run(write, in: &lab)
        return SystemCommandsTests.run("docker-compose -p e -f bad.yml config", in: &lab)
    }

    func testAKeyIndentedPastItsMappingOpensANewMapping() {
        XCTAssertEqual(config(["services:", "  web:", "    image: nginx", "   ports: [80"]).0, """
            yaml.parser.ParserError: while parsing a block mapping
              in "./bad.yml", line 2, column 3
            expected <block end>, but found '<block mapping start>'
              in "./bad.yml", line 4, column 4

            """)
    }

    func testTheTokenFoundIsNamedAsPyYAMLNamesIt() {
        XCTAssertEqual(config(["services:", "  web:", "    image: nginx", "    ports:", "      - 80", "     - 81"]).0, """
            yaml.parser.ParserError: while parsing a block mapping
              in "./bad.yml", line 3, column 5
            expected <block end>, but found '<block sequence start>'
              in "./bad.yml", line 6, column 6

            """)
        XCTAssertEqual(config(["services:", "  web:", "    image: nginx", "  - x"]).0, """
            yaml.parser.ParserError: while parsing a block mapping
              in "./bad.yml", line 2, column 3
            expected <block end>, but found '-'
              in "./bad.yml", line 4, column 3

            """)
        XCTAssertEqual(config(["services:", "  web:", "    image: nginx", "   x"]).0, """
            yaml.parser.ParserError: while parsing a block mapping
              in "./bad.yml", line 2, column 3
            expected <block end>, but found '<scalar>'
              in "./bad.yml", line 4, column 4

            """)
        XCTAssertEqual(config(["services:", "  web:", "    image: nginx", "    ports: [80"]).0, """
            yaml.parser.ParserError: while parsing a flow sequence
              in "./bad.yml", line 4, column 12
            expected ',' or ']', but got '<stream end>'
              in "./bad.yml", line 5, column 1

            """)
    }

    func testScannerAndComposerErrorsInPyYAMLsWords() {
        XCTAssertEqual(config(["a: b: c"]).0, """
            yaml.scanner.ScannerError: mapping values are not allowed here
              in "./bad.yml", line 1, column 5

            """)
        // No place for the context when it is the problem's (PyYAML's MarkedYAMLError).
        XCTAssertEqual(config(["services:", "  web:", "    image: @nginx"]).0, """
            yaml.scanner.ScannerError: while scanning for the next token
            found character '@' that cannot start any token
              in "./bad.yml", line 3, column 12

            """)
        XCTAssertEqual(config(["services: &a", "  web: *b"]).0, """
            yaml.composer.ComposerError: found undefined alias 'b'
              in "./bad.yml", line 2, column 8

            """)
    }
}
