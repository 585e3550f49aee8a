import Foundation
import Testing
@testable import ModelFormats
import ValueStreams

/// The built-in demo organisation: it loads cleanly, is rich enough to teach with, carries
/// its planted pitfalls, and its baseline is stable (every stage below 85 % utilisation).
@Suite("Demo organisation")
struct DemoModelTests {
    private func demo() throws -> LoadedModel {
        try ModelFiles.demo().get()
    }

    @Test("the demo loads with no warnings and no validation issues")
    func loadsCleanly() throws {
        let loaded = try demo()
        #expect(loaded.warnings.isEmpty, "\(loaded.warnings.map(\.description))")
        #expect(loaded.model.validate().isEmpty, "\(loaded.model.validate())")
        #expect(loaded.model.name == "Northwind Bank")
    }

    @Test("the demo has at least four customer and four supporting streams of 3–6 stages each")
    func streamsAndStages() throws {
        let model = try demo().model
        #expect(model.streams.filter { $0.kind == .customer }.count >= 4)
        #expect(model.streams.filter { $0.kind == .supporting }.count >= 4)
        for stream in model.streams {
            #expect((3...6).contains(stream.stages.count), "\(stream.id) has \(stream.stages.count) stages")
        }
        #expect(Set(model.streams.map { $0.id.lowercased() }).count == model.streams.count)
    }

    @Test("the demo has at least 15 links, each with an effect, all of every effect, all with an SLA but the planted ones")
    func integrations() throws {
        let model = try demo().model
        #expect(model.integrations.count >= 15)
        #expect(Set(model.integrations.map(\.effect)) == Set(Effect.allCases))
        // Every link states its effect in the file: `effect:` is written once per link.
        let linkSection = try #require(ModelFiles.demoText.range(of: "\nintegrations:\n")).upperBound
        let linkLines = ModelFiles.demoText[linkSection...].split(separator: "\n").filter { $0.hasPrefix("  - ") }
        #expect(linkLines.count == model.integrations.count)
        #expect(linkLines.allSatisfy { $0.contains(" effect: ") })

        let withoutSLA = model.integrations.filter { $0.sla == nil }
        #expect(!withoutSLA.isEmpty, "the demo plants at least one integration point without an SLA")
        #expect(withoutSLA.count <= 2, "only the planted links lack an SLA: \(withoutSLA.map(\.name))")
        #expect(withoutSLA.compactMap(\.id).sorted() == ["comp-document", "fin-offer"])
        for link in withoutSLA {
            // The plant is an integration point: into a customer stream's stage.
            let stream = try #require(model.streams.first { $0.id == link.to.stream })
            #expect(stream.kind == .customer, "\(link.name) goes into \(stream.id)")
            let stage = try #require(link.to.stage, "\(link.name) names no stage")
            #expect(stream.stageIndex(named: stage) != nil)
        }
        for link in model.integrations {
            let from = try #require(model.streams.first { $0.id == link.from.stream }, "\(link.name): no stream \(link.from.stream)")
            #expect(from.kind == .supporting, "\(link.name) comes from a \(from.kind) stream")
            if let sla = link.sla {
                #expect(sla.availability != nil || sla.capacity != nil || sla.latency != nil || sla.errors != nil,
                        "\(link.name) has an empty SLA")
            }
        }
    }

    @Test("customer metrics with response models and efficiency metrics both exist")
    func metrics() throws {
        let metrics = try demo().model.streams.flatMap(\.metrics)
        let responsive = metrics.filter { $0.category == .customer && $0.responds != nil }
        #expect(!responsive.isEmpty)
        for metric in responsive {
            let response = try #require(metric.responds)
            #expect(!response.coefficients.isEmpty, "\(metric.name) responds to nothing")
            #expect(response.range != nil, "\(metric.name) has no range")
            #expect(metric.baseline != nil, "\(metric.name) has no baseline to respond from")
        }
        #expect(metrics.contains { $0.category == .efficiency })
        // Between them the response models use every driver.
        #expect(Set(responsive.flatMap { $0.responds?.coefficients.map(\.driver) ?? [] }) == Set(Driver.allCases))
    }

    @Test("every stream has an owner and governance")
    func ownersAndGovernance() throws {
        for stream in try demo().model.streams {
            let owner = try #require(stream.owner, "\(stream.id) has no owner")
            #expect(!owner.name.isEmpty)
            #expect(owner.reach != nil, "\(stream.id): owner reach missing")
            let governance = try #require(stream.governance, "\(stream.id) has no governance")
            #expect(governance.model != nil, "\(stream.id): governance model missing")
            #expect(governance.forum?.isEmpty == false, "\(stream.id): no forum")
            #expect(!governance.members.isEmpty, "\(stream.id): no members")
        }
    }

    @Test("planted: it-service-desk is declared customer but has an internal trigger and serves internal")
    func plantedServiceDesk() throws {
        let model = try demo().model
        let desk = try #require(model.streams.first { $0.id == "it-service-desk" })
        #expect(desk.kind == .customer)
        #expect(desk.trigger?.external == false)
        #expect(desk.serves == .internal)
    }

    @Test("planted: a customer stream with an external trigger measured only by efficiency metrics")
    func plantedEfficiencyOnly() throws {
        let model = try demo().model
        let efficiencyOnly = model.streams.filter { stream in
            stream.kind == .customer && !stream.metrics.isEmpty && stream.metrics.allSatisfy { $0.category == .efficiency }
        }
        #expect(efficiencyOnly.contains { $0.id == "resolve-complaint" })
        #expect(efficiencyOnly.contains { $0.trigger?.external == true && $0.serves == .external },
                "a genuine customer stream, not only the service desk, should carry the plant")
    }

    @Test("planted: an integration into a customer stage without an SLA")
    func plantedMissingSLA() throws {
        let model = try demo().model
        let planted = model.integrations.filter { link in
            link.sla == nil && link.to.stage != nil
                && model.streams.contains { $0.id == link.to.stream && $0.kind == .customer }
        }
        #expect(!planted.isEmpty)
    }

    // MARK: Baseline utilisation, computed here from the file's fields

    /// Hours per unit of the typed text, read here rather than through `Duration`/`Rate`.
    private static let hoursPerTimeUnit: [Character: Double] = ["s": 1.0 / 3600, "m": 1.0 / 60, "h": 1, "d": 24, "w": 168]
    private static let hoursPerPeriod: [String: Double] = ["s": 1.0 / 3600, "min": 1.0 / 60, "h": 1, "day": 24, "week": 168]

    private func hours(_ text: String) throws -> Double {
        let unit = try #require(text.last)
        let number = try #require(Double(text.dropLast()), "'\(text)'")
        return number * (try #require(Self.hoursPerTimeUnit[unit], "'\(text)'"))
    }

    private func perHour(_ text: String) throws -> Double {
        let parts = text.split(separator: "/")
        try #require(parts.count == 2, "'\(text)'")
        let count = try #require(Double(parts[0]))
        return count / (try #require(Self.hoursPerPeriod[String(parts[1])], "'\(text)'"))
    }

    /// Each stage's routing: the stage a defective visit returns to, and the probability.
    private func loops(_ stream: ValueStream) throws -> [(target: Int, p: Double)] {
        try stream.stages.enumerated().map { index, stage in
            let target = try stage.reworkTo.map { name in
                try #require(stream.stages.firstIndex { $0.name.lowercased() == name.lowercased() }, "rework_to '\(name)'")
            } ?? index
            var p = 0.0
            if let text = stage.defects?.text {
                p = text.hasSuffix("%") ? try #require(Double(text.dropLast())) / 100 : try #require(Double(text))
            }
            return (target, p)
        }
    }

    /// Mean visits per item, from the traffic equations `v = e₀ + v·P` iterated to a fixed point
    /// (after stage j an item goes back to its target with p_j, else on to j + 1, or leaves).
    private func iteratedVisits(_ routing: [(target: Int, p: Double)]) -> [Double] {
        let count = routing.count
        var visits = [Double](repeating: 0, count: count)
        for _ in 0..<100_000 {
            var next = [Double](repeating: 0, count: count)
            next[0] = 1
            for (from, route) in routing.enumerated() {
                next[route.target] += visits[from] * route.p
                if from + 1 < count { next[from + 1] += visits[from] * (1 - route.p) }
            }
            let change = zip(next, visits).map { abs($0 - $1) }.max() ?? 0
            visits = next
            if change < 1e-14 { break }
        }
        return visits
    }

    /// The closed form when rework loops nest or stand apart (never cross): each loop
    /// [target, j] with probability p multiplies the visits of the stages in it by 1 / (1 − p).
    private func closedFormVisits(_ routing: [(target: Int, p: Double)]) -> [Double]? {
        let intervals = routing.enumerated().filter { $0.element.p > 0 }.map { (low: $0.element.target, high: $0.offset, p: $0.element.p) }
        for a in intervals {
            for b in intervals where a.low < b.low && b.low <= a.high && a.high < b.high { return nil }
        }
        return routing.indices.map { stage in
            intervals.filter { $0.low <= stage && stage <= $0.high }.reduce(1.0) { $0 / (1 - $1.p) }
        }
    }

    @Test("the demo's loops never cross, so both visit computations apply")
    func loopsNest() throws {
        for stream in try demo().model.streams {
            #expect(closedFormVisits(try loops(stream)) != nil, "\(stream.id)")
        }
    }

    @Test("every baseline stage is below 85 % utilisation (λ·visits·time/servers)")
    func baselineUtilisation() throws {
        let model = try demo().model
        var checked = 0
        for stream in model.streams {
            let demand = try #require(stream.demand, "\(stream.id) has no demand, so its baseline cannot be checked")
            let lambda = try perHour(demand.text)
            #expect(abs(lambda - demand.perHour) < 1e-12, "\(stream.id): demand \(demand.text)")
            let routing = try loops(stream)
            let visits = iteratedVisits(routing)
            let closed = try #require(closedFormVisits(routing))
            for (a, b) in zip(visits, closed) {
                #expect(abs(a - b) < 1e-9, "\(stream.id): visits \(visits) vs closed form \(closed)")
            }
            let library = try #require(Routing.visits(of: stream))
            for (a, b) in zip(visits, library) {
                #expect(abs(a - b) < 1e-9, "\(stream.id): visits \(visits) vs Routing.visits \(library)")
            }
            let reported = Routing.utilisations(of: stream)
            #expect(reported.count == stream.stages.count)
            for (index, stage) in stream.stages.enumerated() {
                let timeText = try #require(stage.time?.text, "\(stream.id)/\(stage.name) has no time")
                let time = try hours(timeText)
                #expect(abs(time - (stage.time?.hours ?? 0)) < 1e-12)
                let servers = Double(stage.servers ?? 1)
                let utilisation = lambda * visits[index] * time / servers
                #expect(utilisation < 0.85, "\(stream.id)/\(stage.name) is at \(utilisation)")
                #expect(utilisation > 0)
                let theirs = try #require(reported[index], "\(stream.id)/\(stage.name): Routing gives no utilisation")
                #expect(abs(theirs - utilisation) < 1e-9, "\(stream.id)/\(stage.name): \(theirs) vs \(utilisation)")
                checked += 1
            }
        }
        #expect(checked == model.streams.reduce(0) { $0 + $1.stages.count })
    }

    @Test("the hand-worked figures for two stages match")
    func handWorkedUtilisation() throws {
        let model = try demo().model
        // apply-for-loan: 40/day = 5/3 per hour; Assess credit risk reworks 8 % to Capture
        // application, so both are visited 1/0.92 times; 3h on 8 servers.
        let loan = try #require(model.streams.first { $0.id == "apply-for-loan" })
        let assess = try #require(Routing.utilisations(of: loan)[1])
        #expect(abs(assess - (40.0 / 24) * (1 / 0.92) * 3 / 8) < 1e-12)
        // hire-onboard: 3/day; Interview and offer reworks 20 % to Source and screen: 1.25 visits; 8h on 2.
        let hire = try #require(model.streams.first { $0.id == "hire-onboard" })
        let interview = try #require(Routing.utilisations(of: hire)[2])
        #expect(abs(interview - (3.0 / 24) * 1.25 * 8 / 2) < 1e-12)
        #expect(abs((Routing.utilisations(of: hire)[3] ?? 0) - (3.0 / 24) * 4) < 1e-12)
    }
}
