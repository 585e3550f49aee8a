import Testing
import ValueStreams
@testable import FlowSimulation

/// `sensitivity`: each supporting stream's level in force moved by the step, against the
/// M/M/c formulas.
@Suite("Sensitivity")
struct SensitivityTests {
    typealias Help = DegradedEngineTests

    /// A (2 × 0.2 h) behind a → A (capacity, strength 1), 3 an hour; b reaches nothing.
    static func model() throws -> Model {
        Help.model(try Help.customer([Help.stage("A", servers: 2, hours: 0.2)], perHour: 3), [Help.link("a", "c/A", .capacity, 1)])
    }

    static func mean(level: Double) -> Double { Help.sojourn(arrivals: 3, service: 0.2 / level, servers: 2) }

    @Test("the step moves the scenario's level, not the declared one: from 50 % by -10 % is 40 %, never an improvement")
    func fromTheLevelInForce() throws {
        let step = Help.degrade("", .availability, .by, -0.1)
        let run = Sensitivity.run(try Self.model(), step: step, degradations: [Help.degrade("a", .availability, .to, 0.5)])
        let ranking = try #require(run.rankings.first)
        #expect(ranking.entries.map(\.supporting) == ["a", "b"])
        let a = try #require(ranking.entries.first)
        #expect(Help.close(a.timeToValueChange, Self.mean(level: 0.4) - Self.mean(level: 0.5), relative: 1e-9))
        #expect(ranking.entries.last?.timeToValueChange == 0, "b reaches no customer stage")
    }

    @Test("a step for the better that lifts the stream out of overload is marked and ranks first")
    func relief() throws {
        let step = Help.degrade("", .availability, .by, 0.5)
        // At 25 % availability A is overloaded (ρ = 0.3 / 0.25); +50 % takes it to 75 %.
        let run = Sensitivity.run(try Self.model(), step: step, degradations: [Help.degrade("a", .availability, .to, 0.25)])
        let first = try #require(run.rankings.first?.entries.first)
        #expect(first.supporting == "a" && first.relieves && !first.overloads)
    }

    @Test("windowed degradations stay out of the comparison, and no window row appears")
    func windowsLeftOut() throws {
        let step = Help.degrade("", .availability, .by, -0.1)
        let windowed = [Help.degrade("b", .availability, .to, 0, window: (10, 5))]
        let run = Sensitivity.run(try Self.model(), step: step, degradations: windowed)
        let rows = run.rankings.flatMap(\.entries).flatMap(\.rows)
        #expect(!rows.contains { $0.metric.hasPrefix(Impact.windowPrefix) })
        let a = try #require(run.rankings.first?.entries.first)
        #expect(Help.close(a.timeToValueChange, Self.mean(level: 0.9) - Self.mean(level: 1), relative: 1e-9))
    }
}
