import ValueStreams

/// Results that look at streams: the list, one stream in full, a load summary.
enum StreamViews {
    static func loadSummary(_ model: Model, from origin: String, warnings: Int) -> String {
        let customer = model.streams.filter { $0.kind == .customer }.count
        let stages = model.streams.reduce(0) { $0 + $1.stages.count }
        var text = "Loaded \(model.name) from \(origin): \(count(model.streams.count, "stream")) "
            + "(\(customer) customer, \(model.streams.count - customer) supporting), \(count(stages, "stage")), "
            + "\(count(model.integrations.count, "link")), \(count(model.capabilities.count, "capability", "capabilities"))."
        if warnings > 0 { text += " \(count(warnings, "warning")) (see above)." }
        return text
    }

    static func count(_ number: Int, _ singular: String, _ plural: String? = nil) -> String {
        "\(number) \(number == 1 ? singular : plural ?? singular + "s")"
    }

    static func list(_ model: Model) -> Table {
        Table(
            columns: [.init("id"), .init("name"), .init("kind"), .init("stages", .right), .init("owner")],
            rows: model.streams.map { stream in
                [stream.id, stream.name, stream.kind.rawValue, String(stream.stages.count), stream.owner?.name ?? ""]
            })
    }

    static func show(_ name: Operand, in model: Model) throws(LanguageError) -> CommandResult {
        let stream: ValueStream
        do {
            stream = try model.resolveStream(name.text)
        } catch {
            throw LanguageError(error.description, at: name.span)
        }
        var sections = [Section(title: "\(stream.name) (\(stream.id)): \(stream.kind.rawValue) stream", fields: overview(of: stream, in: model))]
        if !stream.stages.isEmpty {
            sections.append(Section(title: "Stages", table: stages(of: stream)))
        }
        if !stream.metrics.isEmpty {
            sections.append(Section(title: "Metrics", table: metrics(of: stream)))
        }
        let links = model.integrations.filter {
            model.streamIndex($0.from.stream) == model.streamIndex(stream.id) || model.streamIndex($0.to.stream) == model.streamIndex(stream.id)
        }
        if !links.isEmpty {
            sections.append(Section(title: "Links", table: linkTable(links, around: stream, in: model)))
        }
        if !stream.signoffs.isEmpty {
            sections.append(Section(title: "Sign-offs", table: signoffs(of: stream)))
        }
        return .document(sections)
    }

    private static func overview(of stream: ValueStream, in model: Model) -> [Field] {
        var fields: [Field] = []
        func add(_ label: String, _ value: String?) {
            if let value, !value.isEmpty { fields.append(Field(label, value)) }
        }
        if let trigger = stream.trigger {
            let origin = trigger.external.map { $0 ? " (external)" : " (internal)" } ?? ""
            add("trigger", [trigger.by, trigger.event].compactMap { $0 }.joined(separator: " ") + origin)
        }
        add("value", stream.value)
        add("owner", stream.owner.map { owner in owner.name + (owner.reach.map { " (\($0.rawValue))" } ?? "") })
        add("serves", stream.serves?.rawValue)
        add("segments", stream.segments.joined(separator: ", "))
        add("demand", stream.demand?.text)
        add("promise", stream.promise?.text)
        if let level = stream.serviceLevel {
            add("service level", serviceLevel(level))
        }
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
        if let cost = stream.cost { add("cost per step", cost.shortDecimal) }
        return fields
    }

    static func serviceLevel(_ level: ServiceLevel) -> String {
        [("availability", level.availability?.text), ("capacity", level.capacity?.text),
         ("latency", level.latency?.text), ("errors", level.errors?.text)]
            .compactMap { key, value in value.map { "\(key) \($0)" } }
            .joined(separator: ", ")
    }

    private static func stages(of stream: ValueStream) -> Table {
        let utilisations = Routing.utilisations(of: stream)
        let visits = Routing.visits(of: stream)
        return Table(
            columns: [.init("#", .right), .init("stage"), .init("functions"), .init("servers", .right), .init("time", .right),
                      .init("cv", .right), .init("wait", .right), .init("defects", .right), .init("rework to"),
                      .init("visits", .right), .init("utilisation", .right), .init("capabilities")],
            rows: stream.stages.enumerated().map { index, stage in
                [String(index + 1), stage.name, stage.functions.joined(separator: ", "), String(stage.effectiveServers),
                 stage.time?.text ?? "", stage.effectiveCV.shortDecimal, stage.wait?.text ?? "", stage.defects?.text ?? "",
                 stage.reworkTo ?? "", visits.map { Figures.significant($0[index]) } ?? "",
                 utilisations[index].map(Figures.percent) ?? "", stage.capabilities.joined(separator: ", ")]
            })
    }

    private static func metrics(of stream: ValueStream) -> Table {
        Table(
            columns: [.init("metric"), .init("category"), .init("unit"), .init("better"), .init("baseline", .right),
                      .init("target", .right), .init("responds to")],
            rows: stream.metrics.map { metric in
                [metric.name, metric.category.rawValue, metric.unit ?? "", metric.direction?.rawValue ?? "",
                 metric.baseline?.text ?? "", metric.target?.text ?? "",
                 metric.responds.map { $0.coefficients.map { "\($0.driver.rawValue) \($0.perUnit.shortDecimal)" }.joined(separator: ", ") } ?? ""]
            })
    }

    private static func linkTable(_ links: [IntegrationPoint], around stream: ValueStream, in model: Model) -> Table {
        Table(
            columns: [.init("dir"), .init("link"), .init("from"), .init("to"), .init("effect"), .init("strength", .right), .init("sla")],
            rows: links.map { link in
                let outgoing = model.streamIndex(link.from.stream) == model.streamIndex(stream.id)
                return [outgoing ? "out" : "in", link.id ?? "", link.from.description, link.to.description, link.effect.rawValue,
                        link.strength?.text ?? "1", link.sla.map(serviceLevel) ?? "none"]
            })
    }

    private static func signoffs(of stream: ValueStream) -> Table {
        Table(
            columns: [.init("by"), .init("function"), .init("verdict"), .init("on"), .init("current"), .init("note")],
            rows: stream.signoffs.map { signoff in
                [signoff.by, signoff.function ?? "", signoff.verdict.rawValue, signoff.on?.description ?? "",
                 signoff.stale ? "stale" : "yes", signoff.note ?? ""]
            })
    }
}
