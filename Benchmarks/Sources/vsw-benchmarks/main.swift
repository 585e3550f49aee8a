import FlowSimulation
import Foundation
import Workbench

// Figures for the README, from a release build (scripts/bench). Each case runs many times;
// the median and the 95th percentile are reported, never asserted.

/// Runs `body` `count` times and returns each run's wall time in milliseconds.
func measure(_ count: Int, _ body: () -> Void) -> [Double] {
    let clock = ContinuousClock()
    return (0..<count).map { _ in
        let elapsed = clock.measure(body)
        return Double(elapsed.components.seconds) * 1e3 + Double(elapsed.components.attoseconds) * 1e-15
    }
}

func report(_ name: String, _ times: [Double]) {
    let sorted = times.sorted()
    func at(_ p: Double) -> Double { sorted[min(sorted.count - 1, Int(p * Double(sorted.count)))] }
    let label = name.padding(toLength: 56, withPad: " ", startingAt: 0)
    print(label + String(format: "median %7.3f ms   p95 %7.3f ms   (%d runs)", at(0.5), at(0.95), times.count))
}

/// A session on the demo after `setup`; commands that fail stop the benchmark.
func session(_ setup: String, demo: Bool = true) -> Session {
    var session = Session()
    for outcome in session.run(Source(name: .commandLine, text: (demo ? "load demo; " : "") + setup, baseDirectory: ".")) {
        if case .failure(let error) = outcome {
            FileHandle.standardError.write(Data("vsw-benchmarks: setup failed: \(error.message)\n".utf8))
            exit(1)
        }
    }
    return session
}

/// One command on a copy of `base`, rendered as text: what the room waits for.
func command(_ base: Session, _ text: String) -> () -> Void {
    let source = Source(name: .commandLine, text: text, baseDirectory: ".")
    return {
        var copy = base
        for case .success(let reply) in copy.run(source) {
            _ = Renderer.render(reply.result, RenderOptions(mode: .text))
        }
    }
}

/// Whole commands on the demo, analytic engine.
func analytic(_ runs: Int) {
    print("vsw-benchmarks: the demo model (Northwind Bank), analytic engine, \(ProcessInfo.processInfo.activeProcessorCount) cores")

    let lasting = session("degrade it-infra availability to 90%")
    report("impact, it-infra availability to 90%", measure(runs, command(lasting, "impact")))
    report("simulate, it-infra availability to 90%", measure(runs, command(lasting, "simulate")))

    let windowed = session("degrade it-infra availability to 0% from 100h for 8h")
    report("impact, it-infra down for 8h (window)", measure(runs, command(windowed, "impact")))

    let several = session("degrade it-infra availability to 90%; degrade hire-onboard capacity by -30%; degrade ensure-compliance errors by +5%")
    report("impact, three streams degraded", measure(runs, command(several, "impact")))

    // The analyses of issue 9: each runs the engine many times (bisection, one trial per candidate).
    let heavier = max(1, runs / 10)
    report("impact apply-for-loan why, it-infra at 90%", measure(runs, command(lasting, "impact apply-for-loan why")))
    report("sensitivity (each supporting stream in turn)", measure(heavier, command(session(""), "sensitivity")))
    report("bottlenecks", measure(heavier, command(session(""), "bottlenecks")))
    report("breakpoint it-infra (every customer stream)", measure(heavier, command(session(""), "breakpoint it-infra")))
    let costed = session("set it-infra.cost = 40; set apply-for-loan/\"Assess credit risk\".cost = 25; set it-service-desk/Triage.cost = 30; "
                         + "degrade it-infra availability to 90%")
    report("prioritise budget 100, three costs, it-infra at 90%", measure(heavier, command(costed, "prioritise budget 100")))

    if let model = lasting.model, let degradations = lasting.scenarios.first?.degradations {
        report("engine only: Simulation.analytic, all customer streams", measure(runs) {
            _ = Simulation.analytic(model, degradations: degradations)
        })
    }
}

/// The reference network of issue 8: Poisson 10/h; four stages with c = 2, 3, 4, 2 and
/// exponential means 0.15, 0.25, 0.35, 0.18 h; 5 % rework at the third back to itself.
func referenceSession() -> Session {
    session("""
        new model reference; add stream ref "Reference" customer demand 10/h; \
        add stage ref "A" servers 2 time 0.15h; add stage ref "B" servers 3 time 0.25h; \
        add stage ref "C" servers 4 time 0.35h defects 5%; add stage ref "D" servers 2 time 0.18h
        """, demo: false)
}

/// The DES on the reference network: replications of `horizon` hours on `workers` cores.
func eventRun(runs: Int, horizon: Double, workers: Int) -> (result: DiscreteEventEngine.Result, seconds: Double) {
    guard let model = referenceSession().model else { exit(1) }
    var settings = DiscreteEventEngine.Settings()
    settings.runs = runs
    settings.horizonHours = horizon
    settings.concurrency = workers
    let clock = ContinuousClock()
    var run: Simulation.EventRun?
    let elapsed = clock.measure { run = Simulation.discreteEvent(model, degradations: [], settings: settings) }
    guard let result = run?.streams.first?.baseline.result else { exit(1) }
    return (result, Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) * 1e-18)
}

/// Peak resident memory of this process so far, in megabytes.
func peakMemoryMB() -> Double {
    var usage = rusage()
    getrusage(Int32(RUSAGE_SELF.rawValue), &usage)
    return Double(usage.ru_maxrss) / 1024
}

let arguments = Array(CommandLine.arguments.dropFirst())
switch arguments.first {
case "des-one":
    // One replication on one core; printed as one JSON line for scripts/bench.
    let horizon = Double(arguments.dropFirst().first ?? "") ?? 100_000
    let (result, seconds) = eventRun(runs: 1, horizon: horizon, workers: 1)
    print("{\"horizon_h\": \(horizon), \"model_events\": \(result.events), \"seconds\": \(seconds), "
          + "\"model_events_per_s\": \(Double(result.events) / seconds), \"peak_memory_mb\": \(peakMemoryMB()), "
          + "\"time_to_value_mean_h\": \(result.timeToValueMeanHours ?? -1)}")
case "des-many":
    // `des-many RUNS HORIZON WORKERS`
    let runs = Int(arguments.dropFirst().first ?? "") ?? 20
    let horizon = Double(arguments.dropFirst(2).first ?? "") ?? 10_000
    let workers = Int(arguments.dropFirst(3).first ?? "") ?? 1
    let (result, seconds) = eventRun(runs: runs, horizon: horizon, workers: workers)
    print("{\"runs\": \(runs), \"horizon_h\": \(horizon), \"workers\": \(workers), \"model_events\": \(result.events), "
          + "\"seconds\": \(seconds), \"model_events_per_s\": \(Double(result.events) / seconds), "
          + "\"time_to_value_mean_h\": \(result.timeToValueMeanHours ?? -1), \"ci95_h\": \(result.timeToValueHalfWidthHours ?? -1)}")
default:
    analytic(Int(arguments.first ?? "") ?? 1000)
}
