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
    let parse: @Sendable (inout TokenCursor) throws(LanguageError) -> Command

    var name: String { words.joined(separator: " ") }
    var usage: String { arguments.isEmpty ? name : "\(name) \(arguments)" }
}

/// Every command, in the order `help` lists them.
enum CommandCatalog {
    static let all: [CommandSpec] = [
        CommandSpec(words: ["load"], arguments: "PATH|demo",
                    summary: "Load a model file (.yaml, .yml, .json), or the built-in demo organisation.",
                    example: "load demo") { cursor throws(LanguageError) in
            let path = try cursor.value("a PATH or 'demo'")
            try cursor.end()
            return .load(path)
        },
        CommandSpec(words: ["streams"], arguments: "",
                    summary: "List the value streams: id, name, kind, stage count and owner.",
                    example: "streams") { cursor throws(LanguageError) in
            try cursor.end()
            return .streams
        },
        CommandSpec(words: ["show"], arguments: "STREAM",
                    summary: "Show one stream: trigger, value, owner, governance, stages, metrics, links and sign-offs.",
                    example: "show open-account") { cursor throws(LanguageError) in
            let stream = try cursor.value("a STREAM (its id or name)")
            try cursor.end()
            return .show(stream)
        },
        CommandSpec(words: ["save", "model"], arguments: "PATH",
                    summary: "Save the model as YAML or JSON (by the extension), atomically; a YAML file with comments is kept as PATH.bak.",
                    example: "save model sessions/models/bank.yaml") { cursor throws(LanguageError) in
            let path = try cursor.value("a PATH")
            try cursor.end()
            return .saveModel(path)
        },
        CommandSpec(words: ["help"], arguments: "[COMMAND]",
                    summary: "List the commands, or show one command's usage and an example.",
                    example: "help load") { cursor throws(LanguageError) in
            var topic: Operand?
            if let first = cursor.optionalValue() {
                var words = [first]
                while let more = cursor.optionalValue() { words.append(more) }
                topic = Operand(words.map(\.text).joined(separator: " "), at: first.span)
            }
            return .help(topic: topic)
        },
        CommandSpec(words: ["quit"], arguments: "",
                    summary: "Leave the workbench (Ctrl-D does the same).",
                    example: "quit") { cursor throws(LanguageError) in
            try cursor.end()
            return .quit
        },
    ]

    /// Names a user may type for a command, for "did you mean".
    static var commandWords: [String] {
        var words: [String] = []
        for spec in all where !words.contains(spec.words[0]) { words.append(spec.words[0]) }
        return words + ["exit"]
    }

    /// The entry a help topic names (`save model`, or just `save`), if any.
    static func spec(named topic: String) -> CommandSpec? {
        let words = topic.split(separator: " ").map { $0.lowercased() }
        return all.first { $0.words == words } ?? all.first { $0.words.first == words.first }
    }
}
