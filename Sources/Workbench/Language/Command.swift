/// A value typed in a command, with the place it was typed, so errors can point at it.
public struct Operand: Sendable, Hashable {
    public let text: String
    public let span: SourceSpan

    public init(_ text: String, at span: SourceSpan) {
        self.text = text
        self.span = span
    }
}

/// A parsed command: the AST the session executes.
public enum Command: Sendable, Hashable {
    /// `load PATH|demo`
    case load(Operand)
    /// `streams`
    case streams
    /// `show STREAM`
    case show(Operand)
    /// `save model PATH`
    case saveModel(Operand)
    /// `help [COMMAND]`
    case help(topic: Operand?)
    /// `quit`
    case quit
}

/// A command with the source it came from and where it sits in it.
public struct Statement: Sendable, Hashable {
    public let command: Command
    /// The span of the command's first word.
    public let span: SourceSpan
}
