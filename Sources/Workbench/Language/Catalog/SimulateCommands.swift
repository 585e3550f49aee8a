extension CommandCatalog {
    static let simulateCommands: [CommandSpec] = [
        CommandSpec(words: ["degrade"], arguments: "SUPPORTING availability|capacity|latency|errors to|by VALUE [from T for D]",
                    summary: "A supporting stream's trouble in the current scenario: a level set (to) or moved from the declared one (by), for good or for a window.",
                    example: "degrade it-infra availability to 90%") { cursor throws(LanguageError) in
            let stream = try cursor.value("a supporting STREAM")
            let field = try cursor.value("a FIELD (availability, capacity, latency or errors)")
            let change = try cursor.value("to or by")
            let value = try cursor.value("a VALUE, e.g. 90%, -30% or +2h")
            var from: Operand?
            var length: Operand?
            if cursor.accept("from") {
                from = try cursor.value("the window's start T, e.g. 100h")
                guard cursor.accept("for") else {
                    throw LanguageError("a window needs a length: from T for D, e.g. from 100h for 2d", at: from?.span)
                }
                length = try cursor.value("the window's length D, e.g. 2d")
            }
            try cursor.end()
            return .degrade(stream: stream, field: field, change: change, value: value, from: from, length: length)
        },
        CommandSpec(words: ["restore"], arguments: "SUPPORTING|all",
                    summary: "Lift a stream's degradations, or all of them, in the current scenario.",
                    example: "degrade it-infra availability to 90%; restore it-infra") { cursor throws(LanguageError) in
            let stream = try cursor.value("a STREAM or 'all'")
            try cursor.end()
            return .restore(stream)
        },
        CommandSpec(words: ["degradations"], arguments: "",
                    summary: "The degradations of the current scenario.",
                    example: "degradations") { cursor throws(LanguageError) in
            try cursor.end()
            return .degradations
        },
    ]
}
