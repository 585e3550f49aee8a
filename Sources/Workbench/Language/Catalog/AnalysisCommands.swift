extension CommandCatalog {
    /// Answers for decisions, built on the analytic engine.
    static let analysisCommands: [CommandSpec] = [
        CommandSpec(words: ["sensitivity"], arguments: "[by P] [field availability|capacity|latency|errors]",
                    summary: "Each supporting stream degraded in turn by the same step, ranked by its effect on each customer stream, with a tornado chart.",
                    example: "sensitivity",
                    details: [
                        "The step is capacity by -10% unless said (latency: by +1h); it moves each stream's level in force, the scenario's or the declared one.",
                        "Each trial keeps the scenario's other degradations (windows aside); steady figures are compared with the scenario's.",
                        "Ranked by the size of the change in mean time-to-value (a change of overload first); p90, on-time rate and outcome metrics beside.",
                    ]) { cursor throws(LanguageError) in
            var step: Operand?
            var field: Operand?
            while !cursor.atEnd {
                if try cursor.option("by", "a STEP, e.g. -10% or +2h", into: &step) { continue }
                if try cursor.option("field", "a FIELD (availability, capacity, latency or errors)", into: &field) { continue }
                try cursor.end()
            }
            return .sensitivity(by: step, field: field)
        },
        CommandSpec(words: ["bottlenecks"], arguments: "",
                    summary: "Stage utilisations across the customer streams, and the integration points with the highest leverage on time-to-value.",
                    example: "bottlenecks",
                    details: [
                        "Stages: the scenario's steady state (degradations without a window), the most loaded first; stopped or overloaded ones at the top.",
                        "Leverage: how many hours the stream's mean time-to-value moves, through that link alone, when the supporting stream's level",
                        "worsens by one unit: a point of capacity level (availability × capacity), an hour of latency, a point of errors; strength included.",
                    ]) { cursor throws(LanguageError) in
            try cursor.end()
            return .bottlenecks
        },
        CommandSpec(words: ["prioritise"], arguments: "[budget B]",
                    summary: "Candidate improvements ranked by the customer time they give back per unit of cost, beside each supporting stream's efficiency metrics.",
                    example: "prioritise budget 100",
                    details: [
                        "Candidates: each supporting stream's availability or capacity one point up (errors one point down) from the level in force,",
                        "and one more server on each customer stage. cost: on a stream or a stage in the model file is the cost of one such step.",
                        "Gain: customer-hours a day = Σ throughput per day × the fall in mean time-to-value; lifting a stream out of overload ranks first.",
                        "With a budget, steps with a cost are bought one at a time, best value first, each chosen after the ones before it were made.",
                    ]) { cursor throws(LanguageError) in
            var budget: Operand?
            if cursor.accept("budget") { budget = try cursor.value("a BUDGET, e.g. 100") }
            try cursor.end()
            return .prioritise(budget: budget)
        },
        CommandSpec(words: ["breakpoint"], arguments: "SUPPORTING [field availability|capacity|latency|errors] [for CUSTOMER]",
                    summary: "How far a supporting stream's level can fall before each customer stream (or one) is overloaded, and before it misses its promise.",
                    example: "breakpoint it-infra",
                    details: [
                        "The field is availability unless said. The level moves from the scenario's (else the declared one) towards the worst:",
                        "down to 0% for availability and capacity, up to 100% for errors, up in doubling steps for latency.",
                        "Bisection on the analytic engine, to within 10⁻⁷ of the level; the scenario's other degradations (windows aside) stay in force.",
                        "misses promise: the p90 time-to-value exceeds the stream's promise (or it is overloaded); never: not within the range.",
                    ]) { cursor throws(LanguageError) in
            let stream = try cursor.value("a supporting STREAM")
            var field: Operand?
            var customer: Operand?
            while !cursor.atEnd {
                if try cursor.option("field", "a FIELD (availability, capacity, latency or errors)", into: &field) { continue }
                if try cursor.option("for", "a customer STREAM", into: &customer) { continue }
                try cursor.end()
            }
            return .breakpoint(stream: stream, field: field, customer: customer)
        },
    ]
}
