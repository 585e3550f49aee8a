import ValueStreams

/// `help` and `help CMD`, from the command catalog.
enum HelpText {
    static func render(_ topic: Operand?) throws(LanguageError) -> CommandResult {
        guard let topic else {
            let table = Table(columns: [.init("command"), .init("what it does")],
                              rows: CommandCatalog.all.map { [$0.usage, $0.summary] })
            return .document([
                Section(title: "Commands (type help COMMAND for an example; separate commands on one line with ;)", table: table),
            ])
        }
        guard let spec = CommandCatalog.spec(named: topic.text) else {
            let near = NameSuggestions.didYouMean(topic.text, among: CommandCatalog.all.map(\.name))
            throw LanguageError("no command '\(topic.text)'\(near.isEmpty ? "; type help for the list" : near)", at: topic.span)
        }
        return .message("usage: \(spec.usage)\n\(spec.summary)\nexample: \(spec.example)")
    }
}
