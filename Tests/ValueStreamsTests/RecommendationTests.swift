import Testing
@testable import ValueStreams

/// A model with a customer stream and a supporting stream that have everything the article
/// recommends for their kind, so each test can take one thing away.
private enum RC {
    static func outcome() -> Metric {
        Metric(name: "NPS", category: .customer, unit: "points", direction: .up,
               responds: ResponseModel(coefficients: [.init(driver: .timeToValueMeanHours, perUnit: -0.5)]))
    }

    static func openAccount() -> ValueStream {
        ValueStream(
            id: "open-account", name: "Open Account", kind: .customer,
            trigger: Trigger(by: "Prospective customer", event: "applies", external: true),
            value: "an account ready to use", owner: Owner(name: "Head of Onboarding", reach: .crossFunctional),
            serves: .external, promise: duration("1d"),
            governance: Governance(model: .crossFunctional, forum: "Onboarding board", members: ["Head of Onboarding"]),
            stages: [Stage(name: "Apply", functions: ["Sales", "Operations"]), Stage(name: "Verify", functions: ["Risk"])],
            metrics: [outcome(), Metric(name: "Time to value", category: .customer)])
    }

    static func itInfra() -> ValueStream {
        ValueStream(
            id: "it-infra", name: "Manage IT Infrastructure", kind: .supporting,
            trigger: Trigger(by: "Service desk", external: false), value: "systems that run",
            owner: Owner(name: "Head of IT", reach: .functional), serves: .internal,
            governance: Governance(model: .functional, forum: "IT board", members: ["Head of IT", "Head of Onboarding"]),
            stages: [Stage(name: "Run", functions: ["IT"])],
            metrics: [Metric(name: "Cost per ticket", category: .efficiency)])
    }

    static func model(customer: ValueStream = openAccount(), supporting: ValueStream = itInfra(),
                      links: [IntegrationPoint]? = nil) -> Model {
        var verify = link("it-infra", "open-account/Verify", id: "it-verify")
        verify.sla = ServiceLevel(availability: fraction("99.5%"))
        return Model(name: "M", streams: [customer, supporting], integrations: links ?? [verify])
    }

    static func customerGaps(_ change: (inout ValueStream) -> Void) -> [String] {
        var stream = openAccount()
        change(&stream)
        return model(customer: stream).recommendation(for: stream).gaps
    }

    static func supportingGaps(links: [IntegrationPoint]? = nil, _ change: (inout ValueStream) -> Void = { _ in }) -> [String] {
        var stream = itInfra()
        change(&stream)
        return model(supporting: stream, links: links).recommendation(for: stream).gaps
    }
}

@Suite("Recommendations per kind")
struct RecommendationTests {
    @Test("a customer stream gets effectiveness first, a cross-functional owner and governance with customer feedback")
    func customerTexts() {
        let model = RC.model()
        let recommendation = model.recommendation(for: model.streams[0])
        #expect(recommendation.stream == "open-account")
        #expect(recommendation.kind == .customer)
        #expect(recommendation.governance.contains("cross-functional"))
        #expect(recommendation.governance.contains("customer feedback"))
        #expect(recommendation.ownerReach.hasPrefix("cross-functional"))
        #expect(recommendation.metrics == ["time-to-value", "on-time rate", "customer-seen defect rate", "CSAT or NPS", "revenue per customer"])
        #expect(recommendation.approach.hasPrefix("effectiveness first"))
    }

    @Test("a supporting stream gets efficiency first and functional governance that answers for its customer effect")
    func supportingTexts() {
        let model = RC.model()
        let recommendation = model.recommendation(for: model.streams[1])
        #expect(recommendation.stream == "it-infra")
        #expect(recommendation.kind == .supporting)
        #expect(recommendation.governance.hasPrefix("functional"))
        #expect(recommendation.governance.contains("customer streams"))
        #expect(recommendation.ownerReach.hasPrefix("functional"))
        #expect(recommendation.ownerReach.contains("service levels"))
        #expect(recommendation.metrics == ["cost per transaction", "processing time", "utilisation", "compliance rate", "service level at each integration point"])
        #expect(recommendation.approach.hasPrefix("efficiency first"))
    }

    @Test("streams that have everything have no gaps")
    func noGaps() {
        let model = RC.model()
        #expect(model.recommendation(for: model.streams[0]).gaps == [])
        #expect(model.recommendation(for: model.streams[1]).gaps == [])
    }

    @Test("the recommendation follows the declared kind")
    func declaredKind() {
        var stream = RC.itInfra()
        stream.kind = .customer
        let model = RC.model(supporting: stream)
        let recommendation = model.recommendation(for: stream)
        #expect(recommendation.kind == .customer)
        #expect(recommendation.approach.hasPrefix("effectiveness first"))
    }

    // MARK: customer gaps

    @Test("customer gap: the owner's reach — no owner, a functional owner, an owner without reach")
    func customerOwnerReach() {
        #expect(RC.customerGaps { $0.owner = nil } == ["no owner"])
        #expect(RC.customerGaps { $0.owner?.reach = .functional } == ["the owner's reach is not cross-functional"])
        #expect(RC.customerGaps { $0.owner?.reach = nil } == ["the owner's reach is not cross-functional"])
    }

    @Test("customer gap: the governance model — functional or absent")
    func customerGovernance() {
        #expect(RC.customerGaps { $0.governance?.model = .functional } == ["governance is not cross-functional"])
        #expect(RC.customerGaps { $0.governance?.model = nil } == ["governance is not cross-functional"])
        #expect(RC.customerGaps { $0.governance = nil } == ["governance is not cross-functional"])
    }

    @Test("customer gap: no customer metric (and so no outcome metric with a response model)")
    func customerMetric() {
        let gaps = RC.customerGaps { $0.metrics = [Metric(name: "Cost per account", category: .efficiency)] }
        #expect(gaps == ["no customer metric", "no outcome metric (CSAT, NPS, revenue) tied to the flow by a response model"])
        #expect(RC.customerGaps { $0.metrics = [] }.contains("no customer metric"))
    }

    @Test("customer gap: customer metrics, none tied to the flow by a response model")
    func customerResponseModel() {
        let gaps = RC.customerGaps { $0.metrics[0].responds = nil }
        #expect(gaps == ["no outcome metric (CSAT, NPS, revenue) tied to the flow by a response model"])
        // A response model on an efficiency metric does not count.
        let misplaced = RC.customerGaps { $0.metrics[0].category = .efficiency }
        #expect(misplaced == ["no outcome metric (CSAT, NPS, revenue) tied to the flow by a response model"])
    }

    @Test("customer gap: no customer promise")
    func customerPromise() {
        #expect(RC.customerGaps { $0.promise = nil } == ["no customer promise (time-to-value target)"])
    }

    @Test("customer gaps accumulate, in order")
    func customerGapsTogether() {
        let gaps = RC.customerGaps {
            $0.owner = nil
            $0.governance = nil
            $0.metrics = []
            $0.promise = nil
        }
        #expect(gaps == [
            "no owner", "governance is not cross-functional", "no customer metric",
            "no outcome metric (CSAT, NPS, revenue) tied to the flow by a response model",
            "no customer promise (time-to-value target)",
        ])
    }

    // MARK: supporting gaps

    @Test("supporting gap: no efficiency metric — only customer or capability metrics, or none")
    func supportingEfficiencyMetric() {
        #expect(RC.supportingGaps { $0.metrics = [Metric(name: "Maturity", category: .capability)] } == ["no efficiency metric"])
        #expect(RC.supportingGaps { $0.metrics = [] } == ["no efficiency metric"])
    }

    @Test("supporting gap: no link to what it enables")
    func supportingNoLinks() {
        #expect(RC.supportingGaps(links: []) == ["no link to what it enables"])
        // Links into it are not links from it.
        let incoming = RC.supportingGaps(links: [link("open-account", "it-infra/Run")])
        #expect(incoming == ["no link to what it enables"])
        // A dependency on another stream is a link.
        var withHR = RC.model(links: [link("it-infra", "hr")])
        withHR.streams.append(supporting("hr"))
        #expect(withHR.recommendation(for: withHR.streams[1]).gaps == [])
    }

    @Test("supporting gap: no customer voice in its governance — other members, no members, no governance")
    func supportingCustomerVoice() {
        let gap = "its governance does not answer to the customer streams it enables (no customer-stream owner among its members)"
        #expect(RC.supportingGaps { $0.governance?.members = ["Head of IT", "CFO"] } == [gap])
        #expect(RC.supportingGaps { $0.governance?.members = [] } == [gap])
        #expect(RC.supportingGaps { $0.governance = nil } == [gap])
        // The customer stream's forum counts as its voice.
        #expect(RC.supportingGaps { $0.governance?.members = ["onboarding board"] } == [])
    }

    @Test("supporting gap: integration points without SLA, named")
    func supportingSLA() {
        let gaps = RC.supportingGaps(links: [
            link("it-infra", "open-account/Verify", id: "it-verify"),
            link("it-infra/Run", "open-account/Apply", .latency),
        ])
        #expect(gaps == ["integration points without SLA: it-verify, it-infra/Run -> open-account/Apply (latency)"])
    }

    @Test("supporting gaps accumulate, in order")
    func supportingGapsTogether() {
        let gaps = RC.supportingGaps(links: []) {
            $0.metrics = []
            $0.governance = nil
        }
        #expect(gaps == [
            "no efficiency metric", "no link to what it enables",
            "its governance does not answer to the customer streams it enables (no customer-stream owner among its members)",
        ])
    }
}
