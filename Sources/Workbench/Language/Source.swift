/// Where command text came from, which decides how its errors are prefixed.
public enum SourceName: Sendable, Hashable {
    /// A script file, named as the user gave it.
    case file(String)
    /// Standard input that is not a terminal.
    case standardInput
    /// The `-c` option.
    case commandLine
    /// Typed at the interactive prompt: errors carry no prefix.
    case prompt

    /// The `NAME:` part of `NAME:LINE:COL:`, or nil at the prompt.
    public var displayName: String? {
        switch self {
        case .file(let name): return name
        case .standardInput: return "<stdin>"
        case .commandLine: return "<command-line>"
        case .prompt: return nil
        }
    }
}

/// A piece of command text: one logical line (continuations joined) and where it starts.
public struct Source: Sendable, Hashable {
    public let name: SourceName
    /// The text; a continued line keeps its newlines, so columns stay true.
    public let text: String
    /// The line number of the text's first line in its file, 1-based.
    public let firstLine: Int
    /// The folder relative paths in this text resolve against.
    public let baseDirectory: String

    public init(name: SourceName, text: String, firstLine: Int = 1, baseDirectory: String) {
        self.name = name
        self.text = text
        self.firstLine = firstLine
        self.baseDirectory = baseDirectory
    }
}

/// A stretch of a source: line and column (1-based, in characters) and length.
public struct SourceSpan: Sendable, Hashable {
    /// Line within the source text, 0-based.
    public let lineOffset: Int
    /// Column, 1-based.
    public let column: Int
    public let length: Int

    public init(lineOffset: Int, column: Int, length: Int) {
        self.lineOffset = lineOffset
        self.column = column
        self.length = length
    }
}
