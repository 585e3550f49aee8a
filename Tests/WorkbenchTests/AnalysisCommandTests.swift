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
}
