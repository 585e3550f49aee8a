import ValueStreams

/// Which supporting stream matters most to which customer stream (`sensitivity`): each
/// supporting stream degraded in turn by the same step, on top of the scenario's
/// degradations, and each customer stream's figures compared with the scenario's.
public enum Sensitivity {
    /// What degrading one supporting stream does to one customer stream.
    public struct Entry: Sendable, Hashable {
        public let supporting: String
        /// The customer stream's figures, the scenario's against the trial's, as `impact` has them.
        public let rows: [Impact.Row]
        /// Whether the trial overloads a stream that was not overloaded.
        public let overloads: Bool
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

    /// Degrades each supporting stream of `model` in turn by `step` (its `stream` is ignored),
    /// with `degradations` in force except that stream's own of the same field.
    public static func run(_ model: Model, step: Degradation, degradations: [Degradation] = []) -> Run {
        let scenario = Simulation.analytic(model, degradations: degradations)
        var entries: [String: [Entry]] = [:]
        for supporting in model.streams where supporting.kind == .supporting {
            let trial = degradations.filter { !($0.stream == supporting.id && $0.field == step.field) }
                + [Degradation(stream: supporting.id, field: step.field, change: step.change, text: step.text, value: step.value)]
            for simulation in Simulation.analytic(model, degradations: trial).streams {
                guard let reference = scenario.streams.first(where: { $0.stream == simulation.stream }) else { continue }
                let before = reference.degraded ?? reference.baseline
                let rows = Impact.rows(simulation, against: before)
                let overloads = simulation.degraded?.result.isOverloaded == true && !before.result.isOverloaded
                entries[simulation.stream, default: []].append(Entry(supporting: supporting.id, rows: rows, overloads: overloads))
            }
        }
        let rankings = scenario.streams.map { simulation in
            Ranking(stream: simulation.stream, entries: rank(entries[simulation.stream] ?? []))
        }
        return Run(step: step, rankings: rankings, skipped: scenario.skipped)
    }

    /// Overloads first, then by the size of the change in mean time-to-value; ties keep model order.
    static func rank(_ entries: [Entry]) -> [Entry] {
        let sized = entries.enumerated().map { (offset: $0.offset, entry: $0.element,
                                                 size: $0.element.overloads ? Double.infinity : abs($0.element.timeToValueChange ?? 0)) }
        return sized.sorted { $0.size != $1.size ? $0.size > $1.size : $0.offset < $1.offset }.map(\.entry)
    }
}
