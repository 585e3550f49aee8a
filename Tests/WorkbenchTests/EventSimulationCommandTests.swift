import Foundation
import Testing
@testable import Workbench

@Suite("simulate engine des")
struct EventSimulationCommandTests {
    /// Small runs: a few replications of a short horizon, so the suite stays quick.
    static let command = "simulate engine des runs 3 horizon 300h warmup 50h stream apply-for-loan"

    @Test("one JSON line per case in DESIGN §6's keys, with the DES's interval and event count, and the same bytes again")
    func jsonLines() throws {
        var session = Session()
        try run(&session, "load demo; degrade it-infra availability to 90%")
        let reply = try run(&session, Self.command)
        let lines = JSONRenderer.render(reply.result).split(separator: "\n").map(String.init)
        #expect(lines.count == 2)
        let objects = try lines.map { try #require(try JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any]) }
        #expect(objects.map { $0["case"] as? String } == ["baseline", "degraded"])
        for object in objects {
            #expect(object["engine"] as? String == "des")
            #expect((object["time_to_value_ci95_h"] as? Double).map { $0 > 0 } == true)
            #expect((object["events"] as? Int).map { $0 > 0 } == true)
            #expect(object["truncated"] as? Bool == false)
            #expect((object["stages"] as? [[String: Any]])?.count == 5)
        }
        let keys = ["stream", "case", "engine", "throughput_per_day", "time_to_value_mean_h", "time_to_value_p90_h", "time_to_value_ci95_h",
                    "on_time_rate", "defect_rate", "overloaded", "stages", "events", "metrics", "time_to_value_p50_h", "time_to_value_p95_h",
                    "wip", "flow_efficiency", "backlog_growth_per_day", "truncated", "window"]
        let positions = keys.map { try? #require(lines[0].range(of: "\"\($0)\":")).lowerBound }
        #expect(positions.allSatisfy { $0 != nil } && positions.compactMap { $0 } == positions.compactMap { $0 }.sorted())
        // Same seed, same bytes; the session's seed is the default.
        var again = Session()
        try run(&again, "load demo; degrade it-infra availability to 90%")
        #expect(JSONRenderer.render(try run(&again, Self.command).result) == JSONRenderer.render(reply.result))
        var reseeded = Session()
        try run(&reseeded, "load demo; degrade it-infra availability to 90%; set seed 2")
        #expect(JSONRenderer.render(try run(&reseeded, Self.command).result) != JSONRenderer.render(reply.result))
        #expect(JSONRenderer.render(try run(&reseeded, Self.command + " seed 1").result) == JSONRenderer.render(reply.result))
    }

    @Test("a stop request gives the replications done and says it stopped")
    func stopped() throws {
        var session = Session()
        session.shouldStop = { true }
        try run(&session, "load demo")
        let text = Renderer.render(try run(&session, Self.command).result, RenderOptions(mode: .text))
        #expect(text.contains("Stopped: the figures are those of the replications done."))
    }

    @Test("set budget caps the events of a replication: the run says truncated; a bad budget is refused")
    func budget() throws {
        var session = Session()
        try run(&session, "load demo; set budget 2000")
        let reply = try run(&session, Self.command)
        let lines = JSONRenderer.render(reply.result).split(separator: "\n").map(String.init)
        let first = try #require(lines.first)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(first.utf8)) as? [String: Any])
        #expect(object["truncated"] as? Bool == true)
        #expect(object["events"] as? Int == 3 * 2000)
        #expect(Renderer.render(reply.result, RenderOptions(mode: .text)).contains("Truncated: the event budget stopped a replication"))
        #expect(failure(&session, "set budget 0")?.message.contains("not an event budget") == true)
        #expect(failure(&session, "set budget lots")?.span?.column == 12)
    }
}
