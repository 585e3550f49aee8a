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
        // No replay would give the same, so a saved session leaves it out.
        #expect(session.cells.last?.status == .stopped)
        #expect(session.cells.last?.recorded == nil)
        #expect(session.scriptCells == [0])
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

    @Test("a windowed outage: the degraded case carries the DES's window figures and its time series, in JSON and in the notes")
    func windowedOutage() throws {
        var session = Session()
        try run(&session, "load demo; degrade it-infra availability to 0% from 50h for 8h")
        let command = "simulate engine des runs 3 horizon 300h warmup 50h stream open-account"
        let reply = try run(&session, command)
        let lines = JSONRenderer.render(reply.result).split(separator: "\n").map(String.init)
        let objects = try lines.map { try #require(try JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any]) }
        #expect(objects.count == 2)
        #expect(objects.first?["window"] is NSNull, "the baseline has no window")
        let window = try #require(objects.last?["window"] as? [String: Any])
        #expect(window["start_h"] as? Double == 50 && window["duration_h"] as? Double == 8)
        // Verify identity stops for 8 h at 5 an hour: about 40 wait at its peak, and each figure is there.
        let peak = try #require(window["peak_backlog"] as? Double)
        #expect(peak > 30 && peak < 70, "peak \(peak)")
        #expect((window["items_affected"] as? Int).map { $0 > 40 } == true)
        for key in ["ttv_mean_h", "ttv_p90_h", "clear_h"] { #expect((window[key] as? Double).map { $0 > 0 } == true, "\(key)") }
        #expect((objects.last?["series"] as? [Any])?.count == 200)
        let text = Renderer.render(reply.result, RenderOptions(mode: .text))
        #expect(text.contains("Work in progress over the horizon:"))
        #expect(text.contains("The window (8h from 50h) touches about") && text.contains("(means over the replications)."))
    }

    @Test("a window that ends past the horizon is refused, at the horizon typed, with one that would do")
    func windowPastHorizon() throws {
        var session = Session()
        try run(&session, "load demo; degrade it-infra availability to 0% from 500h for 2d")
        let error = try #require(failure(&session, "simulate engine des runs 2 horizon 400h stream open-account"))
        #expect(error.message.contains("a window ends at 548h, after the horizon of 400h") && error.message.contains("horizon 1096h"))
        #expect(error.span?.column == 36, "at 400h")
        try run(&session, "degrade it-infra availability to 0% from 100h for 2d")
        #expect(failure(&session, "simulate engine des runs 2 horizon 148h stream open-account")?.message.contains("at the horizon") == true,
                "a window ending with the horizon leaves no time to clear")
    }
}
