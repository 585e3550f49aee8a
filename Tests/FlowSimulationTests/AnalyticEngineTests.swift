import Foundation
import Testing
import ValueStreams
@testable import FlowSimulation

@Suite("Analytic engine")
struct AnalyticEngineTests {
    func stage(_ name: String, servers: Int, hours: Double, defects: Double? = nil, reworkTo: String? = nil) -> Stage {
        Stage(name: name, servers: servers, time: Duration(hours: hours), defects: defects.map { Fraction(value: $0) }, reworkTo: reworkTo)
    }

    func stream(_ stages: [Stage], perHour: Double = 10, promise: Double? = nil) throws -> ValueStream {
        ValueStream(id: "s", name: "S", kind: .customer, demand: try Rate(parsing: "\(perHour.shortDecimal)/h"),
                    promise: promise.map { Duration(hours: $0) }, stages: stages)
    }

    /// M/M/c mean sojourn from the textbook formula: a second method.
    static func jacksonSojourn(arrivals: Double, service: Double, servers: Int) -> Double {
        let load = arrivals * service
        let waitProbability = QueueingTests.textbookErlangC(servers, load)
        return waitProbability / (Double(servers) / service - arrivals) + service
    }

    @Test("a single M/M/c stage: time-to-value is the Erlang C wait plus service", arguments: [1, 2, 4])
    func singleStage(_ servers: Int) throws {
        let result = try AnalyticEngine.run(try stream([stage("A", servers: servers, hours: 0.09 * Double(servers))]), propagation: nil)
        let expected = Self.jacksonSojourn(arrivals: 10, service: 0.09 * Double(servers), servers: servers)
        #expect(abs(try #require(result.timeToValueMeanHours) - expected) <= 1e-9 * expected)
        #expect(abs(try #require(result.stages[0].utilisation) - 0.9) < 1e-12)
    }

    @Test("a series network with rework matches its Jackson-network mean to 0.1%")
    func jackson() throws {
        // The reference network of the benchmark: Poisson 10/h, c = 2, 3, 4, 2, exponential
        // means 0.15, 0.25, 0.35, 0.18 h, 5 % rework at the third stage back to itself.
        let stages = [stage("A", servers: 2, hours: 0.15), stage("B", servers: 3, hours: 0.25),
                      stage("C", servers: 4, hours: 0.35, defects: 0.05), stage("D", servers: 2, hours: 0.18)]
        let result = try AnalyticEngine.run(try stream(stages), propagation: nil)
        let visits = [1, 1, 1 / 0.95, 1]
        let expected = zip(zip(visits, [0.15, 0.25, 0.35, 0.18]), [2, 3, 4, 2]).reduce(0.0) { total, item in
            let ((visit, service), servers) = item
            return total + visit * Self.jacksonSojourn(arrivals: 10 * visit, service: service, servers: servers)
        }
        let mean = try #require(result.timeToValueMeanHours)
        #expect(abs(mean - expected) <= 0.001 * expected, "engine \(mean) h, Jackson \(expected) h")
        #expect(abs(result.defectRate - 0.05) < 1e-12)
        #expect(abs(try #require(result.wip) - 10 * mean) < 1e-9, "Little's law")
    }

    @Test("a capacity degradation through a strength-1 link divides service time by L, exactly")
    func capacityDegradation() throws {
        let customer = try stream([stage("A", servers: 2, hours: 0.15)])
        let model = Model(name: "M", streams: [ValueStream(id: "it", name: "IT", kind: .supporting), customer],
                          integrations: [IntegrationPoint(from: Endpoint(stream: "it"), to: Endpoint(stream: "s", stage: "A"), effect: .capacity)])
        let degradation = Degradation(stream: "it", field: .availability, change: .to, text: "90%", value: 0.9)
        let result = try AnalyticEngine.run(customer, propagation: Propagation(model: model, degradations: [degradation]))
        let expected = Self.jacksonSojourn(arrivals: 10, service: 0.15 / 0.9, servers: 2)
        #expect(abs(try #require(result.timeToValueMeanHours) - expected) <= 1e-9 * expected)
    }

    @Test("overload appears exactly at utilisation 1: no time-to-value, a backlog growth, nothing infinite or NaN")
    func overload() throws {
        let atOne = try AnalyticEngine.run(try stream([stage("A", servers: 2, hours: 0.2)]), propagation: nil)
        #expect(atOne.isOverloaded)
        #expect(atOne.timeToValueMeanHours == nil && atOne.timeToValueP90Hours == nil && atOne.wip == nil)
        #expect(atOne.backlogGrowthPerDay == 0)
        let over = try AnalyticEngine.run(try stream([stage("A", servers: 2, hours: 0.25)]), propagation: nil)
        #expect(abs(try #require(over.backlogGrowthPerDay) - (10 - 8) * 24) < 1e-9)
        #expect(over.throughputPerDay.isFinite && abs(over.throughputPerDay - 8 * 24) < 1e-9)
        let under = try AnalyticEngine.run(try stream([stage("A", servers: 2, hours: 0.1999)]), propagation: nil)
        #expect(!under.isOverloaded)
        for figure in [under.timeToValueMeanHours, under.timeToValueP90Hours, under.wip, under.flowEfficiency] {
            #expect(figure.map { $0.isFinite && $0 > 0 } == true)
        }
    }

    @Test("percentiles are ordered, the on-time rate rises with the promise, fixed waits shift everything")
    func percentiles() throws {
        var stages = [stage("A", servers: 2, hours: 0.15), stage("B", servers: 1, hours: 0.05)]
        let plain = try AnalyticEngine.run(try stream(stages, promise: 1), propagation: nil)
        let p50 = try #require(plain.timeToValueP50Hours), p90 = try #require(plain.timeToValueP90Hours)
        let p95 = try #require(plain.timeToValueP95Hours), mean = try #require(plain.timeToValueMeanHours)
        #expect(p50 < mean && mean < p90 && p90 < p95)
        let later = try AnalyticEngine.run(try stream(stages, promise: 2), propagation: nil)
        #expect(try #require(later.onTimeRate) > (try #require(plain.onTimeRate)))
        stages[1].wait = Duration(hours: 4)
        let waiting = try AnalyticEngine.run(try stream(stages, promise: 1), propagation: nil)
        #expect(abs(try #require(waiting.timeToValueP90Hours) - (p90 + 4)) < 1e-9)
        #expect(waiting.onTimeRate == 0, "a 4 h wait cannot meet a 1 h promise")
    }

    @Test("the normal quantile is right where it matters")
    func normalQuantile() {
        #expect(abs(AnalyticEngine.TimeToValue.normalQuantile(0.9) - 1.2815515655446004) < 1e-8)
        #expect(abs(AnalyticEngine.TimeToValue.normalQuantile(0.5)) < 1e-12)
        #expect(abs(AnalyticEngine.TimeToValue.normalQuantile(0.01) + 2.3263478740408408) < 1e-8)
    }
}
