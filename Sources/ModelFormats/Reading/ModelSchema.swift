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
    static let serviceLevel = ["availability", "capacity", "latency", "errors"]
    static let classification = ["kind", "by", "on", "because"]
    static let signoff = ["by", "function", "verdict", "on", "note", "stale"]
    static let governance = ["model", "forum", "members"]
    static let responds = ["time_to_value_mean_h", "time_to_value_p90_h", "on_time_rate", "defect_rate",
                           "throughput_per_day", "range"]
}
