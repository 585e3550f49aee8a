import ValueStreams

/// One command of the language: its words, how to use it, an example, and how its
/// arguments parse. `help` and the parser read the same entries.
struct CommandSpec: Sendable {
    /// The command's words: `["load"]`, `["save", "model"]`.
    let words: [String]
    /// The synopsis after the words: `PATH|demo`.
    let arguments: String
    let summary: String
    let example: String
    /// More for `help CMD`: what the figures mean, the approximations behind them.
    var details: [String] = []
    let parse: @Sendable (inout TokenCursor) throws(LanguageError) -> Command

    var name: String { words.joined(separator: " ") }
    var usage: String { arguments.isEmpty ? name : "\(name) \(arguments)" }
}

/// Every command, in the order `help` lists them: looking, editing, the session.
enum CommandCatalog {
    static let all: [CommandSpec] = lookCommands + modelCommands + classifyCommands + scenarioCommands + simulateCommands + analysisCommands
        + sessionCommands

    /// The keywords of `add link` after its ends.
    static let linkKeywords = ["effect", "strength", "sla", "id", "description"]
    /// The keys after `sla` in `add link`: the service-level fields.
    static let slaKeys = ServiceField.allCases.map(\.rawValue)

    /// The options of `simulate engine des`.
    static let eventEngineOptions = ["runs", "horizon", "warmup", "seed"]

    /// Names a user may type for a command, for "did you mean".
    static let commandWords: [String] = {
        var words: [String] = []
        for spec in all where !words.contains(spec.words[0]) { words.append(spec.words[0]) }
        return words + ["exit"]
    }()

    /// The entries a help topic names: `save model` one, `add` all of its forms.
    static func specs(named topic: String) -> [CommandSpec] {
        let words = topic.split(separator: " ").map { $0.lowercased() }
        let exact = all.filter { $0.words == words }
        return exact.isEmpty ? all.filter { $0.words.first == words.first } : exact
    }
}
