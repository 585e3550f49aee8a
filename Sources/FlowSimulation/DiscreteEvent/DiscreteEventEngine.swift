import Foundation
import ValueStreams

/// The discrete-event Monte Carlo engine (DESIGN §6): exactly the flow the analytic engine
/// approximates, replicated. Replications run over all cores; each has its own seed
/// (`SplitMix64.replicationSeed`) and separate random streams for arrivals, services and
/// defects, and results are reduced in replication order, so the output does not depend on
/// the number of cores.
public enum DiscreteEventEngine {
    /// How a run is made; the defaults are DESIGN §6's.
    public struct Settings: Sendable, Hashable {
        public var runs = 20
        public var horizonHours = 10_000.0
        public var warmupHours = 500.0
        public var seed: UInt64 = 1
        /// Arrivals and service completions a replication may process before it stops.
        public var eventBudget = 100_000_000
        /// How many replications run at once; nil for one per core. The result is the same
        /// whatever it is.
        public var concurrency: Int?

        public init() {}
    }

    /// One stage's figures, pooled over replications.
    public struct StageFigures: Sendable, Hashable {
        public let stage: String
        /// Busy server-hours ÷ (servers × hours observed); nil when nothing was observed.
        public let utilisation: Double?
        /// Mean time per visit not in service (fixed wait and queue), hours; nil without visits.
        public let waitMeanHours: Double?
    }

    /// A stream's figures over the replications done.
    public struct Result: Sendable, Hashable {
        public let stream: String
        /// Replications that ran to the end (fewer than asked when stopped).
        public let replications: Int
        public let throughputPerDay: Double
        /// Mean over replications of each one's mean time-to-value; nil without completions.
        public let timeToValueMeanHours: Double?
        /// The 95 % half-width of that mean across replications (Student t); nil under two.
        public let timeToValueHalfWidthHours: Double?
        public let timeToValueP50Hours: Double?
        public let timeToValueP90Hours: Double?
        public let timeToValueP95Hours: Double?
        public let onTimeRate: Double?
        /// Share of completed items reworked at least once.
        public let defectRate: Double?
        /// Mean items in the stream, time-averaged; nil when overloaded.
        public let wip: Double?
        /// Service received ÷ time-to-value, over completed items.
        public let flowEfficiency: Double?
        public let stages: [StageFigures]
        /// Arrivals plus service completions processed, over all replications.
        public let events: Int
        /// Whether the event budget stopped a replication.
        public let truncated: Bool
        /// Whether a stop request ended the run before every replication was done.
        public let cancelled: Bool
        /// Whether a stage's utilisation is 1 or more outside any window (the analytic
        /// engine's test on the same network): then the time-to-value figures, which would
        /// only grow with the horizon, are nil.
        public let overloaded: Bool
        /// The analytic engine's backlog growth per day; nil unless overloaded.
        public let backlogGrowthPerDay: Double?
        /// For runs with windows: the statistics window in 200 buckets, pooled over the
        /// replications; empty otherwise.
        public let series: [SeriesPoint]
        /// What the windows did to the items they touched (`WindowReport.Method.discreteEvent`);
        /// nil without a window, or when no window changes the stream.
        public let window: WindowReport?
    }

    /// One bucket of the time series.
    public struct SeriesPoint: Sendable, Hashable {
        /// The bucket's middle, hours after warm-up.
        public let timeHours: Double
        /// Mean items in the stream over the bucket.
        public let wip: Double
        /// Mean time-to-value of the items that finished in the bucket; nil when none did.
        public let timeToValueMeanHours: Double?
    }

    /// How far the analytic window report (`WindowReport.Method.fluid`) may lie from the
    /// DES's on a window that overloads a stage: relative, for every figure. It holds when
    /// the window is long beside the stream's time-to-value and items spend it in queues,
    /// not in fixed waits (the fluid has no items in transit); the suite checks it on a tandem
    /// outage.
    public static let windowTolerance = 0.15

    /// Buckets of the time series of a windowed run.
    public static let seriesBuckets = 200

    /// The most items a replication holds at once (about 30 bytes each): past it, as past the
    /// event budget, the run stops and is marked truncated. It bounds memory when a stream is
    /// overloaded and its backlog would grow without end.
    public static let maximumInSystem = 2_000_000

    /// A stream over time: its steady network, and the windows' networks with their times
    /// (hours after warm-up).
    public struct Timeline: Sendable, Hashable {
        public struct Phase: Sendable, Hashable {
            public let start: Double
            public let end: Double
            public let network: FlowNetwork

            public init(start: Double, end: Double, network: FlowNetwork) {
                self.start = start
                self.end = end
                self.network = network
            }
        }

        public let steady: FlowNetwork
        public let phases: [Phase]

        public init(steady: FlowNetwork, phases: [Phase] = []) {
            self.steady = steady
            self.phases = phases
        }
    }

    /// Runs `settings.runs` replications of `timeline`; `shouldStop` is polled while they run,
    /// and `progress` hears how many are done each time one finishes (from any thread).
    public static func run(_ timeline: Timeline, settings: Settings,
                           shouldStop: @escaping @Sendable () -> Bool = { false },
                           progress: @escaping @Sendable (Int) -> Void = { _ in }) -> Result {
        let runs = max(0, settings.runs)
        let slots = Slots(count: runs)
        let workers = max(1, min(runs, settings.concurrency ?? ProcessInfo.processInfo.activeProcessorCount))
        progress(0)
        DispatchQueue.concurrentPerform(iterations: workers) { worker in
            // Each worker builds its own parameters: arrays shared between threads would have
            // their reference counts bounced between cores on every access.
            let replication = replication(timeline, settings)
            // Worker w runs replications w, w + workers, …; each writes only its own slot.
            for index in stride(from: worker, to: runs, by: workers) where !shouldStop() {
                let seed = SplitMix64.replicationSeed(master: settings.seed, replication: index)
                progress(slots.store(replication.run(seed: seed, shouldStop: shouldStop), at: index))
            }
        }
        return reduce(slots.tallies(), asked: runs, timeline, horizonHours: settings.horizonHours)
    }

    static func replication(_ timeline: Timeline, _ settings: Settings) -> Replication {
        let steady = timeline.steady
        func phase(_ start: Double, _ network: FlowNetwork) -> Replication.Phase {
            Replication.Phase(start: start, serviceHours: network.stages.map(\.serviceHours),
                              fixedWaitHours: network.stages.map(\.fixedWaitHours),
                              defectProbability: network.stages.map(\.defectProbability))
        }
        // Steady, then each window's phase, then steady again from the last window's end.
        var phases = [phase(0, steady)]
        for window in timeline.phases {
            phases.append(phase(settings.warmupHours + window.start, window.network))
        }
        var windows: Replication.Windows?
        if let first = timeline.phases.first, let last = timeline.phases.last {
            phases.append(phase(settings.warmupHours + last.end, steady))
            let changed = steady.stages.indices.map { index in timeline.phases.contains { $0.network.stages[index] != steady.stages[index] } }
            let profile = WindowReport.Profile(steady)
            if changed.contains(true), profile.isStable {
                windows = Replication.Windows(start: settings.warmupHours + first.start, end: settings.warmupHours + last.end,
                                              changed: changed, clearLevel: steady.stages.indices.reduce(0) { $0 + profile.queued($1) })
            }
        }
        return Replication(lambda: steady.arrivalsPerHour, servers: steady.stages.map(\.servers), reworkTo: steady.stages.map(\.reworkTo),
                           units: steady.stages.map { UnitServiceTime(cv: $0.serviceCV) }, phases: phases,
                           promiseHours: steady.promiseHours, windowStart: settings.warmupHours,
                           windowEnd: settings.warmupHours + settings.horizonHours, eventBudget: settings.eventBudget,
                           seriesBuckets: timeline.phases.isEmpty ? 0 : seriesBuckets, windows: windows)
    }

    /// Pools the finished replications, in replication order.
    static func reduce(_ tallies: [Replication.Tally], asked: Int, _ timeline: Timeline, horizonHours: Double) -> Result {
        let network = timeline.steady
        let steady = AnalyticEngine.run(network)
        let overloaded = steady.isOverloaded
        let done = tallies.filter { !$0.cancelled }
        var histogram = LogHistogram()
        var completed = 0, onTime = 0, reworked = 0, events = 0
        var timeToValue = 0.0, service = 0.0, itemHours = 0.0, observed = 0.0
        var busy = [Double](repeating: 0, count: network.stages.count)
        var waits = busy
        var visits = [Int](repeating: 0, count: network.stages.count)
        var means: [Double] = []
        for tally in tallies {
            events += tally.events
        }
        for tally in done {
            histogram.merge(tally.histogram)
            completed += tally.completed
            onTime += tally.onTime
            reworked += tally.reworked
            timeToValue += tally.timeToValueSum
            service += tally.serviceSum
            itemHours += tally.itemHours
            observed += tally.observedHours
            for index in busy.indices {
                busy[index] += tally.busyHours[index]
                waits[index] += tally.waitHours[index]
                visits[index] += tally.visits[index]
            }
            if tally.completed > 0 { means.append(tally.timeToValueSum / Double(tally.completed)) }
        }
        let mean = means.isEmpty ? nil : means.reduce(0, +) / Double(means.count)
        let stages = network.stages.indices.map { index in
            StageFigures(stage: network.stages[index].name,
                         utilisation: observed > 0 ? busy[index] / (Double(network.stages[index].servers) * observed) : nil,
                         waitMeanHours: visits[index] > 0 ? waits[index] / Double(visits[index]) : nil)
        }
        let steadyFigure = { (value: Double?) in overloaded ? nil : value }
        let buckets = done.first?.seriesItemHours.count ?? 0
        let bucketHours = horizonHours / Double(max(1, buckets))
        let series = (0..<buckets).map { index in
            let itemHours = done.reduce(0.0) { $0 + $1.seriesItemHours[index] }
            let completions = done.reduce(0) { $0 + $1.seriesCompleted[index] }
            let timeToValue = done.reduce(0.0) { $0 + $1.seriesTimeToValue[index] }
            return SeriesPoint(timeHours: (Double(index) + 0.5) * bucketHours, wip: itemHours / (bucketHours * Double(done.count)),
                               timeToValueMeanHours: completions > 0 ? timeToValue / Double(completions) : nil)
        }
        return Result(
            stream: network.stream, replications: done.count,
            throughputPerDay: observed > 0 ? Double(completed) / observed * 24 : 0,
            timeToValueMeanHours: steadyFigure(mean), timeToValueHalfWidthHours: steadyFigure(halfWidth(means)),
            timeToValueP50Hours: steadyFigure(histogram.quantile(0.5)), timeToValueP90Hours: steadyFigure(histogram.quantile(0.9)),
            timeToValueP95Hours: steadyFigure(histogram.quantile(0.95)),
            onTimeRate: steadyFigure(network.promiseHours != nil && completed > 0 ? Double(onTime) / Double(completed) : nil),
            defectRate: completed > 0 ? Double(reworked) / Double(completed) : nil,
            wip: steadyFigure(observed > 0 ? itemHours / observed : nil),
            flowEfficiency: steadyFigure(timeToValue > 0 ? service / timeToValue : nil),
            stages: stages, events: events, truncated: tallies.contains(where: \.truncated),
            cancelled: done.count < asked, overloaded: overloaded, backlogGrowthPerDay: steady.backlogGrowthPerDay, series: series,
            window: window(done, timeline, overloaded: overloaded))
    }

    /// The windows' figures over the replications done: items touched, peak queued and
    /// clearing time as means over replications; time-to-value over the touched items pooled.
    /// An item is touched when it reaches a stage a window changes, from the first window's
    /// start until the queues hold no more items than their steady mean, or is at one as the
    /// first window starts. Nil when no window changes the stream.
    static func window(_ done: [Replication.Tally], _ timeline: Timeline, overloaded: Bool) -> WindowReport? {
        guard let first = timeline.phases.first, let last = timeline.phases.last,
              timeline.phases.contains(where: { $0.network != timeline.steady }) else { return nil }
        let (start, duration) = (first.start, last.end - first.start)
        let reached = done.map(\.window).filter(\.reached)
        guard !overloaded, !reached.isEmpty else {
            return WindowReport(startHours: start, durationHours: duration, itemsAffected: nil, timeToValueMeanHours: nil,
                                timeToValueP90Hours: nil, peakBacklog: nil, clearHours: nil, method: .discreteEvent,
                                incomplete: overloaded ? .overloaded : .notReached)
        }
        var histogram = LogHistogram()
        var completed = 0, touched = 0, peak = 0
        var timeToValue = 0.0, clear = 0.0
        var cleared = true
        for tally in reached {
            histogram.merge(tally.histogram)
            completed += tally.completed
            touched += tally.touched
            peak += tally.peakQueued
            timeToValue += tally.timeToValueSum
            if let hours = tally.clearHours { clear += hours } else { cleared = false }
        }
        let runs = Double(reached.count)
        // Until every run has cleared, the touched items still in the stream are the slowest:
        // their time-to-value is not known, so neither is the mean's or the p90's.
        return WindowReport(startHours: start, durationHours: duration,
                            itemsAffected: cleared ? WindowReport.itemCount(Double(touched) / runs) : nil,
                            timeToValueMeanHours: cleared && completed > 0 ? timeToValue / Double(completed) : nil,
                            timeToValueP90Hours: cleared ? histogram.quantile(0.9) : nil, peakBacklog: Double(peak) / runs,
                            clearHours: cleared ? clear / runs : nil, method: .discreteEvent, incomplete: cleared ? nil : .notCleared)
    }

    /// The 95 % half-width of the mean of `values`: t(0.975, n − 1)·s/√n; nil under two.
    static func halfWidth(_ values: [Double]) -> Double? {
        guard values.count >= 2 else { return nil }
        let n = Double(values.count)
        let mean = values.reduce(0, +) / n
        let variance = values.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / (n - 1)
        return studentT975(degrees: values.count - 1) * (variance / n).squareRoot()
    }

    /// Student's t 0.975 quantile: exact table to 30 degrees of freedom, then the
    /// Cornish–Fisher expansion about the normal (error below 1e-4).
    static func studentT975(degrees: Int) -> Double {
        let table = [12.7062, 4.3027, 3.1824, 2.7764, 2.5706, 2.4469, 2.3646, 2.3060, 2.2622, 2.2281,
                     2.2010, 2.1788, 2.1604, 2.1448, 2.1314, 2.1199, 2.1098, 2.1009, 2.0930, 2.0860,
                     2.0796, 2.0739, 2.0687, 2.0639, 2.0595, 2.0555, 2.0518, 2.0484, 2.0452, 2.0423]
        if degrees >= 1, degrees <= table.count { return table[degrees - 1] }
        let z = 1.959963984540054
        let v = Double(max(degrees, 1))
        return z + (z * z * z + z) / (4 * v) + (5 * pow(z, 5) + 16 * z * z * z + 3 * z) / (96 * v * v)
    }

    /// One slot per replication, written once each from whichever thread ran it.
    private final class Slots: @unchecked Sendable {
        private var values: [Replication.Tally?]
        private var stored = 0
        private let lock = NSLock()

        init(count: Int) { values = Array(repeating: nil, count: count) }

        /// Stores a replication's tally; returns how many are stored.
        func store(_ tally: Replication.Tally, at index: Int) -> Int {
            lock.lock()
            defer { lock.unlock() }
            values[index] = tally
            stored += 1
            return stored
        }

        /// The replications that ran, in replication order.
        func tallies() -> [Replication.Tally] {
            lock.lock()
            defer { lock.unlock() }
            return values.compactMap { $0 }
        }
    }
}

extension DiscreteEventEngine.Result: FlowFigures {
    public var defectRateFigure: Double? { defectRate }
    public var isOverloaded: Bool { overloaded }
}
