import ValueStreams

/// Where improvement money buys the most customer value (`prioritise`): candidate steps —
/// a supporting stream's service level one percentage point better, one more server on a
/// customer stage — each simulated on top of the scenario and ranked by what customers gain
/// per unit of cost (`cost:` per step in the model file).
///
/// The gain is customer time given back: Σ over customer streams of throughput per day ×
/// the fall in mean time-to-value, in customer-hours a day. A step that lifts a stream out of
/// overload ranks above any that does not, as its time-to-value had no steady value before.
public enum Prioritisation {
    /// An improvement the model allows.
    public enum Step: Sendable, Hashable {
        /// A supporting stream's field one point towards nominal (availability or capacity
        /// up, errors down), from the level in force.
        case level(stream: String, field: ServiceField, from: Double, to: Double)
        /// One more server on a customer stage.
        case server(stream: String, stage: String, servers: Int)

        /// The supporting stream or customer stream it acts on.
        public var stream: String {
            switch self {
            case .level(let stream, _, _, _), .server(let stream, _, _): stream
            }
        }
    }

    /// One customer stream's mean time-to-value before and after a step.
    public struct StreamChange: Sendable, Hashable {
        public let stream: String
        public let before: Double?
        public let after: Double?
    }

    public struct Candidate: Sendable, Hashable {
        public let step: Step
        /// Cost of the step, from the model; nil when it declares none.
        public let cost: Double?
        /// Customer-hours of time-to-value a day given back, over streams stable before and after.
        public let gainHoursPerDay: Double
        /// Streams overloaded before the step and not after.
        public let relieves: [String]
        /// The customer streams whose mean time-to-value moves, in model order.
        public let changes: [StreamChange]

        /// Gain per unit of cost; nil without a cost; infinite for a free step that gains.
        public var gainPerCost: Double? {
            guard let cost else { return nil }
            return cost > 0 ? gainHoursPerDay / cost : (gainHoursPerDay > 0 ? .infinity : 0)
        }

        /// Whether it does anything for customers: relieves an overload, or gives back more
        /// than a millionth of the customer-hours the streams hold a day (less is rounding).
        public let helps: Bool
    }

    public struct Plan: Sendable, Hashable {
        /// The steps that help, ranked: overload relief first, then gain per cost (steps
        /// without a cost after those with one, by gain).
        public let ranked: [Candidate]
        /// Steps that change nothing for customers.
        public let idle: [Candidate]
        /// With a budget: the steps bought, best value first, each chosen after the ones
        /// before it were made.
        public let bought: [Candidate]
        public let budget: Double?
        public let spent: Double
    }

    /// The most steps a budget buys: a bound whatever the costs.
    public static let maximumPurchases = 50

    /// Ranks every step on `model` under `degradations` (those without a window); with a
    /// `budget`, buys the best value steps with a cost one at a time until it runs out.
    public static func plan(_ model: Model, degradations: [Degradation] = [], budget: Double? = nil) -> Plan {
        let lasting = degradations.filter { $0.window == nil }
        let candidates = evaluate(model, lasting)
        var bought: [Candidate] = []
        var spent = 0.0
        if let budget {
            var (current, currentDegradations) = (model, lasting)
            var options = candidates
            while bought.count < maximumPurchases {
                let affordable = rank(options.filter { $0.helps && ($0.cost.map { spent + $0 <= budget + 1e-9 } ?? false) })
                guard let best = affordable.first, let cost = best.cost else { break }
                bought.append(best)
                spent += cost
                (current, currentDegradations) = apply(best.step, to: current, currentDegradations)
                options = evaluate(current, currentDegradations)
            }
        }
        return Plan(ranked: rank(candidates.filter(\.helps)), idle: candidates.filter { !$0.helps }, bought: bought,
                    budget: budget, spent: spent)
    }

    /// Relief first, then gain per cost, then steps without a cost by gain; ties in model order.
    static func rank(_ candidates: [Candidate]) -> [Candidate] {
        func key(_ candidate: Candidate) -> (Int, Int, Double) {
            (candidate.relieves.count, candidate.cost == nil ? 0 : 1, candidate.gainPerCost ?? candidate.gainHoursPerDay)
        }
        return candidates.stablySorted { key($0) > key($1) }
    }

    /// Every step the model allows, simulated.
    static func evaluate(_ model: Model, _ degradations: [Degradation]) -> [Candidate] {
        let before = Simulation.analytic(model, degradations: degradations)
        let held = before.streams.reduce(0.0) { total, simulation in
            let result = (simulation.degraded ?? simulation.baseline).result
            return total + result.throughputPerDay * (result.timeToValueMeanHours ?? 0)
        }
        var candidates: [Candidate] = []
        for stream in model.streams {
            switch stream.kind {
            case .supporting:
                for field in [ServiceField.availability, .capacity, .errors] {
                    let level = degradations.levelInForce(of: stream, field)
                    let better = field == .errors ? max(0, level - 0.01) : min(1, level + 0.01)
                    guard better != level else { continue }
                    let step = Step.level(stream: stream.id, field: field, from: level, to: better)
                    candidates.append(candidate(step, cost: stream.cost?.value, model, degradations, before, noise: 1e-6 * held))
                }
            case .customer:
                for stage in stream.stages {
                    let step = Step.server(stream: stream.id, stage: stage.name, servers: (stage.servers ?? 1) + 1)
                    candidates.append(candidate(step, cost: stage.cost?.value, model, degradations, before, noise: 1e-6 * held))
                }
            }
        }
        return candidates
    }

    static func candidate(_ step: Step, cost: Double?, _ model: Model, _ degradations: [Degradation], _ before: Simulation.Run,
                          noise: Double) -> Candidate {
        let (changed, changedDegradations) = apply(step, to: model, degradations)
        let after = Simulation.analytic(changed, degradations: changedDegradations)
        var gain = 0.0
        var relieves: [String] = []
        var changes: [StreamChange] = []
        for old in before.streams {
            guard let new = after.streams.first(where: { $0.stream == old.stream }) else { continue }
            let (was, now) = ((old.degraded ?? old.baseline).result, (new.degraded ?? new.baseline).result)
            if was.isOverloaded, !now.isOverloaded { relieves.append(old.stream) }
            if let a = was.timeToValueMeanHours, let b = now.timeToValueMeanHours { gain += now.throughputPerDay * (a - b) }
            if was.timeToValueMeanHours != now.timeToValueMeanHours {
                changes.append(StreamChange(stream: old.stream, before: was.timeToValueMeanHours, after: now.timeToValueMeanHours))
            }
        }
        return Candidate(step: step, cost: cost, gainHoursPerDay: gain, relieves: relieves, changes: changes,
                         helps: gain > noise || !relieves.isEmpty)
    }

    /// The model and degradations once `step` is made.
    static func apply(_ step: Step, to model: Model, _ degradations: [Degradation]) -> (Model, [Degradation]) {
        switch step {
        case .level(let stream, let field, _, let to):
            return (model, degradations.without(stream, field) + [.setting(stream, field, to: to)])
        case .server(let stream, let stage, let servers):
            var changed = model
            if let s = changed.streams.firstIndex(where: { $0.id == stream }),
               let t = changed.streams[s].stageIndex(named: stage) {
                changed.streams[s].stages[t].servers = servers
            }
            return (changed, degradations)
        }
    }
}
