import ValueStreams

/// A customer stream as both engines see it (DESIGN §6): each stage's visits, servers,
/// service and fixed wait once the supporting streams' levels have acted on it. Built once,
/// then read by the analytic engine, the window report and (later) the discrete-event engine.
public struct FlowNetwork: Sendable, Hashable {
    /// One stage of the open network.
    public struct Stage: Sendable, Hashable {
        public let name: String
        /// Mean visits per item, from the rework routing.
        public let visits: Double
        public let servers: Int
        /// Mean service per visit, hours, after capacity effects; infinite when f = 0 stopped it.
        public let serviceHours: Double
        public let serviceCV: Double
        /// Fixed wait per visit, hours (no server held), including latency added by links.
        public let fixedWaitHours: Double
        /// Probability a visit is defective and goes back to `reworkTo`.
        public let defectProbability: Double
        /// The stage a defective item goes back to, by index (this one by default).
        public let reworkTo: Int

        /// Arrivals per hour at this stage for `lambda` items per hour into the stream.
        public func arrivalsPerHour(_ lambda: Double) -> Double { lambda * visits }

        /// Items this stage can finish per hour: servers ÷ service time; 0 when stopped.
        public var capacityPerHour: Double {
            guard serviceHours.isFinite else { return 0 }
            return serviceHours > 0 ? Double(servers) / serviceHours : .infinity
        }

        /// Whether a capacity link at f = 0 has stopped the stage.
        public var isStopped: Bool { !serviceHours.isFinite }

        /// The stage as a queueing station, or nil when it has stopped.
        func station(_ lambda: Double) -> Queueing.Station? {
            guard serviceHours.isFinite else { return nil }
            return Queueing.Station(arrivalsPerHour: arrivalsPerHour(lambda), serviceHours: serviceHours, servers: servers, serviceCV: serviceCV)
        }
    }

    /// Why a stream cannot be simulated.
    public enum Unavailable: Error, Sendable, Hashable {
        case noDemand
        case noStages
        case stageWithoutTime(String)
        case routing

        /// What to tell the user about `stream`: "STREAM is not simulated: it has no demand; …".
        public func message(for stream: String) -> String {
            let reason: String
            switch self {
            case .noDemand: reason = "it has no demand; set one, e.g. set \(stream).demand = 20/day"
            case .noStages: reason = "it has no stages; add one, e.g. add stage \(stream) \"Do the work\" servers 1 time 30m"
            case .stageWithoutTime(let stage): reason = "stage '\(stage)' has no service time; set one, e.g. set \(stream)/\"\(stage)\".time = 30m"
            case .routing: reason = "its rework routing lets no item leave (rework_to a later stage, or defects of 100%)"
            }
            return "\(stream) is not simulated: \(reason)"
        }
    }

    /// The most a defect probability may reach once quality links add to it.
    public static let defectCap = 0.99

    public let stream: String
    public let arrivalsPerHour: Double
    /// The promised time-to-value, hours, if the stream has one.
    public let promiseHours: Double?
    public let stages: [Stage]
    /// Stages whose defect probability quality links pushed past the cap (a warning); a
    /// stage declared at or above it keeps its declared level and is not listed.
    public let cappedStages: [String]

    /// Share of items that pass every stage first time: the rolled first-pass yield.
    public var firstPassYield: Double { stages.reduce(1.0) { $0 * (1 - $1.defectProbability) } }

    /// `stream` under `propagation` (nil, or a nominal propagation, for the baseline).
    public init(_ stream: ValueStream, propagation: Propagation?) throws(Unavailable) {
        guard let demand = stream.demand, demand.perHour > 0 else { throw .noDemand }
        guard !stream.stages.isEmpty else { throw .noStages }
        var effective = stream
        var effects: [Propagation.StageEffect?] = []
        var capped: [String] = []
        for (index, stage) in stream.stages.enumerated() {
            guard stage.time != nil else { throw .stageWithoutTime(stage.name) }
            let effect = propagation?.effect(onStream: stream.id, stage: stage.name)
            effects.append(effect)
            if let added = effect?.addedDefects, added > 0 {
                let declared = stage.effectiveDefectProbability
                let raised = declared + added
                if declared < Self.defectCap, raised > Self.defectCap { capped.append(stage.name) }
                // The cap limits what links add; it never lowers what the model declares.
                effective.stages[index].defects = Fraction(value: min(max(declared, Self.defectCap), raised))
            }
        }
        guard let visits = Routing.visits(of: effective) else { throw .routing }
        self.stream = stream.id
        self.arrivalsPerHour = demand.perHour
        self.promiseHours = stream.promise?.hours
        self.cappedStages = capped
        self.stages = effective.stages.enumerated().map { index, stage in
            let effect = effects[index]
            let factor = effect?.capacityFactor ?? 1
            let base = stage.time?.hours ?? 0
            return Stage(name: stage.name, visits: visits[index], servers: stage.effectiveServers,
                         serviceHours: factor > 0 ? base / factor : .infinity, serviceCV: stage.effectiveCV,
                         fixedWaitHours: stage.effectiveWaitHours + (effect?.addedWaitHours ?? 0),
                         defectProbability: stage.effectiveDefectProbability,
                         reworkTo: stage.reworkTo.flatMap { effective.stageIndex(named: $0) } ?? index)
        }
    }
}
