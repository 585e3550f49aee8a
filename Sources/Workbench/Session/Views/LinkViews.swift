import ValueStreams

/// `deps`: integration points and dependencies, with effect, strength and SLA.
enum LinkViews {
    static func deps(_ name: Operand?, in model: Model) throws(LanguageError) -> Table {
        guard let name else { return table(model.integrations, around: nil, in: model) }
        let stream = try StreamViews.resolve(name, in: model)
        return table(links(of: stream, in: model), around: stream, in: model)
    }

    /// The links in and out of a stream, in model order.
    static func links(of stream: ValueStream, in model: Model) -> [IntegrationPoint] {
        let index = model.streamIndex(stream.id)
        return model.integrations.filter { model.streamIndex($0.from.stream) == index || model.streamIndex($0.to.stream) == index }
    }

    /// Rows `id from to effect strength sla`, and `direction` when seen from one stream.
    static func table(_ links: [IntegrationPoint], around stream: ValueStream?, in model: Model) -> Table {
        var columns: [Table.Column] = [.init("id", "link"), .init("from"), .init("to"), .init("effect"),
                                       .init("strength", nil, .right), .init("sla")]
        if stream != nil { columns.append(.init("direction")) }
        let index = stream.flatMap { model.streamIndex($0.id) }
        return Table(columns: columns, rows: links.map { link in
            var row: [Value] = [.text(link.name), .text(link.from.description), .text(link.to.description), .text(link.effect.rawValue),
                                link.strength.map { .typed($0.text, $0.value) } ?? .typed("1", 1),
                                link.sla.map(StreamViews.serviceLevelValue) ?? .null]
            if stream != nil {
                row.append(.text(model.streamIndex(link.from.stream) == index ? "out" : "in"))
            }
            return row
        })
    }
}
