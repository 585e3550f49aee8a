import Foundation
import Testing
@testable import ModelFormats
import ValueStreams

/// What the writers promise (DESIGN §4): the file they write reads back to an equal model,
/// keeps unit strings as typed, uses the canonical key order, and a second render is
/// byte-identical to the first.
@Suite("Model round trips")
struct RoundTripTests {
    /// The repository's `sessions/models` folder, from this file's place in the checkout.
    static let modelsFolder = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("sessions").appendingPathComponent("models")

    /// The sample model files, by name.
    static func sampleNames() -> [String] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: modelsFolder.path)) ?? []
        return names.filter { $0.hasSuffix(".yaml") }.sorted()
    }

    private func read(_ text: String, _ file: String) throws -> LoadedModel {
        try ModelReader.read(text, file: file).get()
    }

    /// The first place two models differ, for a readable failure.
    private func difference(_ a: Model, _ b: Model) -> String? {
        if a.name != b.name { return "name: \(a.name) vs \(b.name)" }
        if a.reviewInterval != b.reviewInterval { return "review_interval: \(String(describing: a.reviewInterval)) vs \(String(describing: b.reviewInterval))" }
        if a.segments != b.segments { return "segments: \(a.segments) vs \(b.segments)" }
        if a.stakeholders != b.stakeholders { return "stakeholders: \(a.stakeholders) vs \(b.stakeholders)" }
        if a.streams.count != b.streams.count { return "streams: \(a.streams.count) vs \(b.streams.count)" }
        for (index, (x, y)) in zip(a.streams, b.streams).enumerated() where x != y {
            if x.stages != y.stages {
                for (stageIndex, (s, t)) in zip(x.stages, y.stages).enumerated() where s != t {
                    return "streams[\(index)].stages[\(stageIndex)]: \(s) vs \(t)"
                }
                return "streams[\(index)].stages: \(x.stages.count) vs \(y.stages.count) stages"
            }
            if x.metrics != y.metrics { return "streams[\(index)].metrics: \(x.metrics) vs \(y.metrics)" }
            return "streams[\(index)]: \(x) vs \(y)"
        }
        if a.capabilities != b.capabilities { return "capabilities: \(a.capabilities) vs \(b.capabilities)" }
        for (index, (x, y)) in zip(a.integrations, b.integrations).enumerated() where x != y {
            return "integrations[\(index)]: \(x) vs \(y)"
        }
        if a.integrations.count != b.integrations.count { return "integrations: \(a.integrations.count) vs \(b.integrations.count)" }
        return a == b ? nil : "the models differ"
    }

    /// Renders `loaded` in both formats, reads each back, and checks the model, the warnings
    /// and that a second render is byte-identical.
    private func checkRoundTrip(_ loaded: LoadedModel, _ what: String,
                                sourceLocation: SourceLocation = #_sourceLocation) throws {
        let model = loaded.model
        for format in ModelFormat.allCases {
            let file = "round-trip.\(format.rawValue)"
            let text = ModelFiles.render(model, as: format)
            let again = ModelFiles.render(model, as: format)
            #expect(text == again, "\(what): rendering the same model twice as \(format) differs", sourceLocation: sourceLocation)
            let back: LoadedModel
            do {
                back = try read(text, file)
            } catch {
                Issue.record("\(what): the \(format) the writer wrote does not read back:\n\(error)\n--- text ---\n\(text)",
                             sourceLocation: sourceLocation)
                continue
            }
            let diff = difference(model, back.model)
            #expect(diff == nil, "\(what) through \(format)", sourceLocation: sourceLocation)
            #expect(back.warnings.map(\.message) == loaded.warnings.map(\.message), "\(what): warnings through \(format)",
                    sourceLocation: sourceLocation)
            let second = ModelFiles.render(back.model, as: format)
            #expect(second == text, "\(what): the second \(format) render is not byte-identical to the first",
                    sourceLocation: sourceLocation)
            // Crossing formats changes nothing either.
            let other: ModelFormat = format == .yaml ? .json : .yaml
            #expect(ModelFiles.render(back.model, as: other) == ModelFiles.render(model, as: other),
                    "\(what): \(format) then \(other) differs from \(other) directly", sourceLocation: sourceLocation)
        }
    }

    // MARK: The demo and the samples

    @Test("the demo survives YAML and JSON round trips")
    func demoRoundTrip() throws {
        let demo = try ModelFiles.demo().get()
        try checkRoundTrip(demo, "demo")
    }

    @Test("the demo's own text reads to the same model as its rendering")
    func demoTextIsCanonical() throws {
        let demo = try ModelFiles.demo().get()
        let rendered = ModelFiles.render(demo.model, as: .yaml)
        #expect(try read(rendered, "demo.yaml").model == demo.model)
        #expect(ModelFiles.demoText == DemoOrganisation.yaml)
    }

    @Test("there are sample models to round-trip")
    func samplesExist() {
        #expect(Self.sampleNames().count >= 2, "expected the sample models in \(Self.modelsFolder.path)")
        #expect(Self.sampleNames().contains("harbor-insurance.yaml"))
        #expect(Self.sampleNames().contains("riverside-health.yaml"))
    }

    @Test("each sample model survives YAML and JSON round trips", arguments: sampleNames())
    func sampleRoundTrip(name: String) throws {
        let path = Self.modelsFolder.appendingPathComponent(name).path
        let loaded = try ModelFiles.read(path: path, name: name).get()
        #expect(!loaded.model.streams.isEmpty)
        try checkRoundTrip(loaded, name)
    }

    // MARK: Values as typed

    static let unitsText = """
        model: Units
        review_interval: 6 months
        streams:
          - id: s
            name: S
            kind: customer
            demand: 3/week
            promise: 1.5w
            stages:
              - { name: Long, servers: 2, time: 1440m, wait: 0.5d, defects: 2.5% }
              - { name: Short, time: 90s, cv: 0.25, defects: 0.010 }
            metrics:
              - { name: Lead time, category: customer, unit: h, direction: down, baseline: 4.5h, target: 48h }
              - { name: Availability, category: efficiency, unit: "%", baseline: 99.50%, target: 100 }
          - id: t
            name: T
            kind: supporting
            demand: 0.5/h
            service_level: { availability: 99.9%, capacity: 0.95, latency: 30m, errors: 0.5% }
        integrations:
          - { from: t, to: s/Long, effect: latency, strength: 0.60, sla: { latency: 2h } }

        """

    @Test("unit strings come back exactly as typed in YAML")
    func unitsKeptInYAML() throws {
        let loaded = try read(Self.unitsText, "units.yaml")
        let yaml = ModelFiles.render(loaded.model, as: .yaml)
        let lines = yaml.split(separator: "\n").map(String.init)
        #expect(lines.contains("review_interval: 6 months"))
        #expect(lines.contains("    demand: 3/week"))
        #expect(lines.contains("    promise: 1.5w"))
        #expect(lines.contains("      - { name: Long, servers: 2, time: 1440m, wait: 0.5d, defects: 2.5% }"))
        #expect(lines.contains("      - { name: Short, time: 90s, cv: 0.25, defects: 0.010 }"))
        #expect(yaml.contains("baseline: 4.5h, target: 48h"))
        #expect(yaml.contains("baseline: 99.50%, target: 100"))
        #expect(lines.contains("    demand: 0.5/h"))
        #expect(lines.contains("    service_level: { availability: 99.9%, capacity: 0.95, latency: 30m, errors: 0.5% }"))
        #expect(yaml.contains("strength: 0.60, sla: { latency: 2h }"))
        // And the values mean what they say.
        let stage = try #require(loaded.model.streams.first?.stages.first)
        #expect(stage.time?.hours == 24)
        #expect(stage.wait?.hours == 12)
        #expect(stage.defects?.value == 0.025)
        #expect(loaded.model.streams.first?.demand?.perHour == 3.0 / 168)
        #expect(loaded.model.reviewInterval?.length == .months(6))
        try checkRoundTrip(loaded, "units")
    }

    @Test("unit strings come back exactly as typed in JSON")
    func unitsKeptInJSON() throws {
        let loaded = try read(Self.unitsText, "units.yaml")
        let json = ModelFiles.render(loaded.model, as: .json)
        #expect(json.contains(#""review_interval": "6 months""#))
        #expect(json.contains(#""demand": "3/week""#))
        #expect(json.contains(#"{ "name": "Long", "servers": 2, "time": "1440m", "wait": "0.5d", "defects": "2.5%" }"#))
        #expect(json.contains(#""cv": 0.25"#))
        #expect(json.contains(#""baseline": "4.5h", "target": "48h""#))
        #expect(json.contains(#""baseline": "99.50%", "target": 100"#))
        #expect(!json.contains(#"\/"#), "JSON output must not escape '/'")
        let back = try read(json, "units.json")
        #expect(back.model.streams.first?.stages.first?.time?.text == "1440m")
        #expect(back.model.streams.first?.stages.first?.wait?.text == "0.5d")
        #expect(back.model.streams.first?.demand?.text == "3/week")
        #expect(back.model.streams.first?.stages.first?.defects?.text == "2.5%")
        #expect(back.model.reviewInterval?.text == "6 months")
        #expect(back.model == loaded.model)
    }

    // MARK: Key order

    static let shuffledText = """
        integrations:
          - { description: d, sla: { errors: 1%, latency: 1h, capacity: 90%, availability: 99% }, strength: 50%, effect: latency, to: c/First, from: sup, id: l1 }
        capabilities:
          - { assessment: 2, parent: null, name: Cap, id: cap }
        streams:
          - cost: 5
            metrics:
              - { responds: { range: [0, 10], defect_rate: -1, time_to_value_mean_h: -0.5 }, target: 9, baseline: 5, direction: up, unit: points, category: customer, name: NPS }
            stages:
              - { cost: 3, exit: done, entrance: start, capabilities: [cap], rework_to: First, defects: 1%, wait: 1h, cv: 0.5, time: 2h, servers: 2, functions: [Ops], name: First }
            governance: { members: [Boss], forum: Board, model: cross-functional }
            signoffs:
              - { stale: true, note: ok, on: 2026-01-02, verdict: agree, function: Ops, by: Pat }
            classification: { because: why, on: 2026-01-01, by: Fac, kind: customer }
            reviewed: 2026-01-03
            service_level: { errors: 0%, latency: 0h, capacity: 100%, availability: 100% }
            promise: 2d
            demand: 10/day
            segments: [Retail]
            serves: external
            owner: { reach: cross-functional, name: Olive }
            value: Value
            trigger: { external: true, event: asks, by: Customer }
            kind: customer
            name: Customer stream
            id: c
          - { kind: supporting, name: Support, id: sup }
        stakeholders:
          - { function: Ops, name: Pat }
        segments:
          - { expects: fast, name: Retail }
        review_interval: 1y
        model: Shuffled

        """

    static let canonicalText = """
        model: Shuffled
        review_interval: 1y
        segments:
          - { name: Retail, expects: fast }
        stakeholders:
          - { name: Pat, function: Ops }
        streams:
          - id: c
            name: Customer stream
            kind: customer
            trigger: { by: Customer, event: asks, external: true }
            value: Value
            owner: { name: Olive, reach: cross-functional }
            serves: external
            segments: [Retail]
            demand: 10/day
            promise: 2d
            service_level: { availability: 100%, capacity: 100%, latency: 0h, errors: 0% }
            reviewed: 2026-01-03
            classification: { kind: customer, by: Fac, on: 2026-01-01, because: why }
            signoffs:
              - { by: Pat, function: Ops, verdict: agree, on: 2026-01-02, note: ok, stale: true }
            governance: { model: cross-functional, forum: Board, members: [Boss] }
            stages:
              - { name: First, functions: [Ops], servers: 2, time: 2h, cv: 0.5, wait: 1h, defects: 1%, rework_to: First, capabilities: [cap], entrance: start, exit: done, cost: 3 }
            metrics:
              - { name: NPS, category: customer, unit: points, direction: up, baseline: 5, target: 9, responds: { time_to_value_mean_h: -0.5, defect_rate: -1, range: [0, 10] } }
            cost: 5
          - id: sup
            name: Support
            kind: supporting
        capabilities:
          - { id: cap, name: Cap, assessment: 2 }
        integrations:
          - { id: l1, from: sup, to: c/First, effect: latency, strength: 50%, sla: { availability: 99%, capacity: 90%, latency: 1h, errors: 1% }, description: d }

        """

    /// The keys of a flow mapping `{ k: v, … }` at its top level, in order.
    private func flowKeys(_ line: Substring) -> [String] {
        guard let open = line.firstIndex(of: "{") else { return [] }
        var keys: [String] = []
        var depth = 0
        var current = ""
        var readingKey = true
        for character in line[line.index(after: open)...] {
            switch character {
            case "{", "[": depth += 1; if depth > 0 { readingKey = false }
            case "}", "]": depth -= 1
            case "," where depth == 0: readingKey = true; current = ""
            case ":" where depth == 0 && readingKey:
                keys.append(current.trimmingCharacters(in: .whitespaces)); readingKey = false
            default: if readingKey && depth == 0 { current.append(character) }
            }
            if depth < 0 { break }
        }
        return keys
    }

    @Test("the writer lists keys in the canonical order whatever the input's order")
    func canonicalKeyOrder() throws {
        let loaded = try read(Self.shuffledText, "shuffled.yaml")
        #expect(loaded.warnings.isEmpty)
        let yaml = ModelFiles.render(loaded.model, as: .yaml)
        let lines = yaml.split(separator: "\n")

        let modelKeys = lines.filter { !$0.hasPrefix(" ") }.compactMap { $0.split(separator: ":").first.map(String.init) }
        #expect(modelKeys == ModelSchema.model)

        // The first stream's keys: the line after `streams:` starts `  - id:`, then 4-space keys.
        let start = try #require(lines.firstIndex(of: "  - id: c"))
        var streamKeys = ["id"]
        for line in lines[(start + 1)...] {
            if line.hasPrefix("  - ") || !line.hasPrefix("  ") { break }
            if line.hasPrefix("    "), !line.hasPrefix("     ") {
                streamKeys.append(String(line.dropFirst(4).prefix { $0 != ":" }))
            }
        }
        #expect(streamKeys == ModelSchema.stream)
        #expect(streamKeys == ["id", "name", "kind", "trigger", "value", "owner", "serves", "segments", "demand", "promise",
                               "service_level", "reviewed", "classification", "signoffs", "governance", "stages", "metrics", "cost"])

        let stageLine = try #require(lines.first { $0.hasPrefix("      - { name: First") })
        #expect(flowKeys(stageLine) == ["name", "functions", "servers", "time", "cv", "wait", "defects", "rework_to",
                                        "capabilities", "entrance", "exit", "cost"])
        let metricLine = try #require(lines.first { $0.hasPrefix("      - { name: NPS") })
        #expect(flowKeys(metricLine) == ["name", "category", "unit", "direction", "baseline", "target", "responds"])
        let linkLine = try #require(lines.first { $0.hasPrefix("  - { id: l1") })
        #expect(flowKeys(linkLine) == ["id", "from", "to", "effect", "strength", "sla", "description"])
        let capabilityLine = try #require(lines.first { $0.hasPrefix("  - { id: cap") })
        #expect(flowKeys(capabilityLine) == ["id", "name", "assessment"])

        #expect(yaml == Self.canonicalText)
        try checkRoundTrip(loaded, "shuffled")
    }

    @Test("JSON output uses the same canonical key order")
    func canonicalKeyOrderInJSON() throws {
        let loaded = try read(Self.shuffledText, "shuffled.yaml")
        let json = ModelFiles.render(loaded.model, as: .json)
        func offset(_ key: String, after start: String.Index) -> String.Index? {
            json.range(of: "\"\(key)\":", range: start..<json.endIndex)?.lowerBound
        }
        let streamStart = try #require(json.range(of: #""id": "c""#)?.lowerBound)
        var cursor = streamStart
        for key in ModelSchema.stream.dropFirst() {
            let next = try #require(offset(key, after: cursor), "key \(key) missing or out of order")
            cursor = next
        }
        #expect(try read(json, "shuffled.json").model == loaded.model)
    }

    // MARK: Awkward text

    static let awkwardTexts = [
        "no", "No", "yes", "off", "null", "NULL", "~", "true",
        "a: b", "trailing:", "x #y", "# hash", "C# and F#", "x#y",
        "say \"hi\" \\ back", "\\", "\"", "'", "it's", "'quoted'",
        "Zürich Ünderwriting", "日本語", "🚀 launch", "naïve café",
        "3D printing", "42", "0.5", "1e3", "-5", "+1", ".5", "2026-06-01", "12:30", "0x1F", "1_000",
        "- dash", "-dash", "---", "...", "[bracket]", "{brace}", "a, b", "a]", "?q", "!bang", "&amp", "*star",
        "|pipe", ">gt", "%pct", "@at", "`tick", "<<", "=",
        "  padded ", "tab\there", "line\nbreak", "cr\rhere", "bell\u{7}", "del\u{7F}", "nel\u{85}",
        "zero\u{200D}width", "line\u{2028}separator", "c1\u{81}control", "bom\u{FEFF}inside", "nonchar\u{FFFE}", "a:b", "http://example.com/x", "a /b",
    ]

    /// A model whose names, texts and ids are all awkward for a writer.
    static func awkwardModel() -> Model {
        var stages: [Stage] = []
        var seen = Set<String>()
        // Stage names are unique ignoring case, so `No` and `NULL` stay out of this stream.
        for (index, text) in awkwardTexts.enumerated() where seen.insert(text.lowercased()).inserted {
            stages.append(Stage(name: text, functions: [text], servers: 1, time: Duration(hours: 0.01),
                                entrance: text, exit: "exit \(index): \(text)"))
        }
        let supporting = ValueStream(
            id: "no", name: "no", kind: .supporting, trigger: Trigger(by: "a: b", event: "x #y", external: false),
            value: "say \"hi\" \\ back", owner: Owner(name: "O'Brien #2"), serves: .internal, demand: try? Rate(parsing: "1/day"),
            governance: Governance(model: .functional, forum: "R&D: forum", members: ["yes", "Zürich Ünderwriting"]),
            stages: stages,
            metrics: [Metric(name: "C# and F#", category: .efficiency, unit: "%", direction: .up, baseline: try? Measure(parsing: "42"))])
        let customer = ValueStream(
            id: "3d-printing", name: "3D printing", kind: .customer,
            trigger: Trigger(by: "Zürich Ünderwriting", event: "line\nbreak", external: true),
            value: "- dash", owner: Owner(name: "null", reach: .crossFunctional), serves: .external, segments: ["no"],
            classification: ClassificationRecord(kind: .customer, by: "~", because: "because: \"reasons\" # 1"),
            signoffs: [SignOff(by: "true", function: "'", verdict: .agree, note: "🚀 launch")],
            stages: [Stage(name: "a: b", servers: 2, time: Duration(hours: 1)), Stage(name: "Zürich Ünderwriting", reworkTo: "a: b")])
        return Model(
            name: "Zürich Ünderwriting: \"quoted\" #1 \\ back",
            segments: [Segment(name: "no", expects: "line\nbreak")],
            stakeholders: [Stakeholder(name: "O'Brien", function: "R&D")],
            streams: [supporting, customer],
            capabilities: [Capability(id: "yes", name: "3D printing", parent: nil, assessment: 3)],
            integrations: [IntegrationPoint(id: "off", from: Endpoint(stream: "no"), to: Endpoint(stream: "3d-printing", stage: "a: b"),
                                            effect: .quality, description: "x #y and a: b")])
    }

    @Test("awkward text round-trips through YAML and JSON")
    func awkwardTextRoundTrip() throws {
        let model = Self.awkwardModel()
        #expect(model.validate().filter { $0.severity == .error }.isEmpty, "the fixture itself must be a valid model")
        try checkRoundTrip(LoadedModel(model: model, warnings: []), "awkward")
    }

    @Test("each awkward text round-trips on its own as a model name", arguments: awkwardTexts)
    func awkwardName(text: String) throws {
        let model = Model(name: text, streams: [ValueStream(id: "s", name: text, kind: .customer, stages: [Stage(name: text)])])
        for format in ModelFormat.allCases {
            let rendered = ModelFiles.render(model, as: format)
            let back = try ModelReader.read(rendered, file: "n.\(format.rawValue)").get()
            #expect(back.model.name == text, "through \(format):\n\(rendered)")
            #expect(back.model.streams.first?.name == text)
            #expect(back.model.streams.first?.stages.first?.name == text)
        }
    }

    @Test("awkward text written plainly only when it is safe")
    func awkwardTextIsQuotedInYAML() {
        let yaml = ModelFiles.render(Model(name: "no"), as: .yaml)
        #expect(yaml == "model: \"no\"\n")
        #expect(ModelFiles.render(Model(name: "3D printing"), as: .yaml) == "model: \"3D printing\"\n")
        #expect(ModelFiles.render(Model(name: "a: b"), as: .yaml) == "model: \"a: b\"\n")
        #expect(ModelFiles.render(Model(name: "Zürich Ünderwriting"), as: .yaml) == "model: Zürich Ünderwriting\n")
        #expect(ModelFiles.render(Model(name: "say \"hi\" \\ back"), as: .yaml) == "model: \"say \\\"hi\\\" \\\\ back\"\n")
        #expect(ModelFiles.render(Model(name: "a/b"), as: .json) == "{\n  \"model\": \"a/b\"\n}\n")
    }

    // MARK: Saving

    private func temporaryFolder() throws -> URL {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("vsw-save-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        return folder
    }

    private func contents(_ path: String) -> String? {
        FileManager.default.contents(atPath: path).map { String(decoding: $0, as: UTF8.self) }
    }

    private func inode(_ path: String) -> Int? {
        ((try? FileManager.default.attributesOfItem(atPath: path))?[.systemFileNumber] as? NSNumber)?.intValue
    }

    @Test("save writes a new file with no backup and leaves no temporary file behind", arguments: ["m.yaml", "m.yml", "m.json"])
    func saveNew(name: String) throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let model = try ModelFiles.demo().get().model
        let path = folder.appendingPathComponent(name).path
        let report = try ModelFiles.save(model, to: path).get()
        #expect(report == SaveReport(path: path, backup: nil))
        let format = try #require(ModelFormat(path: name))
        #expect(contents(path) == ModelFiles.render(model, as: format))
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == [name])
        #expect(try ModelFiles.read(path: path).get().model == model)
    }

    @Test("save replaces the file atomically: a hard link to the old file keeps the old text")
    func saveIsAtomic() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("m.yaml").path
        let link = folder.appendingPathComponent("link.yaml").path
        let old = "model: Old\n"
        try Data(old.utf8).write(to: URL(fileURLWithPath: path))
        try FileManager.default.linkItem(atPath: path, toPath: link)
        let before = inode(path)
        let model = try ModelFiles.demo().get().model
        let report = try ModelFiles.save(model, to: path).get()
        #expect(report.backup == nil)
        #expect(contents(path) == ModelFiles.render(model, as: .yaml))
        #expect(contents(link) == old, "the new text was written into the old file rather than renamed over it")
        #expect(before != nil && inode(path) != before)
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted() == ["link.yaml", "m.yaml"])
    }

    @Test("saving over a YAML file with a comment keeps the old one as PATH.bak")
    func saveKeepsCommentedFile() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("m.yaml").path
        let old = "# Northwind, as the workshop left it\nmodel: Northwind Bank   # the name\nstreams: []\n"
        try Data(old.utf8).write(to: URL(fileURLWithPath: path))
        let model = try ModelFiles.demo().get().model
        let report = try ModelFiles.save(model, to: path).get()
        #expect(report == SaveReport(path: path, backup: path + ".bak"))
        #expect(contents(path + ".bak") == old)
        #expect(contents(path) == ModelFiles.render(model, as: .yaml))
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted() == ["m.yaml", "m.yaml.bak"])

        // The file now has no comments: saving again makes no new backup and leaves the old one.
        let second = try ModelFiles.save(model, to: path).get()
        #expect(second.backup == nil)
        #expect(contents(path + ".bak") == old)
    }

    @Test("a comment on the end of a line counts as a comment")
    func saveKeepsTrailingComment() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("m.yaml").path
        let old = "model: Northwind Bank # the name\n"
        try Data(old.utf8).write(to: URL(fileURLWithPath: path))
        let report = try ModelFiles.save(Model(name: "N"), to: path).get()
        #expect(report.backup == path + ".bak")
        #expect(contents(path + ".bak") == old)
    }

    @Test("saving over a YAML file without comments makes no backup",
          arguments: ["model: Plain\nstreams: []\n", "model: \"A # not a comment\"\n", "model: C#, F# and x#y\n",
                      "model: 'it''s # quoted'\n", "model: \"say \\\"hi\\\" # quoted\"\n"])
    func saveWithoutComments(old: String) throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("m.yaml").path
        try Data(old.utf8).write(to: URL(fileURLWithPath: path))
        let report = try ModelFiles.save(Model(name: "Northwind"), to: path).get()
        #expect(report.backup == nil)
        #expect(!FileManager.default.fileExists(atPath: path + ".bak"))
        #expect(contents(path) == "model: Northwind\n")
    }

    @Test("saving over a JSON file never makes a backup")
    func saveJSONNoBackup() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("m.json").path
        try Data("{ \"model\": \"x # y\" }\n".utf8).write(to: URL(fileURLWithPath: path))
        let report = try ModelFiles.save(Model(name: "Northwind"), to: path).get()
        #expect(report.backup == nil)
        #expect(contents(path) == "{\n  \"model\": \"Northwind\"\n}\n")
    }

    @Test("saving to a path with no model extension is refused and writes nothing")
    func saveUnknownExtension() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("m.txt").path
        guard case .failure(.unknownFormat) = ModelFiles.save(Model(name: "N"), to: path) else {
            Issue.record("expected .unknownFormat")
            return
        }
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path).isEmpty)
    }

    @Test("saving into a missing folder is 'unwritable'")
    func saveIntoMissingFolder() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("missing/m.yaml").path
        guard case .failure(.unwritable(let error)) = ModelFiles.save(Model(name: "N"), to: path) else {
            Issue.record("expected .unwritable")
            return
        }
        #expect(error.path == path)
    }
}
