import Testing
@testable import Workbench

@Suite("Text renderer")
struct TextRendererTests {
    @Test("tables take content widths, right-align numbers and leave no trailing blanks")
    func table() {
        let table = Table(columns: [.init("id"), .init("n", .right), .init("note")],
                          rows: [["a", "1", ""], ["longer", "100", "x"]])
        #expect(TextRenderer.render(table) == """
            id        n  note
            ------  ---  ----
            a         1
            longer  100  x
            """)
    }

    @Test("an empty table says so")
    func emptyTable() {
        #expect(TextRenderer.render(Table(columns: [.init("id")], rows: [])) == "id\n--\n(none)")
    }

    @Test("wide characters count two columns")
    func wideCharacters() {
        #expect(TextRenderer.displayWidth("東京") == 4)
        #expect(TextRenderer.displayWidth("Zürich") == 6)
    }

    @Test("documents put sections apart, fields aligned under their labels")
    func document() {
        let result = CommandResult.document([
            Section(title: "A", fields: [Field("id", "a"), Field("owner", "B")]),
            Section(title: "T", table: Table(columns: [.init("x")], rows: [["1"]])),
        ])
        #expect(TextRenderer.render(result) == "A\n  id:    a\n  owner: B\n\nT\n  x\n  -\n  1")
    }

    @Test("figures have four significant digits")
    func figures() {
        #expect(Figures.significant(0.625) == "0.6250")
        #expect(Figures.percent(0.625) == "62.50%")
        #expect(Figures.significant(1234.6) == "1235")
        #expect(Figures.significant(123_456) == "123456")
        #expect(Figures.significant(0) == "0")
        #expect(Figures.significant(.nan) == "-")
    }
}
