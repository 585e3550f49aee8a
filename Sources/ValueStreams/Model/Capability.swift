/// A business capability. The stages it enables are the stages that list its id.
public struct Capability: Sendable, Hashable {
    /// Unique in the model; stages list it under `capabilities` (`kyc`).
    public var id: String
    /// The display name, e.g. `Identity & KYC`.
    public var name: String
    /// The id of the parent capability, if any.
    public var parent: String?
    /// Maturity assessment 1–5.
    public var assessment: Int?

    /// Creates a capability; parent and assessment default to none.
    public init(id: String, name: String, parent: String? = nil, assessment: Int? = nil) {
        self.id = id
        self.name = name
        self.parent = parent
        self.assessment = assessment
    }
}

/// A stage named by its stream, as in `open-account/Verify identity`.
public struct StageReference: Sendable, Hashable {
    /// The stream's id (`open-account`).
    public var stream: String
    /// The stage's name within that stream.
    public var stage: String

    /// Creates a reference from a stream id and a stage name.
    public init(stream: String, stage: String) {
        self.stream = stream
        self.stage = stage
    }
}

extension Model {
    /// The stages that list capability `id`, in model order.
    public func stages(enabledBy id: String) -> [StageReference] {
        streams.flatMap { stream in
            stream.stages
                .filter { $0.capabilities.contains { $0.caseInsensitiveEquals(id) } }
                .map { StageReference(stream: stream.id, stage: $0.name) }
        }
    }
}
