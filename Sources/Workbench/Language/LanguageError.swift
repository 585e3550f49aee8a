/// A command that failed — to lex, parse, resolve or run — with the place it points at.
public struct LanguageError: Error, Sendable, Hashable {
    public let message: String
    /// The tokens the error is about; nil when it concerns the whole command.
    public let span: SourceSpan?
    /// Lines printed after the located message (e.g. a file's diagnostics).
    public let details: [String]

    public init(_ message: String, at span: SourceSpan? = nil, details: [String] = []) {
        self.message = message
        self.span = span
        self.details = details
    }

    /// `NAME:LINE:COL: error: message`, the source line and a caret under the place. At the
    /// prompt there is no prefix; given `promptWidth` the caret goes right under the input
    /// (shifted by the prompt), without it the line is echoed (output came in between).
    public func formatted(in source: Source, promptWidth: Int? = nil) -> String {
        let lines = source.text.split(separator: "\n", omittingEmptySubsequences: false)
        let span = self.span ?? SourceSpan(lineOffset: 0, column: 1, length: max(1, lines.first?.count ?? 1))
        let lineText = span.lineOffset < lines.count ? String(lines[span.lineOffset]) : ""
        let caret = String(repeating: " ", count: span.column - 1)
            + String(repeating: "^", count: max(1, min(span.length, max(1, lineText.count - span.column + 1))))
        var output: [String]
        if let name = source.name.displayName {
            output = ["\(name):\(source.firstLine + span.lineOffset):\(span.column): error: \(message)", lineText, caret]
        } else if span.lineOffset == 0, let promptWidth {
            output = [String(repeating: " ", count: promptWidth) + caret, "error: \(message)"]
        } else {
            output = ["error: \(message)", lineText, caret]
        }
        output += details
        return output.joined(separator: "\n")
    }
}
