import Foundation
import Testing

// End-to-end tests of the built `vsw` for issue 3: the four output modes, deterministic
// bytes, colour, located errors, `vsw run --keep-going`, the command line's own flags, and
// editing with undo/redo through the binary (DESIGN §5).

/// Helpers for this file only.
private enum Check {
    /// The lines of an output, without the empty piece after its final newline.
    static func lines(_ text: String) -> [String] {
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        if lines.last == "" { lines.removeLast() }
        return lines
    }

    /// A line parsed as JSON, or nil.
    static func json(_ line: String) -> Any? {
        try? JSONSerialization.jsonObject(with: Data(line.utf8))
    }

    /// A line parsed as a JSON object, or nil.
    static func object(_ line: String) -> [String: Any]? {
        json(line) as? [String: Any]
    }

    /// The keys of a one-line JSON object's top level, in the order the text gives them
    /// (JSONSerialization forgets the order).
    static func keys(_ line: String) -> [String] {
        var keys: [String] = []
        var depth = 0
        var inString = false, escaped = false
        var current = ""
        var lastString: String?
        for character in line {
            if inString {
                if escaped {
                    escaped = false
                    current.append(character)
                } else if character == "\\" {
                    escaped = true
                } else if character == "\"" {
                    inString = false
                    lastString = current
                } else {
                    current.append(character)
                }
                continue
            }
            switch character {
            case "\"":
                inString = true
                current = ""
            case "{", "[":
                depth += 1
                lastString = nil
            case "}", "]":
                depth -= 1
                lastString = nil
            case ":":
                if depth == 1, let key = lastString { keys.append(key) }
                lastString = nil
            case " ":
                break
            default:
                lastString = nil
            }
        }
        return keys
    }

    /// A located error's first three lines: the header, the echoed input line, and what the
    /// caret line underlines in it (with its 1-based column).
    struct Located {
        let header: String
        let line: String
        let caretColumn: Int
        let underlined: String
    }

    static func located(_ stderr: String) -> Located? {
        let lines = lines(stderr)
        guard lines.count >= 3 else { return nil }
        let caret = lines[2]
        let leading = caret.prefix { $0 == " " }.count
        let carets = caret.dropFirst(leading)
        guard !carets.isEmpty, carets.allSatisfy({ $0 == "^" }) else { return nil }
        let input = Array(lines[1])
        let start = min(leading, input.count)
        let end = min(leading + carets.count, input.count)
        return Located(header: lines[0], line: lines[1], caretColumn: leading + 1, underlined: String(input[start..<end]))
    }

    /// The 1-based column of the last occurrence of `token` in `line`.
    static func column(of token: String, in line: String) -> Int? {
        guard let range = line.range(of: token, options: .backwards) else { return nil }
        return line.distance(from: line.startIndex, to: range.lowerBound) + 1
    }

    /// Writes `text` as `name` in `folder`.
    static func write(_ text: String, _ name: String, in folder: URL) throws {
        try text.write(to: folder.appendingPathComponent(name), atomically: true, encoding: .utf8)
    }

    static func contents(_ name: String, in folder: URL) throws -> Data {
        try Data(contentsOf: folder.appendingPathComponent(name))
    }

    static func exists(_ name: String, in folder: URL) -> Bool {
        FileManager.default.fileExists(atPath: folder.appendingPathComponent(name).path)
    }

    /// Runs `executable` (vsw by default) with the test process's environment and
    /// `changes` applied (nil removes a variable, e.g. NO_COLOR).
    static func run(_ arguments: [String], input: String = "", executable: URL = Binary.url,
                    environment changes: [String: String?]) throws -> Binary.Output {
        var overrides = changes
        if changes["NO_COLOR"] == nil { overrides["NO_COLOR"] = .some(nil) }
        return try Binary.run(arguments, input: input, executable: executable, environment: overrides)
    }

    /// util-linux `script`, which gives a child a pseudo-terminal for its standard output.
    static let script = URL(fileURLWithPath: "/usr/bin/script")
    static var hasScript: Bool {
        #if os(Linux)
        FileManager.default.isExecutableFile(atPath: script.path) && FileManager.default.fileExists(atPath: "/dev/ptmx")
        #else
        false
        #endif
    }

    /// Runs `vsw -c COMMANDS` with its standard output on a terminal (through `script`).
    static func runOnTerminal(_ commands: String, environment: [String: String?]) throws -> Binary.Output {
        func quoted(_ text: String) -> String { "'" + text.replacingOccurrences(of: "'", with: "'\\''") + "'" }
        let command = "\(quoted(Binary.url.path)) -c \(quoted(commands))"
        return try run(["-q", "-e", "-c", command, "/dev/null"], executable: script, environment: environment)
    }

    /// The script that exercises every look command on the demo.
    static let lookScript = """
        load demo
        streams
        show open-account
        show it-infra
        stages open-account
        stages apply-for-loan
        deps
        deps it-infra
        deps open-account
        map open-account
        map apply-for-loan
        capabilities
        help
        help add link
        help stages

        """

    /// The demo's link ids from it-infra, as `deps it-infra` lists them.
    static let itInfraLinks = ["it-verify", "it-apply", "it-open", "it-credit", "it-disburse", "it-cards",
                               "it-desk", "it-compliance", "it-ledger", "it-hr"]
}

// MARK: - 1, 2: the output modes

@Suite("output modes, end to end")
struct OutputModeTests {
    @Test("printf 'load demo\\nstreams\\n' | vsw --format json: JSON Lines, a confirmation object then one row object per stream with id, name, kind, owner, stages")
    func streamsAsJSONLines() throws {
        let output = try Binary.run(["--format", "json"], input: "load demo\nstreams\n")
        #expect(output.status == 0)
        #expect(output.stderr.isEmpty)
        #expect(output.stdout.hasSuffix("\n"))
        let lines = Check.lines(output.stdout)
        #expect(lines.count == 10, "one confirmation and nine streams")
        for (index, line) in lines.enumerated() {
            #expect(Check.json(line) != nil, "line \(index + 1) is not JSON: \(line)")
        }
        guard let first = lines.first, let confirmation = Check.object(first) else {
            Issue.record("the first line is not a JSON object")
            return
        }
        #expect(Check.keys(first).first == "message")
        #expect((confirmation["message"] as? String)?.hasPrefix("Loaded Northwind Bank from demo") == true)
        let rows = lines.dropFirst()
        var ids: [String] = []
        var stageCount = 0
        for line in rows {
            #expect(Check.keys(line) == ["id", "name", "kind", "owner", "stages"], "\(line)")
            let row = try #require(Check.object(line))
            ids.append(row["id"] as? String ?? "?")
            #expect(line.range(of: #""stages": [0-9]+\}$"#, options: .regularExpression) != nil,
                    "stages is a bare number at the end: \(line)")
            stageCount += (row["stages"] as? Int) ?? 0
        }
        #expect(ids == ["open-account", "apply-for-loan", "resolve-complaint", "dispute-card-payment", "it-service-desk",
                        "it-infra", "hire-onboard", "close-books", "ensure-compliance"])
        #expect(rows.first == #"{"id": "open-account", "name": "Open Account", "kind": "customer", "owner": "Head of Onboarding", "stages": 4}"#)
        // The stage counts add up to the figure the confirmation gives.
        #expect(confirmation["stages"] as? Int == 38)
        #expect(stageCount == 38)
    }

    @Test("JSON 'stages X' rows: stage, then the flow fields in the model file's order, in hours and fractions")
    func stagesAsJSON() throws {
        let output = try Binary.run(["--model", "demo", "--format", "json"], input: "stages open-account\n")
        #expect(output.status == 0)
        #expect(output.stderr.isEmpty)
        let lines = Check.lines(output.stdout)
        #expect(lines.count == 4)
        let flow = ["stage", "servers", "time_h", "cv", "wait_h", "defects", "rework_to"]
        for line in lines {
            #expect(Array(Check.keys(line).prefix(flow.count)) == flow, "\(line)")
        }
        let rows = lines.compactMap(Check.object)
        #expect(rows.map { $0["stage"] as? String ?? "?" } == ["Apply", "Verify identity", "Open and fund", "Activate"])
        guard rows.count == 4 else { return }
        #expect(rows[0]["servers"] as? Int == 4)
        #expect(rows[0]["time_h"] as? Double == 0.25, "15m is 0.25 h")
        #expect(rows[1]["defects"] as? Double == 0.03, "3% is the fraction 0.03")
        #expect(rows[2]["wait_h"] as? Double == 4)
        #expect(rows[0]["wait_h"] is NSNull, "an absent field is null")
        #expect(lines[2].contains(#""time_h": 0.333333,"#), "20m to six significant digits")
        // Rework: apply-for-loan's "Assess credit risk" returns to "Capture application".
        let loan = try Binary.run(["--model", "demo", "--format", "json"], input: "stages apply-for-loan\n")
        let assess = Check.lines(loan.stdout).first { $0.contains(#""stage": "Assess credit risk""#) }
        #expect(assess?.contains(#""defects": 0.08, "rework_to": "Capture application""#) == true, "\(assess ?? "no row")")
    }

    @Test("JSON 'deps' rows carry id, from, to (stream/stage), effect, strength, sla in that order")
    func depsAsJSON() throws {
        let output = try Binary.run(["--model", "demo", "--format", "json"], input: "deps\ndeps it-infra\ndeps open-account\n")
        #expect(output.status == 0)
        #expect(output.stderr.isEmpty)
        let lines = Check.lines(output.stdout)
        #expect(lines.count == 18 + 10 + 4, "all 18 links, then the 10 out of it-infra, then the 4 into open-account")
        let fields = ["id", "from", "to", "effect", "strength", "sla"]
        for line in lines.prefix(18) {
            #expect(Check.keys(line) == fields, "\(line)")
        }
        for line in lines.dropFirst(18) {
            #expect(Array(Check.keys(line).prefix(fields.count)) == fields, "\(line)")
        }
        #expect(lines.first == #"{"id": "it-verify", "from": "it-infra", "to": "open-account/Verify identity", "effect": "capacity", "strength": 1, "sla": {"availability": 0.995}}"#)
        let apply = lines.first { $0.hasPrefix(#"{"id": "it-apply""#) }
        #expect(apply?.contains(#""sla": {"availability": 0.995, "latency_h": 0.0833333}"#) == true, "an SLA latency of 5m in hours")
        let document = lines.first { $0.hasPrefix(#"{"id": "comp-document""#) }
        #expect(document?.contains(#""sla": null"#) == true, "a link without an SLA")
        let outOfInfra = lines[18..<28].compactMap { Check.object($0)?["id"] as? String }
        #expect(outOfInfra == Check.itInfraLinks)
        let intoAccount = lines.suffix(4).compactMap { Check.object($0)?["to"] as? String }
        #expect(intoAccount.allSatisfy { $0.hasPrefix("open-account/") }, "\(intoAccount)")
    }

    @Test("--format csv: a header line of keys and one line per row, quoting fields with commas and quotes")
    func csv() throws {
        let output = try Binary.run(["--model", "demo", "--format", "csv"], input: "streams\nstages open-account\n")
        #expect(output.status == 0)
        #expect(output.stderr.isEmpty)
        let lines = Check.lines(output.stdout)
        #expect(lines.count == 1 + 9 + 1 + 4)
        guard lines.count == 15 else { return }
        #expect(lines[0] == "id,name,kind,owner,stages")
        #expect(lines[1] == "open-account,Open Account,customer,Head of Onboarding,4")
        for line in lines[1...9] {
            #expect(line.split(separator: ",", omittingEmptySubsequences: false).count == 5, "\(line)")
        }
        #expect(lines[10].hasPrefix("stage,servers,time_h,cv,wait_h,defects,rework_to,"))
        #expect(lines[11].hasPrefix("Apply,4,0.25,0.8,,,,"))
        // RFC 4180 quoting for a name with a comma and quotes.
        let quoted = try Binary.run(["--format", "csv"], input: """
            new model T
            add stream x "A, \\"B\\"" customer
            streams

            """)
        #expect(quoted.status == 0, "\(quoted.stderr)")
        #expect(Check.lines(quoted.stdout).suffix(2) == ["id,name,kind,owner,stages", #"x,"A, ""B""",customer,,0"#])
    }

    @Test("--format markdown: a pipe table with a | --- | separator line, escaping pipes in cells")
    func markdown() throws {
        let output = try Binary.run(["--model", "demo", "--format", "markdown"], input: "streams\n")
        #expect(output.status == 0)
        #expect(output.stderr.isEmpty)
        let lines = Check.lines(output.stdout)
        #expect(lines.count == 11)
        guard lines.count == 11 else { return }
        #expect(lines[0] == "| id | name | kind | owner | stages |")
        #expect(lines[1].hasPrefix("| --- |"))
        #expect(lines[1].range(of: #"^\|( :?---:? \|)+$"#, options: .regularExpression) != nil, "\(lines[1])")
        #expect(lines[1].components(separatedBy: "|").count == lines[0].components(separatedBy: "|").count)
        #expect(lines[2] == "| open-account | Open Account | customer | Head of Onboarding | 4 |")
        #expect(lines.dropFirst(2).allSatisfy { $0.hasPrefix("| ") && $0.hasSuffix(" |") })
        let piped = try Binary.run(["--format", "markdown"], input: "new model T\nadd stream y \"C | D\" supporting\nstreams\n")
        #expect(piped.stdout.contains(#"| y | C \| D | supporting |"#), "\(piped.stdout)")
    }

    @Test("--format markdown: tables from consecutive commands stay separate tables (a blank line between them)")
    func markdownTablesStaySeparate() throws {
        let output = try Binary.run(["--model", "demo", "--format", "markdown"],
                                    input: "streams\nstages open-account\ndeps open-account\n")
        #expect(output.status == 0)
        let separator = #"^\|( :?---:? \|)+$"#
        let all = Check.lines(output.stdout).filter { $0.range(of: separator, options: .regularExpression) != nil }
        #expect(all.count == 3, "three tables")
        // A Markdown reader ends a table only at a blank line; without one, the next
        // command's header and separator become rows of the table before.
        let blocks = output.stdout.components(separatedBy: "\n\n")
        for block in blocks {
            let separators = Check.lines(block).filter { $0.range(of: separator, options: .regularExpression) != nil }
            #expect(separators.count <= 1, "tables run together into one block:\n\(block)")
        }
    }

    @Test("set output json mid-script switches the mode for what follows, and set output csv again")
    func setOutputMidScript() throws {
        let output = try Binary.run([], input: "load demo\nstreams\nset output json\nstreams\nset output csv\nstreams\n")
        #expect(output.status == 0)
        #expect(output.stderr.isEmpty)
        let lines = Check.lines(output.stdout)
        let json = try #require(lines.firstIndex(of: #"{"message": "Output is json from now on."}"#))
        let csv = try #require(lines.firstIndex(of: "Output is csv from now on."))
        #expect(json == 1 + 2 + 9, "the load message and a text table (header, rule, nine rows) come before")
        #expect(lines[1].hasPrefix("id   "), "text before the switch")
        #expect(lines[..<json].allSatisfy { Check.json($0) == nil })
        #expect(csv == json + 10)
        for line in lines[json..<csv] {
            #expect(Check.object(line) != nil, "\(line)")
        }
        #expect(lines[csv + 1] == "id,name,kind,owner,stages")
        #expect(lines.count == csv + 11)
    }

    @Test("in JSON mode every look command's output is JSON Lines: each line one object")
    func everyLookCommandIsJSONLines() throws {
        // help (the command list) is checked on its own below.
        let script = Check.lookScript.replacingOccurrences(of: "help\n", with: "")
        let output = try Binary.run(["--format", "json"], input: script + "history\nsave model m.yaml\nundo\nredo\n",
                                    directory: try Binary.temporaryFolder())
        #expect(output.status == 0, "\(output.stderr)")
        #expect(output.stderr.isEmpty)
        let lines = Check.lines(output.stdout)
        #expect(lines.count > 60)
        for line in lines {
            #expect(Check.object(line) != nil, "not one JSON object: \(line.prefix(200))")
        }
        #expect(lines.contains { $0.hasPrefix(#"{"stream": "open-account""#) }, "map is one object")
        #expect(lines.contains { $0.hasPrefix(#"{"id": "kyc", "name": "Identity & KYC", "parent": "customer-mgmt""#) })
        #expect(lines.contains(#"{"n": 1, "command": "load demo", "status": "ok"}"#), "history rows")
        #expect(lines.contains { $0.hasPrefix(#"{"message": "usage: add link "#) })
        #expect(lines.contains { $0.hasPrefix(#"{"message": "Saved Northwind Bank to m.yaml.""#) })
        #expect(lines.contains(#"{"message": "Undid: load demo"}"#), "save is not undoable, so undo takes back the load")
    }

    @Test("in JSON mode 'help' lists the commands as JSON Lines: one object per command")
    func helpIsJSONLines() throws {
        let output = try Binary.run(["--format", "json"], input: "help\n")
        #expect(output.status == 0)
        let lines = Check.lines(output.stdout)
        #expect(lines.count >= 20, "one line per command, not one line holding them all")
        for line in lines {
            #expect(Check.object(line) != nil, "not a JSON object: \(line.prefix(120))…")
        }
        #expect(lines.contains { $0.hasPrefix(#"{"command": "streams", "summary": "#) })
    }
}

// MARK: - 3: located errors

@Suite("located errors, end to end")
struct LocatedErrorTests {
    @Test("a typo in a name, piped: exit 1, three lines on stderr: place and nearest name, the line, a caret under the name")
    func typoPiped() throws {
        let output = try Binary.run([], input: "load demo\nshow it-infa\n")
        #expect(output.status == 1)
        #expect(output.stderr == "<stdin>:2:6: error: no stream 'it-infa'; did you mean 'it-infra'?\nshow it-infa\n     ^^^^^^^\n")
        #expect(Check.lines(output.stderr).count == 3)
        #expect(Check.lines(output.stdout).count == 1, "only the load confirmation")
    }

    @Test("in JSON mode errors are still text on stderr, and stdout holds only JSON")
    func errorsInJSONMode() throws {
        let output = try Binary.run(["--format", "json"], input: "load demo\nstreams\nshow it-infa\nstreams\n")
        #expect(output.status == 1)
        #expect(output.stderr == "<stdin>:3:6: error: no stream 'it-infa'; did you mean 'it-infra'?\nshow it-infa\n     ^^^^^^^\n")
        for line in Check.lines(output.stderr) {
            #expect(Check.json(line) == nil, "stderr is not JSON: \(line)")
        }
        let lines = Check.lines(output.stdout)
        #expect(lines.count == 10, "the load and one streams; the streams after the error does not run")
        for line in lines {
            #expect(Check.object(line) != nil, "\(line)")
        }
        #expect(!output.stdout.contains("error"))
        // Also `set output json` partway, and a failure after it.
        let switched = try Binary.run([], input: "load demo\nset output json\nstages nope\n")
        #expect(switched.status == 1)
        #expect(switched.stderr.hasPrefix("<stdin>:3:8: error: no stream 'nope'\nstages nope\n       ^^^^\n"))
        #expect(Check.lines(switched.stdout).last == #"{"message": "Output is json from now on."}"#)
    }

    /// Errors a command raises about itself, not one of its operands (nothing to undo, no
    /// model): the caret must still sit under that command, not under the whole line.
    struct WholeCommandError: Sendable, CustomTestStringConvertible {
        let line: String
        let command: String
        let message: String
        var testDescription: String { line }
    }

    @Test("an error about a whole command in a ;-separated line points at that command", arguments: [
        WholeCommandError(line: "load demo; redo", command: "redo", message: "nothing to redo"),
        WholeCommandError(line: "load demo; undo; undo", command: "undo", message: "nothing to undo"),
        WholeCommandError(line: "new model X; undo; streams", command: "streams", message: "no model loaded"),
    ])
    func wholeCommandErrorLocation(_ error: WholeCommandError) throws {
        let output = try Binary.run(["-c", error.line])
        #expect(output.status == 1)
        let located = try #require(Check.located(output.stderr), "\(output.stderr)")
        let column = try #require(Check.column(of: error.command, in: error.line))
        #expect(located.header.hasPrefix("<command-line>:1:\(column): error: \(error.message)"), "\(output.stderr)")
        #expect(located.line == error.line)
        #expect(located.caretColumn == column)
        #expect(located.underlined == error.command, "\(output.stderr)")
    }
}

@Suite("help, end to end")
struct HelpTests {
    @Test("every command has help with its usage and an example, and each example runs on the demo")
    func everyCommandHasARunnableExample() throws {
        let list = try Binary.run(["--format", "json"], input: "help\n")
        #expect(list.status == 0)
        let usages = Check.lines(list.stdout).compactMap { Check.object($0)?["command"] as? String }
        #expect(usages.count >= 25, "\(list.stdout.prefix(300))")
        let folder = try Binary.temporaryFolder()
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("sessions/models"), withIntermediateDirectories: true)
        try "streams\n".write(to: folder.appendingPathComponent("sessions/tour.vsw"), atomically: true, encoding: .utf8)
        for usage in usages {
            let words = usage.split(separator: " ").prefix { $0.allSatisfy { $0.isLowercase && $0.isLetter } }.joined(separator: " ")
            let help = try Binary.run([], input: "help \(words)\n")
            #expect(help.status == 0, "help \(words): \(help.stderr)")
            let lines = Check.lines(help.stdout)
            #expect(lines.first == "usage: \(usage)", "help \(words)")
            guard let example = lines.first(where: { $0.hasPrefix("example: ") })?.dropFirst("example: ".count) else {
                Issue.record("help \(words) gives no example")
                continue
            }
            // An example may set up what it needs first: one of its commands is the one shown.
            #expect(example.split(separator: ";").contains { $0.trimmingCharacters(in: .whitespaces).hasPrefix(words) },
                    "the example of '\(words)' uses it: \(example)")
            // After an undone edit, so that undo and redo have something to work on.
            let run = try Binary.run([], input: "load demo\nset open-account.owner = \"Z\"\nundo\n\(example)\n", directory: folder)
            #expect(run.status == 0, "example '\(example)': \(run.stderr)")
            #expect(!run.stderr.contains("error"), "example '\(example)': \(run.stderr)")
        }
    }
}

// MARK: - 4: colour

@Suite("colour, end to end")
struct ColourTests {
    static let input = "load demo\nstreams\nshow open-account\nstages open-account\nhelp\n"

    @Test("no colour escapes when piped: with NO_COLOR, without it, and with TERM=dumb")
    func noColourWhenPiped() throws {
        let withNoColour = try Binary.run([], input: Self.input)
        let without = try Check.run([], input: Self.input, environment: ["NO_COLOR": nil, "TERM": "xterm-256color"])
        let dumb = try Check.run([], input: Self.input, environment: ["NO_COLOR": nil, "TERM": "dumb"])
        for (name, output) in [("NO_COLOR=1", withNoColour), ("no NO_COLOR", without), ("TERM=dumb", dumb)] {
            #expect(output.status == 0, "\(name): \(output.stderr)")
            #expect(output.stdout.contains("Open Account (open-account): customer stream"), "\(name)")
            #expect(!output.stdout.contains("\u{1B}"), "\(name): an escape in piped output")
            #expect(!output.stderr.contains("\u{1B}"), "\(name)")
        }
        #expect(without.stdout == withNoColour.stdout)
        #expect(dumb.stdout == withNoColour.stdout)
    }

    @Test("on a terminal: colour without NO_COLOR, none with NO_COLOR or TERM=dumb",
          .enabled(if: Check.hasScript, "needs util-linux script for a terminal"))
    func colourOnlyOnATerminal() throws {
        let commands = "load demo; streams; show open-account"
        let coloured = try Check.runOnTerminal(commands, environment: ["NO_COLOR": nil, "TERM": "xterm-256color"])
        #expect(coloured.status == 0)
        #expect(coloured.stdout.contains("Open Account (open-account): customer stream"))
        #expect(coloured.stdout.contains("\u{1B}["), "a terminal gets colour, so the checks below can fail")
        let noColour = try Check.runOnTerminal(commands, environment: ["NO_COLOR": "1", "TERM": "xterm-256color"])
        #expect(noColour.stdout.contains("Open Account (open-account): customer stream"))
        #expect(!noColour.stdout.contains("\u{1B}"), "NO_COLOR on a terminal")
        let dumb = try Check.runOnTerminal(commands, environment: ["NO_COLOR": nil, "TERM": "dumb"])
        #expect(dumb.stdout.contains("Open Account (open-account): customer stream"))
        #expect(!dumb.stdout.contains("\u{1B}"), "TERM=dumb on a terminal")
    }
}

// MARK: - 5: deterministic output

@Suite("deterministic output, end to end")
struct DeterminismTests {
    @Test("every look command, run twice, gives the same bytes; --format MODE equals set output MODE at the start",
          arguments: ["text", "json", "csv", "markdown"])
    func sameBytes(_ mode: String) throws {
        let folder = try Binary.temporaryFolder()
        let script = Check.lookScript + "history\n"
        let first = try Binary.run(["--format", mode], input: script, directory: folder)
        let second = try Binary.run(["--format", mode], input: script, directory: folder)
        #expect(first.status == 0, "\(first.stderr)")
        #expect(first.stderr.isEmpty)
        #expect(Check.lines(first.stdout).count > 60)
        #expect(first.stdout == second.stdout)
        // `vsw run FILE` prints the same bytes as the pipe.
        try Check.write(script, "look.vsw", in: folder)
        let run = try Binary.run(["run", "--format", mode, "look.vsw"], directory: folder)
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout == first.stdout)
        // `set output MODE` first: its confirmation, then the same bytes (history, which
        // would list the extra command, left out).
        let flag = try Binary.run(["--format", mode], input: Check.lookScript, directory: folder)
        let set = try Binary.run([], input: "set output \(mode)\n" + Check.lookScript, directory: folder)
        #expect(set.status == 0, "\(set.stderr)")
        let confirmation = try Binary.run([], input: "set output \(mode)\n")
        #expect(confirmation.stdout.contains("Output is \(mode) from now on."))
        #expect(set.stdout.hasPrefix(confirmation.stdout))
        let rest = String(set.stdout.dropFirst(confirmation.stdout.count))
        // Markdown keeps results apart with a blank line, so one may follow the confirmation.
        #expect(rest == flag.stdout || (mode == "markdown" && rest == "\n" + flag.stdout))
        let setAgain = try Binary.run([], input: "set output \(mode)\n" + Check.lookScript, directory: folder)
        #expect(setAgain.stdout == set.stdout)
    }

    @Test("text widths come from the content alone: the same bytes whatever COLUMNS says")
    func widthsFromContent() throws {
        let narrow = try Check.run([], input: Check.lookScript, environment: ["COLUMNS": "40", "NO_COLOR": "1"])
        let wide = try Check.run([], input: Check.lookScript, environment: ["COLUMNS": "300", "NO_COLOR": "1"])
        #expect(narrow.status == 0)
        #expect(narrow.stdout == wide.stdout)
        #expect(narrow.stdout.contains("dispute-card-payment  Dispute a Card Payment        customer"))
    }
}

// MARK: - 6, 7: the command line

@Suite("the vsw command line, end to end")
struct CommandLineFlagTests {
    @Test("vsw run --keep-going runs the commands after a failing one, prints the located error, and exits 1")
    func keepGoing() throws {
        let folder = try Binary.temporaryFolder()
        try Check.write("load demo\nshow it-infa\nstreams\nstages nope\nshow it-infra\n", "s.vsw", in: folder)
        let kept = try Binary.run(["run", "--keep-going", "s.vsw"], directory: folder)
        #expect(kept.status == 1)
        #expect(kept.stderr == """
            s.vsw:2:6: error: no stream 'it-infa'; did you mean 'it-infra'?
            show it-infa
                 ^^^^^^^
            s.vsw:4:8: error: no stream 'nope'
            stages nope
                   ^^^^

            """)
        #expect(kept.stdout.contains("ensure-compliance     Ensure Regulatory Compliance"), "streams ran after the error")
        #expect(kept.stdout.contains("Manage IT Infrastructure (it-infra): supporting stream"), "the last command ran")
        let stopped = try Binary.run(["run", "s.vsw"], directory: folder)
        #expect(stopped.status == 1)
        #expect(stopped.stderr == "s.vsw:2:6: error: no stream 'it-infa'; did you mean 'it-infra'?\nshow it-infa\n     ^^^^^^^\n")
        #expect(Check.lines(stopped.stdout).count == 1, "only the load ran")
        #expect(!stopped.stdout.contains("ensure-compliance"))
    }

    @Test("vsw run --keep-going goes on to the next file; without it the next file does not run; no failure is exit 0")
    func keepGoingAcrossFiles() throws {
        let folder = try Binary.temporaryFolder()
        try Check.write("load demo\nremove it-infra\n", "a.vsw", in: folder)
        try Check.write("show hire-onboard\n", "b.vsw", in: folder)
        let kept = try Binary.run(["run", "--keep-going", "a.vsw", "b.vsw"], directory: folder)
        #expect(kept.status == 1)
        #expect(kept.stderr.hasPrefix("a.vsw:2:8: error: cannot remove it-infra"))
        #expect(kept.stdout.contains("Hire and Onboard Staff (hire-onboard): supporting stream"))
        let stopped = try Binary.run(["run", "a.vsw", "b.vsw"], directory: folder)
        #expect(stopped.status == 1)
        #expect(!stopped.stdout.contains("Hire and Onboard Staff (hire-onboard)"))
        let noModel = try Binary.run(["run", "--keep-going", "b.vsw"], directory: folder)
        #expect(noModel.status == 1, "b.vsw alone has no model loaded")
        let good = try Binary.run(["run", "--keep-going", "--model", "demo", "b.vsw"], directory: folder)
        #expect(good.status == 0, "\(good.stderr)")
        #expect(good.stderr.isEmpty)
    }

    @Test("--generate-completion-script prints a script that knows vsw and --format", arguments: ["bash", "zsh", "fish"])
    func completionScripts(_ shell: String) throws {
        let output = try Binary.run(["--generate-completion-script", shell])
        #expect(output.status == 0)
        #expect(output.stderr.isEmpty)
        #expect(output.stdout.contains("vsw"))
        // fish spells a long option `-l 'format'`; bash and zsh `--format`.
        if shell == "fish" {
            #expect(output.stdout.contains("-l 'format'"))
        } else {
            #expect(output.stdout.contains("--format"))
        }
        #expect(output.stdout.contains("--keep-going") || output.stdout.contains("keep-going"), "the run subcommand's flag")
    }

    @Test("--version prints the workbench's version")
    func version() throws {
        let source = try String(contentsOf: Binary.repository.appendingPathComponent("Sources/Workbench/WorkbenchVersion.swift"),
                                encoding: .utf8)
        let declared = try #require(source.firstMatch(of: #/current = "([0-9.]+)"/#)).1
        let output = try Binary.run(["--version"])
        #expect(output.status == 0)
        #expect(output.stdout == "\(declared)\n")
    }

    @Test("bad flag values exit 2: --format xml names the valid modes; --seed notanumber")
    func badFlagValues() throws {
        let format = try Binary.run(["--format", "xml"], input: "load demo\nstreams\n")
        #expect(format.status == 2)
        #expect(format.stdout.isEmpty)
        #expect(format.stderr.contains("'xml'"))
        for mode in ["text", "json", "csv", "markdown"] {
            #expect(format.stderr.contains("'\(mode)'"), "names \(mode)")
        }
        let run = try Binary.run(["run", "--format", "xml", "x.vsw"])
        #expect(run.status == 2)
        let seed = try Binary.run(["--seed", "notanumber"], input: "load demo\n")
        #expect(seed.status == 2)
        #expect(seed.stdout.isEmpty)
        #expect(seed.stderr.contains("'notanumber'"))
        #expect(seed.stderr.contains("--seed"))
        let good = try Binary.run(["--seed", "42", "--format", "csv"], input: "load demo\nstreams\n")
        #expect(good.status == 0)
    }
}

// MARK: - 8, 9: editing through the binary

/// One edit of the demo, and how to see it after saving and loading the result.
struct DemoEdit: Sendable, CustomTestStringConvertible {
    let command: String
    /// A look command run (in JSON mode) on the saved, reloaded model; nil to look in the file.
    let look: String?
    /// Text the look (or the saved file) must contain, or must not when `absent`.
    let shows: String
    var absent = false

    var testDescription: String { command }
}

/// A failing edit of the demo: the message it must give and the token the caret sits under.
struct FailingEdit: Sendable, CustomTestStringConvertible {
    let command: String
    let message: [String]
    /// What the caret underlines; the first is the one to point at, any other acceptable.
    let under: [String]

    var testDescription: String { command }
}

@Suite("editing through the binary")
struct EditingTests {
    static let edits: [DemoEdit] = [
        DemoEdit(command: #"add stream settle-claim "Settle a Claim" customer demand 150/day promise 10d serves external"#,
                 look: "streams",
                 shows: #"{"id": "settle-claim", "name": "Settle a Claim", "kind": "customer", "owner": null, "stages": 0}"#),
        DemoEdit(command: #"add stage open-account "Check fraud" after "Verify identity" servers 2 time 15m functions Fraud"#,
                 look: "stages open-account",
                 shows: #"{"stage": "Check fraud", "servers": 2, "time_h": 0.25,"#),
        DemoEdit(command: "add link it-infra -> open-account/Activate effect capacity strength 0.8 sla availability 99.5% id it-activate",
                 look: "deps open-account",
                 shows: #"{"id": "it-activate", "from": "it-infra", "to": "open-account/Activate", "effect": "capacity", "strength": 0.8, "sla": {"availability": 0.995}"#),
        DemoEdit(command: #"add segment Business expects "a decision in a week""#,
                 look: nil, shows: "- { name: Business, expects: a decision in a week }"),
        DemoEdit(command: #"add stakeholder "Priya Jones" function Compliance"#,
                 look: nil, shows: "- { name: Priya Jones, function: Compliance }"),
        DemoEdit(command: #"add capability fraud "Fraud detection" assessment 2"#,
                 look: "capabilities",
                 shows: #"{"id": "fraud", "name": "Fraud detection", "parent": null, "assessment": 2, "customer_stages": 0, "enables": []}"#),
        DemoEdit(command: "add metric open-account CSAT customer unit points direction up baseline 4.1 target 4.5",
                 look: "show open-account",
                 shows: #"{"metric": "CSAT", "category": "customer", "unit": "points", "direction": "up", "baseline": 4.1, "target": 4.5, "responds": null}"#),
        DemoEdit(command: #"set open-account.owner = "Head of Accounts""#,
                 look: "streams",
                 shows: #"{"id": "open-account", "name": "Open Account", "kind": "customer", "owner": "Head of Accounts", "stages": 4}"#),
        DemoEdit(command: "set open-account.owner.reach = functional",
                 look: "show open-account",
                 shows: #""owner": {"name": "Head of Onboarding", "reach": "functional"}"#),
        DemoEdit(command: #"set open-account.segments = "Retail""#,
                 look: "show open-account", shows: #""segments": ["Retail"]"#),
        DemoEdit(command: #"set open-account/"Verify identity".servers = 8"#,
                 look: "stages open-account",
                 shows: #"{"stage": "Verify identity", "servers": 8, "time_h": 0.75,"#),
        DemoEdit(command: #"set open-account/"Open and fund".wait = none"#,
                 look: "stages open-account",
                 shows: #"{"stage": "Open and fund", "servers": 3, "time_h": 0.333333, "cv": 1, "wait_h": null,"#),
        DemoEdit(command: "set it-verify.strength = 0.5",
                 look: "deps open-account",
                 shows: #"{"id": "it-verify", "from": "it-infra", "to": "open-account/Verify identity", "effect": "capacity", "strength": 0.5,"#),
        DemoEdit(command: #"set "it-infra -> open-account/Apply (latency)".strength = 0.4"#,
                 look: "deps open-account",
                 shows: #"{"id": "it-apply", "from": "it-infra", "to": "open-account/Apply", "effect": "latency", "strength": 0.4,"#),
        DemoEdit(command: "set it-apply.sla.latency = 10m",
                 look: "deps open-account",
                 shows: #""sla": {"availability": 0.995, "latency_h": 0.166667}"#),
        DemoEdit(command: "remove link it-verify", look: "deps", shows: #""id": "it-verify""#, absent: true),
        DemoEdit(command: "remove open-account/Activate", look: "stages open-account", shows: #""stage": "Activate""#, absent: true),
        DemoEdit(command: #"new model "Harbor Mutual""#, look: nil, shows: "model: Harbor Mutual"),
    ]

    @Test("an edit, then undo, saves a byte-identical model; redo reapplies it, and the reloaded file shows it",
          arguments: edits)
    func undoRedo(_ edit: DemoEdit) throws {
        let folder = try Binary.temporaryFolder()
        let script = """
            load demo
            save model a.yaml
            \(edit.command)
            undo
            save model b.yaml
            redo
            save model c.yaml

            """
        let output = try Binary.run([], input: script, directory: folder)
        #expect(output.status == 0, "\(output.stderr)")
        #expect(output.stderr.isEmpty)
        let lines = Check.lines(output.stdout)
        #expect(lines.contains("Undid: \(edit.command)"), "\(output.stdout)")
        #expect(lines.contains("Redid: \(edit.command)"), "\(output.stdout)")
        let a = try Check.contents("a.yaml", in: folder)
        let b = try Check.contents("b.yaml", in: folder)
        let c = try Check.contents("c.yaml", in: folder)
        #expect(a == b, "undo gives back the saved model byte for byte")
        #expect(c != a, "redo reapplies the edit")
        if let look = edit.look {
            let shown = try Binary.run(["--format", "json"], input: "load c.yaml\n\(look)\n", directory: folder)
            #expect(shown.status == 0, "\(shown.stderr)")
            #expect(shown.stdout.contains(edit.shows) != edit.absent, "\(look) on c.yaml:\n\(shown.stdout)")
            let before = try Binary.run(["--format", "json"], input: "load a.yaml\n\(look)\n", directory: folder)
            #expect(before.stdout.contains(edit.shows) == edit.absent, "the change is not already in the demo")
        } else {
            let text = String(decoding: c, as: UTF8.self)
            #expect(text.contains(edit.shows) != edit.absent, "\(text.prefix(400))")
            #expect(String(decoding: a, as: UTF8.self).contains(edit.shows) == edit.absent)
        }
    }

    @Test("several edits undone one by one give back the demo byte for byte; redone, the edited model")
    func undoRedoSeveral() throws {
        let folder = try Binary.temporaryFolder()
        let edits = [
            #"add stream settle-claim "Settle a Claim" customer demand 150/day"#,
            #"add stage settle-claim "Assess" servers 2 time 1h"#,
            "add link it-infra -> settle-claim/Assess effect capacity strength 0.7 sla availability 99% id it-claims",
            #"set settle-claim/Assess.servers = 3"#,
            "remove link it-verify",
        ]
        let undos = String(repeating: "undo\n", count: edits.count)
        let redos = String(repeating: "redo\n", count: edits.count)
        let script = "load demo\nsave model a.yaml\n" + edits.joined(separator: "\n") + "\nsave model e.yaml\n"
            + undos + "save model b.yaml\n" + redos + "save model c.yaml\nundo\nundo\nsave model d.yaml\n"
        let output = try Binary.run([], input: script, directory: folder)
        #expect(output.status == 0, "\(output.stderr)")
        let a = try Check.contents("a.yaml", in: folder)
        let e = try Check.contents("e.yaml", in: folder)
        #expect(try Check.contents("b.yaml", in: folder) == a)
        #expect(try Check.contents("c.yaml", in: folder) == e)
        #expect(e != a)
        let d = String(decoding: try Check.contents("d.yaml", in: folder), as: UTF8.self)
        #expect(d.contains("id: settle-claim"))
        #expect(d.contains("it-verify"), "the last undo restored the link")
        #expect(d.contains("id: it-claims"), "the link to settle-claim is still there")
        #expect(d.contains("{ name: Assess, servers: 2, time: 1h }"), "the servers change is undone: \(d)")
        // A new edit after an undo clears what could be redone.
        let cleared = try Binary.run(["-c", #"load demo; set open-account.owner = "X"; undo; set open-account.owner = "Y"; redo"#])
        #expect(cleared.status == 1)
        #expect(cleared.stderr.contains("error: nothing to redo"))
    }

    @Test("add stage … after STAGE puts it right after that stage; without after, at the end")
    func stagePlacement() throws {
        let output = try Binary.run(["--format", "csv"], input: """
            load demo
            add stage open-account "Check fraud" after "Verify identity" servers 2 time 15m
            add stage open-account "Welcome" servers 1 time 5m
            stages open-account

            """)
        #expect(output.status == 0, "\(output.stderr)")
        let lines = Check.lines(output.stdout)
        let header = try #require(lines.firstIndex { $0.hasPrefix("stage,") })
        let names = lines[(header + 1)...].map { String($0.prefix { $0 != "," }) }
        #expect(names == ["Apply", "Verify identity", "Check fraud", "Open and fund", "Activate", "Welcome"])
    }

    static let failures: [FailingEdit] = [
        FailingEdit(command: "set open-account.servers = 3",
                    message: ["unknown field 'servers'", "did you mean 'serves'?"],
                    under: ["servers", "open-account.servers"]),
        FailingEdit(command: "remove it-infra",
                    message: ["cannot remove it-infra", "links depend on it"] + Check.itInfraLinks,
                    under: ["it-infra"]),
        FailingEdit(command: "add link nowhere -> open-account/Apply effect capacity",
                    message: ["no stream 'nowhere'"], under: ["nowhere"]),
        FailingEdit(command: "set open-account/Apply.defects = 3",
                    message: ["'3' is a fraction 0…1", "did you mean 3%?"], under: ["3"]),
        FailingEdit(command: "remove open-account/Apply",
                    message: ["links depend on it: it-apply"], under: ["open-account/Apply"]),
        FailingEdit(command: #"remove apply-for-loan/"Capture application""#,
                    message: ["rework to it: Assess credit risk"], under: [#"apply-for-loan/"Capture application""#]),
        FailingEdit(command: #"add stage open-account "X" after Nope"#,
                    message: ["no stage 'Nope' in stream 'open-account'"], under: ["Nope"]),
        FailingEdit(command: #"add stream open-account "Duplicate" customer"#,
                    message: ["already a stream 'open-account'"], under: ["open-account"]),
        FailingEdit(command: "add link it-infra -> open-account/Activate effect capacity sla availability 150%",
                    message: ["'150%' is above 100%"], under: ["150%"]),
        FailingEdit(command: "add link it-infra -> open-account/Activate effect bogus",
                    message: ["'bogus' is not an effect"], under: ["bogus"]),
        FailingEdit(command: "set open-account.kind = weird",
                    message: ["'weird' is not a stream kind"], under: ["weird"]),
        FailingEdit(command: "set open-account/Apply.rework_to = Nope",
                    message: ["nothing changed", "no stage 'Nope'"], under: ["Nope"]),
        FailingEdit(command: "set open-account/Apply.servers = 3%",
                    message: ["not a whole number of servers"], under: ["3%"]),
        FailingEdit(command: #"add stage open-account "New" servers 0"#,
                    message: ["at least 1 server"], under: ["0"]),
    ]

    @Test("a failing edit exits 1 with a located error under the right token, and changes nothing", arguments: failures)
    func failingEditChangesNothing(_ edit: FailingEdit) throws {
        let folder = try Binary.temporaryFolder()
        try Check.write("load demo\nsave model before.yaml\n\(edit.command)\nsave model after.yaml\n", "s.vsw", in: folder)
        let stopped = try Binary.run(["run", "s.vsw"], directory: folder)
        #expect(stopped.status == 1)
        #expect(!Check.exists("after.yaml", in: folder), "the run stops at the error")
        let kept = try Binary.run(["run", "--keep-going", "s.vsw"], directory: folder)
        #expect(kept.status == 1)
        #expect(kept.stderr == stopped.stderr)
        #expect(try Check.contents("before.yaml", in: folder) == Check.contents("after.yaml", in: folder),
                "the failed edit changed the model")
        let located = try #require(Check.located(kept.stderr), "\(kept.stderr)")
        let expected = try #require(Check.column(of: edit.under[0], in: edit.command))
        #expect(located.line == edit.command)
        #expect(edit.under.contains(located.underlined), "underlines '\(located.underlined)'\n\(kept.stderr)")
        let column = Check.column(of: located.underlined, in: edit.command) ?? 0
        #expect(located.header.hasPrefix("s.vsw:3:\(column): error: "), "\(located.header)")
        #expect(column <= expected && expected < column + located.underlined.count)
        for phrase in edit.message {
            #expect(kept.stderr.contains(phrase), "says '\(phrase)': \(kept.stderr)")
        }
        #expect(!kept.stdout.contains("error"))
    }

    /// An addition whose name the demo already uses, in another case.
    struct DuplicateAddition: Sendable, CustomTestStringConvertible {
        let command: String
        let name: String
        var testDescription: String { command }
    }

    @Test("adding a second thing of a name already in use is refused, as for streams, stages and capabilities", arguments: [
        DuplicateAddition(command: #"add stakeholder "priya shah" function IT"#, name: #""priya shah""#),
        DuplicateAddition(command: #"add segment retail expects "an account in an hour""#, name: "retail"),
        DuplicateAddition(command: #"add metric open-account "onboarding nps" customer"#, name: #""onboarding nps""#),
        DuplicateAddition(command: #"add stream OPEN-ACCOUNT "Again" customer"#, name: "OPEN-ACCOUNT"),
        DuplicateAddition(command: #"add stage open-account "verify identity""#, name: #""verify identity""#),
        DuplicateAddition(command: #"add capability KYC "Again""#, name: "KYC"),
    ])
    func duplicateNamesRefused(_ addition: DuplicateAddition) throws {
        let folder = try Binary.temporaryFolder()
        try Check.write("load demo\nsave model before.yaml\n\(addition.command)\nsave model after.yaml\n", "s.vsw", in: folder)
        let output = try Binary.run(["run", "--keep-going", "s.vsw"], directory: folder)
        #expect(output.status == 1, "names resolve case-insensitively, so a second '\(addition.name)' would be ambiguous")
        #expect(output.stderr.contains("already"), "\(output.stderr)")
        let located = Check.located(output.stderr)
        #expect(located?.underlined == addition.name, "\(output.stderr)")
        #expect(Check.exists("after.yaml", in: folder))
        if Check.exists("after.yaml", in: folder) {
            #expect(try Check.contents("before.yaml", in: folder) == Check.contents("after.yaml", in: folder))
        }
    }

    @Test("a failed edit is not on the undo stack: undo after it undoes the edit before; history says 'failed'")
    func failedEditIsNotUndoable() throws {
        let folder = try Binary.temporaryFolder()
        try Check.write("""
            load demo
            save model a.yaml
            set open-account.owner = "X"
            set open-account.servers = 3
            undo
            save model b.yaml
            history

            """, "s.vsw", in: folder)
        let output = try Binary.run(["run", "--keep-going", "s.vsw", "--format", "csv"], directory: folder)
        #expect(output.status == 1)
        #expect(try Check.contents("a.yaml", in: folder) == Check.contents("b.yaml", in: folder))
        #expect(output.stdout.contains(#"Undid: set open-account.owner = "X""#))
        let lines = Check.lines(output.stdout)
        #expect(lines.suffix(7) == [
            "n,command,status",
            "1,load demo,ok",
            "2,save model a.yaml,ok",
            #"3,"set open-account.owner = ""X""",undone"#,
            "4,set open-account.servers = 3,failed",
            "5,undo,ok",
            "6,save model b.yaml,ok",
        ])
    }
}
