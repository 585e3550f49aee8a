import Testing
@testable import ValueStreams

/// A model that uses every cross-reference correctly: a customer stream with rework and
/// capabilities, two supporting streams, an integration point, a dependency, segments.
func cleanModel() -> Model {
    Model(
        name: "Northwind Bank",
        segments: [Segment(name: "Retail", expects: "an account in a day")],
        streams: [
            ValueStream(
                id: "open-account", name: "Open Account", kind: .customer, segments: ["retail"], demand: rate("120/day"),
                classification: ClassificationRecord(kind: .customer),
                stages: [
                    Stage(name: "Apply", servers: 4, time: duration("20m"), capabilities: ["kyc"]),
                    Stage(name: "Verify identity", servers: 6, time: duration("45m"), defects: fraction("3%"), reworkTo: "apply", capabilities: ["KYC-docs"]),
                    Stage(name: "Activate", servers: 2, time: duration("10m"), defects: fraction("1%")),
                ]),
            ValueStream(id: "it-infra", name: "Manage IT Infrastructure", kind: .supporting, stages: [Stage(name: "Run")]),
            ValueStream(id: "hr", name: "Hire", kind: .supporting),
        ],
        capabilities: [Capability(id: "kyc", name: "Identity & KYC"), Capability(id: "kyc-docs", name: "KYC documents", parent: "KYC")],
        integrations: [
            link("it-infra", "open-account/Verify identity", id: "it-verify"),
            link("it-infra/Run", "Open Account/apply", .latency),
            link("hr", "it-infra", .quality),
        ])
}

@Suite("Model.validate")
struct ValidationTests {
    @Test("a clean model has no issues")
    func clean() {
        #expect(cleanModel().validate() == [])
        #expect(Model(name: "empty").validate() == [])
    }

    @Test("duplicate stream ids, case-insensitively, each after the first")
    func duplicateStreamID() throws {
        let model = Model(name: "M", streams: [supporting("a"), supporting("b"), supporting("A"), supporting("B"), supporting("a")])
        // Their names repeat too (the helper names a stream after its id): those are their own issues.
        let issues = model.validate().filter { $0.path.hasSuffix(".id") }
        #expect(issues.errors.paths == ["streams[2].id", "streams[3].id", "streams[4].id"])
        try #require(issues.count == 3)
        #expect(issues[0].message.contains("duplicate stream id 'A'"))
        #expect(issues[0].message.contains("first at streams[0]"))
        #expect(issues[1].message.contains("first at streams[1]"))
        #expect(issues[2].message.contains("first at streams[0]"))
    }

    @Test("duplicate stage names within a stream, not across streams")
    func duplicateStageName() {
        let model = Model(name: "M", streams: [
            customer("x", stages: [Stage(name: "Apply"), Stage(name: "Check"), Stage(name: "apply")]),
            customer("y", stages: [Stage(name: "Apply"), Stage(name: "Check")]),
        ])
        let issues = model.validate()
        #expect(issues.count == 1)
        #expect(issues.errors.paths == ["streams[0].stages[2].name"])
        #expect(issues.first?.message.contains("duplicate stage name 'apply' in stream 'x' (first at stages[0])") == true)
    }

    @Test("duplicate capability ids")
    func duplicateCapability() {
        let model = Model(name: "M", capabilities: [Capability(id: "kyc", name: "KYC"), Capability(id: "crm", name: "CRM"), Capability(id: "KYC", name: "Again")])
        let issues = model.validate()
        #expect(issues.count == 1)
        #expect(issues.errors.paths == ["capabilities[2].id"])
        #expect(issues.first?.message.contains("first at capabilities[0]") == true)
    }

    @Test("duplicate link ids, skipping links without one")
    func duplicateLinkID() {
        let model = Model(name: "M", streams: [supporting("a"), customer("x")], integrations: [
            link("a", "x/Apply", id: "l1"), link("a", "x/Apply", .latency), link("a", "x/Apply", .quality, id: "L1"),
        ])
        let issues = model.validate()
        #expect(issues.count == 1)
        #expect(issues.errors.paths == ["integrations[2].id"])
        #expect(issues.first?.message.contains("duplicate link id 'L1' (first at integrations[0])") == true)
    }

    @Test("rework_to an unknown stage suggests the nearest earlier stage")
    func reworkUnknown() {
        let model = Model(name: "M", streams: [customer("x", stages: [Stage(name: "Apply"), Stage(name: "Verify", defects: fraction("3%"), reworkTo: "Aply")])])
        let issues = model.validate()
        #expect(issues.count == 1)
        #expect(issues.errors.paths == ["streams[0].stages[1].rework_to"])
        #expect(issues.first?.message == "no stage 'Aply' in stream 'x'; did you mean 'Apply'?")
    }

    @Test("rework_to a later stage")
    func reworkLater() {
        let model = Model(name: "M", streams: [customer("x", stages: [Stage(name: "Apply", reworkTo: "Verify"), Stage(name: "Verify")])])
        let issues = model.validate()
        #expect(issues.count == 1)
        #expect(issues.errors.paths == ["streams[0].stages[0].rework_to"])
        #expect(issues.first?.message.contains("later stage") == true)
    }

    @Test("a stage's unknown capability, with did-you-mean; matching is case-insensitive")
    func unknownStageCapability() {
        let model = Model(name: "M", streams: [customer("x", stages: [Stage(name: "Apply"), Stage(name: "Verify", capabilities: ["KYC", "kcy"])])],
                          capabilities: [Capability(id: "kyc", name: "KYC")])
        let issues = model.validate()
        #expect(issues.count == 1)
        #expect(issues.errors.paths == ["streams[0].stages[1].capabilities[1]"])
        #expect(issues.first?.message == "no capability 'kcy'; did you mean 'kyc'?")
    }

    @Test("an unknown capability parent")
    func unknownParent() {
        let model = Model(name: "M", capabilities: [Capability(id: "kyc", name: "KYC"), Capability(id: "docs", name: "Docs", parent: "kyx")])
        let issues = model.validate()
        #expect(issues.count == 1)
        #expect(issues.errors.paths == ["capabilities[1].parent"])
        #expect(issues.first?.message == "no capability 'kyx'; did you mean 'kyc'?")
    }

    @Test("links from or to an unknown stream or stage name the end that is wrong")
    func unknownEndpoints() {
        let streams = [supporting("it-infra", stages: [Stage(name: "Run")]), customer("open-account", stages: [Stage(name: "Apply"), Stage(name: "Verify")])]
        let model = Model(name: "M", streams: streams, integrations: [
            link("it-infra", "open-account/Apply"),
            link("it-infra", "open-account/Verify"),
            link("it-infa", "open-account/Verfy"),
            link("it-infra/Rn", "open-account/Apply"),
            link("it-infra", "open-acount/Apply"),
        ])
        let issues = model.validate()
        #expect(issues.paths == ["integrations[2].from", "integrations[2].to", "integrations[3].from", "integrations[4].to"])
        #expect(issues.allSatisfy { $0.severity == .error })
        #expect(issues.map(\.message) == [
            "no stream 'it-infa'; did you mean 'it-infra'?",
            "no stage 'Verfy' in stream 'open-account'; did you mean 'Verify'?",
            "no stage 'Rn' in stream 'it-infra'; did you mean 'Run'?",
            "no stream 'open-acount'; did you mean 'open-account'?",
        ])
    }

    @Test("a link to a customer stream must name a stage")
    func customerWithoutStage() {
        let model = Model(name: "M", streams: [supporting("a"), customer("x", stages: [Stage(name: "Apply"), Stage(name: "Pay")])], integrations: [
            link("a", "x/Pay"), link("a", "x/Apply"), link("a", "x"),
        ])
        let issues = model.validate()
        #expect(issues.count == 1)
        #expect(issues.errors.paths == ["integrations[2].to"])
        #expect(issues.first?.message.contains("must name a stage, e.g. x/Apply") == true)
    }

    @Test("links from a customer stream are warnings")
    func fromCustomer() throws {
        let model = Model(name: "M", streams: [customer("x"), customer("y"), supporting("a")], integrations: [
            link("a", "x/Apply"), link("x", "y/Apply"), link("y", "a"),
        ])
        let issues = model.validate()
        try #require(issues.count == 2)
        #expect(issues.warnings.paths == ["integrations[1]", "integrations[2]"])
        #expect(issues[0].message.contains("customer stream 'x' to customer stream 'y'"))
        #expect(issues[0].message.contains("link 'x -> y/Apply (capacity)'"))
        #expect(issues[1].message.contains("customer stream 'y' to supporting stream 'a'"))
    }

    @Test("dependency cycles are warnings, at the link that starts them", arguments: [
        // (links among supporting streams a b c d, expected (path, message) pairs)
        ([("a", "b"), ("b", "a")], [("integrations[0]", "dependency cycle: a -> b -> a")]),
        ([("b", "a"), ("a", "b")], [("integrations[1]", "dependency cycle: a -> b -> a")]),
        ([("a", "b"), ("b", "c"), ("c", "a")], [("integrations[0]", "dependency cycle: a -> b -> c -> a")]),
        ([("c", "b"), ("b", "a"), ("a", "c")], [("integrations[2]", "dependency cycle: a -> c -> b -> a")]),
        ([("b", "b")], [("integrations[0]", "dependency cycle: b -> b")]),
        ([("c", "d"), ("d", "c"), ("a", "b"), ("b", "a")], [
            ("integrations[2]", "dependency cycle: a -> b -> a"), ("integrations[0]", "dependency cycle: c -> d -> c"),
        ]),
        ([("d", "d"), ("a", "b"), ("b", "c"), ("c", "b")], [
            ("integrations[2]", "dependency cycle: b -> c -> b"), ("integrations[0]", "dependency cycle: d -> d"),
        ]),
        ([("a", "b"), ("b", "c"), ("a", "c"), ("c", "d")], []),
        ([], []),
    ] as [([(String, String)], [(String, String)])])
    func cycles(links: [(String, String)], expected: [(String, String)]) {
        let model = Model(name: "M", streams: ["a", "b", "c", "d"].map { supporting($0) }, integrations: links.map { link($0.0, $0.1) })
        let issues = model.validate()
        #expect(issues.allSatisfy { $0.severity == .warning })
        #expect(issues.map(\.path) == expected.map(\.0))
        #expect(issues.map(\.message) == expected.map(\.1))
    }

    @Test("a cycle through a customer stream is not a dependency cycle")
    func cycleThroughCustomer() {
        let model = Model(name: "M", streams: [supporting("a"), customer("x")], integrations: [link("a", "x/Apply"), link("x", "a")])
        #expect(model.dependencyCycles() == [])
        #expect(!model.validate().contains { $0.message.contains("cycle") })
    }

    @Test("a reported cycle is a real cycle even when its component has more links")
    func cycleIsReal() {
        // One component {a, b, c}: a → b, b → c, c → b, b → a. The only cycle through a is
        // a → b → a; there is no link c → a, so "a -> b -> c -> a" would name a link that
        // does not exist.
        let model = Model(name: "M", streams: ["a", "b", "c"].map { supporting($0) }, integrations: [
            link("a", "b"), link("b", "c"), link("c", "b"), link("b", "a"),
        ])
        #expect(model.dependencyCycles() == [[0, 1]])
        #expect(model.validate().map(\.message) == ["dependency cycle: a -> b -> a"])
    }

    /// Reference reachability (Floyd–Warshall) over supporting→supporting edges.
    static func reach(_ edges: Set<[Int]>, count: Int) -> [[Bool]] {
        var reach = [[Bool]](repeating: [Bool](repeating: false, count: count), count: count)
        for edge in edges { reach[edge[0]][edge[1]] = true }
        for k in 0..<count {
            for i in 0..<count where reach[i][k] {
                for j in 0..<count where reach[k][j] { reach[i][j] = true }
            }
        }
        return reach
    }

    @Test("dependencyCycles: one real cycle per strongly connected component, in model order")
    func cyclesAgainstReference() {
        var generator = SeededGenerator(seed: 0xC1C1E)
        for _ in 0..<300 {
            let count = generator.int(in: 2...7)
            let ids = (0..<count).map { "s\($0)" }
            let kinds = (0..<count).map { _ in generator.int(in: 0...5) == 0 ? StreamKind.customer : .supporting }
            let streams = zip(ids, kinds).map { ValueStream(id: $0, name: "Stream \($0)", kind: $1, stages: [Stage(name: "Apply")]) }
            var links: [IntegrationPoint] = []
            var edges = Set<[Int]>()
            for _ in 0..<generator.int(in: 0...(2 * count)) {
                let from = generator.int(in: 0...(count - 1))
                let to = generator.int(in: 0...(count - 1))
                links.append(link(ids[from], kinds[to] == .customer ? "\(ids[to])/Apply" : ids[to]))
                if kinds[from] == .supporting, kinds[to] == .supporting { edges.insert([from, to]) }
            }
            let model = Model(name: "M", streams: streams, integrations: links)
            let reach = Self.reach(edges, count: count)
            let inCycle = (0..<count).filter { reach[$0][$0] }
            // The components with a cycle, each as its sorted members.
            var components: [[Int]] = []
            for node in inCycle where !components.contains(where: { $0.contains(node) }) {
                components.append(inCycle.filter { reach[node][$0] && reach[$0][node] })
            }
            let cycles = model.dependencyCycles()
            let context = "links \(edges.sorted { $0.lexicographicallyPrecedes($1) })"
            #expect(cycles.count == components.count, "\(context)")
            #expect(cycles.map { $0[0] } == components.map { $0[0] }, "each starts at its component's first stream, in model order: \(context)")
            for cycle in cycles {
                let component = components.first { $0.contains(cycle[0]) } ?? []
                #expect(Set(cycle).count == cycle.count, "no stream twice: \(cycle), \(context)")
                #expect(cycle.allSatisfy { component.contains($0) }, "within one component: \(cycle), \(context)")
                for (position, node) in cycle.enumerated() {
                    let next = cycle[(position + 1) % cycle.count]
                    #expect(edges.contains([node, next]), "\(cycle) uses a link \(node) -> \(next) that does not exist; \(context)")
                }
            }
            #expect(model.validate().filter { $0.message.hasPrefix("dependency cycle") }.count == cycles.count)
        }
    }

    @Test("a classification record that disagrees with the declared kind is a warning")
    func classificationKind() {
        var stream = customer("x")
        stream.classification = ClassificationRecord(kind: .supporting, by: "A. Facilitator")
        let issues = Model(name: "M", streams: [supporting("a"), stream]).validate()
        #expect(issues.count == 1)
        #expect(issues.warnings.paths == ["streams[1].classification.kind"])
        #expect(issues.first?.message.contains("declared 'customer'") == true)
        #expect(issues.first?.message.contains("says 'supporting'") == true)
        stream.classification = ClassificationRecord(kind: .customer)
        #expect(Model(name: "M", streams: [stream]).validate() == [])
    }

    @Test("utilisation at or above 1 is a warning on the stage; below is not", arguments: [
        ("1/h", "1h", nil, 1, "100.0%"), ("2/h", "1h", nil, 1, "200.0%"), ("1/h", "30m", 0.5, 1, "100.0%"),
        ("3/h", "1h", nil, 2, "150.0%"), ("24/day", "1h", nil, 1, "100.0%"),
    ] as [(String, String, Double?, Int, String)])
    func overloaded(demand: String, time: String, defects: Double?, servers: Int, percent: String) {
        let value = stream([stage("A", time: "1m"), stage("B", defects: defects, time: time, servers: servers)], demand: demand)
        let issues = Model(name: "M", streams: [value]).validate()
        #expect(issues.count == 1)
        #expect(issues.warnings.paths == ["streams[0].stages[1]"])
        #expect(issues.first?.message.contains("utilisation \(percent)") == true, "\(issues)")
    }

    @Test("utilisation just below 1, or without demand or time, is no warning", arguments: [
        ("0.99/h", "1h"), ("99/h", "36s"), ("1/h", nil),
    ] as [(String, String?)])
    func notOverloaded(demand: String, time: String?) {
        let value = stream([stage("A", time: time, servers: 1)], demand: demand)
        #expect(Model(name: "M", streams: [value]).validate() == [])
        let noDemand = stream([stage("A", time: "10h")])
        #expect(Model(name: "M", streams: [noDemand]).validate() == [])
    }

    @Test("an unknown segment is a warning only when the model declares segments")
    func unknownSegment() {
        var value = customer("x")
        value.segments = ["retail", "Retial", "Business"]
        let declared = Model(name: "M", segments: [Segment(name: "Retail"), Segment(name: "Business")], streams: [supporting("a"), value])
        let issues = declared.validate()
        #expect(issues.count == 1)
        #expect(issues.warnings.paths == ["streams[1].segments[1]"])
        #expect(issues.first?.message == "no segment 'Retial' in the model; did you mean 'Retail'?")
        #expect(Model(name: "M", streams: [value]).validate() == [])
    }

    @Test("too many stages is an error on the stream's stages")
    func tooManyStages() {
        let stages = (0...Routing.maximumStages).map { Stage(name: "S\($0)", time: duration("1h")) }
        let value = ValueStream(id: "big", name: "Big", kind: .customer, demand: rate("10/h"), stages: stages)
        let issues = Model(name: "M", streams: [value]).validate()
        #expect(issues.count == 1)
        #expect(issues.errors.paths == ["streams[0].stages"])
    }

    @Test("issues come in a fixed order and describe themselves with severity and path")
    func orderAndDescription() throws {
        var model = cleanModel()
        model.streams.append(supporting("HR"))
        model.streams[0].stages[1].reworkTo = "Activate"
        model.capabilities[1].parent = "nope"
        model.integrations.append(link("it-infra", "open-account/Nope"))
        model.integrations.append(link("it-infra", "hr"))
        model.integrations.append(link("hr", "it-infra", .latency))
        let issues = model.validate()
        #expect(issues.paths == [
            "streams[3].id", "streams[0].stages[1].rework_to", "capabilities[1].parent", "integrations[3].to", "integrations[4]",
        ])
        #expect(issues.map(\.severity) == [.error, .error, .error, .error, .warning])
        try #require(issues.count == 5)
        #expect(issues[0].description == "error: streams[3].id: \(issues[0].message)")
        #expect(issues[4].description == "warning: integrations[4]: dependency cycle: it-infra -> hr -> it-infra")
    }
}
