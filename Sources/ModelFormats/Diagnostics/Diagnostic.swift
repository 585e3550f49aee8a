import ValueStreams

/// A located problem in a file: `FILE:LINE:COLUMN: error|warning: message`.
public struct Diagnostic: Sendable, Hashable, CustomStringConvertible {
    /// Errors stop a load; warnings do not. The same two kinds as a model's own issues.
    public typealias Severity = ModelIssue.Severity

    /// The file as the user named it.
    public let file: String
    /// 1-based line.
    public let line: Int
    /// 1-based column, counted in Unicode scalars.
    public let column: Int
    /// Whether it stops the load (error) or not (warning).
    public let severity: Severity
    /// The message, starting with the key path where there is one.
    public let message: String

    /// Creates a diagnostic at a 1-based line and column.
    public init(file: String, line: Int, column: Int, severity: Severity, message: String) {
        self.file = file
        self.line = line
        self.column = column
        self.severity = severity
        self.message = message
    }

    /// The `FILE:LINE:COLUMN: error|warning: message` line.
    public var description: String { "\(file):\(line):\(column): \(severity.rawValue): \(message)" }
}

/// A model file that could not be loaded: every diagnostic found, errors and warnings, in
/// file order.
public struct ModelLoadError: Error, Sendable, CustomStringConvertible {
    /// Every diagnostic found, errors and warnings, in file order.
    public let diagnostics: [Diagnostic]

    /// Wraps the diagnostics found.
    public init(_ diagnostics: [Diagnostic]) { self.diagnostics = diagnostics }

    /// Just the errors: what stopped the load.
    public var errors: [Diagnostic] { diagnostics.filter { $0.severity == .error } }

    /// One diagnostic a line.
    public var description: String { diagnostics.map(\.description).joined(separator: "\n") }
}

/// A model read from a file, with the warnings it loaded with.
public struct LoadedModel: Sendable {
    /// The model as read.
    public let model: Model
    /// The warnings it loaded with; none of them stops a load.
    public let warnings: [Diagnostic]

    /// Pairs a model with its load warnings.
    public init(model: Model, warnings: [Diagnostic]) {
        self.model = model
        self.warnings = warnings
    }
}
