import Foundation
import Testing
import ValueStreams
@testable import FlowSimulation

/// Customer outcome metrics from their response models (DESIGN §6):
/// `baseline + Σ k·(driver − driver at the undegraded baseline)`, clamped to `range`.
@Suite("Outcome metrics")
struct OutcomeMetricsTests {
    typealias Help = DegradedEngineTests

    func number(_ text: String) throws -> PlainNumber { try PlainNumber(parsing: text) }

    func metric(_ name: String, baseline: String?, _ terms: [(Driver, String)], range: (String, String)? = nil) throws -> Metric {
        let coefficients = try terms.map { ResponseModel.Coefficient(driver: $0.0, perUnit: try number($0.1)) }
        let bounds = try range.map { ResponseModel.Bounds(low: try number($0.0), high: try number($0.1)) }
        return Metric(name: name, category: .customer, baseline: try baseline.map { try Measure(parsing: $0) },
                      responds: ResponseModel(coefficients: coefficients, range: bounds))
    }

    /// One stage, two servers of 0.15 h, 10/h; capacity and quality links from `a` into it.
    func model(_ metrics: [Metric], promise: Double? = 1) throws -> Model {
        let customer = try Help.customer([Help.stage("A", servers: 2, hours: 0.15)], perHour: 10, promise: promise, metrics: metrics)
        return Help.model(customer, [Help.link("a", "c/A", .capacity, 1), Help.link("a", "c/A", .quality, 1)])
    }

    func simulate(_ model: Model, _ degradations: [Degradation]) throws -> StreamSimulation {
        try #require(Simulation.analytic(model, degradations: degradations).streams.first)
    }

    /// 90 % availability and 5 % errors: service 0.15/0.9 h, 5 % self-rework.
    var moderate: [Degradation] { [Help.degrade("a", .availability, .to, 0.9), Help.degrade("a", .errors, .to, 0.05)] }

    @Test("the response is the baseline plus Σ k·(driver − driver at baseline), drivers from the formulas")
    func linearResponse() throws {
        let csat = try metric("CSAT", baseline: "80", [(.timeToValueMeanHours, "-2"), (.defectRate, "-50")], range: ("0", "100"))
        let simulation = try simulate(try model([csat]), moderate)
        let meanBefore = Help.jacksonMean(perHour: 10, [(1, 0.15, 2, 0)])
        let meanAfter = Help.jacksonMean(perHour: 10, [(1 / 0.95, 0.15 / 0.9, 2, 0)])
        let expected = 80 - 2 * (meanAfter - meanBefore) - 50 * (0.05 - 0)
        let outcome = try #require(simulation.degraded?.metrics.first)
        #expect(outcome.metric == "CSAT")
        #expect(Help.close(outcome.value, expected), "CSAT \(outcome.value ?? .nan), expected \(expected)")
        #expect(outcome.drivers == [.timeToValueMeanHours, .defectRate])
        #expect(outcome.isPercentage == false)
        #expect(simulation.baseline.metrics.first?.value == 80, "the baseline case gives exactly the baseline")
    }

    @Test("the on-time rate and throughput drive the response by their own changes")
    func otherDrivers() throws {
        let retention = try metric("Retention", baseline: "70", [(.onTimeRate, "20"), (.throughputPerDay, "0.5"), (.timeToValueP90Hours, "-1.5")])
        let simulation = try simulate(try model([retention]), moderate)
        let before = simulation.baseline.result, after = try #require(simulation.degraded?.result)
        let onTime = try #require(after.onTimeRate) - (try #require(before.onTimeRate))
        let p90 = try #require(after.timeToValueP90Hours) - (try #require(before.timeToValueP90Hours))
        #expect(onTime < 0 && p90 > 0, "the degradation made things worse")
        #expect(after.throughputPerDay == 240, "a stable stream's throughput is its demand")
        let expected = 70 + 20 * onTime + 0.5 * 0 - 1.5 * p90
        #expect(Help.close(simulation.degraded?.metrics.first?.value, expected))
        #expect(simulation.baseline.metrics.first?.value == 70)
    }

    @Test("the response is clamped to its range, at either end")
    func clamped() throws {
        // The mean grows by about 0.4 h: ±1000 a hour overshoots both ends of [-100, 100].
        let falling = try metric("NPS", baseline: "10", [(.timeToValueMeanHours, "-1000")], range: ("-100", "100"))
        let rising = try metric("Complaints", baseline: "10", [(.timeToValueMeanHours, "1000")], range: ("-100", "100"))
        let inside = try metric("Calm", baseline: "10", [(.timeToValueMeanHours, "1")], range: ("-100", "100"))
        let simulation = try simulate(try model([falling, rising, inside]), moderate)
        let values = try #require(simulation.degraded).metrics.map(\.value)
        let change = Help.jacksonMean(perHour: 10, [(1 / 0.95, 0.15 / 0.9, 2, 0)]) - Help.jacksonMean(perHour: 10, [(1, 0.15, 2, 0)])
        #expect(10 + 1000 * change > 100, "the unclamped figure would be outside the range")
        #expect(values == [-100, 100, 10 + change])
        #expect(simulation.baseline.metrics.map(\.value) == [10, 10, 10])
    }

    @Test("nil when a driver has no figure: an overloaded stream's time-to-value, an on-time rate without a promise")
    func unavailableDriver() throws {
        let csat = try metric("CSAT", baseline: "80", [(.timeToValueMeanHours, "-2")])
        let revenue = try metric("Revenue", baseline: "1000", [(.throughputPerDay, "2")])
        let quality = try metric("Quality", baseline: "5", [(.defectRate, "-10")])
        // 50 % availability: service 0.3 h, capacity 2/0.3 ≈ 6.7/h against 10/h.
        let overloaded = try simulate(try model([csat, revenue, quality]), [Help.degrade("a", .availability, .to, 0.5),
                                                                          Help.degrade("a", .errors, .to, 0.1)])
        let degraded = try #require(overloaded.degraded)
        #expect(degraded.result.isOverloaded)
        #expect(degraded.metrics[0].value == nil)
        // Throughput and defects still have figures: the tightest capacity, 2/0.3 an hour.
        let tightest: Double = 2 / 0.3 * 0.9 * 24  // capacity ÷ visits, a day
        #expect(Help.close(degraded.metrics[1].value, 1000 + 2 * (tightest - 240)))
        #expect(Help.close(degraded.metrics[2].value, 5 - 10 * 0.1))

        let onTime = try metric("Punctuality", baseline: "50", [(.onTimeRate, "10")])
        let withoutPromise = try simulate(try model([onTime], promise: nil), moderate)
        #expect(withoutPromise.baseline.metrics.first?.value == nil)
        #expect(withoutPromise.degraded?.metrics.first?.value == nil)
        let withPromise = try simulate(try model([onTime], promise: 1), moderate)
        #expect(withPromise.baseline.metrics.first?.value == 50)
        #expect(withPromise.degraded?.metrics.first?.value.map(\.isFinite) == true)

        let unknown = try metric("Mood", baseline: nil, [(.defectRate, "-1")])
        let noBaseline = try simulate(try model([unknown]), moderate)
        #expect(noBaseline.baseline.metrics.first?.value == nil)
        #expect(noBaseline.degraded?.metrics.first?.value == nil)
    }

    @Test("the model string names the baseline, each coefficient as typed and the range")
    func modelString() throws {
        let csat = try metric("CSAT", baseline: "80", [(.timeToValueMeanHours, "-2"), (.defectRate, "-50"), (.throughputPerDay, "+0.25"),
                                                        (.onTimeRate, "3")], range: ("0", "100"))
        let nps = try metric("NPS", baseline: "42", [(.timeToValueP90Hours, "-0.2")], range: ("-100", "100"))
        let plain = try metric("Plain", baseline: "1.50", [(.defectRate, "0.10")])
        let mood = try metric("Mood", baseline: nil, [(.defectRate, "-1")])
        let outcomes = try simulate(try model([csat, nps, plain, mood]), moderate).baseline.metrics
        #expect(outcomes.map(\.model) == [
            "linear: 80 − 2·Δtime_to_value_mean_h − 50·Δdefect_rate + 0.25·Δthroughput_per_day + 3·Δon_time_rate, range [0, 100]",
            "linear: 42 − 0.2·Δtime_to_value_p90_h, range [-100, 100]",
            "linear: 1.50 + 0.10·Δdefect_rate",
            "linear: (no baseline) − 1·Δdefect_rate",
        ])
    }

    @Test("a percentage baseline reads as one: 78% is 0.78, and the response adds per unit of the driver")
    func percentageBaseline() throws {
        let share = try metric("Repeat customers", baseline: "78%", [(.defectRate, "-0.5")], range: ("0", "1"))
        let count = try metric("Referrals", baseline: "78", [(.defectRate, "-0.5")])
        let simulation = try simulate(try model([share, count]), moderate)
        let baseline = simulation.baseline.metrics
        #expect(baseline.map(\.isPercentage) == [true, false])
        #expect(baseline.map(\.value) == [0.78, 78])
        let degraded = try #require(simulation.degraded).metrics
        #expect(degraded.map(\.isPercentage) == [true, false])
        #expect(Help.close(degraded[0].value, 0.78 - 0.5 * 0.05))
        #expect(Help.close(degraded[1].value, 78 - 0.5 * 0.05))
    }

    @Test("only metrics with a response model have outcomes, in declared order")
    func onlyResponding() throws {
        let plain = Metric(name: "Cost", category: .efficiency, baseline: try Measure(parsing: "12"))
        let csat = try metric("CSAT", baseline: "80", [(.defectRate, "-1")])
        let nps = try metric("NPS", baseline: "30", [(.defectRate, "-1")])
        let simulation = try simulate(try model([nps, plain, csat]), moderate)
        #expect(simulation.baseline.metrics.map(\.metric) == ["NPS", "CSAT"])
        #expect(simulation.degraded?.metrics.map(\.metric) == ["NPS", "CSAT"])
    }
}
