import Foundation
import Testing
@testable import Workbench

/// Golden files of each renderer on the demo, in `Golden/`. They are the tool's output,
/// read and checked by a person when first written; a change in them is a change in what
/// users see. To rewrite them after an intended change:
/// `VSW_UPDATE_GOLDEN=1 swift test --filter GoldenTests`, then review the diff.
@Suite("Golden output on the demo")
struct GoldenTests {
    static let script = [
        "streams", "show it-service-desk", "stages apply-for-loan", "deps it-infra", "deps", "map open-account",
        "capabilities", "help add link", "set today 2026-12-01", "test it-service-desk", "test open-account", "review",
        "recommend it-service-desk", "recommend close-books",
    ]

    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Golden")

    /// The script's output in one mode: each command under a `## COMMAND` line.
    static func transcript(_ mode: OutputMode) throws -> String {
        var session = Session(output: mode)
        var output = ""
        for line in ["load demo"] + script {
            let outcomes = session.run(Source(name: .standardInput, text: line, baseDirectory: "/"))
            for outcome in outcomes {
                let reply = try outcome.get()
                output += "## \(line)\n" + Renderer.render(reply.result, RenderOptions(mode: mode)) + "\n"
            }
        }
        return output
    }

    static let files: [(OutputMode, String)] = [(.text, "demo.txt"), (.json, "demo.jsonl"), (.csv, "demo.csv"), (.markdown, "demo.md")]

    @Test("each renderer's output on the demo matches its golden file", arguments: files.map(\.1))
    func matchesGolden(_ name: String) throws {
        let mode = try #require(Self.files.first { $0.1 == name }?.0)
        let actual = try Self.transcript(mode)
        let url = Self.folder.appendingPathComponent(name)
        if ProcessInfo.processInfo.environment["VSW_UPDATE_GOLDEN"] == "1" {
            try actual.write(to: url, atomically: true, encoding: .utf8)
        }
        let expected = try String(contentsOf: url, encoding: .utf8)
        #expect(actual == expected, "run VSW_UPDATE_GOLDEN=1 swift test --filter GoldenTests and review the diff")
    }

    @Test("the same script gives the same bytes, twice over, in every mode", arguments: OutputMode.allCases)
    func deterministic(_ mode: OutputMode) throws {
        #expect(try Self.transcript(mode) == Self.transcript(mode))
    }

    @Test("every JSON line of the golden script parses")
    func jsonParses() throws {
        for line in try Self.transcript(.json).split(separator: "\n") where !line.hasPrefix("## ") {
            #expect(throws: Never.self, "\(line)") { try JSONSerialization.jsonObject(with: Data(line.utf8)) }
        }
    }
}
