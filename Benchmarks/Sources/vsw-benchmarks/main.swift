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
func session(_ setup: String) -> Session {
    var session = Session()
    for outcome in session.run(Source(name: .commandLine, text: "load demo; " + setup, baseDirectory: ".")) {
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

let runs = Int(CommandLine.arguments.dropFirst().first ?? "") ?? 1000
print("vsw-benchmarks: the demo model (Northwind Bank), analytic engine, \(ProcessInfo.processInfo.activeProcessorCount) cores")

let lasting = session("degrade it-infra availability to 90%")
report("impact, it-infra availability to 90%", measure(runs, command(lasting, "impact")))
report("simulate, it-infra availability to 90%", measure(runs, command(lasting, "simulate")))

let windowed = session("degrade it-infra availability to 0% from 100h for 8h")
report("impact, it-infra down for 8h (window)", measure(runs, command(windowed, "impact")))

let several = session("degrade it-infra availability to 90%; degrade hire-onboard capacity by -30%; degrade ensure-compliance errors by +5%")
report("impact, three streams degraded", measure(runs, command(several, "impact")))

if let model = lasting.model, let degradations = lasting.scenarios.first?.degradations {
    report("engine only: Simulation.analytic, all customer streams", measure(runs) {
        _ = Simulation.analytic(model, degradations: degradations)
    })
}
