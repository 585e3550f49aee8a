import Testing
@testable import Workbench

@Suite("Lexer")
struct LexerTests {
    func kinds(_ text: String) throws -> [Token.Kind] {
        try Lexer.tokens(text).map(\.kind)
    }

    func texts(_ text: String) throws -> [String] {
        try Lexer.tokens(text).map(\.text)
    }

    @Test("words take letters, digits and / . - _ ~ :", arguments: [
        "load", "open-account", "open-account/Apply", "x.owner", "sessions/models/bank.yaml", "~/m.yaml",
        "a_b:c", "Zürich", "./demo", "../models/x.json",
    ])
    func words(_ word: String) throws {
        let tokens = try Lexer.tokens(word)
        #expect(tokens.count == 1)
        #expect(tokens.first?.kind == .word)
        #expect(tokens.first?.text == word)
    }

    @Test("numbers with units, signed numbers and dates are number tokens", arguments: [
        "9m", "120/day", "3%", "-30%", "+2h", "0.5", "-0.2", "2026-06-01", "+.5",
    ])
    func numbers(_ number: String) throws {
        let tokens = try Lexer.tokens(number)
        #expect(tokens.map(\.kind) == [.number])
        #expect(tokens.first?.text == number)
    }

    @Test("N months and N years are joined across the space")
    func calendarUnits() throws {
        #expect(try texts("set x.review_interval = 6 months") == ["set", "x.review_interval", "=", "6 months"])
        #expect(try texts("1 year later") == ["1 year", "later"])
        #expect(try texts("6 monthsx") == ["6", "monthsx"])
        #expect(try texts("6 weeks") == ["6", "weeks"])
    }

    @Test("quoted strings decode \\\" and \\\\, and keep spaces")
    func strings() throws {
        let tokens = try Lexer.tokens(#"show "Verify identity" "a \"b\" c\\d""#)
        #expect(tokens.map(\.kind) == [.word, .string, .string])
        #expect(tokens[1].text == "Verify identity")
        #expect(tokens[2].text == #"a "b" c\d"#)
    }

    @Test("a word ending in / goes on with a quoted stage name")
    func quotedStagePath() throws {
        let tokens = try Lexer.tokens(#"open-account/"Verify identity""#)
        #expect(tokens.map(\.kind) == [.word])
        #expect(tokens[0].text == "open-account/Verify identity")
    }

    @Test("arrow, equals, flags and semicolons")
    func punctuation() throws {
        #expect(try kinds("add link it-infra -> open-account/Apply") == [.word, .word, .word, .arrow, .word])
        #expect(try texts("a->b") == ["a", "->", "b"])
        #expect(try kinds("set x.servers = 4") == [.word, .word, .equals, .number])
        #expect(try Lexer.tokens("run --keep-going").last == Token(kind: .flag, text: "keep-going", span: SourceSpan(lineOffset: 0, column: 5, length: 12), range: 4..<16))
        #expect(try kinds("streams; show x") == [.word, .semicolon, .word, .word])
    }

    @Test("# starts a comment to the end of the line")
    func comments() throws {
        #expect(try texts("streams # list them") == ["streams"])
        #expect(try texts("# only a comment").isEmpty)
        #expect(try texts("show \"a # b\"") == ["show", "a # b"])
    }

    @Test("spans give line offset, 1-based column and length")
    func spans() throws {
        let tokens = try Lexer.tokens("load  \"my model.yaml\"\\\n  ; streams")
        #expect(tokens[0].span == SourceSpan(lineOffset: 0, column: 1, length: 4))
        #expect(tokens[1].span == SourceSpan(lineOffset: 0, column: 7, length: 15))
        #expect(tokens[2].span == SourceSpan(lineOffset: 1, column: 3, length: 1))
        #expect(tokens[3].span == SourceSpan(lineOffset: 1, column: 5, length: 7))
    }

    @Test("lexical errors name the place")
    func errors() throws {
        #expect(throws: LanguageError("unterminated string; close it with \"", at: SourceSpan(lineOffset: 0, column: 6, length: 4))) {
            try Lexer.tokens("show \"abc")
        }
        #expect(throws: LanguageError("unknown escape '\\n' in a string; only \\\" and \\\\ are escapes", at: SourceSpan(lineOffset: 0, column: 3, length: 2))) {
            try Lexer.tokens("\"a\\nb\"")
        }
        #expect(throws: LanguageError("unexpected character '@'; names with spaces or symbols go in double quotes", at: SourceSpan(lineOffset: 0, column: 6, length: 1))) {
            try Lexer.tokens("show @x")
        }
    }

    @Test("a line continues after a trailing backslash or inside an open quote", arguments: [
        ("streams \\", true), ("show \"Verify", true), ("show \"a\"", false), ("streams", false),
        ("streams # comment \\", false), ("show \"a \\\" b", true), ("show \"x\nyz\"", false), ("a \\\n b \\", true),
    ])
    func continuation(_ line: String, _ continues: Bool) {
        #expect(Lexer.needsContinuation(line) == continues)
    }
}

@Suite("Lexer continuations")
struct LexerContinuationTests {
    @Test("a backslash at the end of a line inside quotes joins the lines; a bare newline stays")
    func joinedInsideQuotes() throws {
        #expect(try Lexer.tokens("show \"open \\\naccount\"").map(\.text) == ["show", "open account"])
        #expect(try Lexer.tokens("note \"two\nlines\"").map(\.text) == ["note", "two\nlines"])
    }
}

@Suite("Lexer line endings")
struct LexerLineEndingTests {
    @Test("CRLF line endings lex like LF: a continued line, and a statement's text")
    func crlf() throws {
        #expect(try Lexer.tokens("show \\\r\nit-infra").map(\.text) == ["show", "it-infra"])
        #expect(Lexer.needsContinuation("show \\\r\n") == false)
        #expect(Lexer.needsContinuation("show \\"))
        let statements = try Parser.parse(Source(name: .prompt, text: "load demo;\r\nstreams", baseDirectory: "/"))
        #expect(statements.map(\.text) == ["load demo", "streams"])
    }
}
