import FlowSimulation
import ValueStreams

/// `simulate` and `impact`: the analytic engine's figures, for people and for programs.
enum SimulationViews {
    /// The customer streams a command is about: `name`, or all of them.
    static func run(_ name: Operand?, in model: Model, degradations: [Degradation]) throws(LanguageError) -> Simulation.Run {
        guard let name else { return Simulation.analytic(model, degradations: degradations) }
        let stream = try StreamViews.resolve(name, in: model)
        guard stream.kind == .customer else {
            throw LanguageError("\(stream.id) is a supporting stream; simulate the customer streams it enables (deps \(stream.id) shows them)",
                                at: name.span)
        }
        let run = Simulation.analytic(model, degradations: degradations, streams: [stream.id])
        if let skipped = run.skipped.first {
            throw LanguageError(skipped.reason.message(for: skipped.stream), at: name.span)
        }
        return run
    }

    /// Warnings every simulation result carries: capped defects, a dependency cycle.
    static func warnings(_ run: Simulation.Run) -> [String] {
        var warnings = run.cycleNote.map { ["warning: \($0)"] } ?? []
        for stream in run.streams {
            for stage in stream.cappedStages {
                warnings.append("warning: \(stream.stream)/\(stage): quality links push the defect probability past \(Figures.percent(FlowNetwork.defectCap)); capped there")
            }
        }
        return warnings
    }

    /// Notes for streams not simulated, so nobody wonders where they went.
    static func skippedNotes(_ run: Simulation.Run) -> [String] {
        run.skipped.map { $0.reason.message(for: $0.stream) + "." }
    }

    // MARK: simulate

    /// An example degrade on this model's first supporting stream.
    static func degradeHint(_ model: Model) -> String {
        "degrade \(model.streams.first { $0.kind == .supporting }?.id ?? "SUPPORTING") availability to 90%"
    }

    static func simulate(_ run: Simulation.Run, in model: Model, scenario: String) -> CommandResult {
        var sections: [Section] = []
        var rows: [Value] = []
        for stream in run.streams {
            sections += streamSections(stream)
            rows.append(data(stream.stream, "baseline", stream.baseline))
            if let degraded = stream.degraded { rows.append(data(stream.stream, "degraded", degraded)) }
        }
        var notes = skippedNotes(run)
        if run.streams.isEmpty, notes.isEmpty { notes = ["No customer streams to simulate."] }
        if run.degradations.isEmpty, !run.streams.isEmpty {
            notes.append("No degradations in scenario \(scenario), so only the baseline; \(degradeHint(model)) gives a degraded case.")
        }
        if !notes.isEmpty { sections.append(Section(lines: notes)) }
        return .document(Document(sections: sections, data: .list(rows)))
    }

    /// One stream's figures in text: a table of the flow figures and metrics by case, then
    /// one of its stages.
    private static func streamSections(_ stream: StreamSimulation) -> [Section] {
        let cases = [("baseline", stream.baseline)] + (stream.degraded.map { [("degraded", $0)] } ?? [])
        var columns: [Table.Column] = [.init("figure")]
        columns += cases.map { Table.Column($0.0, nil, .right) }
        func line(_ label: String, _ value: (StreamSimulation.Case) -> Value) -> [Value] { [.text(label)] + cases.map { value($0.1) } }
        var figures: [[Value]] = [
            line("throughput/day") { .number($0.result.throughputPerDay) },
            line("time-to-value mean (h)") { number($0.result.timeToValueMeanHours) },
            line("time-to-value p50 (h)") { number($0.result.timeToValueP50Hours) },
            line("time-to-value p90 (h)") { number($0.result.timeToValueP90Hours) },
            line("time-to-value p95 (h)") { number($0.result.timeToValueP95Hours) },
            line("on-time rate") { percent($0.result.onTimeRate) },
            line("defect rate") { .percent($0.result.defectRate) },
            line("work in progress") { number($0.result.wip) },
            line("flow efficiency") { percent($0.result.flowEfficiency) },
        ]
        if cases.contains(where: { $0.1.result.isOverloaded }) {
            figures.append(line("backlog growth/day") { number($0.result.backlogGrowthPerDay) })
        }
        for (index, metric) in stream.baseline.metrics.enumerated() {
            figures.append(line(metric.metric) { outcome($0.metrics[index]) })
        }
        var notes = stream.baseline.metrics.map { "\($0.metric): \($0.model)" }
        if let window = stream.degraded?.window { notes.insert(windowNote(window), at: 0) }
        if cases.contains(where: { $0.1.result.isOverloaded }) {
            notes.insert("Overloaded: work arrives faster than a stage can do it, so time-to-value has no steady value.", at: 0)
        }
        var stageColumns: [Table.Column] = [.init("stage")]
        for (name, _) in cases {
            stageColumns += [.init("\(name)_utilization", "utilisation (\(name))", .right), .init("\(name)_wait_mean_h", "wait h (\(name))", .right)]
        }
        let stageRows: [[Value]] = stream.baseline.result.stages.indices.map { index in
            [.text(stream.baseline.result.stages[index].stage)] + cases.flatMap { _, simulated in
                let stage = simulated.result.stages[index]
                return [utilisation(stage), number(waitMean(stage))]
            }
        }
        let title = "\(stream.stream): analytic engine" + (stream.degraded?.window != nil ? "; degraded = outside the window" : "")
        return [Section(title: title, table: Table(columns: columns, rows: figures, notes: notes)),
                Section(table: Table(columns: stageColumns, rows: stageRows))]
    }

    static func windowNote(_ window: WindowReport) -> String {
        let span = "The window (\(window.durationHours.shortDecimal)h from \(window.startHours.shortDecimal)h)"
        guard let items = window.itemsAffected, let mean = window.timeToValueMeanHours, let p90 = window.timeToValueP90Hours,
              let peak = window.peakBacklog, let clear = window.clearHours else {
            return span + ": the stream is overloaded outside it too, so its backlog never clears."
        }
        return span + " touches about \(items) items: their time-to-value averages \(Figures.significant(mean))h, p90 "
            + "\(Figures.significant(p90))h; at most \(Figures.significant(peak)) wait at once"
            + (clear > 0 ? ", clearing \(Figures.significant(clear))h after it ends" : "") + " (\(window.method.rawValue) approximation)."
    }

    /// One stream and case for programs, in DESIGN §6's key order.
    private static func data(_ stream: String, _ name: String, _ simulated: StreamSimulation.Case) -> Value {
        let result = simulated.result
        return .object([
            .init("stream", .text(stream)), .init("case", .text(name)), .init("engine", .text("analytic")),
            .init("throughput_per_day", .number(result.throughputPerDay)),
            .init("time_to_value_mean_h", number(result.timeToValueMeanHours)),
            .init("time_to_value_p90_h", number(result.timeToValueP90Hours)),
            .init("time_to_value_ci95_h", .null),
            .init("on_time_rate", percent(result.onTimeRate)), .init("defect_rate", .percent(result.defectRate)),
            .init("overloaded", .bool(result.isOverloaded)),
            .init("stages", .list(result.stages.map { stage in
                .object([.init("stage", .text(stage.stage)), .init("utilization", utilisation(stage)),
                         .init("wait_mean_h", number(waitMean(stage)))])
            })),
            .init("events", .null),
            .init("metrics", .list(simulated.metrics.map { metric in
                .object([.init("metric", .text(metric.metric)), .init("value", outcome(metric)), .init("model", .text(metric.model))])
            })),
            .init("time_to_value_p50_h", number(result.timeToValueP50Hours)),
            .init("time_to_value_p95_h", number(result.timeToValueP95Hours)),
            .init("wip", number(result.wip)), .init("flow_efficiency", percent(result.flowEfficiency)),
            .init("backlog_growth_per_day", number(result.backlogGrowthPerDay)),
            .init("truncated", .bool(false)),
            .init("window", simulated.window.map(windowData) ?? .null),
        ])
    }

    private static func windowData(_ window: WindowReport) -> Value {
        .object([
            .init("start_h", .number(window.startHours)), .init("duration_h", .number(window.durationHours)),
            .init("items_affected", window.itemsAffected.map(Value.integer) ?? .null),
            .init("ttv_mean_h", number(window.timeToValueMeanHours)), .init("ttv_p90_h", number(window.timeToValueP90Hours)),
            .init("peak_backlog", number(window.peakBacklog)), .init("clear_h", number(window.clearHours)),
        ])
    }

    /// Time not in service per visit: the queue and the fixed wait; nil when overloaded.
    private static func waitMean(_ stage: AnalyticEngine.StageResult) -> Double? {
        stage.queueWaitHours.map { $0 + stage.fixedWaitHours }
    }

    private static func utilisation(_ stage: AnalyticEngine.StageResult) -> Value { percent(stage.utilisation) }
    private static func number(_ value: Double?) -> Value { value.map(Value.number) ?? .null }
    private static func percent(_ value: Double?) -> Value { value.map(Value.percent) ?? .null }

    private static func outcome(_ metric: OutcomeMetrics.Outcome) -> Value {
        guard let value = metric.value else { return .null }
        return metric.isPercentage ? .percent(value) : .number(value)
    }

    // MARK: impact

    static func impact(_ run: Simulation.Run, in model: Model, scenario: String, named: Bool) -> CommandResult {
        guard !run.degradations.isEmpty else {
            return .message("No degradations in scenario \(scenario), so nothing to compare; degrade a supporting stream first, e.g. \(degradeHint(model)).")
        }
        var rows: [[Value]] = []
        var notes: [String] = []
        var unaffected: [String] = []
        for stream in run.streams {
            let figures = Impact.rows(stream)
            if stream.baseline.result.isOverloaded {
                notes.append("\(stream.stream) is overloaded at the baseline already: its time-to-value has no steady value to compare.")
            }
            guard named || figures.contains(where: \.isChanged) else {
                unaffected.append(stream.stream)
                continue
            }
            rows += figures.map(row)
            if let window = stream.degraded?.window { notes.append("\(stream.stream): " + windowNote(window)) }
            if stream.degraded?.result.isOverloaded == true, !stream.baseline.result.isOverloaded {
                notes.append("\(stream.stream) is overloaded when degraded: its backlog grows by "
                             + "\(Figures.significant(stream.degraded?.result.backlogGrowthPerDay ?? 0)) a day, so time-to-value has no steady value.")
            }
        }
        if !rows.isEmpty { notes.append("A rate's change is in percentage points (pp); change % is relative to the baseline.") }
        if !unaffected.isEmpty { notes.append("Unaffected: " + unaffected.joined(separator: ", ") + ".") }
        notes += skippedNotes(run)
        return .table(Table(columns: [.init("stream"), .init("metric"), .init("baseline", nil, .right), .init("degraded", nil, .right),
                                      .init("change", nil, .right), .init("change_pct", "change %", .right), .init("carried_by", "carried by")],
                            rows: rows, notes: notes))
    }

    private static func row(_ figure: Impact.Row) -> [Value] {
        let isRate = switch figure.unit {
        case .fraction, .metric(percentage: true): true
        case .hours, .perDay, .metric(percentage: false): false
        }
        func value(_ x: Double?) -> Value { x.map { isRate ? .percent($0) : .number($0) } ?? .null }
        // Changes carry their sign; a rate's change is in percentage points.
        let change = figure.change.map { x in
            Value.typed(signed(isRate ? x * 100 : x) + (isRate && x != 0 ? "pp" : ""), x)
        } ?? .null
        let percent = figure.changePercent.map { Value.typed(signed($0) + ($0 != 0 ? "%" : ""), $0) } ?? .null
        return [.text(figure.stream), .text(figure.metric), value(figure.baseline), value(figure.degraded), change, percent,
                .list(figure.carriedBy.map(Value.text))]
    }

    /// A figure with its sign: `+0.2064`, `-1.354`, `0`.
    private static func signed(_ x: Double) -> String {
        let text = Figures.significant(x)
        return x > 0 ? "+" + text : text
    }
}
