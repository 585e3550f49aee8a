import ValueStreams

/// What degradations limited to a window (`from T for D`) do to the items they touch
/// (DESIGN §6): from the analytic engine's figures (`make`), or counted by the
/// discrete-event engine (`DiscreteEventEngine.window`).
///
/// The analytic method, documented because the discrete-event engine is checked against it:
/// - Time is cut into segments at every window's start and end; in each, the degradations
///   in force give the stream's network. Before the first and after the last, only the
///   degradations without a window apply (the *steady* network).
/// - **Fluid**: items flow through the stages in tandem. A stage that cannot keep up builds a
///   backlog (in items) at the difference and passes on only its capacity; the stages after
///   it see that. A stage with a backlog works at capacity until it has drained. An item that
///   reaches a stage waits until the backlog ahead of it has been served (FIFO), and then not
///   the steady queue as well.
/// - **Pointwise-stationary**: without a backlog, an item sees at each stage the steady state
///   of the segment it reaches that stage in.
/// - An item reaches each stage once it has passed the one before, first pass: its wait
///   behind a backlog there, or the queue of the segment it reached it in, and its service
///   and fixed wait. It is *touched* when it reaches a stage the windows change while they
///   last, or a backlog (whose wait it has once, however many visits it makes). The report
///   counts the touched items among the arrivals on a grid from the window's start (less the
///   path to the last stage) until the backlog clears; their time-to-value is the mixture of
///   the engine's per-item distributions, and the mean and p90 are the mixture's.
public struct WindowReport: Sendable, Hashable {
    /// Which approximation gave the figures.
    public enum Method: String, Sendable, Hashable {
        /// Some stage was overloaded during the window.
        case fluid
        /// No stage was overloaded.
        case pointwiseStationary = "pointwise-stationary"
        /// Counted by the discrete-event engine over its replications.
        case discreteEvent = "discrete-event"
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
    /// Hours after the last window ends until every backlog has cleared (0 when none built);
    /// nil when the stream is overloaded outside the window, or (discrete-event) when some
    /// replication had not cleared by the end of its horizon.
    public let clearHours: Double?
    public let method: Method
    /// Why figures are missing, when some are.
    public internal(set) var incomplete: Incomplete? = nil

    /// Why a report lacks figures.
    public enum Incomplete: Sendable, Hashable {
        /// The stream is overloaded outside the window too: its backlog never clears.
        case overloaded
        /// The fluid's bound on events was reached before the backlog cleared.
        case unresolved
        /// Discrete-event: some replication had not cleared by the end of its horizon, so the
        /// touched items' time-to-value would leave out the slowest.
        case notCleared
        /// Discrete-event: no replication reached the window (stopped early).
        case notReached
    }

    /// Arrival times sampled across the touched span.
    static let gridPoints = 200

    /// A count of items, whole; nil past what an Int holds.
    static func itemCount(_ items: Double) -> Int? {
        let rounded = items.rounded()
        return rounded >= 0 && rounded < 9e18 ? Int(rounded) : nil
    }

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
                                timeToValueP90Hours: nil, peakBacklog: nil, clearHours: nil, method: .fluid, incomplete: .overloaded)
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

        /// Items per hour stage i can pass on: its capacity in visits over its visits per item.
        func itemCapacity(_ i: Int) -> Double {
            stages[i].visits > 0 ? stages[i].capacityPerHour / stages[i].visits : .infinity
        }

        /// Items in stage i's queue in steady state (Little), 0 when overloaded.
        func queued(_ i: Int) -> Double { stages[i].arrivalsPerHour(lambda) * (results[i].queueWaitHours ?? 0) }
    }

    /// The fluid backlog over the segments and the items it touches. Stages are in tandem:
    /// a stage with a backlog passes on its capacity, one without passes on what reaches it,
    /// so a backlog builds where the constraint is and moves on when it lifts.
    struct Fluid {
        /// A moment when a rate changes: a segment starts or ends, or a backlog empties.
        struct Event {
            let time: Double
            /// Items waiting beyond the steady queue, per stage.
            let backlog: [Double]
            /// How fast each backlog changes until the next event, items per hour.
            let slope: [Double]
            /// Items per hour each stage passes on while it has a backlog.
            let capacity: [Double]
            let profile: Profile
        }

        /// At most this many events: a bound that no model reaches in practice (each segment
        /// has at most one emptying per stage), so the loop ends whatever the input.
        static let maximumEvents = 10_000

        let segments: [Segment]
        let steady: Profile
        let start: Double
        let end: Double
        private(set) var events: [Event] = []
        /// When every backlog has cleared; nil if the bound on events was reached first.
        private(set) var cleared: Double?
        /// Hours from arrival to reaching the last stage, first pass, steady state: an item
        /// arriving earlier than this before the first window passes every stage before it.
        private(set) var pathToLastStage = 0.0

        init(segments: [Segment], steady: Profile, start: Double, end: Double) {
            self.segments = segments
            self.steady = steady
            self.start = start
            self.end = end
            let count = steady.stages.count
            var backlog = [Double](repeating: 0, count: count)
            var time = start
            var segment = 0
            while events.count < Self.maximumEvents {
                while segment < segments.count, segments[segment].end <= time { segment += 1 }
                let profile = segment < segments.count ? segments[segment].profile : steady
                let until = segment < segments.count ? segments[segment].end : .infinity
                var inflow = profile.lambda
                var slope = [Double](repeating: 0, count: count)
                let capacity = (0..<count).map(profile.itemCapacity)
                for i in 0..<count {
                    let outflow = backlog[i] > 0 ? capacity[i] : min(inflow, capacity[i])
                    slope[i] = inflow - outflow
                    inflow = outflow
                }
                events.append(Event(time: time, backlog: backlog, slope: slope, capacity: capacity, profile: profile))
                if !until.isFinite, !backlog.contains(where: { $0 > 0 }) {
                    cleared = time
                    break
                }
                var step = until - time
                var emptying: Int?
                for i in 0..<count where backlog[i] > 0 && slope[i] < 0 && backlog[i] / -slope[i] < step {
                    step = backlog[i] / -slope[i]
                    emptying = i
                }
                guard step.isFinite else { break }
                for i in 0..<count { backlog[i] = max(0, backlog[i] + slope[i] * step) }
                if let emptying { backlog[emptying] = 0 }
                time += step
            }
            pathToLastStage = steady.results.dropLast().reduce(0) { $0 + $1.fixedWaitHours + ($1.queueWaitHours ?? 0) + ($1.serviceHours ?? 0) }
        }

        func report() -> WindowReport {
            let built = events.contains { $0.backlog.contains { $0 > 0 } || $0.slope.contains { $0 > 0 } }
            guard let cleared else {
                return WindowReport(startHours: start, durationHours: end - start, itemsAffected: nil, timeToValueMeanHours: nil,
                                    timeToValueP90Hours: nil, peakBacklog: nil, clearHours: nil, method: .fluid, incomplete: .unresolved)
            }
            let firstTouched = start - pathToLastStage
            let span = max(0, max(end, cleared) - firstTouched)
            let touched = (0..<Self.points).compactMap { point in
                item(arrivingAt: firstTouched + span * (Double(point) + 0.5) / Double(Self.points))
            }
            let share = Double(touched.count) / Double(Self.points)
            let mean = touched.isEmpty ? nil : touched.reduce(0) { $0 + $1.fixed + $1.mean } / Double(touched.count)
            return WindowReport(startHours: start, durationHours: end - start,
                                itemsAffected: WindowReport.itemCount(steady.lambda * span * share), timeToValueMeanHours: mean,
                                timeToValueP90Hours: touched.isEmpty ? nil : Self.quantile(0.9, of: touched), peakBacklog: peakBacklog(),
                                clearHours: max(0, cleared - end), method: built ? .fluid : .pointwiseStationary)
        }

        static var points: Int { WindowReport.gridPoints }

        /// The last event at or before t, or nil before the first.
        private func eventIndex(at t: Double) -> Int? {
            guard let first = events.first, t >= first.time else { return nil }
            var low = 0, high = events.count - 1
            while low < high {
                let middle = (low + high + 1) / 2
                if events[middle].time <= t { low = middle } else { high = middle - 1 }
            }
            return low
        }

        /// Stage i's fluid backlog at time t.
        private func backlog(_ i: Int, at t: Double) -> Double {
            guard let e = eventIndex(at: t) else { return 0 }
            return max(0, events[e].backlog[i] + events[e].slope[i] * (t - events[e].time))
        }

        /// How long an item reaching stage i at t waits for the fluid backlog ahead of it (FIFO).
        private func fluidWait(_ i: Int, at t: Double) -> Double {
            guard var e = eventIndex(at: t) else { return 0 }
            var ahead = backlog(i, at: t)
            guard ahead > 0 else { return 0 }
            var now = t
            var waited = 0.0
            while e + 1 < events.count {
                let capacity = events[e].capacity[i]
                let length = events[e + 1].time - now
                if capacity * length >= ahead { return waited + ahead / capacity }
                ahead -= capacity * length
                waited += length
                now = events[e + 1].time
                e += 1
            }
            return waited + ahead / steady.itemCapacity(i)
        }

        /// The time-to-value distribution of an item arriving at t, or nil when the windows
        /// do not touch it: it reaches no changed stage during them and no backlog.
        private func item(arrivingAt t: Double) -> AnalyticEngine.TimeToValue? {
            var distribution = AnalyticEngine.TimeToValue()
            var touched = false
            var reached = t
            for i in steady.stages.indices {
                let profile = eventIndex(at: reached).map { events[$0].profile } ?? steady
                let wait = fluidWait(i, at: reached)
                touched = touched || wait > 0 || profile.stages[i] != steady.stages[i]
                let result = profile.results[i]
                // Behind a fluid backlog the wait is the backlog's, once, not the steady queue's as well.
                let queue = wait > 0 ? 0 : result.queueWaitHours ?? 0
                let sojourn = queue + (result.serviceHours ?? steady.results[i].serviceHours ?? 0)
                distribution.add(visits: result.visits, fixed: result.fixedWaitHours, sojourn: sojourn)
                distribution.add(visits: 1, fixed: wait, sojourn: 0)
                // The item reaches the next stage once it has passed this one, first pass.
                reached += wait + result.fixedWaitHours + sojourn
            }
            return touched ? distribution : nil
        }

        /// The most items queued at once: fluid backlog plus steady queues, at each event,
        /// with the rates before and after it.
        private func peakBacklog() -> Double {
            var peak = 0.0
            for (e, event) in events.enumerated() {
                for profile in [e > 0 ? events[e - 1].profile : steady, event.profile] {
                    let total = event.backlog.indices.reduce(0.0) { $0 + (event.backlog[$1] > 0 ? event.backlog[$1] : profile.queued($1)) }
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
