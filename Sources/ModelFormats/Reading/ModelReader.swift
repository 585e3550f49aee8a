import ValueStreams
import Yams

/// The file formats a model can be read from and written to.
public enum ModelFormat: String, Sendable, CaseIterable {
    case yaml
    case json

    /// The format a path's extension names, or nil.
    public init?(path: String) {
        let lowered = path.lowercased()
        if lowered.hasSuffix(".yaml") || lowered.hasSuffix(".yml") {
            self = .yaml
        } else if lowered.hasSuffix(".json") {
            self = .json
        } else {
            return nil
        }
    }
}

/// Reads model files: YAML through Yams' node tree (for positions), JSON through the same
/// composer (JSON is YAML's flow subset), then checks the model as a whole.
public enum ModelReader {
    /// The largest model file read, so input cannot drive unbounded work.
    public static let maximumBytes = 32 << 20

    /// Reads `text` as a model. Errors stop the load; warnings come back with the model.
    /// `file` is how diagnostics name the file.
    public static func read(_ text: String, file: String) -> Result<LoadedModel, ModelLoadError> {
        if text.utf8.count > maximumBytes {
            return .failure(ModelLoadError([Diagnostic(file: file, line: 1, column: 1, severity: .error,
                                                       message: "the file is larger than \(maximumBytes >> 20) MB")]))
        }
        if let line = NestingGuard.firstTooDeepLine(in: text) {
            return .failure(ModelLoadError([Diagnostic(file: file, line: line, column: 1, severity: .error,
                                                       message: "nested more than \(NestingGuard.maximumDepth) levels deep")]))
        }
        let root: Node
        do {
            guard let composed = try Yams.compose(yaml: text) else {
                return .failure(ModelLoadError([Diagnostic(file: file, line: 1, column: 1, severity: .error,
                                                           message: "the file is empty; a model needs at least 'model: NAME'")]))
            }
            root = composed
        } catch {
            return .failure(ModelLoadError([syntaxDiagnostic(error, text: text, file: file)]))
        }
        var decoder = ModelDecoder(file: file)
        let decoded = decoder.decodeModel(root)
        var walker = decoder.walker
        if let model = decoded, !walker.hasErrors {
            for issue in model.validate() {
                let severity: Diagnostic.Severity = issue.severity == .error ? .error : .warning
                walker.report(severity, at: walker.mark(for: issue.path), "\(issue.path): \(issue.message)")
            }
        }
        let diagnostics = walker.diagnostics.sorted { ($0.line, $0.column) < ($1.line, $1.column) }
        guard let model = decoded, !diagnostics.contains(where: { $0.severity == .error }) else {
            return .failure(ModelLoadError(diagnostics))
        }
        return .success(LoadedModel(model: model, warnings: diagnostics))
    }

    /// The first syntax error, located: libyaml stops there.
    static func syntaxDiagnostic(_ error: any Error, text: String, file: String) -> Diagnostic {
        func located(_ mark: Mark, _ message: String) -> Diagnostic {
            Diagnostic(file: file, line: mark.line, column: mark.column, severity: .error, message: message)
        }
        guard let yamlError = error as? YamlError else {
            return Diagnostic(file: file, line: 1, column: 1, severity: .error, message: "cannot read the file: \(error)")
        }
        switch yamlError {
        case .scanner(let context, let problem, let mark, _), .parser(let context, let problem, let mark, _),
             .composer(let context, let problem, let mark, _):
            let detail = context.map { " \($0.text)" } ?? ""
            return located(mark, "syntax error: \(problem)\(detail)")
        case .duplicatedKeysInMapping(let duplicates, let context):
            let keys = duplicates.sorted().map { "'\($0)'" }.joined(separator: ", ")
            return located(context.mark, "duplicate key \(keys) in one mapping; each key may appear once")
        case .reader(let problem, let offset, _, _):
            let prefix = text.utf8.prefix(offset ?? 0)
            let line = prefix.filter { $0 == UInt8(ascii: "\n") }.count + 1
            return Diagnostic(file: file, line: line, column: 1, severity: .error, message: "cannot read the text: \(problem)")
        default:
            return Diagnostic(file: file, line: 1, column: 1, severity: .error, message: "cannot read the file: \(yamlError)")
        }
    }
}
