import Testing
@testable import ValueStreams

@Suite("ValueStream")
struct ValueStreamTests {
    @Test("functions: distinct over all stages, first-seen order and spelling, case-insensitive")
    func functions() {
        let value = customer("x", stages: [
            Stage(name: "Apply", functions: ["Digital"]),
            Stage(name: "Verify", functions: ["Compliance", "Ops"]),
            Stage(name: "Activate", functions: ["ops", "Digital", "Legal", "OPS"]),
            Stage(name: "Close"),
        ])
        #expect(value.functions == ["Digital", "Compliance", "Ops", "Legal"])
        #expect(customer("y", stages: []).functions == [])
        #expect(customer("z", stages: [Stage(name: "A"), Stage(name: "B")]).functions == [])
    }

    @Test("functions against a reference, for seeded function lists")
    func functionsInvariant() {
        var generator = SeededGenerator(seed: 0xF00D)
        let pool = ["Ops", "ops", "OPS", "Sales", "sales", "Legal", "IT", "it", "Finance"]
        for _ in 0..<300 {
            let stages = (0..<generator.int(in: 0...5)).map { index in
                Stage(name: "S\(index)", functions: (0..<generator.int(in: 0...4)).map { _ in pool[generator.int(in: 0...(pool.count - 1))] })
            }
            let all = stages.flatMap(\.functions)
            var expected: [String] = []
            for function in all where !expected.map({ $0.lowercased() }).contains(function.lowercased()) {
                expected.append(function)
            }
            #expect(customer("x", stages: stages).functions == expected, "\(all)")
        }
    }

    @Test("stageIndex(named:) is case-insensitive and finds the first")
    func stageIndex() {
        let value = customer("x", stages: [Stage(name: "Apply"), Stage(name: "Verify identity"), Stage(name: "apply")])
        #expect(value.stageIndex(named: "verify IDENTITY") == 1)
        #expect(value.stageIndex(named: "APPLY") == 0)
        #expect(value.stageIndex(named: "Verify") == nil)
    }
}

@Suite("Links")
struct LinkTests {
    @Test("a link without an id is named FROM -> STREAM/STAGE (EFFECT)", arguments: Effect.allCases)
    func nameWithoutID(effect: Effect) {
        #expect(link("it-infra", "open-account/Verify identity", effect).name == "it-infra -> open-account/Verify identity (\(effect.rawValue))")
        #expect(link("it-infra/Run", "hr", effect).name == "it-infra/Run -> hr (\(effect.rawValue))")
    }

    @Test("a link with an id is named by it")
    func nameWithID() {
        #expect(link("it-infra", "open-account/Apply", id: "it-verify").name == "it-verify")
    }

    @Test("strength defaults to 1")
    func strength() {
        #expect(link("a", "b").effectiveStrength == 1)
        var half = link("a", "b")
        half.strength = fraction("50%")
        #expect(half.effectiveStrength == 0.5)
    }

    @Test("an endpoint splits at the first slash", arguments: [
        ("it-infra", "it-infra", nil), ("open-account/Apply", "open-account", "Apply"),
        ("open-account/Verify identity", "open-account", "Verify identity"), ("a/b/c", "a", "b/c"),
        ("a/", "a", ""), ("/b", "", "b"), ("a//b", "a", "/b"),
    ] as [(String, String, String?)])
    func endpoint(text: String, stream: String, stage: String?) {
        let endpoint = Endpoint(parsing: text)
        #expect(endpoint.stream == stream)
        #expect(endpoint.stage == stage)
        #expect(endpoint.description == text, "prints as read")
        #expect(Endpoint(parsing: endpoint.description) == endpoint)
    }
}

@Suite("ServiceLevel")
struct ServiceLevelTests {
    @Test("the capacity level is availability × capacity, each 100% when absent", arguments: [
        (nil, nil, 1.0), ("99.5%", nil, 0.995), (nil, "70%", 0.7), ("99.5%", "70%", 0.995 * 0.7), ("0%", "50%", 0), ("50%", "50%", 0.25),
    ] as [(String?, String?, Double)])
    func capacityLevel(availability: String?, capacity: String?, level: Double) {
        let service = ServiceLevel(availability: availability.map(fraction), capacity: capacity.map(fraction))
        #expect(service.capacityLevel == level)
    }

    @Test("nominal latency and errors are zero; declared ones are read")
    func latencyAndErrors() {
        let nominal = ServiceLevel()
        #expect(nominal.addedLatencyHours == 0)
        #expect(nominal.addedErrorRate == 0)
        let declared = ServiceLevel(latency: duration("2h"), errors: fraction("5%"))
        #expect(declared.addedLatencyHours == 2)
        #expect(declared.addedErrorRate == 0.05)
        #expect(declared.capacityLevel == 1)
    }
}

@Suite("Capabilities and stages")
struct CapabilityTests {
    @Test("stages(enabledBy:) lists every stage naming the capability, case-insensitively, in model order")
    func stagesEnabledBy() {
        let model = Model(name: "M", streams: [
            customer("open-account", stages: [
                Stage(name: "Apply", capabilities: ["crm"]),
                Stage(name: "Verify identity", capabilities: ["KYC", "crm"]),
                Stage(name: "Activate"),
            ]),
            supporting("it-infra", stages: [Stage(name: "Run", capabilities: ["kyc"])]),
            customer("loan", stages: [Stage(name: "Assess", capabilities: ["Kyc"])]),
        ], capabilities: [Capability(id: "kyc", name: "KYC"), Capability(id: "crm", name: "CRM")])
        #expect(model.stages(enabledBy: "kyc") == [
            StageReference(stream: "open-account", stage: "Verify identity"),
            StageReference(stream: "it-infra", stage: "Run"),
            StageReference(stream: "loan", stage: "Assess"),
        ])
        #expect(model.stages(enabledBy: "CRM") == [
            StageReference(stream: "open-account", stage: "Apply"),
            StageReference(stream: "open-account", stage: "Verify identity"),
        ])
        #expect(model.stages(enabledBy: "payments") == [])
    }

    @Test("a stage's effective flow parameters default to 1 server, cv 1, no wait, no defects")
    func stageDefaults() {
        let plain = Stage(name: "Apply")
        #expect(plain.effectiveServers == 1)
        #expect(plain.effectiveCV == 1)
        #expect(plain.effectiveWaitHours == 0)
        #expect(plain.effectiveDefectProbability == 0)
        #expect(plain.functions == [] && plain.capabilities == [])
        #expect(plain.servers == nil && plain.cv == nil && plain.wait == nil && plain.defects == nil && plain.reworkTo == nil)

        let declared = Stage(name: "Verify", servers: 4, cv: 0.5, wait: duration("4h"), defects: fraction("3%"))
        #expect(declared.effectiveServers == 4)
        #expect(declared.effectiveCV == 0.5)
        #expect(declared.effectiveWaitHours == 4)
        #expect(declared.effectiveDefectProbability == 0.03)
        let constant = Stage(name: "Stamp", cv: 0)
        #expect(constant.effectiveCV == 0, "cv 0 is constant service, not the default")
    }
}
