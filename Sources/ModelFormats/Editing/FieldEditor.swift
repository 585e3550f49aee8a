import ValueStreams

/// Changing one field of an entity from typed text, by the model file's key names (dotted
/// for nested fields: `owner.reach`, `sla.availability`). Values are read by `FieldValue`,
/// as the file reader reads them. A nil text clears an optional field.
///
/// This sets fields one entity at a time; keeping references between entities right (a
/// renamed stage, a renamed stream id) is the caller's, which sees the whole model.
public enum FieldEditor {
    public static let streamKeys = [
        "id", "name", "kind", "trigger.by", "trigger.event", "trigger.external", "value", "owner", "owner.name",
        "owner.reach", "serves", "segments", "demand", "promise", "service_level.availability", "service_level.capacity",
        "service_level.latency", "service_level.errors", "reviewed", "governance.model", "governance.forum",
        "governance.members", "cost",
    ]
    public static let stageKeys = ModelSchema.stage
    /// The link's file keys, with `sla` spelled out field by field.
    public static let linkKeys = ModelSchema.integration.flatMap { $0 == "sla" ? ModelSchema.serviceLevel.map { "sla.\($0)" } : [$0] }
    public static let segmentKeys = ModelSchema.segment
    public static let stakeholderKeys = ModelSchema.stakeholder
    public static let capabilityKeys = ModelSchema.capability
    /// The metric's file keys but `responds`, which is not set field by field.
    public static let metricKeys = ModelSchema.metric.filter { $0 != "responds" }

    static func unknown(_ key: String, _ keys: [String], of what: String) -> UnitError {
        let near = NameSuggestions.didYouMean(key, among: keys)
        return UnitError("unknown field '\(key)' of \(what)\(near.isEmpty ? "; the fields are \(keys.joined(separator: ", "))" : near)")
    }

    static func required(_ key: String) -> UnitError {
        UnitError("'\(key)' is required and cannot be cleared; give it a value")
    }

    /// A required text value.
    static func text(_ key: String, _ text: String?) throws(UnitError) -> String {
        guard let text, !text.isEmpty else { throw required(key) }
        return text
    }

    /// `"a, b"` as a list; nil clears it.
    static func list(_ text: String?) -> [String] {
        guard let text else { return [] }
        return text.split(separator: ",").map { $0.trimmingBlanks }.filter { !$0.isEmpty }
    }

    static func optional<T>(_ text: String?, _ parse: (String) throws(UnitError) -> T) throws(UnitError) -> T? {
        guard let text else { return nil }
        return try parse(text)
    }

    public static func set(_ key: String, to text: String?, on stream: inout ValueStream) throws(UnitError) {
        switch key {
        case "id": stream.id = try Self.text(key, text)
        case "name": stream.name = try Self.text(key, text)
        case "kind": stream.kind = try FieldValue.choice(try Self.text(key, text), "a stream kind")
        case "trigger.by": stream.trigger = edited(stream.trigger ?? Trigger()) { $0.by = text }
        case "trigger.event": stream.trigger = edited(stream.trigger ?? Trigger()) { $0.event = text }
        case "trigger.external":
            let external = try optional(text, FieldValue.bool)
            stream.trigger = edited(stream.trigger ?? Trigger()) { $0.external = external }
        case "value": stream.value = text
        case "owner", "owner.name":
            if let text { stream.owner = Owner(name: text, reach: stream.owner?.reach) } else { stream.owner = nil }
        case "owner.reach":
            guard var owner = stream.owner else { throw UnitError("the stream has no owner; set owner first") }
            owner.reach = try optional(text) { (text: String) throws(UnitError) -> Reach in try FieldValue.choice(text, "a reach") }
            stream.owner = owner
        case "serves": stream.serves = try optional(text) { (text: String) throws(UnitError) -> Audience in try FieldValue.choice(text, "an audience") }
        case "segments": stream.segments = list(text)
        case "demand": stream.demand = try optional(text, FieldValue.demand)
        case "promise": stream.promise = try optional(text, FieldValue.duration)
        case "service_level.availability", "service_level.capacity", "service_level.latency", "service_level.errors":
            stream.serviceLevel = try serviceLevel(stream.serviceLevel, setting: key.dropFirst("service_level.".count), to: text)
        case "reviewed": stream.reviewed = try optional(text, FieldValue.date)
        case "governance.model":
            let model = try optional(text) { (text: String) throws(UnitError) -> Reach in try FieldValue.choice(text, "a governance model") }
            stream.governance = edited(stream.governance ?? Governance()) { $0.model = model }
        case "governance.forum": stream.governance = edited(stream.governance ?? Governance()) { $0.forum = text }
        case "governance.members": stream.governance = edited(stream.governance ?? Governance()) { $0.members = list(text) }
        case "cost": stream.cost = try optional(text, FieldValue.nonNegative)
        default: throw unknown(key, streamKeys, of: "a stream")
        }
    }

    public static func set(_ key: String, to text: String?, on stage: inout Stage) throws(UnitError) {
        switch key {
        case "name": stage.name = try Self.text(key, text)
        case "functions": stage.functions = list(text)
        case "servers": stage.servers = try optional(text, FieldValue.servers)
        case "time": stage.time = try optional(text, FieldValue.duration)
        case "cv": stage.cv = try optional(text, FieldValue.nonNegative)
        case "wait": stage.wait = try optional(text, FieldValue.duration)
        case "defects": stage.defects = try optional(text, FieldValue.defects)
        case "rework_to": stage.reworkTo = text
        case "capabilities": stage.capabilities = list(text)
        case "entrance": stage.entrance = text
        case "exit": stage.exit = text
        case "cost": stage.cost = try optional(text, FieldValue.nonNegative)
        default: throw unknown(key, stageKeys, of: "a stage")
        }
    }

    public static func set(_ key: String, to text: String?, on link: inout IntegrationPoint) throws(UnitError) {
        switch key {
        case "id": link.id = text
        case "from": link.from = Endpoint(parsing: try Self.text(key, text))
        case "to": link.to = Endpoint(parsing: try Self.text(key, text))
        case "effect": link.effect = try FieldValue.choice(try Self.text(key, text), "an effect")
        case "strength": link.strength = try optional(text, FieldValue.fraction)
        case "sla.availability", "sla.capacity", "sla.latency", "sla.errors":
            link.sla = try serviceLevel(link.sla, setting: key.dropFirst("sla.".count), to: text)
        case "description": link.description = text
        default: throw unknown(key, linkKeys, of: "a link")
        }
    }

    /// `level` (nil is nominal) with one field set; nil again when that leaves it nominal.
    private static func serviceLevel(_ level: ServiceLevel?, setting key: Substring, to text: String?) throws(UnitError) -> ServiceLevel? {
        var level = level ?? ServiceLevel()
        try set(String(key), to: text, on: &level)
        return level == ServiceLevel() ? nil : level
    }

    static func set(_ key: String, to text: String?, on level: inout ServiceLevel) throws(UnitError) {
        switch key {
        case "availability": level.availability = try optional(text, FieldValue.fraction)
        case "capacity": level.capacity = try optional(text, FieldValue.fraction)
        case "latency": level.latency = try optional(text, FieldValue.duration)
        case "errors": level.errors = try optional(text, FieldValue.fraction)
        default: throw unknown(key, ModelSchema.serviceLevel, of: "a service level")
        }
    }

    public static func set(_ key: String, to text: String?, on segment: inout Segment) throws(UnitError) {
        switch key {
        case "name": segment.name = try Self.text(key, text)
        case "expects": segment.expects = text
        default: throw unknown(key, segmentKeys, of: "a segment")
        }
    }

    public static func set(_ key: String, to text: String?, on stakeholder: inout Stakeholder) throws(UnitError) {
        switch key {
        case "name": stakeholder.name = try Self.text(key, text)
        case "function": stakeholder.function = text
        default: throw unknown(key, stakeholderKeys, of: "a stakeholder")
        }
    }

    public static func set(_ key: String, to text: String?, on capability: inout Capability) throws(UnitError) {
        switch key {
        case "id": capability.id = try Self.text(key, text)
        case "name": capability.name = try Self.text(key, text)
        case "parent": capability.parent = text
        case "assessment": capability.assessment = try optional(text, FieldValue.assessment)
        default: throw unknown(key, capabilityKeys, of: "a capability")
        }
    }

    public static func set(_ key: String, to text: String?, on metric: inout Metric) throws(UnitError) {
        switch key {
        case "name": metric.name = try Self.text(key, text)
        case "category": metric.category = try FieldValue.choice(try Self.text(key, text), "a metric category")
        case "unit": metric.unit = text
        case "direction": metric.direction = try optional(text) { (text: String) throws(UnitError) -> Direction in try FieldValue.choice(text, "a direction") }
        case "baseline": metric.baseline = try optional(text, FieldValue.measure)
        case "target": metric.target = try optional(text, FieldValue.measure)
        default: throw unknown(key, metricKeys, of: "a metric")
        }
    }

    private static func edited<T>(_ value: T, _ change: (inout T) -> Void) -> T {
        var copy = value
        change(&copy)
        return copy
    }
}

extension Substring {
    /// Without leading and trailing spaces and tabs.
    package var trimmingBlanks: String {
        var text = self
        while text.first == " " || text.first == "\t" { text = text.dropFirst() }
        while text.last == " " || text.last == "\t" { text = text.dropLast() }
        return String(text)
    }
}
