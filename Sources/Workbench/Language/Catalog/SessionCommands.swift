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
        CommandSpec(words: ["note"], arguments: "\"TEXT\"",
                    summary: "Write narrative into the session: a saved session keeps it as ## lines (typing ## TEXT does the same).",
                    example: "note \"The room agrees onboarding is a customer stream\"") { cursor throws(LanguageError) in
            let text = try cursor.value("the TEXT of the note, in quotes")
            try cursor.end()
            return .note(text)
        },
        CommandSpec(words: ["save", "session"], arguments: "PATH [--force]",
                    summary: "Save the session as a replayable script: narrative, and each command that succeeded with its output as #> lines.",
                    example: "save session sessions/workshop.vsw",
                    details: [
                        "The script starts with the seed and date the session used, so a replay gives the same figures. Failed and undone "
                            + "commands are left out, and so are history, undo, redo, replay and save session; what was shown of a change "
                            + "that was undone is left out with it. Paths in commands are rewritten relative to the script's folder.",
                        "The write is atomic and durable. A file this session did not write is replaced only with --force.",
                        "vsw run replays the script, vsw check compares each command's output with its #> lines.",
                    ]) { cursor throws(LanguageError) in
            let path = try cursor.value("a PATH for the script, e.g. sessions/workshop.vsw")
            let force = cursor.acceptFlag("force")
            try cursor.end()
            return .saveSession(path, force: force)
        },
        CommandSpec(words: ["export", "notebook"], arguments: "PATH.md|PATH.html [--force]",
                    summary: "Write the session so far as a notebook: narrative, each command and its output, with charts in HTML.",
                    example: "export notebook sessions/workshop.html",
                    details: [
                        "It holds the narrative and every command that succeeded, in order, what was later undone marked so "
                            + "(the room saw it); failed commands are left out. Markdown has headings, each command as a code block and its "
                            + "output as a pipe table or a text block. HTML is one self-contained page: inline styles (for a "
                            + "projector and for A4 print) and inline SVG charts — impact's bars, sensitivity's tornado, the work "
                            + "in progress of a windowed run, the value-stream map — with titles and text alternatives; no script "
                            + "and no reference outside the page.",
                        "A file that is not a vsw notebook is replaced only with --force.",
                        "vsw export SCRIPT --to md|html replays a saved script and writes its notebook from the command line.",
                    ]) { cursor throws(LanguageError) in
            let path = try cursor.value("a PATH ending in .md or .html")
            let force = cursor.acceptFlag("force")
            try cursor.end()
            return .exportNotebook(path, force: force)
        },
        CommandSpec(words: ["replay"], arguments: "PATH [--step] [--allow-write DIR]",
                    summary: "Run a saved script's commands in this session, printing each result; --step waits for Enter before each.",
                    example: "replay sessions/tour.vsw",
                    details: [
                        "Paths in the script resolve against its folder. It stops at the first command that fails.",
                        "A replayed script writes files only under its own folder and sessions/, unless --allow-write names another "
                            + "folder; it may not raise the DES event budget. There is no shell escape.",
                        "--step shows the narrative and the next command, then waits: Enter runs it, q stops the replay.",
                    ]) { cursor throws(LanguageError) in
            let path = try cursor.value("the PATH of a script, e.g. sessions/tour.vsw")
            var step = false
            var allowWrite: [Operand] = []
            while !cursor.atEnd {
                if cursor.acceptFlag("step") {
                    step = true
                } else if cursor.acceptFlag("allow-write") {
                    allowWrite.append(try cursor.value("a folder DIR after --allow-write"))
                } else {
                    try cursor.end()
                }
            }
            return .replay(path, step: step, allowWrite: allowWrite)
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
