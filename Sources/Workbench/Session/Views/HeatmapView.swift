import ValueStreams

/// `heatmap`: each capability against the customer streams whose stages it enables — how
/// many customer stages depend on it, its assessment, and the review findings on those
/// stages and the integration points into them. A cell is hotter the more stages depend on
/// a capability and the weaker its assessment.
enum HeatmapView {
    static func heatmap(_ model: Model, today: CalendarDate) -> CommandResult {
        let customers = model.streams.filter { $0.kind == .customer }
        let findings = model.review(today: today)
        var rows: [[Value]] = []
        for capability in model.capabilities {
            let stages = model.stages(enabledBy: capability.id)
            let paths = Set(stages.map { "\($0.stream)/\($0.stage)".lowercased() })
            let intoStages = Set(model.integrations.filter { link in
                link.to.stage.map { paths.contains("\(link.to.stream)/\($0)".lowercased()) } ?? false
            }.map(\.name))
            let onIt = findings.filter { paths.contains($0.entity.lowercased()) || intoStages.contains($0.entity) }
            var row: [Value] = [.text(capability.id), .text(capability.name)]
            row.append(capability.assessment.map { .rated(String($0), Double($0), rating: $0) } ?? .null)
            var customerStages = 0
            for stream in customers {
                let index = model.streamIndex(stream.id)
                let count = stages.filter { model.streamIndex($0.stream) == index }.count
                customerStages += count
                row.append(count == 0 ? .null : .rated(String(repeating: "#", count: min(count, 5)), Double(count),
                                                      rating: heat(dependents: count, assessment: capability.assessment)))
            }
            row.insert(.rated(String(customerStages), Double(customerStages), rating: heat(dependents: customerStages, assessment: capability.assessment)), at: 3)
            row.append(.integer(onIt.count))
            rows.append(row)
        }
        let columns: [Table.Column] = [.init("id", "capability"), .init("name"), .init("assessment", nil, .right),
                                       .init("customer_stages", "customer stages", .right)]
            + customers.map { Table.Column($0.id) } + [.init("findings", nil, .right)]
        let notes = [
            "A # is a stage of that stream the capability enables; colour (on a terminal) runs from green (few dependents, strong) to red (many, weak).",
            "findings: review findings on those stages and the integration points into them.",
        ]
        return .table(Table(columns: columns, rows: rows, notes: notes))
    }

    /// 1 (hot, red) to 5 (cool, green): dependents weighed against the assessment (3 when unassessed).
    static func heat(dependents: Int, assessment: Int?) -> Int {
        let weakness = 6 - (assessment ?? 3)
        switch dependents * weakness {
        case 0...3: return 5
        case 4...6: return 4
        case 7...9: return 3
        case 10...14: return 2
        default: return 1
        }
    }
}
