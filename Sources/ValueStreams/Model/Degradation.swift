/// A field of a supporting stream's service level that a degradation acts on.
public enum ServiceField: String, Sendable, Hashable, CaseIterable {
    case availability
    case capacity
    case latency
    case errors
}

extension ValueStream {
    /// The level the model declares for a service-level field: nominal (100 %, +0) unless
    /// `service_level` says otherwise. `degrade … by` moves from here.
    public func declaredLevel(_ field: ServiceField) -> Double {
        let level = serviceLevel ?? ServiceLevel()
        switch field {
        case .availability: return level.availability?.value ?? 1
        case .capacity: return level.capacity?.value ?? 1
        case .latency: return level.addedLatencyHours
        case .errors: return level.addedErrorRate
        }
    }
}

/// A supporting stream's trouble, as the room states it: `degrade it-infra availability to
/// 90%`, `degrade hire-onboard capacity by -30%`, optionally only for a window of time.
public struct Degradation: Sendable, Hashable {
    /// How the value is meant.
    public enum Change: String, Sendable, Hashable, CaseIterable {
        /// The field becomes the value.
        case to
        /// The field moves by the value from the level the model declares.
        case by
    }

    /// A stretch of simulated time, counted from the end of warm-up.
    public struct Window: Sendable, Hashable {
        public let start: Duration
        public let length: Duration

        public init(start: Duration, length: Duration) {
            self.start = start
            self.length = length
        }
    }

    /// The supporting stream's id.
    public let stream: String
    public let field: ServiceField
    public let change: Change
    /// The value as typed (`90%`, `-30%`, `+2h`).
    public let text: String
    /// The value: a fraction for availability, capacity and errors; hours for latency.
    public let value: Double
    public let window: Window?

    public init(stream: String, field: ServiceField, change: Change, text: String, value: Double, window: Window? = nil) {
        self.stream = stream
        self.field = field
        self.change = change
        self.text = text
        self.value = value
        self.window = window
    }

    /// The field's level once degraded, from the level the model declares: fractions stay
    /// within 0…1, latency at or above 0.
    public func level(from declared: Double) -> Double {
        Self.clamp(change == .to ? value : declared + value, field)
    }
}

extension Degradation {
    /// A degradation that sets `stream`'s `field` to `level`, spelled as `degrade` would show it
    /// (`61.25%`, `2.5h`): the trials of `breakpoint`, `sensitivity` and `prioritise`.
    public static func setting(_ stream: String, _ field: ServiceField, to level: Double) -> Degradation {
        let text = field == .latency ? "\(level.fixed(significant: 6))h" : "\((level * 100).fixed(significant: 6))%"
        return Degradation(stream: stream, field: field, change: .to, text: text, value: level)
    }

    /// `level` kept within the field's range: 0…1 for fractions, 0 or more hours for latency.
    public static func clamp(_ level: Double, _ field: ServiceField) -> Double {
        field == .latency ? max(0, level) : min(1, max(0, level))
    }
}

extension [Degradation] {
    /// `stream`'s `field` as these degradations leave it, outside any window: the declared
    /// level moved by the lasting degradation of that field, if there is one.
    public func levelInForce(of stream: ValueStream, _ field: ServiceField) -> Double {
        let declared = stream.declaredLevel(field)
        let own = first { $0.stream.caseInsensitiveEquals(stream.id) && $0.field == field && $0.window == nil }
        return own?.level(from: declared) ?? declared
    }

    /// These degradations without `stream`'s own of `field` (windowed ones too), so a trial
    /// can set that field alone.
    public func without(_ stream: String, _ field: ServiceField) -> [Degradation] {
        filter { !($0.stream.caseInsensitiveEquals(stream) && $0.field == field) }
    }
}

