import XCTest
@testable import LabCore

/// Real gzip data read back (stored, fixed and dynamic DEFLATE blocks, made by Python's gzip and
/// zlib), and a real `.tar.gz` member of a client's tar kept as gzip's stand-in.
final class InflateTests: XCTestCase {
    static func bytes(_ hex: String) -> [UInt8] {
        let digits = Array(hex.utf8)
        return stride(from: 0, to: digits.count, by: 2).map { UInt8(String(decoding: digits[$0..<$0 + 2], as: UTF8.self), radix: 16)! }
    }

    func testStoredFixedAndDynamicBlocks() throws {
        XCTAssertEqual(Inflate.inflate(Self.bytes("010d00f2ff73746f72656420626c6f636b0a")), Array("stored block\n".utf8))
        let fixed = try XCTUnwrap(Inflate.gunzip(Self.bytes("1f8b0800000000000203cb48cdc9c957c84022cbf38b7252b83248140700b7fba4a548000000")))
        XCTAssertEqual(String(decoding: fixed.data, as: UTF8.self), String(repeating: "hello hello hello world\n", count: 3))
        XCTAssertNil(fixed.name)
        let dynamic = Self.bytes("""
            1f8b0800000000000203add7c90dc2400c40d13b55b8000e7863eb06984189884814260ae50335f0cf96fee9c9b287fe596527e35d5a57\
            65b85ca5d577dbcadab74ed6712e2f99eb542fad96b394f1f6a8b35c977e28322daf4e96a97c479be15751a46248c5914a2095442a7ba4\
            72402a47a47262d4417819bdcaf055c6af32809511ac0c61650c2b835819c5c628366807338a8d516c8c6263141ba3d818c5c6283646b1\
            338a9d51ecd029c1287646b1338a9d51ec8c6267143ba33818c5c1280e4671401731a33818c5c1280e4671308a83519c8ce2641427a338\
            19c5093d768ce2641427a33819c5f9b7e20f427df8149a100000
            """)
        let text = (0..<60).map { "line \($0) of the lab text, with words repeated: docker build push update" }.joined(separator: "\n") + "\n"
        XCTAssertEqual(String(decoding: try XCTUnwrap(Inflate.gunzip(dynamic)).data, as: UTF8.self), text)
        XCTAssertNil(Inflate.gunzip(Array("not gzip at all, just text".utf8)))
        XCTAssertNil(Inflate.inflate([0xFF, 0xFF]))
    }

    func testAGzipMemberOfAClientsTarIsKeptAsTheStandIn() throws {
        var tar = TarArchive.header(name: "x.gz", size: 38, directory: false, mtime: 0)
        tar += Self.bytes("1f8b0800000000000203cb48cdc9c957c84022cbf38b7252b83248140700b7fba4a548000000")
        tar += [UInt8](repeating: 0, count: 512 - 38 + 1024)
        let archive = try TarArchive.decode(bytes: tar)
        XCTAssertEqual(archive.entries.first?.data, Gzip.compressed(String(repeating: "hello hello hello world\n", count: 3)))
    }
}
