import ValueStreams

/// How far one supporting stream's level can move before a customer stream feels it
/// (`breakpoint`): by bisection on the analytic engine, the level at which each customer
/// stream first becomes overloaded and the level at which its p90 first exceeds its promise.
///
/// The search moves the level away from the declared one towards the worst — down to 0 for
/// availability and capacity, up to 100 % for errors, up by doubling steps for latency — on
/// top of the scenario's other degradations, and assumes what the engine gives: each figure
/// worsens as the level does.
public enum Breakpoint {
    /// Where a customer stream crosses a line as the level worsens.
    public enum Crossing: Sendable, Hashable {
        /// Crossed at this level (to within `precision`).
        case at(Double)
        /// Over the line at the declared level already.
        case already
        /// Not over it anywhere in the field's range.
        case never
        /// The stream has no promise to miss.
        case noPromise
    }

    /// One customer stream's breakpoints.
    public struct Finding: Sendable, Hashable {
        public let stream: String
        /// The level the search starts from: the declared one, or the scenario's.
        public let startLevel: Double
        public let overloaded: Crossing
        /// p90 above the promise (or overloaded).
        public let missesPromise: Crossing
    }

    /// What a search found for every stream it looked at.
    public struct Search: Sendable, Hashable {
        public let supporting: String
        public let field: ServiceField
        public let findings: [Finding]
        /// Customer streams the engine cannot simulate, and why.
        public let skipped: [Simulation.Skipped]
    }

    /// Bisection stops when the bracket is this narrow, in the level's unit (a fraction, or
    /// hours): 10⁻⁷, far inside the 0.1 % of the level that issue 9 asks for.
    public static let precision = 1e-7

    /// The most latency, in hours, the search tries before it says never.
    static let latencyLimitHours = 1e6

    /// Searches the level of `supporting`'s `field` for each customer stream in `ids` (all
    /// when nil), with `degradations` (the scenario's) in force except those of that field.
    public static func search(_ model: Model, supporting: String, field: ServiceField, streams ids: [String]? = nil,
                              degradations: [Degradation] = []) -> Search {
        // Only steady figures are read, so windowed degradations are left out.
        let others = degradations.without(supporting, field).filter { $0.window == nil }
        let start = model.streamIndex(supporting).map { degradations.levelInForce(of: model.streams[$0], field) }
            ?? (field == .availability || field == .capacity ? 1 : 0)
        func trial(_ level: Double) -> [Degradation] { others + [.setting(supporting, field, to: level)] }
        var findings: [Finding] = []
        var skipped: [Simulation.Skipped] = []
        for stream in model.streams where stream.kind == .customer {
            if let ids, !ids.contains(where: { $0.caseInsensitiveEquals(stream.id) }) { continue }
            let single = [stream.id]
            func result(_ level: Double) -> AnalyticEngine.StreamResult? {
                Simulation.analytic(model, degradations: trial(level), streams: single).streams.first?.degraded?.result
            }
            if let skip = Simulation.analytic(model, degradations: trial(start), streams: single).skipped.first {
                skipped.append(skip)
                continue
            }
            let overloaded = crossing(from: start, field: field) { result($0)?.isOverloaded ?? true }
            let misses: Crossing
            if let promise = stream.promise?.hours {
                misses = crossing(from: start, field: field) { level in
                    guard let figures = result(level), let p90 = figures.timeToValueP90Hours else { return true }
                    return p90 > promise
                }
            } else {
                misses = .noPromise
            }
            findings.append(Finding(stream: stream.id, startLevel: start, overloaded: overloaded, missesPromise: misses))
        }
        return Search(supporting: supporting, field: field, findings: findings, skipped: skipped)
    }

    /// Where `isOver` first holds as the level worsens from `start`, by bisection.
    static func crossing(from start: Double, field: ServiceField, _ isOver: (Double) -> Bool) -> Crossing {
        if isOver(start) { return .already }
        var good = start
        var bad: Double
        switch field {
        case .availability, .capacity:
            bad = 0
            guard isOver(bad) else { return .never }
        case .errors:
            bad = 1
            guard isOver(bad) else { return .never }
        case .latency:
            // Double the added latency until it is over the line, or give up.
            var step = 1.0
            bad = start + step
            while !isOver(bad) {
                good = bad
                step *= 2
                guard step <= latencyLimitHours else { return .never }
                bad = start + step
            }
        }
        // At most 200 halvings: the bracket is finite, so this ends well before.
        for _ in 0..<200 where abs(good - bad) > precision {
            let middle = (good + bad) / 2
            if isOver(middle) { bad = middle } else { good = middle }
        }
        return .at((good + bad) / 2)
    }
}
