import Testing
import ValueStreams
@testable import FlowSimulation

@Suite("Propagation of supporting streams' trouble")
struct PropagationTests {
    func duration(_ text: String) throws -> Duration { try Duration(parsing: text) }

    /// Supporting streams a and b, customer stream c with stages S1, S2; links as given.
    func model(_ links: [IntegrationPoint], level: ServiceLevel? = nil) throws -> Model {
        let stage1 = Stage(name: "S1", servers: 2, time: try duration("1h"))
        let stage2 = Stage(name: "S2", servers: 2, time: try duration("1h"))
        return Model(name: "M", streams: [
            ValueStream(id: "a", name: "A", kind: .supporting, serviceLevel: level),
            ValueStream(id: "b", name: "B", kind: .supporting),
            ValueStream(id: "c", name: "C", kind: .customer, stages: [stage1, stage2]),
        ], integrations: links)
    }

    func link(_ from: String, _ to: String, _ effect: Effect, _ strength: Double = 1) -> IntegrationPoint {
        IntegrationPoint(from: Endpoint(parsing: from), to: Endpoint(parsing: to), effect: effect, strength: Fraction(value: strength))
    }

    func degrade(_ stream: String, _ field: ServiceField, _ change: Degradation.Change, _ value: Double) -> Degradation {
        Degradation(stream: stream, field: field, change: change, text: "\(value)", value: value)
    }

    @Test("with no degradation nothing changes: factor 1, no wait, no defects")
    func nominal() throws {
        let propagation = Propagation(model: try model([link("a", "c/S1", .capacity)]), degradations: [])
        let effect = try #require(propagation.effect(onStream: "c", stage: "S1"))
        #expect(effect.capacityFactor == 1)
        #expect(effect.addedWaitHours == 0)
        #expect(effect.carriedBy == ["a -> c/S1 (capacity)"])
        #expect(propagation.effect(onStream: "c", stage: "S2") == nil)
    }

    @Test("a capacity degradation through a strength-1 link divides service times by L = availability × capacity")
    func strengthOne() throws {
        let propagation = Propagation(model: try model([link("a", "c/S1", .capacity)]),
                                      degradations: [degrade("a", .availability, .to, 0.9), degrade("a", .capacity, .to, 0.8)])
        #expect(abs(try #require(propagation.effect(onStream: "c", stage: "S1")).capacityFactor - 0.72) < 1e-12)
    }

    @Test("strength s passes on s of the shortfall: f = 1 − s·(1 − L); several links multiply")
    func strength() throws {
        let propagation = Propagation(model: try model([link("a", "c/S1", .capacity, 0.5), link("b", "c/S1", .capacity, 0.4)]),
                                      degradations: [degrade("a", .availability, .to, 0.8), degrade("b", .capacity, .to, 0.5)])
        let expected = (1 - 0.5 * 0.2) * (1 - 0.4 * 0.5)
        #expect(abs(try #require(propagation.effect(onStream: "c", stage: "S1")).capacityFactor - expected) < 1e-12)
    }

    @Test("a chain supporting → supporting → customer attenuates by each link's strength")
    func chain() throws {
        let propagation = Propagation(model: try model([link("a", "b", .capacity, 0.5), link("b", "c/S2", .capacity, 0.6)]),
                                      degradations: [degrade("a", .availability, .to, 0.8)])
        let levelOfB = 1 - 0.5 * (1 - 0.8)
        #expect(abs(try #require(propagation.levels.first { $0.stream == "b" }).levels.capacity - levelOfB) < 1e-12)
        let expected = 1 - 0.6 * (1 - levelOfB)
        #expect(abs(try #require(propagation.effect(onStream: "c", stage: "S2")).capacityFactor - expected) < 1e-12)
    }

    @Test("a latency link adds s·Δ to the stage's wait; a quality link s·e to its defects")
    func latencyAndQuality() throws {
        let propagation = Propagation(model: try model([link("a", "c/S1", .latency, 0.5), link("a", "c/S2", .quality, 0.8)]),
                                      degradations: [degrade("a", .latency, .by, 2), degrade("a", .errors, .to, 0.05)])
        #expect(try #require(propagation.effect(onStream: "c", stage: "S1")).addedWaitHours == 1)
        #expect(abs(try #require(propagation.effect(onStream: "c", stage: "S2")).addedDefects - 0.04) < 1e-12)
    }

    @Test("'by' moves from the declared level; levels stay within their bounds")
    func byFromDeclared() throws {
        let declared = ServiceLevel(availability: Fraction(value: 0.99))
        let propagation = Propagation(model: try model([link("a", "c/S1", .capacity)], level: declared),
                                      degradations: [degrade("a", .availability, .by, -0.09), degrade("a", .capacity, .by, -2)])
        #expect(try #require(propagation.effect(onStream: "c", stage: "S1")).capacityFactor == 0)
        #expect(degrade("a", .availability, .by, -0.3).level(from: 0.99) == 0.69)
        #expect(degrade("a", .latency, .by, -5).level(from: 1) == 0)
        #expect(degrade("a", .errors, .to, 1.5).level(from: 0) == 1)
    }

    @Test("a dependency cycle is reported and each stream visited once")
    func cycle() throws {
        let propagation = Propagation(model: try model([link("a", "b", .capacity), link("b", "a", .capacity), link("b", "c/S1", .capacity)]),
                                      degradations: [degrade("a", .availability, .to, 0.5)])
        #expect(propagation.cycleNote != nil)
        let factor = try #require(propagation.effect(onStream: "c", stage: "S1")).capacityFactor
        #expect(factor.isFinite && factor > 0 && factor < 1)
    }

    @Test("every step is in the trace")
    func trace() throws {
        let propagation = Propagation(model: try model([link("a", "b", .capacity, 0.5), link("b", "c/S2", .capacity)]),
                                      degradations: [degrade("a", .availability, .to, 0.8)])
        #expect(propagation.trace.map(\.text) == [
            "a: availability to 0.8",
            "a -> b (capacity): b capacity × 0.9000 = 1 − 0.5000·(1 − 0.8000)",
            "b -> c/S2 (capacity): c/S2 service times ÷ 0.9000 = 1 − 1.000·(1 − 0.9000)",
        ])
        #expect(propagation.trace.map(\.link) == [nil, "a -> b (capacity)", "b -> c/S2 (capacity)"])
        #expect(propagation.trace.map(\.source) == ["a", "a", "b"])
        #expect(propagation.trace.map(\.target) == ["a", "b", "c/S2"])
    }
}
