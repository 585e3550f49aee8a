import ModelFormats
import Testing
import ValueStreams
@testable import Workbench

@Suite("Editing, undo and redo")
struct EditingTests {
    func demoSession() throws -> Session {
        var session = Session()
        _ = try #require(try session.run(source("load demo")).last?.get())
        return session
    }

    static let edits = [
        "add stream fx \"FX desk\" supporting serves internal demand 10/day owner \"Head of Markets\"",
        "add stage open-account \"Check fraud\" after \"Verify identity\" servers 2 time 15m functions \"Fraud, Operations\"",
        "add stage it-infra Patch servers 1 time 30m",
        "add link it-infra -> open-account/Activate effect capacity strength 0.8 sla availability 99.5% latency 1h id it-activate",
        "add link close-books -> it-infra effect latency",
        "add segment Private expects \"a call back within the hour\"",
        "add stakeholder \"Ana Costa\" function Legal",
        "add capability fraud \"Fraud detection\" parent kyc assessment 2",
        "add metric open-account CSAT customer unit points direction up baseline 4.1 target 4.5",
        "set open-account.promise = 3d",
        "set open-account.owner.reach = functional",
        "set it-infra.service_level.availability = 99%",
        "set open-account/\"Verify identity\".servers = 8",
        "set open-account/Apply.functions = \"Digital, Sales\"",
        "set open-account/\"Open and fund\".wait = none",
        "set it-verify.strength = 0.5",
        "set it-verify.sla.latency = 2h",
        "set \"close-books -> apply-for-loan/Make offer (latency)\".description = \"Pricing needs the month-end rates\"",
        "set it-infra.id = platform",
        "set apply-for-loan/\"Capture application\".name = Apply",
        "remove link it-verify",
        "remove open-account/Activate",
        "new model Empty",
    ]

    @Test("each edit, undone, gives back a byte-identical model; redone, the edited one", arguments: edits)
    func undoRedo(_ edit: String) throws {
        var session = try demoSession()
        let before = try saved(session)
        try run(&session, edit)
        let after = try saved(session)
        #expect(after != before, "the edit should change the model")
        try run(&session, "undo")
        #expect(try saved(session) == before)
        try run(&session, "redo")
        #expect(try saved(session) == after)
        // What the edit wrote reads back to the same model.
        let reread = try ModelReader.read(after, file: "after.yaml").get().model
        #expect(reread == session.model)
    }

    static let failingEdits: [(edit: String, message: String)] = [
        ("set open-account.servers = 3", "unknown field 'servers' of a stream"),
        ("set open-account/Apply.defects = 3", "'3' is a fraction 0…1; did you mean 3%?"),
        ("set open-account/Apply.rework_to = Activate", "rework_to 'Activate' is a later stage"),
        ("set open-account.name = none", "'name' is required and cannot be cleared"),
        ("remove it-infra", "cannot remove it-infra: links depend on it: it-verify"),
        ("remove open-account/\"Verify identity\"", "cannot remove open-account/Verify identity: links depend on it: it-verify, comp-verify"),
        ("add link nowhere -> open-account/Apply effect capacity", "no stream 'nowhere'"),
        ("add link it-infra -> open-account/Aply effect capacity", "no stage 'Aply' in stream 'open-account'; did you mean 'Apply'?"),
        ("add link it-infra -> open-account effect capacity", "a link to customer stream 'open-account' must name a stage"),
        ("add link it-infra -> open-account/Apply strength 0.5", "a link needs an effect"),
        ("add stream open-account \"Again\" customer", "there is already a stream 'open-account'"),
        ("add stage open-account Apply", "'open-account' already has a stage 'Apply'"),
        ("add stream x \"X\" custom", "'custom' is not a stream kind; did you mean 'customer'?"),
        ("add capability kyc \"Again\"", "there is already a capability 'kyc'"),
        ("add metric open-account NPS customer bogus 1", "unknown field 'bogus' of a metric"),
        ("remove link it-verfy", "no link 'it-verfy'; did you mean 'it-verify'?"),
        ("set nothing.promise = 2d", "no stream, stage or link 'nothing'"),
        ("add link it-infra -> open-account/Apply effect capacity sla availabilty 99%", "unknown SLA key 'availabilty'; did you mean 'availability'?"),
    ]

    @Test("a failing edit says why and changes nothing", arguments: failingEdits.map(\.edit))
    func failingEditChangesNothing(_ edit: String) throws {
        let expected = try #require(Self.failingEdits.first { $0.edit == edit }?.message)
        var session = try demoSession()
        let before = try saved(session)
        let error = try #require(failure(&session, edit))
        let whole = ([error.message] + error.details).joined(separator: "\n")
        #expect(whole.contains(expected), "\(whole)")
        #expect(try saved(session) == before)
        #expect(session.cells.last?.status == .failed)
        #expect(failure(&session, "undo") == nil, "undo now undoes the load, not the failed edit")
        #expect(session.model == nil)
    }

    @Test("renaming a stream id carries over to its links; renaming a stage to rework and links")
    func renames() throws {
        var session = try demoSession()
        try run(&session, "set it-infra.id = platform")
        let model = try #require(session.model)
        #expect(model.integrations.filter { $0.from.stream == "platform" }.count == 10)
        #expect(!model.integrations.contains { $0.from.stream == "it-infra" || $0.to.stream == "it-infra" })
        try run(&session, "set apply-for-loan/\"Capture application\".name = Apply")
        let loan = try #require(session.model?.streams.first { $0.id == "apply-for-loan" })
        #expect(loan.stages.first { $0.name == "Assess credit risk" }?.reworkTo == "Apply")
    }

    @Test("errors point at the token to fix")
    func errorPlaces() throws {
        var session = try demoSession()
        let unknownField = try #require(failure(&session, "set open-account.promis = 2d"))
        #expect(unknownField.message == "unknown field 'promis' of a stream; did you mean 'promise'?")
        #expect(unknownField.span == SourceSpan(lineOffset: 0, column: 5, length: 19))
        let badValue = try #require(failure(&session, "set open-account.promise = 2"))
        #expect(badValue.span == SourceSpan(lineOffset: 0, column: 28, length: 1))
        let badKey = try #require(failure(&session, "add stage open-account X servrs 2"))
        #expect(badKey.message.hasPrefix("unknown field 'servrs' of a stage; did you mean 'servers'?"))
        #expect(badKey.span == SourceSpan(lineOffset: 0, column: 26, length: 6))
    }

    @Test("history records every command and what became of it; undo and redo move the marks")
    func history() throws {
        var session = try demoSession()
        try run(&session, "set open-account.promise = 3d")
        _ = failure(&session, "set open-account.promise = 3")
        try run(&session, "undo")
        #expect(session.cells.map(\.status) == [.ok, .undone, .failed, .ok])
        try run(&session, "redo")
        #expect(session.cells[1].status == .ok)
        #expect(session.cells.map(\.input) == ["load demo", "set open-account.promise = 3d", "set open-account.promise = 3", "undo", "redo"])
        guard case .table(let table) = try run(&session, "history").result else {
            Issue.record("history should give a table")
            return
        }
        #expect(table.rows.count == 5, "history lists what came before it")
    }

    @Test("undo and redo with nothing to do are errors; a new change forgets what could be redone")
    func emptyStacks() throws {
        var session = Session()
        #expect(failure(&session, "undo")?.message == "nothing to undo")
        #expect(failure(&session, "redo")?.message == "nothing to redo")
        session = try demoSession()
        try run(&session, "set open-account.promise = 3d")
        try run(&session, "undo")
        try run(&session, "set open-account.promise = 4d")
        #expect(failure(&session, "redo")?.message == "nothing to redo")
    }

    @Test("output, seed and saving are not undone")
    func notUndoable() throws {
        var session = try demoSession()
        try run(&session, "set output json")
        try run(&session, "set seed 7")
        try run(&session, "undo")
        #expect(session.output == .json)
        #expect(session.seed == 7)
        #expect(session.model == nil, "undo went past the settings to the load")
    }

    @Test("a new warning from an edit comes with its reply")
    func editWarnings() throws {
        var session = try demoSession()
        let reply = try run(&session, "set open-account/Apply.servers = 1")
        #expect(reply.warnings == ["warning: streams[0].stages[0]: stage 'Apply' of 'open-account' is at utilisation 125.0% (≥ 100%): its queue grows without bound"])
    }
}
