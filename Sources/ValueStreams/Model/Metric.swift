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
    /// Higher is better.
    case up
    /// Lower is better.
    case down
}

/// A simulated flow figure an outcome metric can respond to.
public enum Driver: String, Sendable, Hashable, CaseIterable {
    /// Mean time to value, in hours.
    case timeToValueMeanHours = "time_to_value_mean_h"
    /// 90th-percentile time to value, in hours.
    case timeToValueP90Hours = "time_to_value_p90_h"
    /// Share of items whose time to value is within the promise, 0…1.
    case onTimeRate = "on_time_rate"
    /// Share of items reworked at least once, 0…1.
    case defectRate = "defect_rate"
    /// Items completed per day.
    case throughputPerDay = "throughput_per_day"
}

/// How an outcome metric moves with the flow: `baseline + Σ k·(driver − driver at baseline)`,
/// clamped to `range`.
public struct ResponseModel: Sendable, Hashable {
    /// Per-unit coefficients, in declared order.
    public var coefficients: [Coefficient]
    /// The bounds the outcome is clamped to; nil means unclamped.
    public var range: Bounds?

    /// One term of the response: a driver and the metric's change per unit of it.
    public struct Coefficient: Sendable, Hashable {
        /// The flow figure this term responds to.
        public var driver: Driver
        /// The change in the metric per unit of the driver.
        public var perUnit: PlainNumber

        /// Creates a term from a driver and its coefficient.
        public init(driver: Driver, perUnit: PlainNumber) {
            self.driver = driver
            self.perUnit = perUnit
        }
    }

    /// The range an outcome is clamped to, as typed.
    public struct Bounds: Sendable, Hashable {
        /// The lowest value the outcome may take.
        public var low: PlainNumber
        /// The highest value the outcome may take.
        public var high: PlainNumber

        /// Creates bounds from the two ends as typed.
        public init(low: PlainNumber, high: PlainNumber) {
            self.low = low
            self.high = high
        }

        /// The bounds as values; a `high` below `low` collapses to `low`.
        public var closedRange: ClosedRange<Double> { low.value...max(low.value, high.value) }
    }

    /// Creates a response model; without a range the outcome is not clamped.
    public init(coefficients: [Coefficient], range: Bounds? = nil) {
        self.coefficients = coefficients
        self.range = range
    }
}

/// A measure of a stream.
public struct Metric: Sendable, Hashable {
    /// The metric's name (`NPS`); one saying revenue, sales, income or margin counts in the customer value test.
    public var name: String
    /// Which kind of question it answers; `customer` metrics count in the customer value test.
    public var category: MetricCategory
    /// The unit as free text (`points`, `%`); nil when not given.
    public var unit: String?
    /// Which way is better; nil when not given.
    public var direction: Direction?
    /// The value today, as typed.
    public var baseline: Measure?
    /// The value aimed for, as typed.
    public var target: Measure?
    /// For customer outcome metrics (CSAT, NPS, revenue): how they respond to flow.
    public var responds: ResponseModel?

    /// Creates a metric; only the name and category are required.
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
