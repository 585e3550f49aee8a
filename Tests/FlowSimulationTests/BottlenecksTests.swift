import Testing
import ValueStreams
@testable import FlowSimulation

/// `bottlenecks`: utilisations, and each link's leverage against the formulas.
@Suite("Bottlenecks and leverage")
struct BottlenecksTests {
    typealias Help = DegradedEngineTests

    /// A (2 × 0.2 h) then B (1 × 0.1 h), 5 an hour; a → A capacity (strength 0.8), b → B latency (0.5).
    static func model() throws -> Model {
        let customer = try Help.customer([Help.stage("A", servers: 2, hours: 0.2), Help.stage("B", servers: 1, hours: 0.1)], perHour: 5)
        return Help.model(customer, [Help.link("a", "c/A", .capacity, 0.8), Help.link("b", "c/B", .latency, 0.5)])
    }

    @Test("stages come most loaded first, with the engine's utilisation")
    func stages() throws {
        let report = Bottlenecks.report(try Self.model())
        #expect(report.stages.map(\.stage) == ["A", "B"])
        #expect(Help.close(report.stages.first?.utilisation, 5 * 0.2 / 2))
        #expect(Help.close(report.stages.last?.utilisation, 5 * 0.1))
    }

    @Test("leverage: one point of capacity level through strength s divides A's service by 1 − s·0.01; an hour of latency adds s")
    func leverage() throws {
        let report = Bottlenecks.report(try Self.model())
        let capacity = try #require(report.leverage.first { $0.effect == .capacity })
        let latency = try #require(report.leverage.first { $0.effect == .latency })
        let factor = 1 - 0.8 * 0.01
        let expected = Help.sojourn(arrivals: 5, service: 0.2 / factor, servers: 2) - Help.sojourn(arrivals: 5, service: 0.2, servers: 2)
        #expect(Help.close(capacity.hoursPerUnit, expected, relative: 1e-6), "\(capacity.hoursPerUnit ?? -1) against \(expected)")
        #expect(Help.close(latency.hoursPerUnit, 0.5, relative: 1e-9))
        #expect(report.leverage.first == latency, "half an hour per hour outweighs the capacity point")
        #expect(capacity.unit == "1pp capacity level" && !capacity.overloads)
    }

    @Test("a stage one point from overload: its link's leverage says it overloads and ranks first")
    func overloads() throws {
        // ρ = 0.995 at nominal with strength 1: one point less of capacity level overloads A.
        let customer = try Help.customer([Help.stage("A", servers: 1, hours: 0.199)], perHour: 5)
        let model = Help.model(customer, [Help.link("b", "c/A", .latency, 1), Help.link("a", "c/A", .capacity, 1)])
        let report = Bottlenecks.report(model)
        #expect(report.leverage.first?.overloads == true && report.leverage.first?.hoursPerUnit == nil)
        #expect(report.leverage.first?.effect == .capacity)
    }
}
