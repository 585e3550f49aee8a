import ModelFormats
import ValueStreams

/// The editing commands: `add`, `set` and `remove`, each on the caller's copy of the model.
/// Field values go through `FieldEditor`, so they mean what they mean in a model file; the
/// session then checks the whole model before it keeps the copy.
enum ModelEditor {
    // MARK: add

    static func add(_ addition: Addition, _ fields: [Assignment], to model: inout Model) throws(LanguageError) -> Edit {
        switch addition {
        case .stream(let id, let name, let kind):
            if let existing = model.streamIndex(id.text) {
                throw LanguageError("there is already a stream '\(model.streams[existing].id)'; choose another id", at: id.span)
            }
            var stream = ValueStream(id: id.text, name: name.text, kind: .supporting)
            try apply("kind", kind, on: &stream)
            for field in fields { try apply(field, on: &stream) }
            model.streams.append(stream)
            return Edit(message: "Added \(stream.kind.rawValue) stream \(stream.id) (\(stream.name)).", span: id.span)

        case .stage(let streamName, let name, let after):
            let index = try StreamViews.resolveIndex(streamName, in: model)
            var stream = model.streams[index]
            if stream.stageIndex(named: name.text) != nil {
                throw LanguageError("'\(stream.id)' already has a stage '\(name.text)'; choose another name", at: name.span)
            }
            var stage = Stage(name: name.text)
            for field in fields { try apply(field, on: &stage) }
            var position = stream.stages.count
            if let after {
                guard let found = stream.stageIndex(named: after.text) else {
                    throw LanguageError("no stage '\(after.text)' in stream '\(stream.id)'\(NameSuggestions.didYouMean(after.text, among: stream.stages.map(\.name)))", at: after.span)
                }
                position = found + 1
            }
            stream.stages.insert(stage, at: position)
            model.streams[index] = stream
            return Edit(message: "Added stage \(stage.name) to \(stream.id) as stage \(position + 1) of \(stream.stages.count).", span: name.span)

        case .link(let from, let to):
            try checkEndpoint(from, in: model)
            try checkEndpoint(to, in: model)
            var link = IntegrationPoint(from: Endpoint(parsing: from.text), to: Endpoint(parsing: to.text), effect: .capacity)
            guard fields.contains(where: { $0.key.text.lowercased() == "effect" }) else {
                throw LanguageError("a link needs an effect: add effect capacity, effect latency or effect quality", at: to.span)
            }
            for field in fields { try apply(field, on: &link) }
            if let id = link.id, model.integrations.contains(where: { $0.id?.caseInsensitiveEquals(id) ?? false }) {
                throw LanguageError("there is already a link '\(id)'; choose another id", at: fields.first { $0.key.text == "id" }?.value.span ?? to.span)
            }
            model.integrations.append(link)
            return Edit(message: "Added link \(link.name).", span: from.span)

        case .segment(let name):
            if let existing = model.segments.first(where: { $0.name.caseInsensitiveEquals(name.text) }) {
                throw LanguageError("there is already a segment '\(existing.name)'; set its fields or choose another name", at: name.span)
            }
            var segment = Segment(name: name.text)
            for field in fields { try apply(field, keys: FieldEditor.segmentKeys) { (key, text) throws(UnitError) in try FieldEditor.set(key, to: text, on: &segment) } }
            model.segments.append(segment)
            return Edit(message: "Added segment \(segment.name).", span: name.span)

        case .stakeholder(let name):
            if let existing = model.stakeholders.first(where: { $0.name.caseInsensitiveEquals(name.text) }) {
                throw LanguageError("there is already a stakeholder '\(existing.name)'; list each person once", at: name.span)
            }
            var stakeholder = Stakeholder(name: name.text)
            for field in fields { try apply(field, keys: FieldEditor.stakeholderKeys) { (key, text) throws(UnitError) in try FieldEditor.set(key, to: text, on: &stakeholder) } }
            model.stakeholders.append(stakeholder)
            return Edit(message: "Added stakeholder \(stakeholder.name).", span: name.span)

        case .capability(let id, let name):
            if model.capabilities.contains(where: { $0.id.caseInsensitiveEquals(id.text) }) {
                throw LanguageError("there is already a capability '\(id.text)'; choose another id", at: id.span)
            }
            var capability = Capability(id: id.text, name: name.text)
            for field in fields { try apply(field, keys: FieldEditor.capabilityKeys) { (key, text) throws(UnitError) in try FieldEditor.set(key, to: text, on: &capability) } }
            model.capabilities.append(capability)
            return Edit(message: "Added capability \(capability.id) (\(capability.name)).", span: id.span)

        case .metric(let streamName, let name, let category):
            let index = try StreamViews.resolveIndex(streamName, in: model)
            if let existing = model.streams[index].metrics.first(where: { $0.name.caseInsensitiveEquals(name.text) }) {
                throw LanguageError("'\(model.streams[index].id)' already has a metric '\(existing.name)'; choose another name", at: name.span)
            }
            var metric = Metric(name: name.text, category: .customer)
            let keys = FieldEditor.metricKeys
            try apply(Assignment(Operand("category", at: category.span), category), keys: keys) { (key, text) throws(UnitError) in try FieldEditor.set(key, to: text, on: &metric) }
            for field in fields { try apply(field, keys: keys) { (key, text) throws(UnitError) in try FieldEditor.set(key, to: text, on: &metric) } }
            model.streams[index].metrics.append(metric)
            return Edit(message: "Added \(metric.category.rawValue) metric \(metric.name) to \(model.streams[index].id).", span: name.span)
        }
    }

    // MARK: set

    /// What `X.FIELD` names.
    private enum Target {
        case stream(Int)
        case stage(Int, Int)
        case link(Int)
    }

    static func set(_ target: Operand, to value: Operand, in model: inout Model) throws(LanguageError) -> Edit {
        let (entity, key) = try resolveTarget(target, in: model)
        let text: String? = value.isNone ? nil : value.text
        let field = Assignment(Operand(key, at: target.span), value)
        switch entity {
        case .stream(let index):
            let oldID = model.streams[index].id
            try apply(field, on: &model.streams[index])
            if key == "id" { renameStream(from: oldID, to: model.streams[index].id, in: &model) }
            return Edit(message: "Set \(oldID).\(key) to \(text ?? "none").", span: value.span)
        case .stage(let streamIndex, let stageIndex):
            let oldName = model.streams[streamIndex].stages[stageIndex].name
            try apply(field, on: &model.streams[streamIndex].stages[stageIndex])
            if key == "name" { renameStage(from: oldName, to: text ?? oldName, ofStream: streamIndex, in: &model) }
            let stream = model.streams[streamIndex]
            return Edit(message: "Set \(Lexer.spelled(stream.id))/\(Lexer.spelled(stream.stages[stageIndex].name)).\(key) to \(text ?? "none").", span: value.span)
        case .link(let index):
            try apply(field, on: &model.integrations[index])
            return Edit(message: "Set \(Lexer.spelled(model.integrations[index].name)).\(key) to \(text ?? "none").", span: value.span)
        }
    }

    /// Splits `X.FIELD` at the first dot where X names a stream, a stage or a link and FIELD
    /// is one of its fields (stage and link names may themselves hold dots).
    private static func resolveTarget(_ target: Operand, in model: Model) throws(LanguageError) -> (Target, String) {
        let text = target.text
        var nearest: (entity: String, keys: [String], key: String)?
        for dot in text.indices where text[dot] == "." {
            let prefix = String(text[..<dot])
            let key = String(text[text.index(after: dot)...]).lowercased()
            if let found = try? model.resolveStage(Endpoint(parsing: prefix)), prefix.contains("/"),
               let streamIndex = model.streamIndex(found.stream.id) {
                if FieldEditor.stageKeys.contains(key) { return (.stage(streamIndex, found.stage), key) }
                nearest = nearest ?? ("a stage", FieldEditor.stageKeys, key)
            } else if let index = model.streamIndex(prefix) {
                if FieldEditor.streamKeys.contains(key) { return (.stream(index), key) }
                nearest = nearest ?? ("a stream", FieldEditor.streamKeys, key)
            } else if let index = linkIndex(prefix, in: model) {
                if FieldEditor.linkKeys.contains(key) { return (.link(index), key) }
                nearest = nearest ?? ("a link", FieldEditor.linkKeys, key)
            }
        }
        if let nearest {
            let near = NameSuggestions.didYouMean(nearest.key, among: nearest.keys)
            let hint = near.isEmpty ? "; the fields are \(nearest.keys.joined(separator: ", "))" : near
            throw LanguageError("unknown field '\(nearest.key)' of \(nearest.entity)\(hint)", at: target.span)
        }
        guard let dot = text.firstIndex(of: ".") else {
            throw LanguageError("write X.FIELD = VALUE, e.g. open-account.promise = 2d", at: target.span)
        }
        let prefix = String(text[..<dot])
        if prefix.contains("/") {
            do {
                _ = try model.resolveStage(Endpoint(parsing: prefix))
            } catch {
                throw LanguageError(error.description, at: target.span)
            }
        }
        let candidates = model.streams.map(\.id) + model.integrations.compactMap(\.id)
        throw LanguageError("no stream, stage or link '\(prefix)'\(NameSuggestions.didYouMean(prefix, among: candidates))", at: target.span)
    }

    /// A link by its id, or by `FROM -> TO (EFFECT)` whether or not it has an id.
    static func linkIndex(_ name: String, in model: Model) -> Int? {
        model.integrations.firstIndex { $0.id?.caseInsensitiveEquals(name) ?? false }
            ?? model.integrations.firstIndex { $0.descriptiveName.caseInsensitiveEquals(name) }
    }

    /// A renamed stream id carries over to the links that named the old id.
    private static func renameStream(from old: String, to new: String, in model: inout Model) {
        guard old != new else { return }
        for index in model.integrations.indices {
            if model.integrations[index].from.stream.caseInsensitiveEquals(old) { model.integrations[index].from.stream = new }
            if model.integrations[index].to.stream.caseInsensitiveEquals(old) { model.integrations[index].to.stream = new }
        }
    }

    /// A renamed stage carries over to `rework_to` in its stream and to links naming it.
    private static func renameStage(from old: String, to new: String, ofStream streamIndex: Int, in model: inout Model) {
        guard old != new else { return }
        for index in model.streams[streamIndex].stages.indices where model.streams[streamIndex].stages[index].reworkTo?.caseInsensitiveEquals(old) ?? false {
            model.streams[streamIndex].stages[index].reworkTo = new
        }
        let stream = model.streams[streamIndex]
        let own = model.streamIndex(stream.id)
        for index in model.integrations.indices {
            for keyPath in [\IntegrationPoint.from, \IntegrationPoint.to] {
                let endpoint = model.integrations[index][keyPath: keyPath]
                if model.streamIndex(endpoint.stream) == own, endpoint.stage?.caseInsensitiveEquals(old) ?? false {
                    model.integrations[index][keyPath: keyPath].stage = new
                }
            }
        }
    }

    // MARK: remove

    static func remove(_ target: Operand, from model: inout Model) throws(LanguageError) -> Edit {
        if target.text.contains("/") {
            let found: (stream: ValueStream, stage: Int)
            do {
                found = try model.resolveStage(Endpoint(parsing: target.text))
            } catch {
                throw LanguageError(error.description, at: target.span)
            }
            guard let streamIndex = model.streamIndex(found.stream.id) else { throw LanguageError("no such stream", at: target.span) }
            let stage = found.stream.stages[found.stage]
            let links = model.integrations.filter { link in
                [link.from, link.to].contains { model.streamIndex($0.stream) == streamIndex && ($0.stage?.caseInsensitiveEquals(stage.name) ?? false) }
            }
            let rework = found.stream.stages.enumerated().filter { $0.offset != found.stage && ($0.element.reworkTo?.caseInsensitiveEquals(stage.name) ?? false) }
            var reasons: [String] = []
            if !links.isEmpty { reasons.append("links depend on it: \(links.map(\.name).joined(separator: ", ")) (remove link NAME)") }
            if !rework.isEmpty { reasons.append("stages rework to it: \(rework.map(\.element.name).joined(separator: ", "))") }
            guard reasons.isEmpty else {
                throw LanguageError("cannot remove \(found.stream.id)/\(stage.name): \(reasons.joined(separator: "; "))", at: target.span)
            }
            model.streams[streamIndex].stages.remove(at: found.stage)
            return Edit(message: "Removed stage \(stage.name) from \(found.stream.id).", span: target.span)
        }
        let index = try StreamViews.resolveIndex(target, in: model)
        let stream = model.streams[index]
        let links = model.integrations.filter { model.streamIndex($0.from.stream) == index || model.streamIndex($0.to.stream) == index }
        guard links.isEmpty else {
            throw LanguageError("cannot remove \(stream.id): links depend on it: \(links.map(\.name).joined(separator: ", ")); remove them first (remove link NAME)", at: target.span)
        }
        model.streams.remove(at: index)
        return Edit(message: "Removed stream \(stream.id) (\(stream.name)).", span: target.span)
    }

    static func removeLink(_ name: Operand, from model: inout Model) throws(LanguageError) -> Edit {
        guard let index = linkIndex(name.text, in: model) else {
            let names = model.integrations.map(\.name) + model.integrations.compactMap(\.id)
            throw LanguageError("no link '\(name.text)'\(NameSuggestions.didYouMean(name.text, among: names))", at: name.span)
        }
        let link = model.integrations.remove(at: index)
        return Edit(message: "Removed link \(link.name).", span: name.span)
    }

    // MARK: Fields


    private static func checkEndpoint(_ endpoint: Operand, in model: Model) throws(LanguageError) {
        do {
            let parsed = Endpoint(parsing: endpoint.text)
            if parsed.stage != nil { _ = try model.resolveStage(parsed) } else { _ = try model.resolveStream(parsed.stream) }
        } catch {
            throw LanguageError(error.description, at: endpoint.span)
        }
    }

    /// Sets one field through `setter`, pointing an unknown key at the key and a bad value at
    /// the value.
    private static func apply(_ field: Assignment, keys: [String], _ setter: (String, String?) throws(UnitError) -> Void) throws(LanguageError) {
        let key = field.key.text.lowercased()
        let text: String? = field.value.isNone ? nil : field.value.text
        do {
            try setter(key, text)
        } catch {
            throw LanguageError(error.message, at: keys.contains(key) ? field.value.span : field.key.span)
        }
    }

    private static func apply(_ key: String, _ value: Operand, on stream: inout ValueStream) throws(LanguageError) {
        try apply(Assignment(Operand(key, at: value.span), value), on: &stream)
    }

    private static func apply(_ field: Assignment, on stream: inout ValueStream) throws(LanguageError) {
        try apply(field, keys: FieldEditor.streamKeys) { (key, text) throws(UnitError) in try FieldEditor.set(key, to: text, on: &stream) }
    }

    private static func apply(_ field: Assignment, on stage: inout Stage) throws(LanguageError) {
        try apply(field, keys: FieldEditor.stageKeys) { (key, text) throws(UnitError) in try FieldEditor.set(key, to: text, on: &stage) }
    }

    private static func apply(_ field: Assignment, on link: inout IntegrationPoint) throws(LanguageError) {
        try apply(field, keys: FieldEditor.linkKeys) { (key, text) throws(UnitError) in try FieldEditor.set(key, to: text, on: &link) }
    }
}
