import ValueStreams

/// What degradations limited to a window (`from T for D`) do to the items they touch
/// (DESIGN §6), from the analytic engine's figures.
///
/// The method, documented because the discrete-event engine is checked against it:
/// - Time is cut into segments at every window's start and end; in each, the degradations
///   in force give the stream's network. Before the first and after the last, only the
///   degradations without a window apply (the *steady* network).
/// - **Fluid**: a stage whose arrivals exceed its capacity in a segment builds a backlog at
///   the difference, which drains at the spare capacity afterwards. An item that reaches the
///   stage waits until the backlog ahead of it has been served (FIFO).
/// - **Pointwise-stationary**: otherwise, an item sees at each stage the steady state of the
///   segment it reaches that stage in.
/// - An item reaches stage i its first-pass steady sojourns after arriving; the items
///   touched are those that reach some stage between the window's start and the moment its
///   backlog has cleared. Their time-to-value is a mixture, over arrival times on a grid, of
///   the engine's per-item distribution; the mean and p90 are the mixture's.
public struct WindowReport: Sendable, Hashable {
    /// Which approximation gave the figures.
    public enum Method: String, Sendable, Hashable {
        /// Some stage was overloaded during the window.
        case fluid
        /// No stage was overloaded.
        case pointwiseStationary = "pointwise-stationary"
    }

    /// When the first window starts, hours after warm-up.
    public let startHours: Double
    /// From the first window's start to the last one's end, hours.
    public let durationHours: Double
    /// Items touched; nil when the stream is overloaded outside the window too.
    public let itemsAffected: Int?
    public let timeToValueMeanHours: Double?
    public let timeToValueP90Hours: Double?
    /// The most items waiting in queues at once.
    public let peakBacklog: Double?
    /// Hours after the last window ends until every backlog has cleared (0 when none built).
    public let clearHours: Double?
    public let method: Method

    /// Arrival times sampled across the touched span.
    static let gridPoints = 200

    /// The windows' timeline, the same for every stream: segments cut at each window's start
    /// and end, with the propagation of the degradations in force in each.
    struct Plan {
        struct Phase {
            let start: Double
            let end: Double
            let propagation: Propagation
        }

        let phases: [Phase]
        /// The first window's start and the last one's end, hours.
        let start: Double
        let end: Double

        /// Nil when no degradation has a window.
        init?(model: Model, degradations: [Degradation]) {
            let windowed = degradations.filter { $0.window != nil }
            guard !windowed.isEmpty else { return nil }
            let lasting = degradations.filter { $0.window == nil }
            var cuts = Set<Double>()
            for window in windowed.compactMap(\.window) {
                cuts.insert(window.start.hours)
                cuts.insert(window.start.hours + window.length.hours)
            }
            let bounds = cuts.sorted()
            start = bounds.first ?? 0
            end = bounds.last ?? start
            phases = zip(bounds, bounds.dropFirst()).map { from, to in
                let middle = (from + to) / 2
                let active = lasting + windowed.filter { degradation in
                    guard let window = degradation.window else { return false }
                    return window.start.hours <= middle && middle < window.start.hours + window.length.hours
                }
                return Phase(start: from, end: to, propagation: Propagation(model: model, degradations: active))
            }
        }
    }

    /// The report for `stream` over `plan`, whose steady network (degradations without a
    /// window) is `steady`; nil when no window changes the stream.
    static func make(_ stream: ValueStream, plan: Plan, steady network: FlowNetwork) throws(FlowNetwork.Unavailable) -> WindowReport? {
        var segments: [Segment] = []
        var touched = false
        for phase in plan.phases {
            let inWindow = try FlowNetwork(stream, propagation: phase.propagation)
            touched = touched || inWindow != network
            segments.append(Segment(start: phase.start, end: phase.end, network: inWindow))
        }
        guard touched || plan.phases.isEmpty else { return nil }
        let (start, end) = (plan.start, plan.end)
        guard !plan.phases.isEmpty else {
            // Windows of no length touch no item.
            return WindowReport(startHours: start, durationHours: 0, itemsAffected: 0, timeToValueMeanHours: nil,
                                timeToValueP90Hours: nil, peakBacklog: 0, clearHours: 0, method: .pointwiseStationary)
        }
        let steady = Profile(network)
        guard steady.isStable else {
            return WindowReport(startHours: start, durationHours: end - start, itemsAffected: nil, timeToValueMeanHours: nil,
                                timeToValueP90Hours: nil, peakBacklog: nil, clearHours: nil, method: .fluid)
        }
        return Fluid(segments: segments, steady: steady, start: start, end: end).report()
    }

    /// A stretch of time with one set of degradations in force.
    struct Segment {
        let start: Double
        let end: Double
        let profile: Profile

        init(start: Double, end: Double, network: FlowNetwork) {
            self.start = start
            self.end = end
            self.profile = Profile(network)
        }
    }

    /// A network's per-stage rates and steady sojourns.
    struct Profile {
        let lambda: Double
        let stages: [FlowNetwork.Stage]
        let results: [AnalyticEngine.StageResult]

        init(_ network: FlowNetwork) {
            lambda = network.arrivalsPerHour
            stages = network.stages
            results = network.stages.map { AnalyticEngine.stage($0, network.arrivalsPerHour) }
        }

        var isStable: Bool { !results.contains(where: \.isOverloaded) }

        /// How fast stage i's backlog grows (negative: drains), items per hour.
        func growth(_ i: Int) -> Double {
            let capacity = stages[i].capacityPerHour
            guard capacity.isFinite else { return -.greatestFiniteMagnitude }
            return stages[i].arrivalsPerHour(lambda) - capacity
        }

        /// Items in stage i's queue in steady state (Little), 0 when overloaded.
        func queued(_ i: Int) -> Double { stages[i].arrivalsPerHour(lambda) * (results[i].queueWaitHours ?? 0) }
    }

    /// The fluid backlog over the segments and the items it touches.
    struct Fluid {
        let segments: [Segment]
        let steady: Profile
        let start: Double
        let end: Double
        /// Backlog of each stage at each segment's start, and at the end.
        private var backlogAtBounds: [[Double]] = []
        /// When each stage's backlog has cleared.
        private var cleared: [Double] = []
        /// Hours from arrival to reaching each stage, first pass, steady state.
        private var offsets: [Double] = []

        init(segments: [Segment], steady: Profile, start: Double, end: Double) {
            self.segments = segments
            self.steady = steady
            self.start = start
            self.end = end
            let count = steady.stages.count
            var backlog = [Double](repeating: 0, count: count)
            backlogAtBounds = [backlog]
            for segment in segments {
                for i in 0..<count {
                    backlog[i] = max(0, backlog[i] + segment.profile.growth(i) * (segment.end - segment.start))
                }
                backlogAtBounds.append(backlog)
            }
            cleared = (0..<count).map { i in
                backlog[i] > 0 ? end + backlog[i] / -steady.growth(i) : end
            }
            var offset = 0.0
            offsets = steady.results.map { result in
                defer { offset += result.fixedWaitHours + (result.queueWaitHours ?? 0) + (result.serviceHours ?? 0) }
                return offset
            }
        }

        func report() -> WindowReport {
            let count = steady.stages.count
            let firstTouched = start - (offsets.last ?? 0)
            let lastTouched = (0..<count).map { max(end, cleared[$0]) - offsets[$0] }.max() ?? end
            let span = max(0, lastTouched - firstTouched)
            let items = (0..<Self.points).map { point in
                item(arrivingAt: firstTouched + span * (Double(point) + 0.5) / Double(Self.points))
            }
            let mean = items.reduce(0) { $0 + $1.fixed + $1.mean } / Double(items.count)
            let built = backlogAtBounds.contains { $0.contains { $0 > 0 } }
            return WindowReport(startHours: start, durationHours: end - start,
                                itemsAffected: Self.count(steady.lambda * span), timeToValueMeanHours: mean,
                                timeToValueP90Hours: Self.quantile(0.9, of: items), peakBacklog: peakBacklog(),
                                clearHours: (cleared.max() ?? end) - end, method: built ? .fluid : .pointwiseStationary)
        }

        static var points: Int { WindowReport.gridPoints }

        /// A count of items, whole; nil past what an Int holds.
        static func count(_ items: Double) -> Int? {
            let rounded = items.rounded()
            return rounded >= 0 && rounded < 9e18 ? Int(rounded) : nil
        }

        /// The segment in force at time t, or nil outside the windows.
        private func segmentIndex(at t: Double) -> Int? {
            guard t >= start, t < end else { return nil }
            return segments.lastIndex { $0.start <= t }
        }

        /// Stage i's fluid backlog at time t.
        private func backlog(_ i: Int, at t: Double) -> Double {
            guard t > start else { return 0 }
            if let k = segmentIndex(at: t) {
                return max(0, backlogAtBounds[k][i] + segments[k].profile.growth(i) * (t - segments[k].start))
            }
            return max(0, (backlogAtBounds.last?[i] ?? 0) + steady.growth(i) * (t - end))
        }

        /// How long an item reaching stage i at t waits for the fluid backlog ahead of it.
        private func fluidWait(_ i: Int, at t: Double) -> Double {
            var ahead = backlog(i, at: t)
            guard ahead > 0 else { return 0 }
            var now = t
            var waited = 0.0
            if let first = segmentIndex(at: t) {
                for segment in segments[first...] {
                    let capacity = segment.profile.stages[i].capacityPerHour
                    let length = segment.end - now
                    if capacity * length >= ahead { return waited + ahead / capacity }
                    ahead -= capacity * length
                    waited += length
                    now = segment.end
                }
            }
            return waited + ahead / steady.stages[i].capacityPerHour
        }

        /// The time-to-value distribution of an item arriving at t.
        private func item(arrivingAt t: Double) -> AnalyticEngine.TimeToValue {
            var fixed = 0.0, mean = 0.0, variance = 0.0
            for i in steady.stages.indices {
                let reached = t + offsets[i]
                let profile = segmentIndex(at: reached).map { segments[$0].profile } ?? steady
                let result = profile.results[i]
                let sojourn = (result.queueWaitHours ?? 0) + (result.serviceHours ?? steady.results[i].serviceHours ?? 0)
                fixed += result.visits * (result.fixedWaitHours + fluidWait(i, at: reached))
                mean += result.visits * sojourn
                variance += result.visits * sojourn * sojourn
            }
            return AnalyticEngine.TimeToValue(fixed: fixed, mean: mean, variance: variance)
        }

        /// The most items queued at once: fluid backlog plus steady queues, at each bound.
        private func peakBacklog() -> Double {
            var peak = 0.0
            for (k, backlog) in backlogAtBounds.enumerated() {
                let around = [k > 0 ? segments[k - 1].profile : steady, k < segments.count ? segments[k].profile : steady]
                for profile in around {
                    let total = backlog.indices.reduce(0.0) { $0 + backlog[$1] + (backlog[$1] > 0 ? 0 : profile.queued($1)) }
                    peak = max(peak, total)
                }
            }
            return peak
        }

        /// The p-quantile of the equal-weight mixture, by bisection between the items' own
        /// quantiles (the mixture's lies between their least and greatest).
        static func quantile(_ p: Double, of items: [AnalyticEngine.TimeToValue]) -> Double {
            let own = items.map { $0.quantile(p) }
            var low = own.min() ?? 0
            var high = own.max() ?? 0
            var steps = 0
            while high - low > 1e-6 * max(1, high), steps < 60 {
                steps += 1
                let middle = (low + high) / 2
                let below = items.reduce(0.0) { $0 + $1.probability(atMost: middle) } / Double(items.count)
                if below < p { low = middle } else { high = middle }
            }
            return (low + high) / 2
        }
    }
}
