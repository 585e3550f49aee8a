import Foundation
import ValueStreams

/// The analytic engine (DESIGN §6): steady-state flow metrics of a customer stream, from
/// visit ratios, Erlang C / Allen–Cunneen waits and fixed waits, under the effects that
/// propagation gives each stage. Instant, and exact for Jackson networks (Poisson arrivals,
/// exponential service, Markov rework).
public enum AnalyticEngine {
    /// One stage's steady state.
    public struct StageResult: Sendable, Hashable {
        public let stage: String
        public let visits: Double
        /// Offered load ÷ servers; nil when a capacity link at f = 0 has stopped the stage.
        public let utilisation: Double?
        /// Mean wait in the queue per visit, hours; nil when overloaded or stopped.
        public let queueWaitHours: Double?
        /// Fixed wait per visit, hours, including latency added by integration points.
        public let fixedWaitHours: Double
        /// Mean service per visit, hours, after capacity effects; nil when stopped.
        public let serviceHours: Double?
        /// Items arriving beyond what the stage can pass on, per day; 0 unless overloaded.
        public let backlogGrowthPerDay: Double

        /// Whether work arrives faster than the stage can do it (utilisation ≥ 1, or stopped).
        public var isOverloaded: Bool { queueWaitHours == nil }
    }

    /// A stream's steady state. Time-to-value figures are nil when any stage is overloaded.
    public struct StreamResult: Sendable, Hashable {
        public let stream: String
        public let stages: [StageResult]
        public let throughputPerDay: Double
        public let timeToValueMeanHours: Double?
        public let timeToValueP50Hours: Double?
        public let timeToValueP90Hours: Double?
        public let timeToValueP95Hours: Double?
        /// P(time-to-value ≤ promise); nil without a promise or when overloaded.
        public let onTimeRate: Double?
        /// Share of items reworked at least once: 1 − rolled first-pass yield.
        public let defectRate: Double
        /// Mean items in the stream (Little's law); nil when overloaded.
        public let wip: Double?
        /// Service time ÷ time-to-value; nil when overloaded.
        public let flowEfficiency: Double?
        /// Items arriving beyond what leaves, per day (demand − throughput); nil unless overloaded.
        public let backlogGrowthPerDay: Double?

        public var isOverloaded: Bool { backlogGrowthPerDay != nil }
    }

    /// The stream's steady state under `propagation` (nil for the baseline).
    public static func run(_ stream: ValueStream, propagation: Propagation?) throws(FlowNetwork.Unavailable) -> StreamResult {
        run(try FlowNetwork(stream, propagation: propagation))
    }

    /// The network's steady state. When a stage cannot keep up, the stages after it see
    /// only what it passes on, so the backlog builds where the constraint is.
    public static func run(_ network: FlowNetwork) -> StreamResult {
        let lambda = network.arrivalsPerHour
        var stages: [StageResult] = []
        var passing = lambda
        for spec in network.stages {
            let limit = spec.visits > 0 ? spec.capacityPerHour / spec.visits : .infinity
            stages.append(stage(spec, passing, growth: max(0, passing - limit)))
            passing = min(passing, limit)
        }
        let defectRate = 1 - network.firstPassYield
        guard !stages.contains(where: \.isOverloaded) else {
            return StreamResult(stream: network.stream, stages: stages, throughputPerDay: passing * 24,
                                timeToValueMeanHours: nil, timeToValueP50Hours: nil, timeToValueP90Hours: nil, timeToValueP95Hours: nil,
                                onTimeRate: nil, defectRate: defectRate, wip: nil, flowEfficiency: nil,
                                backlogGrowthPerDay: (lambda - passing) * 24)
        }
        let distribution = TimeToValue(stages)
        let mean = distribution.fixed + distribution.mean
        let serviceTotal = stages.reduce(0) { $0 + $1.visits * ($1.serviceHours ?? 0) }
        return StreamResult(
            stream: network.stream, stages: stages, throughputPerDay: lambda * 24, timeToValueMeanHours: mean,
            timeToValueP50Hours: distribution.quantile(0.5), timeToValueP90Hours: distribution.quantile(0.9),
            timeToValueP95Hours: distribution.quantile(0.95),
            onTimeRate: network.promiseHours.map { distribution.probability(atMost: $0) },
            defectRate: defectRate, wip: lambda * mean, flowEfficiency: mean > 0 ? serviceTotal / mean : nil,
            backlogGrowthPerDay: nil)
    }

    /// One stage's steady state when `lambda` items per hour reach it; `growth` items per
    /// hour more than it can pass on.
    static func stage(_ stage: FlowNetwork.Stage, _ lambda: Double, growth: Double = 0) -> StageResult {
        guard let station = stage.station(lambda) else {
            // Stopped: everything that arrives queues.
            return StageResult(stage: stage.name, visits: stage.visits, utilisation: nil, queueWaitHours: nil,
                               fixedWaitHours: stage.fixedWaitHours, serviceHours: nil, backlogGrowthPerDay: lambda * 24)
        }
        return StageResult(stage: stage.name, visits: stage.visits, utilisation: station.utilisation,
                           queueWaitHours: Queueing.meanQueueWait(station), fixedWaitHours: stage.fixedWaitHours,
                           serviceHours: stage.serviceHours, backlogGrowthPerDay: growth * 24)
    }
}
