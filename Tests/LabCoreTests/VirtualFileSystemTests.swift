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
}
