import ValueStreams

/// What degradations do to each customer figure (DESIGN §6, `impact`): the flow figures and
/// the outcome metrics, baseline against degraded, and the integration points carrying the
/// change.
public enum Impact {
    /// How a figure reads.
    public enum Unit: Sendable, Hashable {
        case hours
        case fraction
        case perDay
        /// An outcome metric in its own unit; `percentage` when its baseline is one.
        case metric(percentage: Bool)
    }

    /// One figure of one stream.
    public struct Row: Sendable, Hashable {
        public let stream: String
        /// A flow figure's key (`time_to_value_mean_h`) or an outcome metric's name.
        public let metric: String
        public let unit: Unit
        public let baseline: Double?
        public let degraded: Double?
        /// Links that pass on a change relevant to this figure; empty when it did not change.
        public internal(set) var carriedBy: [String]

        /// Degraded − baseline; nil when either is missing, 0 when the figure did not move.
        public var change: Double? {
            guard let baseline, let degraded else { return nil }
            return Self.moved(baseline, degraded) ? degraded - baseline : 0
        }

        /// The change as a percentage of the baseline; nil when the baseline is 0 or missing.
        public var changePercent: Double? {
            guard let change, let baseline, baseline != 0 else { return nil }
            return change / abs(baseline) * 100
        }

        /// Whether the figure moved (or appeared or vanished, as at overload).
        public var isChanged: Bool {
            guard let baseline, let degraded else { return baseline != degraded }
            return Self.moved(baseline, degraded)
        }

        /// A move smaller than a billionth (of the figure, or absolutely below 1) is rounding
        /// in the engine, not an effect: far below the six digits any output shows.
        static func moved(_ before: Double, _ after: Double) -> Bool {
            abs(after - before) > 1e-9 * max(1, abs(before))
        }
    }

    /// The start of the window rows' metric names (`window_ttv_mean_h`).
    public static let windowPrefix = "window_"

    /// Which effects can move a flow figure.
    static func effects(moving driver: Driver) -> Set<Effect> {
        switch driver {
        case .timeToValueMeanHours, .timeToValueP90Hours, .onTimeRate: return [.capacity, .latency, .quality]
        case .defectRate: return [.quality]
        case .throughputPerDay: return [.capacity, .quality]
        }
    }

    /// The rows of one simulated stream: the flow figures, the window's (if any), then the
    /// outcome metrics; empty without a degraded case. `reference` stands in for the
    /// baseline when the comparison is against another case (a scenario's, in `sensitivity`).
    public static func rows(_ simulation: StreamSimulation, against reference: StreamSimulation.Case? = nil) -> [Row] {
        guard let degraded = simulation.degraded else { return [] }
        let baseline = reference ?? simulation.baseline
        let carriers = simulation.carriers
        func carried(_ moving: Set<Effect>) -> [String] {
            var names: [String] = []
            for carrier in carriers where moving.contains(carrier.effect) && !names.contains(carrier.link) { names.append(carrier.link) }
            return names
        }
        func row(_ metric: String, _ unit: Unit, _ before: Double?, _ after: Double?, _ moving: Set<Effect>) -> Row {
            var row = Row(stream: simulation.stream, metric: metric, unit: unit, baseline: before, degraded: after, carriedBy: [])
            if row.isChanged { row.carriedBy = carried(moving) }
            return row
        }
        var drivers: [Driver] = [.timeToValueMeanHours, .timeToValueP90Hours]
        if simulation.promiseHours != nil { drivers.append(.onTimeRate) }
        drivers += [.defectRate, .throughputPerDay]
        let flow = drivers.map { driver in
            row(driver.rawValue, unit(of: driver), baseline.result.value(of: driver), degraded.result.value(of: driver),
                effects(moving: driver))
        }
        var rows = flow
        // A case without a window reads its steady figure (the baseline always does).
        if degraded.window != nil || baseline.window != nil {
            let moving = effects(moving: .timeToValueMeanHours)
            rows.append(row(windowPrefix + "ttv_mean_h", .hours, baseline.window?.timeToValueMeanHours ?? baseline.result.timeToValueMeanHours,
                            degraded.window?.timeToValueMeanHours ?? degraded.result.timeToValueMeanHours, moving))
            rows.append(row(windowPrefix + "ttv_p90_h", .hours, baseline.window?.timeToValueP90Hours ?? baseline.result.timeToValueP90Hours,
                            degraded.window?.timeToValueP90Hours ?? degraded.result.timeToValueP90Hours, moving))
        }
        let changedDrivers = Set(zip(drivers, flow).filter { $0.1.isChanged }.map(\.0))
        // Metrics by name: two scenarios' models may not have the same ones.
        for after in degraded.metrics {
            guard let before = baseline.metrics.first(where: { $0.metric == after.metric }) else { continue }
            let moving = after.drivers.filter(changedDrivers.contains).reduce(into: Set<Effect>()) { $0.formUnion(effects(moving: $1)) }
            rows.append(row(after.metric, .metric(percentage: after.isPercentage), before.value, after.value, moving))
        }
        return rows
    }

    /// The rows of one stream in two scenarios, each as it stands (degraded when it has
    /// degradations): `a`'s figures as the baseline, `b`'s as the degraded. No carriers.
    public static func rows(comparing a: StreamSimulation, with b: StreamSimulation) -> [Row] {
        let both = StreamSimulation(stream: b.stream, promiseHours: b.promiseHours, baseline: a.degraded ?? a.baseline,
                                    degraded: b.degraded ?? b.baseline, effects: [], carriers: [], cappedStages: [])
        return rows(both)
    }

    static func unit(of driver: Driver) -> Unit {
        switch driver {
        case .timeToValueMeanHours, .timeToValueP90Hours: return .hours
        case .onTimeRate, .defectRate: return .fraction
        case .throughputPerDay: return .perDay
        }
    }
}
