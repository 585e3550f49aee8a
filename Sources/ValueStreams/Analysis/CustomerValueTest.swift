/// The customer value test (DESIGN §3): fixed criteria, each weighed for `customer` or
/// against it (`supporting`), or unknown for want of data, with the evidence it used.
public enum Criterion: String, Sendable, Hashable, CaseIterable {
    case externalTrigger = "external-trigger"
    case crossesFunctions = "crosses-functions"
    case customerOutcomes = "customer-outcomes"
    case revenueOrMission = "revenue-or-mission"
    case endsInCustomerValue = "ends-in-customer-value"
    case internalCustomers = "internal-customers"
    case enablesOthers = "enables-others"

    /// How much the criterion counts: revenue or mission counts double.
    public var weight: Int { self == .revenueOrMission ? 2 : 1 }
}

/// A criterion's verdict: for a customer stream, against (for a supporting one), or unknown.
public enum CriterionVerdict: String, Sendable, Hashable {
    case `for`
    case against
    case unknown
}

/// One criterion applied to one stream.
public struct CriterionResult: Sendable, Hashable {
    public let criterion: Criterion
    public let verdict: CriterionVerdict
    /// What in the model decided it, in words.
    public let evidence: String
    /// For an unknown: what to find out to decide it.
    public let toFindOut: String?
}

/// The test of one stream: its criteria, and the kind they suggest.
public struct CustomerValueTestResult: Sendable, Hashable {
    public let stream: String
    public let declared: StreamKind
    /// The side with the greater weight; a tie keeps the declared kind.
    public let suggested: StreamKind
    /// Winning weight ÷ all weight, so unknowns lower it: 0…1.
    public let confidence: Double
    public let criteria: [CriterionResult]

    /// Weight for customer, against it, and unknown.
    public var weights: (for: Int, against: Int, unknown: Int) { Self.weights(of: criteria) }

    fileprivate static func weights(of criteria: [CriterionResult]) -> (for: Int, against: Int, unknown: Int) {
        criteria.reduce(into: (0, 0, 0)) { total, result in
            switch result.verdict {
            case .for: total.0 += result.criterion.weight
            case .against: total.1 += result.criterion.weight
            case .unknown: total.2 += result.criterion.weight
            }
        }
    }
}

extension Model {
    /// Runs the customer value test on a stream of this model.
    public func customerValueTest(of stream: ValueStream) -> CustomerValueTestResult {
        customerValueTest(of: stream, ends: linkEnds())
    }

    /// As `customerValueTest(of:)`, with the links' ends already resolved (`linkEnds()`).
    func customerValueTest(of stream: ValueStream, ends: [LinkEnds]) -> CustomerValueTestResult {
        let criteria = Criterion.allCases.map { judge($0, stream, ends: ends) }
        let (forWeight, againstWeight, unknownWeight) = CustomerValueTestResult.weights(of: criteria)
        let total = forWeight + againstWeight + unknownWeight
        let suggested: StreamKind = forWeight > againstWeight ? .customer : againstWeight > forWeight ? .supporting : stream.kind
        let winning = max(forWeight, againstWeight)
        return CustomerValueTestResult(stream: stream.id, declared: stream.kind, suggested: suggested,
                                       confidence: total > 0 ? Double(winning) / Double(total) : 0, criteria: criteria)
    }

    private func judge(_ criterion: Criterion, _ stream: ValueStream, ends: [LinkEnds]) -> CriterionResult {
        func result(_ verdict: CriterionVerdict, _ evidence: String, findOut: String? = nil) -> CriterionResult {
            CriterionResult(criterion: criterion, verdict: verdict, evidence: evidence, toFindOut: verdict == .unknown ? findOut : nil)
        }
        switch criterion {
        case .externalTrigger:
            let who = [stream.trigger?.by, stream.trigger?.event].compactMap { $0 }.joined(separator: " ")
            switch stream.trigger?.external {
            case true?: return result(.for, "triggered from outside: \(who.isEmpty ? "an external trigger" : who)")
            case false?: return result(.against, "triggered inside the organisation: \(who.isEmpty ? "an internal trigger" : who)")
            case nil: return result(.unknown, "the trigger does not say whether it is external", findOut: "who or what starts this stream: a customer outside, or someone inside? (trigger.external)")
            }
        case .crossesFunctions:
            let functions = stream.functions
            let list = functions.joined(separator: ", ")
            switch functions.count {
            case 3...: return result(.for, "\(functions.count) functions take part: \(list)")
            case 1: return result(.against, "one function does all of it: \(list)")
            case 0: return result(.unknown, "no stage names its functions", findOut: "which functions take part in each stage? (stages[].functions)")
            default: return result(.unknown, "two functions take part: \(list)", findOut: "does a third function take part in any stage?")
            }
        case .customerOutcomes:
            let customerMetrics = stream.metrics.filter { $0.category == .customer }
            if !customerMetrics.isEmpty {
                return result(.for, "measured by customer metrics: \(customerMetrics.map(\.name).joined(separator: ", "))")
            }
            if !stream.metrics.isEmpty {
                return result(.against, "measured only by \(Set(stream.metrics.map(\.category.rawValue)).sorted().joined(separator: " and ")) metrics: \(stream.metrics.map(\.name).joined(separator: ", "))")
            }
            return result(.unknown, "no metrics are recorded", findOut: "how is this stream measured, and does any measure say what the customer gets?")
        case .revenueOrMission:
            let words = ["revenue", "sales", "income", "margin"]
            if let metric = stream.metrics.first(where: { metric in words.contains { metric.name.lowercased().contains($0) } }) {
                return result(.for, "a metric speaks of revenue: \(metric.name)")
            }
            switch stream.serves {
            case .external?: return result(.for, "it serves external customers, the organisation's mission")
            case .internal?: return result(.against, "it serves internal customers")
            case nil: return result(.unknown, "neither a revenue metric nor whom it serves", findOut: "does it earn revenue or serve the mission directly? whom does it serve? (serves)")
            }
        case .endsInCustomerValue:
            if stream.value != nil, stream.serves == .external { return result(.for, "ends in value for the customer: \(stream.value ?? "")") }
            if stream.serves == .internal { return result(.against, "its value goes to internal customers\(stream.value.map { ": \($0)" } ?? "")") }
            return result(.unknown, stream.value == nil ? "the value realised is not recorded" : "it is not recorded whom the value is for",
                          findOut: "what value does the stream end in, and for whom? (value, serves)")
        case .internalCustomers:
            if stream.serves == .external { return result(.for, "its customers are external") }
            if stream.serves == .internal { return result(.against, "its customers are internal") }
            if stream.trigger?.external == false { return result(.against, "an internal trigger: its customers are inside the organisation") }
            return result(.unknown, "whom it serves is not recorded", findOut: "are its customers inside or outside the organisation? (serves)")
        case .enablesOthers:
            let index = streamIndex(stream.id)
            let enabled = zip(integrations, ends).filter { $0.1.from == index && $0.1.to != index }.map(\.0)
            if !enabled.isEmpty {
                let targets = enabled.map(\.to.description)
                return result(.against, "it enables \(targets.count == 1 ? targets[0] : "\(targets.count) others: " + targets.prefix(3).joined(separator: ", ") + (targets.count > 3 ? ", …" : ""))")
            }
            return result(.unknown, "it is linked to nothing it enables", findOut: "does another stream depend on it? (integrations)")
        }
    }
}
