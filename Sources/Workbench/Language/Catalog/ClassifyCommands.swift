extension CommandCatalog {
    static let classifyCommands: [CommandSpec] = [
        CommandSpec(words: ["test"], arguments: "STREAM|all",
                    summary: "The customer value test: each criterion's verdict and evidence, the suggested kind and its confidence, and what to find out.",
                    example: "test it-service-desk") { cursor throws(LanguageError) in
            let stream = try cursor.value("a STREAM or 'all'")
            try cursor.end()
            return .test(stream)
        },
        CommandSpec(words: ["classify"], arguments: "STREAM as customer|supporting [because \"…\"]",
                    summary: "Record the room's decision: the kind, the facilitator, today's date and why; earlier sign-offs go stale.",
                    example: "classify it-service-desk as supporting because \"Only staff raise tickets\"") { cursor throws(LanguageError) in
            let stream = try cursor.value("a STREAM")
            guard cursor.accept("as") else {
                throw LanguageError("write classify STREAM as KIND, e.g. classify \(stream.text) as supporting", at: stream.span)
            }
            let kind = try cursor.value("a KIND (customer or supporting)")
            let because = cursor.accept("because") ? try cursor.value("the reason, in quotes") : nil
            try cursor.end()
            return .classify(stream: stream, kind: kind, because: because)
        },
        CommandSpec(words: ["validate"], arguments: "STREAM by \"WHO\" [from FUNCTION] agree|disagree [\"note\"]",
                    summary: "Record a stakeholder's sign-off on a stream's classification.",
                    example: "validate open-account by \"Priya Shah\" from Compliance agree \"KYC is a stage, not the stream\"") { cursor throws(LanguageError) in
            let stream = try cursor.value("a STREAM")
            guard cursor.accept("by") else {
                throw LanguageError("write validate STREAM by \"WHO\" agree|disagree", at: stream.span)
            }
            let who = try cursor.value("WHO signs, in quotes")
            let function = cursor.accept("from") ? try cursor.value("a FUNCTION") : nil
            let verdict = try cursor.value("agree or disagree")
            let note = cursor.optionalValue()
            try cursor.end()
            return .validate(stream: stream, by: who, function: function, verdict: verdict, note: note)
        },
        CommandSpec(words: ["review"], arguments: "[--only CODE]",
                    summary: "Review the model for the misclassification pitfalls: each finding's code, severity, entity, message and fix.",
                    example: "review --only sla-missing") { cursor throws(LanguageError) in
            let only = cursor.acceptFlag("only") ? try cursor.value("a review CODE") : nil
            try cursor.end()
            return .review(only: only)
        },
        CommandSpec(words: ["recommend"], arguments: "[STREAM]",
                    summary: "Governance, owner's reach, metrics and improvement approach for each stream's kind, and what the stream lacks of them.",
                    example: "recommend resolve-complaint") { cursor throws(LanguageError) in
            let stream = cursor.optionalValue()
            try cursor.end()
            return .recommend(stream)
        },
    ]
}
