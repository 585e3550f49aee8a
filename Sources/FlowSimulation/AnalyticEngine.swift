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
        public let utilisation: Double
        /// Mean wait in the queue per visit, hours; nil when overloaded.
        public let queueWaitHours: Double?
        /// Fixed wait per visit, hours, including latency added by integration points.
        public let fixedWaitHours: Double
        /// Mean service per visit, hours, after capacity effects.
        public let serviceHours: Double
        /// Arrivals beyond capacity, per day; 0 unless overloaded.
        public let backlogGrowthPerDay: Double
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
        /// The worst stage's backlog growth per day; nil unless overloaded.
        public let backlogGrowthPerDay: Double?

        public var isOverloaded: Bool { backlogGrowthPerDay != nil }
    }

    /// Why a stream cannot be computed.
    public enum Unavailable: Error, Sendable, Hashable {
        case noDemand
        case noStages
        case stageWithoutTime(String)
        case routing
    }

    /// The stream's steady state under `propagation` (pass a nominal one for the baseline).
    public static func run(_ stream: ValueStream, propagation: Propagation?) throws(Unavailable) -> StreamResult {
        guard let demand = stream.demand, demand.perHour > 0 else { throw .noDemand }
        guard !stream.stages.isEmpty else { throw .noStages }
        var effective = stream
        var effects: [Propagation.StageEffect?] = []
        for (index, stage) in stream.stages.enumerated() {
            guard stage.time != nil else { throw .stageWithoutTime(stage.name) }
            let effect = propagation?.effect(onStream: stream.id, stage: stage.name)
            effects.append(effect)
            if let added = effect?.addedDefects, added > 0 {
                // Quality trouble adds rework, capped below certainty.
                effective.stages[index].defects = Fraction(value: min(0.99, stage.effectiveDefectProbability + added))
            }
        }
        guard let visits = Routing.visits(of: effective) else { throw .routing }
        let lambda = demand.perHour
        var stages: [StageResult] = []
        for (index, stage) in effective.stages.enumerated() {
            let effect = effects[index]
            let factor = effect?.capacityFactor ?? 1
            let baseService = stage.time?.hours ?? 0
            let service = factor > 0 ? baseService / factor : .infinity
            let arrivals = lambda * visits[index]
            let fixed = stage.effectiveWaitHours + (effect?.addedWaitHours ?? 0)
            let servers = stage.effectiveServers
            if !service.isFinite {
                // The stage has stopped: everything that arrives queues.
                stages.append(StageResult(stage: stage.name, visits: visits[index], utilisation: .infinity, queueWaitHours: nil,
                                          fixedWaitHours: fixed, serviceHours: baseService, backlogGrowthPerDay: arrivals * 24))
                continue
            }
            let station = Queueing.Station(arrivalsPerHour: arrivals, serviceHours: service, servers: servers, serviceCV: stage.effectiveCV)
            stages.append(StageResult(stage: stage.name, visits: visits[index], utilisation: station.utilisation,
                                      queueWaitHours: Queueing.meanQueueWait(station), fixedWaitHours: fixed, serviceHours: service,
                                      backlogGrowthPerDay: station.isOverloaded ? station.backlogGrowthPerHour * 24 : 0))
        }
        let firstPass = effective.stages.reduce(1.0) { $0 * (1 - $1.effectiveDefectProbability) }
        let overloaded = stages.contains { $0.queueWaitHours == nil }
        guard !overloaded else {
            let growth = stages.map(\.backlogGrowthPerDay).max() ?? 0
            return StreamResult(stream: stream.id, stages: stages, throughputPerDay: throughputWhenOverloaded(stages, lambda),
                                timeToValueMeanHours: nil, timeToValueP50Hours: nil, timeToValueP90Hours: nil, timeToValueP95Hours: nil,
                                onTimeRate: nil, defectRate: 1 - firstPass, wip: nil, flowEfficiency: nil, backlogGrowthPerDay: growth)
        }
        let fixedTotal = stages.reduce(0) { $0 + $1.visits * $1.fixedWaitHours }
        let variableMean = stages.reduce(0) { $0 + $1.visits * (($1.queueWaitHours ?? 0) + $1.serviceHours) }
        let variableVariance = stages.reduce(0) { total, stage in
            let sojourn = (stage.queueWaitHours ?? 0) + stage.serviceHours
            return total + stage.visits * sojourn * sojourn
        }
        let mean = fixedTotal + variableMean
        let distribution = TimeToValue(fixed: fixedTotal, mean: variableMean, variance: variableVariance)
        let serviceTotal = stages.reduce(0) { $0 + $1.visits * $1.serviceHours }
        return StreamResult(
            stream: stream.id, stages: stages, throughputPerDay: lambda * 24, timeToValueMeanHours: mean,
            timeToValueP50Hours: distribution.quantile(0.5), timeToValueP90Hours: distribution.quantile(0.9),
            timeToValueP95Hours: distribution.quantile(0.95),
            onTimeRate: stream.promise.map { distribution.probability(atMost: $0.hours) },
            defectRate: 1 - firstPass, wip: lambda * mean, flowEfficiency: mean > 0 ? serviceTotal / mean : nil,
            backlogGrowthPerDay: nil)
    }

    /// What leaves an overloaded stream per day: its slowest stage's capacity, by visits.
    static func throughputWhenOverloaded(_ stages: [StageResult], _ lambda: Double) -> Double {
        let limits = stages.map { stage -> Double in
            guard stage.serviceHours > 0, stage.utilisation.isFinite else { return 0 }
            return stage.utilisation >= 1 ? lambda / stage.utilisation : lambda
        }
        return (limits.min() ?? 0) * 24
    }

    /// The documented approximation for percentiles and the on-time rate: time-to-value is
    /// the fixed waits plus a gamma-distributed rest, whose mean is the sum of mean sojourns
    /// and whose variance treats each visit's sojourn as exponential; gamma quantiles and
    /// probabilities by the Wilson–Hilferty transformation.
    struct TimeToValue {
        let fixed: Double
        let mean: Double
        let variance: Double

        private var shape: Double { variance > 0 ? mean * mean / variance : .infinity }

        func quantile(_ p: Double) -> Double {
            guard mean > 0, shape.isFinite else { return fixed + mean }
            let k = shape
            let z = Self.normalQuantile(p)
            let cube = 1 - 1 / (9 * k) + z * (1 / (9 * k)).squareRoot()
            return fixed + mean * max(0, cube * cube * cube)
        }

        func probability(atMost x: Double) -> Double {
            let rest = x - fixed
            guard rest > 0 else { return 0 }
            guard mean > 0, shape.isFinite else { return rest >= mean ? 1 : 0 }
            let k = shape
            let z = (pow(rest / mean, 1.0 / 3) - (1 - 1 / (9 * k))) / (1 / (9 * k)).squareRoot()
            return 0.5 * erfc(-z / 2.0.squareRoot())
        }

        /// The standard normal quantile (Acklam's rational approximation, |error| < 1.2e-9).
        static func normalQuantile(_ p: Double) -> Double {
            let a = [-3.969683028665376e+01, 2.209460984245205e+02, -2.759285104469687e+02, 1.383577518672690e+02, -3.066479806614716e+01, 2.506628277459239e+00]
            let b = [-5.447609879822406e+01, 1.615858368580409e+02, -1.556989798598866e+02, 6.680131188771972e+01, -1.328068155288572e+01]
            let c = [-7.784894002430293e-03, -3.223964580411365e-01, -2.400758277161838e+00, -2.549732539343734e+00, 4.374664141464968e+00, 2.938163982698783e+00]
            let d = [7.784695709041462e-03, 3.224671290700398e-01, 2.445134137142996e+00, 3.754408661907416e+00]
            let low = 0.02425
            if p < low {
                let q = (-2 * log(p)).squareRoot()
                return (((((c[0] * q + c[1]) * q + c[2]) * q + c[3]) * q + c[4]) * q + c[5]) / ((((d[0] * q + d[1]) * q + d[2]) * q + d[3]) * q + 1)
            }
            if p > 1 - low {
                let q = (-2 * log(1 - p)).squareRoot()
                return -(((((c[0] * q + c[1]) * q + c[2]) * q + c[3]) * q + c[4]) * q + c[5]) / ((((d[0] * q + d[1]) * q + d[2]) * q + d[3]) * q + 1)
            }
            let q = p - 0.5
            let r = q * q
            return (((((a[0] * r + a[1]) * r + a[2]) * r + a[3]) * r + a[4]) * r + a[5]) * q / (((((b[0] * r + b[1]) * r + b[2]) * r + b[3]) * r + b[4]) * r + 1)
        }
    }
}
