extension CommandCatalog {
    static let scenarioCommands: [CommandSpec] = [
        CommandSpec(words: ["whatif", "reclassify"], arguments: "STREAM as customer|supporting [named NAME]",
                    summary: "A new scenario with the stream reclassified, and what follows: findings added and removed, recommendations, stale sign-offs, the customer/supporting share.",
                    example: "whatif reclassify it-service-desk as supporting named desk-supports") { cursor throws(LanguageError) in
            let stream = try cursor.value("a STREAM")
            guard cursor.accept("as") else {
                throw LanguageError("write whatif reclassify STREAM as KIND, e.g. whatif reclassify \(stream.text) as supporting", at: stream.span)
            }
            let kind = try cursor.value("a KIND (customer or supporting)")
            let name = cursor.accept("named") ? try cursor.value("a scenario NAME") : nil
            try cursor.end()
            return .whatifReclassify(stream: stream, kind: kind, named: name)
        },
        CommandSpec(words: ["scenario", "new"], arguments: "NAME [from NAME]",
                    summary: "A named copy of the current scenario (or of another), to change without touching the baseline; it becomes current.",
                    example: "scenario new lean-onboarding") { cursor throws(LanguageError) in
            let name = try cursor.value("a scenario NAME")
            let from = cursor.accept("from") ? try cursor.value("the scenario to copy") : nil
            try cursor.end()
            return .scenarioNew(name: name, from: from)
        },
        CommandSpec(words: ["scenario", "use"], arguments: "NAME",
                    summary: "Work in another scenario; edits, classifications and sign-offs apply to the current one only.",
                    example: "scenario use baseline") { cursor throws(LanguageError) in
            let name = try cursor.value("a scenario NAME")
            try cursor.end()
            return .scenarioUse(name)
        },
        CommandSpec(words: ["scenario", "list"], arguments: "",
                    summary: "The scenarios, what each was made from, and which is current.",
                    example: "scenario list") { cursor throws(LanguageError) in
            try cursor.end()
            return .scenarioList
        },
        CommandSpec(words: ["scenario", "drop"], arguments: "NAME",
                    summary: "Drop a scenario (not the baseline); undo brings it back.",
                    example: "scenario new trial; scenario drop trial") { cursor throws(LanguageError) in
            let name = try cursor.value("a scenario NAME")
            try cursor.end()
            return .scenarioDrop(name)
        },
        CommandSpec(words: ["guide"], arguments: "",
                    summary: "The five-step identification interview: segments, customer streams and their stages, supporting streams, validation, integration points; answers become ordinary commands.",
                    example: "guide") { cursor throws(LanguageError) in
            try cursor.end()
            return .guide
        },
        CommandSpec(words: ["compare"], arguments: "SCENARIO SCENARIO",
                    summary: "Two scenarios side by side: streams, stages and links, kinds, findings and recommendations that differ.",
                    example: "whatif reclassify it-service-desk as supporting named desk-supports; compare baseline desk-supports") { cursor throws(LanguageError) in
            let first = try cursor.value("the first SCENARIO")
            let second = try cursor.value("the second SCENARIO")
            try cursor.end()
            return .compare(first, second)
        },
    ]
}
