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
        if let problem = YAMLScan(text).firstProblem {
            return .failure(ModelLoadError([Diagnostic(file: file, line: problem.line, column: problem.column, severity: .error,
                                                       message: problem.message)]))
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
        if let model = decoded, !decoder.droppedItems {
            // After field errors some values fell back to defaults: their warnings could
            // be false, but broken references and duplicates are still worth reporting.
            let fieldErrors = walker.hasErrors
            for issue in model.validate() where !fieldErrors || issue.severity == .error {
                walker.report(issue.severity, at: walker.mark(for: issue.path), "\(issue.path): \(issue.message)")
            }
        }
        // In file order; diagnostics at one place keep the order they were found in.
        let diagnostics = walker.diagnostics.enumerated()
            .sorted { ($0.element.line, $0.element.column, $0.offset) < ($1.element.line, $1.element.column, $1.offset) }
            .map(\.element)
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
            guard let context else { return located(mark, "syntax error: \(problem)") }
            // At the end of the file the place to fix is where the open construct starts.
            if problem.contains("end of stream") {
                return located(context.mark, "syntax error: \(problem) \(context.text); it starts here and is never closed")
            }
            return located(mark, "syntax error: \(problem) \(context.text) (which starts at \(context.mark.line):\(context.mark.column))")
        case .duplicatedKeysInMapping(let duplicates, let context):
            let keys = duplicates.sorted().map { "'\($0)'" }.joined(separator: ", ")
            return located(context.mark, "duplicate key \(keys) in one mapping; each key may appear once")
        case .reader(let problem, let offset, _, _):
            // Yams gives the offset in characters; marks count Unicode scalars.
            let before = text.prefix(offset ?? 0).unicodeScalars
            let line = before.filter { $0 == "\n" }.count + 1
            let column = before.count - (before.lastIndex(of: "\n").map { before.distance(from: before.startIndex, to: $0) + 1 } ?? 0) + 1
            return Diagnostic(file: file, line: line, column: column, severity: .error, message: "cannot read the text: \(problem)")
        default:
            return Diagnostic(file: file, line: 1, column: 1, severity: .error, message: "cannot read the file: \(yamlError)")
        }
    }
}
