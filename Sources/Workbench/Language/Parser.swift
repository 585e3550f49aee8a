import ValueStreams

/// A recursive-descent parser from tokens to statements, one per `;`-separated command.
public enum Parser {
    public static func parse(_ source: Source) throws(LanguageError) -> [Statement] {
        var lexer = Lexer(source.text)
        let tokens = try lexer.remainingTokens()
        let characters = lexer.characters
        var statements: [Statement] = []
        var group: [Token] = []
        func flush() throws(LanguageError) {
            guard let first = group.first, let last = group.last else { return }
            let text = String(characters[first.range.lowerBound..<last.range.upperBound])
            var statement = try statement(group, text: text)
            // The whole command, as far as its first line goes, for errors about all of it.
            statement.span = SourceSpan(lineOffset: first.span.lineOffset, column: first.span.column,
                                        length: max(1, text.prefix { $0 != "\n" }.count))
            statements.append(statement)
            group = []
        }
        for token in tokens {
            if token.kind == .semicolon { try flush() } else { group.append(token) }
        }
        try flush()
        return statements
    }

    private static func statement(_ tokens: [Token], text: String) throws(LanguageError) -> Statement {
        let first = tokens[0]
        guard first.kind == .word else {
            throw LanguageError("expected a command, found '\(first.text)'; type help for the list", at: first.span)
        }
        let word = first.text.lowercased()
        if word == "exit" {
            let cursor = TokenCursor(tokens: Array(tokens.dropFirst()), usage: "exit", after: first.span)
            try cursor.end()
            return Statement(command: .quit, span: first.span, text: text)
        }
        let candidates = CommandCatalog.all.filter { $0.words[0] == word }
        guard !candidates.isEmpty else {
            let near = NameSuggestions.didYouMean(first.text, among: CommandCatalog.commandWords)
            throw LanguageError("unknown command '\(first.text)'\(near.isEmpty ? "; type help for the list" : near)", at: first.span)
        }
        let second = tokens.count > 1 ? tokens[1] : nil
        let spec: CommandSpec
        let used: Int
        if let second, let match = candidates.first(where: { $0.words.count > 1 && second.isWord($0.words[1]) }) {
            (spec, used) = (match, 2)
        } else if let single = candidates.first(where: { $0.words.count == 1 }) {
            (spec, used) = (single, 1)
        } else {
            let choices = candidates.map { "'\($0.usage)'" }
            let list = choices.count > 2 ? choices.dropLast().joined(separator: ", ") + " or " + (choices.last ?? "")
                : choices.joined(separator: " or ")
            throw LanguageError("\(first.text) what? write \(list)", at: second?.span ?? first.span)
        }
        var cursor = TokenCursor(tokens: Array(tokens.dropFirst(used)), usage: spec.usage, after: tokens[used - 1].span)
        return Statement(command: try spec.parse(&cursor), span: first.span, text: text)
    }
}

/// The tokens after a command's words, read by position.
struct TokenCursor {
    private let tokens: [Token]
    private var index = 0
    let usage: String
    /// Where the command's words end, for "missing argument" errors.
    private let after: SourceSpan

    init(tokens: [Token], usage: String, after: SourceSpan) {
        self.tokens = tokens
        self.usage = usage
        self.after = after
    }

    var atEnd: Bool { index >= tokens.count }

    /// The place just after the last token read, where a missing argument would go.
    private var endSpan: SourceSpan {
        let last = index > 0 ? tokens[index - 1].span : after
        return SourceSpan(lineOffset: last.lineOffset, column: last.column + last.length + 1, length: 1)
    }

    private static func isValue(_ token: Token) -> Bool {
        token.kind == .word || token.kind == .string || token.kind == .number
    }

    private static func operand(_ token: Token) -> Operand {
        Operand(token.text, at: token.span, quoted: token.kind == .string)
    }

    /// A value: a word, a quoted string or a number.
    mutating func value(_ what: String) throws(LanguageError) -> Operand {
        guard index < tokens.count else {
            throw LanguageError("missing \(what); usage: \(usage)", at: endSpan)
        }
        let token = tokens[index]
        guard Self.isValue(token) else {
            throw LanguageError("expected \(what), found '\(token.text)'; usage: \(usage)", at: token.span)
        }
        index += 1
        return Self.operand(token)
    }

    /// One value made of tokens typed with no space between (`"Verify identity".servers`).
    mutating func joinedValue(_ what: String) throws(LanguageError) -> Operand {
        let first = try value(what)
        var text = first.text
        var span = first.span
        while index < tokens.count, Self.isValue(tokens[index]), tokens[index].span.lineOffset == span.lineOffset,
              tokens[index].range.lowerBound == tokens[index - 1].range.upperBound {
            text += tokens[index].text
            span = SourceSpan(lineOffset: span.lineOffset, column: span.column, length: span.length + tokens[index].span.length)
            index += 1
        }
        return Operand(text, at: span, quoted: first.quoted)
    }

    /// The next value, if the next token is one.
    mutating func optionalValue() -> Operand? {
        guard index < tokens.count, Self.isValue(tokens[index]) else { return nil }
        index += 1
        return Self.operand(tokens[index - 1])
    }

    /// Consumes the keyword `word` if it comes next.
    mutating func accept(_ word: String) -> Bool {
        guard index < tokens.count, tokens[index].isWord(word) else { return false }
        index += 1
        return true
    }

    /// `WORD VALUE`, at most once: when `word` comes next, reads its value into `slot`;
    /// a second one is refused, pointing at it.
    mutating func option(_ word: String, _ what: String, into slot: inout Operand?) throws(LanguageError) -> Bool {
        guard accept(word) else { return false }
        guard slot == nil else { throw LanguageError("\(word) is given twice", at: lastOperand?.span) }
        slot = try value(what)
        return true
    }

    /// Consumes the flag `--name` if it comes next.
    mutating func acceptFlag(_ name: String) -> Bool {
        guard index < tokens.count, tokens[index].kind == .flag, tokens[index].text.lowercased() == name else { return false }
        index += 1
        return true
    }

    /// Consumes a token of `kind` (`->`, `=`), or fails saying what was expected.
    mutating func expect(_ kind: Token.Kind, _ spelling: String) throws(LanguageError) {
        guard index < tokens.count else {
            throw LanguageError("missing '\(spelling)'; usage: \(usage)", at: endSpan)
        }
        guard tokens[index].kind == kind else {
            throw LanguageError("expected '\(spelling)', found '\(tokens[index].text)'; usage: \(usage)", at: tokens[index].span)
        }
        index += 1
    }

    /// `KEY VALUE` pairs to the end of the command.
    mutating func assignments() throws(LanguageError) -> [Assignment] {
        var pairs: [Assignment] = []
        while !atEnd {
            let key = try value("a KEY")
            pairs.append(Assignment(key, try value("a value for '\(key.text)'")))
        }
        return pairs
    }

    /// The next token as an operand, without reading it.
    var nextOperand: Operand? { index < tokens.count ? Self.operand(tokens[index]) : nil }

    /// The token just read, as an operand.
    var lastOperand: Operand? { index > 0 ? Self.operand(tokens[index - 1]) : nil }

    /// Fails on anything left over.
    func end() throws(LanguageError) {
        guard index < tokens.count else { return }
        let token = tokens[index]
        throw LanguageError("unexpected '\(token.kind == .flag ? "--" + token.text : token.text)'; usage: \(usage)", at: token.span)
    }
}

extension TokenCursor {
    /// The next token as an operand if it is one of `words` (case-insensitively).
    mutating func peekWord(in words: [String]) -> Operand? {
        for word in words where accept(word) { return lastOperand }
        return nil
    }
}
