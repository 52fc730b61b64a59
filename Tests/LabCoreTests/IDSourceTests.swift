import XCTest
@testable import LabCore

/// The ids a seed gives must not change: saved sessions and recorded outputs depend on them.
final class IDSourceTests: XCTestCase {
    func testHexIDsOfTheDefaultSeedStayTheSame() {
        // Worked out independently (SplitMix64, each word's lowest nibble first).
        var ids = IDSource()
        XCTAssertEqual(ids.hexID(), "fd3fcb48415ef12d763edbe4d974bd0219a63552cb4193a35c85a0ce340c05c0")
        XCTAssertEqual(ids.hexID(length: 5), "d879d")
        XCTAssertEqual(ids.hexID(length: 21), "42387e95c3e9df214589e")
        XCTAssertEqual(ids.hexID(length: 0), "")
    }
}

/// Table widths count runes, not bytes (docker's tabwriter).
final class RuneCountTests: XCTestCase {
    func testRunesOfASCIIAndMultibyteTextsOfEveryLength() {
        for text in ["", "a", "CONTAINER ID", "nginx:latest-and-more-bytes", "é", "héllo wörld ünïcödé", "日本語のテキストです", "a😀b😀c😀d😀e"] {
            var bytes = text
            let counted = bytes.withUTF8 { ListFormat.runeCount($0) }
            XCTAssertEqual(counted, text.unicodeScalars.count, text)
        }
    }
}

/// Plain words that glob or brace expansion would change are told apart from inert ones.
final class InertWordTests: XCTestCase {
    func testGlobAndBraceBytesAnywhereInAWord() {
        let cases: [(String, Bool)] = [
            ("", true), ("nginx", true), ("--network=appnet", true), ("POSTGRES_PASSWORD=secret", true),
            ("*", false), ("abcdefgh*", false), ("abcdefghijklmno?", false), ("abcdefg[", false),
            ("{a,b}", false), ("abcdefgh{a}", false), ("{{.Names}}", false), ("abc{def", true), ("}abc{", true),
            ("abcdefghijklmnop}", true), ("héllo-wörld-ünïcödé", true), ("héllo-wörld-*", false),
        ]
        for (word, inert) in cases {
            var bytes = word
            XCTAssertEqual(bytes.withUTF8(ShellInterpreter.isInert), inert, word)
        }
    }
}
