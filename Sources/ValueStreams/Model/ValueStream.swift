/// Whether a stream serves an external customer or enables other streams.
public enum StreamKind: String, Sendable, Hashable, CaseIterable {
    /// Triggered by an external customer, crossing functions, ending in customer value.
    case customer
    /// Serving internal customers (HR, IT, finance, compliance), enabling customer streams.
    case supporting
}

/// Who a stream's value is for.
public enum Audience: String, Sendable, Hashable, CaseIterable {
    case external
    case `internal`
}

/// How far an owner's or a governance body's authority reaches.
public enum Reach: String, Sendable, Hashable, CaseIterable {
    case crossFunctional = "cross-functional"
    case functional
}

/// What sets a stream going.
public struct Trigger: Sendable, Hashable {
    /// Who triggers it ("Prospective customer").
    public var by: String?
    /// The event ("applies for an account").
    public var event: String?
    /// Whether the trigger comes from outside the organisation; nil when unknown.
    public var external: Bool?

    public init(by: String? = nil, event: String? = nil, external: Bool? = nil) {
        self.by = by
        self.event = event
        self.external = external
    }
}

/// The person answerable for a stream, and how far their authority reaches.
public struct Owner: Sendable, Hashable {
    public var name: String
    public var reach: Reach?

    public init(name: String, reach: Reach? = nil) {
        self.name = name
        self.reach = reach
    }
}

/// How a stream is governed: the model, the forum and its members.
public struct Governance: Sendable, Hashable {
    public var model: Reach?
    public var forum: String?
    /// Members by name or role; they say whether customer streams are represented.
    public var members: [String]

    public init(model: Reach? = nil, forum: String? = nil, members: [String] = []) {
        self.model = model
        self.forum = forum
        self.members = members
    }
}

/// A supporting stream's service level, which degradations act on. Absent fields are nominal.
public struct ServiceLevel: Sendable, Hashable {
    public var availability: Fraction?
    public var capacity: Fraction?
    public var latency: Duration?
    public var errors: Fraction?

    public init(availability: Fraction? = nil, capacity: Fraction? = nil, latency: Duration? = nil, errors: Fraction? = nil) {
        self.availability = availability
        self.capacity = capacity
        self.latency = latency
        self.errors = errors
    }

    /// Capacity level `L = availability × capacity`, 1 when nominal.
    public var capacityLevel: Double { (availability?.value ?? 1) * (capacity?.value ?? 1) }
    /// Added latency in hours, 0 when nominal.
    public var addedLatencyHours: Double { latency?.hours ?? 0 }
    /// Added error rate, 0 when nominal.
    public var addedErrorRate: Double { errors?.value ?? 0 }
}

/// A customer or supporting value stream: trigger to value, in ordered stages.
public struct ValueStream: Sendable, Hashable {
    /// A slug, unique in the model (`open-account`).
    public var id: String
    public var name: String
    /// The declared kind (`kind:` in the file).
    public var kind: StreamKind
    public var trigger: Trigger?
    /// The value the customer realises at the end.
    public var value: String?
    public var owner: Owner?
    /// Whether the stream's value is for external or internal customers.
    public var serves: Audience?
    /// Names of the customer segments served.
    public var segments: [String]
    /// Arrival rate; a customer stream without demand is not simulated.
    public var demand: Rate?
    /// The customer promise: the time-to-value target.
    public var promise: Duration?
    /// A supporting stream's service level; nil is nominal.
    public var serviceLevel: ServiceLevel?
    /// When the stream was last reviewed.
    public var reviewed: CalendarDate?
    /// The recorded classification decision.
    public var classification: ClassificationRecord?
    /// Stakeholder sign-offs on the classification.
    public var signoffs: [SignOff]
    public var governance: Governance?
    /// The stages, in order.
    public var stages: [Stage]
    public var metrics: [Metric]
    /// Cost of one step of improvement (one percentage point of service level).
    public var cost: PlainNumber?

    public init(
        id: String, name: String, kind: StreamKind,
        trigger: Trigger? = nil, value: String? = nil, owner: Owner? = nil, serves: Audience? = nil,
        segments: [String] = [], demand: Rate? = nil, promise: Duration? = nil,
        serviceLevel: ServiceLevel? = nil, reviewed: CalendarDate? = nil,
        classification: ClassificationRecord? = nil, signoffs: [SignOff] = [],
        governance: Governance? = nil, stages: [Stage] = [], metrics: [Metric] = [], cost: PlainNumber? = nil
    ) {
        self.id = id
        self.name = name
        self.kind = kind
        self.trigger = trigger
        self.value = value
        self.owner = owner
        self.serves = serves
        self.segments = segments
        self.demand = demand
        self.promise = promise
        self.serviceLevel = serviceLevel
        self.reviewed = reviewed
        self.classification = classification
        self.signoffs = signoffs
        self.governance = governance
        self.stages = stages
        self.metrics = metrics
        self.cost = cost
    }

    /// The index of the stage with this name (case-insensitive), if any.
    public func stageIndex(named name: String) -> Int? {
        stages.firstIndex { $0.name.caseInsensitiveEquals(name) }
    }

    /// The distinct functions over all stages, in first-seen order.
    public var functions: [String] {
        var seen: [String] = []
        for function in stages.flatMap(\.functions) where !seen.contains(where: { $0.caseInsensitiveEquals(function) }) {
            seen.append(function)
        }
        return seen
    }
}
