import FlowSimulation
import ValueStreams

/// `scenario list`, `whatif` and `compare`.
enum ScenarioViews {
    static func list(_ scenarios: [Scenario], current: Int) -> Table {
        Table(columns: [.init("scenario"), .init("from"), .init("current"), .init("streams", nil, .right),
                        .init("customer", nil, .right), .init("supporting", nil, .right)],
              rows: scenarios.enumerated().map { index, scenario in
                  let share = KindShare(scenario.model)
                  return [.text(scenario.name), .optional(scenario.parent), .bool(index == current), .integer(scenario.model.streams.count),
                          .integer(share.customerStreams), .integer(share.supportingStreams)]
              })
    }

    /// What a what-if did, against the scenario it came from.
    static func consequences(_ comparison: ModelComparison, from parent: String, to name: String) -> CommandResult {
        var sections = [Section(title: "Scenario \(name), made from \(parent); it is current.",
                                fields: kindFields(comparison) + shareFields(comparison))]
        sections += findingSections(comparison) + recommendationSections(comparison)
        sections.append(Section(title: "Sign-offs made stale", lines: comparison.signoffsMadeStale.isEmpty ? ["none"] : comparison.signoffsMadeStale))
        return .document(Document(sections: sections, data: data(comparison, [.init("scenario", .text(name)), .init("from", .text(parent))])))
    }

    /// Both scenarios through the analytic engine, each with its own degradations: every
    /// figure of each customer stream they both simulate, `a`'s against `b`'s.
    static func simulated(_ a: Scenario, _ b: Scenario) -> [Impact.Row] {
        let runA = Simulation.analytic(a.model, degradations: a.degradations)
        let runB = Simulation.analytic(b.model, degradations: b.degradations)
        return runA.streams.flatMap { left in
            runB.streams.first { $0.stream == left.stream }.map { Impact.rows(comparing: left, with: $0) } ?? []
        }
    }

    static func compare(_ comparison: ModelComparison, _ first: String, _ second: String, simulated: [Impact.Row] = []) -> CommandResult {
        var entities: [Field] = []
        func add(_ label: String, _ names: [String]) {
            if !names.isEmpty { entities.append(Field(label, .list(names.map(Value.text)))) }
        }
        add("streams only in \(second)", comparison.streamsAdded)
        add("streams only in \(first)", comparison.streamsRemoved)
        add("streams that differ", comparison.streamsChanged)
        add("stages only in \(second)", comparison.stagesAdded)
        add("stages only in \(first)", comparison.stagesRemoved)
        add("links only in \(second)", comparison.linksAdded)
        add("links only in \(first)", comparison.linksRemoved)
        add("links that differ", comparison.linksChanged)
        var sections = [Section(title: "\(first) compared with \(second)" + (comparison.isEmpty ? ": no differences" : ""),
                                fields: entities + kindFields(comparison) + shareFields(comparison))]
        sections += findingSections(comparison, removedLabel: "Findings only in \(first)", addedLabel: "Findings only in \(second)")
        sections += recommendationSections(comparison)
        var extra: [Value.Entry] = [.init("a", .text(first)), .init("b", .text(second))]
        if !simulated.isEmpty {
            let rows = simulated.map { row -> [Value] in
                [.text(row.stream), .text(row.metric), SimulationViews.value(row.baseline, row.unit),
                 SimulationViews.value(row.degraded, row.unit), SimulationViews.change(row)]
            }
            let table = Table(columns: [.init("stream"), .init("metric"), .init("a", first, .right), .init("b", second, .right),
                                        .init("change", nil, .right)],
                              rows: rows, notes: ["Each scenario through the analytic engine with its own degradations; blank where overloaded."])
            sections.append(Section(title: "Simulated customer figures, \(first) against \(second)", table: table))
            extra.append(.init("simulated", table.records))
        }
        return .document(Document(sections: sections, data: data(comparison, extra)))
    }

    private static func kindFields(_ comparison: ModelComparison) -> [Field] {
        comparison.kindChanges.map { Field("kind of \($0.stream)", .text("\($0.from.rawValue) -> \($0.to.rawValue)")) }
    }

    private static func shareFields(_ comparison: ModelComparison) -> [Field] {
        let before = comparison.shareBefore.customerFractions
        let after = comparison.shareAfter.customerFractions
        func change(_ a: Double, _ b: Double) -> Value { .text("\(Figures.percent(a)) -> \(Figures.percent(b))") }
        return [Field("customer share of streams", change(before.streams, after.streams)),
                Field("customer share of stages", change(before.stages, after.stages)),
                Field("customer share of demand", change(before.demand, after.demand))]
    }

    private static func findingTable(_ findings: [Finding]) -> Table {
        Table(columns: [.init("code"), .init("severity"), .init("entity"), .init("message")],
              rows: findings.map { [.text($0.code.rawValue), .text($0.severity.rawValue), .text($0.entity), .text($0.message)] })
    }

    private static func findingSections(_ comparison: ModelComparison, removedLabel: String = "Findings removed",
                                        addedLabel: String = "Findings added") -> [Section] {
        [Section(title: addedLabel, table: findingTable(comparison.findingsAdded)),
         Section(title: removedLabel, table: findingTable(comparison.findingsRemoved))]
    }

    private static func recommendationSections(_ comparison: ModelComparison) -> [Section] {
        guard !comparison.recommendationChanges.isEmpty else { return [Section(title: "Recommendations that change", lines: ["none"])] }
        return [Section(title: "Recommendations that change", table: Table(
            columns: [.init("stream"), .init("before"), .init("after")],
            rows: comparison.recommendationChanges.map { change in
                [.text(change.stream), .optional(change.before.map(summary)), .optional(change.after.map(summary))]
            }))]
    }

    /// A recommendation in one line: its kind and what the stream lacks.
    private static func summary(_ recommendation: Recommendation) -> String {
        "\(recommendation.kind.rawValue); " + (recommendation.gaps.isEmpty ? "nothing lacking" : "lacking: " + recommendation.gaps.joined(separator: "; "))
    }

    private static func data(_ comparison: ModelComparison, _ head: [Value.Entry]) -> Value {
        func texts(_ names: [String]) -> Value { .list(names.map(Value.text)) }
        func findings(_ list: [Finding]) -> Value {
            .list(list.map { .object([.init("code", .text($0.code.rawValue)), .init("severity", .text($0.severity.rawValue)),
                                      .init("entity", .text($0.entity)), .init("message", .text($0.message))]) })
        }
        func share(_ share: KindShare) -> Value {
            let fractions = share.customerFractions
            return .object([.init("customer_streams", .percent(fractions.streams)), .init("customer_stages", .percent(fractions.stages)),
                            .init("customer_demand", .percent(fractions.demand))])
        }
        return .object(head + [
            .init("streams_added", texts(comparison.streamsAdded)), .init("streams_removed", texts(comparison.streamsRemoved)),
            .init("streams_changed", texts(comparison.streamsChanged)), .init("stages_added", texts(comparison.stagesAdded)),
            .init("stages_removed", texts(comparison.stagesRemoved)), .init("links_added", texts(comparison.linksAdded)),
            .init("links_removed", texts(comparison.linksRemoved)), .init("links_changed", texts(comparison.linksChanged)),
            .init("kind_changes", .list(comparison.kindChanges.map { .object([.init("stream", .text($0.stream)), .init("from", .text($0.from.rawValue)), .init("to", .text($0.to.rawValue))]) })),
            .init("findings_added", findings(comparison.findingsAdded)), .init("findings_removed", findings(comparison.findingsRemoved)),
            .init("recommendations_changed", .list(comparison.recommendationChanges.map { change in
                .object([.init("stream", .text(change.stream)), .init("before", .optional(change.before.map(summary))), .init("after", .optional(change.after.map(summary)))])
            })),
            .init("signoffs_made_stale", texts(comparison.signoffsMadeStale)),
            .init("share_before", share(comparison.shareBefore)), .init("share_after", share(comparison.shareAfter)),
        ])
    }
}
