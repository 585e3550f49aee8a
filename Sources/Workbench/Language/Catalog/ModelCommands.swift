import ValueStreams

extension CommandCatalog {
    static let modelCommands: [CommandSpec] = [
        CommandSpec(words: ["load"], arguments: "PATH|demo",
                    summary: "Load a model file (.yaml, .yml, .json), or the built-in demo organisation.",
                    example: "load demo") { cursor throws(LanguageError) in
            let path = try cursor.value("a PATH or 'demo'")
            try cursor.end()
            return .load(path)
        },
        CommandSpec(words: ["save", "model"], arguments: "PATH",
                    summary: "Save the model as YAML or JSON (by the extension), atomically; a YAML file with comments is kept as PATH.bak.",
                    example: "save model sessions/models/bank.yaml") { cursor throws(LanguageError) in
            let path = try cursor.value("a PATH")
            try cursor.end()
            return .saveModel(path)
        },
        CommandSpec(words: ["new", "model"], arguments: "NAME",
                    summary: "Start an empty model.",
                    example: "new model \"Harbor Mutual\"") { cursor throws(LanguageError) in
            let name = try cursor.value("a NAME")
            try cursor.end()
            return .newModel(name)
        },
        CommandSpec(words: ["add", "stream"], arguments: "ID \"NAME\" customer|supporting [KEY VALUE…]",
                    summary: "Add a value stream; KEY VALUE pairs use the model file's keys (dotted for nested ones).",
                    example: "add stream settle-claim \"Settle a Claim\" customer demand 150/day promise 10d serves external") { cursor throws(LanguageError) in
            let id = try cursor.value("an ID")
            let name = try cursor.value("a NAME")
            let kind = try cursor.value("a KIND (customer or supporting)")
            return .add(.stream(id: id, name: name, kind: kind), try cursor.assignments())
        },
        CommandSpec(words: ["add", "stage"], arguments: "STREAM \"NAME\" [after STAGE] [KEY VALUE…]",
                    summary: "Add a stage at the end of a stream, or after one of its stages.",
                    example: "add stage open-account \"Check fraud\" after \"Verify identity\" servers 2 time 15m functions Fraud") { cursor throws(LanguageError) in
            let stream = try cursor.value("a STREAM")
            let name = try cursor.value("a stage NAME")
            let after = cursor.accept("after") ? try cursor.value("the STAGE to add it after") : nil
            return .add(.stage(stream: stream, name: name, after: after), try cursor.assignments())
        },
        CommandSpec(words: ["add", "link"], arguments: "S[/STAGE] -> T[/STAGE] effect capacity|latency|quality [strength N] [sla KEY VALUE…] [id ID] [description \"…\"]",
                    summary: "Add an integration point (to a customer stage) or a dependency (to a supporting stream).",
                    example: "add link it-infra -> open-account/Activate effect capacity strength 0.8 sla availability 99.5% id it-activate") { cursor throws(LanguageError) in
            let from = try cursor.joinedValue("the supporting stream S")
            try cursor.expect(.arrow, "->")
            let to = try cursor.joinedValue("the target T or T/STAGE")
            var fields: [Assignment] = []
            while !cursor.atEnd {
                let key = try cursor.value("effect, strength, sla, id or description")
                if key.text.lowercased() == "sla" {
                    let slaKeys = CommandCatalog.slaKeys
                    var any = false
                    while let slaKey = cursor.peekWord(in: slaKeys) {
                        let value = try cursor.value("a value for sla \(slaKey.text)")
                        fields.append(Assignment(Operand("sla.\(slaKey.text.lowercased())", at: slaKey.span), value))
                        any = true
                    }
                    if let next = cursor.nextOperand, !CommandCatalog.linkKeywords.contains(next.text.lowercased()) {
                        // Not an SLA key nor a link keyword: most likely a misspelt SLA key.
                        let near = NameSuggestions.didYouMean(next.text, among: slaKeys)
                        throw LanguageError("unknown SLA key '\(next.text)'\(near.isEmpty ? "; use availability, capacity, latency or errors" : near)", at: next.span)
                    }
                    if !any {
                        throw LanguageError("sla needs KEY VALUE pairs: availability, capacity, latency or errors, e.g. sla availability 99.5%", at: key.span)
                    }
                } else {
                    fields.append(Assignment(key, try cursor.value("a value for '\(key.text)'")))
                }
            }
            return .add(.link(from: from, to: to), fields)
        },
        CommandSpec(words: ["add", "segment"], arguments: "\"NAME\" [expects \"…\"]",
                    summary: "Add a customer segment and the value it expects.",
                    example: "add segment Business expects \"a decision in a week\"") { cursor throws(LanguageError) in
            let name = try cursor.value("a NAME")
            return .add(.segment(name: name), try cursor.assignments())
        },
        CommandSpec(words: ["add", "stakeholder"], arguments: "\"NAME\" [function FUNCTION]",
                    summary: "Add a stakeholder who validates classifications.",
                    example: "add stakeholder \"Ana Costa\" function Legal") { cursor throws(LanguageError) in
            let name = try cursor.value("a NAME")
            return .add(.stakeholder(name: name), try cursor.assignments())
        },
        CommandSpec(words: ["add", "capability"], arguments: "ID \"NAME\" [parent ID] [assessment 1-5]",
                    summary: "Add a business capability; stages list the capabilities that enable them.",
                    example: "add capability fraud \"Fraud detection\" assessment 2") { cursor throws(LanguageError) in
            let id = try cursor.value("an ID")
            let name = try cursor.value("a NAME")
            return .add(.capability(id: id, name: name), try cursor.assignments())
        },
        CommandSpec(words: ["add", "metric"], arguments: "STREAM \"NAME\" customer|efficiency|capability [KEY VALUE…]",
                    summary: "Add a metric to a stream (unit, direction, baseline, target).",
                    example: "add metric open-account CSAT customer unit points direction up baseline 4.1 target 4.5") { cursor throws(LanguageError) in
            let stream = try cursor.value("a STREAM")
            let name = try cursor.value("a metric NAME")
            let category = try cursor.value("a CATEGORY (customer, efficiency or capability)")
            return .add(.metric(stream: stream, name: name, category: category), try cursor.assignments())
        },
        CommandSpec(words: ["set"], arguments: "X.FIELD = VALUE",
                    summary: "Change a field of a stream, a stage (STREAM/STAGE) or a link (its id or quoted name); lists are a quoted comma-separated string; none clears.",
                    example: "set open-account/\"Verify identity\".servers = 8") { cursor throws(LanguageError) in
            let target = try cursor.joinedValue("X.FIELD")
            try cursor.expect(.equals, "=")
            let value = try cursor.value("a VALUE")
            try cursor.end()
            return .set(target: target, value: value)
        },
        CommandSpec(words: ["remove", "link"], arguments: "NAME",
                    summary: "Remove a link, by its id or its quoted name.",
                    example: "remove link it-verify") { cursor throws(LanguageError) in
            let name = try cursor.value("a link NAME (its id or quoted name)")
            try cursor.end()
            return .removeLink(name)
        },
        CommandSpec(words: ["remove"], arguments: "STREAM|STREAM/STAGE",
                    summary: "Remove a stream or a stage; refuses while links or rework depend on it, saying which.",
                    example: "remove open-account/Activate") { cursor throws(LanguageError) in
            let target = try cursor.joinedValue("a STREAM or STREAM/STAGE")
            try cursor.end()
            return .remove(target)
        },
    ]
}
