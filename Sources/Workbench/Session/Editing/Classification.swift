import ModelFormats
import ValueStreams

extension ModelEditor {
    /// `classify X as KIND [because "…"]`: the stream takes the kind, its record says who,
    /// when and why, and earlier sign-offs go stale — they signed a different decision.
    static func classify(_ name: Operand, as kind: Operand, because: Operand?, by facilitator: String?,
                         on today: CalendarDate, in model: inout Model) throws(LanguageError) -> Edit {
        let index = try StreamViews.resolveIndex(name, in: model)
        let stream = model.streams[index]
        let chosen: StreamKind = try kind.read { text throws(UnitError) in try FieldValue.choice(text, "a stream kind") }
        let stale = model.streams[index].signoffs.filter { !$0.stale }.count
        model.streams[index].kind = chosen
        model.streams[index].classification = ClassificationRecord(kind: chosen, by: facilitator, on: today, because: because?.text)
        for signoff in model.streams[index].signoffs.indices { model.streams[index].signoffs[signoff].stale = true }
        var message = "Classified \(stream.id) as \(chosen.rawValue)"
        if chosen != stream.kind { message += " (was \(stream.kind.rawValue))" }
        message += " on \(today)\(facilitator.map { " by \($0)" } ?? "")."
        if stale > 0 { message += " \(stale) earlier sign-off\(stale == 1 ? " is" : "s are") now stale." }
        return Edit(message: message, span: name.span)
    }

    /// `validate X by "WHO" [from FUNCTION] agree|disagree ["note"]`: a sign-off, dated today.
    static func validate(_ name: Operand, by who: Operand, from function: Operand?, verdict: Operand, note: Operand?,
                         on today: CalendarDate, in model: inout Model) throws(LanguageError) -> Edit {
        let index = try StreamViews.resolveIndex(name, in: model)
        let stream = model.streams[index]
        let decided: Verdict = try verdict.read { text throws(UnitError) in try FieldValue.choice(text, "a verdict") }
        model.streams[index].signoffs.append(SignOff(by: who.text, function: function?.text, verdict: decided, on: today, note: note?.text))
        let signer = function.map { "\(who.text) (\($0.text))" } ?? who.text
        return Edit(message: "\(signer) \(decided == .agree ? "agrees" : "disagrees") with \(stream.id) as a \(stream.kind.rawValue) stream, on \(today).",
                    span: name.span)
    }
}
