/// What the article recommends for a stream of a kind — governance, the owner's reach, the
/// metric set and the improvement approach — and what this stream lacks of it.
public struct Recommendation: Sendable, Hashable {
    public let stream: String
    /// The kind the recommendation is for: the declared one.
    public let kind: StreamKind
    public let governance: String
    public let ownerReach: String
    public let metrics: [String]
    public let approach: String
    /// What the stream lacks of the recommendation, in words; empty when nothing.
    public let gaps: [String]
}

extension Model {
    /// The recommendation for a stream, by its declared kind.
    public func recommendation(for stream: ValueStream) -> Recommendation {
        var gaps: [String] = []
        let index = streamIndex(stream.id)
        let ends = linkEnds()
        switch stream.kind {
        case .customer:
            if stream.owner?.reach != .crossFunctional {
                gaps.append(stream.owner == nil ? "no owner" : "the owner's reach is not cross-functional")
            }
            if stream.governance?.model != .crossFunctional { gaps.append("governance is not cross-functional") }
            if !stream.metrics.contains(where: { $0.category == .customer }) { gaps.append("no customer metric") }
            if !stream.metrics.contains(where: { $0.category == .customer && $0.responds != nil }) {
                gaps.append("no outcome metric (CSAT, NPS, revenue) tied to the flow by a response model")
            }
            if stream.promise == nil { gaps.append("no customer promise (time-to-value target)") }
            if let test = disagreeingTest(stream, ends: ends) {
                gaps.append("the customer value test suggests supporting (confidence \(test.confidence.fixed(significant: 4)))")
            }
            return Recommendation(
                stream: stream.id, kind: .customer,
                governance: "cross-functional, led by the stream owner, with customer feedback in the forum",
                ownerReach: "cross-functional: authority across every function the stream crosses",
                metrics: ["time-to-value", "on-time rate", "customer-seen defect rate", "CSAT or NPS", "revenue per customer"],
                approach: "effectiveness first: shorten time-to-value and raise what the customer sees, then cost",
                gaps: gaps)
        case .supporting:
            if !stream.metrics.contains(where: { $0.category == .efficiency }) { gaps.append("no efficiency metric") }
            let outgoing = zip(integrations, ends).filter { $0.1.from == index }
            if outgoing.isEmpty { gaps.append("no link to what it enables") }
            if !hasCustomerVoice(stream) {
                gaps.append("its governance does not answer to the customer streams it enables (no customer-stream owner among its members)")
            }
            let withoutSLA = outgoing.filter { link, end in
                link.sla == nil && end.to.map { streams[$0].kind == .customer } == true
            }
            if !withoutSLA.isEmpty { gaps.append("integration points without SLA: \(withoutSLA.map(\.0.name).joined(separator: ", "))") }
            if let test = disagreeingTest(stream, ends: ends) {
                gaps.append("the customer value test suggests customer (confidence \(test.confidence.fixed(significant: 4)))")
            }
            return Recommendation(
                stream: stream.id, kind: .supporting,
                governance: "functional, answering for its effect on the customer streams it enables (their owners in the forum)",
                ownerReach: "functional is enough, with service levels agreed with the customer streams",
                metrics: ["cost per transaction", "processing time", "utilisation", "compliance rate", "service level at each integration point"],
                approach: "efficiency first, within the service levels the customer streams need",
                gaps: gaps)
        }
    }
}
