import ValueStreams

/// `help` and `help CMD`, from the command catalog.
enum HelpText {
    static func render(_ topic: Operand?) throws(LanguageError) -> CommandResult {
        guard let topic else {
            let notes = [
                "Names resolve by id or name, case-insensitively; quote names with spaces: open-account/\"Verify identity\".",
                "Separate commands on one line with ;. Type help COMMAND for its usage and an example.",
            ]
            return .table(Table(columns: [.init("command"), .init("summary", "what it does")],
                                rows: CommandCatalog.all.map { [.text($0.usage), .text($0.summary)] }, notes: notes))
        }
        let specs = CommandCatalog.specs(named: topic.text)
        guard !specs.isEmpty else {
            let near = NameSuggestions.didYouMean(topic.text, among: CommandCatalog.all.map(\.name))
            throw LanguageError("no command '\(topic.text)'\(near.isEmpty ? "; type help for the list" : near)", at: topic.span)
        }
        return .message(specs.map { spec in
            (["usage: \(spec.usage)", spec.summary] + spec.details + ["example: \(spec.example)"]).joined(separator: "\n")
        }.joined(separator: "\n\n"))
    }
}
