import Foundation
import Testing

// End-to-end tests of the built `vsw` for issue 5: `test all` and `review` in JSON and CSV,
// classify and validate saved to a file and read back, and located errors (DESIGN §3, §5).

/// A JSON value that keeps the order of an object's keys, which JSONSerialization forgets.
fileprivate indirect enum OrderedJSON: Equatable {
    case object([(String, OrderedJSON)])
    case array([OrderedJSON])
    case string(String)
    case number(Double)
    case bool(Bool)
    case null

    static func == (lhs: OrderedJSON, rhs: OrderedJSON) -> Bool {
        switch (lhs, rhs) {
        case (.object(let a), .object(let b)): return a.map(\.0) == b.map(\.0) && zip(a, b).allSatisfy { $0.1 == $1.1 }
        case (.array(let a), .array(let b)): return a == b
        case (.string(let a), .string(let b)): return a == b
        case (.number(let a), .number(let b)): return a == b
        case (.bool(let a), .bool(let b)): return a == b
        case (.null, .null): return true
        default: return false
        }
    }

    var keys: [String] {
        if case .object(let entries) = self { return entries.map(\.0) }
        return []
    }

    subscript(key: String) -> OrderedJSON? {
        if case .object(let entries) = self { return entries.first { $0.0 == key }?.1 }
        return nil
    }

    var string: String? {
        if case .string(let text) = self { return text }
        return nil
    }

    var number: Double? {
        if case .number(let figure) = self { return figure }
        return nil
    }

    var array: [OrderedJSON]? {
        if case .array(let items) = self { return items }
        return nil
    }

    /// Every string value inside, depth first.
    var strings: [String] {
        switch self {
        case .object(let entries): return entries.flatMap(\.1.strings)
        case .array(let items): return items.flatMap(\.strings)
        case .string(let text): return [text]
        default: return []
        }
    }

    struct ParseError: Error, CustomStringConvertible {
        let description: String
    }

    static func parse(_ text: String) throws -> OrderedJSON {
        var parser = Parser(scalars: Array(text.unicodeScalars))
        let value = try parser.value()
        parser.skipSpace()
        guard parser.index == parser.scalars.count else { throw ParseError(description: "trailing text in \(text)") }
        return value
    }

    private struct Parser {
        let scalars: [Unicode.Scalar]
        var index = 0

        mutating func skipSpace() {
            while index < scalars.count, [" ", "\t", "\n", "\r"].contains(scalars[index]) { index += 1 }
        }

        mutating func expect(_ scalar: Unicode.Scalar) throws {
            skipSpace()
            guard index < scalars.count, scalars[index] == scalar else { throw ParseError(description: "expected \(scalar) at \(index)") }
            index += 1
        }

        mutating func literal(_ word: String, _ value: OrderedJSON) throws -> OrderedJSON {
            for scalar in word.unicodeScalars { try expect(scalar) }
            return value
        }

        mutating func value() throws -> OrderedJSON {
            skipSpace()
            guard index < scalars.count else { throw ParseError(description: "unexpected end") }
            switch scalars[index] {
            case "{":
                index += 1
                var entries: [(String, OrderedJSON)] = []
                skipSpace()
                if index < scalars.count, scalars[index] == "}" { index += 1; return .object(entries) }
                repeat {
                    skipSpace()
                    guard case .string(let key) = try value() else { throw ParseError(description: "a key must be a string") }
                    try expect(":")
                    entries.append((key, try value()))
                    skipSpace()
                } while try comma(closing: "}")
                return .object(entries)
            case "[":
                index += 1
                var items: [OrderedJSON] = []
                skipSpace()
                if index < scalars.count, scalars[index] == "]" { index += 1; return .array(items) }
                repeat {
                    items.append(try value())
                    skipSpace()
                } while try comma(closing: "]")
                return .array(items)
            case "\"":
                index += 1
                var text = String.UnicodeScalarView()
                while index < scalars.count, scalars[index] != "\"" {
                    if scalars[index] == "\\" {
                        index += 1
                        guard index < scalars.count else { break }
                        switch scalars[index] {
                        case "n": text.append("\n")
                        case "t": text.append("\t")
                        case "r": text.append("\r")
                        case "b": text.append("\u{08}")
                        case "f": text.append("\u{0C}")
                        case "u":
                            let hex = String(String.UnicodeScalarView(scalars[(index + 1)...(index + 4)]))
                            index += 4
                            if let code = UInt32(hex, radix: 16), let scalar = Unicode.Scalar(code) { text.append(scalar) }
                        default: text.append(scalars[index])
                        }
                    } else {
                        text.append(scalars[index])
                    }
                    index += 1
                }
                try expect("\"")
                return .string(String(text))
            case "t": return try literal("true", .bool(true))
            case "f": return try literal("false", .bool(false))
            case "n": return try literal("null", .null)
            default:
                let start = index
                while index < scalars.count, "+-0123456789.eE".unicodeScalars.contains(scalars[index]) { index += 1 }
                let text = String(String.UnicodeScalarView(scalars[start..<index]))
                guard let figure = Double(text) else { throw ParseError(description: "not a number: \(text)") }
                return .number(figure)
            }
        }

        /// After an item: true for a comma, false for the closing bracket.
        mutating func comma(closing: Unicode.Scalar) throws -> Bool {
            skipSpace()
            guard index < scalars.count else { throw ParseError(description: "unexpected end") }
            if scalars[index] == "," { index += 1; return true }
            if scalars[index] == closing { index += 1; return false }
            throw ParseError(description: "expected , or \(closing) at \(index)")
        }
    }
}

@Suite("Classification through the binary")
struct ClassificationEndToEndTests {
    func lines(_ text: String) -> [String] {
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        if lines.last == "" { lines.removeLast() }
        return lines
    }

    /// The demo's stream ids, in order, from `streams` in JSON.
    func demoStreams() throws -> [String] {
        let output = try Binary.run(["--model", "demo", "-c", "streams", "--format", "json"])
        #expect(output.status == 0, "\(output.stderr)")
        return try lines(output.stdout).map { try #require(try OrderedJSON.parse($0)["id"]?.string) }
    }

    /// JSON Lines split into the leading message lines and the rows after them.
    fileprivate func messagesAndRows(_ stdout: String) throws -> (messages: [OrderedJSON], rows: [OrderedJSON]) {
        let parsed = try lines(stdout).map(OrderedJSON.parse)
        let messages = Array(parsed.prefix { $0.keys.first == "message" })
        return (messages, Array(parsed.dropFirst(messages.count)))
    }

    @Test("test all in JSON: after the message lines, one row per stream with keys stream, declared_kind, suggested_kind, confidence, criteria")
    func testAllJSON() throws {
        let streams = try demoStreams()
        #expect(streams.count == 9)
        for (arguments, messageCount) in [(["--model", "demo", "-c", "set today 2026-12-01; test all"], 1),
                                          (["-c", "load demo; set today 2026-12-01; test all"], 2)] {
            let output = try Binary.run(arguments + ["--format", "json"])
            #expect(output.status == 0, "\(output.stderr)")
            #expect(output.stderr.isEmpty, "\(output.stderr)")
            let (messages, rows) = try messagesAndRows(output.stdout)
            #expect(messages.count == messageCount, "\(arguments)")
            #expect(messages.last?["message"]?.string == "Today is 2026-12-01 for this session.")
            #expect(rows.count == streams.count)
            #expect(rows.map { $0["stream"]?.string } == streams)
            for row in rows {
                #expect(row.keys == ["stream", "declared_kind", "suggested_kind", "confidence", "criteria"], "\(row.keys)")
                let criteria = try #require(row["criteria"]?.array)
                #expect(criteria.map { $0["name"]?.string } == ["external-trigger", "crosses-functions", "customer-outcomes", "revenue-or-mission",
                                                                 "ends-in-customer-value", "internal-customers", "enables-others"])
                for criterion in criteria {
                    #expect(Array(criterion.keys.prefix(3)) == ["name", "verdict", "evidence"], "\(criterion.keys)")
                    #expect(["for", "against", "unknown"].contains(criterion["verdict"]?.string ?? ""))
                    let evidence = criterion["evidence"]?.string ?? ""
                    #expect(!evidence.isEmpty)
                }
                let confidence = try #require(row["confidence"]?.number)
                #expect((0...1).contains(confidence))
                let declared = row["declared_kind"]?.string, suggested = row["suggested_kind"]?.string
                if row["stream"]?.string == "it-service-desk" {
                    #expect(declared == "customer" && suggested == "supporting")
                    #expect(confidence >= 0.6)
                } else {
                    #expect(declared == suggested, "\(row["stream"]?.string ?? "")")
                }
            }
        }
    }

    @Test("review in CSV has the header code,severity,entity,message,fix and one record per finding of the JSON review")
    func reviewCSV() throws {
        let csv = try Binary.run(["--model", "demo", "-c", "set today 2026-12-01; review", "--format", "csv"])
        #expect(csv.status == 0, "\(csv.stderr)")
        let csvLines = lines(csv.stdout)
        let header = try #require(csvLines.firstIndex(of: "code,severity,entity,message,fix"), "\(csv.stdout)")
        let records = Array(csvLines[(header + 1)...]).filter { !$0.isEmpty }
        let json = try Binary.run(["--model", "demo", "-c", "set today 2026-12-01; review", "--format", "json"])
        let (_, rows) = try messagesAndRows(json.stdout)
        #expect(!rows.isEmpty)
        #expect(records.count == rows.count)
        for (record, row) in zip(records, rows) {
            #expect(row.keys == ["code", "severity", "entity", "message", "fix"])
            let code = try #require(row["code"]?.string), severity = try #require(row["severity"]?.string)
            #expect(record.hasPrefix("\(code),\(severity),"), "\(record)")
            for value in row.strings where !value.contains(",") && !value.contains("\"") {
                #expect(record.contains(value), "\(record) lacks \(value)")
            }
        }
        let only = try Binary.run(["--model", "demo", "-c", "set today 2026-12-01; review --only sla-missing", "--format", "csv"])
        let onlyLines = lines(only.stdout)
        let onlyHeader = try #require(onlyLines.firstIndex(of: "code,severity,entity,message,fix"))
        let onlyRecords = Array(onlyLines[(onlyHeader + 1)...])
        #expect(onlyRecords.count == rows.filter { $0["code"]?.string == "sla-missing" }.count)
        #expect(!onlyRecords.isEmpty && onlyRecords.allSatisfy { $0.hasPrefix("sla-missing,warning,") })
    }

    @Test("test, review and recommend in text carry every string of their JSON rows")
    func textCarriesJSON() throws {
        for command in ["test all", "review", "recommend"] {
            let script = "set today 2026-12-01; \(command)"
            let text = try Binary.run(["--model", "demo", "-c", script])
            let json = try Binary.run(["--model", "demo", "-c", script, "--format", "json"])
            #expect(text.status == 0 && json.status == 0, "\(text.stderr)\(json.stderr)")
            let (_, rows) = try messagesAndRows(json.stdout)
            #expect(!rows.isEmpty)
            for value in rows.flatMap(\.strings) {
                #expect(text.stdout.contains(value), "\(command): text lacks '\(value)'")
            }
        }
    }

    @Test("classify and validate through the binary are saved to the model file and read back")
    func classifySavedAndLoaded() throws {
        let folder = try Binary.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let first = try Binary.run(["--model", "demo", "-c",
                                    "set today 2026-12-01; set facilitator \"Jo Facilitator\"; "
                                    + "classify it-service-desk as supporting because \"Only staff raise tickets\"; "
                                    + "validate it-service-desk by \"Marco Rossi\" from IT agree \"Fine by IT\"; save model bank.yaml"],
                                   directory: folder)
        #expect(first.status == 0, "\(first.stderr)")
        let file = try String(contentsOf: folder.appendingPathComponent("bank.yaml"), encoding: .utf8)
        for fact in ["Jo Facilitator", "Only staff raise tickets", "Fine by IT", "2026-12-01", "stale: true"] {
            #expect(file.contains(fact), "the saved file lacks \(fact)")
        }
        let reloaded = try Binary.run(["--model", "bank.yaml", "-c",
                                       "set today 2026-12-01; test it-service-desk; review --only kind-disagrees-with-test; review --only unvalidated",
                                       "--format", "json"], directory: folder)
        #expect(reloaded.status == 0, "\(reloaded.stderr)")
        #expect(reloaded.stderr.isEmpty, "no load warnings: \(reloaded.stderr)")
        let (_, rows) = try messagesAndRows(reloaded.stdout)
        let test = try #require(rows.first)
        #expect(test["stream"]?.string == "it-service-desk")
        #expect(test["declared_kind"]?.string == "supporting")
        #expect(test["suggested_kind"]?.string == "supporting")
        let entities = rows.dropFirst().compactMap { $0["entity"]?.string }
        #expect(!entities.contains("it-service-desk"), "neither disagreeing nor unvalidated after the load: \(entities)")
        // A reclassification after the load makes the sign-off stale, and the saved file says so.
        let again = try Binary.run(["--model", "bank.yaml", "-c",
                                    "set today 2026-12-02; classify it-service-desk as supporting; review --only unvalidated; save model bank2.yaml",
                                    "--format", "json"], directory: folder)
        #expect(again.status == 0, "\(again.stderr)")
        let (_, afterRows) = try messagesAndRows(again.stdout)
        #expect(afterRows.contains { $0["entity"]?.string == "it-service-desk" }, "\(again.stdout)")
        let second = try String(contentsOf: folder.appendingPathComponent("bank2.yaml"), encoding: .utf8)
        #expect(second.contains("2026-12-02"))
    }

    @Test("a failing classify, validate or review is a located error on stderr, exit 1, and stops the commands after it")
    func locatedErrors() throws {
        let cases: [(command: String, column: Int, message: String)] = [
            ("classify open-account as custom", 26, "'custom' is not a stream kind; did you mean 'customer'?"),
            ("classify open-account supporting", 10, "classify open-account as"),
            ("validate open-account by \"X\" maybe", 30, "'maybe' is not a verdict"),
            ("classify open-acount as supporting", 10, "no stream 'open-acount'; did you mean 'open-account'?"),
            ("review --only bogus", 15, "no review code 'bogus'"),
        ]
        for item in cases {
            let output = try Binary.run(["--model", "demo", "-c", "\(item.command); streams"])
            #expect(output.status == 1, "\(item.command)")
            let errorLines = lines(output.stderr)
            #expect(errorLines.first?.hasPrefix("<command-line>:1:\(item.column): error: ") == true, "\(item.command): \(output.stderr)")
            #expect(errorLines.first?.contains(item.message) == true, "\(item.command): \(output.stderr)")
            #expect(errorLines.dropFirst().first == "\(item.command); streams", "\(output.stderr)")
            #expect(output.stdout.isEmpty, "nothing runs after the failure: \(output.stdout)")
        }
        // Piped: the line and column of the failing command.
        let piped = try Binary.run(["--model", "demo"], input: "set today 2026-12-01\nvalidate open-account by \"X\" maybe\n")
        #expect(piped.status == 1)
        #expect(piped.stderr.hasPrefix("<stdin>:2:30: error: 'maybe' is not a verdict"), "\(piped.stderr)")
    }
}
