import ValueStreams

/// A model laid out as the file holds it: keys in canonical order, values as typed, and
/// which mappings are written in block style. Both writers render this one tree.
indirect enum FileTree {
    /// Text the user wrote as text: quoted where a reader might take it for something else.
    case string(String)
    /// A unit-bearing value or date as typed (`20m`, `120/day`, `3%`): a string in JSON.
    case unit(String)
    /// A plain number or a boolean: bare in both formats.
    case bare(String)
    case list([FileTree])
    /// Key-value pairs in order; `block` mappings take a line per key.
    case map([(String, FileTree)], block: Bool)

    var isEmptyList: Bool {
        if case .list(let items) = self { return items.isEmpty }
        return false
    }
}

/// Lays out a `Model` as a `FileTree`, leaving out what is absent.
enum FileTreeEncoder {
    static func encode(_ model: Model) -> FileTree {
        var pairs = Pairs()
        pairs.add("model", .string(model.name))
        pairs.add("review_interval", model.reviewInterval.map { .unit($0.text) })
        pairs.add("segments", .list(model.segments.map { segment in
            var fields = Pairs()
            fields.add("name", .string(segment.name))
            fields.add("expects", segment.expects.map(FileTree.string))
            return fields.flow
        }))
        pairs.add("stakeholders", .list(model.stakeholders.map { stakeholder in
            var fields = Pairs()
            fields.add("name", .string(stakeholder.name))
            fields.add("function", stakeholder.function.map(FileTree.string))
            return fields.flow
        }))
        pairs.add("streams", .list(model.streams.map(encode)))
        pairs.add("capabilities", .list(model.capabilities.map { capability in
            var fields = Pairs()
            fields.add("id", .string(capability.id))
            fields.add("name", .string(capability.name))
            fields.add("parent", capability.parent.map(FileTree.string))
            fields.add("assessment", capability.assessment.map { .bare(String($0)) })
            return fields.flow
        }))
        pairs.add("integrations", .list(model.integrations.map(encode)))
        return pairs.block
    }

    private static func encode(_ stream: ValueStream) -> FileTree {
        var pairs = Pairs()
        pairs.add("id", .string(stream.id))
        pairs.add("name", .string(stream.name))
        pairs.add("kind", .bare(stream.kind.rawValue))
        pairs.add("trigger", stream.trigger.map { trigger in
            var fields = Pairs()
            fields.add("by", trigger.by.map(FileTree.string))
            fields.add("event", trigger.event.map(FileTree.string))
            fields.add("external", trigger.external.map { .bare(String($0)) })
            return fields.flow
        })
        pairs.add("value", stream.value.map(FileTree.string))
        pairs.add("owner", stream.owner.map { owner in
            guard let reach = owner.reach else { return .string(owner.name) }
            var fields = Pairs()
            fields.add("name", .string(owner.name))
            fields.add("reach", .bare(reach.rawValue))
            return fields.flow
        })
        pairs.add("serves", stream.serves.map { .bare($0.rawValue) })
        pairs.add("segments", .list(stream.segments.map(FileTree.string)))
        pairs.add("demand", stream.demand.map { .unit($0.text) })
        pairs.add("promise", stream.promise.map { .unit($0.text) })
        pairs.add("service_level", stream.serviceLevel.map(encode))
        pairs.add("reviewed", stream.reviewed.map { .unit($0.description) })
        pairs.add("classification", stream.classification.map { record in
            var fields = Pairs()
            fields.add("kind", .bare(record.kind.rawValue))
            fields.add("by", record.by.map(FileTree.string))
            fields.add("on", record.on.map { .unit($0.description) })
            fields.add("because", record.because.map(FileTree.string))
            return fields.flow
        })
        pairs.add("signoffs", .list(stream.signoffs.map { signoff in
            var fields = Pairs()
            fields.add("by", .string(signoff.by))
            fields.add("function", signoff.function.map(FileTree.string))
            fields.add("verdict", .bare(signoff.verdict.rawValue))
            fields.add("on", signoff.on.map { .unit($0.description) })
            fields.add("note", signoff.note.map(FileTree.string))
            fields.add("stale", signoff.stale ? .bare("true") : nil)
            return fields.flow
        }))
        pairs.add("governance", stream.governance.map { governance in
            var fields = Pairs()
            fields.add("model", governance.model.map { .bare($0.rawValue) })
            fields.add("forum", governance.forum.map(FileTree.string))
            fields.add("members", .list(governance.members.map(FileTree.string)))
            return fields.flow
        })
        pairs.add("stages", .list(stream.stages.map(encode)))
        pairs.add("metrics", .list(stream.metrics.map(encode)))
        pairs.add("cost", stream.cost.map { .bare($0.text) })
        return pairs.block
    }

    private static func encode(_ level: ServiceLevel) -> FileTree {
        var fields = Pairs()
        fields.add("availability", level.availability.map { .unit($0.text) })
        fields.add("capacity", level.capacity.map { .unit($0.text) })
        fields.add("latency", level.latency.map { .unit($0.text) })
        fields.add("errors", level.errors.map { .unit($0.text) })
        return fields.flow
    }

    private static func encode(_ stage: Stage) -> FileTree {
        var fields = Pairs()
        fields.add("name", .string(stage.name))
        fields.add("functions", .list(stage.functions.map(FileTree.string)))
        fields.add("servers", stage.servers.map { .bare(String($0)) })
        fields.add("time", stage.time.map { .unit($0.text) })
        fields.add("cv", stage.cv.map { .bare($0.text) })
        fields.add("wait", stage.wait.map { .unit($0.text) })
        fields.add("defects", stage.defects.map { .unit($0.text) })
        fields.add("rework_to", stage.reworkTo.map(FileTree.string))
        fields.add("capabilities", .list(stage.capabilities.map(FileTree.string)))
        fields.add("entrance", stage.entrance.map(FileTree.string))
        fields.add("exit", stage.exit.map(FileTree.string))
        fields.add("cost", stage.cost.map { .bare($0.text) })
        return fields.flow
    }

    private static func encode(_ metric: Metric) -> FileTree {
        var fields = Pairs()
        fields.add("name", .string(metric.name))
        fields.add("category", .bare(metric.category.rawValue))
        fields.add("unit", metric.unit.map(FileTree.string))
        fields.add("direction", metric.direction.map { .bare($0.rawValue) })
        fields.add("baseline", metric.baseline.map(measure))
        fields.add("target", metric.target.map(measure))
        fields.add("responds", metric.responds.map { response in
            var model = Pairs()
            for coefficient in response.coefficients {
                model.add(coefficient.driver.rawValue, .bare(coefficient.perUnit.text))
            }
            model.add("range", response.range.map { .list([.bare($0.low.text), .bare($0.high.text)]) })
            return model.flow
        })
        return fields.flow
    }

    /// A plain-number measure stays a number in JSON; `99.5%` or `2d` is a string.
    private static func measure(_ measure: Measure) -> FileTree {
        StrictDecimal.parse(measure.text) != nil ? .bare(measure.text) : .unit(measure.text)
    }

    private static func encode(_ link: IntegrationPoint) -> FileTree {
        var fields = Pairs()
        fields.add("id", link.id.map(FileTree.string))
        fields.add("from", .string(link.from.description))
        fields.add("to", .string(link.to.description))
        fields.add("effect", .bare(link.effect.rawValue))
        fields.add("strength", link.strength.map { .unit($0.text) })
        fields.add("sla", link.sla.map(encode))
        fields.add("description", link.description.map(FileTree.string))
        return fields.flow
    }

    /// Ordered pairs that skip absent values and empty lists.
    private struct Pairs {
        var items: [(String, FileTree)] = []

        mutating func add(_ key: String, _ value: FileTree?) {
            guard let value, !value.isEmptyList else { return }
            items.append((key, value))
        }

        var flow: FileTree { .map(items, block: false) }
        var block: FileTree { .map(items, block: true) }
    }
}
