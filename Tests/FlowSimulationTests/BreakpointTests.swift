import Testing
import ValueStreams
@testable import FlowSimulation

/// `breakpoint`: bisection on the analytic engine, against levels computed here from the
/// formulas.
@Suite("Breakpoint")
struct BreakpointTests {
    typealias Help = DegradedEngineTests

    /// One stage of `servers` × `hours` fed `perHour`, behind a capacity link of `strength` from a.
    static func model(servers: Int, hours: Double, perHour: Double, strength: Double, promise: Double? = nil) throws -> Model {
        let customer = try Help.customer([Help.stage("A", servers: servers, hours: hours)], perHour: perHour, promise: promise)
        return Help.model(customer, [Help.link("a", "c/A", .capacity, strength)])
    }

    @Test("the overload level of availability is where ρ/f = 1: L* = 1 − (1 − ρ)/s, found to 0.1 %",
          arguments: [(2, 0.2, 5.0, 0.8), (3, 0.25, 10.0, 1.0), (1, 0.5, 1.5, 0.6), (8, 1.0, 6.5, 0.9)])
    func overloadLevel(servers: Int, hours: Double, perHour: Double, strength: Double) throws {
        let model = try Self.model(servers: servers, hours: hours, perHour: perHour, strength: strength)
        let rho = perHour * hours / Double(servers)
        let exact = 1 - (1 - rho) / strength
        let search = Breakpoint.search(model, supporting: "a", field: .availability)
        let finding = try #require(search.findings.first)
        guard case .at(let level) = finding.overloaded else {
            Issue.record("expected a level, got \(finding.overloaded)")
            return
        }
        #expect(abs(level - exact) <= 0.001 * exact, "found \(level), exact \(exact)")
        #expect(finding.missesPromise == .noPromise)
        #expect(finding.startLevel == 1)
    }

    @Test("the promise level: the engine's p90 is within the promise just above it and past it just below")
    func promiseLevel() throws {
        let promise = 1.5
        let model = try Self.model(servers: 2, hours: 0.2, perHour: 5, strength: 1, promise: promise)
        let finding = try #require(Breakpoint.search(model, supporting: "a", field: .availability).findings.first)
        guard case .at(let level) = finding.missesPromise, case .at(let overload) = finding.overloaded else {
            Issue.record("expected levels, got \(finding)")
            return
        }
        #expect(level > overload, "the promise goes before the overload")
        func p90(_ at: Double) -> Double? {
            let degradation = Help.degrade("a", .availability, .to, at)
            return Simulation.analytic(model, degradations: [degradation]).streams.first?.degraded?.result.timeToValueP90Hours
        }
        #expect(try #require(p90(level * 1.001)) <= promise)
        #expect(try #require(p90(level * 0.999)) > promise)
    }

    @Test("a link too weak to stop the stage: never overloaded; a stage overloaded as declared: already")
    func neverAndAlready() throws {
        // Strength 0.4: f ≥ 0.6 > ρ = 0.5 at any level.
        let weak = try Self.model(servers: 2, hours: 0.2, perHour: 5, strength: 0.4)
        #expect(Breakpoint.search(weak, supporting: "a", field: .availability).findings.first?.overloaded == .never)
        // ρ = 1.25: overloaded before any degradation.
        let over = try Self.model(servers: 2, hours: 0.2, perHour: 12.5, strength: 1)
        #expect(Breakpoint.search(over, supporting: "a", field: .capacity).findings.first?.overloaded == .already)
    }

    @Test("latency never overloads but misses the promise at promise − service path, by doubling then bisection")
    func latency() throws {
        // A latency link of strength 1: the fixed wait grows one for one with the latency.
        let customer = try Help.customer([Help.stage("A", servers: 2, hours: 0.2)], perHour: 5, promise: 30)
        let model = Help.model(customer, [Help.link("a", "c/A", .latency, 1)])
        let finding = try #require(Breakpoint.search(model, supporting: "a", field: .latency).findings.first)
        #expect(finding.overloaded == .never)
        guard case .at(let hours) = finding.missesPromise else {
            Issue.record("expected a latency, got \(finding.missesPromise)")
            return
        }
        // p90 = Δ + the sojourn's p90, so Δ* = 30 − p90 of the undegraded stage.
        let undegraded = try #require(AnalyticEngine.run(try FlowNetwork(customer, propagation: nil)).timeToValueP90Hours)
        #expect(abs(hours - (30 - undegraded)) <= 0.001 * (30 - undegraded), "found \(hours), expected \(30 - undegraded)")
    }

    @Test("the search starts from the scenario's level and keeps the scenario's other degradations")
    func fromTheScenario() throws {
        let model = try Self.model(servers: 2, hours: 0.2, perHour: 5, strength: 1)
        let scenario = [Help.degrade("a", .availability, .to, 0.8)]
        let finding = try #require(Breakpoint.search(model, supporting: "a", field: .availability, degradations: scenario).findings.first)
        #expect(finding.startLevel == 0.8)
        guard case .at(let level) = finding.overloaded else {
            Issue.record("expected a level")
            return
        }
        #expect(abs(level - 0.5) <= 0.0005)
    }
}
