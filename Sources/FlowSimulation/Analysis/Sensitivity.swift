import ValueStreams

/// Which supporting stream matters most to which customer stream (`sensitivity`): each
/// supporting stream's level in force (the scenario's, else the declared one) moved in turn
/// by the same step, the scenario's other degradations kept, and each customer stream's
/// steady figures compared with the scenario's.
public enum Sensitivity {
    /// What degrading one supporting stream does to one customer stream.
    public struct Entry: Sendable, Hashable {
        public let supporting: String
        /// The customer stream's figures, the scenario's against the trial's, as `impact` has them.
        public let rows: [Impact.Row]
        /// Whether the trial overloads a stream that was not overloaded.
        public let overloads: Bool
        /// Whether the trial lifts a stream out of overload (a step for the better).
        public let relieves: Bool
        /// The change in mean time-to-value, hours; nil when either side has none.
        public var timeToValueChange: Double? { rows.first { $0.metric == Driver.timeToValueMeanHours.rawValue }?.change }
    }

    /// One customer stream's entries, largest effect first.
    public struct Ranking: Sendable, Hashable {
        public let stream: String
        public let entries: [Entry]
    }

    public struct Run: Sendable, Hashable {
        /// The step applied to each supporting stream in turn.
        public let step: Degradation
        public let rankings: [Ranking]
        public let skipped: [Simulation.Skipped]
    }

    /// Moves each supporting stream of `model` in turn by `step` (a `by` change; its `stream`
    /// is ignored) from its level in force under `degradations`, whose windowed ones are
    /// left out: the comparison is of steady figures.
    public static func run(_ model: Model, step: Degradation, degradations: [Degradation] = []) -> Run {
        let lasting = degradations.filter { $0.window == nil }
        let scenario = Simulation.analytic(model, degradations: lasting)
        var entries: [String: [Entry]] = [:]
        for supporting in model.streams where supporting.kind == .supporting {
            let level = Degradation.clamp(lasting.levelInForce(of: supporting, step.field) + step.value, step.field)
            let trial = lasting.without(supporting.id, step.field) + [.setting(supporting.id, step.field, to: level)]
            for simulation in Simulation.analytic(model, degradations: trial).streams {
                guard let reference = scenario.streams.first(where: { $0.stream == simulation.stream }) else { continue }
                let before = reference.degraded ?? reference.baseline
                // Steady figures only: windows are not part of the comparison.
                let rows = Impact.rows(simulation, against: before).filter { !$0.metric.hasPrefix(Impact.windowPrefix) }
                let after = simulation.degraded?.result.isOverloaded == true
                entries[simulation.stream, default: []].append(Entry(supporting: supporting.id, rows: rows,
                                                                     overloads: after && !before.result.isOverloaded,
                                                                     relieves: !after && before.result.isOverloaded))
            }
        }
        let rankings = scenario.streams.map { simulation in
            Ranking(stream: simulation.stream, entries: rank(entries[simulation.stream] ?? []))
        }
        return Run(step: step, rankings: rankings, skipped: scenario.skipped)
    }

    /// A change of overload first, then by the size of the change in mean time-to-value (all
    /// one way, as every trial moves its level the same way); ties keep model order.
    static func rank(_ entries: [Entry]) -> [Entry] {
        func size(_ entry: Entry) -> Double { entry.overloads || entry.relieves ? .infinity : abs(entry.timeToValueChange ?? 0) }
        return entries.stablySorted { size($0) > size($1) }
    }
}
