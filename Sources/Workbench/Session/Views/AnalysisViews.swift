import FlowSimulation
import ModelFormats
import ValueStreams

/// `impact X why` and `breakpoint`: the engines' answers for decisions.
enum AnalysisViews {
    // MARK: impact X why

    /// The figure `impact X why` explains when none is named.
    static let defaultFigure = "time_to_value_mean_h"

    static func why(_ target: Operand?, in model: Model, degradations: [Degradation], scenario: String) throws(LanguageError) -> CommandResult {
        guard let target else {
            throw LanguageError("impact why explains one stream's figure; write e.g. impact open-account why, or impact open-account.time_to_value_p90_h why")
        }
        guard !degradations.isEmpty else {
            return .message("No degradations in scenario \(scenario), so nothing moved to explain; degrade a supporting stream first, e.g. \(SimulationViews.degradeHint(model)).")
        }
        let (name, metric) = StreamViews.splitMetric(target, in: model)
        let stream = try StreamViews.resolve(name, in: model)
        guard stream.kind == .customer else {
            throw LanguageError("\(stream.id) is a supporting stream; explain a figure of a customer stream it enables (deps \(stream.id) shows them)", at: name.span)
        }
        let wanted = metric?.text ?? defaultFigure
        guard let explanation = Explanation.explain(model, degradations: degradations, stream: stream.id, metric: wanted) else {
            // Only on the way to an error: why there is nothing to explain.
            let run = Simulation.analytic(model, degradations: degradations, streams: [stream.id])
            if let skipped = run.skipped.first { throw LanguageError(skipped.reason.message(for: skipped.stream), at: name.span) }
            let figures = run.streams.first.map(Explanation.metrics) ?? []
            let near = NameSuggestions.didYouMean(wanted, among: figures)
            throw LanguageError("\(stream.id) has no figure '\(wanted)'\(near.isEmpty ? "; its figures are " + figures.joined(separator: ", ") : near)",
                                at: metric?.span ?? target.span)
        }
        return .document(document(explanation))
    }

    private static func document(_ explanation: Explanation) -> Document {
        let figure = explanation.figure
        func shown(_ value: Double?) -> String {
            guard let value else { return "none (overloaded)" }
            return SimulationViews.isRate(figure.unit) ? Figures.percent(value) : Figures.significant(value)
        }
        let change = figure.change.map { SimulationViews.changeText($0, figure.unit) } ?? "n/a"
        let title = "Why \(explanation.stream) \(figure.metric) is \(shown(figure.degraded)), not \(shown(figure.baseline)) (\(change))"
        // The trace starts with the degradations themselves.
        var lines = ["Propagation, step by step, from the degradations:"]
        lines += explanation.steps.enumerated().map { "  \($0.offset + 1). \($0.element.text)" }
        if explanation.steps.isEmpty { lines.append("  no link passes a change on to \(explanation.stream)") }
        var sections = [Section(title: title, lines: lines)]
        if !explanation.stages.isEmpty {
            sections.append(Section(title: "Stage parameters and the engine's results, baseline → degraded", table: stageTable(explanation.stages)))
        }
        sections.append(Section(lines: result(explanation)))
        return Document(sections: sections, data: data(explanation))
    }

    private static func stageTable(_ stages: [Explanation.StageChange]) -> Table {
        func hours(_ pair: Explanation.Pair) -> Value { cell(pair) { Figures.significant($0) } }
        func rate(_ pair: Explanation.Pair) -> Value { cell(pair) { Figures.percent($0) } }
        return Table(columns: [.init("stage"), .init("visits", nil, .right), .init("service_h", "service h", .right),
                               .init("fixed_wait_h", "fixed wait h", .right), .init("defects", nil, .right),
                               .init("utilization", "utilisation", .right), .init("queue_h", "queue h", .right),
                               .init("part_h", "visits × time h", .right)],
                     rows: stages.map { stage in
                         [.text(stage.stage), hours(stage.visits), hours(stage.serviceHours), hours(stage.fixedWaitHours),
                          rate(stage.defectProbability), rate(stage.utilisation), hours(stage.queueWaitHours), hours(stage.timeToValueHours)]
                     },
                     notes: ["visits × time = visits × (queue + service + fixed wait): the stage's part of the mean time-to-value; — where overloaded or stopped."])
    }

    /// `a → b`, or the one figure when it did not change.
    private static func cell(_ pair: Explanation.Pair, _ format: (Double) -> String) -> Value {
        let (before, after) = (pair.baseline.map(format) ?? "—", pair.degraded.map(format) ?? "—")
        return .text(before == after ? before : "\(before) → \(after)")
    }

    /// How the engine turns the stages into the figure.
    private static func result(_ explanation: Explanation) -> [String] {
        let metric = explanation.figure.metric
        let windowed = explanation.degradations.filter { $0.window != nil }
        if !metric.hasPrefix(Impact.windowPrefix), explanation.stages.isEmpty, !windowed.isEmpty {
            return ["Nothing changes outside the windows; for what they do, explain \(explanation.stream).\(Impact.windowPrefix)ttv_mean_h why."]
        }
        if metric.hasPrefix(Impact.windowPrefix), Set(windowed.compactMap(\.window)).count > 1 {
            return ["The steps and stages above combine every window's degradations; \(metric) is the window report's, over each segment "
                    + "with the degradations in force in it (help simulate)."]
        }
        if let model = explanation.model {
            return ["\(metric) comes from its response model: \(model)."]
                + explanation.drivers.map { "  \($0.metric): \(figureText($0.baseline, $0.unit)) → \(figureText($0.degraded, $0.unit))" }
        }
        switch metric {
        case "time_to_value_mean_h":
            return ["The mean time-to-value is the sum over all stages of visits × (queue + service + fixed wait); the stages above are the ones that changed."]
        case "time_to_value_p90_h", "on_time_rate":
            return ["\(metric) reads the gamma approximation of time-to-value over the same stages: fixed waits plus a gamma-distributed rest (help simulate)."]
        case "defect_rate":
            return ["The defect rate is 1 − the rolled first-pass yield, the product of (1 − defects) over the stages."]
        case "throughput_per_day":
            return ["Throughput is the demand unless a stage is overloaded; then it is what the tightest stage passes on."]
        default:
            return ["\(metric) is the window's: the items it touches, by the fluid or pointwise-stationary method (help simulate)."]
        }
    }

    private static func figureText(_ value: Double?, _ unit: Impact.Unit) -> String {
        guard let value else { return "none" }
        return SimulationViews.isRate(unit) ? Figures.percent(value) : Figures.significant(value)
    }

    private static func data(_ explanation: Explanation) -> Value {
        let figure = explanation.figure
        func pair(_ pair: Explanation.Pair) -> Value {
            .object([.init("baseline", SimulationViews.number(pair.baseline)), .init("degraded", SimulationViews.number(pair.degraded))])
        }
        return .object([
            .init("stream", .text(explanation.stream)), .init("metric", .text(figure.metric)),
            .init("baseline", SimulationViews.number(figure.baseline)), .init("degraded", SimulationViews.number(figure.degraded)),
            .init("change", SimulationViews.number(figure.change)),
            .init("degradations", .list(explanation.degradations.map { .text("\($0.stream) \($0.field.rawValue) \($0.change.rawValue) \($0.text)") })),
            .init("steps", .list(explanation.steps.map { step in
                .object([.init("text", .text(step.text)), .init("link", step.link.map(Value.text) ?? .null),
                         .init("source", .text(step.source)), .init("target", .text(step.target))])
            })),
            .init("stages", .list(explanation.stages.map { stage in
                .object([.init("stage", .text(stage.stage)), .init("visits", pair(stage.visits)), .init("service_h", pair(stage.serviceHours)),
                         .init("fixed_wait_h", pair(stage.fixedWaitHours)), .init("defects", pair(stage.defectProbability)),
                         .init("utilization", pair(stage.utilisation)), .init("queue_h", pair(stage.queueWaitHours)),
                         .init("part_h", pair(stage.timeToValueHours))])
            })),
            .init("model", explanation.model.map(Value.text) ?? .null),
        ])
    }

    // MARK: sensitivity

    static func sensitivity(by stepOperand: Operand?, field fieldName: Operand?, in model: Model,
                            degradations: [Degradation]) throws(LanguageError) -> CommandResult {
        let field = try fieldName.map { operand throws(LanguageError) in try Degrading.field(operand) } ?? .capacity
        let text = stepOperand?.text ?? (field == .latency ? "+1h" : "-10%")
        let value = try Degrading.amount(stepOperand ?? Operand(text, at: SourceSpan(lineOffset: 0, column: 1, length: 1)), field, .by)
        let step = Degradation(stream: "", field: field, change: .by, text: text, value: value)
        let run = Sensitivity.run(model, step: step, degradations: degradations)
        let what = "\(field.rawValue) by \(text)"
        var sections = run.rankings.map { ranking in
            let title = "\(ranking.stream): change in mean time-to-value, each supporting stream's \(what) in turn"
            let bars = ranking.entries.map { entry in
                Chart.Bar(entry.supporting, entry.overloads ? .infinity : entry.timeToValueChange ?? 0,
                          entry.overloads ? "overloaded" : (entry.timeToValueChange.map { SimulationViews.signed($0) + "h" } ?? "—"))
            }
            return Section(title: title, chart: Chart(title, .bars(bars, width: 24)), table: sensitivityTable(ranking))
        }
        // The headline: which supporting stream matters most to each customer stream.
        var most: [(supporting: String, streams: [String])] = []
        for ranking in run.rankings {
            guard let top = ranking.entries.first, top.overloads || (top.timeToValueChange ?? 0) != 0 else { continue }
            if let index = most.firstIndex(where: { $0.supporting == top.supporting }) {
                most[index].streams.append(ranking.stream)
            } else {
                most.append((top.supporting, [ranking.stream]))
            }
        }
        let headline = most.isEmpty ? ["No supporting stream's \(what) moves a customer stream's mean time-to-value."]
            : ["Matters most (\(what)): " + most.map { "\($0.supporting) to \($0.streams.joined(separator: ", "))" }.joined(separator: "; ") + "."]
        sections.insert(Section(lines: headline), at: 0)
        let notes = (degradations.isEmpty ? ["Against the model as declared."] : ["Against the scenario's degradations, which stay in force."])
            + SimulationViews.skippedNotes(run.skipped)
        sections.append(Section(lines: notes))
        return .document(Document(sections: sections, data: .object([
            .init("step", .text(what)),
            .init("rankings", .list(run.rankings.map { ranking in
                .object([.init("stream", .text(ranking.stream)), .init("entries", .list(ranking.entries.map { entry in
                    .object([.init("supporting", .text(entry.supporting)), .init("overloads", .bool(entry.overloads))]
                            + entry.rows.map { .init($0.metric, SimulationViews.number($0.change)) })
                }))])
            })),
        ])))
    }

    private static func sensitivityTable(_ ranking: Sensitivity.Ranking) -> Table {
        let flow = ["time_to_value_mean_h", "time_to_value_p90_h", "on_time_rate"]
        func change(_ entry: Sensitivity.Entry, _ metric: String) -> Value {
            guard let row = entry.rows.first(where: { $0.metric == metric }) else { return .text("") }
            return row.change == nil ? .text("—") : SimulationViews.change(row)
        }
        let drivers = Set(Driver.allCases.map(\.rawValue))
        /// The outcome metrics that moved, each with its change.
        func outcomes(_ entry: Sensitivity.Entry) -> Value {
            .list(entry.rows.filter { !flow.contains($0.metric) && !drivers.contains($0.metric) && $0.isChanged }.map { row in
                let change = row.change.map { SimulationViews.changeText($0, row.unit) } ?? "—"
                return .text("\(row.metric) \(change)")
            })
        }
        return Table(columns: [.init("supporting"), .init("time_to_value_mean_h", "Δ mean h", .right), .init("time_to_value_p90_h", "Δ p90 h", .right),
                               .init("on_time_rate", "Δ on-time", .right), .init("metrics", "Δ outcome metrics")],
                     rows: ranking.entries.map { entry in [.text(entry.supporting)] + flow.map { change(entry, $0) } + [outcomes(entry)] })
    }


    // MARK: bottlenecks

    static func bottlenecks(in model: Model, degradations: [Degradation]) -> CommandResult {
        let report = Bottlenecks.report(model, degradations: degradations)
        let stageRows: [[Value]] = report.stages.map { stage in
            [.text(stage.stream), .text(stage.stage), .integer(stage.servers),
             stage.utilisation.map(Value.percent) ?? .text("stopped"), .text(Figures.meter(stage.isOverloaded ? 1 : stage.utilisation ?? 1)),
             stage.queueWaitHours.map(Value.number) ?? .text("overloaded")]
        }
        let leverageRows: [[Value]] = report.leverage.map { leverage in
            [.text(leverage.link), .text(leverage.from), .text("\(leverage.stream)/\(leverage.stage)"), .text(leverage.effect.rawValue),
             leverage.overloads ? .text("overloads") : leverage.hoursPerUnit.map { Value.typed(SimulationViews.signed($0) + "h", $0) } ?? .text("—"),
             .text(leverage.unit)]
        }
        let scope = degradations.isEmpty ? "the model as declared" : "the scenario's degradations without a window"
        let stages = Table(columns: [.init("stream"), .init("stage"), .init("servers", nil, .right), .init("utilization", "utilisation", .right),
                                     .init("load"), .init("queue_h", "queue h", .right)],
                           rows: stageRows, notes: ["The most loaded stages first, under \(scope)."] + SimulationViews.skippedNotes(report.skipped))
        let leverage = Table(columns: [.init("link"), .init("from"), .init("to"), .init("effect"), .init("hours_per_unit", "Δ mean per unit", .right),
                                       .init("unit", "per")],
                             rows: leverageRows,
                             notes: ["How far the stream's mean time-to-value moves, through this link, when the supporting stream's level worsens by one unit;",
                                     "the unit differs by effect, so compare links of one effect with each other."])
        return .document(Document(sections: [Section(title: "Stages by utilisation", table: stages),
                                             Section(title: "Integration points by leverage", table: leverage)],
                                  data: .object([.init("stages", stages.records), .init("leverage", leverage.records)])))
    }

    // MARK: prioritise

    static func prioritise(budget operand: Operand?, in model: Model, degradations: [Degradation]) throws(LanguageError) -> CommandResult {
        let budget = try operand.map { operand throws(LanguageError) in
            try operand.read { text throws(UnitError) in try FieldValue.nonNegative(text) }
        }
        let plan = Prioritisation.plan(model, degradations: degradations, budget: budget?.value)
        func name(_ step: Prioritisation.Step) -> String {
            switch step {
            case .level(let stream, let field, let from, let to): "\(stream) \(field.rawValue) \(Figures.percent(from)) → \(Figures.percent(to))"
            case .server(let stream, let stage, let servers): "\(stream)/\(stage): \(servers - 1) → \(servers) servers"
            }
        }
        func efficiency(_ step: Prioritisation.Step) -> Value {
            guard case .level(let id, _, _, _) = step, let index = model.streamIndex(id) else { return .list([]) }
            return .list(model.streams[index].metrics.filter { $0.category == .efficiency }.map { metric in
                .text(metric.name + (metric.baseline.map { " \($0.text)" } ?? "") + (metric.target.map { " (target \($0.text))" } ?? ""))
            })
        }
        func row(_ candidate: Prioritisation.Candidate, _ rank: Int) -> [Value] {
            [.integer(rank), .text(name(candidate.step)), candidate.cost.map(Value.number) ?? .text("no cost"),
             .number(candidate.gainHoursPerDay), gainPerCost(candidate),
             .list(candidate.relieves.map(Value.text)),
             .list(candidate.changes.map { change in
                 .text("\(change.stream) " + (change.before.flatMap { a in change.after.map { SimulationViews.signed($0 - a) + "h" } } ?? "leaves overload"))
             }),
             efficiency(candidate.step)]
        }
        let columns: [Table.Column] = [.init("rank", nil, .right), .init("step"), .init("cost", nil, .right),
                                       .init("gain_h_per_day", "gain h/day", .right), .init("gain_per_cost", "gain/cost", .right),
                                       .init("relieves"), .init("time_to_value_mean_h", "Δ mean time-to-value"),
                                       .init("efficiency", "efficiency metrics (the stream's own)")]
        var notes = ["gain: customer-hours of time-to-value given back a day (throughput × fall in mean time-to-value), over the scenario in force.",
                     "\(plan.idle.count) other candidate step\(plan.idle.count == 1 ? "" : "s") change nothing for customers."]
        if !plan.ranked.contains(where: { $0.cost != nil }) {
            notes.append("No step has a cost: add cost: to streams and stages in the model file (one step's cost) to rank by value.")
        }
        var sections = [Section(title: "Improvement steps, best value first",
                                table: Table(columns: columns, rows: plan.ranked.enumerated().map { row($1, $0 + 1) }, notes: notes))]
        if let budget {
            let total = plan.bought.reduce(0.0) { $0 + $1.gainHoursPerDay }
            var lines: [String] = []
            if plan.bought.isEmpty {
                lines.append("Budget \(budget.text) buys no step that helps (only steps with a cost are bought).")
            } else {
                let count = plan.bought.count
                lines.append("Budget \(budget.text): \(count) step\(count == 1 ? "" : "s") for \(Figures.significant(plan.spent)), giving back about "
                             + "\(Figures.significant(total)) customer-hours a day (each gain measured after the steps before it):")
                for (index, candidate) in plan.bought.enumerated() {
                    let cost = Figures.significant(candidate.cost ?? 0)
                    lines.append("  \(index + 1). \(name(candidate.step)): cost \(cost), gain \(Figures.significant(candidate.gainHoursPerDay)) h/day")
                }
            }
            sections.append(Section(lines: lines))
        }
        let ranked = Table(columns: columns, rows: plan.ranked.enumerated().map { row($1, $0 + 1) })
        let bought = Table(columns: columns, rows: plan.bought.enumerated().map { row($1, $0 + 1) })
        return .document(Document(sections: sections, data: .object([
            .init("ranked", ranked.records), .init("budget", budget.map { Value.number($0.value) } ?? .null),
            .init("bought", bought.records), .init("spent", .number(plan.spent)),
        ])))
    }

    /// Gain per cost: `free` for a step that costs nothing, `—` without a cost.
    private static func gainPerCost(_ candidate: Prioritisation.Candidate) -> Value {
        guard let value = candidate.gainPerCost else { return .text("—") }
        return value.isFinite ? .number(value) : .text("free")
    }

    // MARK: breakpoint

    static func breakpoint(_ name: Operand, field fieldName: Operand?, customer: Operand?, in model: Model,
                           degradations: [Degradation]) throws(LanguageError) -> CommandResult {
        let stream = try Degrading.supporting(name, in: model, "find the breakpoints of")
        let field = try fieldName.map { operand throws(LanguageError) in try Degrading.field(operand) } ?? .availability
        var ids: [String]?
        if let customer {
            let target = try StreamViews.resolve(customer, in: model)
            guard target.kind == .customer else {
                throw LanguageError("\(target.id) is a supporting stream; name a customer stream it enables (deps \(stream.id) shows them)", at: customer.span)
            }
            ids = [target.id]
        }
        let search = Breakpoint.search(model, supporting: stream.id, field: field, streams: ids, degradations: degradations)
        if let customer, let skipped = search.skipped.first { throw LanguageError(skipped.reason.message(for: skipped.stream), at: customer.span) }
        func level(_ value: Double) -> Value {
            field == .latency ? .typed("+" + Figures.significant(value) + "h", value) : .percent(value)
        }
        func crossing(_ crossing: Breakpoint.Crossing) -> Value {
            switch crossing {
            case .at(let value): return level(value)
            case .already: return .text("already")
            case .never: return .text("never")
            case .noPromise: return .text("no promise")
            }
        }
        let rows: [[Value]] = search.findings.map { finding in
            [.text(finding.stream), level(finding.startLevel), crossing(finding.overloaded), crossing(finding.missesPromise)]
        }
        let worse = field == .availability || field == .capacity ? "at or below" : "at or above"
        var notes = ["Levels of \(stream.id) \(field.rawValue) \(worse) which each stream is overloaded, or misses its promise (p90 above it);",
                     "bisection on the analytic engine from the level in force, the scenario's other degradations kept."]
        notes += SimulationViews.skippedNotes(search.skipped)
        return .table(Table(columns: [.init("stream"), .init("from", nil, .right), .init("overloaded", "overloaded at", .right),
                                      .init("misses_promise", "misses promise at", .right)],
                            rows: rows, notes: notes))
    }
}
