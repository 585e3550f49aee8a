import ValueStreams

/// The chain behind one degraded figure (`impact X why`): the degradations, each propagation
/// step with its factor, the stage parameters it changed, and the engine's result, so every
/// figure can be traced to the one before it.
public struct Explanation: Sendable, Hashable {
    /// A figure at the baseline and degraded.
    public struct Pair: Sendable, Hashable {
        public let baseline: Double?
        public let degraded: Double?
    }

    /// What changed at one stage, and what the engine made of it.
    public struct StageChange: Sendable, Hashable {
        public let stage: String
        public let visits: Pair
        /// Mean service per visit, hours; nil when stopped.
        public let serviceHours: Pair
        public let fixedWaitHours: Pair
        public let defectProbability: Pair
        public let utilisation: Pair
        /// Mean queue wait per visit, hours; nil when overloaded.
        public let queueWaitHours: Pair
        /// The stage's part of the mean time-to-value: visits × (queue + service + fixed wait).
        public let timeToValueHours: Pair
    }

    public let stream: String
    /// The figure explained, as `impact` shows it.
    public let figure: Impact.Row
    /// The degradations in force for it (windowed ones only for the window's figures).
    public let degradations: [Degradation]
    /// The propagation steps that reach this stream: the degradations of the streams upstream
    /// of its carriers, the supporting → supporting links between them, and the links into
    /// its stages.
    public let steps: [Propagation.Step]
    /// The stages whose parameters differ from the baseline, in stream order.
    public let stages: [StageChange]
    /// For an outcome metric: its response model, and the rows of the drivers it reads.
    public let model: String?
    public let drivers: [Impact.Row]

    /// The figures `impact` shows for a stream, by the name `impact X.METRIC why` takes.
    public static func metrics(of simulation: StreamSimulation) -> [String] { Impact.rows(simulation).map(\.metric) }

    /// Explains `metric` (a row of `impact`, matched case-insensitively) of customer stream
    /// `id` under `degradations`; nil when the stream is not simulated, has no such figure, or
    /// there are no degradations.
    public static func explain(_ model: Model, degradations: [Degradation], stream id: String, metric: String) -> Explanation? {
        guard !degradations.isEmpty,
              let simulation = Simulation.analytic(model, degradations: degradations, streams: [id]).streams.first,
              case let rows = Impact.rows(simulation),
              let figure = rows.first(where: { $0.metric.caseInsensitiveEquals(metric) }),
              let index = model.streamIndex(id) else { return nil }
        let stream = model.streams[index]
        let isWindow = figure.metric.hasPrefix(Impact.windowPrefix)
        let inForce = isWindow ? degradations : degradations.filter { $0.window == nil }
        let propagation = Propagation(model: model, degradations: inForce)
        guard let baseline = try? FlowNetwork(stream, propagation: Propagation(model: model, degradations: [])),
              let degraded = try? FlowNetwork(stream, propagation: propagation) else { return nil }
        let steps = relevantSteps(propagation.trace, into: stream.id)
        let before = AnalyticEngine.run(baseline).stages
        let after = AnalyticEngine.run(degraded).stages
        var stages: [StageChange] = []
        for i in baseline.stages.indices where baseline.stages[i] != degraded.stages[i] {
            let (b, d) = (baseline.stages[i], degraded.stages[i])
            func pair(_ read: (FlowNetwork.Stage) -> Double?) -> Pair { Pair(baseline: read(b), degraded: read(d)) }
            func result(_ read: (AnalyticEngine.StageResult) -> Double?) -> Pair { Pair(baseline: read(before[i]), degraded: read(after[i])) }
            stages.append(StageChange(
                stage: b.name, visits: pair(\.visits), serviceHours: pair { $0.isStopped ? nil : $0.serviceHours },
                fixedWaitHours: pair(\.fixedWaitHours), defectProbability: pair(\.defectProbability),
                utilisation: result(\.utilisation), queueWaitHours: result(\.queueWaitHours),
                timeToValueHours: result { stage in
                    guard let queue = stage.queueWaitHours, let service = stage.serviceHours else { return nil }
                    return stage.visits * (queue + service + stage.fixedWaitHours)
                }))
        }
        let outcome = simulation.degraded?.metrics.first { $0.metric.caseInsensitiveEquals(figure.metric) }
        let drivers = outcome.map { outcome in rows.filter { row in outcome.drivers.contains { $0.rawValue == row.metric } } } ?? []
        return Explanation(stream: stream.id, figure: figure, degradations: inForce, steps: steps, stages: stages,
                           model: outcome?.model, drivers: drivers)
    }

    /// The steps that reach `stream`: links into its stages, then back along the links into
    /// their sources, and those sources' degradations.
    static func relevantSteps(_ trace: [Propagation.Step], into stream: String) -> [Propagation.Step] {
        let prefix = stream + "/"
        var upstream = Set(trace.filter { $0.link != nil && $0.target.hasPrefix(prefix) }.map(\.source))
        // Each round adds the sources feeding the streams found; a chain is at most as long as
        // the trace, so this ends.
        for _ in trace.indices {
            let more = Set(trace.filter { $0.link != nil && upstream.contains($0.target) }.map(\.source)).subtracting(upstream)
            if more.isEmpty { break }
            upstream.formUnion(more)
        }
        return trace.filter { $0.target.hasPrefix(prefix) || upstream.contains($0.target) }
    }
}
