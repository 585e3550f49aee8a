extension CommandCatalog {
    static let sessionCommands: [CommandSpec] = [
        CommandSpec(words: ["undo"], arguments: "",
                    summary: "Undo the last change: an edit, load, new model, classify, validate, or making or dropping a scenario.",
                    example: "undo") { cursor throws(LanguageError) in
            try cursor.end()
            return .undo
        },
        CommandSpec(words: ["redo"], arguments: "",
                    summary: "Redo the last undone change.",
                    example: "redo") { cursor throws(LanguageError) in
            try cursor.end()
            return .redo
        },
        CommandSpec(words: ["history"], arguments: "",
                    summary: "The commands of this session, with what became of each.",
                    example: "history") { cursor throws(LanguageError) in
            try cursor.end()
            return .history
        },
        CommandSpec(words: ["set", "output"], arguments: "text|json|csv|markdown",
                    summary: "Choose how results are drawn from now on; errors are always text on standard error.",
                    example: "set output json") { cursor throws(LanguageError) in
            let mode = try cursor.value("an output mode (text, json, csv or markdown)")
            try cursor.end()
            return .setOutput(mode)
        },
        CommandSpec(words: ["set", "seed"], arguments: "N",
                    summary: "Set the random seed simulations use (saved sessions record it).",
                    example: "set seed 42") { cursor throws(LanguageError) in
            let seed = try cursor.value("a whole number N")
            try cursor.end()
            return .setSeed(seed)
        },
        CommandSpec(words: ["set", "budget"], arguments: "N",
                    summary: "Set how many events (arrivals and service completions) one DES replication may process; past it the run stops, marked truncated.",
                    example: "set budget 1000000") { cursor throws(LanguageError) in
            let budget = try cursor.value("a whole number N")
            try cursor.end()
            return .setBudget(budget)
        },
        CommandSpec(words: ["set", "today"], arguments: "DATE",
                    summary: "Set the session's date, used for review dates, classifications and sign-offs (saved sessions record it).",
                    example: "set today 2026-12-01") { cursor throws(LanguageError) in
            let date = try cursor.value("a DATE (YYYY-MM-DD)")
            try cursor.end()
            return .setToday(date)
        },
        CommandSpec(words: ["set", "facilitator"], arguments: "\"NAME\"",
                    summary: "Name the facilitator recorded with each classification.",
                    example: "set facilitator \"A. Facilitator\"") { cursor throws(LanguageError) in
            let name = try cursor.value("a NAME")
            try cursor.end()
            return .setFacilitator(name)
        },
        CommandSpec(words: ["help"], arguments: "[COMMAND]",
                    summary: "List the commands, or show one command's usage and an example.",
                    example: "help add link") { cursor throws(LanguageError) in
            var topic: Operand?
            if let first = cursor.optionalValue() {
                let second = cursor.optionalValue()
                topic = Operand([first.text, second?.text].compactMap { $0 }.joined(separator: " "), at: first.span)
            }
            try cursor.end()
            return .help(topic: topic)
        },
        CommandSpec(words: ["quit"], arguments: "",
                    summary: "Leave the workbench (Ctrl-D does the same).",
                    example: "quit") { cursor throws(LanguageError) in
            try cursor.end()
            return .quit
        },
    ]
}
