import ValueStreams

/// What an engine's result gives an outcome metric to respond to: the drivers.
public protocol FlowFigures {
    var throughputPerDay: Double { get }
    var timeToValueMeanHours: Double? { get }
    var timeToValueP50Hours: Double? { get }
    var timeToValueP90Hours: Double? { get }
    var timeToValueP95Hours: Double? { get }
    var onTimeRate: Double? { get }
    /// The defect rate, if the result has one.
    var defectRateFigure: Double? { get }
    var wip: Double? { get }
    var flowEfficiency: Double? { get }
    /// Whether a stage cannot keep up, so time-to-value has no steady value.
    var isOverloaded: Bool { get }
    var backlogGrowthPerDay: Double? { get }
}

extension FlowFigures {
    /// The figure a response model reads, or nil when the result has none.
    public func value(of driver: Driver) -> Double? {
        switch driver {
        case .timeToValueMeanHours: return timeToValueMeanHours
        case .timeToValueP90Hours: return timeToValueP90Hours
        case .onTimeRate: return onTimeRate
        case .defectRate: return defectRateFigure
        case .throughputPerDay: return throughputPerDay
        }
    }
}

extension AnalyticEngine.StreamResult: FlowFigures {
    public var defectRateFigure: Double? { defectRate }
}

/// Customer outcome metrics from their response models (DESIGN §6): a metric with
/// `responds` is `baseline + Σ k_d · (driver_d − driver_d at the undegraded baseline)`,
/// clamped to its `range`.
public enum OutcomeMetrics {
    /// One outcome figure and the model that produced it.
    public struct Outcome: Sendable, Hashable {
        public let metric: String
        /// Nil when the metric has no baseline or a driver has no figure (an overloaded
        /// stream's time-to-value, an on-time rate without a promise).
        public let value: Double?
        /// The response model in words, e.g. `linear: 42 − 0.2·Δtime_to_value_p90_h, range [-100, 100]`.
        public let model: String
        /// The drivers it reads, in declared order.
        public let drivers: [Driver]
        /// Whether the baseline is a percentage, so the value reads as one.
        public let isPercentage: Bool
    }

    /// The outcomes of `stream`'s metrics that have a response model, in declared order, for
    /// the case `result` against the undegraded `baseline`.
    public static func outcomes(of stream: ValueStream, baseline: some FlowFigures, result: some FlowFigures) -> [Outcome] {
        stream.metrics.compactMap { metric in
            guard let response = metric.responds else { return nil }
            return Outcome(metric: metric.name, value: value(metric, response, baseline, result), model: describe(metric, response),
                           drivers: response.coefficients.map(\.driver), isPercentage: metric.baseline?.text.hasSuffix("%") ?? false)
        }
    }

    static func value(_ metric: Metric, _ response: ResponseModel, _ baseline: some FlowFigures, _ result: some FlowFigures) -> Double? {
        guard var value = metric.baseline?.value else { return nil }
        for term in response.coefficients {
            guard let now = result.value(of: term.driver), let before = baseline.value(of: term.driver) else { return nil }
            value += term.perUnit.value * (now - before)
        }
        if let range = response.range?.closedRange { value = min(range.upperBound, max(range.lowerBound, value)) }
        return value
    }

    /// The model in words, with the coefficients as typed.
    static func describe(_ metric: Metric, _ response: ResponseModel) -> String {
        var text = "linear: " + (metric.baseline?.text ?? "(no baseline)")
        for term in response.coefficients {
            let k = term.perUnit.text
            let magnitude = k.hasPrefix("-") || k.hasPrefix("+") ? String(k.dropFirst()) : k
            text += (k.hasPrefix("-") ? " − " : " + ") + magnitude + "·Δ" + term.driver.rawValue
        }
        if let range = response.range { text += ", range [\(range.low.text), \(range.high.text)]" }
        return text
    }
}
