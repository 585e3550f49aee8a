import FlowSimulation
import ValueStreams

/// One case of one stream as `simulate` shows it, from either engine: the figures DESIGN §6
/// names, so one renderer serves both.
struct CaseFigures {
    struct StageFigures {
        let name: String
        let utilisation: Double?
        /// Time per visit not in service: the fixed wait and the queue.
        let waitHours: Double?
    }

    /// `baseline` or `degraded`.
    let name: String
    /// `analytic` or `des`.
    let engine: String
    let throughputPerDay: Double
    let meanHours: Double?
    /// The DES's 95 % half-width; nil for the analytic engine.
    let halfWidthHours: Double?
    let p50Hours: Double?
    let p90Hours: Double?
    let p95Hours: Double?
    let onTimeRate: Double?
    let defectRate: Double?
    let wip: Double?
    let flowEfficiency: Double?
    let overloaded: Bool
    let backlogGrowthPerDay: Double?
    let stages: [StageFigures]
    /// Arrivals and service completions the DES processed; nil for the analytic engine.
    let events: Int?
    let truncated: Bool
    let metrics: [OutcomeMetrics.Outcome]
    let window: WindowReport?
    /// The DES's time series of a windowed run; nil for the analytic engine.
    let series: [DiscreteEventEngine.SeriesPoint]?

    var engineTitle: String { engine == "des" ? "discrete-event engine" : "analytic engine" }

    init(_ simulated: StreamSimulation.Case, _ name: String) {
        let stages = simulated.result.stages.map { stage in
            StageFigures(name: stage.stage, utilisation: stage.utilisation, waitHours: stage.queueWaitHours.map { $0 + stage.fixedWaitHours })
        }
        self.init(name, "analytic", simulated.result, stages: stages, metrics: simulated.metrics, window: simulated.window)
    }

    init(_ simulated: EventSimulation.Case, _ name: String) {
        let result = simulated.result
        self.init(name, "des", result, stages: result.stages.map { StageFigures(name: $0.stage, utilisation: $0.utilisation, waitHours: $0.waitMeanHours) },
                  metrics: simulated.metrics, window: result.window, halfWidthHours: result.timeToValueHalfWidthHours,
                  events: result.events, truncated: result.truncated, series: result.series)
    }

    /// The figures both engines give, and what only the DES has.
    private init(_ name: String, _ engine: String, _ result: some FlowFigures, stages: [StageFigures], metrics: [OutcomeMetrics.Outcome],
                 window: WindowReport?, halfWidthHours: Double? = nil, events: Int? = nil, truncated: Bool = false,
                 series: [DiscreteEventEngine.SeriesPoint]? = nil) {
        self.name = name
        self.engine = engine
        throughputPerDay = result.throughputPerDay
        meanHours = result.timeToValueMeanHours
        self.halfWidthHours = halfWidthHours
        p50Hours = result.timeToValueP50Hours
        p90Hours = result.timeToValueP90Hours
        p95Hours = result.timeToValueP95Hours
        onTimeRate = result.onTimeRate
        defectRate = result.defectRateFigure
        wip = result.wip
        flowEfficiency = result.flowEfficiency
        overloaded = result.isOverloaded
        backlogGrowthPerDay = result.backlogGrowthPerDay
        self.stages = stages
        self.events = events
        self.truncated = truncated
        self.metrics = metrics
        self.window = window
        self.series = series
    }

    /// The case for programs, in DESIGN §6's key order.
    func data(_ stream: String) -> Value {
        typealias Views = SimulationViews
        return .object([
            .init("stream", .text(stream)), .init("case", .text(name)), .init("engine", .text(engine)),
            .init("throughput_per_day", .number(throughputPerDay)),
            .init("time_to_value_mean_h", Views.number(meanHours)),
            .init("time_to_value_p90_h", Views.number(p90Hours)),
            .init("time_to_value_ci95_h", Views.number(halfWidthHours)),
            .init("on_time_rate", Views.percent(onTimeRate)), .init("defect_rate", Views.percent(defectRate)),
            .init("overloaded", .bool(overloaded)),
            .init("stages", .list(stages.map { stage in
                .object([.init("stage", .text(stage.name)), .init("utilization", Views.percent(stage.utilisation)),
                         .init("wait_mean_h", Views.number(stage.waitHours))])
            })),
            .init("events", events.map(Value.integer) ?? .null),
            .init("metrics", .list(metrics.map { metric in
                .object([.init("metric", .text(metric.metric)), .init("value", Views.outcome(metric)), .init("model", .text(metric.model))])
            })),
            .init("time_to_value_p50_h", Views.number(p50Hours)),
            .init("time_to_value_p95_h", Views.number(p95Hours)),
            .init("wip", Views.number(wip)), .init("flow_efficiency", Views.percent(flowEfficiency)),
            .init("backlog_growth_per_day", Views.number(backlogGrowthPerDay)),
            .init("truncated", .bool(truncated)),
            .init("window", window.map(Views.windowData) ?? .null),
        ] + (series.map { [.init("series", $0.isEmpty ? .null : .list($0.map(Self.point)))] } ?? []))
    }

    private static func point(_ point: DiscreteEventEngine.SeriesPoint) -> Value {
        .object([.init("t_h", .number(point.timeHours)), .init("wip", .number(point.wip)),
                 .init("ttv_mean_h", point.timeToValueMeanHours.map(Value.number) ?? .null)])
    }
}
