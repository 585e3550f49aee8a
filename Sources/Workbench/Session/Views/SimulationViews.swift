import FlowSimulation
import ValueStreams

/// `simulate` and `impact`: the analytic engine's figures, for people and for programs.
enum SimulationViews {
    /// The customer streams a command is about: `name`, or all of them.
    static func run(_ name: Operand?, in model: Model, degradations: [Degradation]) throws(LanguageError) -> Simulation.Run {
        guard let ids = try customerStream(name, in: model) else { return Simulation.analytic(model, degradations: degradations) }
        let run = Simulation.analytic(model, degradations: degradations, streams: ids)
        try refuseSkipped(run.skipped, name)
        return run
    }

    /// The same through the discrete-event engine.
    static func runEvents(_ name: Operand?, in model: Model, degradations: [Degradation], settings: DiscreteEventEngine.Settings,
                          shouldStop: @escaping @Sendable () -> Bool,
                          progress: @escaping @Sendable (String, Int, Int) -> Void) throws(LanguageError) -> Simulation.EventRun {
        let ids = try customerStream(name, in: model)
        let run = Simulation.discreteEvent(model, degradations: degradations, streams: ids, settings: settings, shouldStop: shouldStop,
                                           progress: progress)
        try refuseSkipped(run.skipped, name)
        return run
    }

    /// A DES run must reach the end of every window to say what it did.
    static func refuseWindowsPastHorizon(_ degradations: [Degradation], settings: DiscreteEventEngine.Settings,
                                         horizon: Operand?) throws(LanguageError) {
        guard let end = degradations.compactMap(\.window).map({ $0.start.hours + $0.length.hours }).max(),
              end >= settings.horizonHours else { return }
        throw LanguageError("a window ends at \(end.shortDecimal)h, \(end > settings.horizonHours ? "after" : "at") the horizon of \(settings.horizonHours.shortDecimal)h; "
                            + "give a horizon that leaves time to clear, e.g. horizon \((2 * end).rounded(.up).shortDecimal)h", at: horizon?.span)
    }

    /// The one customer stream `name` names, as a list of its id; nil without a name.
    private static func customerStream(_ name: Operand?, in model: Model) throws(LanguageError) -> [String]? {
        guard let name else { return nil }
        if case (let stream, _?) = StreamViews.splitMetric(name, in: model), model.streamIndex(stream.text) != nil {
            throw LanguageError("one figure is explained with why: write impact \(name.text) why", at: name.span)
        }
        let stream = try StreamViews.resolve(name, in: model)
        guard stream.kind == .customer else {
            throw LanguageError("\(stream.id) is a supporting stream; simulate the customer streams it enables (deps \(stream.id) shows them)",
                                at: name.span)
        }
        return [stream.id]
    }

    /// A named stream that cannot be simulated is an error, not a note.
    private static func refuseSkipped(_ skipped: [Simulation.Skipped], _ name: Operand?) throws(LanguageError) {
        if let name, let first = skipped.first { throw LanguageError(first.reason.message(for: first.stream), at: name.span) }
    }

    /// Warnings every simulation result carries: capped defects, a dependency cycle.
    static func warnings(_ run: Simulation.Run) -> [String] {
        warnings(cycleNote: run.cycleNote, capped: run.streams.map { ($0.stream, $0.cappedStages) })
    }

    static func warnings(_ run: Simulation.EventRun) -> [String] {
        warnings(cycleNote: run.cycleNote, capped: run.streams.map { ($0.stream, $0.cappedStages) })
    }

    private static func warnings(cycleNote: String?, capped: [(stream: String, stages: [String])]) -> [String] {
        var warnings = cycleNote.map { ["warning: \($0)"] } ?? []
        for (stream, stages) in capped {
            for stage in stages {
                warnings.append("warning: \(stream)/\(stage): quality links push the defect probability past \(Figures.percent(FlowNetwork.defectCap)); capped there")
            }
        }
        return warnings
    }

    /// Notes for streams not simulated, so nobody wonders where they went.
    static func skippedNotes(_ skipped: [Simulation.Skipped]) -> [String] {
        skipped.map { $0.reason.message(for: $0.stream) + "." }
    }

    // MARK: simulate

    /// An example degrade on this model's first supporting stream.
    static func degradeHint(_ model: Model) -> String {
        "degrade \(model.streams.first { $0.kind == .supporting }?.id ?? "SUPPORTING") availability to 90%"
    }

    static func simulate(_ run: Simulation.Run, in model: Model, scenario: String) -> CommandResult {
        simulate(run.streams.map { [CaseFigures($0.baseline, "baseline")] + ($0.degraded.map { [CaseFigures($0, "degraded")] } ?? []) },
                 streams: run.streams.map(\.stream), skipped: skippedNotes(run.skipped), degraded: !run.degradations.isEmpty,
                 in: model, scenario: scenario)
    }

    static func simulate(_ run: Simulation.EventRun, in model: Model, scenario: String) -> CommandResult {
        var notes = skippedNotes(run.skipped)
        if run.cancelled { notes.insert("Stopped: the figures are those of the replications done.", at: 0) }
        return simulate(run.streams.map { [CaseFigures($0.baseline, "baseline")] + ($0.degraded.map { [CaseFigures($0, "degraded")] } ?? []) },
                        streams: run.streams.map(\.stream), skipped: notes, degraded: !run.degradations.isEmpty,
                        in: model, scenario: scenario)
    }

    /// Each stream's cases as sections for people and one JSON line per case for programs.
    private static func simulate(_ cases: [[CaseFigures]], streams: [String], skipped: [String], degraded: Bool,
                                 in model: Model, scenario: String) -> CommandResult {
        var sections: [Section] = []
        var rows: [Value] = []
        for (stream, figures) in zip(streams, cases) {
            sections += streamSections(stream, figures)
            rows += figures.map { $0.data(stream) }
        }
        var notes = skipped
        if streams.isEmpty, notes.isEmpty { notes = ["No customer streams to simulate."] }
        if !degraded, !streams.isEmpty {
            notes.append("No degradations in scenario \(scenario), so only the baseline; \(degradeHint(model)) gives a degraded case.")
        }
        if !notes.isEmpty { sections.append(Section(lines: notes)) }
        return .document(Document(sections: sections, data: .list(rows)))
    }

    /// One stream's figures in text: a table of the flow figures and metrics by case, then
    /// one of its stages.
    private static func streamSections(_ stream: String, _ cases: [CaseFigures]) -> [Section] {
        guard let baseline = cases.first else { return [] }
        var columns: [Table.Column] = [.init("figure")]
        columns += cases.map { Table.Column($0.name, nil, .right) }
        func line(_ label: String, _ value: (CaseFigures) -> Value) -> [Value] { [.text(label)] + cases.map(value) }
        let hasInterval = cases.contains { $0.halfWidthHours != nil }
        var figures: [[Value]] = [line("throughput/day") { .number($0.throughputPerDay) }]
        figures.append(line("time-to-value mean (h)") { number($0.meanHours) })
        if hasInterval { figures.append(line("  ± 95% (h)") { number($0.halfWidthHours) }) }
        figures += [
            line("time-to-value p50 (h)") { number($0.p50Hours) },
            line("time-to-value p90 (h)") { number($0.p90Hours) },
            line("time-to-value p95 (h)") { number($0.p95Hours) },
            line("on-time rate") { percent($0.onTimeRate) },
            line("defect rate") { percent($0.defectRate) },
            line("work in progress") { number($0.wip) },
            line("flow efficiency") { percent($0.flowEfficiency) },
        ]
        if cases.contains(where: \.overloaded) {
            figures.append(line("backlog growth/day") { number($0.backlogGrowthPerDay) })
        }
        if baseline.events != nil {
            figures.append(line("events") { $0.events.map(Value.integer) ?? .null })
        }
        for (index, metric) in baseline.metrics.enumerated() {
            figures.append(line(metric.metric) { outcome($0.metrics[index]) })
        }
        var notes = baseline.metrics.map { "\($0.metric): \($0.model)" }
        let window = cases.last?.window
        if let window { notes.insert(windowNote(window), at: 0) }
        var chart: Chart?
        if let series = cases.last?.series, let peak = series.max(by: { $0.wip < $1.wip }) {
            chart = Chart("Work in progress over the horizon",
                          .series(series.map { Chart.Point(x: $0.timeHours, y: $0.wip) }, xLabel: "hours", yLabel: "items in the stream",
                                  summary: "(peak \(Figures.significant(peak.wip)) at \(Figures.significant(peak.timeHours))h)",
                                  bands: window.map { [Chart.Band(from: $0.startHours, to: $0.startHours + $0.durationHours,
                                                                  label: "the window, \($0.startHours.shortDecimal)–\(($0.startHours + $0.durationHours).shortDecimal)h")] } ?? []))
        }
        if cases.contains(where: \.overloaded) {
            notes.insert("Overloaded: work arrives faster than a stage can do it, so time-to-value has no steady value.", at: 0)
        }
        if cases.contains(where: \.truncated) {
            notes.insert("Truncated: the event budget stopped a replication before the horizon (or its backlog passed \(DiscreteEventEngine.maximumInSystem) items).", at: 0)
        }
        var stageColumns: [Table.Column] = [.init("stage")]
        for figures in cases {
            stageColumns += [.init("\(figures.name)_utilization", "utilisation (\(figures.name))", .right),
                             .init("\(figures.name)_wait_mean_h", "wait h (\(figures.name))", .right)]
        }
        let stageRows: [[Value]] = baseline.stages.indices.map { index in
            [.text(baseline.stages[index].name)] + cases.flatMap { [percent($0.stages[index].utilisation), number($0.stages[index].waitHours)] }
        }
        var title = "\(stream): \(baseline.engineTitle)"
        if window != nil, baseline.engine == "analytic" { title += "; degraded = outside the window" }
        if cases.last?.series?.isEmpty == false { title += "; degraded = over the whole horizon, windows included" }
        return [Section(title: title, table: Table(columns: columns, rows: figures, notes: notes, chart: chart)),
                Section(table: Table(columns: stageColumns, rows: stageRows))]
    }

    static func windowNote(_ window: WindowReport) -> String {
        let span = "The window (\(window.durationHours.shortDecimal)h from \(window.startHours.shortDecimal)h)"
        switch window.incomplete {
        case .overloaded?: return span + ": the stream is overloaded outside it too, so its backlog never clears."
        case .unresolved?: return span + ": its backlog did not clear within the fluid's bound on events; no figures."
        case .notReached?: return span + ": no replication reached it (the run stopped early); no figures."
        case .notCleared?:
            let peak = window.peakBacklog.map { ": at most \(Figures.significant($0)) wait at once, and" } ?? ":"
            return span + peak + " its backlog had not cleared by the end of the horizon; give a longer horizon for its items' figures."
        case nil: break
        }
        guard let items = window.itemsAffected, let peak = window.peakBacklog else { return span + ": no figures." }
        let figures = window.timeToValueMeanHours.map { mean in
            ": their time-to-value averages \(Figures.significant(mean))h"
                + (window.timeToValueP90Hours.map { ", p90 \(Figures.significant($0))h" } ?? "")
        } ?? ""
        let clearing = window.clearHours.map { $0 > 0 ? ", clearing \(Figures.significant($0))h after it ends" : "" } ?? ""
        let how = window.method == .discreteEvent ? "means over the replications" : "\(window.method.rawValue) approximation"
        return span + " touches about \(items) items" + figures + "; at most \(Figures.significant(peak)) wait at once" + clearing + " (\(how))."
    }

    static func windowData(_ window: WindowReport) -> Value {
        .object([
            .init("start_h", .number(window.startHours)), .init("duration_h", .number(window.durationHours)),
            .init("items_affected", window.itemsAffected.map(Value.integer) ?? .null),
            .init("ttv_mean_h", number(window.timeToValueMeanHours)), .init("ttv_p90_h", number(window.timeToValueP90Hours)),
            .init("peak_backlog", number(window.peakBacklog)), .init("clear_h", number(window.clearHours)),
        ])
    }

    static func number(_ value: Double?) -> Value { value.map(Value.number) ?? .null }
    static func percent(_ value: Double?) -> Value { value.map(Value.percent) ?? .null }

    static func outcome(_ metric: OutcomeMetrics.Outcome) -> Value {
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
        var moved: [Chart.Bar] = []
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
            for figure in figures where figure.isChanged {
                guard let percent = figure.changePercent, percent != 0 else { continue }
                moved.append(Chart.Bar("\(stream.stream) \(figure.metric)", percent, signed(percent) + "%"))
            }
            if let window = stream.degraded?.window { notes.append("\(stream.stream): " + windowNote(window)) }
            if stream.degraded?.result.isOverloaded == true, !stream.baseline.result.isOverloaded {
                notes.append("\(stream.stream) is overloaded when degraded: its backlog grows by "
                             + "\(Figures.significant(stream.degraded?.result.backlogGrowthPerDay ?? 0)) a day, so time-to-value has no steady value.")
            }
        }
        if !rows.isEmpty { notes.append("A rate's change is in percentage points (pp); change % is relative to the baseline.") }
        if !unaffected.isEmpty { notes.append("Unaffected: " + unaffected.joined(separator: ", ") + ".") }
        notes += skippedNotes(run.skipped)
        return .table(Table(columns: [.init("stream"), .init("metric"), .init("baseline", nil, .right), .init("degraded", nil, .right),
                                      .init("change", nil, .right), .init("change_pct", "change %", .right), .init("carried_by", "carried by")],
                            rows: rows, notes: notes, chart: moved.isEmpty ? nil : Chart("Change % by figure", .bars(moved, width: 20))))
    }

    private static func row(_ figure: Impact.Row) -> [Value] {
        let percent = figure.changePercent.map { Value.typed(signed($0) + ($0 != 0 ? "%" : ""), $0) } ?? .null
        return [.text(figure.stream), .text(figure.metric), value(figure.baseline, figure.unit), value(figure.degraded, figure.unit),
                change(figure), percent, .list(figure.carriedBy.map(Value.text))]
    }

    /// Whether figures of `unit` read as rates: shown in per cent, their changes in points.
    static func isRate(_ unit: Impact.Unit) -> Bool {
        switch unit {
        case .fraction, .metric(percentage: true): true
        case .hours, .perDay, .metric(percentage: false): false
        }
    }

    /// A figure of an impact row, in per cent for rates.
    static func value(_ x: Double?, _ unit: Impact.Unit) -> Value { x.map { isRate(unit) ? .percent($0) : .number($0) } ?? .null }

    /// A row's change with its sign; a rate's in percentage points (`-1.354pp`).
    static func change(_ figure: Impact.Row) -> Value {
        figure.change.map { x in Value.typed(changeText(x, figure.unit), x) } ?? .null
    }

    /// A change with its sign, in points for rates: `+0.2064`, `-1.354pp`, `0`.
    static func changeText(_ x: Double, _ unit: Impact.Unit) -> String {
        let rate = isRate(unit)
        return signed(rate ? x * 100 : x) + (rate && x != 0 ? "pp" : "")
    }

    /// A figure with its sign: `+0.2064`, `-1.354`, `0`.
    static func signed(_ x: Double) -> String {
        let text = Figures.significant(x)
        return x > 0 ? "+" + text : text
    }
}
