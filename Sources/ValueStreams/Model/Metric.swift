/// Which kind of question a metric answers.
public enum MetricCategory: String, Sendable, Hashable, CaseIterable {
    /// Seen by the customer: time-to-value, on-time rate, defects, CSAT, NPS, revenue.
    case customer
    /// Internal efficiency: cost per transaction, processing time, utilisation.
    case efficiency
    /// Capability maturity.
    case capability
}

/// Which way is better.
public enum Direction: String, Sendable, Hashable, CaseIterable {
    case up
    case down
}

/// A simulated flow figure an outcome metric can respond to.
public enum Driver: String, Sendable, Hashable, CaseIterable {
    case timeToValueMeanHours = "time_to_value_mean_h"
    case timeToValueP90Hours = "time_to_value_p90_h"
    case onTimeRate = "on_time_rate"
    case defectRate = "defect_rate"
    case throughputPerDay = "throughput_per_day"
}

/// How an outcome metric moves with the flow: `baseline + Σ k·(driver − driver at baseline)`,
/// clamped to `range`.
public struct ResponseModel: Sendable, Hashable {
    /// Per-unit coefficients, in declared order.
    public var coefficients: [Coefficient]
    public var range: Bounds?

    public struct Coefficient: Sendable, Hashable {
        public var driver: Driver
        /// The change in the metric per unit of the driver.
        public var perUnit: PlainNumber

        public init(driver: Driver, perUnit: PlainNumber) {
            self.driver = driver
            self.perUnit = perUnit
        }
    }

    /// The range an outcome is clamped to, as typed.
    public struct Bounds: Sendable, Hashable {
        public var low: PlainNumber
        public var high: PlainNumber

        public init(low: PlainNumber, high: PlainNumber) {
            self.low = low
            self.high = high
        }

        public var closedRange: ClosedRange<Double> { low.value...max(low.value, high.value) }
    }

    public init(coefficients: [Coefficient], range: Bounds? = nil) {
        self.coefficients = coefficients
        self.range = range
    }
}

/// A measure of a stream.
public struct Metric: Sendable, Hashable {
    public var name: String
    public var category: MetricCategory
    public var unit: String?
    public var direction: Direction?
    public var baseline: Measure?
    public var target: Measure?
    /// For customer outcome metrics (CSAT, NPS, revenue): how they respond to flow.
    public var responds: ResponseModel?

    public init(
        name: String, category: MetricCategory, unit: String? = nil, direction: Direction? = nil,
        baseline: Measure? = nil, target: Measure? = nil, responds: ResponseModel? = nil
    ) {
        self.name = name
        self.category = category
        self.unit = unit
        self.direction = direction
        self.baseline = baseline
        self.target = target
        self.responds = responds
    }
}
