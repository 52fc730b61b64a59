import XCTest
@testable import LabCore
final class VirtualFileSystemTests: XCTestCase {
    func testNormalisesRelativePaths() {
        XCTAssertEqual(VirtualFileSystem.normalise("../etc//x/./y", cwd: "/root"), "/etc/x/y")
        XCTAssertEqual(VirtualFileSystem.normalise("..", cwd: "/"), "/")
    }
}
