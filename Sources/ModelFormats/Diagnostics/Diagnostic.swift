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
    public let severity: Severity
    /// The message, starting with the key path where there is one.
    public let message: String

    public init(file: String, line: Int, column: Int, severity: Severity, message: String) {
        self.file = file
        self.line = line
        self.column = column
        self.severity = severity
        self.message = message
    }

    public var description: String { "\(file):\(line):\(column): \(severity.rawValue): \(message)" }
}

/// A model file that could not be loaded: every diagnostic found, errors and warnings, in
/// file order.
public struct ModelLoadError: Error, Sendable, CustomStringConvertible {
    public let diagnostics: [Diagnostic]

    public init(_ diagnostics: [Diagnostic]) { self.diagnostics = diagnostics }

    public var errors: [Diagnostic] { diagnostics.filter { $0.severity == .error } }

    public var description: String { diagnostics.map(\.description).joined(separator: "\n") }
}

/// A model read from a file, with the warnings it loaded with.
public struct LoadedModel: Sendable {
    public let model: Model
    public let warnings: [Diagnostic]

    public init(model: Model, warnings: [Diagnostic]) {
        self.model = model
        self.warnings = warnings
    }
}
