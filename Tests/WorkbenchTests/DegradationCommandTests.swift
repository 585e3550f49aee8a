import Testing
import ValueStreams
@testable import Workbench

@Suite("degrade, restore, degradations")
struct DegradationCommandTests {

    func current(_ session: Session) -> [Degradation] {
        session.scenarios.first { $0.name == (session.scenarioName ?? "baseline") }?.degradations ?? []
    }

    @Test("to sets a level, by moves it from the declared one; a later degrade of the same field replaces it")
    func degrade() throws {
        var session = Session()
        try run(&session, "load demo")
        #expect(try run(&session, "degrade it-infra availability to 90%").result == .message("Degraded it-infra availability to 90%: now 90.00%."))
        try run(&session, "degrade hire-onboard capacity by -30%")
        try run(&session, "degrade it-infra availability to 80%")
        let list = current(session)
        #expect(list.map(\.stream) == ["it-infra", "hire-onboard"])
        #expect(list[0].level(from: 1) == 0.8)
        #expect(abs(list[1].level(from: 1) - 0.7) < 1e-12)
        try run(&session, "degrade it-infra latency by +2h from 100h for 2d")
        #expect(current(session).last?.window == Degradation.Window(start: try Duration(parsing: "100h"), length: try Duration(parsing: "2d")))
    }

    @Test("degradations belong to the current scenario and are undoable")
    func scenariosAndUndo() throws {
        var session = Session()
        try run(&session, "load demo")
        try run(&session, "degrade it-infra availability to 90%")
        try run(&session, "scenario new outage")
        #expect(current(session).count == 1, "a new scenario copies its parent's degradations")
        try run(&session, "degrade close-books capacity to 50%")
        try run(&session, "scenario use baseline")
        #expect(current(session).count == 1)
        try run(&session, "undo")
        #expect(session.scenarios.first { $0.name == "outage" }?.degradations.count == 1, "undo took back the outage's degrade")
        try run(&session, "restore all")
        #expect(current(session).isEmpty)
        try run(&session, "undo")
        #expect(current(session).count == 1)
    }

    @Test("bad degrades say why and change nothing")
    func errors() throws {
        var session = Session()
        try run(&session, "load demo")
        #expect(failure(&session, "degrade open-account capacity to 50%")?.message == "open-account is a customer stream; degrade the supporting streams that enable it")
        #expect(failure(&session, "degrade it-infra availabilty to 90%")?.message.hasPrefix("'availabilty' is not a service-level field; did you mean 'availability'?") == true)
        #expect(failure(&session, "degrade it-infra availability to 90")?.message == "'90' is a fraction 0…1; did you mean 90%?")
        #expect(failure(&session, "degrade it-infra latency to 2")?.message.hasPrefix("'2' needs a unit") == true)
        #expect(failure(&session, "degrade it-infra availability at 90%")?.message.hasPrefix("'at' is not to or by") == true)
        #expect(failure(&session, "degrade it-infra availability to 90% from 10h")?.message.hasPrefix("a window needs a length") == true)
        let empty = failure(&session, "degrade it-infra availability to 90% from 10h for 0h")
        #expect(empty?.message == "a window lasts some time; write a length above 0, e.g. 2d")
        #expect(empty?.span?.column == 51, "the caret sits under the length")
        #expect(failure(&session, "restore close-books")?.message == "close-books is not degraded")
        #expect(current(session).isEmpty)
    }
}
