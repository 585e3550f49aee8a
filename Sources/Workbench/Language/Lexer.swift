import ValueStreams

/// The hand-written lexer of the command language (DESIGN §5).
public struct Lexer {
    /// Characters a word is made of, besides letters and digits.
    static let wordPunctuation: Set<Character> = ["/", ".", "-", "_", "~", ":"]

    let characters: [Character]
    private var position = 0
    private var line = 0
    private var lineStart = 0

    public init(_ text: String) {
        characters = Self.characters(of: text)
    }

    /// The text as the lexer sees it: `\r\n` (one Character in Swift) as `\n`, so token
    /// ranges index this array.
    static func characters(of text: String) -> [Character] {
        Array(text.contains("\r\n") ? text.replacingOccurrences(of: "\r\n", with: "\n") : text)
    }

    /// All tokens of the text, or the first lexical error.
    public static func tokens(_ text: String) throws(LanguageError) -> [Token] {
        var lexer = Lexer(text)
        return try lexer.remainingTokens()
    }

    /// The tokens from here to the end, or the first lexical error.
    mutating func remainingTokens() throws(LanguageError) -> [Token] {
        var tokens: [Token] = []
        while let token = try next() { tokens.append(token) }
        return tokens
    }

    /// Whether a line needs another to be complete: it ends in `\` or inside an open quote.
    public static func needsContinuation(_ text: String) -> Bool {
        var inString = false
        var escaped = false
        var inComment = false
        var last: Character?
        for character in characters(of: text) {
            if character == "\n" {
                inComment = false
                if !inString { last = nil; continue }
            }
            if inComment { continue }
            if inString {
                if escaped { escaped = false } else if character == "\\" { escaped = true } else if character == "\"" { inString = false }
            } else if character == "\"" {
                inString = true
            } else if character == "#" {
                inComment = true
                continue
            }
            if character != " " && character != "\t" { last = character }
        }
        return inString || (!inComment && last == "\\")
    }

    static func isWordCharacter(_ character: Character) -> Bool {
        character.isLetter || character.isNumber || wordPunctuation.contains(character)
    }

    /// Text as a quoted string of the language, `\"` and `\\` escaped.
    static func quoted(_ text: String) -> String {
        "\"" + text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"") + "\""
    }

    /// A name as it would be typed: a bare word when it is one, else quoted.
    public static func spelled(_ name: String) -> String {
        !name.isEmpty && name.allSatisfy(isWordCharacter) ? name : quoted(name)
    }

    private var current: Character? { position < characters.count ? characters[position] : nil }

    private func peek(_ offset: Int = 1) -> Character? {
        position + offset < characters.count ? characters[position + offset] : nil
    }

    /// The span of a token from `start` to here, cut at the end of its first line.
    private func span(from start: Int, startLine: Int, startLineStart: Int) -> SourceSpan {
        let end = characters[start..<position].firstIndex(of: "\n") ?? position
        return SourceSpan(lineOffset: startLine, column: start - startLineStart + 1, length: max(1, end - start))
    }

    private func error(_ message: String, at start: Int, length: Int = 1) -> LanguageError {
        LanguageError(message, at: SourceSpan(lineOffset: line, column: start - lineStart + 1, length: length))
    }

    public mutating func next() throws(LanguageError) -> Token? {
        skipBlanks()
        guard let character = current else { return nil }
        let start = position
        let startLine = line
        let startLineStart = lineStart
        func make(_ kind: Token.Kind, _ text: String) -> Token {
            Token(kind: kind, text: text, span: span(from: start, startLine: startLine, startLineStart: startLineStart),
                  range: start..<position)
        }
        switch character {
        case ";":
            position += 1
            return make(.semicolon, ";")
        case "=":
            position += 1
            return make(.equals, "=")
        case "-" where peek() == ">":
            position += 2
            return make(.arrow, "->")
        case "-" where peek() == "-" && (peek(2)?.isLetter ?? false):
            position += 2
            let nameStart = position
            while let next = current, next.isLetter || next.isNumber || next == "-" { position += 1 }
            return make(.flag, String(characters[nameStart..<position]))
        case "\"":
            let text = try quoted()
            return make(.string, text)
        case "+" where isNumberStart(peek()), "-" where isNumberStart(peek()):
            position += 1
            return make(.number, String(characters[start..<position]) + numberTail())
        case _ where character.isASCII && character.isNumber:
            var text = numberTail()
            if text.allSatisfy({ $0.isASCII && $0.isNumber }), let unit = joinedCalendarUnit() {
                text += " " + unit
            }
            return make(.number, text)
        case _ where Self.isWordCharacter(character):
            return make(.word, try word())
        default:
            throw error("unexpected character '\(character)'; names with spaces or symbols go in double quotes", at: start)
        }
    }

    private func isNumberStart(_ character: Character?) -> Bool {
        guard let character else { return false }
        return (character.isASCII && character.isNumber) || (character == "." && (peek(2).map { $0.isASCII && $0.isNumber } ?? false))
    }

    private mutating func skipBlanks() {
        while let character = current {
            if character == " " || character == "\t" || character == "\r" {
                position += 1
            } else if character == "\\", peek() == "\n" || (peek() == "\r" && peek(2) == "\n") {
                position += peek() == "\n" ? 2 : 3
                newLine()
            } else if character == "\\", peek() == nil {
                position += 1
            } else if character == "\n" {
                position += 1
                newLine()
            } else if character == "#" {
                while let next = current, next != "\n" { position += 1 }
            } else {
                return
            }
        }
    }

    private mutating func newLine() {
        line += 1
        lineStart = position
    }

    /// Digits, a point, then unit characters (`%`, letters, `/`), as in `120/day` or `3%`.
    private mutating func numberTail() -> String {
        let start = position
        while let character = current, Self.isWordCharacter(character) || character == "%" { position += 1 }
        return String(characters[start..<position])
    }

    /// After a whole number, ` months` or ` years` (and singulars), consumed; else nil.
    private mutating func joinedCalendarUnit() -> String? {
        var probe = position
        while probe < characters.count, characters[probe] == " " { probe += 1 }
        guard probe > position else { return nil }
        var end = probe
        while end < characters.count, characters[end].isLetter { end += 1 }
        let unit = String(characters[probe..<end])
        guard ["month", "months", "year", "years"].contains(unit.lowercased()),
              end == characters.count || !Self.isWordCharacter(characters[end]) else { return nil }
        position = end
        return unit
    }

    /// A word; a word ending in `/` may go on with a quoted stage name (`x/"Verify identity"`).
    private mutating func word() throws(LanguageError) -> String {
        var text = ""
        while let character = current, Self.isWordCharacter(character) {
            if character == "-", peek() == ">" { break }
            text.append(character)
            position += 1
        }
        if text.hasSuffix("/"), current == "\"" {
            text += try quoted()
        }
        return text
    }

    /// A double-quoted string with `\"` and `\\` escapes, decoded.
    private mutating func quoted() throws(LanguageError) -> String {
        let start = position
        position += 1
        var text = ""
        while let character = current {
            position += 1
            switch character {
            case "\"":
                return text
            case "\\":
                guard let escaped = current else { break }
                if escaped == "\n" {
                    // A backslash at the end of a line joins the next one, inside quotes too.
                    position += 1
                    newLine()
                    continue
                }
                guard escaped == "\"" || escaped == "\\" else {
                    throw error("unknown escape '\\\(escaped)' in a string; only \\\" and \\\\ are escapes", at: position - 1, length: 2)
                }
                text.append(escaped)
                position += 1
            case "\n":
                text.append(character)
                newLine()
            default:
                text.append(character)
            }
        }
        position = start
        throw error("unterminated string; close it with \"", at: start, length: max(1, characters.count - start))
    }
}
