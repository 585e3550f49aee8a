import ModelFormats
import Testing
import ValueStreams
@testable import Workbench

@Suite("Scenarios, what-if, compare, heatmap and guide")
struct ScenarioTests {

    func demo() throws -> Session {
        var session = Session()
        try run(&session, "load demo")
        try run(&session, "set today 2026-12-01")
        return session
    }


    @Test("whatif reclassify: a new current scenario with the change; baseline byte-identical; compare shows it")
    func whatifOnTheDesk() throws {
        var session = try demo()
        let before = try saved(session)
        let today = try CalendarDate(parsing: "2026-12-01")
        let baselineFindings = try #require(session.model).review(today: today)
        let reply = try run(&session, "whatif reclassify it-service-desk as supporting named desk-supports")
        #expect(session.scenarioName == "desk-supports")
        let after = try #require(session.model)
        #expect(after.streams.first { $0.id == "it-service-desk" }?.kind == .supporting)
        // The findings change as the review says they must, computed here from both models.
        let whatifFindings = after.review(today: today)
        let removed = baselineFindings.filter { !whatifFindings.contains($0) }
        let added = whatifFindings.filter { !baselineFindings.contains($0) }
        #expect(removed.contains { $0.code == .kindDisagreesWithTest && $0.entity == "it-service-desk" })
        #expect(removed.contains { $0.code == .ownerNotCrossFunctional && $0.entity == "it-service-desk" })
        #expect(added.contains { $0.code == .enablesNothing && $0.entity == "it-service-desk" })
        guard case .document(let document) = reply.result, case .object(let data) = document.data else {
            Issue.record("whatif should give a document")
            return
        }
        func list(_ key: String) -> [Value] {
            if case .list(let items)? = data.first(where: { $0.key == key })?.value { return items }
            return []
        }
        #expect(list("findings_removed").count == removed.count)
        #expect(list("findings_added").count == added.count)
        #expect(list("signoffs_made_stale").count == 2)
        #expect(list("recommendations_changed").count == 1)
        // The baseline is untouched, byte for byte.
        try run(&session, "scenario use baseline")
        #expect(try saved(session) == before)
        guard case .document(let comparison) = try run(&session, "compare baseline desk-supports").result else {
            Issue.record("compare should give a document")
            return
        }
        let text = TextRenderer.render(.document(comparison))
        #expect(text.contains("kind of it-service-desk:   customer -> supporting"))
        #expect(text.contains("streams that differ:       it-service-desk"))
    }

    @Test("edits apply to the current scenario only; the default what-if name; list and drop; undo")
    func scenarioLifecycle() throws {
        var session = try demo()
        try run(&session, "scenario new lean")
        try run(&session, "set open-account.promise = 1d")
        try run(&session, "scenario use baseline")
        #expect(session.model?.streams[0].promise?.text == "2d")
        try run(&session, "scenario use lean")
        #expect(session.model?.streams[0].promise?.text == "1d")
        try run(&session, "whatif reclassify resolve-complaint as supporting")
        #expect(session.scenarioName == "resolve-complaint-as-supporting")
        #expect(session.scenarios.map(\.name) == ["baseline", "lean", "resolve-complaint-as-supporting"])
        #expect(session.scenarios.last?.parent == "lean")
        #expect(session.scenarios.last?.model.streams[0].promise?.text == "1d", "a what-if copies the scenario it came from")
        try run(&session, "scenario drop resolve-complaint-as-supporting")
        #expect(session.scenarioName == "lean", "dropping the current scenario goes back to its parent")
        try run(&session, "undo")
        #expect(session.scenarios.count == 3, "undo brings a dropped scenario back")
        #expect(failure(&session, "scenario drop baseline")?.message == "the baseline cannot be dropped")
        #expect(failure(&session, "scenario use leen")?.message == "no scenario 'leen'; did you mean 'lean'?")
        #expect(failure(&session, "scenario new lean")?.message.hasPrefix("there is already a scenario 'lean'") == true)
        #expect(failure(&session, "scenario new \"two words\"")?.message.hasPrefix("a scenario name is one word") == true)
    }

    @Test("load and new model start again from a single baseline")
    func loadResets() throws {
        var session = try demo()
        try run(&session, "scenario new x")
        try run(&session, "load demo")
        #expect(session.scenarios.map(\.name) == ["baseline"])
        #expect(session.scenarioName == nil)
    }

    @Test("heatmap: customer stages per capability, by stream, with the findings on them")
    func heatmap() throws {
        var session = try demo()
        guard case .table(let table) = try run(&session, "heatmap").result else {
            Issue.record("heatmap should give a table")
            return
        }
        let model = try #require(session.model)
        let customers = model.streams.filter { $0.kind == .customer }
        #expect(table.columns.map(\.key) == ["id", "name", "assessment", "customer_stages"] + customers.map(\.id) + ["findings"])
        for (capability, row) in zip(model.capabilities, table.rows) {
            let stages = model.stages(enabledBy: capability.id).filter { reference in customers.contains { $0.id == reference.stream } }
            guard case .rated(_, let count, _) = row[3] else {
                Issue.record("customer stages should be a rated figure")
                continue
            }
            #expect(Int(count) == stages.count, "\(capability.id)")
        }
        #expect(HeatmapView.heat(dependents: 0, assessment: 1) == 5)
        #expect(HeatmapView.heat(dependents: 6, assessment: 2) == 1)
        #expect(HeatmapView.heat(dependents: 1, assessment: 5) == 5)
    }

    static let interview = [
        "guide",
        "Households | a claim paid within a week",
        "",
        "settle-claim | Settle a Claim | Policyholder reports a loss | The loss is paid",
        "Report loss | Assess claim | Pay claim",
        "",
        "claims-it | Run Claims Platforms",
        "",
        "Dana Cole | Claims | settle-claim | agree",
        "",
        "claims-it | settle-claim/Assess claim | capacity",
        "",
    ]

    @Test("guide driven by scripted answers builds the expected model, as ordinary commands")
    func guideBuildsTheModel() throws {
        var session = Session()
        try run(&session, "set today 2026-12-01")
        try run(&session, "new model \"Harbor Mutual\"")
        for line in Self.interview {
            for outcome in session.run(source(line)) { _ = try outcome.get() }
        }
        #expect(session.interviewPrompt == nil, "the last empty answer ends the interview")
        let model = try #require(session.model)
        #expect(model.segments == [Segment(name: "Households", expects: "a claim paid within a week")])
        let claim = try #require(model.streams.first { $0.id == "settle-claim" })
        #expect(claim.kind == .customer)
        #expect(claim.serves == .external)
        #expect(claim.trigger == Trigger(by: "Policyholder reports a loss", external: true))
        #expect(claim.value == "The loss is paid")
        #expect(claim.stages.map(\.name) == ["Report loss", "Assess claim", "Pay claim"])
        #expect(claim.signoffs.map(\.by) == ["Dana Cole"])
        #expect(model.stakeholders == [Stakeholder(name: "Dana Cole", function: "Claims")])
        #expect(model.streams.first { $0.id == "claims-it" }?.kind == .supporting)
        #expect(model.integrations.map(\.descriptiveName) == ["claims-it -> settle-claim/Assess claim (capacity)"])
        // The interview's lines are not commands; what they made are, in order.
        let made = session.cells.filter { $0.status == .ok }.map(\.input)
        #expect(made.contains("add stage settle-claim \"Assess claim\""))
        #expect(session.cells.filter { $0.status == .interview }.count == Self.interview.count)
        // Replaying just the commands it made builds the same model, with no interview.
        var replay = Session()
        for input in made { for outcome in replay.run(source(input)) { _ = try outcome.get() } }
        #expect(replay.model == model)
    }

    @Test("a bad answer says what to type and changes nothing; stop ends the interview")
    func guideErrors() throws {
        var session = try demo()
        try run(&session, "guide")
        let before = session.model
        #expect(failure(&session, "Retail")?.message == "answer NAME | WHAT THEY EXPECT, with | between the parts")
        #expect(session.model == before)
        for line in ["", "", ""] { _ = session.run(source(line)) }
        // Step 4: a sign-off on a stream that does not exist fails as a whole answer.
        let error = try #require(failure(&session, "Ana Costa | Legal | nowhere | agree"))
        #expect(error.message.hasPrefix("this answer would run 'validate \"nowhere\""))
        #expect(session.model == before, "the stakeholder the answer would also add is not kept")
        try run(&session, "stop")
        #expect(session.interviewPrompt == nil)
        try run(&session, "streams")
    }

    @Test("undo and redo change models, never which scenario is current, and say where the change was")
    func undoKeepsTheScenario() throws {
        var session = try demo()
        try run(&session, "scenario new s1")
        try run(&session, "set open-account.name = \"S1 name\"")
        try run(&session, "scenario use baseline")
        let undone = try run(&session, "undo")
        #expect(session.scenarioName == nil, "still in the baseline")
        #expect(undone.result == .message("Undid: set open-account.name = \"S1 name\" (in scenario s1; baseline is still current)"))
        #expect(session.scenarios.first { $0.name == "s1" }?.model.streams[0].name == "Open Account")
        try run(&session, "redo")
        #expect(session.scenarioName == nil)
        #expect(session.scenarios.first { $0.name == "s1" }?.model.streams[0].name == "S1 name")
        // Undoing the scenario's making leaves the scenario it came from current.
        try run(&session, "scenario use s1")
        try run(&session, "undo")
        try run(&session, "undo")
        #expect(session.scenarios.map(\.name) == ["baseline"])
        #expect(session.scenarioName == nil)
    }

    @Test("names resolve like ids, so two streams may not share one, nor two unnamed links their description")
    func duplicateNames() throws {
        var session = try demo()
        let renamed = try #require(failure(&session, "set open-account.name = \"Apply for a Loan\""))
        #expect(renamed.details.contains { $0.contains("duplicate stream name 'Apply for a Loan'") })
        try run(&session, "add link it-infra -> open-account/Activate effect capacity")
        let twice = try #require(failure(&session, "add link it-infra -> open-account/Activate effect capacity"))
        #expect(twice.details.contains { $0.contains("duplicate link 'it-infra -> open-account/Activate (capacity)'") })
        try run(&session, "add link it-infra -> open-account/Activate effect capacity id it-activate-2")
    }
}
