import Foundation
import Testing
import ValueStreams
@testable import FlowSimulation

/// The analytic engine under propagated degradations (DESIGN §6), against figures computed
/// here from the formulas: visit ratios by hand, M/M/c sojourns from the textbook Erlang C.
@Suite("Analytic engine under degradations")
struct DegradedEngineTests {
    // MARK: Helpers, shared with the window, outcome and impact suites.

    static func stage(_ name: String, servers: Int, hours: Double, defects: Double? = nil, reworkTo: String? = nil,
                      wait: Double? = nil) -> Stage {
        Stage(name: name, servers: servers, time: Duration(hours: hours), wait: wait.map { Duration(hours: $0) },
              defects: defects.map { Fraction(value: $0) }, reworkTo: reworkTo)
    }

    /// Customer stream `c` with `stages`, Poisson at `perHour`.
    static func customer(_ stages: [Stage], perHour: Double, promise: Double? = nil, metrics: [Metric] = []) throws -> ValueStream {
        ValueStream(id: "c", name: "C", kind: .customer, demand: try Rate(parsing: "\(perHour.shortDecimal)/h"),
                    promise: promise.map { Duration(hours: $0) }, stages: stages, metrics: metrics)
    }

    /// Supporting streams `a` and `b` (with their declared levels), then `customer`, linked by `links`.
    static func model(_ customer: ValueStream, _ links: [IntegrationPoint], a: ServiceLevel? = nil, b: ServiceLevel? = nil) -> Model {
        Model(name: "M", streams: [
            ValueStream(id: "a", name: "A", kind: .supporting, serviceLevel: a),
            ValueStream(id: "b", name: "B", kind: .supporting, serviceLevel: b),
            customer,
        ], integrations: links)
    }

    static func link(_ from: String, _ to: String, _ effect: Effect, _ strength: Double = 1) -> IntegrationPoint {
        IntegrationPoint(from: Endpoint(parsing: from), to: Endpoint(parsing: to), effect: effect, strength: Fraction(value: strength))
    }

    /// A degradation of a supporting stream, optionally for `window` = (start, length) hours.
    static func degrade(_ stream: String, _ field: ServiceField, _ change: Degradation.Change, _ value: Double,
                        window: (Double, Double)? = nil) -> Degradation {
        Degradation(stream: stream, field: field, change: change, text: "\(value)", value: value,
                    window: window.map { Degradation.Window(start: Duration(hours: $0.0), length: Duration(hours: $0.1)) })
    }

    /// Mean M/M/c queue wait, Wq = C(c, λS)/(c/S − λ), with the textbook Erlang C.
    static func queueWait(arrivals: Double, service: Double, servers: Int) -> Double {
        QueueingTests.textbookErlangC(servers, arrivals * service) / (Double(servers) / service - arrivals)
    }

    /// Mean M/M/c sojourn (queue wait plus service) per visit.
    static func sojourn(arrivals: Double, service: Double, servers: Int) -> Double {
        queueWait(arrivals: arrivals, service: service, servers: servers) + service
    }

    /// The Jackson-network mean time-to-value: Σ visits × (fixed wait + M/M/c sojourn at λ·visits).
    static func jacksonMean(perHour lambda: Double, _ stations: [(visits: Double, service: Double, servers: Int, wait: Double)]) -> Double {
        stations.reduce(0) { total, s in
            total + s.visits * (s.wait + sojourn(arrivals: lambda * s.visits, service: s.service, servers: s.servers))
        }
    }

    static func close(_ value: Double?, _ expected: Double, relative: Double = 1e-9) -> Bool {
        guard let value else { return false }
        return abs(value - expected) <= relative * max(abs(expected), 1e-300)
    }

    /// Every `Double` reachable in `value` (through structs, enums, optionals and arrays), by
    /// path, with those that are NaN or infinite.
    static func figures(in value: Any, path: String = "") -> (count: Int, bad: [String]) {
        if let number = value as? Double { return (1, number.isFinite ? [] : ["\(path) = \(number)"]) }
        var count = 0
        var bad: [String] = []
        for (index, child) in Mirror(reflecting: value).children.enumerated() {
            let found = figures(in: child.value, path: path + "." + (child.label ?? "\(index)"))
            count += found.count
            bad += found.bad
        }
        return (count, bad)
    }

    // MARK: Latency

    @Test("a latency link adds s·Δ per visit: v·s·Δ to the mean and to every percentile", arguments: [
        (0.2, 0.5, 2.0), (0.0, 1.0, 0.75), (0.35, 0.3, 8.0),
    ])
    func latencyPerVisit(_ p: Double, _ s: Double, _ delta: Double) throws {
        // A: plain; B: self-rework with p and a declared fixed wait of 0.1 h, the latency link's target.
        let stages = [Self.stage("A", servers: 2, hours: 0.15), Self.stage("B", servers: 3, hours: 0.2, defects: p, wait: 0.1)]
        let customer = try Self.customer(stages, perHour: 6)
        let model = Self.model(customer, [Self.link("a", "c/B", .latency, s)])
        let propagation = Propagation(model: model, degradations: [Self.degrade("a", .latency, .to, delta)])
        let baseline = try AnalyticEngine.run(customer, propagation: nil)
        let degraded = try AnalyticEngine.run(customer, propagation: propagation)

        let visits = 1 / (1 - p)
        let added = visits * s * delta
        let network = try FlowNetwork(customer, propagation: propagation)
        #expect(Self.close(network.stages[1].fixedWaitHours, 0.1 + s * delta), "the wait per visit grows by s·Δ")
        #expect(Self.close(network.stages[1].visits, visits))
        #expect(network.stages[0].fixedWaitHours == 0, "the other stage keeps its wait")

        let expectedBaseline = Self.jacksonMean(perHour: 6, [(1, 0.15, 2, 0), (visits, 0.2, 3, 0.1)])
        #expect(Self.close(baseline.timeToValueMeanHours, expectedBaseline))
        #expect(Self.close(degraded.timeToValueMeanHours, expectedBaseline + added),
                "mean \(degraded.timeToValueMeanHours ?? .nan), expected \(expectedBaseline) + \(added)")
        // The wait holds no server: queues, utilisation and throughput do not move.
        #expect(degraded.stages.map(\.utilisation) == baseline.stages.map(\.utilisation))
        #expect(degraded.stages.map(\.queueWaitHours) == baseline.stages.map(\.queueWaitHours))
        #expect(degraded.throughputPerDay == baseline.throughputPerDay)
        #expect(degraded.defectRate == baseline.defectRate)
        // A fixed shift moves every percentile by the same amount.
        for (before, after) in [(baseline.timeToValueP50Hours, degraded.timeToValueP50Hours),
                                (baseline.timeToValueP90Hours, degraded.timeToValueP90Hours),
                                (baseline.timeToValueP95Hours, degraded.timeToValueP95Hours)] {
            let shifted = try #require(before) + added
            #expect(Self.close(after, shifted, relative: 1e-12))
        }
        #expect(Self.close(degraded.wip, 6 * expectedBaseline + 6 * added), "Little's law")
    }

    @Test("latency on a stage reworked from a later one is paid on every pass")
    func latencyWithReworkToEarlierStage() throws {
        // C sends 20 % back to A: every stage is visited 1/(1 − 0.2) times.
        let stages = [Self.stage("A", servers: 2, hours: 0.1), Self.stage("B", servers: 1, hours: 0.05),
                      Self.stage("C", servers: 2, hours: 0.1, defects: 0.2, reworkTo: "A")]
        let customer = try Self.customer(stages, perHour: 5)
        let model = Self.model(customer, [Self.link("a", "c/A", .latency, 0.4)])
        let degraded = try AnalyticEngine.run(customer, propagation: Propagation(model: model, degradations: [Self.degrade("a", .latency, .by, 3)]))
        let visits = 1 / 0.8
        let expected = Self.jacksonMean(perHour: 5, [(visits, 0.1, 2, 0.4 * 3), (visits, 0.05, 1, 0), (visits, 0.1, 2, 0)])
        #expect(Self.close(degraded.timeToValueMeanHours, expected))
        #expect(Self.close(degraded.defectRate, 0.2, relative: 1e-12))
    }

    // MARK: Quality

    @Test("a quality link adds s·e to the defects: visits and the mean follow the Jackson network")
    func qualityLink() throws {
        // A: 10 % self-rework; B: plain; C: 5 % back to A, plus 0.8 × 10 % from the quality link.
        let stages = [Self.stage("A", servers: 2, hours: 0.3, defects: 0.1), Self.stage("B", servers: 1, hours: 0.1),
                      Self.stage("C", servers: 3, hours: 0.5, defects: 0.05, reworkTo: "A")]
        let customer = try Self.customer(stages, perHour: 2)
        let model = Self.model(customer, [Self.link("a", "c/C", .quality, 0.8)])
        let propagation = Propagation(model: model, degradations: [Self.degrade("a", .errors, .to, 0.1)])
        let network = try FlowNetwork(customer, propagation: propagation)
        let result = AnalyticEngine.run(network)

        let pC = 0.05 + 0.8 * 0.1
        let passes = 1 / (1 - pC)
        let visits = [passes / (1 - 0.1), passes, passes]
        #expect(Self.close(network.stages[2].defectProbability, pC, relative: 1e-12))
        for (stage, expected) in zip(network.stages, visits) {
            #expect(Self.close(stage.visits, expected), "\(stage.name): \(stage.visits) visits, expected \(expected)")
        }
        #expect(network.cappedStages.isEmpty)
        let expected = Self.jacksonMean(perHour: 2, [(visits[0], 0.3, 2, 0), (visits[1], 0.1, 1, 0), (visits[2], 0.5, 3, 0)])
        #expect(Self.close(result.timeToValueMeanHours, expected), "mean \(result.timeToValueMeanHours ?? .nan), Jackson \(expected)")
        #expect(Self.close(result.defectRate, 1 - (1 - 0.1) * (1 - pC), relative: 1e-12))
        // Rework loads the servers: utilisation = λ·visits·S/c.
        #expect(Self.close(result.stages[0].utilisation, 2 * visits[0] * 0.3 / 2))
        #expect(Self.close(result.stages[2].utilisation, 2 * visits[2] * 0.5 / 3))
    }

    @Test("a quality link on a stage without declared defects gives it exactly s·e")
    func qualityOnCleanStage() throws {
        let customer = try Self.customer([Self.stage("A", servers: 2, hours: 0.15)], perHour: 10)
        let model = Self.model(customer, [Self.link("a", "c/A", .quality, 0.5)])
        let result = try AnalyticEngine.run(customer, propagation: Propagation(model: model, degradations: [Self.degrade("a", .errors, .by, 0.06)]))
        let p = 0.5 * 0.06
        #expect(Self.close(result.defectRate, p, relative: 1e-12))
        #expect(Self.close(result.timeToValueMeanHours, Self.jacksonMean(perHour: 10, [(1 / (1 - p), 0.15, 2, 0)])))
    }

    // MARK: Capacity through a chain

    @Test("supporting → supporting → customer: service divided by f = 1 − s2·(1 − L_b), L_b = own × (1 − s1·(1 − L_a))",
          arguments: [1.0, 0.9])
    func capacityChain(_ ownCapacityOfB: Double) throws {
        let (s1, s2, availability) = (0.5, 0.6, 0.7)
        let customer = try Self.customer([Self.stage("A", servers: 2, hours: 0.15), Self.stage("B", servers: 1, hours: 0.02)], perHour: 10)
        let model = Self.model(customer, [Self.link("a", "b", .capacity, s1), Self.link("b", "c/A", .capacity, s2)])
        var degradations = [Self.degrade("a", .availability, .to, availability)]
        if ownCapacityOfB < 1 { degradations.append(Self.degrade("b", .capacity, .to, ownCapacityOfB)) }
        let propagation = Propagation(model: model, degradations: degradations)
        let levelOfB = ownCapacityOfB * (1 - s1 * (1 - availability))
        let f = 1 - s2 * (1 - levelOfB)
        let network = try FlowNetwork(customer, propagation: propagation)
        #expect(Self.close(network.stages[0].serviceHours, 0.15 / f))
        #expect(network.stages[1].serviceHours == 0.02, "the unlinked stage keeps its service time")
        let result = AnalyticEngine.run(network)
        let expected = Self.jacksonMean(perHour: 10, [(1, 0.15 / f, 2, 0), (1, 0.02, 1, 0)])
        #expect(Self.close(result.timeToValueMeanHours, expected), "f = \(f)")
        #expect(Self.close(result.stages[0].utilisation, 10 * 0.15 / f / 2))
        #expect(result.defectRate == 0)
    }

    // MARK: The cap

    @Test("a quality link pushing defects past 0.99 leaves them at 0.99 and lists the stage as capped")
    func defectCap() throws {
        // A: 50 % + 1 × 60 % → capped at 99 %; B: 10 % + 1 × 60 % × 0.5 = 40 %, not capped.
        let stages = [Self.stage("A", servers: 2, hours: 0.15, defects: 0.5), Self.stage("B", servers: 1, hours: 0.1, defects: 0.1)]
        let customer = try Self.customer(stages, perHour: 0.01)
        let model = Self.model(customer, [Self.link("a", "c/A", .quality, 1), Self.link("a", "c/B", .quality, 0.5)])
        let degradation = Self.degrade("a", .errors, .to, 0.6)
        let network = try FlowNetwork(customer, propagation: Propagation(model: model, degradations: [degradation]))
        #expect(network.stages[0].defectProbability == FlowNetwork.defectCap)
        #expect(FlowNetwork.defectCap == 0.99)
        #expect(Self.close(network.stages[1].defectProbability, 0.4, relative: 1e-12))
        #expect(network.cappedStages == ["A"])
        #expect(Self.close(network.stages[0].visits, 1 / (1 - 0.99)))
        let result = AnalyticEngine.run(network)
        #expect(Self.close(result.defectRate, 1 - (1 - 0.99) * (1 - 0.4), relative: 1e-12))
        let expected = Self.jacksonMean(perHour: 0.01, [(1 / (1 - 0.99), 0.15, 2, 0), (1 / (1 - 0.4), 0.1, 1, 0)])
        #expect(Self.close(result.timeToValueMeanHours, expected))

        // The run reports the capped stage, whether the degradation lasts or has a window.
        let lasting = Simulation.analytic(model, degradations: [degradation])
        #expect(try #require(lasting.streams.first).cappedStages == ["A"])
        let windowed = Simulation.analytic(model, degradations: [Self.degrade("a", .errors, .to, 0.6, window: (10, 5))])
        #expect(try #require(windowed.streams.first).cappedStages == ["A"])
        let mild = Simulation.analytic(model, degradations: [Self.degrade("a", .errors, .to, 0.2)])
        #expect(try #require(mild.streams.first).cappedStages.isEmpty)
    }

    @Test("the cap never lowers a declared defect probability: degrading quality cannot improve the stream")
    func capDoesNotLowerDeclaredDefects() throws {
        let customer = try Self.customer([Self.stage("A", servers: 2, hours: 0.15, defects: 0.995)], perHour: 0.01)
        let model = Self.model(customer, [Self.link("a", "c/A", .quality, 1)])
        let degradation = Self.degrade("a", .errors, .to, 0.001)
        let network = try FlowNetwork(customer, propagation: Propagation(model: model, degradations: [degradation]))
        #expect(network.stages[0].defectProbability >= 0.995)
        let baseline = try AnalyticEngine.run(customer, propagation: nil)
        let degraded = AnalyticEngine.run(network)
        #expect(try #require(degraded.timeToValueMeanHours) >= (try #require(baseline.timeToValueMeanHours)))
        #expect(degraded.defectRate >= baseline.defectRate)
    }

    // MARK: A stopped stage

    @Test("an overloaded stage passes on only what it can: later stages see its capacity, the backlog is demand − throughput")
    func overloadThrottlesLaterStages() throws {
        // A can pass 2/0.25 = 8 an hour of the 10 that arrive; B (1 server, 0.1 h) then runs at 0.8, not 1.0.
        let stages = [Self.stage("A", servers: 2, hours: 0.25), Self.stage("B", servers: 1, hours: 0.1)]
        let result = try AnalyticEngine.run(try Self.customer(stages, perHour: 10), propagation: nil)
        #expect(result.isOverloaded)
        #expect(Self.close(result.throughputPerDay, 8 * 24))
        #expect(Self.close(result.backlogGrowthPerDay, (10 - 8) * 24))
        #expect(Self.close(result.stages[0].utilisation, 10 * 0.25 / 2))
        #expect(Self.close(result.stages[1].utilisation, 8 * 0.1))
        #expect(!result.stages[1].isOverloaded && result.stages[1].backlogGrowthPerDay == 0)
        // With a wider B after a narrower A, only the first constraint builds a backlog; a
        // narrower B builds its own from what A passes on.
        let tighter = [Self.stage("A", servers: 2, hours: 0.25), Self.stage("B", servers: 1, hours: 0.2)]
        let both = try AnalyticEngine.run(try Self.customer(tighter, perHour: 10), propagation: nil)
        #expect(Self.close(both.stages[0].backlogGrowthPerDay, 2 * 24))
        #expect(Self.close(both.stages[1].backlogGrowthPerDay, (8 - 5) * 24))
        #expect(Self.close(both.throughputPerDay, 5 * 24))
        #expect(Self.close(both.backlogGrowthPerDay, (10 - 5) * 24))
    }

    @Test("f = 0 stops a stage: overloaded, backlog growth all demand (items a day), no utilisation, nothing NaN or infinite")
    func stoppedStage() throws {
        // B, reworked 20 % to itself (1.25 visits), loses all capacity through a strength-1 link.
        let stages = [Self.stage("A", servers: 2, hours: 0.15), Self.stage("B", servers: 1, hours: 0.05, defects: 0.2, wait: 0.5)]
        let metric = Metric(name: "CSAT", category: .customer, baseline: try Measure(parsing: "80"),
                            responds: ResponseModel(coefficients: [.init(driver: .throughputPerDay, perUnit: 0.01),
                                                                   .init(driver: .timeToValueMeanHours, perUnit: -1)]))
        let customer = try Self.customer(stages, perHour: 10, promise: 4, metrics: [metric])
        let model = Self.model(customer, [Self.link("a", "c/B", .capacity, 1)])
        let degradation = Self.degrade("a", .availability, .to, 0)
        let network = try FlowNetwork(customer, propagation: Propagation(model: model, degradations: [degradation]))
        #expect(network.stages[1].isStopped)
        #expect(network.stages[1].capacityPerHour == 0)
        let result = AnalyticEngine.run(network)

        #expect(result.isOverloaded)
        // Backlogs count items, not visits: every item that arrives stays.
        #expect(Self.close(result.backlogGrowthPerDay, 10 * 24))
        #expect(Self.close(result.stages[1].backlogGrowthPerDay, 10 * 24))
        #expect(result.stages[1].utilisation == nil)
        #expect(result.stages[1].queueWaitHours == nil && result.stages[1].serviceHours == nil)
        #expect(result.stages[1].isOverloaded)
        #expect(result.stages[1].fixedWaitHours == 0.5)
        #expect(Self.close(result.stages[0].utilisation, 10 * 0.15 / 2), "the stage before keeps its figures")
        #expect(result.stages[0].backlogGrowthPerDay == 0)
        #expect(result.throughputPerDay == 0, "nothing leaves a stopped stage")
        #expect(result.timeToValueMeanHours == nil && result.timeToValueP50Hours == nil && result.timeToValueP90Hours == nil)
        #expect(result.timeToValueP95Hours == nil && result.onTimeRate == nil && result.wip == nil && result.flowEfficiency == nil)
        #expect(Self.close(result.defectRate, 0.2, relative: 1e-12))

        let inResult = Self.figures(in: result)
        #expect(inResult.count >= 10, "the walk reached the figures")
        #expect(inResult.bad.isEmpty, "non-finite figures: \(inResult.bad)")
        // The whole run, with its outcome metric and its impact rows, stays finite too.
        let run = Simulation.analytic(model, degradations: [degradation])
        let simulation = try #require(run.streams.first)
        #expect(simulation.degraded?.result == result)
        let inRun = Self.figures(in: run)
        #expect(inRun.bad.isEmpty, "non-finite figures: \(inRun.bad)")
        let rows = Impact.rows(simulation)
        #expect(!rows.isEmpty)
        let inRows = Self.figures(in: rows.map { [$0.baseline, $0.degraded, $0.change, $0.changePercent] })
        #expect(inRows.bad.isEmpty, "non-finite impact figures: \(inRows.bad)")
    }

    @Test("a stopped stage in a window: backlog builds at the arrival rate and every figure stays finite")
    func stoppedInWindow() throws {
        let customer = try Self.customer([Self.stage("A", servers: 2, hours: 0.2)], perHour: 3)
        let model = Self.model(customer, [Self.link("a", "c/A", .capacity, 1)])
        let run = Simulation.analytic(model, degradations: [Self.degrade("a", .availability, .to, 0, window: (20, 4))])
        let found = Self.figures(in: run)
        #expect(found.bad.isEmpty, "non-finite figures: \(found.bad)")
        let window = try #require(run.streams.first?.degraded?.window)
        #expect(window.timeToValueMeanHours.map(\.isFinite) == true)
    }
}
