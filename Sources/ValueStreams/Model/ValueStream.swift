/// Whether a stream serves an external customer or enables other streams.
public enum StreamKind: String, Sendable, Hashable, CaseIterable {
    /// Triggered by an external customer, crossing functions, ending in customer value.
    case customer
    /// Serving internal customers (HR, IT, finance, compliance), enabling customer streams.
    case supporting
}

/// Who a stream's value is for.
public enum Audience: String, Sendable, Hashable, CaseIterable {
    /// Customers outside the organisation.
    case external
    /// Internal customers: other parts of the organisation.
    case `internal`
}

/// How far an owner's or a governance body's authority reaches.
public enum Reach: String, Sendable, Hashable, CaseIterable {
    /// Authority across the functions the stream crosses.
    case crossFunctional = "cross-functional"
    /// Authority within a single function.
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

    /// Creates a trigger; every part is optional, and `external` nil means unknown.
    public init(by: String? = nil, event: String? = nil, external: Bool? = nil) {
        self.by = by
        self.event = event
        self.external = external
    }
}

/// The person answerable for a stream, and how far their authority reaches.
public struct Owner: Sendable, Hashable {
    /// The owner's name or role (`Head of Onboarding`).
    public var name: String
    /// How far their authority reaches; nil when not given.
    public var reach: Reach?

    /// Creates an owner; a plain-name owner in a file has no reach.
    public init(name: String, reach: Reach? = nil) {
        self.name = name
        self.reach = reach
    }
}

/// How a stream is governed: the model, the forum and its members.
public struct Governance: Sendable, Hashable {
    /// Whether governance is cross-functional or functional.
    public var model: Reach?
    /// The body that governs the stream (`Onboarding board`).
    public var forum: String?
    /// Members by name or role; they say whether customer streams are represented.
    public var members: [String]

    /// Creates a governance record; every part is optional.
    public init(model: Reach? = nil, forum: String? = nil, members: [String] = []) {
        self.model = model
        self.forum = forum
        self.members = members
    }
}

/// A supporting stream's service level, which degradations act on. Absent fields are nominal.
public struct ServiceLevel: Sendable, Hashable {
    /// Share of time the service is up, 0…1; nil is 100 %.
    public var availability: Fraction?
    /// Share of nominal capacity available, 0…1; nil is 100 %.
    public var capacity: Fraction?
    /// Delay added to each use of the service; nil is +0.
    public var latency: Duration?
    /// Error rate added to the work it serves, 0…1; nil is 0 %.
    public var errors: Fraction?

    /// Creates a service level; fields left nil are nominal.
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
    /// The display name (`Open Account`).
    public var name: String
    /// The declared kind (`kind:` in the file).
    public var kind: StreamKind
    /// Who or what sets the stream going; nil when not recorded.
    public var trigger: Trigger?
    /// The value the customer realises at the end.
    public var value: String?
    /// Who is answerable for the stream; nil when not named.
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
    /// How the stream is governed; nil when not recorded.
    public var governance: Governance?
    /// The stages, in order.
    public var stages: [Stage]
    /// The stream's measures, in declared order.
    public var metrics: [Metric]
    /// Cost of one step of improvement (one percentage point of service level).
    public var cost: PlainNumber?

    /// Creates a stream; only the id, name and kind are required.
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
