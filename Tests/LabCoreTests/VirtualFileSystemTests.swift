import XCTest
@testable import LabCore
final class VirtualFileSystemTests: XCTestCase {
    func testNormalisesRelativePaths() {
        XCTAssertEqual(VirtualFileSystem.normalise("../etc//x/./y", cwd: "/root"), "/etc/x/y")
        XCTAssertEqual(VirtualFileSystem.normalise("..", cwd: "/"), "/")
    }
}

final class VirtualFileSystemSubtreeTests: XCTestCase {
    func testSubtreeOfRootListsRootOnce() throws {
        var fs = VirtualFileSystem(empty: ())
        try fs.write("x", to: "/file")
        XCTAssertEqual(fs.subtree(at: "/"), ["/", "/file"])
        XCTAssertTrue(fs.isDirectory("/"))
    }

    func testSortedByUTF8MatchesAByteByByteSort() {
        var rng = SystemRandomNumberGenerator()
        let alphabet = Array("ab.-_Z9é\u{0}")
        for _ in 0..<200 {
            let names = (0..<Int.random(in: 0...12, using: &rng)).map { _ in
                String((0..<Int.random(in: 0...11, using: &rng)).map { _ in alphabet.randomElement(using: &rng)! })
            }
            XCTAssertEqual(VirtualFileSystem.sortedByUTF8(names), names.sorted { Array($0.utf8).lexicographicallyPrecedes(Array($1.utf8)) }, "\(names)")
        }
        XCTAssertEqual(VirtualFileSystem.sortedByUTF8(["usr", "bin", "abcdefghij", "abcdefgh", "abcdefghi", "B"]),
                       ["B", "abcdefgh", "abcdefghi", "abcdefghij", "bin", "usr"])
    }
}
