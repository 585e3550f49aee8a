/// The output modes of `set output` and `--format`.
public enum OutputMode: String, Sendable, Hashable, CaseIterable {
    case text
    case json
    case csv
    case markdown
}

/// How results are drawn: the mode, and colour (only on a terminal, never with `NO_COLOR`
/// or `TERM=dumb`; the caller decides).
public struct RenderOptions: Sendable, Hashable {
    public var mode: OutputMode
    public var colour: Bool

    public init(mode: OutputMode = .text, colour: Bool = false) {
        self.mode = mode
        self.colour = colour
    }
}

/// Draws a result in the options' mode. CSV and Markdown draw tables (Markdown documents
/// too); other results fall back to text.
public enum Renderer {
    public static func render(_ result: CommandResult, _ options: RenderOptions) -> String {
        switch options.mode {
        case .text: return TextRenderer.render(result, colour: options.colour)
        case .json: return JSONRenderer.render(result)
        case .csv: return CSVRenderer.render(result)
        case .markdown: return MarkdownRenderer.render(result)
        }
    }
}
