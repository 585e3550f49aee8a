import Foundation
import ModelFormats
import ValueStreams

/// The workbench's state and the one place commands run. A command works on a copy and
/// the session takes the copy only when it succeeds, so a failed command changes nothing.
public struct Session: Sendable {
    /// The model commands work on, if one is loaded.
    public private(set) var model: Model?
    /// Where the model came from: `demo` or the path it was loaded from.
    public private(set) var modelOrigin: String?

    public init() {}

    /// Parses and runs one logical line: each `;`-separated command in turn, stopping at the
    /// first that fails. A line that does not parse runs nothing.
    public mutating func run(_ source: Source) -> [Result<Reply, LanguageError>] {
        let statements: [Statement]
        do {
            statements = try Parser.parse(source)
        } catch {
            return [.failure(error)]
        }
        var outcomes: [Result<Reply, LanguageError>] = []
        for statement in statements {
            let outcome = execute(statement.command, in: source)
            outcomes.append(outcome)
            guard case .success(let reply) = outcome, !reply.quits else { break }
        }
        return outcomes
    }

    /// Runs one command against a copy of the state; commits the copy on success.
    public mutating func execute(_ command: Command, in source: Source) -> Result<Reply, LanguageError> {
        var next = self
        do {
            let reply = try next.perform(command, in: source)
            self = next
            return .success(reply)
        } catch {
            return .failure(error)
        }
    }

    private mutating func perform(_ command: Command, in source: Source) throws(LanguageError) -> Reply {
        switch command {
        case .load(let path): return try load(path, in: source)
        case .streams: return Reply(.table(StreamViews.list(try requireModel())))
        case .show(let name): return Reply(try StreamViews.show(name, in: try requireModel()))
        case .saveModel(let path): return try saveModel(path, in: source)
        case .help(let topic): return Reply(try HelpText.render(topic))
        case .quit: return Reply(.empty, quits: true)
        }
    }

    func requireModel() throws(LanguageError) -> Model {
        guard let model else {
            throw LanguageError("no model loaded; load one first, e.g. load demo")
        }
        return model
    }

    /// A path typed in a command, resolved against the source's folder.
    static func resolve(_ path: String, in source: Source) -> String {
        let expanded = (path as NSString).expandingTildeInPath
        if expanded.hasPrefix("/") { return expanded }
        let base = source.baseDirectory.hasSuffix("/") ? String(source.baseDirectory.dropLast()) : source.baseDirectory
        return base.isEmpty ? expanded : "\(base)/\(expanded)"
    }

    private mutating func load(_ path: Operand, in source: Source) throws(LanguageError) -> Reply {
        let loaded: LoadedModel
        if path.text == "demo" {
            switch ModelFiles.demo() {
            case .success(let demo): loaded = demo
            case .failure(let error):
                throw LanguageError("the built-in demo does not load (a bug; please report it)", at: path.span,
                                    details: error.diagnostics.map(\.description))
            }
        } else {
            switch ModelFiles.read(path: Self.resolve(path.text, in: source), name: path.text) {
            case .success(let model): loaded = model
            case .failure(.invalid(let error)):
                let count = error.errors.count
                throw LanguageError("'\(path.text)' has \(count) error\(count == 1 ? "" : "s"); the model was not loaded",
                                    at: path.span, details: error.diagnostics.map(\.description))
            case .failure(let error):
                throw LanguageError(error.description, at: path.span)
            }
        }
        model = loaded.model
        modelOrigin = path.text
        return Reply(.message(StreamViews.loadSummary(loaded.model, from: path.text, warnings: loaded.warnings.count)),
                     warnings: loaded.warnings.map(\.description))
    }

    private func saveModel(_ path: Operand, in source: Source) throws(LanguageError) -> Reply {
        let model = try requireModel()
        switch ModelFiles.save(model, to: Self.resolve(path.text, in: source)) {
        case .success(let report):
            var message = "Saved \(model.name) to \(path.text)."
            if report.backup != nil {
                message += " The old file had comments, which a save cannot keep: it is kept as \(path.text).bak."
            }
            return Reply(.message(message))
        case .failure(let error):
            throw LanguageError(error.description, at: path.span)
        }
    }
}
