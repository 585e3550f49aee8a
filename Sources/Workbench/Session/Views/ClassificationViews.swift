import ModelFormats
import ValueStreams

/// `test`, `review` and `recommend`: the classification workshop's results.
enum ClassificationViews {
    static func test(_ name: Operand, in model: Model) throws(LanguageError) -> CommandResult {
        let streams = name.text.lowercased() == "all" && !name.quoted ? model.streams : [try StreamViews.resolve(name, in: model)]
        var sections: [Section] = []
        var rows: [Value] = []
        for stream in streams {
            let result = model.customerValueTest(of: stream)
            let weights = result.weights
            let agrees = result.suggested == result.declared
            let title = "\(stream.id): declared \(result.declared.rawValue), the test suggests \(result.suggested.rawValue)"
                + " (confidence \(Figures.significant(result.confidence)); weight \(weights.for) for customer, \(weights.against) against, \(weights.unknown) unknown)"
                + (agrees ? "" : " - it disagrees")
            let table = Table(
                columns: [.init("name", "criterion"), .init("weight", nil, .right), .init("verdict"), .init("evidence")],
                rows: result.criteria.map { [.text($0.criterion.rawValue), .integer($0.criterion.weight), .text($0.verdict.rawValue), .text($0.evidence)] },
                notes: result.criteria.compactMap { criterion in criterion.toFindOut.map { "to find out (\(criterion.criterion.rawValue)): \($0)" } })
            sections.append(Section(title: title, table: table))
            rows.append(.object([
                .init("stream", .text(stream.id)), .init("declared_kind", .text(result.declared.rawValue)),
                .init("suggested_kind", .text(result.suggested.rawValue)), .init("confidence", .number(result.confidence)),
                .init("criteria", .list(result.criteria.map { criterion in
                    .object([.init("name", .text(criterion.criterion.rawValue)), .init("verdict", .text(criterion.verdict.rawValue)),
                             .init("evidence", .text(criterion.evidence)), .init("to_find_out", .optional(criterion.toFindOut))])
                })),
            ]))
        }
        return .document(Document(sections: sections, data: .list(rows)))
    }

    static func review(only: Operand?, in model: Model, today: CalendarDate) throws(LanguageError) -> CommandResult {
        var findings = model.review(today: today)
        if let only {
            guard let code = ReviewCode.allCases.first(where: { $0.rawValue.caseInsensitiveEquals(only.text) }) else {
                let near = NameSuggestions.didYouMean(only.text, among: ReviewCode.allCases.map(\.rawValue))
                throw LanguageError("no review code '\(only.text)'\(near.isEmpty ? "; the codes are " + ReviewCode.allCases.map(\.rawValue).joined(separator: ", ") : near)", at: only.span)
            }
            findings = findings.filter { $0.code == code }
        }
        let warnings = findings.filter { $0.severity == .warning }.count
        let notes = findings.isEmpty ? ["No findings."] : ["\(findings.count) finding\(findings.count == 1 ? "" : "s"): \(warnings) warning\(warnings == 1 ? "" : "s"), \(findings.count - warnings) info, reviewed on \(today)."]
        return .table(Table(
            columns: [.init("code"), .init("severity"), .init("entity"), .init("message"), .init("fix")],
            rows: findings.map { [.text($0.code.rawValue), .text($0.severity.rawValue), .text($0.entity), .text($0.message), .text($0.fix)] },
            notes: notes))
    }

    static func recommend(_ name: Operand?, in model: Model) throws(LanguageError) -> CommandResult {
        let streams = try name.map { (name: Operand) throws(LanguageError) in [try StreamViews.resolve(name, in: model)] } ?? model.streams
        var sections: [Section] = []
        var rows: [Value] = []
        for stream in streams {
            let advice = model.recommendation(for: stream)
            sections.append(Section(
                title: "\(stream.id) (\(advice.kind.rawValue) stream)",
                fields: [Field("governance", .text(advice.governance)), Field("owner", .text(advice.ownerReach)),
                         Field("metrics", .text(advice.metrics.joined(separator: ", "))), Field("improve", .text(advice.approach)),
                         Field("lacks", .text(advice.gaps.isEmpty ? "nothing" : advice.gaps.joined(separator: "; ")))]))
            rows.append(.object([
                .init("stream", .text(stream.id)), .init("kind", .text(advice.kind.rawValue)), .init("governance", .text(advice.governance)),
                .init("owner_reach", .text(advice.ownerReach)), .init("metrics", .list(advice.metrics.map(Value.text))),
                .init("approach", .text(advice.approach)), .init("gaps", .list(advice.gaps.map(Value.text))),
            ]))
        }
        return .document(Document(sections: sections, data: .list(rows)))
    }
}
