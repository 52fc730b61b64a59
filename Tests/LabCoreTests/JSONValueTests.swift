import Foundation
import XCTest

@testable import LabCore

/// JSONValue's reader and Go-style encoders, checked byte for byte against output of the
/// docker 28.2.2 client recorded in Fixtures/templates (see record.py there).
final class JSONValueTests: XCTestCase {
    func fixture(_ name: String) throws -> String {
        let url = try XCTUnwrap(Bundle.module.url(forResource: name, withExtension: nil, subdirectory: "Fixtures/templates"))
        return try String(contentsOf: url, encoding: .utf8)
    }

    func objects(_ name: String) throws -> [JSONValue] {
        guard case .array(let a) = try JSONValue(parsing: try fixture(name)) else {
            XCTFail("\(name) is not an array")
            return []
        }
        return a
    }

    func testInspectDocumentMatchesDockerInspect() throws {
        for name in ["container.json", "inspect-two.json"] {
            let text = try fixture(name)
            XCTAssertEqual(JSONValue.inspectDocument(try objects(name)), text, name)
        }
        XCTAssertEqual(JSONValue.inspectDocument([]), try fixture("inspect-none.json"))
    }

    func testCompactDocumentMatchesInspectFormatJSON() throws {
        XCTAssertEqual(JSONValue.inspectCompactDocument(try objects("inspect-two.json")), try fixture("inspect-compact.json"))
    }

    /// docker ps rows marshal themselves with json.Marshal, which escapes < > & (psrow2 holds
    /// a label with quotes, a backslash, a tab, a newline, U+0001, U+2028, é and an emoji).
    func testCompactWithHTMLEscapingMatchesJSONMarshal() throws {
        for name in ["psrow.json", "psrow2.json"] {
            let line = try fixture(name)
            let v = try JSONValue(parsing: line)
            XCTAssertEqual(v.compactJSON(escapeHTML: true) + "\n", line, name)
        }
    }

    func testKeyOrderAndNumbers() throws {
        let v = try JSONValue(parsing: #"{"z":1,"a":-2,"m":1.5,"e":1e3,"big":123456789012345678901,"s":"\u00e9\ud83d\ude00\n"}"#)
        guard case .object(let o) = v else { return XCTFail() }
        XCTAssertEqual(o.keys, ["z", "a", "m", "e", "big", "s"])
        XCTAssertEqual(o["z"], .int(1))
        XCTAssertEqual(o["a"], .int(-2))
        XCTAssertEqual(o["m"], .double(1.5))
        XCTAssertEqual(o["e"], .double(1000))
        XCTAssertEqual(o["big"], .double(123456789012345678901))
        XCTAssertEqual(o["s"], .string("é😀\n"))
        XCTAssertEqual(v.compactJSON(), #"{"z":1,"a":-2,"m":1.5,"e":1000,"big":123456789012345680000,"s":"é😀\n"}"#)
    }

    func testRejectsBadJSON() {
        for bad in ["", "{", "[1,]", "{\"a\" 1}", "tru", "\"abc", "1 2", "{\"a\":1,}"] {
            XCTAssertThrowsError(try JSONValue(parsing: bad), bad)
        }
    }

    func testIndentedEmptyContainers() {
        let v: JSONValue = ["a": [], "b": [:], "c": [1, ["d": nil]]]
        XCTAssertEqual(v.indentedJSON(), "{\n    \"a\": [],\n    \"b\": {},\n    \"c\": [\n        1,\n        {\n            \"d\": null\n        }\n    ]\n}")
        XCTAssertEqual(v.compactJSON(), #"{"a":[],"b":{},"c":[1,{"d":null}]}"#)
    }

    /// encoding/json float text (recorded: `{{json 1e21}} … {{json 0.1}}`; more in cases.json).
    func testGoFloatText() {
        let cases: [(Double, String, String)] = [
            (1e21, "1e+21", "1e+21"), (1e20, "100000000000000000000", "1e+20"), (0.000001, "0.000001", "1e-06"),
            (1e-7, "1e-7", "1e-07"), (123456789.125, "123456789.125", "1.23456789125e+08"), (1.5, "1.5", "1.5"),
            (100, "100", "100"), (0.1, "0.1", "0.1"), (123456, "123456", "123456"), (1234567, "1234567", "1.234567e+06"),
            (-0.5, "-0.5", "-0.5"), (0, "0", "0"),
        ]
        for (d, json, v) in cases {
            XCTAssertEqual(GoFloatFormat.json(d), json, "json \(d)")
            XCTAssertEqual(GoFloatFormat.formatV(d), v, "%v \(d)")
        }
    }

    func testObjectEditingAndLargeObjects() {
        var o = JSONObject()
        for i in 0..<40 { o["k\(i)"] = .int(Int64(i)) }
        XCTAssertEqual(o["k33"], .int(33))
        o["k3"] = nil
        XCTAssertNil(o["k3"])
        XCTAssertEqual(o["k39"], .int(39))
        XCTAssertEqual(o.count, 39)
        o["k0"] = "x"
        XCTAssertEqual(o.keys.first, "k0")
        XCTAssertEqual(o["k0"], "x")
    }

    func testCodableRoundTrip() throws {
        let v: JSONValue = ["a": [1, 2.5, "x", true, nil]]
        let data = try JSONEncoder().encode(v)
        XCTAssertEqual(try JSONDecoder().decode(JSONValue.self, from: data), v)
    }
}
