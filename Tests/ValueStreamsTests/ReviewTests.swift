import Testing
@testable import ValueStreams

/// A model built here, with no finding at all at `today`, and the tools to check that a
/// variant of it makes exactly one finding appear and a fix makes it disappear.
private enum RV {
    static let today = date("2026-06-01")

    static func sla() -> ServiceLevel { ServiceLevel(availability: fraction("99.5%")) }

    /// A link with a service level.
    static func agreed(_ from: String, _ to: String, _ effect: Effect = .capacity, id: String? = nil) -> IntegrationPoint {
        var point = link(from, to, effect, id: id)
        point.sla = sla()
        return point
    }

    static let stakeholders = [
        Stakeholder(name: "Ann", function: "Sales"),
        Stakeholder(name: "Bob", function: "Operations"),
        Stakeholder(name: "Cat", function: "IT"),
        Stakeholder(name: "Dan", function: "People"),
        Stakeholder(name: "Eve", function: "Sales"),
        Stakeholder(name: "Fay"),
    ]

    static func agree(_ by: String, from function: String? = nil, stale: Bool = false) -> SignOff {
        SignOff(by: by, function: function, verdict: .agree, on: date("2026-05-01"), stale: stale)
    }

    static func disagree(_ by: String, from function: String? = nil, stale: Bool = false) -> SignOff {
        SignOff(by: by, function: function, verdict: .disagree, on: date("2026-05-01"), stale: stale)
    }

    /// A customer stream every criterion of the test calls customer, owned and governed
    /// across functions, signed off by two functions, reviewed in March.
    static func openAccount() -> ValueStream {
        ValueStream(
            id: "open-account", name: "Open Account", kind: .customer,
            trigger: Trigger(by: "Prospective customer", event: "applies for an account", external: true),
            value: "an account ready to use", owner: Owner(name: "Head of Onboarding", reach: .crossFunctional),
            serves: .external, promise: duration("1d"), reviewed: date("2026-03-01"),
            classification: ClassificationRecord(kind: .customer, by: "Fay", on: date("2026-04-01")),
            signoffs: [agree("Ann"), agree("Bob")],
            governance: Governance(model: .crossFunctional, forum: "Onboarding board", members: ["Head of Onboarding", "Head of IT"]),
            stages: [
                Stage(name: "Apply", functions: ["Sales", "Operations"]),
                Stage(name: "Verify", functions: ["Risk"]),
                Stage(name: "Activate", functions: ["Operations", "IT"]),
            ],
            metrics: [Metric(name: "Time to value", category: .customer), Metric(name: "Revenue per account", category: .customer)])
    }

    /// A supporting stream every criterion calls supporting, linked into all three customer stages.
    static func itInfra() -> ValueStream {
        ValueStream(
            id: "it-infra", name: "Manage IT Infrastructure", kind: .supporting,
            trigger: Trigger(by: "Service desk", event: "raises a change", external: false),
            value: "systems that run", owner: Owner(name: "Head of IT", reach: .functional),
            serves: .internal, reviewed: date("2026-02-01"),
            signoffs: [agree("Cat"), agree("Dan")],
            governance: Governance(model: .functional, forum: "IT board", members: ["Head of IT", "Head of Onboarding"]),
            stages: [Stage(name: "Run", functions: ["IT"])],
            metrics: [Metric(name: "Cost per ticket", category: .efficiency)])
    }

    /// A supporting stream that reaches the customer stages only through it-infra.
    static func hr() -> ValueStream {
        ValueStream(
            id: "hr", name: "Hire", kind: .supporting,
            trigger: Trigger(by: "Line manager", event: "opens a vacancy", external: false),
            value: "people in post", owner: Owner(name: "Head of People", reach: .functional),
            serves: .internal, reviewed: date("2026-01-10"),
            signoffs: [agree("Dan")],
            governance: Governance(model: .functional, forum: "People board", members: ["Head of People", "onboarding board"]),
            stages: [Stage(name: "Hire", functions: ["People"])],
            metrics: [Metric(name: "Time to hire", category: .efficiency)])
    }

    /// A copy of hr under another id, for chains and cycles.
    static func payroll() -> ValueStream {
        var stream = hr()
        stream.id = "payroll"
        stream.name = "Pay"
        return stream
    }

    /// A supporting stream the test calls supporting at 5/8: triggered from outside, across
    /// functions, with a customer metric, but serving internal customers.
    static func serviceDesk() -> ValueStream {
        ValueStream(
            id: "service-desk", name: "IT Service Desk", kind: .supporting,
            trigger: Trigger(by: "Customer", event: "calls about a fault", external: true),
            value: "faults resolved", owner: Owner(name: "Head of Service", reach: .functional),
            serves: .internal, reviewed: date("2026-04-20"),
            signoffs: [agree("Cat")],
            governance: Governance(model: .functional, forum: "Service board", members: ["Head of Onboarding"]),
            stages: [Stage(name: "Log", functions: ["Service"]), Stage(name: "Resolve", functions: ["IT", "Operations"])],
            metrics: [Metric(name: "CSAT", category: .customer), Metric(name: "Cost per call", category: .efficiency)])
    }

    /// Streams 0…3: open-account, it-infra, hr, service-desk. Links 0…4.
    static func base() -> Model {
        Model(
            name: "Northwind Bank", stakeholders: stakeholders,
            streams: [openAccount(), itInfra(), hr(), serviceDesk()],
            integrations: [
                agreed("it-infra", "open-account/Apply"),
                agreed("it-infra/Run", "open-account/Verify", .latency),
                agreed("it-infra", "open-account/Activate", id: "it-activate"),
                link("hr", "it-infra", .quality),
                agreed("service-desk", "open-account/Activate", .latency, id: "desk-activate"),
            ])
    }

    /// Edits a copy of a model.
    static func edit(_ model: Model, _ change: (inout Model) -> Void) -> Model {
        var copy = model
        change(&copy)
        return copy
    }

    static func index(_ model: Model, _ id: String) -> Int {
        guard let index = model.streams.firstIndex(where: { $0.id == id }) else { fatalError("test fixture: no stream \(id)") }
        return index
    }

    /// Edits one stream of a copy of a model.
    static func edit(_ model: Model, stream id: String, _ change: (inout ValueStream) -> Void) -> Model {
        edit(model) { model in
            let position = index(model, id)
            change(&model.streams[position])
        }
    }

    struct Key: Hashable, Comparable, CustomStringConvertible {
        let code: String
        let entity: String
        static func < (lhs: Key, rhs: Key) -> Bool { (lhs.code, lhs.entity) < (rhs.code, rhs.entity) }
        var description: String { "\(code) \(entity)" }
    }

    /// The findings of codes other than `code`, as a sorted multiset of (code, entity).
    static func others(_ findings: [Finding], than code: ReviewCode) -> [Key] {
        findings.filter { $0.code != code }.map { Key(code: $0.code.rawValue, entity: $0.entity) }.sorted()
    }

    static func keys(_ findings: [Finding]) -> [Key] {
        findings.map { Key(code: $0.code.rawValue, entity: $0.entity) }
    }

    /// The acceptance point: `base` has no finding of `code`; `variant` has exactly one, on
    /// `entity`, with the code's severity and a message mentioning `mentions`; `fix` has none;
    /// in both, the findings of every other code are the base's.
    static func check(
        _ code: ReviewCode, severity: FindingSeverity, entity: String, mentions: [String],
        base: Model, variant: Model, fix: Model, today: CalendarDate = RV.today,
        sourceLocation: SourceLocation = #_sourceLocation
    ) {
        let before = base.review(today: today)
        let during = variant.review(today: today)
        let after = fix.review(today: today)
        #expect(!before.contains { $0.code == code }, "the base already has \(code.rawValue)", sourceLocation: sourceLocation)
        let found = during.filter { $0.code == code }
        #expect(found.count == 1, "variant: \(keys(during))", sourceLocation: sourceLocation)
        if let finding = found.first {
            #expect(finding.entity == entity, sourceLocation: sourceLocation)
            #expect(finding.severity == severity, sourceLocation: sourceLocation)
            #expect(code.severity == severity, sourceLocation: sourceLocation)
            for word in mentions {
                #expect(finding.message.contains(word), "message '\(finding.message)' lacks '\(word)'", sourceLocation: sourceLocation)
            }
            #expect(!finding.fix.isEmpty, sourceLocation: sourceLocation)
        }
        #expect(!after.contains { $0.code == code }, "fix: \(keys(after))", sourceLocation: sourceLocation)
        #expect(others(during, than: code) == others(before, than: code), "variant changed other findings", sourceLocation: sourceLocation)
        #expect(others(after, than: code) == others(before, than: code), "fix changed other findings", sourceLocation: sourceLocation)
    }

    /// Expects a finding of `code` on `entity` in the review of `model` at `today`.
    static func expectFinding(_ model: Model, _ code: ReviewCode, _ entity: String, today: CalendarDate = RV.today,
                              sourceLocation: SourceLocation = #_sourceLocation) {
        let findings = model.review(today: today)
        let found = findings.contains { $0.code == code && $0.entity == entity }
        #expect(found, "no \(code.rawValue) on \(entity) among \(keys(findings))", sourceLocation: sourceLocation)
    }

    /// Expects no finding of `code` on `entity` (or on anything, when nil).
    static func expectNoFinding(_ model: Model, _ code: ReviewCode, _ entity: String? = nil, today: CalendarDate = RV.today,
                                sourceLocation: SourceLocation = #_sourceLocation) {
        let findings = model.review(today: today)
        let found = findings.contains { $0.code == code && (entity == nil || $0.entity == entity) }
        #expect(!found, "unexpected \(code.rawValue) among \(keys(findings))", sourceLocation: sourceLocation)
    }

    /// Expects the review of `model` to have exactly these findings, in order.
    static func expectFindings(_ model: Model, _ expected: [Key], today: CalendarDate = RV.today,
                               sourceLocation: SourceLocation = #_sourceLocation) {
        let actual = keys(model.review(today: today))
        #expect(actual == expected, sourceLocation: sourceLocation)
    }
}

@Suite("Review: one model per code makes it appear, one fix makes it disappear")
struct ReviewTests {
    // MARK: the base

    @Test("the base model is built here, from nothing but ValueStreams: valid, and without a finding")
    func baseIsClean() {
        let base = RV.base()
        #expect(base.validate() == [])
        RV.expectFindings(base, [])
        #expect(base.streams.map(\.id) == ["open-account", "it-infra", "hr", "service-desk"])
        // Each stream's test agrees with its declared kind.
        for stream in base.streams {
            #expect(base.customerValueTest(of: stream).suggested == stream.kind)
        }
        #expect(base.customerValueTest(of: base.streams[3]).confidence == 5.0 / 8.0)
    }

    @Test("there are fourteen codes (review-overdue and review-missing share a row), two of them info")
    func codes() {
        #expect(ReviewCode.allCases.count == 14)
        #expect(ReviewCode.allCases.filter { $0.severity == .info } == [.stageUnsupported, .reviewMissing])
        #expect(ReviewCode.reviewMissing.rawValue == "review-missing")
        #expect(ReviewCode.unvalidated.rawValue == "unvalidated")
    }

    // MARK: customer-metrics-missing

    @Test("customer-metrics-missing: a customer stream with metrics, none customer")
    func customerMetricsMissing() {
        let base = RV.base()
        let variant = RV.edit(base, stream: "open-account") { $0.metrics = [Metric(name: "Cost per account", category: .efficiency)] }
        let fix = RV.edit(variant, stream: "open-account") { $0.metrics.append(Metric(name: "NPS", category: .customer)) }
        RV.check(.customerMetricsMissing, severity: .warning, entity: "open-account", mentions: ["open-account", "Cost per account"],
                 base: base, variant: variant, fix: fix)
    }

    @Test("customer-metrics-missing: not for a customer stream without metrics, nor for a supporting one")
    func customerMetricsMissingAbsent() {
        let none = RV.edit(RV.base(), stream: "open-account") { $0.metrics = [] }
        RV.expectNoFinding(none, .customerMetricsMissing)
        RV.expectNoFinding(RV.base(), .customerMetricsMissing) // it-infra and hr have only efficiency metrics
    }

    // MARK: supporting-owns-customer-outcome

    @Test("supporting-owns-customer-outcome: a supporting stream measured only by customer metrics")
    func supportingOwnsCustomerOutcome() {
        let base = RV.base()
        let variant = RV.edit(base, stream: "it-infra") { $0.metrics = [Metric(name: "Onboarding NPS", category: .customer)] }
        let fix = RV.edit(variant, stream: "it-infra") { $0.metrics.append(Metric(name: "Cost per ticket", category: .efficiency)) }
        RV.check(.supportingOwnsCustomerOutcome, severity: .warning, entity: "it-infra", mentions: ["it-infra", "Onboarding NPS"],
                 base: base, variant: variant, fix: fix)
    }

    @Test("supporting-owns-customer-outcome: not without metrics, nor for a customer stream")
    func supportingOwnsCustomerOutcomeAbsent() {
        let none = RV.edit(RV.base(), stream: "it-infra") { $0.metrics = [] }
        RV.expectNoFinding(none, .supportingOwnsCustomerOutcome)
        RV.expectNoFinding(RV.base(), .supportingOwnsCustomerOutcome) // open-account has only customer metrics
    }

    // MARK: customer-link-missing

    /// A supporting sink with a customer metric (so it needs no path itself): its only
    /// finding is enables-nothing, in the base and every variant.
    static func facilities() -> ValueStream {
        ValueStream(
            id: "facilities", name: "Run Facilities", kind: .supporting,
            trigger: Trigger(by: "Branch manager", event: "reports a fault", external: false),
            value: "branches that work", owner: Owner(name: "Head of Facilities", reach: .functional),
            serves: .internal, reviewed: date("2026-05-01"), signoffs: [RV.agree("Bob")],
            governance: Governance(model: .functional, members: ["Head of Onboarding"]),
            stages: [Stage(name: "Maintain", functions: ["Facilities"])],
            metrics: [Metric(name: "Cost per square metre", category: .efficiency), Metric(name: "Branch visitor satisfaction", category: .customer)])
    }

    @Test("customer-link-missing: a supporting stream whose links reach no customer stage and that has no customer metric")
    func customerLinkMissing() {
        let base = RV.edit(RV.base()) { $0.streams.append(Self.facilities()) }
        RV.expectFindings(base, [RV.Key(code: "enables-nothing", entity: "facilities")])
        // hr's dependency now leads to a stream that reaches nothing.
        let variant = RV.edit(base) { $0.integrations[3].to = Endpoint(stream: "facilities") }
        // One direct integration point satisfies it.
        let fix = RV.edit(variant) { $0.integrations.append(RV.agreed("hr", "open-account/Verify", .quality)) }
        RV.check(.customerLinkMissing, severity: .warning, entity: "hr", mentions: ["hr"], base: base, variant: variant, fix: fix)
    }

    @Test("customer-link-missing: a dependency path through supporting streams satisfies it")
    func customerLinkMissingPath() {
        // The base: hr -> it-infra -> open-account/Apply, and hr has no customer metric.
        let base = RV.base()
        #expect(!base.integrations.contains { $0.from.stream == "hr" && $0.to.stage != nil })
        RV.expectNoFinding(base, .customerLinkMissing, "hr")
        // Three hops: payroll -> hr -> it-infra -> customer stage.
        let payroll = RV.payroll()
        let longer = RV.edit(base) {
            $0.streams.append(payroll)
            $0.integrations.append(link("payroll", "hr"))
        }
        RV.expectNoFinding(longer, .customerLinkMissing)
        RV.expectFindings(longer, [])
        // Cut the last hop (it-infra's links into the customer stages) and the whole chain misses.
        let cut = RV.edit(longer) { model in model.integrations.removeAll { $0.from.stream.hasPrefix("it-infra") } }
        RV.expectFinding(cut, .customerLinkMissing, "payroll")
        RV.expectFinding(cut, .customerLinkMissing, "hr")
        RV.expectFinding(cut, .customerLinkMissing, "it-infra")
    }

    @Test("customer-link-missing: a customer metric exempts it; a link to a supporting stream's stage is no link to a customer stage")
    func customerLinkMissingExemptions() {
        let base = RV.edit(RV.base()) { $0.streams.append(Self.facilities()) }
        let variant = RV.edit(base) { $0.integrations[3].to = Endpoint(stream: "facilities", stage: "Maintain") }
        RV.expectFinding(variant, .customerLinkMissing, "hr")
        let measured = RV.edit(variant, stream: "hr") { $0.metrics.append(Metric(name: "Onboarding NPS", category: .customer)) }
        RV.expectNoFinding(measured, .customerLinkMissing, "hr")
    }

    // MARK: enables-nothing

    @Test("enables-nothing: a supporting stream that is the from of no link")
    func enablesNothing() {
        let base = RV.edit(RV.base()) {
            $0.streams.append(Self.facilities())
            $0.integrations.append(RV.agreed("facilities", "open-account/Apply"))
        }
        RV.expectFindings(base, [])
        let variant = RV.edit(base) { $0.integrations.removeLast() }
        // A dependency on another supporting stream is enough.
        let fix = RV.edit(variant) { $0.integrations.append(link("facilities", "it-infra")) }
        RV.check(.enablesNothing, severity: .warning, entity: "facilities", mentions: ["facilities"], base: base, variant: variant, fix: fix)
    }

    @Test("enables-nothing: a link from one of its stages counts; links into it do not")
    func enablesNothingStageAndIncoming() {
        let base = RV.edit(RV.base()) { $0.streams.append(Self.facilities()) }
        RV.expectFinding(base, .enablesNothing, "facilities")
        let incoming = RV.edit(base) { $0.integrations.append(link("hr", "facilities")) }
        RV.expectFinding(incoming, .enablesNothing, "facilities")
        let fromStage = RV.edit(base) { $0.integrations.append(RV.agreed("facilities/Maintain", "open-account/Apply")) }
        RV.expectNoFinding(fromStage, .enablesNothing, "facilities")
        // Never for a customer stream, which is the from of no link either.
        RV.expectNoFinding(base, .enablesNothing, "open-account")
    }

    // MARK: owner-not-cross-functional

    @Test("owner-not-cross-functional: a customer stream's owner with reach functional")
    func ownerNotCrossFunctional() {
        let base = RV.base()
        let variant = RV.edit(base, stream: "open-account") { $0.owner?.reach = .functional }
        let fix = RV.edit(variant, stream: "open-account") { $0.owner?.reach = .crossFunctional }
        RV.check(.ownerNotCrossFunctional, severity: .warning, entity: "open-account", mentions: ["open-account", "Head of Onboarding"],
                 base: base, variant: variant, fix: fix)
    }

    @Test("owner-not-cross-functional: not for an owner without reach, no owner, or a supporting stream")
    func ownerNotCrossFunctionalAbsent() {
        RV.expectNoFinding(RV.edit(RV.base(), stream: "open-account") { $0.owner?.reach = nil }, .ownerNotCrossFunctional)
        RV.expectNoFinding(RV.edit(RV.base(), stream: "open-account") { $0.owner = nil }, .ownerNotCrossFunctional)
        #expect(RV.base().streams[1].owner?.reach == .functional)
        RV.expectNoFinding(RV.base(), .ownerNotCrossFunctional)
    }

    // MARK: customer-voice-missing

    @Test("customer-voice-missing: a supporting stream's governance lists members, none a customer-stream owner or forum")
    func customerVoiceMissing() {
        let base = RV.base()
        let variant = RV.edit(base, stream: "it-infra") { $0.governance?.members = ["Head of IT", "CFO"] }
        // The customer stream's forum, in any case, is a customer voice too.
        let fix = RV.edit(variant, stream: "it-infra") { $0.governance?.members.append("ONBOARDING BOARD") }
        RV.check(.customerVoiceMissing, severity: .warning, entity: "it-infra", mentions: ["it-infra"], base: base, variant: variant, fix: fix)
    }

    @Test("customer-voice-missing: only when governance lists members")
    func customerVoiceMissingOnlyWithMembers() {
        let empty = RV.edit(RV.base(), stream: "it-infra") { $0.governance?.members = [] }
        RV.expectNoFinding(empty, .customerVoiceMissing)
        let none = RV.edit(RV.base(), stream: "it-infra") { $0.governance = nil }
        RV.expectNoFinding(none, .customerVoiceMissing)
        // A supporting stream's owner is no customer voice.
        let supportingOwner = RV.edit(RV.base(), stream: "it-infra") { $0.governance?.members = ["Head of People"] }
        RV.expectFinding(supportingOwner, .customerVoiceMissing, "it-infra")
    }

    // MARK: sla-missing

    @Test("sla-missing: an integration point into a customer stage without SLA, named by its id")
    func slaMissing() {
        let base = RV.base()
        let variant = RV.edit(base) { $0.integrations[2].sla = nil }
        let fix = RV.edit(variant) { $0.integrations[2].sla = ServiceLevel(latency: duration("5m")) }
        RV.check(.slaMissing, severity: .warning, entity: "it-activate", mentions: ["it-activate"], base: base, variant: variant, fix: fix)
    }

    @Test("sla-missing: a link without id is named FROM -> STREAM/STAGE (EFFECT)")
    func slaMissingDescriptiveName() {
        let variant = RV.edit(RV.base()) { $0.integrations[1].sla = nil }
        let findings = variant.review(today: RV.today).filter { $0.code == .slaMissing }
        #expect(findings.map(\.entity) == ["it-infra/Run -> open-account/Verify (latency)"])
    }

    @Test("sla-missing: only for links into a customer stage, never for a dependency")
    func slaMissingOnlyCustomerStages() {
        let base = RV.base()
        #expect(base.integrations[3].sla == nil) // hr -> it-infra
        RV.expectNoFinding(base, .slaMissing)
        let stageOfSupporting = RV.edit(base) { $0.integrations.append(link("hr", "it-infra/Run")) }
        RV.expectNoFinding(stageOfSupporting, .slaMissing)
    }

    // MARK: stage-unsupported

    @Test("stage-unsupported (info): a customer stage that is the to of no link")
    func stageUnsupported() {
        let base = RV.base()
        // In the base, Activate has two links. A base where only it-activate supports it:
        let unlinked = RV.edit(base) { $0.integrations[4].to = Endpoint(stream: "open-account", stage: "Verify") }
        RV.expectFindings(unlinked, [])
        let variant = RV.edit(unlinked) { $0.integrations.remove(at: 2) }
        // A link naming the stage in another case supports it.
        let fix = RV.edit(variant) { $0.integrations.append(RV.agreed("hr", "open-account/activate")) }
        RV.check(.stageUnsupported, severity: .info, entity: "open-account/Activate", mentions: ["Activate", "open-account"],
                 base: unlinked, variant: variant, fix: fix)
    }

    @Test("stage-unsupported: a new stage is unsupported until linked; supporting stages never are")
    func stageUnsupportedNewStage() {
        let base = RV.base()
        let variant = RV.edit(base, stream: "open-account") { $0.stages.append(Stage(name: "Close", functions: ["Operations"])) }
        let fix = RV.edit(variant) { $0.integrations.append(RV.agreed("it-infra", "open-account/Close")) }
        RV.check(.stageUnsupported, severity: .info, entity: "open-account/Close", mentions: ["Close"], base: base, variant: variant, fix: fix)
        let supportingStage = RV.edit(base, stream: "hr") { $0.stages.append(Stage(name: "Onboard", functions: ["People"])) }
        RV.expectNoFinding(supportingStage, .stageUnsupported)
    }

    // MARK: unvalidated

    @Test("unvalidated: a stream with no current agree sign-off")
    func unvalidated() {
        let base = RV.base()
        let variant = RV.edit(base, stream: "hr") { $0.signoffs = [RV.agree("Dan", stale: true)] }
        let fix = RV.edit(variant, stream: "hr") { $0.signoffs.append(RV.agree("Dan")) }
        RV.check(.unvalidated, severity: .warning, entity: "hr", mentions: ["hr"], base: base, variant: variant, fix: fix)
    }

    @Test("unvalidated: stale and disagree sign-offs do not validate; no sign-offs at all does not either")
    func unvalidatedIgnoresStaleAndDisagree() {
        let cases: [[SignOff]] = [
            [],
            [RV.disagree("Dan")],
            [RV.agree("Dan", stale: true)],
            [RV.agree("Dan", stale: true), RV.disagree("Cat")],
            [RV.disagree("Dan"), RV.disagree("Cat"), RV.agree("Bob", stale: true)],
        ]
        for signoffs in cases {
            let model = RV.edit(RV.base(), stream: "hr") { $0.signoffs = signoffs }
            RV.expectFinding(model, .unvalidated, "hr")
        }
        let oneAgrees = RV.edit(RV.base(), stream: "hr") { $0.signoffs = [RV.disagree("Dan"), RV.agree("Cat", stale: true), RV.agree("Bob")] }
        RV.expectNoFinding(oneAgrees, .unvalidated, "hr")
    }

    @Test("unvalidated: a customer stream whose sign-offs all went stale (no current ones, so not single-function)")
    func unvalidatedCustomer() {
        let base = RV.base()
        let variant = RV.edit(base, stream: "open-account") { $0.signoffs = [RV.agree("Ann", stale: true), RV.agree("Bob", stale: true)] }
        let fix = RV.edit(variant, stream: "open-account") { $0.signoffs += [RV.agree("Ann"), RV.agree("Bob")] }
        RV.check(.unvalidated, severity: .warning, entity: "open-account", mentions: ["open-account"], base: base, variant: variant, fix: fix)
    }

    // MARK: validation-single-function

    @Test("validation-single-function: a customer stream's current sign-offs all from one function")
    func validationSingleFunction() {
        let base = RV.base()
        // Bob signs for Sales, not his own Operations.
        let variant = RV.edit(base, stream: "open-account") { $0.signoffs[1].function = "Sales" }
        // Without a function of its own, the sign-off is the stakeholder's: Operations.
        let fix = RV.edit(variant, stream: "open-account") { $0.signoffs[1].function = nil }
        RV.check(.validationSingleFunction, severity: .warning, entity: "open-account", mentions: ["open-account", "Sales"],
                 base: base, variant: variant, fix: fix)
    }

    @Test("validation-single-function: the stakeholder's function counts when the sign-off has none")
    func validationSingleFunctionStakeholder() {
        let base = RV.base()
        // Eve is in Sales, like Ann.
        let variant = RV.edit(base, stream: "open-account") { $0.signoffs[1].by = "Eve" }
        let fix = RV.edit(variant, stream: "open-account") { $0.signoffs[1].function = "Risk" }
        RV.check(.validationSingleFunction, severity: .warning, entity: "open-account", mentions: ["Sales"],
                 base: base, variant: variant, fix: fix)
    }

    @Test("validation-single-function: stale sign-offs are ignored")
    func validationSingleFunctionIgnoresStale() {
        let base = RV.base()
        let variant = RV.edit(base, stream: "open-account") { $0.signoffs[1].stale = true }
        let fix = RV.edit(variant, stream: "open-account") { $0.signoffs.append(RV.agree("Cat")) }
        RV.check(.validationSingleFunction, severity: .warning, entity: "open-account", mentions: ["Sales"],
                 base: base, variant: variant, fix: fix)
        // A stale sign-off from another function does not save it either.
        let staleOther = RV.edit(base, stream: "open-account") { $0.signoffs = [RV.agree("Ann"), RV.agree("Eve"), RV.agree("Bob", stale: true)] }
        RV.expectFinding(staleOther, .validationSingleFunction, "open-account")
    }

    @Test("validation-single-function: not for supporting streams, nor without current sign-offs")
    func validationSingleFunctionScope() {
        // it-infra is signed by IT and People; hr by People alone: supporting streams do not count.
        let base = RV.base()
        #expect(base.streams[2].signoffs.count == 1)
        RV.expectNoFinding(base, .validationSingleFunction)
        let none = RV.edit(base, stream: "open-account") { $0.signoffs = [] }
        RV.expectNoFinding(none, .validationSingleFunction)
    }

    // MARK: review-overdue / review-missing

    @Test("review-overdue: twelve months to the day is not overdue, one day later is")
    func reviewOverdueBoundary() {
        let base = RV.base()
        let onTheDay = RV.edit(base, stream: "hr") { $0.reviewed = date("2025-06-01") }
        RV.expectFindings(onTheDay, [])
        let dayLater = RV.edit(onTheDay, stream: "hr") { $0.reviewed = date("2025-05-31") }
        let fix = RV.edit(dayLater, stream: "hr") { $0.reviewed = RV.today }
        RV.check(.reviewOverdue, severity: .warning, entity: "hr", mentions: ["hr", "2025-05-31", "2026-06-01"],
                 base: onTheDay, variant: dayLater, fix: fix)
        // The same boundary seen from the other side: the review stays, today moves.
        RV.expectNoFinding(onTheDay, .reviewOverdue, "hr", today: date("2026-06-01"))
        RV.expectFinding(onTheDay, .reviewOverdue, "hr", today: date("2026-06-02"))
    }

    @Test("review-overdue: the model's own review interval applies")
    func reviewOverdueInterval() {
        let sixMonths = RV.edit(RV.base()) { $0.reviewInterval = try? ReviewInterval(parsing: "6 months") }
        #expect(sixMonths.reviewInterval != nil)
        // hr was reviewed 2026-01-10: overdue after 2026-07-10.
        RV.expectNoFinding(sixMonths, .reviewOverdue, "hr", today: date("2026-07-10"))
        RV.expectFinding(sixMonths, .reviewOverdue, "hr", today: date("2026-07-11"))
        RV.expectNoFinding(RV.base(), .reviewOverdue, "hr", today: date("2026-07-11"))
    }

    @Test("review-missing (info): a stream without reviewed, instead of review-overdue")
    func reviewMissing() {
        let base = RV.base()
        let variant = RV.edit(base, stream: "hr") { $0.reviewed = nil }
        let fix = RV.edit(variant, stream: "hr") { $0.reviewed = date("2026-05-30") }
        RV.check(.reviewMissing, severity: .info, entity: "hr", mentions: ["hr"], base: base, variant: variant, fix: fix)
        RV.expectNoFinding(variant, .reviewOverdue, "hr", today: date("2099-01-01"))
        RV.expectFinding(variant, .reviewMissing, "hr", today: date("2099-01-01"))
    }

    // MARK: kind-disagrees-with-test

    @Test("kind-disagrees-with-test: the test suggests the other kind at confidence ≥ 0.6")
    func kindDisagreesWithTest() {
        let base = RV.base()
        // Serving external customers moves 4 weight: customer at 7/8.
        let variant = RV.edit(base, stream: "service-desk") { $0.serves = .external }
        #expect(variant.customerValueTest(of: variant.streams[3]).confidence == 7.0 / 8.0)
        // Not knowing whom it serves still suggests customer, but only at 3/8: no finding.
        let fix = RV.edit(variant, stream: "service-desk") { $0.serves = nil }
        let test = fix.customerValueTest(of: fix.streams[3])
        #expect(test.suggested == .customer)
        #expect(test.confidence == 3.0 / 8.0)
        RV.check(.kindDisagreesWithTest, severity: .warning, entity: "service-desk", mentions: ["service-desk", "supporting", "customer"],
                 base: base, variant: variant, fix: fix)
    }

    @Test("kind-disagrees-with-test: 5/8 (0.625) is enough; a 4/8 tie keeps the declared kind")
    func kindDisagreesThreshold() {
        // service-desk with a revenue metric as its customer metric: for 5, against 3.
        let fiveEighths = RV.edit(RV.base(), stream: "service-desk") { $0.metrics[0].name = "Revenue retained" }
        let test = fiveEighths.customerValueTest(of: fiveEighths.streams[3])
        #expect(test.weights == (for: 5, against: 3, unknown: 0))
        #expect(test.confidence == 5.0 / 8.0)
        RV.expectFinding(fiveEighths, .kindDisagreesWithTest, "service-desk")
        // Drop the customer metric's category to efficiency: for 4, against 4, a tie.
        let tie = RV.edit(fiveEighths, stream: "service-desk") { $0.metrics[0].category = .efficiency }
        let tied = tie.customerValueTest(of: tie.streams[3])
        #expect(tied.weights == (for: 4, against: 4, unknown: 0))
        #expect(tied.suggested == .supporting)
        RV.expectNoFinding(tie, .kindDisagreesWithTest, "service-desk")
    }

    @Test("kind-disagrees-with-test: a customer stream the test calls supporting")
    func kindDisagreesCustomer() {
        // open-account triggered inside, serving internal customers, measured by cost: only
        // crosses-functions is for it, enables-others is unknown, the rest is against: 6/8.
        let declared = RV.edit(RV.base(), stream: "open-account") {
            $0.trigger?.external = false
            $0.serves = .internal
            $0.metrics = [Metric(name: "Cost per account", category: .efficiency)]
        }
        let test = declared.customerValueTest(of: declared.streams[0])
        #expect(test.weights == (for: 1, against: 6, unknown: 1))
        #expect(test.suggested == .supporting)
        RV.expectFinding(declared, .kindDisagreesWithTest, "open-account")
        let finding = declared.review(today: RV.today).first { $0.code == .kindDisagreesWithTest }
        #expect(finding?.message.contains("0.75") == true)
    }

    // MARK: dependency-cycle

    @Test("dependency-cycle: a 2-cycle of supporting streams")
    func dependencyCycle() {
        let base = RV.base()
        let variant = RV.edit(base) { $0.integrations.append(link("it-infra", "hr")) }
        // hr now enables a customer stage directly instead of depending on it-infra.
        let fix = RV.edit(variant) { $0.integrations[3] = RV.agreed("hr", "open-account/Apply", .quality) }
        RV.check(.dependencyCycle, severity: .warning, entity: "it-infra", mentions: ["it-infra -> hr -> it-infra"],
                 base: base, variant: variant, fix: fix)
    }

    @Test("dependency-cycle: none for a chain; one for a 3-cycle; links into customer stages never close one")
    func dependencyCycleShapes() {
        let payroll = RV.payroll()
        let chain = RV.edit(RV.base()) {
            $0.streams.append(payroll)
            $0.integrations.append(link("payroll", "hr"))
        }
        // payroll -> hr -> it-infra -> open-account: a chain.
        RV.expectNoFinding(chain, .dependencyCycle)
        let threeCycle = RV.edit(chain) { $0.integrations.append(link("it-infra", "payroll")) }
        let cycles = threeCycle.review(today: RV.today).filter { $0.code == .dependencyCycle }
        #expect(cycles.count == 1)
        #expect(cycles.first?.entity == "it-infra")
        #expect(cycles.first?.message.contains("it-infra -> payroll -> hr -> it-infra") == true)
    }

    // MARK: order

    @Test("findings come stream by stream in code order, then links, then cycles")
    func order() {
        let messy = RV.edit(RV.base()) { model in
            model.streams[0].owner?.reach = .functional
            model.streams[0].metrics = [Metric(name: "Cost", category: .efficiency)]
            model.streams[0].reviewed = nil
            model.streams[2].signoffs = []
            model.integrations[2].sla = nil
            model.integrations.append(link("it-infra", "hr"))
        }
        RV.expectFindings(messy, [
            RV.Key(code: "customer-metrics-missing", entity: "open-account"),
            RV.Key(code: "owner-not-cross-functional", entity: "open-account"),
            RV.Key(code: "review-missing", entity: "open-account"),
            RV.Key(code: "unvalidated", entity: "hr"),
            RV.Key(code: "sla-missing", entity: "it-activate"),
            RV.Key(code: "dependency-cycle", entity: "it-infra"),
        ])
    }
}

@Suite("validation-single-function with unknown functions")
struct SingleFunctionUnknownTests {
    func model(_ signoffs: [SignOff]) throws -> Model {
        let stream = ValueStream(id: "a", name: "A", kind: .customer, signoffs: signoffs)
        return Model(name: "M", stakeholders: [Stakeholder(name: "Known", function: "Sales"), Stakeholder(name: "Unknown")],
                     streams: [stream])
    }

    func fires(_ signoffs: [SignOff]) throws -> Bool {
        try model(signoffs).review(today: CalendarDate(parsing: "2026-12-01")).contains { $0.code == .validationSingleFunction }
    }

    @Test("absent data never triggers it: a sign-off whose function is unknown keeps it quiet")
    func unknownFunction() throws {
        #expect(try fires([SignOff(by: "Known", verdict: .agree)]))
        #expect(try !fires([SignOff(by: "Known", verdict: .agree), SignOff(by: "Unknown", verdict: .agree)]))
        #expect(try !fires([SignOff(by: "Unknown", verdict: .agree)]))
        #expect(try fires([SignOff(by: "Known", verdict: .agree), SignOff(by: "Unknown", function: "sales", verdict: .agree)]))
    }
}
