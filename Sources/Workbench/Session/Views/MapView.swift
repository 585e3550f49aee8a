import ValueStreams

/// `map X`: a text value-stream map — the stages in order with their flow parameters, the
/// hand-offs between functions, and the supporting streams feeding each stage.
enum MapView {
    static func map(_ name: Operand, in model: Model) throws(LanguageError) -> CommandResult {
        let stream = try StreamViews.resolve(name, in: model)
        let index = model.streamIndex(stream.id)
        let incoming = LinkViews.links(of: stream, in: model).filter { model.streamIndex($0.to.stream) == index }
        var lines: [String] = []
        var header = "\(stream.kind.rawValue) stream"
        if let demand = stream.demand { header += ", demand \(demand.text)" }
        if let promise = stream.promise { header += ", promise \(promise.text)" }
        lines.append(header)
        if let trigger = stream.trigger {
            lines.append("trigger: " + [trigger.by, trigger.event].compactMap { $0 }.joined(separator: " "))
        }
        let whole = incoming.filter { $0.to.stage == nil }
        if !whole.isEmpty { lines.append("depends on: " + whole.map(describe).joined(separator: "; ")) }
        lines.append("")

        let nameWidth = stream.stages.map { TextRenderer.displayWidth($0.name) }.max() ?? 0
        let functionWidth = stream.stages.map { TextRenderer.displayWidth($0.functions.joined(separator: ", ")) }.max() ?? 0
        var stageData: [Value] = []
        var mapStages: [Chart.MapStage] = []
        for (index, stage) in stream.stages.enumerated() {
            let functions = stage.functions.joined(separator: ", ")
            let number = String(index + 1)
            let name = stage.name + String(repeating: " ", count: nameWidth - TextRenderer.displayWidth(stage.name))
            let team = functions + String(repeating: " ", count: functionWidth - TextRenderer.displayWidth(functions))
            lines.append(TextRenderer.trimTrailing("[\(number)] \(name)  \(team)  \(flow(of: stage))"))
            let pad = String(repeating: " ", count: number.count + 3)
            let feeding = incoming.filter { link in
                link.to.stage.map { stream.stageIndex(named: $0) == index } ?? false
            }
            for link in feeding { lines.append("\(pad)<- \(describe(link))") }
            var handoff: [String]?
            if index + 1 < stream.stages.count {
                let next = stream.stages[index + 1]
                let changes = Set(next.functions.map { $0.lowercased() }) != Set(stage.functions.map { $0.lowercased() })
                if changes, !stage.functions.isEmpty || !next.functions.isEmpty {
                    handoff = next.functions
                    lines.append("\(pad)|  hand-off: \(functions.isEmpty ? "?" : functions) -> \(next.functions.isEmpty ? "?" : next.functions.joined(separator: ", "))")
                } else {
                    lines.append("\(pad)|")
                }
            }
            mapStages.append(Chart.MapStage(name: stage.name, functions: stage.functions, flow: flow(of: stage),
                                            feeders: feeding.map { "\($0.from) (\($0.effect.rawValue))" }, handoff: handoff != nil))
            stageData.append(.object([
                .init("stage", .text(stage.name)), .init("functions", .list(stage.functions.map(Value.text))),
                .init("servers", .integer(stage.effectiveServers)), .init("time_h", stage.time.map { .typed($0.text, $0.hours) } ?? .null),
                .init("cv", stage.cv.map { .typed($0.text, $0.value) } ?? .typed("1", 1)), .init("wait_h", stage.wait.map { .typed($0.text, $0.hours) } ?? .null),
                .init("defects", stage.defects.map { .typed($0.text, $0.value) } ?? .null), .init("rework_to", .optional(stage.reworkTo)),
                .init("handoff_to", handoff.map { .list($0.map(Value.text)) } ?? .null),
                .init("fed_by", LinkViews.table(feeding, around: nil, in: model).records),
            ]))
        }
        if let value = stream.value {
            lines.append("")
            lines.append("value: \(value)")
        }
        let data = Value.object([
            .init("stream", .text(stream.id)), .init("name", .text(stream.name)), .init("kind", .text(stream.kind.rawValue)),
            .init("stages", .list(stageData)), .init("value", .optional(stream.value)),
        ])
        let title = "Value stream map: \(stream.name) (\(stream.id))"
        // A stream with no stages yet has no picture to draw.
        let chart = mapStages.isEmpty ? nil : Chart(title, .valueStreamMap(stream: stream.id, stages: mapStages))
        return .document(Document(sections: [Section(title: title, lines: lines, chart: chart)], data: data))
    }

    /// `4 x 45m, cv 0.5, wait 4h, defects 3% -> rework to Apply`
    private static func flow(of stage: Stage) -> String {
        var parts = ["\(stage.effectiveServers) x \(stage.time?.text ?? "?")"]
        if let cv = stage.cv, cv.value != 1 { parts.append("cv \(cv.text)") }
        if let wait = stage.wait { parts.append("wait \(wait.text)") }
        if let defects = stage.defects {
            parts.append("defects \(defects.text)" + (stage.reworkTo.map { " -> rework to \($0)" } ?? ""))
        }
        return parts.joined(separator: ", ")
    }

    /// `it-infra (capacity 1.0, SLA availability 99.5%)`
    private static func describe(_ link: IntegrationPoint) -> String {
        var text = "\(link.from) (\(link.effect.rawValue) \(link.strength?.text ?? "1")"
        text += link.sla.map { ", SLA \(StreamViews.serviceLevel($0))" } ?? ", no SLA"
        return text + ")"
    }
}
