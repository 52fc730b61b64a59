import XCTest
@testable import Exercises

/// The question file format: what parses, and each author's mistake reported with its file, line and item.
final class QuestionBankTests: XCTestCase {
    func testEveryKindParsesWithItsFields() throws {
        let bank = try QuizFixtures.bank()
        XCTAssertEqual(bank.items.map(\.id), ["bridge-dns", "volume-kinds", "overlay-scope", "ps-all-ids", "web-on-appnet"])
        XCTAssertEqual(bank.item("volume-kinds")?.answer, [0, 2])
        XCTAssertEqual(bank.item("bridge-dns")?.source, "fixture.md:4")
        XCTAssertEqual(bank.item("ps-all-ids")?.setup, "docker run -d --name web nginx\ndocker create --name idle alpine")
        XCTAssertEqual(bank.item("web-on-appnet")?.checks.contains("expect"), true)
    }

    /// Each broken block (YAML lines after the id) and the words its problem must name.
    func testAuthorsMistakesAreNamed() {
        let cases: [(String, String)] = [
            ("kind: essay\nobjectives: [dca-storage]\nprompt: p\nexplanation: e", "`kind:` is one of"),
            ("kind: single\nobjectives: [dca-storage]\nprompt: p\nexplanation: e\noptions: [a, b]\nanswer: C", "answer C names no option"),
            ("kind: single\nobjectives: [dca-storage]\nprompt: p\nexplanation: e\noptions: [a, b]\nanswer: [A, B]", "exactly one answer"),
            ("kind: single\nobjectives: [k8s-pods]\nprompt: p\nexplanation: e\noptions: [a, b]\nanswer: A", "objective k8s-pods is in no blueprint"),
            ("kind: single\nobjectives: [dca-storage]\nprompt: p\noptions: [a, b]\nanswer: A", "needs an `explanation:`"),
            ("kind: command\nobjectives: [dca-storage]\nprompt: p\nexplanation: e\nreference: docker ps\naccepts: [docker ps]\nrejects: [ls]", "at least three right spellings"),
            ("kind: command\nobjectives: [dca-storage]\nprompt: p\nexplanation: e\nreference: docker ps\naccepts: [a, b, c]", "at least one wrong answer"),
            ("kind: performance\nobjectives: [dca-storage]\nprompt: p\nexplanation: e\nsolution: docker ps", "typical `wrong:` attempt"),
            ("kind: performance\nobjectives: [dca-storage]\nprompt: p\nexplanation: e\nsolution: a\nwrong: b\nchecks: [{expect: x}]", "needs `run:` or `transcript:`"),
            ("kind: single\nobjectives: [dca-storage]\nprompt: p\nexplanation: e\noptions: [a, b]\nanswer: A\nhint: h", "unknown key `hint`"),
            ("kind: single\nobjectives: [dca-storage\nprompt: p", "not valid YAML"),
        ]
        for (body, words) in cases {
            let text = "```question\nid: broken\n\(body)\n```\n"
            XCTAssertThrowsError(try QuestionBank.parse(files: [("f.md", text)], blueprints: QuizFixtures.blueprints), body) { error in
                XCTAssertTrue("\(error)".contains(words), "\(body)\n→ \(error)")
                XCTAssertTrue("\(error)".hasPrefix("f.md:2: "), "\(error)")
            }
        }
    }

    func testDuplicateIDsAndUnclosedBlocksAreReported() {
        let item = "```question\nid: same\nkind: single\nobjectives: [dca-storage]\nprompt: p\nexplanation: e\noptions: [a, b]\nanswer: A\n```\n"
        XCTAssertThrowsError(try QuestionBank.parse(files: [("a.md", item), ("b.md", item)], blueprints: QuizFixtures.blueprints)) { error in
            XCTAssertTrue("\(error)".contains("b.md:2: item same: the id is also used in a.md:2"), "\(error)")
        }
        XCTAssertThrowsError(try QuestionBank.parse(files: [("c.md", "```question\nid: x\n")], blueprints: QuizFixtures.blueprints)) { error in
            XCTAssertTrue("\(error)".contains("c.md:2: the ```question block is not closed"), "\(error)")
        }
    }

    func testTheDCAExamIsApportionedByWeight() {
        let shares = QuizFixtures.blueprints[0].apportion(55)
        XCTAssertEqual(shares, ["dca-orchestration": 14, "dca-images": 11, "dca-install": 8, "dca-networking": 8, "dca-security": 8, "dca-storage": 6])
        XCTAssertEqual(QuizFixtures.blueprints[1].apportion(30), ["lpi-702.1": 13, "lpi-702.2": 9, "lpi-702.3": 8])
    }

    func testAnswerSheetsAreReadInEveryForm() throws {
        let map = try AnswerSheet.parse("seed: 7\nanswers:\n  bridge-dns: b\n  volume-kinds: [A, C]\n  overlay-scope: [no, yes]\n")
        XCTAssertEqual(map.seed, 7)
        XCTAssertEqual(map.byID, ["bridge-dns": "b", "volume-kinds": "A C", "overlay-scope": "no yes"])
        let list = try AnswerSheet.parse("- B\n- docker ps -aq\n")
        XCTAssertEqual(list.inOrder, ["B", "docker ps -aq"])
        XCTAssertThrowsError(try AnswerSheet.parse("just words")) { XCTAssertTrue("\($0)".contains("YAML mapping")) }
        XCTAssertThrowsError(try AnswerSheet.parse("a: [")) { XCTAssertTrue("\($0)".contains("not valid YAML")) }
        XCTAssertThrowsError(try AnswerSheet.parse("x\u{0}y")) { XCTAssertTrue("\($0)".contains("binary")) }
    }
}

extension QuestionBankTests {
    func testAnAnswersFileOfNestedAliasesIsRefused() {
        var lines = ["a0: &a0 [x, x, x, x, x, x, x, x, x, x]"]
        for i in 1...8 { lines.append("a\(i): &a\(i) [" + Array(repeating: "*a\(i - 1)", count: 10).joined(separator: ", ") + "]") }
        XCTAssertThrowsError(try AnswerSheet.parse(lines.joined(separator: "\n") + "\nanswers: *a8\n")) {
            XCTAssertEqual("\($0)", "the answers file is too large: its YAML aliases expand to more than 200000 values")
        }
        let deep = "a: " + String(repeating: "[", count: 100_000) + String(repeating: "]", count: 100_000)
        XCTAssertThrowsError(try AnswerSheet.parse(deep)) { XCTAssertLessThan("\($0)".count, 520) }
    }
}
