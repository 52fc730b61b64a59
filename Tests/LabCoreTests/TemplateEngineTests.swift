import Foundation
import XCTest

@testable import LabCore

/// The engine's API contract: parse once, render many times (from many threads), error
/// kinds, docker's format preprocessing and column alignment. Output fidelity itself is
/// checked against recorded client output in TemplateFixtureTests.
final class TemplateEngineTests: XCTestCase {
    let row: JSONValue = ["ID": "c279694dd7c2", "Names": "tpl1", "Image": "alpine", "Labels": "b=2"]

    func testParseOnceRenderMany() throws {
        let t = try GoTemplate("{{.ID}}\t{{.Names}}")
        XCTAssertEqual(try t.render(row), "c279694dd7c2\ttpl1")
        XCTAssertEqual(try t.render(["ID": "x", "Names": "y"]), "x\ty")
        XCTAssertEqual(t.source, "{{.ID}}\t{{.Names}}")
    }

    func testConcurrentRendering() async throws {
        let t = try GoTemplate("{{range $k, $v := .}}{{$k}}={{$v}};{{end}}")
        let row = self.row
        let results = await withTaskGroup(of: String.self) { group in
            for _ in 0..<8 { group.addTask { (try? t.render(row)) ?? "error" } }
            var all: [String] = []
            for await r in group { all.append(r) }
            return all
        }
        XCTAssertEqual(Set(results), ["ID=c279694dd7c2;Image=alpine;Labels=b=2;Names=tpl1;"])
    }

    func testErrorKinds() {
        XCTAssertThrowsError(try GoTemplate("{{.ID")) { e in
            let e = e as! GoTemplateError
            XCTAssertTrue(e.isParseError)
            XCTAssertEqual(e.message, "template: :1: unclosed action")
        }
        let t = try! GoTemplate("a{{.Foo}}")
        XCTAssertThrowsError(try t.render(row, options: .init(missingKey: .structType("*formatter.ContainerContext")))) { e in
            let e = e as! GoTemplateError
            XCTAssertFalse(e.isParseError)
            XCTAssertEqual(
                e.message,
                "template: :1:3: executing \"\" at <.Foo>: can't evaluate field Foo in type *formatter.ContainerContext")
        }
        XCTAssertEqual(try t.render(row), "a<no value>")
        let (partial, error) = t.renderPartial(row, options: .init(missingKey: .error))
        XCTAssertEqual(partial, "a")
        XCTAssertNotNil(error)
    }

    /// An omitempty string field of a Go struct reads as "" in `docker inspect -f`'s typed pass
    /// (Fixtures/engine 05: `{{.Gateway}}` of a network made with --subnet alone prints empty).
    func testMissingOmitemptyStringFieldIsEmptyForInspect() throws {
        let network: JSONValue = ["Name": "custom", "IPAM": ["Driver": "default", "Config": [["Subnet": "10.10.0.0/24"]]]]
        let t = try GoTemplate("{{range .IPAM.Config}}{{.Subnet}} {{.Gateway}}{{end}}")
        XCTAssertEqual(try t.render(network, options: .init(missingKey: .dockerInspect)), "10.10.0.0/24 ")
        XCTAssertThrowsError(try GoTemplate("{{range .IPAM.Config}}{{.Nosuch}}{{end}}").render(network, options: .init(missingKey: .dockerInspect)))
    }

    func testMethods() throws {
        let label = GoTemplate.Method(arity: 1) { _, args in .string("label:" + (args[0].stringValue ?? "")) }
        let t = try GoTemplate(#"{{.Label "b"}}|{{"x" | .Label}}"#)
        XCTAssertEqual(try t.render(row, options: .init(methods: ["Label": label])), "label:b|label:x")
        let wrong = try GoTemplate(#"{{.Label}}"#)
        XCTAssertThrowsError(try wrong.render(row, options: .init(methods: ["Label": label])))
    }

    func testTablePreparation() {
        XCTAssertEqual(TableFormat.prepare(#"table {{.ID}}\t{{.Names}}"#).template, "{{.ID}}\t{{.Names}}")
        XCTAssertTrue(TableFormat.prepare("table {{.ID}}").isTable)
        XCTAssertTrue(TableFormat.prepare("table{{.ID}}").isTable)
        XCTAssertFalse(TableFormat.prepare(#"{{.ID}}\n{{.Names}}"#).isTable)
        XCTAssertEqual(TableFormat.prepare(#"{{.ID}}\n{{.Names}}"#).template, "{{.ID}}\n{{.Names}}")
        XCTAssertEqual(TableFormat.prepare(#"  {{.ID}}\x  "#).template, #"{{.ID}}\x"#)
        XCTAssertEqual(TableFormat.prepare("json").template, "{{json .}}")
    }

    func testTableRendering() throws {
        let (isTable, text) = TableFormat.prepare(#"table {{.ID}}\t{{.Names | upper}}\t{{.Image}}"#)
        let t = try GoTemplate(text)
        let headers: JSONValue = ["ID": "CONTAINER ID", "Names": "NAMES", "Image": "IMAGE"]
        let out = try TableFormat.render(t, isTable: isTable, rows: [row, ["ID": "abc", "Names": "a-much-longer-name", "Image": "x"]], headers: headers)
        XCTAssertEqual(
            out,
            """
            CONTAINER ID   NAMES                IMAGE
            c279694dd7c2   TPL1                 alpine
            abc            A-MUCH-LONGER-NAME   x

            """)
        // No rows: the header alone.
        XCTAssertEqual(try TableFormat.render(t, isTable: true, rows: [], headers: headers), "CONTAINER ID   NAMES     IMAGE\n")
    }

    func testTabWriterBlocks() {
        // A line without the column ends the block: the next block is sized on its own.
        let text = "a\tb\nlonger-cell\tc\nno tabs here\nx\ty\n"
        XCTAssertEqual(TabWriter.docker.format(text), "a             b\nlonger-cell   c\nno tabs here\nx         y\n")
    }

    /// Recorded in Fixtures/templates/other-commands.json (`docker version --format …`).
    func testNamedTemplate() throws {
        XCTAssertThrowsError(try GoTemplate("{{.Foo", name: "version")) { e in
            XCTAssertEqual((e as! GoTemplateError).message, "template: version:1: unclosed action")
        }
        let t = try GoTemplate("{{.Foo}}", name: "version")
        XCTAssertThrowsError(try t.render([:], options: .init(missingKey: .structType("system.versionInfo")))) { e in
            XCTAssertEqual(
                (e as! GoTemplateError).message,
                #"template: version:1:2: executing "version" at <.Foo>: can't evaluate field Foo in type system.versionInfo"#)
        }
    }

    func testCache() throws {
        let cache = TemplateCache(capacity: 2)
        let a = try cache.template("{{.ID}}")
        XCTAssertEqual(try a.render(row), "c279694dd7c2")
        XCTAssertEqual(try cache.template("{{.ID}}").source, "{{.ID}}")
        XCTAssertThrowsError(try cache.template("{{.ID")) { e in
            XCTAssertEqual((e as! GoTemplateError).message, "template: :1: unclosed action")
        }
        XCTAssertThrowsError(try cache.template("{{.ID"))
        _ = try cache.template("{{.Names}}")  // over capacity: the cache starts over
        XCTAssertEqual(try cache.template("{{.Names}}").render(row), "tpl1")
    }

    /// Hostile formats must neither crash nor allocate without bound.
    func testHostileFormats() throws {
        // Recorded in cases.json from the real client.
        let t = try GoTemplate(#"{{printf "%99999999999999999999d|" 1}}|{{truncate "abc" 99999999999}}|{{pad "" -1 -1}}"#)
        XCTAssertEqual(try t.render(row), "%!(NOVERB)%!(EXTRA int=1)|abc|")
        for source in ["{{", "}}", "{{{{", "{{\"\\", "{{'", "{{`", "{{/*", "{{- ", "{{ -}}", "{{(((", "{{)))}}", "{{$", "{{.", "{{0x", "{{1e", "{{ä"] {
            _ = try? GoTemplate(source)
        }
        let loop = try GoTemplate(#"{{define "x"}}{{template "x" .}}{{end}}{{template "x" .}}"#)
        XCTAssertThrowsError(try loop.render(row)) { e in
            XCTAssertTrue((e as! GoTemplateError).message.hasSuffix("exceeded maximum template depth (100000)"))
        }
    }

    func testRenderingIsCheap() throws {
        let t = try GoTemplate("{{.ID}}\t{{.Names}}")
        let start = Date()
        var bytes = 0
        for _ in 0..<20_000 { bytes += try t.render(row).utf8.count }
        XCTAssertEqual(bytes, 20_000 * 17)
        // Release builds render this in well under a microsecond; keep a loose debug bound.
        XCTAssertLessThan(Date().timeIntervalSince(start), 5)
    }
}
