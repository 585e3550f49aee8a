import ValueStreams

/// A recursive-descent parser from tokens to statements, one per `;`-separated command.
public enum Parser {
    public static func parse(_ source: Source) throws(LanguageError) -> [Statement] {
        let tokens = try Lexer.tokens(source.text)
        var statements: [Statement] = []
        var group: [Token] = []
        for token in tokens {
            if token.kind == .semicolon {
                if !group.isEmpty { statements.append(try statement(group, in: source)) }
                group = []
            } else {
                group.append(token)
            }
        }
        if !group.isEmpty { statements.append(try statement(group, in: source)) }
        return statements
    }

    private static func statement(_ tokens: [Token], in source: Source) throws(LanguageError) -> Statement {
        let first = tokens[0]
        guard first.kind == .word else {
            throw LanguageError("expected a command, found '\(first.text)'; type help for the list", at: first.span)
        }
        let word = first.text.lowercased()
        if word == "exit" {
            let cursor = TokenCursor(tokens: Array(tokens.dropFirst()), usage: "exit", after: first.span)
            try cursor.end()
            return Statement(command: .quit, span: first.span)
        }
        let candidates = CommandCatalog.all.filter { $0.words[0] == word }
        guard !candidates.isEmpty else {
            let near = NameSuggestions.didYouMean(first.text, among: CommandCatalog.commandWords)
            throw LanguageError("unknown command '\(first.text)'\(near.isEmpty ? "; type help for the list" : near)", at: first.span)
        }
        var spec = candidates[0]
        var used = 1
        if candidates.contains(where: { $0.words.count > 1 }) {
            let second = tokens.count > 1 ? tokens[1] : nil
            guard let second, let match = candidates.first(where: { $0.words.count > 1 && second.isWord($0.words[1]) }) else {
                let choices = candidates.map { "'\($0.usage)'" }.joined(separator: " or ")
                let place = second?.span ?? first.span
                throw LanguageError("\(first.text) what? write \(choices)", at: place)
            }
            spec = match
            used = 2
        }
        var cursor = TokenCursor(tokens: Array(tokens.dropFirst(used)), usage: spec.usage, after: tokens[used - 1].span)
        return Statement(command: try spec.parse(&cursor), span: first.span)
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

    /// The place just after the last token read, where a missing argument would go.
    private var endSpan: SourceSpan {
        let last = index > 0 ? tokens[index - 1].span : after
        return SourceSpan(lineOffset: last.lineOffset, column: last.column + last.length + 1, length: 1)
    }

    /// A value: a word, a quoted string or a number.
    mutating func value(_ what: String) throws(LanguageError) -> Operand {
        guard index < tokens.count else {
            throw LanguageError("missing \(what); usage: \(usage)", at: endSpan)
        }
        let token = tokens[index]
        guard token.kind == .word || token.kind == .string || token.kind == .number else {
            throw LanguageError("expected \(what), found '\(token.text)'; usage: \(usage)", at: token.span)
        }
        index += 1
        return Operand(token.text, at: token.span)
    }

    /// The next value, if the next token is one.
    mutating func optionalValue() -> Operand? {
        guard index < tokens.count, [.word, .string, .number].contains(tokens[index].kind) else { return nil }
        index += 1
        return Operand(tokens[index - 1].text, at: tokens[index - 1].span)
    }

    /// Fails on anything left over.
    func end() throws(LanguageError) {
        guard index < tokens.count else { return }
        let token = tokens[index]
        throw LanguageError("unexpected '\(token.kind == .flag ? "--" + token.text : token.text)'; usage: \(usage)", at: token.span)
    }
}
