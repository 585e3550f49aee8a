/// The room's classification decision for a stream.
public struct ClassificationRecord: Sendable, Hashable {
    public var kind: StreamKind
    /// The facilitator who recorded it.
    public var by: String?
    public var on: CalendarDate?
    public var because: String?

    public init(kind: StreamKind, by: String? = nil, on: CalendarDate? = nil, because: String? = nil) {
        self.kind = kind
        self.by = by
        self.on = on
        self.because = because
    }
}

/// A stakeholder's agreement or disagreement with a classification.
public enum Verdict: String, Sendable, Hashable, CaseIterable {
    case agree
    case disagree
}

/// A stakeholder's sign-off. A later classification makes earlier sign-offs stale.
public struct SignOff: Sendable, Hashable {
    public var by: String
    /// The function signing; nil means the stakeholder's own.
    public var function: String?
    public var verdict: Verdict
    public var on: CalendarDate?
    public var note: String?
    public var stale: Bool

    public init(by: String, function: String? = nil, verdict: Verdict, on: CalendarDate? = nil, note: String? = nil, stale: Bool = false) {
        self.by = by
        self.function = function
        self.verdict = verdict
        self.on = on
        self.note = note
        self.stale = stale
    }
}
