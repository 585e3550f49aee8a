/// What a supporting stream's trouble does where it arrives.
public enum Effect: String, Sendable, Hashable, CaseIterable {
    /// Less capacity: service times grow.
    case capacity
    /// Added delay: the stage waits on the supporting service.
    case latency
    /// More errors: more rework.
    case quality
}

/// One end of a link: a stream, or one of its stages.
public struct Endpoint: Sendable, Hashable, CustomStringConvertible {
    /// The stream's id.
    public var stream: String
    /// The stage's name; nil means the stream as a whole.
    public var stage: String?

    /// Creates an endpoint at a stream, or at one of its stages.
    public init(stream: String, stage: String? = nil) {
        self.stream = stream
        self.stage = stage
    }

    /// Reads `stream` or `stream/stage` (the stage name may contain further slashes).
    public init(parsing text: String) {
        if let slash = text.firstIndex(of: "/") {
            self.init(stream: String(text[..<slash]), stage: String(text[text.index(after: slash)...]))
        } else {
            self.init(stream: text)
        }
    }

    /// `stream` or `stream/stage`, as model files write it.
    public var description: String { stage.map { "\(stream)/\($0)" } ?? stream }
}

/// A link from a supporting stream: an integration point into a customer stage, or a
/// dependency on another supporting stream.
public struct IntegrationPoint: Sendable, Hashable {
    /// Optional id; without one the link is named `FROM -> STREAM/STAGE (EFFECT)`.
    public var id: String?
    /// The supporting stream, or one of its stages, the link starts at.
    public var from: Endpoint
    /// A customer stream's stage (an integration point) or another supporting stream (a dependency).
    public var to: Endpoint
    /// What the supporting stream's trouble does at `to`.
    public var effect: Effect
    /// How much of the supporting stream's trouble passes on, 0…1; nil is 1.
    public var strength: Fraction?
    /// The service level the supporting stream promises here.
    public var sla: ServiceLevel?
    /// What the link is, in words (`KYC service on the core platform`).
    public var description: String?

    /// Creates a link; strength defaults to 1 and the SLA to none.
    public init(
        id: String? = nil, from: Endpoint, to: Endpoint, effect: Effect,
        strength: Fraction? = nil, sla: ServiceLevel? = nil, description: String? = nil
    ) {
        self.id = id
        self.from = from
        self.to = to
        self.effect = effect
        self.strength = strength
        self.sla = sla
        self.description = description
    }

    /// The strength in force, 0…1: the declared one, else 1.
    public var effectiveStrength: Double { strength?.value ?? 1 }

    /// The name commands use for it: its id, else its descriptive name.
    public var name: String { id ?? descriptiveName }

    /// `FROM -> TO (EFFECT)`, which names a link with or without an id.
    public var descriptiveName: String { "\(from) -> \(to) (\(effect.rawValue))" }
}
