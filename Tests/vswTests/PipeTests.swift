import Foundation
import Testing

@Suite("vsw end to end")
struct PipeTests {
    @Test("piped 'load demo; streams' lists the demo's streams with their kinds")
    func streamsThroughAPipe() throws {
        let output = try Binary.run([], input: "load demo\nstreams\n")
        #expect(output.status == 0)
        #expect(output.stderr == "")
        #expect(output.stdout.contains("it-service-desk       Resolve IT Service Requests   customer"))
        #expect(output.stdout.contains("it-infra              Manage IT Infrastructure      supporting"))
        #expect(!output.stdout.contains("vsw>"), "no prompt when input is not a terminal")
    }
}
