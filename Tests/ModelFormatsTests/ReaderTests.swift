import Foundation
import Testing
@testable import ModelFormats
import ValueStreams

/// The reader's handling of malformed and unusual input: syntax errors, duplicate keys,
/// anchors, deep nesting, JSON escapes, byte-order marks, and files that are not model files.
@Suite("Model reader")
struct ReaderTests {
    /// The diagnostics of a text that must not load.
    private func failure(_ text: String, file: String = "r.yaml") -> [Diagnostic] {
        switch ModelReader.read(text, file: file) {
        case .success:
            Issue.record("expected '\(file)' to fail to load")
            return []
        case .failure(let error):
            return error.diagnostics
        }
    }

    /// `LINE:COLUMN` of a diagnostic.
    private func place(_ diagnostic: Diagnostic) -> String { "\(diagnostic.line):\(diagnostic.column)" }

    /// A fresh folder for one test's files.
    private func temporaryFolder() throws -> URL {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("vsw-reader-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        return folder
    }

    // MARK: YAML syntax

    @Test("a YAML syntax error gives exactly one diagnostic, at the offending ':'")
    func syntaxError() {
        // Line 3 is `  - id: a: b`; the second ':' is column 10 (2 spaces, '-', ' ', 'id', ':', ' ', 'a').
        let diagnostics = failure("model: T\nstreams:\n  - id: a: b\n    name: A\n    kind: customer\n")
        #expect(diagnostics.count == 1)
        let diagnostic = diagnostics.first
        #expect(diagnostic.map(place) == "3:10")
        #expect(diagnostic?.severity == .error)
        #expect(diagnostic?.message.hasPrefix("syntax error:") == true)
        #expect(diagnostic?.description.hasPrefix("r.yaml:3:10: error: syntax error: ") == true)
    }

    @Test("a tab used for indentation is located at the tab")
    func tabIndentation() {
        let diagnostics = failure("model: T\nstreams:\n  - id: a\n\tname: A\n")
        #expect(diagnostics.count == 1)
        #expect(diagnostics.first.map(place) == "4:1")
    }

    @Test("an unterminated quoted value is located where its quote opens, not at the end of the file")
    func unterminatedQuote() {
        // Line 1 is `model: "T`; the quote is column 8. libyaml reports the problem at the end of
        // the stream (line 6) and the quoted scalar's start as its context: the start is the place to fix.
        let diagnostics = failure("model: \"T\nstreams:\n  - id: a\n    name: A\n    kind: customer\n")
        #expect(diagnostics.count == 1)
        #expect(diagnostics.first?.line == 1)
        #expect(diagnostics.first?.column == 8)
        #expect(diagnostics.first?.message.contains("quoted") == true)
    }

    @Test("a flow list left open is one located syntax error near it")
    func unclosedFlowList() {
        // Line 2 is `segments: [Retail, SME`; libyaml reads on into line 3 before it gives up.
        let diagnostics = failure("model: T\nsegments: [Retail, SME\nstreams: []\n")
        #expect(diagnostics.count == 1)
        #expect((2...3).contains(diagnostics.first?.line ?? 0))
        #expect(diagnostics.first?.message.contains("flow sequence") == true)
    }

    @Test("a control character is located on its own line, even after non-ASCII text")
    func controlCharacterLocation() {
        // Line 4 is `  - { name: "abc", expects: "x<DEL>" }`: `expects:` is 20–27, the quote 29, `x` 30, DEL 31.
        let text = "model: T\nsegments:\n  - { name: \"" + String(repeating: "日", count: 40)
            + "\", expects: \"x\" }\n  - { name: \"abc\", expects: \"x\u{7F}\" }\n"
        let diagnostics = failure(text)
        #expect(diagnostics.count == 1)
        #expect(diagnostics.first?.message.contains("control characters") == true)
        #expect(diagnostics.first?.line == 4)
        #expect(diagnostics.first?.column == 31)
        // Without the non-ASCII text the line is already right.
        let ascii = failure("model: T\nsegments:\n  - { name: \"abc\", expects: \"x\u{7F}\" }\n")
        #expect(ascii.first?.line == 3)
    }

    @Test("a duplicate mapping key is reported once and located at the key")
    func duplicateKey() {
        // The stream mapping starts at 3:5 (`id`); `name` first appears at 4:5 and again at 6:5.
        let diagnostics = failure("model: T\nstreams:\n  - id: a\n    name: A\n    kind: customer\n    name: B\n")
        #expect(diagnostics.count == 1)
        let diagnostic = diagnostics.first
        #expect(diagnostic?.message.contains("duplicate key 'name'") == true)
        // DESIGN §11: Yams points at the key's first occurrence.
        #expect(diagnostic.map(place) == "4:5")
    }

    @Test("an empty file is one located error asking for 'model:'")
    func emptyFile() {
        for text in ["", "\n\n", "# only a comment\n"] {
            let diagnostics = failure(text)
            #expect(diagnostics.count == 1)
            #expect(diagnostics.first.map(place) == "1:1")
            #expect(diagnostics.first?.message.contains("model: NAME") == true)
        }
    }

    // MARK: Anchors and nesting

    @Test("an anchor on a mapping is refused, located at the anchored node")
    func anchorRefused() {
        // Line 3 is `  - &r { name: Retail }`: the anchor starts at column 5.
        let diagnostics = failure("model: T\nsegments:\n  - &r { name: Retail }\n  - *r\n")
        #expect(!diagnostics.isEmpty)
        let first = diagnostics.first
        #expect(first?.severity == .error)
        #expect(first?.line == 3)
        #expect(first?.column == 5)
        #expect(first?.message.contains("anchors and aliases") == true)
    }

    @Test("an anchor on a scalar is refused")
    func scalarAnchorRefused() {
        let diagnostics = failure("model: &n T\n")
        #expect(diagnostics.count == 1)
        #expect(diagnostics.first?.line == 1)
        #expect(diagnostics.first?.message.contains("anchors and aliases") == true)
    }

    @Test("an alias to an anchored list is refused")
    func aliasRefused() {
        let diagnostics = failure("model: T\nsegments: &s [ { name: R } ]\nstakeholders: *s\n")
        #expect(!diagnostics.isEmpty)
        #expect(diagnostics.allSatisfy { $0.message.contains("anchors and aliases") })
        #expect(diagnostics.first?.line == 2)
    }

    @Test("an alias to an undefined anchor is a located syntax error")
    func undefinedAlias() {
        // Line 4 is `  - *r`: the alias is column 5.
        let diagnostics = failure("model: T\nsegments:\n  - { name: Retail }\n  - *r\n")
        #expect(diagnostics.count == 1)
        #expect(diagnostics.first.map(place) == "4:5")
    }

    @Test("a one-line list nested 100 deep is refused before composing, on its line", arguments: [100, 1_000, 100_000])
    func deepFlowNesting(depth: Int) {
        let text = "model: T\nsegments: " + String(repeating: "[", count: depth) + String(repeating: "]", count: depth) + "\n"
        let diagnostics = failure(text)
        #expect(diagnostics.count == 1)
        #expect(diagnostics.first?.line == 2)
        #expect((diagnostics.first?.column ?? 0) >= 1)
        #expect(diagnostics.first?.message.contains("nested more than \(YAMLScan.maximumDepth) levels deep") == true)
    }

    @Test("flow brackets nested 100 deep over several lines are refused at the line that goes too deep")
    func deepFlowNestingOverLines() {
        // One '[' per line: line 2 holds `segments: [`, so line n holds the (n-1)th bracket. The
        // document's mapping is one level, so line 65 (64 brackets inside it) is 65 levels deep.
        let text = "model: T\nsegments: " + String(repeating: "[\n", count: 100) + String(repeating: "]", count: 100) + "\n"
        let diagnostics = failure(text)
        #expect(diagnostics.count == 1)
        #expect(diagnostics.first?.line == 65)
        #expect(diagnostics.first?.message.contains("nested more than") == true)
    }

    @Test("block mappings nested 100 deep are refused at the line that goes too deep")
    func deepBlockNesting() {
        // Line 1 `model: T` (indent 0), line 2 `segments:` (indent 0), then line 2 + i at indent 2i:
        // the indentation stack holds i + 1 levels on line 2 + i, so level 65 is line 66.
        var text = "model: T\nsegments:\n"
        for level in 1...100 { text += String(repeating: "  ", count: level) + "k\(level):\n" }
        let diagnostics = failure(text)
        #expect(diagnostics.count == 1)
        #expect(diagnostics.first?.line == 66)
        #expect(diagnostics.first?.column == 1)
        #expect(diagnostics.first?.message.contains("nested more than") == true)
    }

    @Test("compact '- - -' lists nested 100 deep are refused")
    func deepDashNesting() {
        let text = "model: T\nsegments:\n  " + String(repeating: "- ", count: 100) + "x\n"
        let diagnostics = failure(text)
        #expect(diagnostics.count == 1)
        #expect(diagnostics.first?.line == 3)
        #expect(diagnostics.first?.message.contains("nested more than") == true)
    }

    @Test("nesting within the limit is read normally")
    func shallowNestingIsFine() throws {
        let loaded = try ModelReader.read("model: T\nsegments: [ { name: Retail, expects: fast } ]\n", file: "r.yaml").get()
        #expect(loaded.model.segments == [Segment(name: "Retail", expects: "fast")])
    }

    // MARK: JSON

    @Test("JSON string escapes read as JSON means them")
    func jsonEscapes() throws {
        let text = #"{"model": "A \"q\" \\ caf\u00e9 a\/b \u00FC\t.", "streams": [{"id": "a", "name": "Zürich \u00dcnderwriting", "kind": "customer"}]}"#
        let loaded = try ModelReader.read(text, file: "r.json").get()
        #expect(loaded.model.name == "A \"q\" \\ café a/b ü\t.")
        #expect(loaded.model.streams.first?.name == "Zürich Ünderwriting")
        #expect(loaded.warnings.isEmpty)
    }

    @Test("JSON numbers and booleans read as the same text YAML would")
    func jsonScalars() throws {
        let text = """
            {
              "model": "T",
              "streams": [
                { "id": "a", "name": "A", "kind": "customer", "trigger": { "external": true },
                  "stages": [ { "name": "S1", "servers": 2, "time": "1h", "cv": 0.5, "defects": 0.03 } ] }
              ]
            }
            """
        let stream = try #require(try ModelReader.read(text, file: "r.json").get().model.streams.first)
        #expect(stream.trigger?.external == true)
        let stage = try #require(stream.stages.first)
        #expect(stage.servers == 2)
        #expect(stage.cv == 0.5)
        #expect(stage.defects?.text == "0.03")
        #expect(stage.time?.hours == 1)
    }

    @Test("a JSON duplicate key is reported, located at the key")
    func jsonDuplicateKey() {
        let diagnostics = failure("{\n  \"model\": \"T\",\n  \"model\": \"U\"\n}\n", file: "r.json")
        #expect(diagnostics.count == 1)
        #expect(diagnostics.first?.message.contains("duplicate key 'model'") == true)
        // The first occurrence (DESIGN §11): line 2, column 3.
        #expect(diagnostics.first.map(place) == "2:3")
        #expect(diagnostics.first?.file == "r.json")
    }

    @Test("a JSON syntax error is one located diagnostic")
    func jsonSyntaxError() {
        // Line 4 is `    { "id": "a" "name": "A" }`: the second key, where a ',' was expected, is column 17.
        let diagnostics = failure("{\n  \"model\": \"T\",\n  \"streams\": [\n    { \"id\": \"a\" \"name\": \"A\" }\n  ]\n}\n", file: "r.json")
        #expect(diagnostics.count == 1)
        #expect(diagnostics.first.map(place) == "4:17")
        #expect(diagnostics.first?.message.contains("','") == true)
    }

    // MARK: Files

    @Test("a UTF-8 file with a byte-order mark reads", arguments: ["bom.yaml", "bom.json"])
    func byteOrderMark(name: String) throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let text = name.hasSuffix(".json")
            ? "{ \"model\": \"Zürich\", \"streams\": [ { \"id\": \"a\", \"name\": \"A\", \"kind\": \"customer\" } ] }\n"
            : "model: Zürich\nstreams:\n  - { id: a, name: A, kind: customer }\n"
        let path = folder.appendingPathComponent(name).path
        try (Data([0xEF, 0xBB, 0xBF]) + Data(text.utf8)).write(to: URL(fileURLWithPath: path))
        let loaded = try ModelFiles.read(path: path).get()
        #expect(loaded.model.name == "Zürich")
        #expect(loaded.model.streams.map(\.id) == ["a"])
        #expect(loaded.warnings.isEmpty)
    }

    @Test("a byte-order mark does not shift the columns of line 1")
    func byteOrderMarkColumns() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("bom.yaml").path
        try (Data([0xEF, 0xBB, 0xBF]) + Data("model: T\nreview_interval: 5\n".utf8)).write(to: URL(fileURLWithPath: path))
        guard case .failure(.invalid(let error)) = ModelFiles.read(path: path, name: "bom.yaml") else {
            Issue.record("expected the bad review interval to be reported")
            return
        }
        #expect(error.diagnostics.map(\.description).first?.hasPrefix("bom.yaml:2:18: error: review_interval: ") == true)
    }

    @Test("reading a folder is 'unreadable': it is a folder")
    func readFolder() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let modelFolder = folder.appendingPathComponent("models.yaml")
        try FileManager.default.createDirectory(at: modelFolder, withIntermediateDirectories: true)
        guard case .failure(.unreadable(let path, let reason)) = ModelFiles.read(path: modelFolder.path, name: "models.yaml") else {
            Issue.record("expected .unreadable for a folder")
            return
        }
        #expect(path == "models.yaml")
        #expect(reason.contains("folder"))
    }

    @Test("reading a missing file is 'unreadable': no such file")
    func readMissing() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let missing = folder.appendingPathComponent("nope.yaml").path
        guard case .failure(.unreadable(let path, let reason)) = ModelFiles.read(path: missing) else {
            Issue.record("expected .unreadable for a missing file")
            return
        }
        #expect(path == missing)
        #expect(reason == "no such file")
    }

    @Test("a .txt file is an unknown format, before the file is opened")
    func readText() {
        guard case .failure(.unknownFormat(let path)) = ModelFiles.read(path: "/nonexistent/model.txt", name: "model.txt") else {
            Issue.record("expected .unknownFormat for a .txt file")
            return
        }
        #expect(path == "model.txt")
        #expect(ModelFileError.unknownFormat(path: path).description.contains(".yaml"))
    }

    @Test("a .csv file is a known but unsupported format", arguments: ["inventory.csv", "INVENTORY.CSV"])
    func readCSV(name: String) {
        guard case .failure(.unsupportedFormat(let path, let format)) = ModelFiles.read(path: "/nonexistent/\(name)", name: name) else {
            Issue.record("expected .unsupportedFormat for a .csv file")
            return
        }
        #expect(path == name)
        #expect(format.contains("CSV"))
    }

    @Test("a .xml file is a known but unsupported format")
    func readXML() {
        guard case .failure(.unsupportedFormat(_, let format)) = ModelFiles.read(path: "/nonexistent/model.xml") else {
            Issue.record("expected .unsupportedFormat for a .xml file")
            return
        }
        #expect(format.contains("ArchiMate"))
    }

    @Test("a file that is not UTF-8 is 'unreadable'")
    func readLatin1() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("latin1.yaml").path
        try Data([0x6D, 0x6F, 0x64, 0x65, 0x6C, 0x3A, 0x20, 0x5A, 0xFC, 0x72, 0x69, 0x63, 0x68, 0x0A]).write(to: URL(fileURLWithPath: path))
        guard case .failure(.unreadable(_, let reason)) = ModelFiles.read(path: path) else {
            Issue.record("expected .unreadable for Latin-1 bytes")
            return
        }
        #expect(reason.contains("UTF-8"))
    }

    @Test("a file with errors is 'invalid', named as the caller names it")
    func readInvalid() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("bad.yml").path
        try Data("model: T\nstreams:\n  - { id: a, name: A, kind: custom }\n".utf8).write(to: URL(fileURLWithPath: path))
        guard case .failure(.invalid(let error)) = ModelFiles.read(path: path, name: "bad.yml") else {
            Issue.record("expected .invalid")
            return
        }
        #expect(error.errors.count == 1)
        // Line 3 is `  - { id: a, name: A, kind: custom }`: `custom` is column 29.
        #expect(error.errors.first?.description.hasPrefix("bad.yml:3:29: error: streams[0].kind: 'custom' is not a stream kind") == true)
    }
}
