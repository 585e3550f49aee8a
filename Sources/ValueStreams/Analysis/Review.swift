/// The review codes of DESIGN §3: the classic misclassification pitfalls, each with an
/// exact trigger.
public enum ReviewCode: String, Sendable, Hashable, CaseIterable {
    case customerMetricsMissing = "customer-metrics-missing"
    case supportingOwnsCustomerOutcome = "supporting-owns-customer-outcome"
    case customerLinkMissing = "customer-link-missing"
    case enablesNothing = "enables-nothing"
    case ownerNotCrossFunctional = "owner-not-cross-functional"
    case customerVoiceMissing = "customer-voice-missing"
    case slaMissing = "sla-missing"
    case stageUnsupported = "stage-unsupported"
    case unvalidated
    case validationSingleFunction = "validation-single-function"
    case reviewOverdue = "review-overdue"
    case reviewMissing = "review-missing"
    case kindDisagreesWithTest = "kind-disagrees-with-test"
    case dependencyCycle = "dependency-cycle"

    /// `info` for the two that only inform; `warning` for the rest.
    public var severity: FindingSeverity {
        self == .stageUnsupported || self == .reviewMissing ? .info : .warning
    }
}

/// How much a finding matters.
public enum FindingSeverity: String, Sendable, Hashable {
    case warning
    case info
}

/// One pitfall found in the model.
public struct Finding: Sendable, Hashable {
    public let code: ReviewCode
    /// A stream id, `stream/stage`, or a link's name.
    public let entity: String
    public let message: String
    /// What to do about it.
    public let fix: String

    public var severity: FindingSeverity { code.severity }
}

extension Model {
    /// Every finding of the review at `today`, in model order: streams in order, each with
    /// its findings in code order; then links; then cycles. The confidence threshold for
    /// `kind-disagrees-with-test` is 0.6.
    public func review(today: CalendarDate) -> [Finding] {
        var findings: [Finding] = []
        let ends = linkEnds()
        let unsupported = Dictionary(grouping: unsupportedStages(ends: ends), by: \.stream)
        for (position, stream) in streams.enumerated() {
            findings += review(stream, today: today, ends: ends, unsupported: unsupported[position]?.map(\.stage) ?? [])
        }
        for (link, end) in zip(integrations, ends) {
            guard let target = end.to, streams[target].kind == .customer, link.to.stage != nil, link.sla == nil else { continue }
            findings.append(Finding(code: .slaMissing, entity: link.name,
                                    message: "integration point \(link.name) into a customer stage has no SLA",
                                    fix: "agree a service level for it, e.g. set \(link.id ?? "\"\(link.name)\"").sla.availability = 99.5%"))
        }
        for cycle in dependencyCycles(ends: ends) {
            findings.append(Finding(code: .dependencyCycle, entity: streams[cycle[0]].id,
                                    message: "supporting streams depend on each other in a cycle: \(cycleNames(cycle))",
                                    fix: "break the cycle: one of these dependencies is not real, or the streams are one"))
        }
        return findings
    }

    /// The customer stages no link leads to, in model order: `stream` indexes `streams`,
    /// `stage` that stream's `stages`. These are the `stage-unsupported` findings of `review`.
    /// A link leads to a stage when its `to` names the stream (by id or name, as
    /// `streamIndex` resolves it) and the stage (by name, case-insensitively).
    public func unsupportedStages() -> [(stream: Int, stage: Int)] {
        unsupportedStages(ends: linkEnds())
    }

    /// As `unsupportedStages()`, with the links' ends already resolved (`linkEnds()`).
    func unsupportedStages(ends: [LinkEnds]) -> [(stream: Int, stage: Int)] {
        var found: [(stream: Int, stage: Int)] = []
        for (position, stream) in streams.enumerated() where stream.kind == .customer {
            // A stream that shares its id with an earlier one resolves, and is linked, as that one.
            let index = streamIndex(stream.id)
            let linked = zip(integrations, ends).compactMap { link, end in end.to == index ? link.to.stage : nil }
            for (stage, step) in stream.stages.enumerated() where !linked.contains(where: { $0.caseInsensitiveEquals(step.name) }) {
                found.append((position, stage))
            }
        }
        return found
    }

    private func review(_ stream: ValueStream, today: CalendarDate, ends: [LinkEnds], unsupported: [Int]) -> [Finding] {
        var findings: [Finding] = []
        func add(_ code: ReviewCode, _ message: String, fix: String, entity: String? = nil) {
            findings.append(Finding(code: code, entity: entity ?? stream.id, message: message, fix: fix))
        }
        let id = stream.id
        let customerMetrics = stream.metrics.filter { $0.category == .customer }
        let index = streamIndex(id)
        let outgoing = zip(integrations, ends).filter { $0.1.from == index }.map(\.0)
        switch stream.kind {
        case .customer:
            if !stream.metrics.isEmpty, customerMetrics.isEmpty {
                add(.customerMetricsMissing, "customer stream \(id) is measured only by internal metrics: \(stream.metrics.map(\.name).joined(separator: ", "))",
                    fix: "measure what the customer sees: time-to-value, on-time rate, defects, CSAT or NPS (add metric \(id) NAME customer …)")
            }
            if stream.owner?.reach == .functional {
                add(.ownerNotCrossFunctional, "customer stream \(id) is owned within one function by \(stream.owner?.name ?? "its owner")",
                    fix: "give it an owner with authority across the functions it crosses (set \(id).owner.reach = cross-functional)")
            }
            for stage in unsupported.map({ stream.stages[$0] }) {
                add(.stageUnsupported, "no supporting stream is linked to stage \(stage.name) of \(id)",
                    fix: "if a supporting stream enables it, add the integration point (add link S -> \(id)/\(Model.isIdentifier(stage.name) ? stage.name : "\"\(stage.name)\"") effect E)",
                    entity: "\(id)/\(stage.name)")
            }
        case .supporting:
            if !stream.metrics.isEmpty, customerMetrics.count == stream.metrics.count {
                add(.supportingOwnsCustomerOutcome, "supporting stream \(id) is measured only by customer outcomes: \(customerMetrics.map(\.name).joined(separator: ", "))",
                    fix: "measure its efficiency (cost, processing time, utilisation) and let the customer streams own the outcomes")
            }
            if customerMetrics.isEmpty, !reachesCustomerStage(from: index, ends: ends) {
                add(.customerLinkMissing, "supporting stream \(id) reaches no customer stage, directly or through other streams, and has no customer metric",
                    fix: "link it to the customer stages it enables (add link \(id) -> STREAM/STAGE effect E), or question why it exists")
            }
            if outgoing.isEmpty {
                add(.enablesNothing, "supporting stream \(id) enables no other stream or stage",
                    fix: "record what it enables (add link \(id) -> …), or reclassify it")
            }
            if let members = stream.governance?.members, !members.isEmpty, !hasCustomerVoice(stream) {
                add(.customerVoiceMissing, "the governance of \(id) has no customer-stream owner or forum among its members",
                    fix: "bring the owners of the customer streams it enables into its governance")
            }
        }
        let current = stream.signoffs.filter { !$0.stale }
        if !current.contains(where: { $0.verdict == .agree }) {
            add(.unvalidated, "\(id) has no current sign-off that agrees with its classification",
                fix: "have the stakeholders confirm it: validate \(id) by \"WHO\" agree")
        }
        if stream.kind == .customer {
            // Absent data never triggers a finding: every current sign-off's function must be known.
            let functions = current.map { $0.function ?? stakeholderFunction($0.by) }
            let known = functions.compactMap { $0 }
            if !known.isEmpty, known.count == functions.count, Set(known.map { $0.lowercased() }).count == 1 {
                add(.validationSingleFunction, "every current sign-off of customer stream \(id) comes from one function: \(known[0])",
                    fix: "a customer stream crosses functions: ask the others it crosses to validate it too")
            }
        }
        let interval = effectiveReviewInterval
        if let reviewed = stream.reviewed {
            if interval.isOverdue(reviewed: reviewed, today: today) {
                add(.reviewOverdue, "\(id) was last reviewed on \(reviewed), more than \(interval.text) before \(today)",
                    fix: "review it, then set \(id).reviewed = \(today)")
            }
        } else {
            add(.reviewMissing, "\(id) has no review date", fix: "record when it was last reviewed: set \(id).reviewed = DATE")
        }
        if let test = disagreeingTest(stream, ends: ends) {
            add(.kindDisagreesWithTest, "\(id) is declared \(stream.kind.rawValue) but the customer value test suggests \(test.suggested.rawValue) (confidence \(test.confidence.fixed(significant: 4)))",
                fix: "bring the room to a decision: classify \(id) as \(test.suggested.rawValue) because \"…\", or record why it stays")
        }
        return findings
    }

    /// Whether a stream's governance has a customer-stream owner or forum among its members.
    func hasCustomerVoice(_ stream: ValueStream) -> Bool {
        let voices = streams.filter { $0.kind == .customer }.flatMap { [$0.owner?.name, $0.governance?.forum] }.compactMap { $0 }
        return (stream.governance?.members ?? []).contains { member in voices.contains { $0.caseInsensitiveEquals(member) } }
    }

    /// The test's verdict when it contradicts the declared kind with confidence ≥ 0.6; `ends`
    /// are the links' ends (`linkEnds()`).
    func disagreeingTest(_ stream: ValueStream, ends: [LinkEnds]) -> CustomerValueTestResult? {
        let test = customerValueTest(of: stream, ends: ends)
        return test.suggested != stream.kind && test.confidence >= 0.6 ? test : nil
    }

    /// The function a stakeholder belongs to, by name.
    func stakeholderFunction(_ name: String) -> String? {
        stakeholders.first { $0.name.caseInsensitiveEquals(name) }?.function
    }

    /// Whether links lead from a stream, directly or through supporting streams, to a stage
    /// of a customer stream.
    func reachesCustomerStage(from start: Int?, ends: [LinkEnds]) -> Bool {
        guard let start else { return false }
        var seen: Set<Int> = [start]
        var queue = [start]
        while let current = queue.popLast() {
            for (link, end) in zip(integrations, ends) where end.from == current {
                guard let target = end.to else { continue }
                if streams[target].kind == .customer, link.to.stage != nil { return true }
                if streams[target].kind == .supporting, seen.insert(target).inserted { queue.append(target) }
            }
        }
        return false
    }
}
