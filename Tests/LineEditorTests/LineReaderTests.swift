import Testing
@testable import LineEditor

@Suite("Line readers")
struct LineReaderTests {
    @Test("a text reader gives each line, without line endings, then the end")
    func textLines() {
        var reader = TextLineReader("load demo\r\nstreams\n\nquit")
        var lines: [LineInput] = []
        while true {
            let input = reader.readLine(prompt: "vsw> ", completer: nil)
            lines.append(input)
            if input == .end { break }
        }
        #expect(lines == [.line("load demo"), .line("streams"), .line(""), .line("quit"), .end])
    }

    @Test("a trailing newline does not make an extra empty line")
    func trailingNewline() {
        var reader = TextLineReader("a\n")
        #expect(reader.readLine(prompt: "", completer: nil) == .line("a"))
        #expect(reader.readLine(prompt: "", completer: nil) == .end)
    }

    @Test("the common prefix of candidates is what TAB can insert without choosing")
    func commonPrefix() {
        #expect(Completions(replacing: 2, candidates: ["load", "load"]).commonPrefix == "load")
        #expect(Completions(replacing: 1, candidates: ["stages", "streams", "show"]).commonPrefix == "s")
        #expect(Completions(replacing: 0, candidates: ["open-account", "\"Open Account\""]).commonPrefix == "")
        #expect(Completions(replacing: 0, candidates: []).commonPrefix == "")
        #expect(Completions(replacing: 0, candidates: ["Zürich A", "Zürich B"]).commonPrefix == "Zürich ")
    }

    @Test("candidates are listed in columns across the terminal's width")
    func columns() {
        let listed = EditLineReader.columns(["streams", "stages", "show", "save"], width: 20)
        #expect(listed == "streams  stages\nshow     save")
        #expect(EditLineReader.columns(["a"], width: 1) == "a")
    }
}
