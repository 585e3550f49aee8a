import Foundation
import ModelFormats
import Testing
import ValueStreams
@testable import Workbench

@Suite("Session")
struct SessionTests {

    @Test("load demo loads the demo and summarises it from the model")
    func loadDemo() throws {
        var session = Session()
        let loaded = try run(&session, "load demo")
        let model = try #require(session.model)
        let customers = model.streams.filter { $0.kind == .customer }.count
        guard case .message(let text, let figures) = loaded.result else {
            Issue.record("load should confirm with a message")
            return
        }
        #expect(text == "Loaded Northwind Bank from demo: \(model.streams.count) streams (\(customers) customer, "
            + "\(model.streams.count - customers) supporting), \(model.streams.map(\.stages.count).reduce(0, +)) stages, "
            + "\(model.integrations.count) links, \(model.capabilities.count) capabilities.")
        #expect(figures.first { $0.key == "streams" }?.value == .integer(model.streams.count))
        #expect(session.modelOrigin == "demo")
    }

    @Test("commands that need a model say how to get one")
    func noModel() {
        var session = Session()
        #expect(failure(&session, "streams")?.message == "no model loaded; load one first, e.g. load demo")
        #expect(failure(&session, "show x")?.message == "no model loaded; load one first, e.g. load demo")
    }

    @Test("streams lists every stream in model order with its kind, stage count and owner")
    func streams() throws {
        var session = Session()
        _ = try run(&session, "load demo")
        let model = try #require(session.model)
        guard case .table(let table) = try run(&session, "streams").result else {
            Issue.record("streams should give a table")
            return
        }
        #expect(table.columns.map(\.key) == ["id", "name", "kind", "owner", "stages"])
        #expect(table.rows == model.streams.map { [.text($0.id), .text($0.name), .text($0.kind.rawValue), .optional($0.owner?.name), .integer($0.stages.count)] })
    }

    @Test("show resolves by id or name, case-insensitively, and a miss suggests the nearest")
    func show() throws {
        var session = Session()
        _ = try run(&session, "load demo")
        let byID = try run(&session, "show it-infra").result
        let byName = try run(&session, "show \"manage it infrastructure\"").result
        #expect(byID == byName)
        guard case .document(let document) = byID else {
            Issue.record("show should give a document")
            return
        }
        let sections = document.sections
        #expect(sections.first?.title == "Manage IT Infrastructure (it-infra): supporting stream")
        #expect(sections.map(\.title).contains("Stages"))
        let error = failure(&session, "show it-infa")
        #expect(error?.message == "no stream 'it-infa'; did you mean 'it-infra'?")
        #expect(error?.span == SourceSpan(lineOffset: 0, column: 6, length: 7))
    }

    @Test("a failed load keeps the model the session had")
    func failedLoadChangesNothing() throws {
        let folder = try temporaryFolder()
        try "model: Broken\nstreams:\n  - id: a\n    name: A\n    kind: custmer\n".write(toFile: "\(folder)/bad.yaml", atomically: true, encoding: .utf8)
        var session = Session()
        _ = try run(&session, "load demo")
        let before = session.model
        let error = try #require(failure(&session, "load bad.yaml", in: folder))
        #expect(error.message == "'bad.yaml' has 1 error; the model was not loaded")
        #expect(error.details.count == 1)
        #expect(error.details.first?.hasPrefix("bad.yaml:5:11: error: streams[0].kind: 'custmer' is not a stream kind; did you mean 'customer'?") == true)
        #expect(session.model == before)
        #expect(session.modelOrigin == "demo")
        #expect(failure(&session, "load missing.yaml", in: folder)?.message == "cannot read 'missing.yaml': no such file")
        #expect(session.model == before)
    }

    @Test("save model writes a file that loads back to the same model; relative paths use the source's folder")
    func saveAndLoad() throws {
        let folder = try temporaryFolder()
        var session = Session()
        _ = try run(&session, "load demo")
        let demo = session.model
        #expect(try run(&session, "save model bank.yaml", in: folder).result == .message("Saved Northwind Bank to bank.yaml.", figures: [.init("path", .text("bank.yaml")), .init("backup", .null)]))
        #expect(FileManager.default.fileExists(atPath: "\(folder)/bank.yaml"))
        var fresh = Session()
        _ = try run(&fresh, "load bank.yaml", in: folder)
        #expect(fresh.model == demo)
    }

    @Test("saving over a commented YAML file keeps the old one as .bak and says so")
    func backupOfComments() throws {
        let folder = try temporaryFolder()
        try "# hand-written\nmodel: Old\n".write(toFile: "\(folder)/m.yaml", atomically: true, encoding: .utf8)
        var session = Session()
        _ = try run(&session, "load demo")
        let saved = try run(&session, "save model m.yaml", in: folder)
        #expect(saved.result == .message("Saved Northwind Bank to m.yaml. The old file had comments, which a save cannot keep: it is kept as m.yaml.bak.", figures: [.init("path", .text("m.yaml")), .init("backup", .text("m.yaml.bak"))]))
        #expect(try String(contentsOfFile: "\(folder)/m.yaml.bak", encoding: .utf8) == "# hand-written\nmodel: Old\n")
    }

    @Test("help lists every command, and help CMD gives its usage and an example")
    func help() throws {
        var session = Session()
        guard case .table(let table) = try run(&session, "help").result else {
            Issue.record("help should give a table")
            return
        }
        #expect(table.rows.map { $0[0] } == CommandCatalog.all.map { .text($0.usage) })
        #expect(try run(&session, "help load").result == .message(
            "usage: load PATH|demo\nLoad a model file (.yaml, .yml, .json), or the built-in demo organisation.\nexample: load demo"))
        #expect(failure(&session, "help lood")?.message == "no command 'lood'; did you mean 'load'?")
    }

    @Test("every help example parses")
    func examplesParse() throws {
        for spec in CommandCatalog.all {
            #expect(throws: Never.self, "\(spec.name)") { try Parser.parse(source(spec.example)) }
        }
    }

    @Test("quit stops the rest of the line")
    func quit() throws {
        var session = Session()
        let outcomes = session.run(source("quit; load demo"))
        #expect(outcomes.count == 1)
        #expect(try outcomes[0].get().quits)
        #expect(session.model == nil)
    }

    @Test("load warnings come back with the reply, located")
    func warnings() throws {
        let folder = try temporaryFolder()
        try """
            model: Hot
            streams:
              - id: a
                name: A
                kind: customer
                demand: 24/day
                stages:
                  - { name: S, time: 1h }
            """.write(toFile: "\(folder)/hot.yaml", atomically: true, encoding: .utf8)
        var session = Session()
        let loaded = try run(&session, "load hot.yaml", in: folder)
        #expect(loaded.warnings == ["hot.yaml:8:9: warning: streams[0].stages[0]: stage 'S' of 'a' is at utilisation 100.0% (≥ 100%): its queue grows without bound"])
        #expect(session.model?.name == "Hot")
    }
}
