import FlowSimulation

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
        CommandSpec(words: ["simulate"], arguments: "[engine analytic|des] [runs N] [horizon T] [warmup T] [seed N] [stream CUSTOMER]",
                    summary: "Flow figures of each customer stream, baseline and degraded: throughput, time-to-value, on-time rate, defects, stage utilisation, outcome metrics.",
                    example: "degrade it-infra availability to 90%; simulate stream open-account",
                    details: [
                        "The analytic engine: visits from the rework routing, Erlang C waits (Allen–Cunneen when cv ≠ 1), fixed waits per visit.",
                        "p50/p90/p95 and the on-time rate approximate time-to-value as the fixed waits plus a gamma-distributed rest.",
                        "A stage at utilisation 100% or more is overloaded: its backlog growth per day is shown and time-to-value has no steady value.",
                        "Outcome metrics (NPS, CSAT, revenue) come from their response models: baseline + Σ k·(driver − baseline driver), clamped.",
                        "With a window (degrade … from T for D) the degraded case is the steady state outside it; the window line gives what it does",
                        "to the items it touches: their time-to-value, the peak backlog and the time to clear it.",
                        "Outcome metrics are for the steady state only; the window's items are not in them.",
                        "engine des runs the discrete-event engine: runs replications (default 20) of horizon T (10000h) after warmup T (500h),",
                        "seeded from seed N (else set seed); means carry a 95% interval across replications, percentiles come from a log-bucket",
                        "histogram (within 0.5%). Baseline and degraded draw the same random numbers. Ctrl-C stops it with the replications done.",
                        "With a window, the DES's degraded case covers the whole horizon, with a time series of work in progress, and its window",
                        "line counts the items that reach a changed stage until the queues are back to their steady mean (means over the runs);",
                        "on an outage long beside the time-to-value the analytic window figures agree with these within \(Int(DiscreteEventEngine.windowTolerance * 100))%.",
                        "The horizon must reach past the last window's end. A service under way when a window starts or ends keeps its speed.",
                    ]) { cursor throws(LanguageError) in
            var engine: Operand?
            var stream: Operand?
            var options: [Assignment] = []
            while !cursor.atEnd {
                if try cursor.option("engine", "an ENGINE: analytic or des", into: &engine) { continue }
                if try cursor.option("stream", "a customer STREAM", into: &stream) { continue }
                if let option = cursor.peekWord(in: CommandCatalog.eventEngineOptions) {
                    guard !options.contains(where: { $0.key.text.lowercased() == option.text.lowercased() }) else {
                        throw LanguageError("\(option.text) is given twice", at: option.span)
                    }
                    options.append(Assignment(option, try cursor.value("a value for \(option.text)")))
                } else {
                    try cursor.end()
                }
            }
            return .simulate(engine: engine, stream: stream, options: options)
        },
        CommandSpec(words: ["impact"], arguments: "[CUSTOMER[.METRIC]] [why]",
                    summary: "What the current scenario's degradations do to each customer figure: baseline, degraded, change, and the integration points that carry it.",
                    example: "degrade it-infra availability to 90%; impact",
                    details: [
                        "Rows: each flow figure (time-to-value mean and p90, on-time rate, defect rate, throughput), the window's if any, then each outcome metric.",
                        "carried by names the integration points that pass a change relevant to the figure on to the stream's stages.",
                        "Without a stream it lists the streams whose figures change and names the unaffected ones.",
                        "impact X why explains X's mean time-to-value (impact X.METRIC why another row, e.g. open-account.\"Onboarding NPS\"):",
                        "the degradations, each propagation step with its factor, the stage parameters changed, and how the engine combines them.",
                    ]) { cursor throws(LanguageError) in
            var stream: Operand?
            var why = cursor.accept("why")
            if !why, !cursor.atEnd {
                stream = try cursor.joinedValue("a customer STREAM, or STREAM.METRIC with why")
                why = cursor.accept("why")
            }
            try cursor.end()
            return .impact(stream, why: why)
        },
    ]
}
