import Foundation
import Testing
import ValueStreams
@testable import FlowSimulation

/// Windowed degradations (`from T for D`) through `Simulation.analytic`, against what the
/// method in WindowReport's documentation gives, computed here: a fluid backlog a·D that
/// drains at μ − a, items touched from the window's start until the backlog clears, and
/// pointwise-stationary sojourns when nothing overloads.
@Suite("Window report")
struct WindowReportTests {
    typealias Help = DegradedEngineTests

    /// The stream's simulation under `degradations`.
    func simulate(_ model: Model, _ degradations: [Degradation]) throws -> StreamSimulation {
        let run = Simulation.analytic(model, degradations: degradations)
        #expect(run.skipped.isEmpty)
        return try #require(run.streams.first)
    }

    // MARK: Fluid: a stage stopped for D hours

    @Test("one stage stopped for D hours: backlog a·D, cleared in a·D/(μ − a), items a × touched span")
    func stoppedSingleStage() throws {
        // a = 3/h; two servers of 0.2 h: μ = 10/h. Stopped from T = 100 h for D = 4 h.
        let (a, servers, service, start, length) = (3.0, 2, 0.2, 100.0, 4.0)
        let mu = Double(servers) / service
        let customer = try Help.customer([Help.stage("A", servers: servers, hours: service)], perHour: a)
        let model = Help.model(customer, [Help.link("a", "c/A", .capacity, 1)])
        let simulation = try simulate(model, [Help.degrade("a", .availability, .to, 0, window: (start, length))])
        let window = try #require(simulation.degraded?.window)

        let backlog = a * length
        let clear = backlog / (mu - a)
        #expect(window.method == .fluid)
        #expect(window.startHours == start)
        #expect(window.durationHours == length)
        #expect(Help.close(window.peakBacklog, backlog), "peak \(window.peakBacklog ?? .nan), expected a·D = \(backlog)")
        #expect(Help.close(window.clearHours, clear), "clear \(window.clearHours ?? .nan) h, expected \(clear) h")
        // A single stage is reached on arrival: the touched span runs from T to the clearing.
        let span = length + clear
        #expect(window.itemsAffected == Int((a * span).rounded()), "span \(span) h")

        let baselineMean = try #require(simulation.baseline.result.timeToValueMeanHours)
        #expect(Help.close(baselineMean, Help.sojourn(arrivals: a, service: service, servers: servers)))
        let mean = try #require(window.timeToValueMeanHours)
        let p90 = try #require(window.timeToValueP90Hours)
        #expect(mean > baselineMean)
        #expect(p90 >= mean)

        // The fluid wait of an item arriving at t: in the window, the rest of the window plus
        // the backlog ahead, a·(t − T)/μ; afterwards, the backlog left, a·D − (μ − a)(t − T − D),
        // over μ. Both are linear, so their averages are the ends' means. Items after the
        // window may also see the stage's steady queue wait: the mean lies between the two.
        let waitInWindow = (length + backlog / mu) / 2
        let waitDraining = backlog / mu / 2
        let fluidOnly = (length * waitInWindow + clear * waitDraining) / span + service
        let steadyWait = Help.queueWait(arrivals: a, service: service, servers: servers)
        #expect(mean >= fluidOnly * (1 - 1e-3) && mean <= (fluidOnly + steadyWait * clear / span) * (1 + 1e-3),
                "mean \(mean) h, fluid \(fluidOnly) h, + steady wait \(steadyWait) h")
    }

    @Test("a stopped first stage: the peak adds the other stages' steady queues; the span starts a first pass earlier")
    func stoppedFirstOfTwo() throws {
        let (a, start, length) = (3.0, 50.0, 4.0)
        let stages = [Help.stage("A", servers: 2, hours: 0.2), Help.stage("B", servers: 1, hours: 0.1)]
        let customer = try Help.customer(stages, perHour: a)
        let model = Help.model(customer, [Help.link("a", "c/A", .capacity, 1)])
        let simulation = try simulate(model, [Help.degrade("a", .availability, .to, 0, window: (start, length))])
        let window = try #require(simulation.degraded?.window)

        let backlog = a * length
        let clear = backlog / (10 - a)
        let queuedAtB = a * Help.queueWait(arrivals: a, service: 0.1, servers: 1)  // Little: Lq = λ·Wq
        #expect(Help.close(queuedAtB, a * (a * 0.1) / (10 - a)), "M/M/1: Wq = ρ/(μ − λ)")
        #expect(window.method == .fluid)
        #expect(Help.close(window.peakBacklog, backlog + queuedAtB))
        #expect(Help.close(window.clearHours, clear))
        // Touched: the items that reach A while it is stopped or behind its backlog. B is
        // unchanged and, fed only by A, builds no backlog: items that reach only B inside
        // the window are not touched. The grid (over a span a first pass longer) counts them
        // to within a grid step.
        let offsetOfB = Help.sojourn(arrivals: a, service: 0.2, servers: 2)
        let gridStep = a * (offsetOfB + length + clear) / Double(WindowReport.gridPoints)
        let items = Double(try #require(window.itemsAffected))
        #expect(abs(items - a * (length + clear)) <= gridStep + 1, "\(items) items, expected \(a * (length + clear))")
        let mean = try #require(window.timeToValueMeanHours)
        #expect(mean > (try #require(simulation.baseline.result.timeToValueMeanHours)))
        #expect(try #require(window.timeToValueP90Hours) >= mean)
    }

    @Test("in tandem: a stopped stage passes nothing on, then floods the narrower stage after it, which clears last")
    func backlogMovesDownstream() throws {
        // A passes 2/0.1 = 20 an hour, B 1/0.125 = 8; 5 arrive an hour. A stops for 4 h.
        let (a, length) = (5.0, 4.0)
        let stages = [Help.stage("A", servers: 2, hours: 0.1), Help.stage("B", servers: 1, hours: 0.125)]
        let model = Help.model(try Help.customer(stages, perHour: a), [Help.link("a", "c/A", .capacity, 1)])
        let simulation = try simulate(model, [Help.degrade("a", .availability, .to, 0, window: (20, length))])
        let window = try #require(simulation.degraded?.window)
        // A ends the window with a·D waiting and drains at 20 − a, passing 20 an hour to B,
        // whose backlog grows at 20 − 8 until A is empty, then drains at 8 − a.
        let drainA = a * length / (20 - a)
        let backlogB = (20 - 8) * drainA
        #expect(Help.close(window.clearHours, drainA + backlogB / (8 - a)))
        let queuedA = a * Help.queueWait(arrivals: a, service: 0.1, servers: 2)
        let queuedB = a * Help.queueWait(arrivals: a, service: 0.125, servers: 1)
        #expect(Help.close(window.peakBacklog, max(a * length + queuedB, backlogB + queuedA)))
        #expect(window.method == .fluid)
    }

    @Test("in tandem, an item reaches the next stage when it has left the backlog: it waits there behind what A passed on first")
    func itemsCarryTheirDelayDownstream() throws {
        // A passes 10 an hour, B 7.5; 5 arrive an hour; A stops for D = 24 h. An item arriving
        // s h into the window waits 24 − s/2 at A and s/6 at B; one arriving u h after it, 12 − u/2
        // at A and 4 + u/6 at B; one arriving 24 + u h after it (u < 24) waits (60 − 2.5u)/7.5 at
        // B, and A's steady queue. Equal numbers in each third: mean waits 20, 12 and 4 h.
        let a = 5.0
        let stages = [Help.stage("A", servers: 2, hours: 0.2), Help.stage("B", servers: 3, hours: 0.4)]
        let model = Help.model(try Help.customer(stages, perHour: a), [Help.link("a", "c/A", .capacity, 1)])
        let window = try #require(try simulate(model, [Help.degrade("a", .availability, .to, 0, window: (50, 24))]).degraded?.window)
        #expect(Help.close(window.clearHours, 48))
        let queueA = Help.queueWait(arrivals: a, service: 0.2, servers: 2)
        let expected = (20.0 + 12 + 4) / 3 + 0.2 + 0.4 + queueA / 3
        // The report samples 200 arrivals over the touched span: within 1 % of the integral.
        #expect(Help.close(window.timeToValueMeanHours, expected, relative: 0.01), "mean \(window.timeToValueMeanHours ?? -1), expected \(expected)")
        #expect(Help.close(window.itemsAffected.map(Double.init), a * 72, relative: 0.01))
    }

    @Test("a partial loss that overloads a stage in the window: backlog (a − μ')·D, drained at μ − a")
    func partialOverload() throws {
        // 30 % availability: μ' = 0.3 × 10 = 3/h against a = 5/h.
        let (a, start, length) = (5.0, 10.0, 6.0)
        let customer = try Help.customer([Help.stage("A", servers: 2, hours: 0.2)], perHour: a)
        let model = Help.model(customer, [Help.link("a", "c/A", .capacity, 1)])
        let simulation = try simulate(model, [Help.degrade("a", .availability, .to, 0.3, window: (start, length))])
        let window = try #require(simulation.degraded?.window)
        let backlog = (a - 3) * length
        #expect(window.method == .fluid)
        #expect(Help.close(window.peakBacklog, backlog))
        #expect(Help.close(window.clearHours, backlog / (10 - a)))
        let items = Double(try #require(window.itemsAffected))
        #expect(abs(items - a * (length + backlog / (10 - a))) <= a * (length + backlog / (10 - a)) / Double(WindowReport.gridPoints) + 1)
    }

    // MARK: Pointwise-stationary: latency only

    /// A: two servers of 0.2 h; B: one of 0.1 h; a = 3/h; a latency link of strength s into B.
    func latencyModel(_ s: Double) throws -> Model {
        let stages = [Help.stage("A", servers: 2, hours: 0.2), Help.stage("B", servers: 1, hours: 0.1)]
        return Help.model(try Help.customer(stages, perHour: 3), [Help.link("a", "c/B", .latency, s)])
    }

    @Test("a latency window: pointwise-stationary, nothing to clear; the touched items are those reaching B inside it, each s·Δ later",
          arguments: [2.0, 5.0, 24.0])
    func latencyWindow(_ length: Double) throws {
        let (s, delta, start) = (0.5, 6.0, 30.0)
        let simulation = try simulate(try latencyModel(s), [Help.degrade("a", .latency, .to, delta, window: (start, length))])
        let window = try #require(simulation.degraded?.window)
        let baseline = try #require(simulation.baseline.result.timeToValueMeanHours)
        let offsetOfB = Help.sojourn(arrivals: 3, service: 0.2, servers: 2)
        #expect(Help.close(baseline, offsetOfB + Help.sojourn(arrivals: 3, service: 0.1, servers: 1)))

        #expect(window.method == .pointwiseStationary)
        #expect(window.clearHours == 0)
        // Touched: the items that reach B while the window lasts: a·D of them, counted on a
        // grid over a span a first pass longer, so to within a grid step.
        let span = length + offsetOfB
        let items = Double(try #require(window.itemsAffected))
        #expect(abs(items - 3 * length) <= 3 * span / Double(WindowReport.gridPoints) + 1, "\(items) items, expected \(3 * length)")
        // No backlog builds: the peak is the steady queues, Lq = λ·Wq at each stage.
        let queued = 3 * Help.queueWait(arrivals: 3, service: 0.2, servers: 2) + 3 * Help.queueWait(arrivals: 3, service: 0.1, servers: 1)
        #expect(Help.close(window.peakBacklog, queued))

        // Every touched item meets the latency once: the mean is exactly s·Δ above the baseline.
        let mean = try #require(window.timeToValueMeanHours)
        #expect(Help.close(mean, baseline + s * delta), "mean \(mean) h, baseline \(baseline) h, + s·Δ = \(s * delta) h")
        #expect(try #require(window.timeToValueP90Hours) >= mean)
        // The steady case does not move.
        #expect(simulation.degraded?.result == simulation.baseline.result)
    }

    @Test("a long latency window: the touched mean approaches baseline + s·Δ")
    func longLatencyWindow() throws {
        let (s, delta) = (0.5, 6.0)
        let simulation = try simulate(try latencyModel(s), [Help.degrade("a", .latency, .to, delta, window: (0, 1000))])
        let window = try #require(simulation.degraded?.window)
        let baseline = try #require(simulation.baseline.result.timeToValueMeanHours)
        let target = baseline + s * delta
        let mean = try #require(window.timeToValueMeanHours)
        #expect(abs(mean - target) <= 0.01 * target, "mean \(mean) h, baseline + s·Δ = \(target) h")
        #expect(mean <= target)
        #expect(window.durationHours == 1000 && window.startHours == 0)
    }

    // MARK: Unavailable and absent

    @Test("a lasting degradation that overloads the stream: the window's figures are nil, never NaN")
    func overloadedOutsideWindow() throws {
        let customer = try Help.customer([Help.stage("A", servers: 2, hours: 0.2)], perHour: 5)
        let model = Help.model(customer, [Help.link("a", "c/A", .capacity, 1), Help.link("a", "c/A", .latency, 1)])
        // 40 % availability: capacity 4/h against 5/h, all the time; latency only in the window.
        let simulation = try simulate(model, [Help.degrade("a", .availability, .to, 0.4),
                                              Help.degrade("a", .latency, .to, 2, window: (10, 5))])
        let degraded = try #require(simulation.degraded)
        #expect(degraded.result.isOverloaded)
        let window = try #require(degraded.window)
        #expect(window.itemsAffected == nil)
        #expect(window.timeToValueMeanHours == nil && window.timeToValueP90Hours == nil)
        #expect(window.peakBacklog == nil && window.clearHours == nil)
        #expect(window.startHours == 10 && window.durationHours == 5)
        let found = Help.figures(in: simulation)
        #expect(found.bad.isEmpty, "non-finite figures: \(found.bad)")
    }

    @Test("without a windowed degradation there is no window report")
    func noWindow() throws {
        let customer = try Help.customer([Help.stage("A", servers: 2, hours: 0.2)], perHour: 5)
        let model = Help.model(customer, [Help.link("a", "c/A", .capacity, 1)])
        let simulation = try simulate(model, [Help.degrade("a", .availability, .to, 0.8)])
        #expect(simulation.degraded != nil)
        #expect(simulation.degraded?.window == nil)
        #expect(simulation.baseline.window == nil)
        #expect(simulation.degraded?.result != simulation.baseline.result)
    }

    @Test("with only windowed degradations the degraded steady figures are the baseline's")
    func onlyWindowedKeepsSteadyFigures() throws {
        let metric = Metric(name: "NPS", category: .customer, baseline: try Measure(parsing: "40"),
                            responds: ResponseModel(coefficients: [.init(driver: .timeToValueP90Hours, perUnit: -2)]))
        let customer = try Help.customer([Help.stage("A", servers: 2, hours: 0.2), Help.stage("B", servers: 1, hours: 0.1)],
                                         perHour: 3, promise: 2, metrics: [metric])
        let model = Help.model(customer, [Help.link("a", "c/A", .capacity, 1), Help.link("b", "c/B", .quality, 1)])
        let simulation = try simulate(model, [Help.degrade("a", .availability, .to, 0.5, window: (10, 3)),
                                              Help.degrade("b", .errors, .to, 0.2, window: (12, 6))])
        let degraded = try #require(simulation.degraded)
        #expect(degraded.result == simulation.baseline.result)
        #expect(degraded.metrics == simulation.baseline.metrics)
        #expect(degraded.metrics.first?.value == 40)
        let window = try #require(degraded.window)
        // Two windows: from the first's start to the last's end.
        #expect(window.startHours == 10 && window.durationHours == 8)
        // The effects list every degradation, windowed ones included.
        #expect(simulation.effects.map(\.changedBy.count) == [1, 1])
    }
    @Test("a window of length 0 starts where it says and touches nothing")
    func zeroLengthWindow() throws {
        let customer = try Help.customer([Help.stage("A", servers: 2, hours: 0.2), Help.stage("B", servers: 1, hours: 0.1)], perHour: 3)
        let model = Help.model(customer, [Help.link("a", "c/A", .capacity, 1)])
        let simulation = try simulate(model, [Help.degrade("a", .availability, .to, 0, window: (50, 0))])
        let window = try #require(simulation.degraded?.window)
        #expect(window.startHours == 50)
        #expect(window.durationHours == 0)
        #expect(window.clearHours == 0)
        #expect(window.itemsAffected == 0)
    }
}
