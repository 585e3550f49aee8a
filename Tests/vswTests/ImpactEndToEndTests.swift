import Foundation
import Testing

// End-to-end tests of `degrade`, `simulate` and `impact` through the built `vsw`
// (DESIGN §5, §6): text rows, JSON Lines, and a located error in a piped script.

/// Helpers for this file only.
private enum ImpactCheck {
    static func lines(_ text: String) -> [String] {
        text.split(separator: "\n", omittingEmptySubsequences: true).map(String.init)
    }

    static func object(_ line: String) -> [String: Any]? {
        (try? JSONSerialization.jsonObject(with: Data(line.utf8))) as? [String: Any]
    }

    /// A figure as text shows it (`5.680`, `+0.2064`), as a number.
    static func figure(_ text: Substring) -> Double? {
        Double(text.hasPrefix("+") ? String(text.dropFirst()) : String(text))
    }

    /// The demo's customer streams, as the binary itself lists them.
    static func customerStreams() throws -> [String] {
        let output = try Binary.run(["--format", "json", "-c", "load demo; streams"])
        try #require(output.status == 0)
        return lines(output.stdout).dropFirst().compactMap(object).filter { $0["kind"] as? String == "customer" }.compactMap { $0["id"] as? String }
    }
}

@Suite("impact and simulate, end to end")
struct ImpactEndToEndTests {
    @Test("vsw -c 'load demo; degrade it-infra availability to 90%; impact': exit 0, time-to-value rows rise, it-verify named")
    func impactRows() throws {
        let output = try Binary.run(["-c", "load demo; degrade it-infra availability to 90%; impact"])
        #expect(output.status == 0)
        #expect(output.stderr.isEmpty, "\(output.stderr)")
        // Table rows, not the chart of change % beneath them (whose bars sit on │).
        let rows = ImpactCheck.lines(output.stdout).filter { ($0.contains(" time_to_value_mean_h ") || $0.contains(" time_to_value_p90_h ")) && !$0.contains("│") }
        #expect(output.stdout.contains("Change % by figure:"))
        #expect(rows.count >= 2, "\(output.stdout)")
        for row in rows {
            // stream, metric, baseline, degraded, change, change %, carried by…
            let cells = row.split(separator: " ", omittingEmptySubsequences: true)
            try #require(cells.count >= 7, "\(row)")
            let before = try #require(ImpactCheck.figure(cells[2]), "\(row)")
            let after = try #require(ImpactCheck.figure(cells[3]), "\(row)")
            // Text shows four significant digits, so a small rise can read as the same figure;
            // the change column carries it with its sign.
            #expect(after >= before, "time-to-value does not fall: \(row)")
            let change = try #require(ImpactCheck.figure(cells[4]), "\(row)")
            #expect(change > 0 && cells[4].hasPrefix("+"), "time-to-value rises: \(row)")
            #expect(cells[5].hasPrefix("+") && cells[5].hasSuffix("%"), "a signed rise in per cent: \(row)")
        }
        let open = try #require(rows.first { $0.hasPrefix("open-account ") && $0.contains("time_to_value_mean_h") }, "\(output.stdout)")
        #expect(open.contains("it-verify"), "\(open)")
        #expect(output.stdout.contains("Unaffected: resolve-complaint."), "\(output.stdout)")
        #expect(output.stdout.hasPrefix("Loaded Northwind Bank from demo"))
    }

    @Test("vsw --format json -c '…; simulate': valid JSON Lines, a baseline and a degraded object per customer stream")
    func simulateJSON() throws {
        let output = try Binary.run(["--format", "json", "-c", "load demo; degrade it-infra availability to 90%; simulate"])
        #expect(output.status == 0)
        #expect(output.stderr.isEmpty, "\(output.stderr)")
        #expect(output.stdout.hasSuffix("\n"))
        let lines = ImpactCheck.lines(output.stdout)
        let objects = lines.map(ImpactCheck.object)
        for (line, object) in zip(lines, objects) { #expect(object != nil, "not a JSON object: \(line)") }
        let parsed = objects.compactMap { $0 }
        try #require(parsed.count == lines.count)
        // The two confirmations, then the results.
        #expect(parsed.prefix(2).allSatisfy { $0["message"] is String })
        let results = Array(parsed.dropFirst(2))
        let streams = try ImpactCheck.customerStreams()
        #expect(!streams.isEmpty)
        #expect(results.map { $0["stream"] as? String ?? "?" } == streams.flatMap { [$0, $0] })
        #expect(results.map { $0["case"] as? String ?? "?" } == streams.flatMap { _ in ["baseline", "degraded"] })
        for result in results {
            #expect(result["engine"] as? String == "analytic")
            #expect(result["time_to_value_ci95_h"] is NSNull && result["events"] is NSNull)
            #expect(result["stages"] is [Any] && result["metrics"] is [Any])
        }
        let lineOf = { (stream: String, name: String) in results.first { $0["stream"] as? String == stream && $0["case"] as? String == name } }
        let before = try #require(lineOf("open-account", "baseline")?["time_to_value_mean_h"] as? Double)
        let after = try #require(lineOf("open-account", "degraded")?["time_to_value_mean_h"] as? Double)
        #expect(after > before)
    }

    @Test("a typo in a piped script: exit 1, <stdin>:LINE:COL: error: no stream 'it-infa'; did you mean 'it-infra'?, and nothing after it runs")
    func typoInPipedScript() throws {
        let typo = "degrade it-infa availability to 90%"
        let script = ["# an outage drill", "load demo", typo, "impact"]
        let output = try Binary.run([], input: script.joined(separator: "\n") + "\n")
        #expect(output.status == 1)
        let line = try #require(script.firstIndex(of: typo)) + 1
        let column = try #require(typo.range(of: "it-infa")).lowerBound.utf16Offset(in: typo) + 1
        let errors = ImpactCheck.lines(output.stderr)
        try #require(errors.count >= 3, "\(output.stderr)")
        #expect(errors[0] == "<stdin>:\(line):\(column): error: no stream 'it-infa'; did you mean 'it-infra'?")
        #expect(errors[1] == typo)
        #expect(errors[2] == String(repeating: " ", count: column - 1) + String(repeating: "^", count: "it-infa".count))
        #expect(output.stdout.hasPrefix("Loaded Northwind Bank from demo"), "the lines before it ran")
        #expect(!output.stdout.contains("time_to_value"), "impact did not run after the error")
    }
}
