import FlowSimulation
import ModelFormats
import ValueStreams

/// Which engine `simulate` runs, and the discrete-event engine's settings, from the words typed.
enum EngineChoice {
    case analytic
    case discreteEvent(DiscreteEventEngine.Settings)

    /// The most replications a run may ask for.
    static let maximumRuns = 1_000

    /// `engine` (analytic unless said), the DES options, and the session's seed, event budget
    /// and worker threads (nil: one per core; the figures do not depend on it).
    init(_ engine: Operand?, options: [Assignment], seed: UInt64, budget: Int, workers: Int? = nil) throws(LanguageError) {
        let name = engine?.text.lowercased() ?? "analytic"
        switch name {
        case "analytic":
            if let option = options.first {
                throw LanguageError("\(option.key.text) goes with engine des; the analytic engine needs none", at: option.key.span)
            }
            self = .analytic
        case "des":
            var settings = DiscreteEventEngine.Settings()
            settings.seed = seed
            settings.eventBudget = budget
            settings.concurrency = workers
            for option in options {
                let value = option.value
                switch option.key.text.lowercased() {
                case "runs":
                    guard let runs = Int(value.text), runs >= 1, runs <= Self.maximumRuns else {
                        throw LanguageError("'\(value.text)' is not a number of runs; write a whole number from 1 to \(Self.maximumRuns)", at: value.span)
                    }
                    settings.runs = runs
                case "horizon":
                    settings.horizonHours = try Self.hours(value)
                case "warmup":
                    settings.warmupHours = try value.read { text throws(UnitError) in try Duration(parsing: text).hours }
                default:
                    guard let number = UInt64(value.text) else {
                        throw LanguageError("'\(value.text)' is not a seed; write a whole number from 0 to \(UInt64.max)", at: value.span)
                    }
                    settings.seed = number
                }
            }
            self = .discreteEvent(settings)
        default:
            let near = NameSuggestions.didYouMean(name, among: ["analytic", "des"])
            throw LanguageError("no engine '\(engine?.text ?? name)'\(near.isEmpty ? "; the engines are analytic and des" : near)", at: engine?.span)
        }
    }

    /// A horizon: a duration above zero.
    private static func hours(_ value: Operand) throws(LanguageError) -> Double {
        let hours = try value.read { text throws(UnitError) in try Duration(parsing: text).hours }
        guard hours > 0 else { throw LanguageError("a horizon lasts some time; write a duration above 0, e.g. 10000h", at: value.span) }
        return hours
    }
}
