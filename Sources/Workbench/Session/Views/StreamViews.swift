import ValueStreams

/// Results that look at streams: the list, one stream in full, its stages, a load summary.
enum StreamViews {
    static func loadSummary(_ model: Model, from origin: String, warnings: Int) -> CommandResult {
        let customer = model.streams.filter { $0.kind == .customer }.count
        let stages = model.streams.reduce(0) { $0 + $1.stages.count }
        var text = "Loaded \(model.name) from \(origin): \(count(model.streams.count, "stream")) "
            + "(\(customer) customer, \(model.streams.count - customer) supporting), \(count(stages, "stage")), "
            + "\(count(model.integrations.count, "link")), \(count(model.capabilities.count, "capability", "capabilities"))."
        if warnings > 0 { text += " \(count(warnings, "warning")) (see above)." }
        return .message(text, figures: [
            .init("model", .text(model.name)), .init("origin", .text(origin)), .init("streams", .integer(model.streams.count)),
            .init("customer", .integer(customer)), .init("supporting", .integer(model.streams.count - customer)),
            .init("stages", .integer(stages)), .init("links", .integer(model.integrations.count)),
            .init("capabilities", .integer(model.capabilities.count)), .init("warnings", .integer(warnings)),
        ])
    }

    static func count(_ number: Int, _ singular: String, _ plural: String? = nil) -> String {
        "\(number) \(number == 1 ? singular : plural ?? singular + "s")"
    }

    /// The stream a name resolves to, or an error at the name suggesting the nearest.
    static func resolve(_ name: Operand, in model: Model) throws(LanguageError) -> ValueStream {
        model.streams[try resolveIndex(name, in: model)]
    }

    /// The index of the stream `name` names, or a located error suggesting the nearest.
    static func resolveIndex(_ name: Operand, in model: Model) throws(LanguageError) -> Int {
        do {
            return try model.resolveStreamIndex(name.text)
        } catch {
            throw LanguageError(error.description, at: name.span)
        }
    }

    /// `STREAM.METRIC` as the stream and the metric; the whole as the stream when it names one.
    static func splitMetric(_ target: Operand, in model: Model) -> (Operand, Operand?) {
        let text = target.text
        guard model.streamIndex(text) == nil, let dot = text.firstIndex(of: ".") else { return (target, nil) }
        let streamLength = text.distance(from: text.startIndex, to: dot)
        let metric = String(text[text.index(after: dot)...])
        let span = target.span
        return (Operand(String(text[..<dot]), at: SourceSpan(lineOffset: span.lineOffset, column: span.column, length: streamLength)),
                Operand(metric, at: SourceSpan(lineOffset: span.lineOffset, column: span.column + streamLength + 1,
                                               length: max(1, span.length - streamLength - 1))))
    }

    static func list(_ model: Model) -> Table {
        Table(
            columns: [.init("id"), .init("name"), .init("kind"), .init("owner"), .init("stages", nil, .right)],
            rows: model.streams.map { stream in
                [.text(stream.id), .text(stream.name), .text(stream.kind.rawValue), .optional(stream.owner?.name),
                 .integer(stream.stages.count)]
            })
    }

    static func stages(_ name: Operand, in model: Model) throws(LanguageError) -> Table {
        stageTable(try resolve(name, in: model))
    }

    /// Stages with their flow fields in file order, then what the routing makes of them.
    static func stageTable(_ stream: ValueStream) -> Table {
        let visits = Routing.visits(of: stream)
        let utilisations = Routing.utilisations(of: stream, visits: visits)
        return Table(
            columns: [.init("stage"), .init("servers", nil, .right), .init("time_h", "time", .right), .init("cv", nil, .right),
                      .init("wait_h", "wait", .right), .init("defects", nil, .right), .init("rework_to", "rework to"),
                      .init("visits", nil, .right), .init("utilization", "utilisation", .right), .init("functions"),
                      .init("capabilities")],
            rows: stream.stages.enumerated().map { index, stage in
                [.text(stage.name), .integer(stage.effectiveServers), stage.time.map { .typed($0.text, $0.hours) } ?? .null,
                 stage.cv.map { .typed($0.text, $0.value) } ?? .typed("1", 1), stage.wait.map { .typed($0.text, $0.hours) } ?? .null,
                 stage.defects.map { .typed($0.text, $0.value) } ?? .null, .optional(stage.reworkTo),
                 visits.map { .number($0[index]) } ?? .null, utilisations[index].map(Value.percent) ?? .null,
                 .list(stage.functions.map(Value.text)), .list(stage.capabilities.map(Value.text))]
            })
    }

    static func show(_ name: Operand, in model: Model) throws(LanguageError) -> CommandResult {
        let stream = try resolve(name, in: model)
        let overview = overview(of: stream)
        var sections = [Section(title: "\(stream.name) (\(stream.id)): \(stream.kind.rawValue) stream", fields: overview)]
        var data = details(of: stream)
        let stages = stageTable(stream)
        let metrics = metricTable(stream)
        let links = LinkViews.table(LinkViews.links(of: stream, in: model), around: stream, in: model)
        let signoffs = signoffTable(stream)
        for (title, table) in [("Stages", stages), ("Metrics", metrics), ("Links", links), ("Sign-offs", signoffs)] {
            if !table.rows.isEmpty { sections.append(Section(title: title, table: table)) }
            data.append(.init(title.lowercased().replacingOccurrences(of: "-", with: ""), table.records))
        }
        return .document(Document(sections: sections, data: .object(data)))
    }

    /// The stream's fields for programs: model-file keys, units in key names.
    private static func details(of stream: ValueStream) -> [Value.Entry] {
        func text(_ value: String?) -> Value { .optional(value) }
        return [
            .init("id", .text(stream.id)), .init("name", .text(stream.name)), .init("kind", .text(stream.kind.rawValue)),
            .init("trigger", stream.trigger.map { trigger in
                .object([.init("by", text(trigger.by)), .init("event", text(trigger.event)),
                         .init("external", trigger.external.map(Value.bool) ?? .null)])
            } ?? .null),
            .init("value", text(stream.value)),
            .init("owner", stream.owner.map { .object([.init("name", .text($0.name)), .init("reach", text($0.reach?.rawValue))]) } ?? .null),
            .init("serves", text(stream.serves?.rawValue)),
            .init("segments", .list(stream.segments.map(Value.text))),
            .init("demand_per_h", stream.demand.map { .typed($0.text, $0.perHour) } ?? .null),
            .init("promise_h", stream.promise.map { .typed($0.text, $0.hours) } ?? .null),
            .init("service_level", stream.serviceLevel.map(serviceLevelValue) ?? .null),
            .init("reviewed", text(stream.reviewed?.description)),
            .init("classification", stream.classification.map { record in
                .object([.init("kind", .text(record.kind.rawValue)), .init("by", text(record.by)),
                         .init("on", text(record.on?.description)), .init("because", text(record.because))])
            } ?? .null),
            .init("governance", stream.governance.map { governance in
                .object([.init("model", text(governance.model?.rawValue)), .init("forum", text(governance.forum)),
                         .init("members", .list(governance.members.map(Value.text)))])
            } ?? .null),
            .init("functions", .list(stream.functions.map(Value.text))),
            .init("cost", stream.cost.map { .typed($0.text, $0.value) } ?? .null),
        ]
    }

    private static func overview(of stream: ValueStream) -> [Field] {
        var fields: [Field] = []
        func add(_ label: String, _ value: String?) {
            if let value, !value.isEmpty { fields.append(Field(label, .text(value))) }
        }
        if let trigger = stream.trigger {
            let origin = trigger.external.map { $0 ? " (external)" : " (internal)" } ?? ""
            add("trigger", [trigger.by, trigger.event].compactMap { $0 }.joined(separator: " ") + origin)
        }
        add("value", stream.value)
        add("owner", stream.owner.map { owner in owner.name + (owner.reach.map { " (\($0.rawValue))" } ?? "") })
        add("serves", stream.serves?.rawValue)
        add("segments", stream.segments.joined(separator: ", "))
        if let demand = stream.demand { fields.append(Field("demand", .typed(demand.text, demand.perHour))) }
        if let promise = stream.promise { fields.append(Field("promise", .typed(promise.text, promise.hours))) }
        if let level = stream.serviceLevel { add("service level", serviceLevel(level)) }
        add("reviewed", stream.reviewed?.description)
        if let record = stream.classification {
            var text = record.kind.rawValue
            if let by = record.by { text += " by \(by)" }
            if let on = record.on { text += " on \(on)" }
            if let because = record.because { text += ": \(because)" }
            add("classified", text)
        }
        if let governance = stream.governance {
            var parts: [String] = []
            if let model = governance.model { parts.append(model.rawValue) }
            if let forum = governance.forum { parts.append(forum) }
            if !governance.members.isEmpty { parts.append("members: " + governance.members.joined(separator: ", ")) }
            add("governance", parts.joined(separator: "; "))
        }
        add("functions", stream.functions.joined(separator: ", "))
        if let cost = stream.cost { fields.append(Field("cost per step", .typed(cost.text, cost.value))) }
        return fields
    }

    static func serviceLevel(_ level: ServiceLevel) -> String {
        TextRenderer.text(serviceLevelValue(level))
    }

    /// A service level or SLA as an object of its given fields.
    static func serviceLevelValue(_ level: ServiceLevel) -> Value {
        var entries: [Value.Entry] = []
        if let value = level.availability { entries.append(.init("availability", .typed(value.text, value.value))) }
        if let value = level.capacity { entries.append(.init("capacity", .typed(value.text, value.value))) }
        if let value = level.latency { entries.append(.init("latency_h", .typed(value.text, value.hours), label: "latency")) }
        if let value = level.errors { entries.append(.init("errors", .typed(value.text, value.value))) }
        return .object(entries)
    }

    private static func metricTable(_ stream: ValueStream) -> Table {
        Table(
            columns: [.init("metric"), .init("category"), .init("unit"), .init("direction", "better"),
                      .init("baseline", nil, .right), .init("target", nil, .right), .init("responds", "responds to")],
            rows: stream.metrics.map { metric in
                [.text(metric.name), .text(metric.category.rawValue), .optional(metric.unit), .optional(metric.direction?.rawValue),
                 metric.baseline.map { .typed($0.text, $0.value) } ?? .null, metric.target.map { .typed($0.text, $0.value) } ?? .null,
                 metric.responds.map { response in
                     .object(response.coefficients.map { .init($0.driver.rawValue, .typed($0.perUnit.text, $0.perUnit.value)) })
                 } ?? .null]
            })
    }

    private static func signoffTable(_ stream: ValueStream) -> Table {
        Table(
            columns: [.init("by"), .init("function"), .init("verdict"), .init("on"), .init("current"), .init("note")],
            rows: stream.signoffs.map { signoff in
                [.text(signoff.by), .optional(signoff.function), .text(signoff.verdict.rawValue), .optional(signoff.on?.description),
                 .bool(!signoff.stale), .optional(signoff.note)]
            })
    }
}
