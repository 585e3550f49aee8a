/// A token of the command language.
public struct Token: Sendable, Hashable {
    public enum Kind: Sendable, Hashable {
        /// Letters, digits and `/ . - _ ~ :`: a command word, a name, a path, `X.FIELD`.
        case word
        /// A "quoted string", escapes decoded.
        case string
        /// Starts with a digit or a signed digit: `9m`, `120/day`, `-30%`, `+2h`, `2026-06-01`,
        /// and `6 months` joined across the space.
        case number
        /// `->`
        case arrow
        /// `=`
        case equals
        /// `--name`
        case flag
        /// `;`, between commands on one line.
        case semicolon
    }

    public let kind: Kind
    /// The token's value: a string's decoded contents, a flag's name without `--`.
    public let text: String
    public let span: SourceSpan
    /// Where the token starts and ends in the source text, in characters.
    public let range: Range<Int>

    /// Whether the token is the word `word`, case-insensitively.
    public func isWord(_ word: String) -> Bool {
        kind == .word && text.caseInsensitiveEquals(word)
    }
}
