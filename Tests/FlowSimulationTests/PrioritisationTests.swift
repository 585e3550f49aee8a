import Testing
import ValueStreams
@testable import FlowSimulation

/// `prioritise`: candidate steps ranked by customer time given back per cost, against
/// gains computed here from the M/M/c formulas.
@Suite("Prioritisation")
struct PrioritisationTests {
    typealias Help = DegradedEngineTests

    /// A (1 × 0.15 h, cost 10) then B (1 × 0.1 h, cost 10), 5 an hour; a at 90 % availability
    /// (cost 5 a point) → A through a strength-1 capacity link.
    static func model(aCost: Double = 5) throws -> Model {
        var a = Help.stage("A", servers: 1, hours: 0.15)
        a.cost = PlainNumber(10)
        var b = Help.stage("B", servers: 1, hours: 0.1)
        b.cost = PlainNumber(10)
        var model = Help.model(try Help.customer([a, b], perHour: 5), [Help.link("a", "c/A", .capacity, 1)],
                               a: ServiceLevel(availability: Fraction(value: 0.9)))
        model.streams[0].cost = PlainNumber(aCost)
        return model
    }

    /// Mean time-to-value with A's service divided by `f` and the servers given.
    static func mean(f: Double, aServers: Int = 1, bServers: Int = 1) -> Double {
        Help.sojourn(arrivals: 5, service: 0.15 / f, servers: aServers) + Help.sojourn(arrivals: 5, service: 0.1, servers: bServers)
    }

    @Test("the hand-computed best value comes first, and every gain is throughput × the fall in the mean")
    func ranking() throws {
        let plan = Prioritisation.plan(try Self.model())
        let now = Self.mean(f: 0.9)
        let gains: [(Prioritisation.Step, Double, Double)] = [
            (.server(stream: "c", stage: "A", servers: 2), 120 * (now - Self.mean(f: 0.9, aServers: 2)), 10),
            (.server(stream: "c", stage: "B", servers: 2), 120 * (now - Self.mean(f: 0.9, bServers: 2)), 10),
            (.level(stream: "a", field: .availability, from: 0.9, to: 0.91), 120 * (now - Self.mean(f: 0.91)), 5),
        ]
        let expected = gains.sorted { $0.1 / $0.2 > $1.1 / $1.2 }.map(\.0)
        #expect(plan.ranked.map(\.step) == expected)
        #expect(plan.ranked.first?.step == .server(stream: "c", stage: "A", servers: 2))
        for (step, gain, cost) in gains {
            let candidate = try #require(plan.ranked.first { $0.step == step })
            #expect(Help.close(candidate.gainHoursPerDay, gain, relative: 1e-9), "\(step)")
            #expect(candidate.cost == cost)
        }
        // a's capacity is nominal and its errors zero: no step there.
        #expect(!plan.ranked.contains { if case .level(_, .capacity, _, _) = $0.step { true } else { false } })
    }

    @Test("a cheaper step can win on value: at 0.5 a point, a's availability beats a server")
    func cheaper() throws {
        let plan = Prioritisation.plan(try Self.model(aCost: 0.5))
        #expect(plan.ranked.first?.step == .level(stream: "a", field: .availability, from: 0.9, to: 0.91))
    }

    @Test("a budget buys the best value one step at a time, never past the budget")
    func budget() throws {
        let plan = Prioritisation.plan(try Self.model(), budget: 25)
        #expect(plan.spent <= 25)
        #expect(plan.bought.first?.step == .server(stream: "c", stage: "A", servers: 2))
        #expect(plan.bought.count == 3, "10 + 10 + 5, each still helping")
        let none = Prioritisation.plan(try Self.model(), budget: 4)
        #expect(none.bought.isEmpty && none.spent == 0)
    }

    @Test("a step that lifts the stream out of overload ranks first, whatever its cost")
    func relief() throws {
        // At 60 % availability A is overloaded (ρ = 0.75 / 0.6 > 1); a second server on A relieves it.
        let plan = Prioritisation.plan(try Self.model(), degradations: [Help.degrade("a", .availability, .to, 0.6)])
        #expect(plan.ranked.first?.relieves == ["c"])
        #expect(plan.ranked.first?.step == .server(stream: "c", stage: "A", servers: 2))
    }

    @Test("free steps are bought only while they give back more than rounding, well inside the bound")
    func freeSteps() throws {
        var model = try Self.model()
        model.streams[2].stages[0].cost = PlainNumber(0)
        let plan = Prioritisation.plan(model, budget: 0)
        #expect(!plan.bought.isEmpty && plan.bought.count < Prioritisation.maximumPurchases)
        #expect(plan.bought.allSatisfy { $0.cost == 0 && $0.gainHoursPerDay > 1e-6 })
        #expect(plan.spent == 0)
    }
}
