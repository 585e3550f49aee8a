/// An organisation's value-stream model: the streams, what they enable, and who says so.
public struct Model: Sendable, Hashable {
    /// The organisation's name, e.g. `Northwind Bank`.
    public var name: String
    /// How often each stream must be reviewed; nil means the default of twelve months.
    public var reviewInterval: ReviewInterval?
    /// The customer segments, each with the value it expects.
    public var segments: [Segment]
    /// The people who validate classifications, with their function.
    public var stakeholders: [Stakeholder]
    /// Customer and supporting value streams, in declared order.
    public var streams: [ValueStream]
    /// Business capabilities and the stages they enable.
    public var capabilities: [Capability]
    /// Integration points (into customer stages) and dependencies (between supporting streams).
    public var integrations: [IntegrationPoint]

    /// Creates a model; everything but the name starts empty, with the default review interval.
    public init(
        name: String,
        reviewInterval: ReviewInterval? = nil,
        segments: [Segment] = [],
        stakeholders: [Stakeholder] = [],
        streams: [ValueStream] = [],
        capabilities: [Capability] = [],
        integrations: [IntegrationPoint] = []
    ) {
        self.name = name
        self.reviewInterval = reviewInterval
        self.segments = segments
        self.stakeholders = stakeholders
        self.streams = streams
        self.capabilities = capabilities
        self.integrations = integrations
    }

    /// The review interval in force: the declared one, else twelve months.
    public var effectiveReviewInterval: ReviewInterval { reviewInterval ?? .default }
}

/// A group of customers and the value it expects.
public struct Segment: Sendable, Hashable {
    /// The segment's name (`Retail`), as streams list it under `segments`.
    public var name: String
    /// What the segment expects, in its own words ("an account in a day").
    public var expects: String?

    /// Creates a segment; what it expects is optional.
    public init(name: String, expects: String? = nil) {
        self.name = name
        self.expects = expects
    }
}

/// Someone who takes part in classification and validation.
public struct Stakeholder: Sendable, Hashable {
    /// The stakeholder's name, as sign-offs give it in `by`.
    public var name: String
    /// The function the stakeholder belongs to; a sign-off without its own function uses it.
    public var function: String?

    /// Creates a stakeholder; the function is optional.
    public init(name: String, function: String? = nil) {
        self.name = name
        self.function = function
    }
}
