import DequeModule
import Foundation
import HeapModule

/// One replication of the discrete-event engine (DESIGN §6): a flat event loop over value
/// types — arrays of item fields, a FIFO per stage, one heap of events — with no class per
/// item and no closure per event. Memory grows with the work in progress only.
///
/// A phase change acts on work started from then on: a service under way finishes at the
/// speed it started with (no pre-emption), and a stopped stage starts nothing new.
struct Replication {
    /// What happens at an event's time.
    enum Kind: UInt8 {
        /// The next item arrives.
        case arrival
        /// An item's fixed wait at a stage is over: it joins the stage's queue.
        case waitEnd
        /// A server finishes an item.
        case serviceEnd
        /// A window starts or ends: the stages' parameters change.
        case phaseChange
    }

    struct Event: Comparable {
        let time: Double
        /// Breaks ties in the order events were scheduled, so runs are reproducible.
        let sequence: UInt64
        let kind: Kind
        let stage: Int32
        let item: Int32

        static func < (a: Event, b: Event) -> Bool { a.time < b.time || (a.time == b.time && a.sequence < b.sequence) }
        static func == (a: Event, b: Event) -> Bool { a.time == b.time && a.sequence == b.sequence }
    }

    /// The stages' parameters in one phase, by stage.
    struct Phase {
        /// Absolute start time, hours; the first phase starts at 0.
        let start: Double
        let serviceHours: [Double]
        let fixedWaitHours: [Double]
        let defectProbability: [Double]
    }

    /// What one replication measured over its statistics window.
    struct Tally: Sendable {
        var completed = 0
        var timeToValueSum = 0.0
        var serviceSum = 0.0
        var onTime = 0
        var reworked = 0
        var histogram = LogHistogram()
        var busyHours: [Double]
        var waitHours: [Double]
        var visits: [Int]
        var itemHours = 0.0
        /// Per bucket of the statistics window (windowed runs only): item-hours in the
        /// stream, and completions with their time-to-value.
        var seriesItemHours: [Double] = []
        var seriesCompleted: [Int] = []
        var seriesTimeToValue: [Double] = []
        /// How much of the statistics window the run covered (all of it unless stopped early).
        var observedHours = 0.0
        /// Arrivals and service completions processed, warm-up included.
        var events = 0
        var truncated = false
        var cancelled = false
        var window = WindowTally()

        init(stages: Int) {
            busyHours = [Double](repeating: 0, count: stages)
            waitHours = [Double](repeating: 0, count: stages)
            visits = [Int](repeating: 0, count: stages)
        }
    }

    /// What the windows do to the items they touch, as one replication saw it.
    struct WindowTally: Sendable {
        /// Whether the run reached the first window's start.
        var reached = false
        /// The most items in queues at once from the first window's start until cleared.
        var peakQueued = 0
        /// Hours after the last window's end until the queues held no more items than their
        /// steady mean; nil if that did not happen before the run ended.
        var clearHours: Double?
        var touched = 0
        var completed = 0
        var timeToValueSum = 0.0
        var histogram = LogHistogram()
    }

    /// Where the windows act: from the first one's start to the last one's end (absolute
    /// hours; phases 1 and last), and the stages some window changes.
    struct Windows {
        let start: Double
        let end: Double
        let changed: [Bool]
        /// The stream has cleared once its queues hold no more items than this: the steady
        /// network's mean (the analytic engine's, exact for exponential networks), as the
        /// fluid backlog the analytic window report follows lies in the queues.
        let clearLevel: Double
    }

    let lambda: Double
    let servers: [Int]
    let reworkTo: [Int]
    let units: [UnitServiceTime]
    let phases: [Phase]
    let promiseHours: Double?
    let windowStart: Double
    let windowEnd: Double
    let eventBudget: Int
    /// Buckets of the time series over the statistics window; 0 for none.
    let seriesBuckets: Int
    /// Nil when no window changes the stream.
    let windows: Windows?

    /// Runs to the end of the statistics window (or the budget, or `shouldStop`).
    func run(seed: UInt64, shouldStop: @Sendable () -> Bool) -> Tally {
        let count = servers.count
        var random = RandomStreams(replicationSeed: seed)
        var tally = Tally(stages: count)
        var heap = Heap<Event>()
        var sequence: UInt64 = 0
        func schedule(_ time: Double, _ kind: Kind, _ stage: Int, _ item: Int32) {
            sequence += 1
            heap.insert(Event(time: time, sequence: sequence, kind: kind, stage: Int32(stage), item: item))
        }
        // Items, field by field; freed slots are reused.
        var arrival: [Double] = [], visitStart: [Double] = [], service: [Double] = [], wasReworked: [Bool] = [], touched: [Bool] = []
        // The stage of each item's current visit, −1 for a free slot.
        var at: [Int32] = []
        var free: [Int32] = []
        var queues = [Deque<Int32>](repeating: [], count: count)
        var busy = [Int](repeating: 0, count: count)
        var busySince = [Double](repeating: 0, count: count)
        var inSystem = 0
        var inSystemSince = 0.0
        var phase = 0
        var queued = 0
        /// An item counts as touched when it reaches a changed stage from the first window's
        /// start until the stream has cleared, or is at one when the first window starts.
        /// The stream has cleared when, after the last window, its queues hold no more than
        /// their steady mean.
        enum WindowState { case before, during, draining, cleared }
        var windowState = WindowState.before
        let changed = windows?.changed ?? []
        let (start, end) = (windowStart, windowEnd)
        func overlap(_ from: Double, _ to: Double) -> Double { max(0, min(to, end) - max(from, start)) }

        func setBusy(_ stage: Int, _ change: Int, _ now: Double) {
            tally.busyHours[stage] += Double(busy[stage]) * overlap(busySince[stage], now)
            busySince[stage] = now
            busy[stage] += change
        }
        let bucketHours = seriesBuckets > 0 ? (end - start) / Double(seriesBuckets) : 0
        if seriesBuckets > 0 {
            tally.seriesItemHours = [Double](repeating: 0, count: seriesBuckets)
            tally.seriesCompleted = [Int](repeating: 0, count: seriesBuckets)
            tally.seriesTimeToValue = [Double](repeating: 0, count: seriesBuckets)
        }
        func bucket(_ time: Double) -> Int { min(seriesBuckets - 1, max(0, Int((time - start) / bucketHours))) }
        /// Spreads `items` over the buckets the stretch from..to crosses.
        func addToSeries(_ items: Double, _ from: Double, _ to: Double) {
            var left = max(from, start)
            let right = min(to, end)
            while left < right {
                let index = bucket(left)
                let edge = min(right, start + Double(index + 1) * bucketHours)
                tally.seriesItemHours[index] += items * (edge - left)
                left = edge > left ? edge : right
            }
        }
        func setInSystem(_ change: Int, _ now: Double) {
            if seriesBuckets > 0 { addToSeries(Double(inSystem), inSystemSince, now) }
            tally.itemHours += Double(inSystem) * overlap(inSystemSince, now)
            inSystemSince = now
            inSystem += change
        }
        func startService(_ stage: Int, _ item: Int32, _ now: Double) {
            let mean = phases[phase].serviceHours[stage]
            let duration = mean * units[stage].sample(&random.services)
            if now >= start && now < end {
                tally.waitHours[stage] += now - visitStart[Int(item)]
                tally.visits[stage] += 1
            }
            service[Int(item)] += duration
            setBusy(stage, 1, now)
            schedule(now + duration, .serviceEnd, stage, item)
        }
        func join(_ stage: Int, _ item: Int32, _ now: Double) {
            if busy[stage] < servers[stage], phases[phase].serviceHours[stage].isFinite {
                startService(stage, item, now)
            } else {
                queues[stage].append(item)
                queued += 1
                if windowState == .during || windowState == .draining { tally.window.peakQueued = max(tally.window.peakQueued, queued) }
            }
        }
        func touch(_ item: Int32) {
            guard !touched[Int(item)] else { return }
            touched[Int(item)] = true
            tally.window.touched += 1
        }
        func visit(_ stage: Int, _ item: Int32, _ now: Double) {
            visitStart[Int(item)] = now
            at[Int(item)] = Int32(stage)
            if windowState == .during || windowState == .draining, changed[stage] { touch(item) }
            let wait = phases[phase].fixedWaitHours[stage]
            if wait > 0 { schedule(now + wait, .waitEnd, stage, item) } else { join(stage, item, now) }
        }
        func startQueued(_ stage: Int, _ now: Double) {
            while busy[stage] < servers[stage], phases[phase].serviceHours[stage].isFinite, let next = queues[stage].popFirst() {
                queued -= 1
                startService(stage, next, now)
            }
        }

        /// The first window starts: the items at a changed stage are touched.
        func openWindows() {
            windowState = .during
            tally.window.reached = true
            tally.window.peakQueued = queued
            for (item, stage) in at.enumerated() where stage >= 0 && changed[Int(stage)] { touch(Int32(item)) }
        }
        func clearIfDrained(_ now: Double) {
            guard let windows, Double(queued) <= windows.clearLevel else { return }
            windowState = .cleared
            tally.window.clearHours = now - windows.end
        }

        schedule(-log(random.arrivals.uniform()) / lambda, .arrival, 0, -1)
        for index in phases.indices.dropFirst() { schedule(phases[index].start, .phaseChange, index, -1) }
        while let event = heap.popMin() {
            let now = event.time
            guard now <= end else { break }
            let stage = Int(event.stage)
            switch event.kind {
            case .arrival:
                tally.events += 1
                let item: Int32
                if let reused = free.popLast() {
                    item = reused
                    arrival[Int(item)] = now
                    service[Int(item)] = 0
                    wasReworked[Int(item)] = false
                    touched[Int(item)] = false
                } else {
                    item = Int32(arrival.count)
                    arrival.append(now)
                    visitStart.append(now)
                    service.append(0)
                    wasReworked.append(false)
                    touched.append(false)
                    at.append(0)
                }
                setInSystem(1, now)
                schedule(now - log(random.arrivals.uniform()) / lambda, .arrival, 0, -1)
                visit(0, item, now)
            case .waitEnd:
                join(stage, event.item, now)
            case .serviceEnd:
                tally.events += 1
                setBusy(stage, -1, now)
                let item = event.item
                if random.defects.uniform() < phases[phase].defectProbability[stage] {
                    wasReworked[Int(item)] = true
                    visit(reworkTo[stage], item, now)
                } else if stage + 1 < count {
                    visit(stage + 1, item, now)
                } else {
                    if now >= start {
                        let timeToValue = now - arrival[Int(item)]
                        tally.completed += 1
                        tally.timeToValueSum += timeToValue
                        tally.serviceSum += service[Int(item)]
                        tally.histogram.add(timeToValue)
                        if let promise = promiseHours, timeToValue <= promise { tally.onTime += 1 }
                        if wasReworked[Int(item)] { tally.reworked += 1 }
                        if seriesBuckets > 0 {
                            tally.seriesCompleted[bucket(now)] += 1
                            tally.seriesTimeToValue[bucket(now)] += timeToValue
                        }
                        if touched[Int(item)] {
                            tally.window.completed += 1
                            tally.window.timeToValueSum += timeToValue
                            tally.window.histogram.add(timeToValue)
                        }
                    }
                    setInSystem(-1, now)
                    at[Int(item)] = -1
                    free.append(item)
                }
                startQueued(stage, now)
                if windowState == .draining { clearIfDrained(now) }
            case .phaseChange:
                phase = stage
                if windows != nil, phase == 1 { openWindows() }
                for index in 0..<count { startQueued(index, now) }
                if windows != nil, phase == phases.count - 1 {
                    windowState = .draining
                    clearIfDrained(now)
                }
            }
            // The budget bounds the work; the cap on items in the stream bounds memory when a
            // stream is overloaded and its backlog would grow without end.
            if tally.events >= eventBudget || inSystem > DiscreteEventEngine.maximumInSystem {
                tally.truncated = true
                break
            }
            if tally.events & 0xFFFF == 0, shouldStop() {
                tally.cancelled = true
                break
            }
        }
        let stop = tally.truncated || tally.cancelled ? min(end, heap.min?.time ?? end) : end
        for index in 0..<count { setBusy(index, 0, stop) }
        setInSystem(0, stop)
        tally.observedHours = overlap(start, stop)
        return tally
    }
}
