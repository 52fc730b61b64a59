import LabCore
import XCTest

/// `lab bench` names how the Swift runtime was linked, read from a memory map.
final class RuntimeLinkageTests: XCTestCase {
    func testTheSharedRuntimeIsFoundInTheMap() {
        let maps = """
        5581a000-5581b000 r-xp 00000000 08:01 1234 /work/main/.build/release/lab
        7f1c2000-7f1c9000 r-xp 00000000 08:01 5678 /opt/swift/usr/lib/swift/linux/libswiftCore.so
        """
        XCTAssertEqual(RuntimeLinkage.current(maps: maps), .shared)
    }

    func testAMapWithoutTheRuntimeLibraryIsStatic() {
        let maps = """
        5581a000-5581b000 r-xp 00000000 08:01 1234 /work/main/.build/release/lab
        7f1c2000-7f1c9000 r-xp 00000000 08:01 9999 /usr/lib/x86_64-linux-gnu/libc.so.6
        """
        XCTAssertEqual(RuntimeLinkage.current(maps: maps), .staticLinked)
    }

    func testNoMapIsUnknown() {
        XCTAssertEqual(RuntimeLinkage.current(maps: nil), .unknown)
        XCTAssertEqual(RuntimeLinkage.current(maps: ""), .unknown)
    }

    /// The test process itself links the shared runtime (tests are not built statically).
    func testThisProcessIsReadAsShared() throws {
        guard FileManager.default.fileExists(atPath: "/proc/self/maps") else { throw XCTSkip("no /proc/self/maps here") }
        XCTAssertEqual(RuntimeLinkage.current(), .shared)
    }
}
