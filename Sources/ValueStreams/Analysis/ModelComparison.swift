/// How much of a model is customer and how much supporting: by streams, stages and demand.
public struct KindShare: Sendable, Hashable {
    public let customerStreams: Int
    public let supportingStreams: Int
    public let customerStages: Int
    public let supportingStages: Int
    /// Arrivals per hour over the streams that declare demand.
    public let customerDemandPerHour: Double
    public let supportingDemandPerHour: Double

    public init(_ model: Model) {
        let customer = model.streams.filter { $0.kind == .customer }
        let supporting = model.streams.filter { $0.kind == .supporting }
        customerStreams = customer.count
        supportingStreams = supporting.count
        customerStages = customer.reduce(0) { $0 + $1.stages.count }
        supportingStages = supporting.reduce(0) { $0 + $1.stages.count }
        customerDemandPerHour = customer.reduce(0) { $0 + ($1.demand?.perHour ?? 0) }
        supportingDemandPerHour = supporting.reduce(0) { $0 + ($1.demand?.perHour ?? 0) }
    }

    /// The customer share of streams, stages and demand, each 0…1 (0 when there is none).
    public var customerFractions: (streams: Double, stages: Double, demand: Double) {
        func fraction(_ part: Double, _ whole: Double) -> Double { whole > 0 ? part / whole : 0 }
        return (fraction(Double(customerStreams), Double(customerStreams + supportingStreams)),
                fraction(Double(customerStages), Double(customerStages + supportingStages)),
                fraction(customerDemandPerHour, customerDemandPerHour + supportingDemandPerHour))
    }
}

/// What differs between two versions of a model (two scenarios): entities, kinds, findings,
/// recommendations and sign-offs, in model order.
public struct ModelComparison: Sendable, Hashable {
    public struct KindChange: Sendable, Hashable {
        public let stream: String
        public let from: StreamKind
        public let to: StreamKind
    }

    public struct RecommendationChange: Sendable, Hashable {
        public let stream: String
        public let before: Recommendation?
        public let after: Recommendation?
    }

    public let streamsAdded: [String]
    public let streamsRemoved: [String]
    /// Streams in both whose content differs (any field, stage or metric).
    public let streamsChanged: [String]
    public let stagesAdded: [String]
    public let stagesRemoved: [String]
    public let linksAdded: [String]
    public let linksRemoved: [String]
    public let linksChanged: [String]
    public let kindChanges: [KindChange]
    public let findingsAdded: [Finding]
    public let findingsRemoved: [Finding]
    public let recommendationChanges: [RecommendationChange]
    /// Sign-offs current in the first and stale in the second, as `stream: who`.
    public let signoffsMadeStale: [String]
    public let shareBefore: KindShare
    public let shareAfter: KindShare

    public var isEmpty: Bool {
        streamsAdded.isEmpty && streamsRemoved.isEmpty && streamsChanged.isEmpty && stagesAdded.isEmpty && stagesRemoved.isEmpty
            && linksAdded.isEmpty && linksRemoved.isEmpty && linksChanged.isEmpty && findingsAdded.isEmpty && findingsRemoved.isEmpty
    }

    /// Compares `before` with `after`, reviewing both at `today`.
    public init(_ before: Model, _ after: Model, today: CalendarDate) {
        func ids(_ model: Model) -> [String] { model.streams.map(\.id) }
        streamsAdded = ids(after).filter { before.streamIndex($0) == nil }
        streamsRemoved = ids(before).filter { after.streamIndex($0) == nil }
        var changed: [String] = []
        var added: [String] = []
        var removed: [String] = []
        var kinds: [KindChange] = []
        var stale: [String] = []
        for old in before.streams {
            guard let index = after.streamIndex(old.id) else { continue }
            let new = after.streams[index]
            if old != new { changed.append(old.id) }
            if old.kind != new.kind { kinds.append(KindChange(stream: old.id, from: old.kind, to: new.kind)) }
            added += new.stages.filter { old.stageIndex(named: $0.name) == nil }.map { "\(old.id)/\($0.name)" }
            removed += old.stages.filter { new.stageIndex(named: $0.name) == nil }.map { "\(old.id)/\($0.name)" }
            for (position, signoff) in old.signoffs.enumerated() where !signoff.stale && position < new.signoffs.count && new.signoffs[position].stale {
                stale.append("\(old.id): \(signoff.by)")
            }
        }
        for new in after.streams where before.streamIndex(new.id) == nil {
            added += new.stages.map { "\(new.id)/\($0.name)" }
        }
        streamsChanged = changed
        stagesAdded = added
        stagesRemoved = removed
        kindChanges = kinds
        signoffsMadeStale = stale
        let oldLinks = Dictionary(before.integrations.map { ($0.name, $0) }, uniquingKeysWith: { first, _ in first })
        let newLinks = Dictionary(after.integrations.map { ($0.name, $0) }, uniquingKeysWith: { first, _ in first })
        linksAdded = after.integrations.map(\.name).filter { oldLinks[$0] == nil }
        linksRemoved = before.integrations.map(\.name).filter { newLinks[$0] == nil }
        linksChanged = before.integrations.filter { link in newLinks[link.name].map { $0 != link } ?? false }.map(\.name)
        let oldFindings = before.review(today: today)
        let newFindings = after.review(today: today)
        // Sets for membership only; the lists keep their review order.
        let oldSet = Set(oldFindings)
        let newSet = Set(newFindings)
        findingsAdded = newFindings.filter { !oldSet.contains($0) }
        findingsRemoved = oldFindings.filter { !newSet.contains($0) }
        var recommendations: [RecommendationChange] = []
        for id in ids(before) + streamsAdded {
            let old = before.streamIndex(id).map { before.recommendation(for: before.streams[$0]) }
            let new = after.streamIndex(id).map { after.recommendation(for: after.streams[$0]) }
            if old != new { recommendations.append(RecommendationChange(stream: id, before: old, after: new)) }
        }
        recommendationChanges = recommendations
        shareBefore = KindShare(before)
        shareAfter = KindShare(after)
    }
}
