import ValueStreams

/// The model file's key names, in canonical order. They are a contract with tools outside
/// the project; the reader accepts any order, the writers use this one.
enum ModelSchema {
    static let model = ["model", "review_interval", "segments", "stakeholders", "streams", "capabilities", "integrations"]
    static let stream = ["id", "name", "kind", "trigger", "value", "owner", "serves", "segments", "demand", "promise",
                         "service_level", "reviewed", "classification", "signoffs", "governance", "stages", "metrics", "cost"]
    static let stage = ["name", "functions", "servers", "time", "cv", "wait", "defects", "rework_to", "capabilities",
                        "entrance", "exit", "cost"]
    static let metric = ["name", "category", "unit", "direction", "baseline", "target", "responds"]
    static let integration = ["id", "from", "to", "effect", "strength", "sla", "description"]
    static let capability = ["id", "name", "parent", "assessment"]
    static let segment = ["name", "expects"]
    static let stakeholder = ["name", "function"]
    static let trigger = ["by", "event", "external"]
    static let owner = ["name", "reach"]
    /// The service fields, in their declared order (so that order is part of the contract).
    static let serviceLevel = ServiceField.allCases.map(\.rawValue)
    static let classification = ["kind", "by", "on", "because"]
    static let signoff = ["by", "function", "verdict", "on", "note", "stale"]
    static let governance = ["model", "forum", "members"]
    /// The drivers, in their declared order (so that order is part of the contract), then `range`.
    static let responds = Driver.allCases.map(\.rawValue) + ["range"]
}
