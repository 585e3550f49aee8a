import Foundation
import Testing
@testable import Workbench

@Suite("Renderers")
struct RendererTests {
    let table = Table(
        columns: [.init("id"), .init("time_h", "time", .right), .init("share", nil, .right), .init("tags"), .init("note")],
        rows: [
            [.text("a"), .typed("15m", 0.25), .percent(0.625), .list([.text("x"), .text("y")]), .null],
            [.text("b, \"c\""), .typed("1440m", 24), .percent(1.0 / 3), .list([]), .text("pipe | and\nbreak")],
        ])

    @Test("text: content widths, numbers right-aligned, typed values as typed, no trailing blanks")
    func text() {
        #expect(TextRenderer.render(.table(table)) == """
            id       time   share  tags  note
            ------  -----  ------  ----  ----------------
            a         15m  62.50%  x, y
            b, "c"  1440m  33.33%        pipe | and break
            """)
    }

    @Test("an empty table says so")
    func emptyTable() {
        #expect(TextRenderer.render(.table(Table(columns: [.init("id")], rows: []))) == "id\n--\n(none)")
    }

    @Test("colour only when asked: headings in bold")
    func colour() {
        let plain = TextRenderer.render(.table(table), colour: false)
        let coloured = TextRenderer.render(.table(table), colour: true)
        #expect(!plain.contains("\u{1B}"))
        #expect(coloured.hasPrefix("\u{1B}[1mid"))
        #expect(coloured.replacingOccurrences(of: "\u{1B}[1m", with: "").replacingOccurrences(of: "\u{1B}[0m", with: "") == plain)
    }

    @Test("JSON Lines: one object per row, keys in column order, figures as numbers")
    func jsonTable() throws {
        let output = JSONRenderer.render(.table(table))
        let lines = output.split(separator: "\n")
        #expect(lines.count == 2)
        #expect(lines[0] == #"{"id": "a", "time_h": 0.25, "share": 0.625, "tags": ["x", "y"], "note": null}"#)
        #expect(lines[1] == #"{"id": "b, \"c\"", "time_h": 24, "share": 0.333333, "tags": [], "note": "pipe | and\nbreak"}"#)
        for line in lines {
            #expect(throws: Never.self) { try JSONSerialization.jsonObject(with: Data(line.utf8)) }
        }
    }

    @Test("JSON Lines: a message is one object with its figures; a document its data")
    func jsonOthers() {
        #expect(JSONRenderer.render(.message("Saved.", figures: [.init("path", .text("a/b.yaml"))])) == #"{"message": "Saved.", "path": "a/b.yaml"}"#)
        let document = Document(sections: [Section(title: "T")], data: .object([.init("n", .number(1234.56789)), .init("ok", .bool(true))]))
        #expect(JSONRenderer.render(.document(document)) == #"{"n": 1234.57, "ok": true}"#)
        #expect(JSONRenderer.render(.empty) == "")
    }

    @Test("CSV: keys as the header, RFC 4180 quoting, lists joined with ;")
    func csv() {
        #expect(CSVRenderer.render(.table(table)) == #"""
            id,time_h,share,tags,note
            a,0.25,0.625,x;y,
            "b, ""c""",24,0.333333,,"pipe | and
            break"
            """#)
        #expect(CSVRenderer.render(.message("Saved.")) == "Saved.")
    }

    @Test("Markdown: a pipe table with text values, pipes escaped and breaks as <br>")
    func markdown() {
        #expect(MarkdownRenderer.render(.table(table)) == """
            | id | time | share | tags | note |
            | --- | ---: | ---: | --- | --- |
            | a | 15m | 62.50% | x, y |  |
            | b, "c" | 1440m | 33.33% |  | pipe \\| and<br>break |
            """)
    }

    @Test("Markdown documents: headings, field lists, preformatted lines and tables")
    func markdownDocument() {
        let document = Document(sections: [
            Section(title: "A", fields: [Field("owner", .text("B"))], lines: ["[1] x"], table: Table(columns: [.init("k")], rows: [[.integer(1)]])),
        ], data: .null)
        #expect(MarkdownRenderer.render(.document(document)) == "### A\n\n- **owner**: B\n\n```text\n[1] x\n```\n\n| k |\n| --- |\n| 1 |")
    }

    @Test("text documents put sections apart, fields aligned under their labels")
    func textDocument() {
        let result = CommandResult.document(Document(sections: [
            Section(title: "A", fields: [Field("id", .text("a")), Field("owner", .text("B"))]),
            Section(title: "T", table: Table(columns: [.init("x")], rows: [[.integer(1)]])),
        ], data: .null))
        #expect(TextRenderer.render(result) == "A\n  id:    a\n  owner: B\n\nT\n  x\n  -\n  1")
    }

    @Test("wide characters count two columns")
    func wideCharacters() {
        #expect(TextRenderer.displayWidth("東京") == 4)
        #expect(TextRenderer.displayWidth("Zürich") == 6)
    }

    @Test("figures: four significant digits in text, six in JSON, never an exponent")
    func figures() {
        #expect(Figures.significant(0.625) == "0.6250")
        #expect(Figures.percent(0.625) == "62.50%")
        #expect(Figures.significant(1234.6) == "1235")
        #expect(Figures.significant(123_456) == "123456")
        #expect(Figures.significant(0) == "0")
        #expect(Figures.significant(.nan) == "-")
        #expect(Figures.json(1.0 / 3) == "0.333333")
        #expect(Figures.json(123_456_789) == "123457000")
        #expect(Figures.json(0.000001234567) == "0.00000123457")
        #expect(Figures.json(-2.5) == "-2.5")
        #expect(Figures.json(.infinity) == "null")
    }

    @Test("each mode draws through the one entry point")
    func dispatch() {
        for mode in OutputMode.allCases {
            let drawn = Renderer.render(.table(table), RenderOptions(mode: mode))
            switch mode {
            case .text: #expect(drawn == TextRenderer.render(.table(table)))
            case .json: #expect(drawn == JSONRenderer.render(.table(table)))
            case .csv: #expect(drawn == CSVRenderer.render(.table(table)))
            case .markdown: #expect(drawn == MarkdownRenderer.render(.table(table)))
            }
        }
    }
}
