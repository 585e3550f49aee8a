extension CommandCatalog {
    static let lookCommands: [CommandSpec] = [
        CommandSpec(words: ["streams"], arguments: "",
                    summary: "List the value streams: id, name, kind, stage count and owner.",
                    example: "streams") { cursor throws(LanguageError) in
            try cursor.end()
            return .streams
        },
        CommandSpec(words: ["show"], arguments: "STREAM",
                    summary: "Show one stream: trigger, value, owner, governance, stages, metrics, links and sign-offs.",
                    example: "show open-account") { cursor throws(LanguageError) in
            let stream = try cursor.value("a STREAM (its id or name)")
            try cursor.end()
            return .show(stream)
        },
        CommandSpec(words: ["stages"], arguments: "STREAM",
                    summary: "A stream's stages with their flow fields, visits (from rework) and utilisation.",
                    example: "stages open-account") { cursor throws(LanguageError) in
            let stream = try cursor.value("a STREAM (its id or name)")
            try cursor.end()
            return .stages(stream)
        },
        CommandSpec(words: ["deps"], arguments: "[STREAM]",
                    summary: "Integration points and dependencies (effect, strength, SLA): all, or those in and out of one stream.",
                    example: "deps it-infra") { cursor throws(LanguageError) in
            let stream = cursor.optionalValue()
            try cursor.end()
            return .deps(stream)
        },
        CommandSpec(words: ["map"], arguments: "STREAM",
                    summary: "A text value-stream map: stages in order, hand-offs between functions, and the supporting streams feeding each stage.",
                    example: "map apply-for-loan") { cursor throws(LanguageError) in
            let stream = try cursor.value("a STREAM (its id or name)")
            try cursor.end()
            return .map(stream)
        },
        CommandSpec(words: ["heatmap"], arguments: "",
                    summary: "Capabilities against the customer stages they enable: how many depend on each, its assessment, and the findings there.",
                    example: "heatmap") { cursor throws(LanguageError) in
            try cursor.end()
            return .heatmap
        },
        CommandSpec(words: ["capabilities"], arguments: "",
                    summary: "The capabilities, their assessment, and the stages each enables.",
                    example: "capabilities") { cursor throws(LanguageError) in
            try cursor.end()
            return .capabilities
        },
    ]
}
