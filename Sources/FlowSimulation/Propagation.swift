import ValueStreams

/// How supporting streams' levels reach customer stages (DESIGN §6): along supporting →
/// supporting links in topological order, then through each integration point into a
/// customer stage. Every figure keeps the steps that made it.
public struct Propagation: Sendable, Hashable {
    /// A supporting stream's levels: capacity level L = availability × capacity, added
    /// latency Δ in hours, added error rate e.
    public struct Levels: Sendable, Hashable {
        public var capacity: Double
        public var latencyHours: Double
        public var errors: Double

        public static let nominal = Levels(capacity: 1, latencyHours: 0, errors: 0)

        /// What a link of strength s passes on of these levels, for its one effect: a
        /// capacity factor 1 − s·(1 − L), added latency s·Δ, or added errors s·e.
        func passedOn(by link: IntegrationPoint) -> Levels {
            let s = link.effectiveStrength
            switch link.effect {
            case .capacity: return Levels(capacity: 1 - s * (1 - capacity), latencyHours: 0, errors: 0)
            case .latency: return Levels(capacity: 1, latencyHours: s * latencyHours, errors: 0)
            case .quality: return Levels(capacity: 1, latencyHours: 0, errors: s * errors)
            }
        }

        /// Combines what a link passes on with these levels: factors multiply, additions add.
        mutating func absorb(_ passed: Levels) {
            capacity *= passed.capacity
            latencyHours += passed.latencyHours
            errors += passed.errors
        }
    }

    /// What the supporting streams do to one customer stage.
    public struct StageEffect: Sendable, Hashable {
        public let stream: String
        public let stage: String
        /// Service times are divided by this: the product of 1 − s·(1 − L) over capacity links.
        public var capacityFactor: Double = 1
        /// Hours added to the stage's fixed wait: Σ s·Δ over latency links.
        public var addedWaitHours: Double = 0
        /// Added to the defect probability: Σ s·e over quality links (capped later at 0.99).
        public var addedDefects: Double = 0
        /// The links that reach the stage, by name.
        public var carriedBy: [String] = []
        /// The links that pass on a level away from nominal, with what they pass.
        public var changedBy: [Carrier] = []
    }

    /// A link that passes a level other than nominal on to a customer stage.
    public struct Carrier: Sendable, Hashable {
        /// The link's name.
        public let link: String
        public let effect: Effect
        /// What it passes on: a capacity factor, added latency or added errors.
        public let passed: Levels
    }

    /// One step of the trace, in words with its figure.
    public struct Step: Sendable, Hashable {
        public let text: String
        /// The link that passed a level on; nil for a degradation.
        public let link: String?
        /// The supporting stream degraded, or whose levels the link passed on.
        public let source: String
        /// Where the step acts: the degraded stream, a supporting stream, or `stream/stage`.
        public let target: String
    }

    /// A supporting stream's levels after propagation.
    public struct StreamLevels: Sendable, Hashable {
        public let stream: String
        public let levels: Levels
    }

    /// Levels of every supporting stream, in model order.
    public let levels: [StreamLevels]
    /// Effects on customer stages, in model order, for stages some link reaches.
    public private(set) var effects: [StageEffect]
    public let trace: [Step]
    /// Streams in a dependency cycle: visited once, in model order.
    public let cycleNote: String?

    /// The effect on `stream/stage`, or none.
    public func effect(onStream stream: String, stage: String) -> StageEffect? {
        effects.first { $0.stream.caseInsensitiveEquals(stream) && $0.stage.caseInsensitiveEquals(stage) }
    }

    /// Propagates the model's declared service levels, moved by `degradations`; with none,
    /// the undegraded baseline.
    public init(model: Model, degradations: [Degradation]) {
        var trace: [Step] = []
        let supporting = model.streams.indices.filter { model.streams[$0].kind == .supporting }
        // A stream's own levels: the declared service level, then its degradations.
        var own: [Int: Levels] = [:]
        for index in supporting {
            let stream = model.streams[index]
            var availability = stream.declaredLevel(.availability)
            var capacity = stream.declaredLevel(.capacity)
            var latency = stream.declaredLevel(.latency)
            var errors = stream.declaredLevel(.errors)
            for degradation in degradations where model.streamIndex(degradation.stream) == index {
                switch degradation.field {
                case .availability: availability = degradation.level(from: availability)
                case .capacity: capacity = degradation.level(from: capacity)
                case .latency: latency = degradation.level(from: latency)
                case .errors: errors = degradation.level(from: errors)
                }
                trace.append(Step(text: "\(stream.id): \(degradation.field.rawValue) \(degradation.change.rawValue) \(degradation.text)",
                                  link: nil, source: stream.id, target: stream.id))
            }
            own[index] = Levels(capacity: availability * capacity, latencyHours: latency, errors: errors)
        }
        // Each link's ends, resolved once: names are matched case-insensitively.
        let ends = model.linkEnds()
        // Supporting → supporting links, in topological order; a cycle is visited once.
        let (order, cyclic) = Self.topologicalOrder(supporting, ends)
        var levels = own
        for index in order {
            for (k, link) in model.integrations.enumerated() where ends[k].to == index {
                guard let from = ends[k].from, let source = levels[from], var target = levels[index],
                      model.streams[from].kind == .supporting else { continue }
                let passed = source.passedOn(by: link)
                target.absorb(passed)
                levels[index] = target
                if let step = Self.step(link, passed, from: source, model.streams[from].id, to: model.streams[index].id, isStage: false) {
                    trace.append(step)
                }
            }
        }
        // Integration points into customer stages, in link order per stage.
        var linksInto: [StagePosition: [Int]] = [:]
        for (k, end) in ends.enumerated() {
            guard let to = end.to, let name = model.integrations[k].to.stage, let stage = model.streams[to].stageIndex(named: name) else { continue }
            linksInto[StagePosition(stream: to, stage: stage), default: []].append(k)
        }
        var effects: [StageEffect] = []
        for (streamIndex, stream) in model.streams.enumerated() where stream.kind == .customer {
            for (stageIndex, stage) in stream.stages.enumerated() {
                var effect = StageEffect(stream: stream.id, stage: stage.name)
                var absorbed = Levels.nominal
                for k in linksInto[StagePosition(stream: streamIndex, stage: stageIndex)] ?? [] {
                    let link = model.integrations[k]
                    guard let from = ends[k].from, let source = levels[from] else { continue }
                    let passed = source.passedOn(by: link)
                    absorbed.absorb(passed)
                    effect.carriedBy.append(link.name)
                    if passed != .nominal { effect.changedBy.append(Carrier(link: link.name, effect: link.effect, passed: passed)) }
                    if let step = Self.step(link, passed, from: source, model.streams[from].id, to: "\(stream.id)/\(stage.name)", isStage: true) {
                        trace.append(step)
                    }
                }
                effect.capacityFactor = absorbed.capacity
                effect.addedWaitHours = absorbed.latencyHours
                effect.addedDefects = absorbed.errors
                if !effect.carriedBy.isEmpty { effects.append(effect) }
            }
        }
        self.levels = supporting.map { StreamLevels(stream: model.streams[$0].id, levels: levels[$0] ?? .nominal) }
        self.effects = effects
        self.trace = trace
        self.cycleNote = cyclic.isEmpty ? nil : "dependency cycle: " + cyclic.map { model.streams[$0].id }.joined(separator: ", ") + " visited once, in model order"
    }

    /// The same propagation with one stage's effect changed by `change` (for leverage).
    func adjusting(stream: String, stage: String, _ change: (inout StageEffect) -> Void) -> Propagation {
        var adjusted = self
        if let index = effects.firstIndex(where: { $0.stream == stream && $0.stage == stage }) { change(&adjusted.effects[index]) }
        return adjusted
    }

    /// The levels of supporting stream `id` after propagation; nominal when it has none.
    func levels(of id: String) -> Levels { levels.first { $0.stream == id }?.levels ?? .nominal }

    /// A stage by its stream's and its own index in the model.
    struct StagePosition: Hashable {
        let stream: Int
        let stage: Int
    }

    /// Supporting streams so that each comes after those it depends on; streams in a cycle
    /// come in model order where the cycle is entered.
    static func topologicalOrder(_ supporting: [Int], _ ends: [LinkEnds]) -> (order: [Int], cyclic: [Int]) {
        var incoming: [Int: Set<Int>] = [:]
        for index in supporting { incoming[index] = [] }
        for end in ends {
            guard let from = end.from, let to = end.to, from != to, incoming[from] != nil, incoming[to] != nil else { continue }
            incoming[to]?.insert(from)
        }
        var order: [Int] = []
        var cyclic: [Int] = []
        var done = Set<Int>()
        while order.count < supporting.count {
            if let ready = supporting.first(where: { !done.contains($0) && (incoming[$0] ?? []).isSubset(of: done) }) {
                order.append(ready)
                done.insert(ready)
            } else if let stuck = supporting.first(where: { !done.contains($0) }) {
                // A cycle: take the first remaining stream in model order.
                order.append(stuck)
                done.insert(stuck)
                cyclic.append(stuck)
            }
        }
        return (order, cyclic)
    }

    /// The trace step for what a link passed on, or nil when it passed on nothing.
    static func step(_ link: IntegrationPoint, _ passed: Levels, from source: Levels, _ sourceID: String, to target: String,
                     isStage: Bool) -> Step? {
        let s = figure(link.effectiveStrength)
        let text: String
        switch link.effect {
        case .capacity:
            guard passed.capacity != 1 else { return nil }
            let factor = "\(figure(passed.capacity)) = 1 − \(s)·(1 − \(figure(source.capacity)))"
            text = isStage ? "\(link.name): \(target) service times ÷ \(factor)" : "\(link.name): \(target) capacity × \(factor)"
        case .latency:
            guard source.latencyHours != 0 else { return nil }
            text = "\(link.name): \(target) \(isStage ? "wait" : "latency") + \(figure(passed.latencyHours))h = \(s) × \(figure(source.latencyHours))h"
        case .quality:
            guard source.errors != 0 else { return nil }
            text = "\(link.name): \(target) \(isStage ? "defects" : "errors") + \(figure(passed.errors)) = \(s) × \(figure(source.errors))"
        }
        return Step(text: text, link: link.name, source: sourceID, target: target)
    }

    static func figure(_ value: Double) -> String { value.fixed(significant: 4) }
}
