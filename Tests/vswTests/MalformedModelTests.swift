import Foundation
import Testing

/// One malformed model file and what `vsw` must say about it. Every `line:column` here was
/// counted by hand from the fixture text (1-based, in characters); `token` is the text that
/// sits at that place, so a test first checks the hand count against the fixture itself.
struct BadModel: Sendable, CustomTestStringConvertible {
    /// The problem class.
    let problem: String
    var file = "bad.yaml"
    let text: String
    let line: Int
    let column: Int
    /// What the fixture holds at `line:column`.
    let token: String
    /// The key path the message must start with; nil for syntax errors, which have none.
    let path: String?
    /// Phrases the message must contain: what is wrong and what to write instead.
    let advice: [String]

    var testDescription: String { problem }

    var prefix: String { "\(file):\(line):\(column): error: " + (path.map { "\($0): " } ?? "") }
}

/// A model that loads with a warning, located.
struct WarnedModel: Sendable, CustomTestStringConvertible {
    let problem: String
    let text: String
    let line: Int
    let column: Int
    let token: String
    let path: String
    let advice: [String]

    var testDescription: String { problem }

    var prefix: String { "bad.yaml:\(line):\(column): warning: \(path): " }
}

/// The text at 1-based `line:column` of `text`, columns counted in Unicode scalars.
func textAt(_ line: Int, _ column: Int, in text: String) -> String {
    let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
    guard line >= 1, line <= lines.count else { return "" }
    let scalars = Array(lines[line - 1].unicodeScalars)
    guard column >= 1, column - 1 <= scalars.count else { return "" }
    var view = String.UnicodeScalarView()
    view.append(contentsOf: scalars[(column - 1)...])
    return String(view)
}

/// Malformed models loaded through the built binary: `vsw --model bad.yaml -c streams`.
@Suite("Malformed model files")
struct MalformedModelTests {
    // Fixtures shared by several cases. Line numbers are given in the comments.

    /// A customer stream `open` with one stage `Apply`, a supporting stream `infra`, and one
    /// link on line 12 (`LINK` is replaced).
    static func linked(_ link: String) -> String {
        """
        model: T
        streams:
          - id: open
            name: Open
            kind: customer
            stages:
              - { name: Apply, time: 1h }
          - id: infra
            name: Infra
            kind: supporting
        integrations:
          - \(link)

        """
    }

    /// One stream `a`; line 6 is the given stream field.
    static func streamField(_ field: String) -> String {
        """
        model: T
        streams:
          - id: a
            name: A
            kind: customer
            \(field)

        """
    }

    /// One stream `a` with a block stage `S1` whose line 8 is the given field.
    static func stageField(_ field: String) -> String {
        """
        model: T
        streams:
          - id: a
            name: A
            kind: customer
            stages:
              - name: S1
                \(field)

        """
    }

    /// Two flow stages; line 8 is `      - { name: S2, time: 1h, defects: VALUE }`, VALUE at column 40.
    static func secondStageDefects(_ value: String) -> String {
        """
        model: T
        streams:
          - id: a
            name: A
            kind: customer
            stages:
              - { name: S1, time: 1h }
              - { name: S2, time: 1h, defects: \(value) }

        """
    }

    static let cases: [BadModel] = [
        BadModel(
            problem: "unknown key (did you mean)",
            text: """
                model: T
                streams:
                  - id: a
                    name: A
                    kind: customer
                    stages:
                      - { name: S1, server: 1, time: 1h }

                """,
            line: 7, column: 21, token: "server:", path: "streams[0].stages[0].server",
            advice: ["unknown key 'server'", "did you mean 'servers'?"]),
        BadModel(
            problem: "unknown top-level key (did you mean)",
            text: "model: T\nstream:\n  - { id: a, name: A, kind: customer }\n",
            line: 2, column: 1, token: "stream:", path: "stream",
            advice: ["unknown key 'stream'", "did you mean 'streams'?"]),
        BadModel(
            problem: "wrong type: a list where a number is meant",
            text: stageField("servers: [1, 2]"),
            // Line 8 `        servers: [1, 2]`: 8 spaces, `servers:` is 9–16, a space, `[` at 18.
            line: 8, column: 18, token: "[1, 2]", path: "streams[0].stages[0].servers",
            advice: ["expected a single value", "found a list"]),
        BadModel(
            problem: "wrong type: a mapping where text is meant",
            text: "model: T\nstreams:\n  - id: a\n    name: { first: A }\n    kind: customer\n",
            line: 4, column: 11, token: "{ first: A }", path: "streams[0].name",
            advice: ["expected a single value", "found a mapping"]),
        BadModel(
            problem: "wrong type: a list where a stream is meant",
            text: "model: T\nstreams:\n  - [a, b]\n",
            line: 3, column: 5, token: "[a, b]", path: "streams[0]",
            advice: ["expected a stream (a mapping of keys to values)", "found a list"]),
        BadModel(
            problem: "missing required key (model name)",
            text: "streams:\n  - { id: a, name: A, kind: customer }\n",
            // The document's mapping starts at 1:1; there is no key path above it.
            line: 1, column: 1, token: "streams:", path: nil,
            advice: ["missing required key 'model'"]),
        BadModel(
            problem: "required key left empty (model name)",
            text: "model:\nstreams:\n  - { id: a, name: A, kind: customer }\n",
            line: 1, column: 1, token: "model:", path: nil,
            advice: ["'model' must not be empty"]),
        BadModel(
            problem: "required key given as empty text (stream id)",
            text: "model: T\nstreams:\n  - { id: \"\", name: A, kind: customer }\n",
            // Reported like an empty `id:`, at the stream's mapping: the `{` at 5.
            line: 3, column: 5, token: "{ id: \"\"", path: "streams[0]",
            advice: ["'id' must not be empty"]),
        BadModel(
            problem: "wrong type: a mapping where a list of stages is meant",
            text: streamField("stages: { name: S1, time: 1h }"),
            // `    stages: { name: S1, time: 1h }`: `stages:` 5–11, the `{` at 13.
            line: 6, column: 13, token: "{ name: S1", path: "streams[0].stages",
            advice: ["expected a list of stages, found a mapping", "one '- ' item per line"]),
        BadModel(
            problem: "missing required key (stream kind)",
            text: """
                model: T
                streams:
                  - id: a
                    name: A
                    stages:
                      - { name: S1, servers: 1, time: 1h }

                """,
            // The stream's mapping starts at its first key.
            line: 3, column: 5, token: "id: a", path: "streams[0]",
            advice: ["missing required key 'kind'"]),
        BadModel(
            problem: "missing required key (stage name)",
            text: "model: T\nstreams:\n  - id: a\n    name: A\n    kind: customer\n    stages:\n      - { time: 1h }\n",
            line: 7, column: 9, token: "{ time: 1h }", path: "streams[0].stages[0]",
            advice: ["missing required key 'name'"]),
        BadModel(
            problem: "bad kind value",
            text: "model: T\nstreams:\n  - id: a\n    name: A\n    kind: custmer\n",
            line: 5, column: 11, token: "custmer", path: "streams[0].kind",
            advice: ["'custmer' is not a stream kind", "did you mean 'customer'?", "customer or supporting"]),
        BadModel(
            problem: "bare number duration",
            text: stageField("time: 20"),
            // `        time: 20`: `time:` is 9–13, the value at 15.
            line: 8, column: 15, token: "20", path: "streams[0].stages[0].time",
            advice: ["'20' needs a unit", "e.g. 20m"]),
        BadModel(
            problem: "unknown time unit",
            text: stageField("time: 2hrs"),
            line: 8, column: 15, token: "2hrs", path: "streams[0].stages[0].time",
            advice: ["unknown time unit 'hrs'", "s, m, h, d or w"]),
        BadModel(
            problem: "duration with a sign",
            text: stageField("wait: -1h"),
            line: 8, column: 15, token: "-1h", path: "streams[0].stages[0].wait",
            advice: ["must not carry a sign", "e.g. 1h"]),
        BadModel(
            problem: "bad rate unit",
            text: streamField("demand: 100/month"),
            // `    demand: 100/month`: `demand:` is 5–11, the value at 13.
            line: 6, column: 13, token: "100/month", path: "streams[0].demand",
            advice: ["unknown period '/month'", "/day or /week"]),
        BadModel(
            problem: "plain number above 1 for a fraction",
            text: secondStageDefects("3"),
            line: 8, column: 40, token: "3 }", path: "streams[0].stages[1].defects",
            advice: ["'3' is a fraction 0…1; did you mean 3%?"]),
        BadModel(
            problem: "probability above 100 %",
            text: secondStageDefects("150%"),
            line: 8, column: 40, token: "150%", path: "streams[0].stages[1].defects",
            advice: ["'150%' is above 100%", "0…100%"]),
        BadModel(
            problem: "defects exactly 100 %",
            text: secondStageDefects("100%"),
            line: 8, column: 40, token: "100%", path: "streams[0].stages[1].defects",
            advice: ["below 100%"]),
        BadModel(
            problem: "strength outside 0–1",
            text: linked("{ from: infra, to: open/Apply, effect: capacity, strength: 1.5 }"),
            // `  - { from: infra, to: open/Apply, effect: capacity, strength: 1.5 }`: `{` at 5,
            // `from: infra,` 7–18, `to: open/Apply,` 20–34, `effect: capacity,` 36–52, `strength:` 54–62, value 64.
            line: 12, column: 64, token: "1.5 }", path: "integrations[0].strength",
            advice: ["'1.5' is a fraction 0…1"]),
        BadModel(
            problem: "negative strength",
            text: linked("{ from: infra, to: open/Apply, effect: capacity, strength: -0.5 }"),
            line: 12, column: 64, token: "-0.5", path: "integrations[0].strength",
            advice: ["must not carry a sign", "e.g. 0.5"]),
        BadModel(
            problem: "servers 0",
            text: stageField("servers: 0"),
            line: 8, column: 18, token: "0", path: "streams[0].stages[0].servers",
            advice: ["at least 1 server"]),
        BadModel(
            problem: "servers not a whole number",
            text: stageField("servers: 2.5"),
            line: 8, column: 18, token: "2.5", path: "streams[0].stages[0].servers",
            advice: ["not a whole number of servers", "e.g. 4"]),
        BadModel(
            problem: "cv not a number",
            text: stageField("cv: high"),
            // `        cv: high`: `cv:` is 9–11, the value at 13.
            line: 8, column: 13, token: "high", path: "streams[0].stages[0].cv",
            advice: ["'high' is not a number", "e.g. 0.5"]),
        BadModel(
            problem: "negative demand",
            text: streamField("demand: -5/day"),
            line: 6, column: 13, token: "-5/day", path: "streams[0].demand",
            advice: ["negative", "above zero", "e.g. 120/day"]),
        BadModel(
            problem: "zero demand",
            text: streamField("demand: 0/day"),
            line: 6, column: 13, token: "0/day", path: "streams[0].demand",
            advice: ["zero", "above zero", "leave it out"]),
        BadModel(
            problem: "bad date",
            text: streamField("reviewed: 2026-02-30"),
            // `    reviewed: 2026-02-30`: `reviewed:` is 5–13, the value at 15.
            line: 6, column: 15, token: "2026-02-30", path: "streams[0].reviewed",
            advice: ["not a day of the calendar", "YYYY-MM-DD"]),
        BadModel(
            problem: "date in the wrong form",
            text: streamField("reviewed: 01/06/2026"),
            line: 6, column: 15, token: "01/06/2026", path: "streams[0].reviewed",
            advice: ["not a date", "YYYY-MM-DD, e.g. 2026-06-01"]),
        BadModel(
            problem: "not a boolean",
            text: streamField("trigger: { by: Customer, external: maybe }"),
            // `    trigger: { by: Customer, external: maybe }`: `{` at 14, `by: Customer,` 16–28, `external:` 30–38.
            line: 6, column: 40, token: "maybe", path: "streams[0].trigger.external",
            advice: ["'maybe' is not true or false"]),
        BadModel(
            problem: "bad review interval",
            text: "model: T\nreview_interval: 12 monts\n",
            line: 2, column: 18, token: "12 monts", path: "review_interval",
            advice: ["not a review interval", "12 months"]),
        BadModel(
            problem: "assessment outside 1–5",
            text: "model: T\ncapabilities:\n  - { id: kyc, name: KYC, assessment: 7 }\n",
            // `  - { id: kyc, name: KYC, assessment: 7 }`: `id: kyc,` 7–14, `name: KYC,` 16–25, `assessment:` 27–37.
            line: 3, column: 39, token: "7 }", path: "capabilities[0].assessment",
            advice: ["whole number 1–5"]),
        BadModel(
            problem: "duplicate stream id",
            text: "model: T\nstreams:\n  - id: a\n    name: A\n    kind: customer\n  - id: a\n    name: B\n    kind: supporting\n",
            // The second stream's id: `  - id: a` on line 6, the value at 9.
            line: 6, column: 9, token: "a", path: "streams[1].id",
            advice: ["duplicate stream id 'a'", "first at streams[0]", "give each stream its own id"]),
        BadModel(
            problem: "duplicate stage name",
            text: """
                model: T
                streams:
                  - id: a
                    name: A
                    kind: customer
                    stages:
                      - { name: Check, time: 1h }
                      - { name: check, time: 2h }

                """,
            line: 8, column: 17, token: "check", path: "streams[0].stages[1].name",
            advice: ["duplicate stage name 'check'", "first at stages[0]", "give each stage its own name"]),
        BadModel(
            problem: "duplicate capability id",
            text: "model: T\ncapabilities:\n  - { id: kyc, name: KYC }\n  - { id: KYC, name: Know your customer }\n",
            line: 4, column: 11, token: "KYC", path: "capabilities[1].id",
            advice: ["duplicate capability id 'KYC'", "give each capability its own id"]),
        BadModel(
            problem: "unknown capability parent (did you mean)",
            text: "model: T\ncapabilities:\n  - { id: customer-mgmt, name: Customer }\n  - { id: kyc, name: KYC, parent: custmer-mgmt }\n",
            // `  - { id: kyc, name: KYC, parent: custmer-mgmt }`: `parent:` is 27–33, the value at 35.
            line: 4, column: 35, token: "custmer-mgmt", path: "capabilities[1].parent",
            advice: ["no capability 'custmer-mgmt'", "did you mean 'customer-mgmt'?"]),
        BadModel(
            problem: "dangling integration from",
            text: linked("{ from: infa, to: open/Apply, effect: capacity }"),
            // `  - { from: infa, …`: `from:` is 7–11, the value at 13.
            line: 12, column: 13, token: "infa", path: "integrations[0].from",
            advice: ["no stream 'infa'", "did you mean 'infra'?"]),
        BadModel(
            problem: "dangling to stage (did you mean)",
            text: linked("{ from: infra, to: open/Aply, effect: capacity }"),
            // `  - { from: infra, to: open/Aply, …`: `from: infra,` 7–18, `to:` 20–22, the value at 24.
            line: 12, column: 24, token: "open/Aply", path: "integrations[0].to",
            advice: ["no stage 'Aply' in stream 'open'", "did you mean 'Apply'?"]),
        BadModel(
            problem: "dangling to stream (did you mean)",
            text: linked("{ from: infra, to: opne/Apply, effect: capacity }"),
            line: 12, column: 24, token: "opne/Apply", path: "integrations[0].to",
            advice: ["no stream 'opne'", "did you mean 'open'?"]),
        BadModel(
            problem: "link to a customer stream without a stage",
            text: linked("{ from: infra, to: open, effect: capacity }"),
            line: 12, column: 24, token: "open,", path: "integrations[0].to",
            advice: ["must name a stage", "e.g. open/Apply"]),
        BadModel(
            problem: "bad effect (did you mean)",
            text: linked("{ from: infra, to: open/Apply, effect: capasity }"),
            // `effect:` is 36–42, the value at 44.
            line: 12, column: 44, token: "capasity", path: "integrations[0].effect",
            advice: ["'capasity' is not an effect", "did you mean 'capacity'?"]),
        BadModel(
            problem: "rework_to unknown",
            text: """
                model: T
                streams:
                  - id: a
                    name: A
                    kind: customer
                    stages:
                      - name: Intake
                        time: 1h
                      - name: Check
                        time: 1h
                        defects: 5%
                        rework_to: Intak

                """,
            // `        rework_to: Intak`: `rework_to:` is 9–18, the value at 20.
            line: 12, column: 20, token: "Intak", path: "streams[0].stages[1].rework_to",
            advice: ["no stage 'Intak'", "did you mean 'Intake'?"]),
        BadModel(
            problem: "rework_to a later stage",
            text: """
                model: T
                streams:
                  - id: a
                    name: A
                    kind: customer
                    stages:
                      - name: Intake
                        time: 1h
                        defects: 5%
                        rework_to: Check
                      - name: Check
                        time: 1h

                """,
            line: 10, column: 20, token: "Check", path: "streams[0].stages[0].rework_to",
            advice: ["'Check' is a later stage", "name this stage or an earlier one"]),
        BadModel(
            problem: "unknown capability on a stage (did you mean)",
            text: """
                model: T
                streams:
                  - id: a
                    name: A
                    kind: customer
                    stages:
                      - { name: Verify, time: 1h, capabilities: [kcy] }
                capabilities:
                  - { id: kyc, name: Identity & KYC }

                """,
            // `      - { name: Verify, time: 1h, capabilities: [kcy] }`: `{` at 9, `name: Verify,` 11–23,
            // `time: 1h,` 25–33, `capabilities:` 35–47, `[` at 49, `kcy` at 50.
            line: 7, column: 50, token: "kcy]", path: "streams[0].stages[0].capabilities[0]",
            advice: ["no capability 'kcy'", "did you mean 'kyc'?"]),
        BadModel(
            problem: "bad enum in responds driver (did you mean)",
            text: """
                model: T
                streams:
                  - id: a
                    name: A
                    kind: customer
                    metrics:
                      - name: NPS
                        category: customer
                        responds: { time_to_value_p90: -0.2 }

                """,
            // `        responds: { time_to_value_p90: -0.2 }`: `responds:` 9–17, `{` at 19, the key at 21.
            line: 9, column: 21, token: "time_to_value_p90:", path: "streams[0].metrics[0].responds.time_to_value_p90",
            advice: ["unknown key 'time_to_value_p90'", "did you mean 'time_to_value_p90_h'?"]),
        BadModel(
            problem: "bad response range",
            text: """
                model: T
                streams:
                  - id: a
                    name: A
                    kind: customer
                    metrics:
                      - name: NPS
                        category: customer
                        responds: { defect_rate: -1, range: [100, -100] }

                """,
            // `responds:` 9–17, `{` 19, `defect_rate: -1,` 21–36, `range:` 38–43, `[` at 45.
            line: 9, column: 45, token: "[100, -100]", path: "streams[0].metrics[0].responds.range",
            advice: ["low below high", "e.g. [-100, 100]"]),
        BadModel(
            problem: "bad metric category (did you mean)",
            text: """
                model: T
                streams:
                  - id: a
                    name: A
                    kind: customer
                    metrics:
                      - name: NPS
                        category: custmer

                """,
            // `        category: custmer`: `category:` 9–17, the value at 19.
            line: 8, column: 19, token: "custmer", path: "streams[0].metrics[0].category",
            advice: ["not a metric category", "did you mean 'customer'?"]),
        BadModel(
            problem: "YAML syntax error",
            text: "model: T\nstreams:\n  - id: a\n    name: A: B\n    kind: customer\n",
            // `    name: A: B`: `name:` is 5–9, `A` at 11, the second `:` at 12.
            line: 4, column: 12, token: ": B", path: nil,
            advice: ["syntax error", "mapping values are not allowed"]),
        BadModel(
            problem: "JSON syntax error",
            file: "bad.json",
            text: """
                {
                  "model": "T",
                  "streams": [
                    { "id": "a" "name": "A", "kind": "customer" }
                  ]
                }

                """,
            // `    { "id": "a" "name": …`: `{` at 5, `"id":` 7–11, `"a"` 13–15, `"name"` at 17.
            line: 4, column: 17, token: "\"name\"", path: nil,
            advice: ["syntax error", "expected ','"]),
        BadModel(
            problem: "JSON with a field error",
            file: "bad.json",
            text: """
                {
                  "model": "T",
                  "streams": [
                    { "id": "a", "name": "A", "kind": "customer",
                      "stages": [ { "name": "S1", "time": 20 } ] }
                  ]
                }

                """,
            // `      "stages": [ { "name": "S1", "time": 20 } ] }`: `"stages":` 7–15, `[` 17, `{` 19,
            // `"name": "S1",` 21–33, `"time":` 35–41, `20` at 43.
            line: 5, column: 43, token: "20 }", path: "streams[0].stages[0].time",
            advice: ["'20' needs a unit", "e.g. 20m"]),
    ]

    @Test("the hand-counted places point at the intended text in each fixture", arguments: cases)
    func handCounts(bad: BadModel) {
        #expect(textAt(bad.line, bad.column, in: bad.text).hasPrefix(bad.token),
                "\(bad.problem): \(bad.line):\(bad.column) holds '\(textAt(bad.line, bad.column, in: bad.text).prefix(20))'")
    }

    @Test("a malformed model fails to load with one located diagnostic that says what to write", arguments: cases)
    func malformed(bad: BadModel) throws {
        let folder = try Binary.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        try Data(bad.text.utf8).write(to: folder.appendingPathComponent(bad.file))
        let output = try Binary.run(["--model", bad.file, "-c", "streams"], directory: folder)

        #expect(output.status == 1, "\(bad.problem): exit status \(output.status)\n\(output.stderr)")
        #expect(!output.stderr.contains("Fatal error") && !output.stderr.contains("Crash"), "\(bad.problem) crashed:\n\(output.stderr)")
        #expect(output.stdout.isEmpty, "\(bad.problem): the streams command ran on an unloaded model:\n\(output.stdout)")
        #expect(output.stderr.contains("'\(bad.file)' has 1 error; the model was not loaded"), "\(bad.problem):\n\(output.stderr)")

        let diagnostics = output.stderr.split(separator: "\n").map(String.init).filter { $0.hasPrefix("\(bad.file):") }
        #expect(diagnostics.count == 1, "\(bad.problem): expected one diagnostic, got:\n\(diagnostics.joined(separator: "\n"))")
        let located = diagnostics.first { $0.hasPrefix(bad.prefix) }
        #expect(located != nil, "\(bad.problem): expected a line starting '\(bad.prefix)', got:\n\(output.stderr)")
        let message = located ?? diagnostics.first ?? ""
        for phrase in bad.advice {
            #expect(message.contains(phrase), "\(bad.problem): the message should say '\(phrase)':\n\(message)")
        }
        // A message without a key path starts with its words, not with an empty path and ': '.
        #expect(!message.contains(": error: : "), "\(bad.problem): empty key path in:\n\(message)")
    }

    // MARK: Several errors in one file

    /// Reads the diagnostics of `text` loaded as bad.yaml.
    private func load(_ text: String) throws -> (output: Binary.Output, diagnostics: [String]) {
        let folder = try Binary.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        try Data(text.utf8).write(to: folder.appendingPathComponent("bad.yaml"))
        let output = try Binary.run(["--model", "bad.yaml", "-c", "streams"], directory: folder)
        return (output, output.stderr.split(separator: "\n").map(String.init).filter { $0.hasPrefix("bad.yaml:") })
    }

    @Test("several field errors in one file are all reported, each located, in file order")
    func severalFieldErrors() throws {
        let text = """
            model: T
            streams:
              - id: a
                name: A
                kind: customer
                demand: 0/day
                stages:
                  - name: S1
                    time: 20
                    defects: 3
                    severs: 2
              - id: b
                name: B
                kind: suporting

            """
        let expected = [
            "bad.yaml:6:13: error: streams[0].demand: ",
            "bad.yaml:9:15: error: streams[0].stages[0].time: ",
            "bad.yaml:10:18: error: streams[0].stages[0].defects: ",
            "bad.yaml:11:9: error: streams[0].stages[0].severs: ",
            "bad.yaml:14:11: error: streams[1].kind: ",
        ]
        #expect(textAt(10, 18, in: text) == "3")
        #expect(textAt(11, 9, in: text) == "severs: 2")
        #expect(textAt(14, 11, in: text) == "suporting")
        let (output, diagnostics) = try load(text)
        #expect(output.status == 1)
        #expect(output.stderr.contains("'bad.yaml' has 5 errors; the model was not loaded"))
        #expect(diagnostics.count == expected.count, "\(diagnostics.joined(separator: "\n"))")
        for (line, prefix) in zip(diagnostics, expected) {
            #expect(line.hasPrefix(prefix), "expected '\(prefix)…', got '\(line)'")
        }
        #expect(diagnostics.last?.contains("did you mean 'supporting'?") == true)
        #expect(diagnostics.dropFirst(3).first?.contains("did you mean 'servers'?") == true)
    }

    @Test("several cross-reference errors in one file are all reported, each located, in file order")
    func severalSemanticErrors() throws {
        let text = """
            model: T
            streams:
              - id: open
                name: Open
                kind: customer
                stages:
                  - name: Apply
                    time: 1h
                    rework_to: Later
                  - name: Later
                    time: 1h
                    capabilities: [kcy]
                  - name: apply
              - id: infra
                name: Infra
                kind: supporting
              - id: open
                name: Open again
                kind: supporting
            capabilities:
              - { id: kyc, name: KYC }
            integrations:
              - { from: infa, to: open/Apply, effect: capacity }
              - { from: infra, to: open/Aply, effect: latency }

            """
        let expected: [(prefix: String, token: String, says: String)] = [
            ("bad.yaml:9:20: error: streams[0].stages[0].rework_to: ", "Later", "is a later stage"),
            ("bad.yaml:12:24: error: streams[0].stages[1].capabilities[0]: ", "kcy", "did you mean 'kyc'?"),
            ("bad.yaml:13:15: error: streams[0].stages[2].name: ", "apply", "duplicate stage name 'apply'"),
            ("bad.yaml:17:9: error: streams[2].id: ", "open", "duplicate stream id 'open'"),
            ("bad.yaml:23:13: error: integrations[0].from: ", "infa", "did you mean 'infra'?"),
            ("bad.yaml:24:24: error: integrations[1].to: ", "open/Aply", "did you mean 'Apply'?"),
        ]
        for item in expected {
            let place = item.prefix.split(separator: ":").dropFirst().prefix(2).compactMap { Int($0) }
            #expect(textAt(place[0], place[1], in: text).hasPrefix(item.token), "hand count for \(item.prefix)")
        }
        let (output, diagnostics) = try load(text)
        #expect(output.status == 1)
        #expect(output.stderr.contains("'bad.yaml' has 6 errors; the model was not loaded"), "\(output.stderr)")
        #expect(diagnostics.count == expected.count, "\(diagnostics.joined(separator: "\n"))")
        for (line, item) in zip(diagnostics, expected) {
            #expect(line.hasPrefix(item.prefix), "expected '\(item.prefix)…', got '\(line)'")
            #expect(line.contains(item.says), "'\(line)' should say '\(item.says)'")
        }
    }

    @Test("an error and a warning in one file: the load fails and both are listed")
    func errorWithWarning() throws {
        let text = """
            model: T
            streams:
              - id: a
                name: A
                kind: customer
                demand: 24/day
                stages:
                  - { name: S1, servers: 1, time: 1h }
            integrations:
              - { from: nowhere, to: a/S1, effect: capacity }

            """
        let (output, diagnostics) = try load(text)
        #expect(output.status == 1)
        #expect(output.stderr.contains("'bad.yaml' has 1 error; the model was not loaded"), "\(output.stderr)")
        #expect(diagnostics.count == 2, "\(diagnostics)")
        #expect(diagnostics.first?.hasPrefix("bad.yaml:8:9: warning: streams[0].stages[0]: ") == true)
        #expect(diagnostics.last?.hasPrefix("bad.yaml:10:13: error: integrations[0].from: no stream 'nowhere'") == true)
    }

    // MARK: Warnings

    static let warnings: [WarnedModel] = [
        WarnedModel(
            problem: "a customer→customer link",
            text: """
                model: T
                streams:
                  - id: a
                    name: A
                    kind: customer
                    stages:
                      - { name: S1, servers: 1, time: 1h }
                  - id: b
                    name: B
                    kind: customer
                    stages:
                      - { name: T1, servers: 1, time: 1h }
                integrations:
                  - { from: a, to: b/T1, effect: capacity, sla: { availability: 99% } }

                """,
            // The link's mapping on line 14: `  - {`, the `{` at 5.
            line: 14, column: 5, token: "{ from: a", path: "integrations[0]",
            advice: ["link 'a -> b/T1 (capacity)' runs from customer stream 'a' to customer stream 'b'"]),
        WarnedModel(
            problem: "a customer→supporting link",
            text: """
                model: T
                streams:
                  - id: a
                    name: A
                    kind: customer
                    stages:
                      - { name: S1, servers: 1, time: 1h }
                  - id: x
                    name: X
                    kind: supporting
                integrations:
                  - { from: a, to: x, effect: latency }

                """,
            line: 12, column: 5, token: "{ from: a", path: "integrations[0]",
            advice: ["runs from customer stream 'a' to supporting stream 'x'"]),
        WarnedModel(
            problem: "a supporting→supporting dependency cycle",
            text: """
                model: T
                streams:
                  - id: x
                    name: X
                    kind: supporting
                  - id: y
                    name: Y
                    kind: supporting
                integrations:
                  - { from: x, to: y, effect: latency }
                  - { from: y, to: x, effect: capacity }

                """,
            line: 10, column: 5, token: "{ from: x", path: "integrations[0]",
            advice: ["dependency cycle: x -> y -> x"]),
        WarnedModel(
            problem: "a stage at utilisation exactly 100 %",
            text: """
                model: T
                streams:
                  - id: a
                    name: A
                    kind: customer
                    demand: 24/day
                    stages:
                      - { name: S1, servers: 1, time: 1h }

                """,
            // The stage's mapping on line 8: `      - {`, the `{` at 9.
            line: 8, column: 9, token: "{ name: S1", path: "streams[0].stages[0]",
            advice: ["stage 'S1' of 'a' is at utilisation 100.0% (≥ 100%)"]),
        WarnedModel(
            problem: "a stage above 100 % through rework",
            text: """
                model: T
                streams:
                  - id: a
                    name: A
                    kind: customer
                    demand: 20/day
                    stages:
                      - { name: S1, servers: 2, time: 30m }
                      - { name: S2, servers: 1, time: 1h, defects: 20%, rework_to: S1 }

                """,
            // 20/day × 1.25 visits × 1h / 1 server = 104.2 %; S1 is at 26 %.
            line: 9, column: 9, token: "{ name: S2", path: "streams[0].stages[1]",
            advice: ["stage 'S2' of 'a' is at utilisation 104.2%"]),
        WarnedModel(
            problem: "a stream segment the model does not define",
            text: """
                model: T
                segments:
                  - { name: Retail }
                streams:
                  - id: a
                    name: A
                    kind: customer
                    segments: [Retial]

                """,
            // `    segments: [Retial]`: `segments:` 5–13, `[` 15, the name at 16.
            line: 8, column: 16, token: "Retial", path: "streams[0].segments[0]",
            advice: ["no segment 'Retial' in the model", "did you mean 'Retail'?"]),
        WarnedModel(
            problem: "a classification record that disagrees with the declared kind",
            text: """
                model: T
                streams:
                  - id: a
                    name: A
                    kind: customer
                    classification: { kind: supporting }

                """,
            // `    classification: { kind: supporting }`: `classification:` 5–19, `{` 21, `kind:` 23–27, value 29.
            line: 6, column: 29, token: "supporting", path: "streams[0].classification.kind",
            advice: ["declared 'customer'", "classification record says 'supporting'"]),
    ]

    @Test("the hand-counted warning places point at the intended text", arguments: warnings)
    func warningHandCounts(warned: WarnedModel) {
        #expect(textAt(warned.line, warned.column, in: warned.text).hasPrefix(warned.token), "\(warned.problem)")
    }

    @Test("a model with a warning loads (exit 0) and prints the warning, located, on stderr", arguments: warnings)
    func warning(warned: WarnedModel) throws {
        let (output, diagnostics) = try load(warned.text)
        #expect(output.status == 0, "\(warned.problem): exit status \(output.status)\n\(output.stderr)")
        #expect(output.stdout.contains("id  name"), "\(warned.problem): the streams command should run:\n\(output.stdout)")
        #expect(diagnostics.count == 1, "\(warned.problem): \(diagnostics)")
        let located = diagnostics.first { $0.hasPrefix(warned.prefix) }
        #expect(located != nil, "\(warned.problem): expected '\(warned.prefix)…', got:\n\(output.stderr)")
        for phrase in warned.advice {
            #expect(located?.contains(phrase) == true, "\(warned.problem): should say '\(phrase)':\n\(output.stderr)")
        }
        #expect(!output.stderr.contains(": error: "))
    }

    @Test("several warnings in one file are all printed, and the model loads")
    func severalWarnings() throws {
        let text = """
            model: T
            streams:
              - id: a
                name: A
                kind: customer
                demand: 24/day
                stages:
                  - { name: S1, servers: 1, time: 1h }
              - id: x
                name: X
                kind: supporting
              - id: y
                name: Y
                kind: supporting
            integrations:
              - { from: x, to: y, effect: latency }
              - { from: y, to: x, effect: capacity }
              - { from: a, to: x, effect: quality }

            """
        let (output, diagnostics) = try load(text)
        #expect(output.status == 0, "\(output.stderr)")
        let expected = [
            "bad.yaml:8:9: warning: streams[0].stages[0]: ",
            "bad.yaml:16:5: warning: integrations[0]: dependency cycle: x -> y -> x",
            "bad.yaml:18:5: warning: integrations[2]: ",
        ]
        #expect(diagnostics.count == expected.count, "\(diagnostics)")
        for (line, prefix) in zip(diagnostics, expected) {
            #expect(line.hasPrefix(prefix), "expected '\(prefix)…', got '\(line)'")
        }
        #expect(output.stdout.contains("id  name"), "\(output.stdout)")
    }

    @Test("a file that is not there, or not a model format, is one error naming it")
    func unreadableFiles() throws {
        let folder = try Binary.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        try Data("model: T\n".utf8).write(to: folder.appendingPathComponent("notes.txt"))
        for (name, says) in [("missing.yaml", "no such file"), ("notes.txt", ".yaml"), ("inventory.csv", "not supported yet")] {
            let output = try Binary.run(["--model", name, "-c", "streams"], directory: folder)
            #expect(output.status == 1, "\(name)")
            #expect(output.stderr.hasPrefix("<command-line>:1:1: error: "), "\(name): \(output.stderr)")
            #expect(output.stderr.contains(says), "\(name): \(output.stderr)")
            #expect(output.stderr.contains("'\(name)'"), "\(name): \(output.stderr)")
        }
    }
}
