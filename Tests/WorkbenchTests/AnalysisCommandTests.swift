import Foundation
import Testing
@testable import Workbench

/// `impact X why` and `breakpoint` at the prompt, on the demo.
@Suite("Analysis commands")
struct AnalysisCommandTests {
    static func object(_ reply: Reply) throws -> [String: Any] {
        let text = JSONRenderer.render(reply.result)
        return try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
    }

    @Test("impact X why: the degradation, every step into the stream with its factor, the stages changed, and the sum")
    func why() throws {
        var session = Session()
        try run(&session, "load demo; degrade it-infra availability to 90%")
        let reply = try run(&session, "impact apply-for-loan why")
        let object = try Self.object(reply)
        #expect(object["metric"] as? String == "time_to_value_mean_h")
        let steps = try #require(object["steps"] as? [[String: Any]]).compactMap { $0["text"] as? String }
        #expect(steps.first == "it-infra: availability to 90%")
        #expect(steps.contains { $0.hasPrefix("it-credit: apply-for-loan/Assess credit risk service times ÷ 0.9100 = 1 − 0.9000·(1 − 0.9000)") },
                "\(steps)")
        #expect(!steps.contains { $0.contains("open-account/") }, "steps into other streams are left out")
        // The figure's change is the sum of the changed stages' parts.
        let stages = try #require(object["stages"] as? [[String: Any]])
        let parts = stages.compactMap { stage -> Double? in
            guard let part = stage["part_h"] as? [String: Any], let before = part["baseline"] as? Double, let after = part["degraded"] as? Double
            else { return nil }
            return after - before
        }
        #expect(!parts.isEmpty && parts.count == stages.count)
        let change = try #require(object["change"] as? Double)
        #expect(abs(parts.reduce(0, +) - change) < 1e-4 * max(1, abs(change)), "parts \(parts) against \(change)")
        let text = Renderer.render(reply.result, RenderOptions(mode: .text))
        #expect(text.contains("Why apply-for-loan time_to_value_mean_h is"))
        #expect(text.contains("Propagation, step by step, from the degradations:") && text.contains("Assess credit risk"))
    }

    @Test("impact X.METRIC why picks one figure, quoted names too; a wrong figure or stream is refused where typed")
    func whyMetric() throws {
        var session = Session()
        try run(&session, "load demo; degrade it-infra availability to 90%")
        let nps = try Self.object(try run(&session, "impact apply-for-loan.\"Lending NPS\" why"))
        #expect(nps["metric"] as? String == "Lending NPS")
        #expect((nps["model"] as? String)?.hasPrefix("linear:") == true)
        let p90 = try Self.object(try run(&session, "impact apply-for-loan.time_to_value_p90_h why"))
        #expect(p90["metric"] as? String == "time_to_value_p90_h")
        let wrong = try #require(failure(&session, "impact apply-for-loan.time_to_value_p91_h why"))
        #expect(wrong.message.contains("did you mean 'time_to_value_p90_h'"))
        #expect(wrong.span?.column == 23)
        #expect(failure(&session, "impact it-infra why")?.message.contains("supporting stream") == true)
        #expect(failure(&session, "impact why")?.message.contains("impact open-account why") == true)
        var calm = Session()
        try run(&calm, "load demo")
        guard case .message(let text, _) = try run(&calm, "impact open-account why").result else {
            Issue.record("expected a message without degradations")
            return
        }
        #expect(text.hasPrefix("No degradations"))
    }

    @Test("breakpoint on the demo: each customer stream's level, in the model's order; refusals are located")
    func breakpoint() throws {
        var session = Session()
        try run(&session, "load demo")
        let reply = try run(&session, "breakpoint it-infra")
        guard case .table(let table) = reply.result else {
            Issue.record("expected a table")
            return
        }
        #expect(table.columns.map(\.key) == ["stream", "from", "overloaded", "misses_promise"])
        #expect(table.rows.count == 5, "the demo's customer streams")
        let one = try run(&session, "breakpoint it-infra field capacity for open-account")
        guard case .table(let single) = one.result else {
            Issue.record("expected a table")
            return
        }
        #expect(single.rows.count == 1)
        #expect(failure(&session, "breakpoint open-account")?.message.contains("is a customer stream") == true)
        #expect(failure(&session, "breakpoint it-infra field speed")?.span?.column == 27)
        #expect(failure(&session, "breakpoint it-infra for it-service-desk-x")?.span?.column == 25)
    }

    @Test("sensitivity on the demo ranks the supporting streams as single degrade runs do, for every customer stream")
    func sensitivityAgreesWithDegrade() throws {
        var session = Session()
        try run(&session, "load demo")
        let object = try Self.object(try run(&session, "sensitivity by -20% field availability"))
        #expect(object["step"] as? String == "availability by -20%")
        let rankings = try #require(object["rankings"] as? [[String: Any]])
        #expect(rankings.count == 5)
        let supporting = ["it-infra", "hire-onboard", "close-books", "ensure-compliance"]
        // Each supporting stream alone, through degrade and impact: the mean's change per customer stream.
        var single: [String: [String: Double]] = [:]
        for stream in supporting {
            var trial = Session()
            try run(&trial, "load demo; degrade \(stream) availability by -20%")
            let lines = JSONRenderer.render(try run(&trial, "impact").result).split(separator: "\n")
            for line in lines {
                let row = try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
                guard row["metric"] as? String == "time_to_value_mean_h", let customer = row["stream"] as? String else { continue }
                single[customer, default: [:]][stream] = row["change"] as? Double ?? 0
            }
        }
        for ranking in rankings {
            let customer = try #require(ranking["stream"] as? String)
            let entries = try #require(ranking["entries"] as? [[String: Any]])
            let order = entries.compactMap { $0["supporting"] as? String }
            #expect(Set(order) == Set(supporting))
            let changes = entries.map { $0["time_to_value_mean_h"] as? Double ?? 0 }
            #expect(changes == changes.sorted { abs($0) > abs($1) }, "\(customer): ranked by size")
            for (stream, change) in zip(order, changes) {
                let alone = single[customer]?[stream] ?? 0
                #expect(abs(alone - change) <= 1e-9 * max(1, abs(alone)), "\(customer) ← \(stream): sensitivity \(change), degrade \(alone)")
            }
        }
        let text = Renderer.render(try run(&session, "sensitivity").result, RenderOptions(mode: .text))
        #expect(text.contains("Matters most (capacity by -10%): it-infra to open-account, apply-for-loan"))
        #expect(text.contains("│████████████████████████ +0.6252h"), "the tornado's longest bar")
        #expect(failure(&session, "sensitivity by lots")?.span?.column == 16)
    }

    @Test("bottlenecks on the demo: every customer stage by utilisation, every integration point into one by leverage")
    func bottlenecks() throws {
        var session = Session()
        try run(&session, "load demo")
        let object = try Self.object(try run(&session, "bottlenecks"))
        let stages = try #require(object["stages"] as? [[String: Any]])
        #expect(stages.count == 22)
        let loads = stages.compactMap { $0["utilization"] as? Double }
        #expect(loads == loads.sorted(by: >) && stages.first?["stage"] as? String == "Gather evidence")
        let leverage = try #require(object["leverage"] as? [[String: Any]])
        #expect(leverage.count == 14 && leverage.first?["link"] as? String == "it-apply")
        // Degraded to 60 %, Verify identity is overloaded and tops the list.
        try run(&session, "degrade it-infra availability to 60%")
        let degraded = try Self.object(try run(&session, "bottlenecks"))
        #expect((degraded["stages"] as? [[String: Any]])?.first?["stage"] as? String == "Verify identity")
    }

    @Test("prioritise: costs typed with set rank the steps by value; a budget buys them in order; a bad budget is refused")
    func prioritise() throws {
        var session = Session()
        try run(&session, "load demo; set it-infra.cost = 40; set apply-for-loan/\"Assess credit risk\".cost = 25")
        try run(&session, "set it-service-desk/Triage.cost = 30; degrade it-infra availability to 90%")
        let object = try Self.object(try run(&session, "prioritise budget 100"))
        let ranked = try #require(object["ranked"] as? [[String: Any]])
        let costed = ranked.prefix { $0["cost"] is Double }
        #expect(costed.count == 3, "the steps with a cost come first")
        let values = costed.compactMap { $0["gain_per_cost"] as? Double }
        #expect(values == values.sorted(by: >))
        #expect(ranked.first?["step"] as? String == "it-service-desk/Triage: 3 → 4 servers")
        let infra = try #require(ranked.first { ($0["step"] as? String)?.hasPrefix("it-infra availability") == true })
        #expect((infra["efficiency"] as? [String])?.isEmpty == false, "the supporting stream's efficiency metrics beside it")
        let bought = try #require(object["bought"] as? [[String: Any]])
        #expect(bought.count == 3 && (object["spent"] as? Double) == 95)
        #expect(failure(&session, "prioritise budget -5")?.span?.column == 19)
    }

    @Test("compare A B gains both scenarios' simulated figures, each with its own degradations")
    func compareSimulated() throws {
        var session = Session()
        try run(&session, "load demo; scenario new outage; degrade it-infra availability to 90%")
        let object = try Self.object(try run(&session, "compare baseline outage"))
        let rows = try #require(object["simulated"] as? [[String: Any]])
        let mean = try #require(rows.first { $0["stream"] as? String == "apply-for-loan" && $0["metric"] as? String == "time_to_value_mean_h" })
        // The same change impact gives for the scenario on its own.
        let impact = JSONRenderer.render(try run(&session, "impact apply-for-loan").result).split(separator: "\n")
        let row = try #require(try impact.compactMap { try JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any] }
            .first { $0["metric"] as? String == "time_to_value_mean_h" })
        #expect(mean["change"] as? Double == row["change"] as? Double)
        #expect((mean["change"] as? Double).map { $0 > 0 } == true)
    }
}
