import Testing
@testable import ValueStreams

/// A stage with a defect probability (a plain fraction) and a rework target.
func stage(_ name: String, defects: Double? = nil, reworkTo: String? = nil, time: String? = nil, servers: Int? = nil) -> Stage {
    Stage(name: name, servers: servers, time: time.map(duration), defects: defects.map { Fraction(value: $0) }, reworkTo: reworkTo)
}

func stream(_ stages: [Stage], demand: String? = nil) -> ValueStream {
    ValueStream(id: "s", name: "S", kind: .customer, demand: demand.map(rate), stages: stages)
}

func close(_ actual: [Double]?, _ expected: [Double], tolerance: Double = 1e-12) -> Bool {
    guard let actual, actual.count == expected.count else { return false }
    return zip(actual, expected).allSatisfy { close($0, $1, tolerance: tolerance) }
}

let letters = ["A", "B", "C", "D", "E", "F", "G", "H"]

@Suite("Routing.visits")
struct VisitsTests {
    @Test("without rework every stage is visited once", arguments: 1...8)
    func noRework(count: Int) {
        let plain = stream(letters.prefix(count).map { stage($0) })
        #expect(Routing.visits(of: plain) == Array(repeating: 1, count: count))
        let zero = stream(letters.prefix(count).map { stage($0, defects: 0, reworkTo: "A") })
        #expect(Routing.visits(of: zero) == Array(repeating: 1, count: count), "p = 0 makes no rework")
    }

    @Test("a stream without stages has no visits")
    func empty() {
        #expect(Routing.visits(of: stream([])) == [])
    }

    @Test("self-rework with p gives 1/(1−p) at that stage only", arguments: [0.03, 0.1, 0.25, 0.5, 0.9], 0..<4)
    func selfRework(p: Double, at index: Int) {
        var expected = [1.0, 1, 1, 1]
        expected[index] = 1 / (1 - p)
        let implicit = stream(letters.prefix(4).enumerated().map { i, name in i == index ? stage(name, defects: p) : stage(name) })
        #expect(close(Routing.visits(of: implicit), expected), "rework_to defaults to the stage itself")
        let explicit = stream(letters.prefix(4).enumerated().map { i, name in
            i == index ? stage(name, defects: p, reworkTo: name.lowercased()) : stage(name)
        })
        #expect(close(Routing.visits(of: explicit), expected), "rework_to naming itself, case-insensitively")
    }

    @Test("rework from stage 3 back to stage 1 loops stages 1…3", arguments: [0.1, 0.2, 0.5, 0.75])
    func backToFirst(p: Double) {
        let five = stream([stage("A"), stage("B"), stage("C", defects: p, reworkTo: "A"), stage("D"), stage("E")])
        let loop = 1 / (1 - p)
        #expect(close(Routing.visits(of: five), [loop, loop, loop, 1, 1]))
    }

    @Test("two loops that do not overlap multiply nothing")
    func twoLoops() {
        // A ← B (p 0.2): 1/0.8 = 1.25 for A and B; C ← D (p 0.5): 2 for C and D; E once.
        let value = stream([
            stage("A"), stage("B", defects: 0.2, reworkTo: "A"), stage("C"), stage("D", defects: 0.5, reworkTo: "C"), stage("E"),
        ])
        #expect(close(Routing.visits(of: value), [1.25, 1.25, 2, 2, 1]))
    }

    @Test("a self-loop nested inside a longer loop")
    func nestedSelfLoop() {
        // B reworks itself (0.2), C returns to A (0.5). By hand:
        //   vA = 1 + 0.5·vC;  vB = vA + 0.2·vB → vB = vA/0.8;  vC = 0.8·vB = vA;  vD = 0.5·vC.
        //   So vA = 1 + 0.5·vA → vA = 2, vB = 2.5, vC = 2, vD = 1.
        let value = stream([stage("A"), stage("B", defects: 0.2), stage("C", defects: 0.5, reworkTo: "A"), stage("D")])
        #expect(close(Routing.visits(of: value), [2, 2.5, 2, 1]))
    }

    @Test("a loop nested inside a longer loop")
    func nestedLoop() {
        // C returns to B (0.5), D returns to A (0.5). By hand:
        //   vA = 1 + 0.5·vD;  vB = vA + 0.5·vC;  vC = vB;  vD = 0.5·vC;  vE = 0.5·vD.
        //   vB = vA + 0.5·vB → vB = 2·vA = vC;  vD = vA;  vA = 1 + 0.5·vA → vA = 2.
        //   So [2, 4, 4, 2, 1].
        let value = stream([
            stage("A"), stage("B"), stage("C", defects: 0.5, reworkTo: "B"), stage("D", defects: 0.5, reworkTo: "A"), stage("E"),
        ])
        #expect(close(Routing.visits(of: value), [2, 4, 4, 2, 1]))
    }

    @Test("two loops that overlap without nesting")
    func overlappingLoops() {
        // C returns to A (0.5), D returns to B (0.5). By hand:
        //   vA = 1 + 0.5·vC;  vB = vA + 0.5·vD;  vC = vB;  vD = 0.5·vC.
        //   vB = vA + 0.25·vB → vB = (4/3)·vA;  vA = 1 + (2/3)·vA → vA = 3, vB = vC = 4, vD = 2.
        let value = stream([stage("A"), stage("B"), stage("C", defects: 0.5, reworkTo: "A"), stage("D", defects: 0.5, reworkTo: "B")])
        #expect(close(Routing.visits(of: value), [3, 4, 4, 2]))
    }

    @Test("rework to a later or an unknown stage has no routing")
    func broken() {
        #expect(Routing.visits(of: stream([stage("A", defects: 0.1, reworkTo: "B"), stage("B")])) == nil)
        #expect(Routing.visits(of: stream([stage("A"), stage("B", defects: 0.1, reworkTo: "Z")])) == nil)
        #expect(Routing.visits(of: stream([stage("A"), stage("B", reworkTo: "C"), stage("C")])) == nil, "even with p = 0")
    }

    @Test("a defect probability of 1 or more, or below 0, has no routing", arguments: [1.0, 1.5, -0.1])
    func impossibleProbability(p: Double) {
        #expect(Routing.visits(of: stream([stage("A"), stage("B", defects: p)])) == nil)
        #expect(Routing.visits(of: stream([stage("A"), stage("B", defects: p, reworkTo: "A")])) == nil)
    }

    @Test("more stages than supported has no routing")
    func tooManyStages() {
        let stages = (0...Routing.maximumStages).map { stage("S\($0)") }
        #expect(Routing.visits(of: stream(stages)) == nil)
    }

    /// Small streams with random rework: 3–8 stages, each perhaps reworking to itself or an
    /// earlier stage with p in 0…0.5.
    static func randomStreams() -> [ValueStream] {
        var generator = SeededGenerator(seed: 0x7AFF1C)
        return (0..<300).map { _ in
            let count = generator.int(in: 3...8)
            let stages = (0..<count).map { index -> Stage in
                guard generator.int(in: 0...9) < 6 else { return stage(letters[index]) }
                let target = generator.int(in: 0...index)
                let p = generator.double(in: 0...0.5)
                return stage(letters[index], defects: p, reworkTo: target == index && generator.bool() ? nil : letters[target])
            }
            return stream(stages)
        }
    }

    @Test("flow is conserved: visits satisfy the traffic equations and every item leaves once")
    func trafficEquations() throws {
        for value in Self.randomStreams() {
            let visits = try #require(Routing.visits(of: value))
            let stages = value.stages
            #expect(visits.count == stages.count)
            let p = stages.map(\.effectiveDefectProbability)
            let target = stages.enumerated().map { index, stage in stage.reworkTo.flatMap { letters.firstIndex(of: $0) } ?? index }
            for i in stages.indices {
                var inflow = i == 0 ? 1.0 : visits[i - 1] * (1 - p[i - 1])
                for j in stages.indices where target[j] == i { inflow += visits[j] * p[j] }
                #expect(abs(inflow - visits[i]) <= 1e-9, "stage \(i) of \(stages.map { ($0.name, $0.reworkTo ?? "-", $0.effectiveDefectProbability) })")
                #expect(visits[i] >= 1 - 1e-9, "every item passes every stage at least once")
            }
            let exits = visits[stages.count - 1] * (1 - p[stages.count - 1])
            #expect(abs(exits - 1) <= 1e-9, "every item leaves exactly once")
        }
    }
}

@Suite("Routing.utilisations")
struct UtilisationTests {
    @Test("λ · visits · time / servers, exactly")
    func formula() throws {
        for value in VisitsTests.randomStreams().prefix(100) {
            var withFlow = value
            withFlow.demand = rate("120/day")
            withFlow.stages = value.stages.enumerated().map { index, stage in
                var stage = stage
                stage.time = duration(["20m", "1h", "45m", "2d", "30s"][index % 5])
                stage.servers = index % 3 == 0 ? nil : index
                return stage
            }
            let visits = try #require(Routing.visits(of: withFlow))
            let utilisations = Routing.utilisations(of: withFlow)
            #expect(utilisations.count == withFlow.stages.count)
            for (index, stage) in withFlow.stages.enumerated() {
                let time = try #require(stage.time)
                let expected = 5.0 * visits[index] * time.hours / Double(stage.servers ?? 1)
                #expect(utilisations[index] == expected)
            }
        }
    }

    @Test("by hand: 120/day through 20m on 2 servers, once and with self-rework p 0.5")
    func byHand() throws {
        let value = stream([stage("A", time: "20m", servers: 2), stage("B", defects: 0.5, time: "20m", servers: 2), stage("C", time: "1h")], demand: "120/day")
        let utilisations = Routing.utilisations(of: value)
        #expect(utilisations.count == 3)
        #expect(close(try #require(utilisations[0]), 5.0 / 6))
        #expect(close(try #require(utilisations[1]), 5.0 / 3))
        #expect(close(try #require(utilisations[2]), 5), "one server by default")
    }

    @Test("no demand: every stage nil")
    func noDemand() {
        let value = stream([stage("A", time: "20m"), stage("B", time: "1h")])
        #expect(Routing.utilisations(of: value) == [nil, nil])
    }

    @Test("a stage without a time is nil, the others are not")
    func noTime() {
        let value = stream([stage("A", time: "1h"), stage("B"), stage("C", time: "2h")], demand: "0.25/h")
        #expect(Routing.utilisations(of: value) == [0.25, nil, 0.5])
    }

    @Test("a broken routing: every stage nil")
    func brokenRouting() {
        let value = stream([stage("A", defects: 0.1, reworkTo: "B", time: "1h"), stage("B", time: "1h")], demand: "1/h")
        #expect(Routing.utilisations(of: value) == [nil, nil])
    }
}
