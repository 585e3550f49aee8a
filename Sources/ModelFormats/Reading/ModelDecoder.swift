import ValueStreams
import Yams

/// Builds a `Model` from a composed YAML (or JSON) tree, reporting every field problem it
/// finds, located, rather than stopping at the first.
struct ModelDecoder {
    var walker: NodeWalker
    /// Whether a list item could not be decoded at all: then key paths of later items no
    /// longer match the model's indices, and whole-model checks must wait.
    private(set) var droppedItems = false

    init(file: String) { walker = NodeWalker(file: file) }

    mutating func decodeModel(_ root: Node) -> Model? {
        guard let fields = walker.fields(of: root, at: "", allowed: ModelSchema.model, required: ["model"], what: "a model") else {
            return nil
        }
        var model = Model(name: fields["model"].flatMap { walker.text($0, at: "model") } ?? "")
        model.reviewInterval = fields["review_interval"].flatMap { walker.value($0, at: "review_interval", FieldValue.reviewInterval) }
        model.segments = list(fields["segments"], "segments", what: "segments") { decoder, node, path in
            decoder.decodeSegment(node, path)
        }
        model.stakeholders = list(fields["stakeholders"], "stakeholders", what: "stakeholders") { decoder, node, path in
            decoder.decodeStakeholder(node, path)
        }
        model.streams = list(fields["streams"], "streams", what: "streams") { decoder, node, path in
            decoder.decodeStream(node, path)
        }
        model.capabilities = list(fields["capabilities"], "capabilities", what: "capabilities") { decoder, node, path in
            decoder.decodeCapability(node, path)
        }
        model.integrations = list(fields["integrations"], "integrations", what: "integrations") { decoder, node, path in
            decoder.decodeIntegration(node, path)
        }
        return model
    }

    /// Decodes each item of an optional list, keeping the ones that decode.
    private mutating func list<T>(_ node: Node?, _ path: String, what: String,
                                  _ decode: (inout ModelDecoder, Node, String) -> T?) -> [T] {
        guard let node else { return [] }
        var decoded: [T] = []
        for (index, item) in walker.items(of: node, at: path, what: what).enumerated() {
            if let value = decode(&self, item, "\(path)[\(index)]") { decoded.append(value) } else { droppedItems = true }
        }
        return decoded
    }

    private mutating func text(_ fields: [String: Node], _ key: String, _ path: String) -> String? {
        fields[key].flatMap { walker.text($0, at: "\(path).\(key)") }
    }

    private mutating func texts(_ fields: [String: Node], _ key: String, _ path: String, what: String) -> [String] {
        fields[key].map { walker.texts($0, at: "\(path).\(key)", what: what) } ?? []
    }

    private mutating func value<T>(_ fields: [String: Node], _ key: String, _ path: String,
                                   _ parse: (String) throws(UnitError) -> T) -> T? {
        fields[key].flatMap { walker.value($0, at: "\(path).\(key)", parse) }
    }

    private mutating func choice<E: RawRepresentable & CaseIterable>(
        _ fields: [String: Node], _ key: String, _ path: String, _ what: String
    ) -> E? where E.RawValue == String {
        value(fields, key, path) { (text: String) throws(UnitError) -> E in try FieldValue.choice(text, what) }
    }

    // MARK: Entities

    private mutating func decodeSegment(_ node: Node, _ path: String) -> Segment? {
        guard let fields = walker.fields(of: node, at: path, allowed: ModelSchema.segment, required: ["name"], what: "a segment"),
              let name = text(fields, "name", path) else { return nil }
        return Segment(name: name, expects: text(fields, "expects", path))
    }

    private mutating func decodeStakeholder(_ node: Node, _ path: String) -> Stakeholder? {
        guard let fields = walker.fields(of: node, at: path, allowed: ModelSchema.stakeholder, required: ["name"], what: "a stakeholder"),
              let name = text(fields, "name", path) else { return nil }
        return Stakeholder(name: name, function: text(fields, "function", path))
    }

    private mutating func decodeStream(_ node: Node, _ path: String) -> ValueStream? {
        guard let fields = walker.fields(of: node, at: path, allowed: ModelSchema.stream,
                                         required: ["id", "name", "kind"], what: "a stream") else { return nil }
        let id = text(fields, "id", path)
        let name = text(fields, "name", path)
        let kind: StreamKind? = choice(fields, "kind", path, "a stream kind")
        var stream = ValueStream(id: id ?? "", name: name ?? "", kind: kind ?? .supporting)
        stream.trigger = fields["trigger"].flatMap { decodeTrigger($0, "\(path).trigger") }
        stream.value = text(fields, "value", path)
        stream.owner = fields["owner"].flatMap { decodeOwner($0, "\(path).owner") }
        stream.serves = choice(fields, "serves", path, "an audience")
        stream.segments = texts(fields, "segments", path, what: "segment names")
        stream.demand = value(fields, "demand", path, FieldValue.demand)
        stream.promise = value(fields, "promise", path, FieldValue.duration)
        stream.serviceLevel = fields["service_level"].flatMap { decodeServiceLevel($0, "\(path).service_level", what: "a service level") }
        stream.reviewed = value(fields, "reviewed", path, FieldValue.date)
        stream.classification = fields["classification"].flatMap { decodeClassification($0, "\(path).classification") }
        stream.signoffs = list(fields["signoffs"], "\(path).signoffs", what: "sign-offs") { decoder, node, path in
            decoder.decodeSignOff(node, path)
        }
        stream.governance = fields["governance"].flatMap { decodeGovernance($0, "\(path).governance") }
        stream.stages = list(fields["stages"], "\(path).stages", what: "stages") { decoder, node, path in
            decoder.decodeStage(node, path)
        }
        stream.metrics = list(fields["metrics"], "\(path).metrics", what: "metrics") { decoder, node, path in
            decoder.decodeMetric(node, path)
        }
        stream.cost = value(fields, "cost", path, FieldValue.nonNegative)
        // A bad kind was reported; the stream stays (as supporting) so later items keep their
        // key paths and references to it still resolve.
        guard id != nil, name != nil, kind != nil || fields["kind"] != nil else { return nil }
        return stream
    }

    private mutating func decodeTrigger(_ node: Node, _ path: String) -> Trigger? {
        guard let fields = walker.fields(of: node, at: path, allowed: ModelSchema.trigger, what: "a trigger") else { return nil }
        return Trigger(by: text(fields, "by", path), event: text(fields, "event", path),
                       external: value(fields, "external", path, FieldValue.bool))
    }

    /// An owner is a plain name or `{ name, reach }`.
    private mutating func decodeOwner(_ node: Node, _ path: String) -> Owner? {
        if case .scalar = node {
            return walker.text(node, at: path).map { Owner(name: $0) }
        }
        guard let fields = walker.fields(of: node, at: path, allowed: ModelSchema.owner, required: ["name"], what: "an owner"),
              let name = text(fields, "name", path) else { return nil }
        return Owner(name: name, reach: choice(fields, "reach", path, "a reach"))
    }

    private mutating func decodeServiceLevel(_ node: Node, _ path: String, what: String) -> ServiceLevel? {
        guard let fields = walker.fields(of: node, at: path, allowed: ModelSchema.serviceLevel, what: what) else { return nil }
        return ServiceLevel(
            availability: value(fields, "availability", path, FieldValue.fraction),
            capacity: value(fields, "capacity", path, FieldValue.fraction),
            latency: value(fields, "latency", path, FieldValue.duration),
            errors: value(fields, "errors", path, FieldValue.fraction))
    }

    private mutating func decodeClassification(_ node: Node, _ path: String) -> ClassificationRecord? {
        guard let fields = walker.fields(of: node, at: path, allowed: ModelSchema.classification, required: ["kind"],
                                         what: "a classification record"),
              let kind: StreamKind = choice(fields, "kind", path, "a stream kind") else { return nil }
        return ClassificationRecord(kind: kind, by: text(fields, "by", path), on: value(fields, "on", path, FieldValue.date),
                                    because: text(fields, "because", path))
    }

    private mutating func decodeSignOff(_ node: Node, _ path: String) -> SignOff? {
        guard let fields = walker.fields(of: node, at: path, allowed: ModelSchema.signoff, required: ["by", "verdict"],
                                         what: "a sign-off") else { return nil }
        let by = text(fields, "by", path)
        let verdict: Verdict? = choice(fields, "verdict", path, "a verdict")
        let signoff = SignOff(by: by ?? "", function: text(fields, "function", path), verdict: verdict ?? .agree,
                              on: value(fields, "on", path, FieldValue.date), note: text(fields, "note", path),
                              stale: value(fields, "stale", path, FieldValue.bool) ?? false)
        return by == nil || fields["verdict"] == nil ? nil : signoff
    }

    private mutating func decodeGovernance(_ node: Node, _ path: String) -> Governance? {
        guard let fields = walker.fields(of: node, at: path, allowed: ModelSchema.governance, what: "a governance") else { return nil }
        return Governance(model: choice(fields, "model", path, "a governance model"), forum: text(fields, "forum", path),
                          members: texts(fields, "members", path, what: "members"))
    }

    private mutating func decodeStage(_ node: Node, _ path: String) -> Stage? {
        guard let fields = walker.fields(of: node, at: path, allowed: ModelSchema.stage, required: ["name"], what: "a stage") else {
            return nil
        }
        let name = text(fields, "name", path)
        let stage = Stage(
            name: name ?? "",
            functions: texts(fields, "functions", path, what: "functions"),
            servers: value(fields, "servers", path, FieldValue.servers),
            time: value(fields, "time", path, FieldValue.duration),
            cv: value(fields, "cv", path, FieldValue.nonNegative),
            wait: value(fields, "wait", path, FieldValue.duration),
            defects: value(fields, "defects", path, FieldValue.defects),
            reworkTo: text(fields, "rework_to", path),
            capabilities: texts(fields, "capabilities", path, what: "capability ids"),
            entrance: text(fields, "entrance", path),
            exit: text(fields, "exit", path),
            cost: value(fields, "cost", path, FieldValue.nonNegative))
        return name == nil ? nil : stage
    }

    private mutating func decodeMetric(_ node: Node, _ path: String) -> Metric? {
        guard let fields = walker.fields(of: node, at: path, allowed: ModelSchema.metric, required: ["name", "category"],
                                         what: "a metric") else { return nil }
        let name = text(fields, "name", path)
        let category: MetricCategory? = choice(fields, "category", path, "a metric category")
        let metric = Metric(
            name: name ?? "", category: category ?? .efficiency, unit: text(fields, "unit", path),
            direction: choice(fields, "direction", path, "a direction"),
            baseline: value(fields, "baseline", path, FieldValue.measure),
            target: value(fields, "target", path, FieldValue.measure),
            responds: fields["responds"].flatMap { decodeResponse($0, "\(path).responds") })
        // A bad category was reported; the metric stays so later key paths stay true.
        return name == nil || fields["category"] == nil ? nil : metric
    }

    private mutating func decodeResponse(_ node: Node, _ path: String) -> ResponseModel? {
        guard let fields = walker.fields(of: node, at: path, allowed: ModelSchema.responds, what: "a response model") else {
            return nil
        }
        let coefficients = Driver.allCases.compactMap { driver in
            value(fields, driver.rawValue, path, FieldValue.number).map { ResponseModel.Coefficient(driver: driver, perUnit: $0) }
        }
        var range: ResponseModel.Bounds?
        if let rangeNode = fields["range"] {
            let items = walker.items(of: rangeNode, at: "\(path).range", what: "bounds")
            let bounds = items.enumerated().compactMap { index, item in
                walker.value(item, at: "\(path).range[\(index)]", FieldValue.number)
            }
            if items.count != 2 || (bounds.count == 2 && bounds[0].value >= bounds[1].value) {
                walker.error(rangeNode, "\(path).range", "expected [low, high] with low below high, e.g. [-100, 100]")
            } else if bounds.count == 2 {
                range = ResponseModel.Bounds(low: bounds[0], high: bounds[1])
            }
        }
        return ResponseModel(coefficients: coefficients, range: range)
    }

    private mutating func decodeCapability(_ node: Node, _ path: String) -> Capability? {
        guard let fields = walker.fields(of: node, at: path, allowed: ModelSchema.capability, required: ["id", "name"],
                                         what: "a capability"),
              let id = text(fields, "id", path), let name = text(fields, "name", path) else { return nil }
        return Capability(id: id, name: name, parent: text(fields, "parent", path),
                          assessment: value(fields, "assessment", path, FieldValue.assessment))
    }

    private mutating func decodeIntegration(_ node: Node, _ path: String) -> IntegrationPoint? {
        guard let fields = walker.fields(of: node, at: path, allowed: ModelSchema.integration,
                                         required: ["from", "to", "effect"], what: "an integration") else { return nil }
        let from = text(fields, "from", path)
        let to = text(fields, "to", path)
        let effect: Effect? = choice(fields, "effect", path, "an effect")
        let link = IntegrationPoint(
            id: text(fields, "id", path), from: Endpoint(parsing: from ?? ""), to: Endpoint(parsing: to ?? ""),
            effect: effect ?? .capacity,
            strength: value(fields, "strength", path, FieldValue.fraction),
            sla: fields["sla"].flatMap { decodeServiceLevel($0, "\(path).sla", what: "an SLA") },
            description: text(fields, "description", path))
        // A bad effect was reported; the link stays so its references are still checked.
        return from == nil || to == nil || fields["effect"] == nil ? nil : link
    }
}
