/// The room's classification decision for a stream.
public struct ClassificationRecord: Sendable, Hashable {
    /// The kind decided on; one differing from the stream's declared `kind` is a load warning.
    public var kind: StreamKind
    /// The facilitator who recorded it.
    public var by: String?
    /// The day the decision was recorded.
    public var on: CalendarDate?
    /// The reasoning behind the decision, in the room's words.
    public var because: String?

    /// Creates a record; only the kind is required.
    public init(kind: StreamKind, by: String? = nil, on: CalendarDate? = nil, because: String? = nil) {
        self.kind = kind
        self.by = by
        self.on = on
        self.because = because
    }
}

/// A stakeholder's agreement or disagreement with a classification.
public enum Verdict: String, Sendable, Hashable, CaseIterable {
    /// The stakeholder accepts the classification.
    case agree
    /// The stakeholder disputes the classification.
    case disagree
}

/// A stakeholder's sign-off. A later classification makes earlier sign-offs stale.
public struct SignOff: Sendable, Hashable {
    /// The stakeholder signing, by name.
    public var by: String
    /// The function signing; nil means the stakeholder's own.
    public var function: String?
    /// Whether the stakeholder agrees with the classification.
    public var verdict: Verdict
    /// The day of the sign-off.
    public var on: CalendarDate?
    /// The stakeholder's remark, if any.
    public var note: String?
    /// True once a later classification supersedes it; a stale sign-off no longer validates.
    public var stale: Bool

    /// Creates a sign-off, current (not stale) unless said otherwise.
    public init(by: String, function: String? = nil, verdict: Verdict, on: CalendarDate? = nil, note: String? = nil, stale: Bool = false) {
        self.by = by
        self.function = function
        self.verdict = verdict
        self.on = on
        self.note = note
        self.stale = stale
    }
}
