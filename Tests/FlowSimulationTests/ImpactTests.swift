import Foundation
import Testing
import ValueStreams
@testable import FlowSimulation

/// `impact` rows (DESIGN §6): each figure baseline against degraded, with the links that
/// carry a change relevant to it.
@Suite("Impact rows")
struct ImpactTests {
    typealias Help = DegradedEngineTests

    /// Stages A (two servers, 0.15 h) and B (one, 0.05 h), 10/h, promise 1 h. Links: `cap`
    /// a → A (capacity), `qual` b → B (quality), and an unnamed a → B (latency). Outcome
    /// metrics: CSAT on defects, NPS on the mean, Revenue on throughput.
    func model() throws -> Model {
        func metric(_ name: String, _ baseline: String, _ driver: Driver, _ k: Double) throws -> Metric {
            Metric(name: name, category: .customer, baseline: try Measure(parsing: baseline),
                   responds: ResponseModel(coefficients: [.init(driver: driver, perUnit: PlainNumber(k))]))
        }
        let metrics = [try metric("CSAT", "80", .defectRate, -100), try metric("NPS", "30", .timeToValueMeanHours, -5),
                       try metric("Revenue", "1000", .throughputPerDay, 2)]
        let customer = try Help.customer([Help.stage("A", servers: 2, hours: 0.15), Help.stage("B", servers: 1, hours: 0.05)],
                                         perHour: 10, promise: 1, metrics: metrics)
        var capacity = Help.link("a", "c/A", .capacity)
        capacity.id = "cap"
        var quality = Help.link("b", "c/B", .quality)
        quality.id = "qual"
        return Help.model(customer, [capacity, quality, Help.link("a", "c/B", .latency)])
    }

    static let latencyLink = "a -> c/B (latency)"

    func rows(_ degradations: [Degradation]) throws -> [String: Impact.Row] {
        let simulation = try #require(Simulation.analytic(try model(), degradations: degradations).streams.first)
        let rows = Impact.rows(simulation)
        #expect(Set(rows.map(\.metric)).count == rows.count, "one row a figure")
        #expect(rows.allSatisfy { $0.stream == "c" })
        return Dictionary(uniqueKeysWithValues: rows.map { ($0.metric, $0) })
    }

    /// Every unchanged row carries nothing; at least one row is unchanged and one changed.
    func checkUnchangedCarryNothing(_ rows: [String: Impact.Row]) {
        let unchanged = rows.values.filter { !$0.isChanged }
        #expect(!unchanged.isEmpty && unchanged.count < rows.count)
        for row in unchanged {
            #expect(row.carriedBy.isEmpty, "\(row.metric) did not change but lists \(row.carriedBy)")
            #expect(row.baseline == row.degraded)
        }
    }

    @Test("a capacity-only degradation: time-to-value carried by the capacity link; defects, throughput and their outcomes unchanged, carried by nothing")
    func capacityOnly() throws {
        let rows = try rows([Help.degrade("a", .availability, .to, 0.8)])
        #expect(rows.keys.sorted() == ["CSAT", "NPS", "Revenue", "defect_rate", "on_time_rate", "throughput_per_day",
                                       "time_to_value_mean_h", "time_to_value_p90_h"])
        checkUnchangedCarryNothing(rows)
        for key in ["time_to_value_mean_h", "time_to_value_p90_h", "on_time_rate", "NPS"] {
            let row = try #require(rows[key])
            #expect(row.isChanged, "\(key)")
            #expect(row.carriedBy == ["cap"], "\(key): \(row.carriedBy)")
        }
        for key in ["defect_rate", "throughput_per_day", "CSAT", "Revenue"] {
            #expect(rows[key]?.isChanged == false, "\(key)")
            #expect(rows[key]?.carriedBy == [], "\(key): a capacity link does not carry it")
        }
        // The figures themselves: the mean from M/M/c with service 0.15/0.8 at A.
        let before = Help.jacksonMean(perHour: 10, [(1, 0.15, 2, 0), (1, 0.05, 1, 0)])
        let after = Help.jacksonMean(perHour: 10, [(1, 0.15 / 0.8, 2, 0), (1, 0.05, 1, 0)])
        let mean = try #require(rows["time_to_value_mean_h"])
        #expect(Help.close(mean.baseline, before) && Help.close(mean.degraded, after))
        #expect(Help.close(mean.change, after - before, relative: 1e-8))
        #expect(Help.close(mean.changePercent, (after - before) / before * 100, relative: 1e-8))
        #expect(Help.close(rows["NPS"]?.degraded, 30 - 5 * (after - before)))
    }

    @Test("a quality link carries defect_rate; capacity links do not, even when they carry other changes")
    func qualityCarriesDefects() throws {
        let rows = try rows([Help.degrade("a", .availability, .to, 0.8), Help.degrade("b", .errors, .to, 0.1)])
        checkUnchangedCarryNothing(rows)
        let defects = try #require(rows["defect_rate"])
        #expect(defects.isChanged)
        #expect(defects.carriedBy == ["qual"])
        #expect(Help.close(defects.degraded, 0.1, relative: 1e-12))
        #expect(try #require(rows["time_to_value_mean_h"]).carriedBy == ["cap", "qual"])
        // Outcome metrics: carried by what moves the drivers that changed.
        #expect(rows["CSAT"]?.carriedBy == ["qual"])
        #expect(rows["NPS"]?.carriedBy == ["cap", "qual"])
        #expect(rows["Revenue"]?.isChanged == false && rows["Revenue"]?.carriedBy == [])
        #expect(Help.close(rows["CSAT"]?.degraded, 80 - 100 * 0.1, relative: 1e-12))
    }

    @Test("a latency-only degradation is carried by the latency link, and never to defects or throughput")
    func latencyOnly() throws {
        let rows = try rows([Help.degrade("a", .latency, .by, 2)])
        checkUnchangedCarryNothing(rows)
        #expect(rows["time_to_value_mean_h"]?.carriedBy == [Self.latencyLink])
        #expect(Help.close(rows["time_to_value_mean_h"]?.change, 2, relative: 1e-9), "a strength-1 latency link adds Δ per visit")
        #expect(rows["NPS"]?.carriedBy == [Self.latencyLink])
        #expect(rows["defect_rate"]?.carriedBy == [] && rows["CSAT"]?.carriedBy == [])
    }

    @Test("an overload: throughput and its outcome are carried by the capacity link; vanished figures count as changed")
    func overload() throws {
        // 30 % availability: A serves 2/(0.15/0.3) = 4 an hour against 10.
        let rows = try rows([Help.degrade("a", .availability, .to, 0.3)])
        let throughput = try #require(rows["throughput_per_day"])
        #expect(Help.close(throughput.degraded, 4 * 24))
        #expect(throughput.carriedBy == ["cap"])
        #expect(rows["Revenue"]?.carriedBy == ["cap"])
        let mean = try #require(rows["time_to_value_mean_h"])
        #expect(mean.degraded == nil && mean.change == nil && mean.changePercent == nil)
        #expect(mean.isChanged && mean.carriedBy == ["cap"])
        #expect(rows["NPS"]?.degraded == nil)
        #expect(rows["defect_rate"]?.carriedBy == [] && rows["CSAT"]?.carriedBy == [])
    }

    @Test("changePercent is nil when the baseline is 0, and relative to |baseline| otherwise")
    func changePercent() throws {
        let rows = try rows([Help.degrade("b", .errors, .to, 0.1)])
        let defects = try #require(rows["defect_rate"])
        #expect(defects.baseline == 0)
        #expect(Help.close(defects.change, 0.1, relative: 1e-12))
        #expect(defects.changePercent == nil)
        let negative = Impact.Row(stream: "c", metric: "x", unit: .fraction, baseline: -4, degraded: -5, carriedBy: [])
        #expect(negative.changePercent == -25)
        let zero = Impact.Row(stream: "c", metric: "x", unit: .hours, baseline: 0, degraded: 3, carriedBy: [])
        #expect(zero.change == 3 && zero.changePercent == nil)
    }

    @Test("windowed degradations: steady rows unchanged and carried by nothing; the window's rows carried by the link")
    func windowed() throws {
        let rows = try rows([Help.degrade("a", .availability, .to, 0.5, window: (10, 4))])
        checkUnchangedCarryNothing(rows)
        for key in ["time_to_value_mean_h", "time_to_value_p90_h", "on_time_rate", "defect_rate", "throughput_per_day", "CSAT", "NPS", "Revenue"] {
            #expect(rows[key]?.isChanged == false, "\(key)")
        }
        let window = try #require(rows["window_ttv_mean_h"])
        #expect(window.isChanged && window.carriedBy == ["cap"])
        #expect(rows["window_ttv_p90_h"]?.carriedBy == ["cap"])
    }

    @Test("a window on a level no link passes on moves nothing, is carried by nothing and gives no window rows")
    func windowThatReachesNothing() throws {
        // b reaches c only through a quality link; its latency goes nowhere.
        let rows = try rows([Help.degrade("b", .latency, .to, 5, window: (10, 4))])
        #expect(rows["window_ttv_mean_h"] == nil && rows["window_ttv_p90_h"] == nil)
        #expect(rows.values.allSatisfy { !$0.isChanged && $0.carriedBy.isEmpty },
                "\(rows.values.filter(\.isChanged).map(\.metric))")
    }

    @Test("no degradations, no rows")
    func noDegradations() throws {
        let simulation = try #require(Simulation.analytic(try model(), degradations: []).streams.first)
        #expect(simulation.degraded == nil)
        #expect(Impact.rows(simulation).isEmpty)
    }

    @Test("without a promise there is no on-time row")
    func noPromise() throws {
        var model = try model()
        model.streams[2].promise = nil
        let simulation = try #require(Simulation.analytic(model, degradations: [Help.degrade("a", .availability, .to, 0.8)]).streams.first)
        #expect(!Impact.rows(simulation).map(\.metric).contains("on_time_rate"))
    }
}
