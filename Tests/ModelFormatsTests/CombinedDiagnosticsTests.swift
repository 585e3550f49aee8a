import Testing
@testable import ModelFormats

@Suite("Diagnostics across classes")
struct CombinedDiagnosticsTests {
    @Test("field errors and broken references in one file are all reported, in file order")
    func fieldAndReferenceErrors() throws {
        let text = """
            model: T
            streams:
              - id: a
                name: A
                kind: customer
                stages:
                  - { name: S1, servers: 0, time: 1h, rework_to: S9 }
            integrations:
              - { from: nowhere, to: a/S1, effect: capacity }
            """
        guard case .failure(let error) = ModelReader.read(text, file: "m.yaml") else {
            Issue.record("the model must not load")
            return
        }
        #expect(error.diagnostics.map(\.description) == [
            "m.yaml:7:30: error: streams[0].stages[0].servers: '0' servers: a stage needs at least 1 server",
            "m.yaml:7:54: error: streams[0].stages[0].rework_to: no stage 'S9' in stream 'a'; did you mean 'S1'?",
            "m.yaml:9:13: error: integrations[0].from: no stream 'nowhere'",
        ])
    }

    @Test("after a field error, warnings that may come from a defaulted value are held back")
    func noWarningsFromDefaults() throws {
        // servers: 0 is refused and the stage falls back to one server, which would put it at
        // 200 % utilisation: that warning would be false, so only the error is reported.
        let text = """
            model: T
            streams:
              - id: a
                name: A
                kind: customer
                demand: 48/day
                stages:
                  - { name: S1, servers: 0, time: 1h }
            """
        guard case .failure(let error) = ModelReader.read(text, file: "m.yaml") else {
            Issue.record("the model must not load")
            return
        }
        #expect(error.diagnostics.map(\.severity) == [.error])
    }

    @Test("when an item cannot be decoded at all, whole-model checks wait, so no key path points at the wrong item")
    func droppedItemsStopModelChecks() throws {
        let text = """
            model: T
            streams:
              - id: a
                name: A
              - id: b
                name: B
                kind: customer
            integrations:
              - { from: nowhere, to: b, effect: capacity }
            """
        guard case .failure(let error) = ModelReader.read(text, file: "m.yaml") else {
            Issue.record("the model must not load")
            return
        }
        #expect(error.diagnostics.map(\.description) == [
            "m.yaml:3:5: error: streams[0]: missing required key 'kind' in a stream",
        ])
    }
}
