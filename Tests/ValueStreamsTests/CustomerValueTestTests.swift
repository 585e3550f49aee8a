import Testing
@testable import ValueStreams

/// Builders for the customer value test: one stream in a model of its own, with whatever
/// other streams and links a criterion needs. Namespaced, so no other test file's helpers
/// collide with these.
private enum CVT {
    /// The test of `stream` in a model holding it, `others` and `links`.
    static func test(_ stream: ValueStream, others: [ValueStream] = [], links: [IntegrationPoint] = []) -> CustomerValueTestResult {
        Model(name: "M", streams: [stream] + others, integrations: links).customerValueTest(of: stream)
    }

    /// One criterion of that test.
    static func judge(_ criterion: Criterion, _ stream: ValueStream, others: [ValueStream] = [], links: [IntegrationPoint] = []) -> CriterionResult {
        let result = test(stream, others: others, links: links)
        guard let found = result.criteria.first(where: { $0.criterion == criterion }) else {
            Issue.record("no result for \(criterion.rawValue)")
            return CriterionResult(criterion: criterion, verdict: .unknown, evidence: "", toFindOut: nil)
        }
        return found
    }

    /// A bare stream of a kind, with the fields a test sets.
    static func bare(_ kind: StreamKind = .supporting, id: String = "s", trigger: Trigger? = nil, value: String? = nil,
                     serves: Audience? = nil, stages: [Stage] = [], metrics: [Metric] = []) -> ValueStream {
        ValueStream(id: id, name: "Stream \(id)", kind: kind, trigger: trigger, value: value, serves: serves, stages: stages, metrics: metrics)
    }

    /// Stages each naming the given functions.
    static func stages(_ functions: [[String]]) -> [Stage] {
        functions.enumerated().map { Stage(name: "Stage \($0.offset + 1)", functions: $0.element) }
    }

    /// A customer stream for which every criterion but `enables-others` says `for`.
    static func fullCustomer(id: String = "open-account") -> ValueStream {
        ValueStream(
            id: id, name: "Open Account", kind: .customer,
            trigger: Trigger(by: "Prospective customer", event: "applies for an account", external: true),
            value: "an account ready to use", serves: .external,
            stages: stages([["Sales"], ["Risk", "Operations"], ["Operations"]]),
            metrics: [Metric(name: "NPS", category: .customer), Metric(name: "Cost per account", category: .efficiency)])
    }

    /// A supporting stream for which every criterion but `enables-others` says `against`.
    static func fullSupporting(id: String = "it-infra") -> ValueStream {
        ValueStream(
            id: id, name: "Manage IT Infrastructure", kind: .supporting,
            trigger: Trigger(by: "Service desk", event: "raises a change", external: false),
            value: "systems that run", serves: .internal,
            stages: stages([["IT"], ["IT"]]),
            metrics: [Metric(name: "Cost per ticket", category: .efficiency)])
    }
}

@Suite("The customer value test")
struct CustomerValueTestTests {
    // MARK: external-trigger

    @Test("external-trigger: for when trigger.external is true, naming the trigger")
    func externalTriggerFor() {
        let result = CVT.judge(.externalTrigger, CVT.bare(trigger: Trigger(by: "Prospective customer", event: "applies for an account", external: true)))
        #expect(result.verdict == .for)
        #expect(result.evidence.contains("Prospective customer"))
        #expect(result.evidence.contains("applies for an account"))
        #expect(result.toFindOut == nil)
    }

    @Test("external-trigger: against when trigger.external is false, naming the trigger")
    func externalTriggerAgainst() {
        let result = CVT.judge(.externalTrigger, CVT.bare(trigger: Trigger(by: "Branch manager", external: false)))
        #expect(result.verdict == .against)
        #expect(result.evidence.contains("Branch manager"))
        #expect(result.toFindOut == nil)
    }

    @Test("external-trigger: unknown when absent — no trigger, or one that does not say", arguments: [
        nil, Trigger(by: "Someone", event: "asks"),
    ] as [Trigger?])
    func externalTriggerUnknown(trigger: Trigger?) {
        let result = CVT.judge(.externalTrigger, CVT.bare(trigger: trigger))
        #expect(result.verdict == .unknown)
        #expect(result.toFindOut?.contains("trigger.external") == true)
    }

    // MARK: crosses-functions

    @Test("crosses-functions: for at three or more distinct functions, naming them")
    func crossesFunctionsFor() {
        let three = CVT.judge(.crossesFunctions, CVT.bare(stages: CVT.stages([["Sales"], ["Risk", "Operations"], ["Sales"]])))
        #expect(three.verdict == .for)
        for function in ["Sales", "Risk", "Operations"] { #expect(three.evidence.contains(function)) }
        #expect(three.evidence.contains("3"))
        let four = CVT.judge(.crossesFunctions, CVT.bare(stages: CVT.stages([["Sales", "Risk", "Operations", "IT"]])))
        #expect(four.verdict == .for)
        #expect(four.toFindOut == nil)
    }

    @Test("crosses-functions: against at exactly one function, however many stages")
    func crossesFunctionsAgainst() {
        let result = CVT.judge(.crossesFunctions, CVT.bare(stages: CVT.stages([["IT"], ["IT"], ["it"]])))
        #expect(result.verdict == .against)
        #expect(result.evidence.contains("IT"))
        #expect(result.toFindOut == nil)
    }

    @Test("crosses-functions: unknown at zero functions (no stages, or stages naming none)")
    func crossesFunctionsUnknownZero() {
        for stream in [CVT.bare(), CVT.bare(stages: [Stage(name: "Apply"), Stage(name: "Check")])] {
            let result = CVT.judge(.crossesFunctions, stream)
            #expect(result.verdict == .unknown)
            #expect(result.toFindOut?.contains("functions") == true)
        }
    }

    @Test("crosses-functions: unknown at exactly two distinct functions (counted case-insensitively)")
    func crossesFunctionsUnknownTwo() {
        let result = CVT.judge(.crossesFunctions, CVT.bare(stages: CVT.stages([["Sales"], ["sales", "Risk"]])))
        #expect(result.verdict == .unknown)
        #expect(result.evidence.contains("Sales"))
        #expect(result.evidence.contains("Risk"))
        #expect(result.toFindOut != nil)
    }

    // MARK: customer-outcomes

    @Test("customer-outcomes: for when a metric is of category customer, naming it")
    func customerOutcomesFor() {
        let result = CVT.judge(.customerOutcomes, CVT.bare(metrics: [Metric(name: "Cost per call", category: .efficiency), Metric(name: "CSAT", category: .customer)]))
        #expect(result.verdict == .for)
        #expect(result.evidence.contains("CSAT"))
        #expect(result.toFindOut == nil)
    }

    @Test("customer-outcomes: against when there are metrics and none is customer, naming them")
    func customerOutcomesAgainst() {
        let result = CVT.judge(.customerOutcomes, CVT.bare(metrics: [Metric(name: "Cost per ticket", category: .efficiency), Metric(name: "Patch maturity", category: .capability)]))
        #expect(result.verdict == .against)
        #expect(result.evidence.contains("Cost per ticket"))
        #expect(result.evidence.contains("Patch maturity"))
        #expect(result.toFindOut == nil)
    }

    @Test("customer-outcomes: unknown without metrics")
    func customerOutcomesUnknown() {
        let result = CVT.judge(.customerOutcomes, CVT.bare())
        #expect(result.verdict == .unknown)
        #expect(result.evidence.contains("metrics"))
        #expect(result.toFindOut != nil)
    }

    // MARK: revenue-or-mission

    @Test("revenue-or-mission: for when a metric's name says revenue, sales, income or margin, any case or category", arguments: [
        "Revenue per customer", "Cost of SALES", "Net income", "Gross Margin",
    ])
    func revenueOrMissionForMetric(name: String) {
        let result = CVT.judge(.revenueOrMission, CVT.bare(metrics: [Metric(name: "Cycle time", category: .efficiency), Metric(name: name, category: .efficiency)]))
        #expect(result.verdict == .for)
        #expect(result.evidence.contains(name))
        #expect(result.toFindOut == nil)
    }

    @Test("revenue-or-mission: for when it serves external customers, without a revenue metric")
    func revenueOrMissionForExternal() {
        let result = CVT.judge(.revenueOrMission, CVT.bare(serves: .external, metrics: [Metric(name: "NPS", category: .customer)]))
        #expect(result.verdict == .for)
        #expect(result.evidence.contains("external"))
        #expect(result.toFindOut == nil)
    }

    @Test("revenue-or-mission: against when it serves internal customers and no metric speaks of revenue")
    func revenueOrMissionAgainst() {
        let result = CVT.judge(.revenueOrMission, CVT.bare(serves: .internal, metrics: [Metric(name: "Cost per hire", category: .efficiency)]))
        #expect(result.verdict == .against)
        #expect(result.evidence.contains("internal"))
        #expect(result.toFindOut == nil)
    }

    @Test("revenue-or-mission: unknown with neither a revenue metric nor serves")
    func revenueOrMissionUnknown() {
        let result = CVT.judge(.revenueOrMission, CVT.bare(metrics: [Metric(name: "NPS", category: .customer)]))
        #expect(result.verdict == .unknown)
        #expect(result.toFindOut?.contains("serves") == true)
    }

    // MARK: ends-in-customer-value

    @Test("ends-in-customer-value: for when value is given and it serves external, quoting the value")
    func endsInCustomerValueFor() {
        let result = CVT.judge(.endsInCustomerValue, CVT.bare(value: "an account ready to use", serves: .external))
        #expect(result.verdict == .for)
        #expect(result.evidence.contains("an account ready to use"))
        #expect(result.toFindOut == nil)
    }

    @Test("ends-in-customer-value: against when it serves internal, with or without a value")
    func endsInCustomerValueAgainst() {
        let withValue = CVT.judge(.endsInCustomerValue, CVT.bare(value: "people hired", serves: .internal))
        #expect(withValue.verdict == .against)
        #expect(withValue.evidence.contains("internal"))
        #expect(withValue.evidence.contains("people hired"))
        #expect(withValue.toFindOut == nil)
        let without = CVT.judge(.endsInCustomerValue, CVT.bare(serves: .internal))
        #expect(without.verdict == .against)
        #expect(without.toFindOut == nil)
    }

    @Test("ends-in-customer-value: unknown otherwise — value without serves, external without value, neither")
    func endsInCustomerValueUnknown() {
        for stream in [CVT.bare(value: "an account"), CVT.bare(serves: .external), CVT.bare()] {
            let result = CVT.judge(.endsInCustomerValue, stream)
            #expect(result.verdict == .unknown)
            #expect(result.toFindOut?.contains("value") == true)
        }
    }

    // MARK: internal-customers

    @Test("internal-customers: for when it serves external")
    func internalCustomersFor() {
        let result = CVT.judge(.internalCustomers, CVT.bare(serves: .external))
        #expect(result.verdict == .for)
        #expect(result.evidence.contains("external"))
        #expect(result.toFindOut == nil)
    }

    @Test("internal-customers: against when it serves internal")
    func internalCustomersAgainstServes() {
        let result = CVT.judge(.internalCustomers, CVT.bare(serves: .internal))
        #expect(result.verdict == .against)
        #expect(result.evidence.contains("internal"))
        #expect(result.toFindOut == nil)
    }

    @Test("internal-customers: against on an internal trigger when serves is absent")
    func internalCustomersAgainstTrigger() {
        let result = CVT.judge(.internalCustomers, CVT.bare(trigger: Trigger(by: "Line manager", external: false)))
        #expect(result.verdict == .against)
        #expect(result.evidence.contains("trigger"))
        #expect(result.toFindOut == nil)
    }

    @Test("internal-customers: unknown with neither serves nor an internal trigger")
    func internalCustomersUnknown() {
        for trigger in [nil, Trigger(by: "Customer", external: true), Trigger(by: "Someone")] as [Trigger?] {
            let result = CVT.judge(.internalCustomers, CVT.bare(trigger: trigger))
            #expect(result.verdict == .unknown)
            #expect(result.toFindOut?.contains("serves") == true)
        }
    }

    // MARK: enables-others

    @Test("enables-others: against for a link from it to another stream's stage, naming the target")
    func enablesOthersAgainstStage() {
        let result = CVT.judge(.enablesOthers, CVT.bare(id: "it-infra"), others: [customer("open-account")],
                               links: [link("it-infra", "open-account/Apply")])
        #expect(result.verdict == .against)
        #expect(result.evidence.contains("open-account/Apply"))
        #expect(result.toFindOut == nil)
    }

    @Test("enables-others: against for a dependency on another stream, also from one of its stages")
    func enablesOthersAgainstStream() {
        let hr = CVT.bare(id: "hr", stages: [Stage(name: "Hire")])
        let fromStream = CVT.judge(.enablesOthers, hr, others: [supporting("it-infra")], links: [link("hr", "it-infra")])
        #expect(fromStream.verdict == .against)
        #expect(fromStream.evidence.contains("it-infra"))
        let fromStage = CVT.judge(.enablesOthers, hr, others: [supporting("it-infra")], links: [link("hr/Hire", "it-infra")])
        #expect(fromStage.verdict == .against)
        #expect(fromStage.evidence.contains("it-infra"))
    }

    @Test("enables-others: the evidence counts several targets")
    func enablesOthersMany() {
        let result = CVT.judge(.enablesOthers, CVT.bare(id: "it-infra"),
                               others: [customer("x", stages: [Stage(name: "A"), Stage(name: "B")]), supporting("hr")],
                               links: [link("it-infra", "x/A"), link("it-infra", "x/B"), link("it-infra", "hr")])
        #expect(result.verdict == .against)
        #expect(result.evidence.contains("3"))
        for target in ["x/A", "x/B", "hr"] { #expect(result.evidence.contains(target)) }
    }

    @Test("enables-others: unknown with no links from it — none at all, or only links into it")
    func enablesOthersUnknown() {
        let alone = CVT.judge(.enablesOthers, CVT.bare(id: "it-infra"))
        #expect(alone.verdict == .unknown)
        #expect(alone.toFindOut?.contains("integrations") == true)
        let target = CVT.judge(.enablesOthers, CVT.bare(id: "it-infra"), others: [supporting("hr")], links: [link("hr", "it-infra")])
        #expect(target.verdict == .unknown)
        #expect(target.toFindOut != nil)
    }

    @Test("enables-others never says for, even for a customer stream")
    func enablesOthersNeverFor() {
        let streams = [CVT.fullCustomer(), CVT.fullSupporting(), CVT.bare()]
        for stream in streams {
            #expect(CVT.judge(.enablesOthers, stream).verdict != .for)
            #expect(CVT.judge(.enablesOthers, stream, others: [customer("x")], links: [link(stream.id, "x/Apply")]).verdict == .against)
        }
    }

    // MARK: weights, suggestion, confidence

    @Test("weights: revenue-or-mission counts 2, every other criterion 1, 8 in all")
    func weights() {
        for criterion in Criterion.allCases {
            #expect(criterion.weight == (criterion == .revenueOrMission ? 2 : 1))
        }
        #expect(Criterion.allCases.reduce(0) { $0 + $1.weight } == 8)
        #expect(Criterion.allCases.map(\.rawValue) == [
            "external-trigger", "crosses-functions", "customer-outcomes", "revenue-or-mission",
            "ends-in-customer-value", "internal-customers", "enables-others",
        ])
    }

    @Test("every criterion is judged once, in order, with evidence")
    func everyCriterionOnce() {
        let result = CVT.test(CVT.fullCustomer())
        #expect(result.criteria.map(\.criterion) == Criterion.allCases)
        #expect(result.criteria.allSatisfy { !$0.evidence.isEmpty })
        #expect(result.stream == "open-account")
    }

    @Test("a customer stream with all but enables-others for: customer at 7/8")
    func sevenEighths() {
        let result = CVT.test(CVT.fullCustomer())
        #expect(result.weights == (for: 7, against: 0, unknown: 1))
        #expect(result.declared == .customer)
        #expect(result.suggested == .customer)
        #expect(result.confidence == 7.0 / 8.0)
    }

    @Test("a supporting stream against on every criterion: supporting at 8/8")
    func allAgainst() {
        let result = CVT.test(CVT.fullSupporting(), others: [customer("x")], links: [link("it-infra", "x/Apply")])
        #expect(result.weights == (for: 0, against: 8, unknown: 0))
        #expect(result.suggested == .supporting)
        #expect(result.confidence == 1)
    }

    @Test("the suggestion goes to the greater weight, whatever is declared")
    func greaterWeightWins() {
        var declaredSupporting = CVT.fullCustomer()
        declaredSupporting.kind = .supporting
        let test = CVT.test(declaredSupporting)
        #expect(test.declared == .supporting)
        #expect(test.suggested == .customer)
        #expect(test.confidence == 7.0 / 8.0)

        var declaredCustomer = CVT.fullSupporting()
        declaredCustomer.kind = .customer
        let other = CVT.test(declaredCustomer)
        #expect(other.declared == .customer)
        #expect(other.suggested == .supporting)
        #expect(other.weights == (for: 0, against: 7, unknown: 1))
        #expect(other.confidence == 7.0 / 8.0)
    }

    /// for: external-trigger 1, crosses-functions 1, revenue metric 2; against:
    /// customer-outcomes 1, ends-in-customer-value 1, internal-customers 1, enables-others 1.
    private func tied(_ kind: StreamKind) -> CustomerValueTestResult {
        let stream = CVT.bare(kind, id: "desk", trigger: Trigger(by: "Customer", external: true), serves: .internal,
                              stages: CVT.stages([["Sales", "IT", "Operations"]]),
                              metrics: [Metric(name: "Revenue protected", category: .efficiency)])
        return CVT.test(stream, others: [supporting("hr")], links: [link("desk", "hr")])
    }

    @Test("a tie keeps the declared kind, at confidence 4/8", arguments: StreamKind.allCases)
    func tieKeepsDeclared(kind: StreamKind) {
        let result = tied(kind)
        #expect(result.weights == (for: 4, against: 4, unknown: 0))
        #expect(result.suggested == kind)
        #expect(result.confidence == 4.0 / 8.0)
    }

    @Test("a stream with no data at all ties at 0 against 0: declared kind kept, confidence 0")
    func nothingKnown() {
        for kind in StreamKind.allCases {
            let result = CVT.test(CVT.bare(kind))
            #expect(result.weights == (for: 0, against: 0, unknown: 8))
            #expect(result.suggested == kind)
            #expect(result.confidence == 0)
        }
    }

    @Test("unknowns lower the confidence: 3 for, 1 against, 4 unknown is customer at 3/8")
    func unknownsLowerConfidence() {
        let stream = CVT.bare(.supporting, id: "desk", trigger: Trigger(external: true),
                              stages: CVT.stages([["Sales"], ["IT"], ["Operations"]]),
                              metrics: [Metric(name: "CSAT", category: .customer)])
        let result = CVT.test(stream, others: [supporting("hr")], links: [link("desk", "hr")])
        #expect(result.weights == (for: 3, against: 1, unknown: 4))
        #expect(result.suggested == .customer)
        #expect(result.confidence == 3.0 / 8.0)
    }

    @Test("5 for against 2 with one unknown: customer at 5/8")
    func fiveEighths() {
        let stream = CVT.bare(.supporting, id: "desk", trigger: Trigger(external: true), serves: .internal,
                              stages: CVT.stages([["Sales"], ["IT"], ["Operations"]]),
                              metrics: [Metric(name: "Revenue retained", category: .customer)])
        let result = CVT.test(stream)
        #expect(result.weights == (for: 5, against: 2, unknown: 1))
        #expect(result.suggested == .customer)
        #expect(result.confidence == 5.0 / 8.0)
    }

    // MARK: what to find out

    @Test("every unknown says what to find out; no for or against does")
    func toFindOut() {
        let streams = [
            CVT.bare(), CVT.bare(.customer), CVT.fullCustomer(), CVT.fullSupporting(),
            CVT.bare(trigger: Trigger(by: "X"), value: "v", stages: CVT.stages([["A"], ["B"]]), metrics: [Metric(name: "m", category: .capability)]),
            CVT.bare(serves: .external, stages: CVT.stages([["A"]])),
        ]
        var unknowns = 0
        for stream in streams {
            for result in CVT.test(stream).criteria {
                if result.verdict == .unknown {
                    unknowns += 1
                    #expect(result.toFindOut?.isEmpty == false, "\(stream.id) \(result.criterion.rawValue)")
                } else {
                    #expect(result.toFindOut == nil, "\(stream.id) \(result.criterion.rawValue)")
                }
                #expect(!result.evidence.isEmpty)
            }
        }
        // The bare stream alone has seven unknowns: the loop saw unknowns of every criterion.
        #expect(unknowns >= 7)
        let allUnknown = CVT.test(CVT.bare()).criteria
        #expect(allUnknown.allSatisfy { $0.verdict == .unknown && $0.toFindOut != nil })
    }
}
