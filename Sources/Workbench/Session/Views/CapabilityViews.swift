import ValueStreams

/// `capabilities`: each capability, its assessment, and the stages it enables.
enum CapabilityViews {
    static func list(_ model: Model) -> Table {
        Table(
            columns: [.init("id"), .init("name"), .init("parent"), .init("assessment", nil, .right),
                      .init("customer_stages", "customer stages", .right), .init("enables")],
            rows: model.capabilities.map { capability in
                let stages = model.stages(enabledBy: capability.id)
                let customer = stages.filter { reference in
                    model.streamIndex(reference.stream).map { model.streams[$0].kind == .customer } ?? false
                }
                return [.text(capability.id), .text(capability.name), .optional(capability.parent),
                        capability.assessment.map(Value.integer) ?? .null, .integer(customer.count),
                        .list(stages.map { .text("\($0.stream)/\($0.stage)") })]
            })
    }
}
