import Testing
import ValueStreams
@testable import FlowSimulation

/// `impact X why`: every step of a two-link chain, each figure following from the one before.
@Suite("Explanation of a degraded figure")
struct ExplanationTests {
    typealias Help = DegradedEngineTests

    /// a → b (capacity, strength 0.5) → c/S2 (capacity); z → d/T (capacity) is beside the chain.
    static func model() throws -> Model {
        let customer = try Help.customer([Help.stage("S1", servers: 2, hours: 0.5), Help.stage("S2", servers: 2, hours: 0.6)], perHour: 2,
                                         metrics: [Metric(name: "NPS", category: .customer, baseline: try Measure(parsing: "40"),
                                                          responds: ResponseModel(coefficients: [.init(driver: .timeToValueMeanHours, perUnit: PlainNumber(-2))]))])
        let other = ValueStream(id: "d", name: "D", kind: .customer, demand: try Rate(parsing: "1/h"),
                                stages: [Help.stage("T", servers: 1, hours: 0.5)])
        return Model(name: "M", streams: [
            ValueStream(id: "a", name: "A", kind: .supporting),
            ValueStream(id: "b", name: "B", kind: .supporting),
            ValueStream(id: "z", name: "Z", kind: .supporting),
            customer, other,
        ], integrations: [Help.link("a", "b", .capacity, 0.5), Help.link("b", "c/S2", .capacity), Help.link("z", "d/T", .capacity)])
    }

    static let degradations = [Help.degrade("a", .availability, .to, 0.8), Help.degrade("z", .availability, .to, 0.9)]

    @Test("a two-link chain: the degradation, both links with their factors, the stage changed and the engine's sum")
    func twoLinkChain() throws {
        let model = try Self.model()
        let explanation = try #require(Explanation.explain(model, degradations: Self.degradations, stream: "c", metric: "time_to_value_mean_h"))
        // z's degradation and link reach d, not c: they are left out.
        #expect(explanation.steps.map(\.text) == [
            "a: availability to 0.8",
            "a -> b (capacity): b capacity × 0.9000 = 1 − 0.5000·(1 − 0.8000)",
            "b -> c/S2 (capacity): c/S2 service times ÷ 0.9000 = 1 − 1.000·(1 − 0.9000)",
        ])
        // Only S2 changed: its service 0.6 h ÷ 0.9.
        #expect(explanation.stages.map(\.stage) == ["S2"])
        let s2 = try #require(explanation.stages.first)
        #expect(s2.serviceHours.baseline == 0.6)
        #expect(Help.close(s2.serviceHours.degraded, 0.6 / 0.9))
        #expect(Help.close(s2.utilisation.degraded, 2 * 0.6 / 0.9 / 2))
        #expect(Help.close(s2.queueWaitHours.degraded, Help.queueWait(arrivals: 2, service: 0.6 / 0.9, servers: 2)))
        // The stage's part is visits × (queue + service), and the figure moves by exactly its change.
        let part = try #require(s2.timeToValueHours.degraded)
        #expect(Help.close(part, try #require(s2.queueWaitHours.degraded) + 0.6 / 0.9))
        let partChange = part - (try #require(s2.timeToValueHours.baseline))
        #expect(Help.close(explanation.figure.change, partChange))
        #expect(Help.close(explanation.figure.degraded, Help.sojourn(arrivals: 2, service: 0.5, servers: 2) + part))
        #expect(explanation.model == nil && explanation.drivers.isEmpty)
    }

    @Test("an outcome metric names its response model and the driver rows it reads")
    func outcomeMetric() throws {
        let explanation = try #require(Explanation.explain(try Self.model(), degradations: Self.degradations, stream: "c", metric: "nps"))
        #expect(explanation.figure.metric == "NPS")
        #expect(explanation.model?.hasPrefix("linear: 40 − 2·Δtime_to_value_mean_h") == true)
        let driver = try #require(explanation.drivers.first)
        #expect(driver.metric == "time_to_value_mean_h")
        #expect(Help.close(explanation.figure.change, -2 * (try #require(driver.change))))
    }

    @Test("no degradations, an unknown figure or a stream not simulated: nothing to explain")
    func nothing() throws {
        let model = try Self.model()
        #expect(Explanation.explain(model, degradations: [], stream: "c", metric: "time_to_value_mean_h") == nil)
        #expect(Explanation.explain(model, degradations: Self.degradations, stream: "c", metric: "speed") == nil)
        #expect(Explanation.explain(model, degradations: Self.degradations, stream: "a", metric: "time_to_value_mean_h") == nil)
    }
}
