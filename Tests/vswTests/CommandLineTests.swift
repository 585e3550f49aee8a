import Foundation
import Testing

@Suite("vsw command line")
struct CommandLineTests {
    @Test("bad flags exit 2 with usage; --help and --version exit 0")
    func flags() throws {
        let bad = try Binary.run(["--bogus"])
        #expect(bad.status == 2)
        #expect(bad.stderr.contains("Unknown option '--bogus'"))
        #expect(bad.stderr.contains("Usage: vsw"))
        let missing = try Binary.run(["run"])
        #expect(missing.status == 2)
        let help = try Binary.run(["--help"])
        #expect(help.status == 0)
        #expect(help.stdout.contains("--model <PATH|demo>"))
        let version = try Binary.run(["--version"])
        #expect(version.status == 0)
        #expect(version.stdout.trimmingCharacters(in: .whitespacesAndNewlines).split(separator: ".").count == 3)
    }

    @Test("-c runs ;-separated commands, and errors point at <command-line>:1:COL")
    func commandOption() throws {
        let good = try Binary.run(["-c", "load demo; show it-infra"])
        #expect(good.status == 0)
        #expect(good.stdout.contains("Manage IT Infrastructure (it-infra): supporting stream"))
        let bad = try Binary.run(["-c", "load demo; show it-infa"])
        #expect(bad.status == 1)
        #expect(bad.stderr == """
            <command-line>:1:17: error: no stream 'it-infa'; did you mean 'it-infra'?
            load demo; show it-infa
                            ^^^^^^^

            """)
    }

    @Test("piped input stops at the first failing command with exit 1, located as <stdin>")
    func stopOnError() throws {
        let output = try Binary.run([], input: "load demo\nshow nothing-like-it\nstreams\n")
        #expect(output.status == 1)
        #expect(output.stderr.hasPrefix("<stdin>:2:6: error: no stream 'nothing-like-it'"))
        #expect(!output.stdout.contains("it-service-desk"), "the command after the error must not run")
    }

    @Test("--model loads before the commands; a bad model exits 1 with its diagnostics")
    func modelOption() throws {
        let good = try Binary.run(["--model", "demo"], input: "streams\n")
        #expect(good.status == 0)
        #expect(good.stdout.contains("open-account"))
        let folder = try Binary.temporaryFolder()
        try "model: X\nstreams:\n  - id: a\n    name: A\n    kind: customer\n    demand: 0/day\n"
            .write(to: folder.appendingPathComponent("zero.yaml"), atomically: true, encoding: .utf8)
        let bad = try Binary.run(["--model", "zero.yaml"], input: "streams\n", directory: folder)
        #expect(bad.status == 1)
        #expect(bad.stderr.contains("zero.yaml:6:13: error: streams[0].demand: '0/day' is zero; demand must be above zero"))
        #expect(bad.stdout.isEmpty)
    }

    @Test("vsw run resolves paths against the script's folder, joins continued lines, and ignores comments")
    func runScript() throws {
        let folder = try Binary.temporaryFolder()
        let scripts = folder.appendingPathComponent("workshop")
        try FileManager.default.createDirectory(at: scripts, withIntermediateDirectories: true)
        try """
            # A tour: load the demo, save it beside this script, load the copy.
            ## narrative lines and recorded output are comments to the runner
            load demo
            save model copy.yaml
            load \\
              copy.yaml
            show "open \\
            account"
            #> recorded output is ignored by run
            """.write(to: scripts.appendingPathComponent("tour.vsw"), atomically: true, encoding: .utf8)
        let output = try Binary.run(["run", "workshop/tour.vsw"], directory: folder)
        #expect(output.status == 0, "\(output.stderr)")
        #expect(FileManager.default.fileExists(atPath: scripts.appendingPathComponent("copy.yaml").path))
        #expect(output.stdout.contains("Loaded Northwind Bank from copy.yaml"))
        #expect(output.stdout.contains("Open Account (open-account): customer stream"))
    }

    @Test("vsw run stops at the first error with FILE:LINE:COL and exit 1")
    func runStopsOnError() throws {
        let folder = try Binary.temporaryFolder()
        try "load demo\n\nshow it-infa\nstreams\n".write(to: folder.appendingPathComponent("s.vsw"), atomically: true, encoding: .utf8)
        let output = try Binary.run(["run", "s.vsw"], directory: folder)
        #expect(output.status == 1)
        #expect(output.stderr.hasPrefix("s.vsw:3:6: error: no stream 'it-infa'; did you mean 'it-infra'?\nshow it-infa\n     ^^^^^^^\n"))
        #expect(!output.stdout.contains("open-account"))
        let missing = try Binary.run(["run", "nope.vsw"], directory: folder)
        #expect(missing.status == 1)
        #expect(missing.stderr.contains("cannot read 'nope.vsw'"))
    }

    @Test("quit ends the input with status 0")
    func quit() throws {
        let output = try Binary.run([], input: "quit\nshow nothing\n")
        #expect(output.status == 0)
        #expect(output.stderr.isEmpty)
    }

    @Test("the same input gives the same bytes")
    func deterministic() throws {
        let input = "load demo\nstreams\nshow open-account\nshow it-service-desk\nhelp\n"
        let first = try Binary.run([], input: input)
        let second = try Binary.run([], input: input)
        #expect(first.status == 0)
        #expect(first.stdout == second.stdout)
    }
}

@Suite("example sessions")
struct ExampleSessionTests {
    static let scripts: [String] = {
        let folder = Binary.repository.appendingPathComponent("sessions")
        return ((try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []).filter { $0.hasSuffix(".vsw") }.sorted()
    }()

    @Test("at least the three the design asks for, each with narrative and recorded output")
    func theExamples() throws {
        for required in ["classification-workshop.vsw", "whatif-reclassification.vsw", "outage-simulation.vsw", "degradation-analysis.vsw"] {
            #expect(Self.scripts.contains(required))
            let text = try String(contentsOf: Binary.repository.appendingPathComponent("sessions/\(required)"), encoding: .utf8)
            #expect(text.contains("\n## "), "\(required) has narrative")
            #expect(text.contains("\n#> "), "\(required) has recorded output")
        }
    }

    @Test("every script in sessions/ replays as recorded: vsw check passes", arguments: scripts)
    func sessionChecks(_ script: String) throws {
        let output = try Binary.run(["check", "sessions/\(script)"], directory: Binary.repository)
        #expect(output.status == 0, "\(script): \(output.stdout)\(output.stderr)")
        #expect(output.stdout == "sessions/\(script): output as recorded\n")
    }

    @Test("every script in sessions/ runs to the end with status 0, and runs on 1, 3 or all cores give the same bytes",
          arguments: scripts)
    func sessionsRunTheSame(_ script: String) throws {
        let first = try Binary.run(["run", "sessions/\(script)"], directory: Binary.repository)
        #expect(first.status == 0, "\(script): \(first.stderr)")
        #expect(first.stderr.isEmpty, "\(script)")
        #expect(!first.stdout.isEmpty)
        for workers in ["1", "3"] {
            let again = try Binary.run(["run", "sessions/\(script)"], directory: Binary.repository, environment: ["VSW_WORKERS": workers])
            #expect(again.stdout == first.stdout, "\(script) with VSW_WORKERS=\(workers)")
        }
    }
}
