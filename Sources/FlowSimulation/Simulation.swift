import ValueStreams

/// One customer stream simulated in both cases (DESIGN §6): the undegraded baseline and,
/// when the scenario has degradations, the degraded case.
public struct StreamSimulation: Sendable, Hashable {
    /// One case's figures.
    public struct Case: Sendable, Hashable {
        public let result: AnalyticEngine.StreamResult
        /// Outcome metrics from the response models, in declared order.
        public let metrics: [OutcomeMetrics.Outcome]
        /// What windowed degradations do to the items they touch; nil without a window, or
        /// when no window changes the stream.
        public let window: WindowReport?
    }

    /// The stream's id.
    public let stream: String
    /// The promised time-to-value, hours, if the stream has one.
    public let promiseHours: Double?
    public let baseline: Case
    /// Nil when the scenario has no degradations. Its steady figures reflect the
    /// degradations without a window; windowed ones are in `window`.
    public let degraded: Case?
    /// What propagation does to this stream's stages, for stages some link reaches, with
    /// every degradation in force (windowed ones too).
    public let effects: [Propagation.StageEffect]
    /// The links into this stream that pass on something other than at the baseline.
    public let carriers: [Propagation.Carrier]
    /// Stages whose defect probability quality links pushed to the 0.99 cap, with every
    /// degradation in force.
    public let cappedStages: [String]
}

/// The analytic engine over a model's customer streams.
public enum Simulation {
    /// A customer stream that cannot be simulated, and why.
    public struct Skipped: Sendable, Hashable {
        public let stream: String
        public let reason: FlowNetwork.Unavailable
    }

    /// What `simulate` and `impact` read: each customer stream in `streams` (all of the
    /// model's when nil), in model order.
    public struct Run: Sendable, Hashable {
        /// The customer streams simulated, in model order.
        public let streams: [StreamSimulation]
        /// The customer streams that could not be, and why.
        public let skipped: [Skipped]
        /// A dependency cycle among supporting streams, visited once.
        public let cycleNote: String?
        public let degradations: [Degradation]
    }

    /// Simulates the customer streams named by `ids` (every customer stream when nil).
    public static func analytic(_ model: Model, degradations: [Degradation], streams ids: [String]? = nil) -> Run {
        let lasting = degradations.filter { $0.window == nil }
        let propagation = Propagation(model: model, degradations: lasting)
        let everything = lasting.count == degradations.count ? propagation : Propagation(model: model, degradations: degradations)
        let plan = WindowReport.Plan(model: model, degradations: degradations)
        // The baseline is the model as declared: its service levels, no degradation.
        let undegraded = Propagation(model: model, degradations: [])
        var simulated: [StreamSimulation] = []
        var skipped: [Skipped] = []
        for stream in model.streams where stream.kind == .customer {
            if let ids, !ids.contains(where: { $0.caseInsensitiveEquals(stream.id) }) { continue }
            do throws(FlowNetwork.Unavailable) {
                simulated.append(try simulate(stream, degradations: degradations, baseline: undegraded, lasting: propagation,
                                              everything: everything, plan: plan))
            } catch {
                skipped.append(Skipped(stream: stream.id, reason: error))
            }
        }
        return Run(streams: simulated, skipped: skipped, cycleNote: propagation.cycleNote, degradations: degradations)
    }

    static func simulate(_ stream: ValueStream, degradations: [Degradation], baseline undegraded: Propagation, lasting: Propagation,
                         everything: Propagation, plan: WindowReport.Plan?) throws(FlowNetwork.Unavailable) -> StreamSimulation {
        let baseline = AnalyticEngine.run(try FlowNetwork(stream, propagation: undegraded))
        let baselineCase = StreamSimulation.Case(result: baseline, metrics: OutcomeMetrics.outcomes(of: stream, baseline: baseline, result: baseline),
                                                 window: nil)
        guard !degradations.isEmpty else {
            return StreamSimulation(stream: stream.id, promiseHours: stream.promise?.hours, baseline: baselineCase, degraded: nil, effects: [], carriers: [], cappedStages: [])
        }
        let network = try FlowNetwork(stream, propagation: lasting)
        let degraded = AnalyticEngine.run(network)
        let window = try plan.flatMap { plan throws(FlowNetwork.Unavailable) in try WindowReport.make(stream, plan: plan, steady: network) }
        let effects = everything.effects.filter { $0.stream == stream.id }
        let before = Set(undegraded.effects.filter { $0.stream == stream.id }.flatMap(\.changedBy))
        let carriers = effects.flatMap(\.changedBy).filter { !before.contains($0) }
        let capped = window == nil ? network.cappedStages : try FlowNetwork(stream, propagation: everything).cappedStages
        return StreamSimulation(
            stream: stream.id, promiseHours: stream.promise?.hours, baseline: baselineCase,
            degraded: StreamSimulation.Case(result: degraded, metrics: OutcomeMetrics.outcomes(of: stream, baseline: baseline, result: degraded),
                                            window: window),
            effects: effects, carriers: carriers, cappedStages: capped)
    }
}

/// One customer stream through the discrete-event engine, both cases drawing the same random
/// numbers (common random numbers), so their difference is the degradations' and not luck's.
public struct EventSimulation: Sendable, Hashable {
    public struct Case: Sendable, Hashable {
        public let result: DiscreteEventEngine.Result
        /// Outcome metrics from the response models, against the DES baseline.
        public let metrics: [OutcomeMetrics.Outcome]
    }

    /// The stream's id.
    public let stream: String
    public let baseline: Case
    /// Nil when the scenario has no degradations.
    public let degraded: Case?
    /// Stages whose defect probability quality links pushed past the 0.99 cap.
    public let cappedStages: [String]
}

extension Simulation {
    /// What `simulate engine des` reads: each customer stream named by `ids` (all when nil).
    public struct EventRun: Sendable, Hashable {
        public let streams: [EventSimulation]
        public let skipped: [Skipped]
        public let cycleNote: String?
        public let degradations: [Degradation]

        /// Whether a stop request ended it early.
        public var cancelled: Bool { streams.contains { $0.baseline.result.cancelled || $0.degraded?.result.cancelled == true } }
    }

    /// Runs the discrete-event engine on the customer streams named by `ids` (every one when
    /// nil), in model order; windows become phases of the degraded run.
    /// `progress` hears what is running (`open-account baseline`), and how many of its
    /// replications are done out of how many.
    public static func discreteEvent(_ model: Model, degradations: [Degradation], streams ids: [String]? = nil,
                                     settings: DiscreteEventEngine.Settings,
                                     shouldStop: @escaping @Sendable () -> Bool = { false },
                                     progress: @escaping @Sendable (String, Int, Int) -> Void = { _, _, _ in }) -> EventRun {
        let undegraded = Propagation(model: model, degradations: [])
        let lasting = Propagation(model: model, degradations: degradations.filter { $0.window == nil })
        let plan = WindowReport.Plan(model: model, degradations: degradations)
        var simulated: [EventSimulation] = []
        var skipped: [Skipped] = []
        for stream in model.streams where stream.kind == .customer {
            if let ids, !ids.contains(where: { $0.caseInsensitiveEquals(stream.id) }) { continue }
            do throws(FlowNetwork.Unavailable) {
                let id = stream.id
                let baseline = DiscreteEventEngine.run(.init(steady: try FlowNetwork(stream, propagation: undegraded)), settings: settings,
                                                       shouldStop: shouldStop) { progress("\(id) baseline", $0, settings.runs) }
                let baselineCase = EventSimulation.Case(result: baseline, metrics: OutcomeMetrics.outcomes(of: stream, baseline: baseline, result: baseline))
                var degradedCase: EventSimulation.Case?
                var capped: [String] = []
                if !degradations.isEmpty {
                    var phases: [DiscreteEventEngine.Timeline.Phase] = []
                    for phase in plan?.phases ?? [] {
                        phases.append(.init(start: phase.start, end: phase.end, network: try FlowNetwork(stream, propagation: phase.propagation)))
                    }
                    let timeline = DiscreteEventEngine.Timeline(steady: try FlowNetwork(stream, propagation: lasting), phases: phases)
                    capped = ([timeline.steady] + phases.map(\.network)).flatMap(\.cappedStages).reduce(into: []) { if !$0.contains($1) { $0.append($1) } }
                    let degraded = DiscreteEventEngine.run(timeline, settings: settings, shouldStop: shouldStop) {
                        progress("\(id) degraded", $0, settings.runs)
                    }
                    degradedCase = EventSimulation.Case(result: degraded, metrics: OutcomeMetrics.outcomes(of: stream, baseline: baseline, result: degraded))
                }
                simulated.append(EventSimulation(stream: stream.id, baseline: baselineCase, degraded: degradedCase, cappedStages: capped))
            } catch {
                skipped.append(Skipped(stream: stream.id, reason: error))
            }
        }
        return EventRun(streams: simulated, skipped: skipped, cycleNote: lasting.cycleNote, degradations: degradations)
    }
}
