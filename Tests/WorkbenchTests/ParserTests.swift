import Testing
@testable import Workbench

@Suite("Parser")
struct ParserTests {
    func parse(_ text: String) throws(LanguageError) -> [Command] {
        try Parser.parse(Source(name: .prompt, text: text, baseDirectory: "/")).map(\.command)
    }

    func error(_ text: String) -> LanguageError? {
        do {
            _ = try parse(text)
            return nil
        } catch {
            return error
        }
    }

    @Test("each command parses into its AST node")
    func commands() throws {
        #expect(try parse("load demo") == [.load(Operand("demo", at: SourceSpan(lineOffset: 0, column: 6, length: 4)))])
        #expect(try parse("load \"my models/bank.yaml\"").first == .load(Operand("my models/bank.yaml", at: SourceSpan(lineOffset: 0, column: 6, length: 21), quoted: true)))
        #expect(try parse("streams") == [.streams])
        #expect(try parse("STREAMS") == [.streams], "command words are case-insensitive")
        #expect(try parse("show \"Open Account\"") == [.show(Operand("Open Account", at: SourceSpan(lineOffset: 0, column: 6, length: 14), quoted: true))])
        #expect(try parse("save model out.yaml") == [.saveModel(Operand("out.yaml", at: SourceSpan(lineOffset: 0, column: 12, length: 8)))])
        #expect(try parse("help") == [.help(topic: nil)])
        #expect(try parse("help save model") == [.help(topic: Operand("save model", at: SourceSpan(lineOffset: 0, column: 6, length: 4)))])
        #expect(try parse("quit") == [.quit])
        #expect(try parse("exit") == [.quit])
    }

    @Test("semicolons separate commands; empty commands are skipped")
    func sequences() throws {
        #expect(try parse("load demo; streams;; quit;").count == 3)
        #expect(try parse("").isEmpty)
        #expect(try parse("   # nothing here").isEmpty)
    }

    @Test("an unknown command suggests the nearest")
    func unknownCommand() {
        let failure = error("lod demo")
        #expect(failure?.message == "unknown command 'lod'; did you mean 'load'?")
        #expect(failure?.span == SourceSpan(lineOffset: 0, column: 1, length: 3))
        #expect(error("frobnicate")?.message == "unknown command 'frobnicate'; type help for the list")
    }

    @Test("a missing argument points just past the command")
    func missingArgument() {
        let failure = error("show")
        #expect(failure?.message == "missing a STREAM (its id or name); usage: show STREAM")
        #expect(failure?.span == SourceSpan(lineOffset: 0, column: 6, length: 1))
    }

    @Test("extra tokens are refused with the usage")
    func extraTokens() {
        let failure = error("streams now")
        #expect(failure?.message == "unexpected 'now'; usage: streams")
        #expect(failure?.span == SourceSpan(lineOffset: 0, column: 9, length: 3))
        #expect(error("load a.yaml --fast")?.message == "unexpected '--fast'; usage: load PATH|demo")
    }

    @Test("a keyword option given twice is refused at its second place", arguments: [
        ("sensitivity by -10% by -5%", "by", 21), ("sensitivity field capacity field errors", "field", 28),
        ("breakpoint it-infra for open-account for apply-for-loan", "for", 38), ("simulate engine des engine analytic", "engine", 21),
        ("simulate stream open-account stream apply-for-loan", "stream", 30), ("simulate engine des runs 2 runs 3", "runs", 28),
    ])
    func optionTwice(_ text: String, _ word: String, _ column: Int) {
        let failure = error(text)
        #expect(failure?.message == "\(word) is given twice")
        #expect(failure?.span?.column == column)
    }

    @Test("a command with sub-keywords says which to write")
    func subKeyword() {
        let failure = error("save out.yaml")
        #expect(failure?.message == "save what? write 'save model PATH' or 'save session PATH [--force]'")
        #expect(failure?.span == SourceSpan(lineOffset: 0, column: 6, length: 8))
    }

    @Test("a value where a command should be is an error")
    func notACommand() {
        #expect(error("42 streams")?.message == "expected a command, found '42'; type help for the list")
        #expect(error("-> x")?.span == SourceSpan(lineOffset: 0, column: 1, length: 2))
    }

    @Test("a failing line runs none of its commands")
    func wholeLineParsesFirst() {
        var session = Session()
        let outcomes = session.run(Source(name: .prompt, text: "load demo; bogus", baseDirectory: "/"))
        #expect(outcomes.count == 1)
        #expect(session.model == nil)
    }

    @Test("errors are prefixed by where the text came from, with the line and a caret")
    func formatting() {
        let failure = LanguageError("no stream 'it-infa'; did you mean 'it-infra'?", at: SourceSpan(lineOffset: 0, column: 6, length: 7))
        let piped = Source(name: .standardInput, text: "show it-infa", firstLine: 2, baseDirectory: "/")
        #expect(failure.formatted(in: piped) == """
            <stdin>:2:6: error: no stream 'it-infa'; did you mean 'it-infra'?
            show it-infa
                 ^^^^^^^
            """)
        let script = Source(name: .file("tour.vsw"), text: "a \\\nshow it-infa", firstLine: 7, baseDirectory: "/")
        let second = LanguageError("no stream", at: SourceSpan(lineOffset: 1, column: 6, length: 7))
        #expect(second.formatted(in: script) == "tour.vsw:8:6: error: no stream\nshow it-infa\n     ^^^^^^^")
        let typed = Source(name: .prompt, text: "show it-infa", baseDirectory: "/")
        #expect(failure.formatted(in: typed, promptWidth: 5) == """
                      ^^^^^^^
            error: no stream 'it-infa'; did you mean 'it-infra'?
            """)
        let flag = Source(name: .commandLine, text: "lod", baseDirectory: "/")
        #expect(LanguageError("x", at: SourceSpan(lineOffset: 0, column: 1, length: 3)).formatted(in: flag).hasPrefix("<command-line>:1:1: error: x\n"))
    }
}
