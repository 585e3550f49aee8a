import Foundation
import Testing
@testable import FlowSimulation
import ValueStreams

@Suite("Discrete-event engine")
struct DiscreteEventTests {
    static func stage(_ name: String, servers: Int, hours: Double, cv: Double? = nil, defects: Double? = nil) throws -> Stage {
        var stage = Stage(name: name)
        stage.servers = servers
        stage.time = try Duration(parsing: "\(hours)h")
        if let cv { stage.cv = PlainNumber(cv) }
        if let defects { stage.defects = Fraction(value: defects) }
        return stage
    }

    static func network(_ stages: [Stage], perHour: Double, promise: Double? = nil) throws -> FlowNetwork {
        var stream = ValueStream(id: "c", name: "C", kind: .customer, stages: stages)
        stream.demand = try Rate(parsing: "\(perHour)/h")
        if let promise { stream.promise = try Duration(parsing: "\(promise)h") }
        return try FlowNetwork(stream, propagation: nil)
    }

    /// The benchmark's reference network: Poisson 10/h, c = 2, 3, 4, 2, exponential means
    /// 0.15, 0.25, 0.35, 0.18 h, 5 % rework at the third stage back to itself.
    static func reference() throws -> FlowNetwork {
        try network([stage("A", servers: 2, hours: 0.15), stage("B", servers: 3, hours: 0.25),
                     stage("C", servers: 4, hours: 0.35, defects: 0.05), stage("D", servers: 2, hours: 0.18)], perHour: 10)
    }

    static func settings(runs: Int, horizon: Double, seed: UInt64 = 7) -> DiscreteEventEngine.Settings {
        var settings = DiscreteEventEngine.Settings()
        settings.runs = runs
        settings.horizonHours = horizon
        settings.warmupHours = 100
        settings.seed = seed
        return settings
    }

    @Test("on the reference network the DES mean agrees with the exact Jackson mean within its 95 % interval")
    func agreesWithJackson() throws {
        let network = try Self.reference()
        let exact = try #require(AnalyticEngine.run(network).timeToValueMeanHours)
        // 20 replications × 1,500 h × 10/h × about 5 events: 1.5 million events.
        let result = DiscreteEventEngine.run(.init(steady: network), settings: Self.settings(runs: 20, horizon: 1_500))
        let mean = try #require(result.timeToValueMeanHours)
        let halfWidth = try #require(result.timeToValueHalfWidthHours)
        #expect(abs(mean - exact) <= halfWidth, "DES \(mean) ± \(halfWidth) h, exact \(exact) h")
        #expect(halfWidth < 0.08 * exact, "the interval is narrow enough to mean something")
        // Utilisation λ·v·E[S]/c and throughput λ, within a percent.
        let visits = [1, 1, 1 / 0.95, 1]
        let means = [0.15, 0.25, 0.35, 0.18]
        let servers = [2.0, 3, 4, 2]
        for index in 0..<4 {
            let expected = 10 * visits[index] * means[index] / servers[index]
            let utilisation = try #require(result.stages[index].utilisation)
            #expect(abs(utilisation - expected) < 0.02 * expected, "stage \(index)")
        }
        #expect(abs(result.throughputPerDay - 240) < 0.02 * 240)
        // Little: WIP = λ·W.
        let wip = try #require(result.wip)
        let little: Double = 10 * mean
        #expect(abs(wip - little) < 0.03 * little)
        #expect(abs(try #require(result.defectRate) - 0.05) < 0.005)
        #expect(result.replications == 20 && !result.truncated && !result.cancelled)
    }

    @Test("the same seed gives the same result on one worker and on several; another seed does not")
    func deterministicAcrossCores() throws {
        let network = try Self.reference()
        var one = Self.settings(runs: 6, horizon: 300)
        one.concurrency = 1
        var several = one
        several.concurrency = 3
        let first = DiscreteEventEngine.run(.init(steady: network), settings: one)
        #expect(first == DiscreteEventEngine.run(.init(steady: network), settings: several))
        #expect(first == DiscreteEventEngine.run(.init(steady: network), settings: one))
        var other = one
        other.seed = 8
        #expect(first != DiscreteEventEngine.run(.init(steady: network), settings: other))
    }

    @Test("the lognormal sampler has mean 1 and the cv asked for; constant is 1; exponential has cv 1", arguments: [0.0, 0.5, 1.0, 2.0])
    func sampler(_ cv: Double) {
        var random = Xoshiro256StarStar(seed: 42)
        let sampler = UnitServiceTime(cv: cv)
        let count = 400_000
        var sum = 0.0, squares = 0.0
        for _ in 0..<count {
            let x = sampler.sample(&random)
            sum += x
            squares += x * x
        }
        let mean = sum / Double(count)
        let sd = (squares / Double(count) - mean * mean).squareRoot()
        #expect(abs(mean - 1) < 0.01, "mean \(mean)")
        #expect(abs(sd / mean - cv) < 0.03 * max(cv, 1), "cv \(sd / mean)")
    }

    @Test("M/M/1 at ρ = 0.8: the mean sojourn 1/(μ − λ) within the interval; the p90 and the on-time rate close to the exponential sojourn's")
    func mm1() throws {
        let network = try Self.network([Self.stage("A", servers: 1, hours: 0.1)], perHour: 8, promise: 1)
        let result = DiscreteEventEngine.run(.init(steady: network), settings: Self.settings(runs: 20, horizon: 2_000))
        let mean = try #require(result.timeToValueMeanHours)
        #expect(abs(mean - 0.5) <= (try #require(result.timeToValueHalfWidthHours)), "mean \(mean) h")
        // The sojourn is exponential with rate μ − λ = 2: p90 = ln 10 / 2, P(T ≤ 1) = 1 − e⁻².
        let p90 = try #require(result.timeToValueP90Hours)
        let exactP90: Double = log(10) / 2
        // Sampling error (correlated sojourns) plus the histogram's ±0.5 %.
        #expect(abs(p90 - exactP90) < 0.04 * exactP90)
        let onTime = try #require(result.onTimeRate)
        let exactOnTime: Double = 1 - exp(-2)
        #expect(abs(onTime - exactOnTime) < 0.01)
    }

    @Test("cv ≠ 1: M/G/1 matches Pollaczek–Khinchine within the interval; M/G/3 matches Allen–Cunneen within the documented 10 %", arguments: [0.0, 0.5, 2.0])
    func otherVariability(_ cv: Double) throws {
        // M/G/1 at ρ = 0.7: Wq = ρ·(1 + cv²)/2 · S/(1 − ρ), exact, and what Allen–Cunneen gives for c = 1.
        let single = try Self.network([Self.stage("A", servers: 1, hours: 0.1, cv: cv)], perHour: 7)
        let exact = 0.7 * (1 + cv * cv) / 2 * 0.1 / 0.3 + 0.1
        let result = DiscreteEventEngine.run(.init(steady: single), settings: Self.settings(runs: 20, horizon: 1_500))
        let mean = try #require(result.timeToValueMeanHours)
        let halfWidth = try #require(result.timeToValueHalfWidthHours)
        #expect(abs(mean - exact) <= halfWidth, "DES \(mean) ± \(halfWidth) h, Pollaczek–Khinchine \(exact) h")
        // Several servers: Allen–Cunneen is an approximation, documented to 10 % for cv up to 2.
        let several = try Self.network([Self.stage("A", servers: 3, hours: 0.3, cv: cv)], perHour: 7)
        let approximate = try #require(AnalyticEngine.run(several).timeToValueMeanHours)
        let simulated = try #require(DiscreteEventEngine.run(.init(steady: several), settings: Self.settings(runs: 20, horizon: 1_500)).timeToValueMeanHours)
        #expect(abs(simulated - approximate) < 0.10 * approximate, "DES \(simulated) h, Allen–Cunneen \(approximate) h")
    }

    @Test("the event budget stops a replication and says so; a stop request ends the run")
    func budgetAndStop() throws {
        var settings = Self.settings(runs: 2, horizon: 10_000)
        settings.eventBudget = 5_000
        let truncated = DiscreteEventEngine.run(.init(steady: try Self.reference()), settings: settings)
        #expect(truncated.truncated)
        #expect(truncated.events == 2 * 5_000)
        let stopped = DiscreteEventEngine.run(.init(steady: try Self.reference()), settings: Self.settings(runs: 4, horizon: 100)) { true }
        #expect(stopped.replications == 0 && stopped.cancelled)
        #expect(stopped.timeToValueMeanHours == nil && stopped.stages.allSatisfy { $0.utilisation == nil })
    }

    @Test("SplitMix64 and xoshiro256** match the reference sequences")
    func generators() {
        // SplitMix64 from seed 0, and the replication seed rule.
        var mixer = SplitMix64(seed: 0)
        #expect(mixer.next() == 0xE220_A839_7B1D_CDAF)
        #expect(SplitMix64.replicationSeed(master: 1, replication: 0) == SplitMix64.mix(1 ^ SplitMix64.mix(0)))
        var random = Xoshiro256StarStar(seed: 1)
        let u = random.uniform()
        #expect(u > 0 && u < 1)
    }

    @Test("a windowed outage builds a backlog that clears after the window, in the time series; its peak agrees with the analytic window's within 20 %")
    func windowedOutage() throws {
        typealias Help = DegradedEngineTests
        // A: 2 servers of 0.2 h (10/h) fed 5/h; a strength-1 capacity link; A stops for 8 h from 100 h.
        let customer = try Help.customer([Help.stage("A", servers: 2, hours: 0.2)], perHour: 5)
        let model = Help.model(customer, [Help.link("a", "c/A", .capacity, 1)])
        let outage = [Help.degrade("a", .availability, .to, 0, window: (100, 8))]
        var settings = Self.settings(runs: 20, horizon: 200)
        settings.warmupHours = 50
        let run = Simulation.discreteEvent(model, degradations: outage, settings: settings)
        let degraded = try #require(run.streams.first?.degraded?.result)
        let series = degraded.series
        #expect(series.count == DiscreteEventEngine.seriesBuckets)
        #expect(run.streams.first?.baseline.result.series.isEmpty == true, "no windows, no series")
        let steady = try #require(AnalyticEngine.run(try FlowNetwork(customer, propagation: nil)).wip)
        let peak = try #require(series.max { $0.wip < $1.wip })
        // The backlog peaks as the window ends (108 h), a·D = 40 items above the steady WIP.
        #expect(peak.timeHours > 100 && peak.timeHours < 112, "peak at \(peak.timeHours) h")
        let analytic = try #require(Simulation.analytic(model, degradations: outage).streams.first?.degraded?.window?.peakBacklog)
        #expect(abs((peak.wip - steady) - analytic) < 0.2 * analytic, "DES peak \(peak.wip - steady) above steady, analytic \(analytic)")
        // It clears: a·D/(μ − a) = 8 h after the window; by 140 h the WIP is steady again.
        let late = series.filter { $0.timeHours > 140 }
        let lateMean = late.reduce(0) { $0 + $1.wip } / Double(late.count)
        #expect(abs(lateMean - steady) < 0.25 * steady + 0.2, "after the window \(lateMean), steady \(steady)")
        let before = series.filter { $0.timeHours < 95 }
        #expect(before.allSatisfy { $0.wip < steady + 0.5 * analytic }, "no backlog before the window")
    }

    @Test("a tandem outage: the DES window figures agree with the analytic fluid's within the documented tolerance")
    func windowAgreesWithFluid() throws {
        typealias Help = DegradedEngineTests
        // A (2 × 0.2 h, 10/h) then B (3 × 0.4 h, 7.5/h), fed 5/h; A stops for 24 h from 50 h.
        // Fluid: 120 items queue at A; after the window A drains at 5/h into B, which cannot keep
        // up and builds 60; the backlog has moved through and cleared 48 h after the window.
        let customer = try Help.customer([Help.stage("A", servers: 2, hours: 0.2), Help.stage("B", servers: 3, hours: 0.4)], perHour: 5)
        let model = Help.model(customer, [Help.link("a", "c/A", .capacity, 1)])
        let outage = [Help.degrade("a", .availability, .to, 0, window: (50, 24))]
        var settings = Self.settings(runs: 24, horizon: 250)
        settings.warmupHours = 50
        let fluid = try #require(Simulation.analytic(model, degradations: outage).streams.first?.degraded?.window)
        let des = try #require(Simulation.discreteEvent(model, degradations: outage, settings: settings).streams.first?.degraded?.result.window)
        #expect(fluid.method == .fluid && des.method == .discreteEvent)
        #expect(Help.close(fluid.clearHours, 48, relative: 1e-6), "fluid clears in \(fluid.clearHours ?? -1) h")
        #expect(des.startHours == 50 && des.durationHours == 24)
        let pairs: [(String, Double?, Double?)] = [
            ("items affected", fluid.itemsAffected.map(Double.init), des.itemsAffected.map(Double.init)),
            ("time-to-value mean", fluid.timeToValueMeanHours, des.timeToValueMeanHours),
            ("time-to-value p90", fluid.timeToValueP90Hours, des.timeToValueP90Hours),
            ("peak backlog", fluid.peakBacklog, des.peakBacklog),
            ("clear", fluid.clearHours, des.clearHours),
        ]
        for (figure, analytic, simulated) in pairs {
            let analytic = try #require(analytic, "\(figure): analytic")
            let simulated = try #require(simulated, "\(figure): DES")
            #expect(abs(simulated - analytic) <= DiscreteEventEngine.windowTolerance * analytic,
                    "\(figure): DES \(simulated), fluid \(analytic)")
        }
    }

    @Test("a backlog still there when the horizon ends: no figures for the items touched, and the report says why")
    func windowNotCleared() throws {
        typealias Help = DegradedEngineTests
        let customer = try Help.customer([Help.stage("A", servers: 2, hours: 0.2)], perHour: 5)
        let model = Help.model(customer, [Help.link("a", "c/A", .capacity, 1)])
        // A stops for 24 h from 50 h: 120 items, cleared 24 h after the window — past a 80 h horizon.
        var settings = Self.settings(runs: 3, horizon: 80)
        settings.warmupHours = 20
        let outage = [Help.degrade("a", .availability, .to, 0, window: (50, 24))]
        let window = try #require(Simulation.discreteEvent(model, degradations: outage, settings: settings).streams.first?.degraded?.result.window)
        #expect(window.incomplete == .notCleared)
        #expect(window.timeToValueMeanHours == nil && window.timeToValueP90Hours == nil && window.clearHours == nil && window.itemsAffected == nil)
        #expect((window.peakBacklog ?? 0) > 60, "the backlog it built is still reported")
    }
}
