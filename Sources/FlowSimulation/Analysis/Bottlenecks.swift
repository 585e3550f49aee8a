import ValueStreams

/// Where the flow is tight and which integration points matter most (`bottlenecks`): stage
/// utilisations across customer streams, and each integration point's leverage — how much
/// the customer stream's mean time-to-value moves, through this link alone, when the level
/// of the supporting stream it comes from worsens by one unit (a percentage point of
/// capacity level or errors, an hour of latency). The link's strength is in the figure.
public enum Bottlenecks {
    public struct StageLoad: Sendable, Hashable {
        public let stream: String
        public let stage: String
        public let servers: Int
        /// Nil when the stage has stopped (f = 0).
        public let utilisation: Double?
        public let queueWaitHours: Double?
        public var isOverloaded: Bool { queueWaitHours == nil }
    }

    public struct Leverage: Sendable, Hashable {
        public let link: String
        /// The supporting stream the link comes from.
        public let from: String
        public let stream: String
        public let stage: String
        public let effect: Effect
        /// Change in the stream's mean time-to-value, hours, per unit; nil when one unit
        /// overloads the stream (or it is overloaded already).
        public let hoursPerUnit: Double?
        /// Whether one unit worse overloads the stream.
        public let overloads: Bool

        /// The unit the leverage is per.
        public var unit: String {
            switch effect {
            case .capacity: "1pp capacity level"
            case .latency: "1h latency"
            case .quality: "1pp errors"
            }
        }
    }

    public struct Report: Sendable, Hashable {
        /// Every stage of the customer streams simulated, the most loaded first.
        public let stages: [StageLoad]
        /// Every integration point into a customer stage, the highest leverage first.
        public let leverage: [Leverage]
        public let skipped: [Simulation.Skipped]
    }

    /// The report under `degradations` (those without a window).
    public static func report(_ model: Model, degradations: [Degradation] = []) -> Report {
        let lasting = degradations.filter { $0.window == nil }
        let run = Simulation.analytic(model, degradations: lasting)
        var stages: [StageLoad] = []
        for simulation in run.streams {
            let result = (simulation.degraded ?? simulation.baseline).result
            guard let stream = model.streamIndex(simulation.stream).map({ model.streams[$0] }) else { continue }
            for (stage, figures) in zip(stream.stages, result.stages) {
                stages.append(StageLoad(stream: stream.id, stage: stage.name, servers: stage.servers ?? 1,
                                        utilisation: figures.utilisation, queueWaitHours: figures.queueWaitHours))
            }
        }
        return Report(stages: stages.stablySorted { load($0) > load($1) }, leverage: leverage(model, lasting, run), skipped: run.skipped)
    }

    /// Stopped or overloaded stages sort first.
    static func load(_ stage: StageLoad) -> Double { stage.isOverloaded ? .infinity : stage.utilisation ?? .infinity }

    static func leverage(_ model: Model, _ degradations: [Degradation], _ run: Simulation.Run) -> [Leverage] {
        let propagation = Propagation(model: model, degradations: degradations)
        let ends = model.linkEnds()
        var found: [Leverage] = []
        for (k, link) in model.integrations.enumerated() {
            guard let from = ends[k].from, let to = ends[k].to, model.streams[from].kind == .supporting,
                  model.streams[to].kind == .customer, let stageName = link.to.stage,
                  let stageIndex = model.streams[to].stageIndex(named: stageName),
                  let simulation = run.streams.first(where: { $0.stream == model.streams[to].id }) else { continue }
            let stream = model.streams[to]
            let stage = stream.stages[stageIndex].name
            let source = propagation.levels(of: model.streams[from].id)
            let s = link.effectiveStrength
            // A capacity level under a point can fall only as far as 0: the figure is scaled to a point.
            let step = link.effect == .capacity ? min(0.01, source.capacity) : 1
            guard step > 0 else { continue }
            let adjusted = propagation.adjusting(stream: stream.id, stage: stage) { effect in
                switch link.effect {
                case .capacity:
                    // The link passed 1 − s(1 − L); a point less of L passes 1 − s(1 − L + 0.01).
                    let passed = 1 - s * (1 - source.capacity)
                    let worse = 1 - s * (1 - (source.capacity - step))
                    effect.capacityFactor = passed > 0 ? effect.capacityFactor * worse / passed : 0
                case .latency: effect.addedWaitHours += s
                case .quality: effect.addedDefects += s * 0.01
                }
            }
            let before = (simulation.degraded ?? simulation.baseline).result
            guard let after = try? AnalyticEngine.run(stream, propagation: adjusted) else { continue }
            let overloads = after.isOverloaded && !before.isOverloaded
            let scale = link.effect == .capacity ? 0.01 / step : 1
            let change = before.timeToValueMeanHours.flatMap { old in after.timeToValueMeanHours.map { ($0 - old) * scale } }
            found.append(Leverage(link: link.name, from: model.streams[from].id, stream: stream.id, stage: stage, effect: link.effect,
                                  hoursPerUnit: change, overloads: overloads))
        }
        let size = { (leverage: Leverage) in leverage.overloads ? Double.infinity : leverage.hoursPerUnit ?? -Double.infinity }
        return found.stablySorted { size($0) > size($1) }
    }
}
