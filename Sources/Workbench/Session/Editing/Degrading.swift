import ModelFormats
import ValueStreams

/// `degrade` and `restore`, on the current scenario's list of degradations.
enum Degrading {
    static func degrade(_ name: Operand, _ fieldName: Operand, _ change: Operand, _ value: Operand, from: Operand?, length: Operand?,
                        in model: Model, into degradations: inout [Degradation]) throws(LanguageError) -> String {
        let stream = try supporting(name, in: model, "degrade")
        let field = try Self.field(fieldName)
        let mode: Degradation.Change = try change.read { text throws(UnitError) in try FieldValue.choice(text, "to or by") }
        let amount = try Self.amount(value, field, mode)
        var window: Degradation.Window?
        if let from, let length {
            let start = try from.read { text throws(UnitError) in try Duration(parsing: text) }
            let span = try length.read { text throws(UnitError) in try Duration(parsing: text) }
            guard span.hours > 0 else { throw LanguageError("a window lasts some time; write a length above 0, e.g. 2d", at: length.span) }
            window = Degradation.Window(start: start, length: span)
        }
        let degradation = Degradation(stream: stream.id, field: field, change: mode, text: value.text, value: amount, window: window)
        // A later degrade of the same field replaces the earlier one.
        if let index = degradations.firstIndex(where: { $0.stream == stream.id && $0.field == field }) {
            degradations[index] = degradation
        } else {
            degradations.append(degradation)
        }
        let declared = stream.declaredLevel(field)
        let level = degradation.level(from: declared)
        let shown = field == .latency ? "+\(level.shortDecimal)h" : Figures.percent(level)
        return "Degraded \(stream.id) \(field.rawValue) \(mode.rawValue) \(value.text): now \(shown)"
            + (window.map { " from \($0.start.text) for \($0.length.text)" } ?? "") + "."
    }

    /// The supporting stream `name` names; `verb` says what a customer stream cannot have done to it.
    static func supporting(_ name: Operand, in model: Model, _ verb: String) throws(LanguageError) -> ValueStream {
        let stream = try StreamViews.resolve(name, in: model)
        guard stream.kind == .supporting else {
            throw LanguageError("\(stream.id) is a customer stream; \(verb) the supporting streams that enable it", at: name.span)
        }
        return stream
    }

    /// The value of `degrade … to|by VALUE`: hours for latency, a fraction otherwise; signed after `by`.
    static func amount(_ value: Operand, _ field: ServiceField, _ mode: Degradation.Change) throws(LanguageError) -> Double {
        try value.read { text throws(UnitError) in
            switch (field, mode) {
            case (.latency, .to): try Duration(parsing: text).hours
            case (.latency, .by): try Duration(parsing: text, signed: true).hours
            case (_, .to): try Fraction(parsing: text).value
            case (_, .by): try Fraction(parsing: text, signed: true).value
            }
        }
    }

    /// A service-level field: availability, capacity, latency or errors.
    static func field(_ name: Operand) throws(LanguageError) -> ServiceField {
        try name.read { text throws(UnitError) in try FieldValue.choice(text, "a service-level field") }
    }

    static func restore(_ name: Operand, in model: Model, from degradations: inout [Degradation]) throws(LanguageError) -> String {
        if name.text.lowercased() == "all", !name.quoted {
            let count = degradations.count
            degradations.removeAll()
            return "Restored every stream (\(count) degradation\(count == 1 ? "" : "s") lifted)."
        }
        let stream = try StreamViews.resolve(name, in: model)
        let before = degradations.count
        degradations.removeAll { $0.stream == stream.id }
        guard degradations.count < before else { throw LanguageError("\(stream.id) is not degraded", at: name.span) }
        return "Restored \(stream.id)."
    }

    static func table(_ degradations: [Degradation]) -> Table {
        Table(columns: [.init("stream"), .init("field"), .init("change"), .init("value"), .init("from_h", "from", .right), .init("for_h", "for", .right)],
              rows: degradations.map { degradation in
                  [.text(degradation.stream), .text(degradation.field.rawValue), .text(degradation.change.rawValue),
                   .typed(degradation.text, degradation.value),
                   degradation.window.map { .typed($0.start.text, $0.start.hours) } ?? .null,
                   degradation.window.map { .typed($0.length.text, $0.length.hours) } ?? .null]
              },
              notes: degradations.isEmpty ? ["No degradations in this scenario."] : [])
    }
}
