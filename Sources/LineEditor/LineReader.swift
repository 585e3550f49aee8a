/// What reading a line gave.
public enum LineInput: Sendable, Equatable {
    /// A line, without its newline.
    case line(String)
    /// Ctrl-C: the line being typed was discarded.
    case interrupted
    /// End of input: Ctrl-D on an empty line, or the end of a pipe or file.
    case end
}

/// What TAB offers: the characters before the cursor to replace, and the candidates.
public struct Completions: Sendable, Equatable {
    /// How many characters before the cursor the chosen candidate replaces.
    public let replacing: Int
    /// The texts that could go there, in the order to show them.
    public let candidates: [String]

    public init(replacing: Int, candidates: [String]) {
        self.replacing = replacing
        self.candidates = candidates
    }

    /// The longest text every candidate starts with.
    public var commonPrefix: String {
        guard var prefix = candidates.first else { return "" }
        for candidate in candidates.dropFirst() {
            while !candidate.hasPrefix(prefix) { prefix.removeLast() }
        }
        return prefix
    }
}

/// Given the text before the cursor, the completions to offer.
public typealias Completer = (_ textBeforeCursor: String) -> Completions

/// Where the command loop gets its lines: a line editor on a terminal, plain lines from a
/// pipe, or a text in memory (a script, `-c`, tests).
public protocol LineReader {
    /// The next line. `completer` serves TAB where the reader edits lines.
    mutating func readLine(prompt: String, completer: Completer?) -> LineInput
}
