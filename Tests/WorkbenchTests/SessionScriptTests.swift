import Foundation
import Testing
@testable import Workbench

/// Runs `lines` in `session` as if typed at the prompt in `folder`.
private func type(_ lines: [String], into session: inout Session, in folder: String) {
    for (number, line) in lines.enumerated() {
        _ = session.run(Source(name: .prompt, text: line, firstLine: number + 1, baseDirectory: folder))
    }
}

/// Saves `session` to `name` in `folder` and reads the script back.
private func save(_ session: inout Session, as name: String, in folder: String) throws -> String {
    try run(&session, "save session \(name)", in: folder)
    return try String(contentsOfFile: folder + "/" + name, encoding: .utf8)
}

/// The commands of a script, without its `#>` and comment lines.
private func commands(_ script: String) -> [String] {
    script.split(separator: "\n").map(String.init).filter { !$0.hasPrefix("#") }
}

private func check(_ path: String, in folder: String) throws -> TranscriptCheck.Report {
    TranscriptCheck.check(try SessionScript.read(path, workingDirectory: folder), in: Session(), workingDirectory: folder)
}

@Suite("Session scripts: save session, replay, check")
struct SessionScriptTests {
    @Test("a saved session starts with its seed and date, keeps narrative, and checks clean")
    func saveThenCheck() throws {
        let folder = try temporaryFolder()
        var session = Session(seed: 7)
        type(["load demo", "## The room looks at the streams", "streams", "note \"Onboarding is a customer stream\"",
              "degrade it-infra availability to 90%", "impact open-account", "test open-account"], into: &session, in: folder)
        let script = try save(&session, as: "workshop.vsw", in: folder)
        #expect(commands(script) == ["set seed 7", "set today \(session.today)", "load demo", "streams",
                                     "degrade it-infra availability to 90%", "impact open-account", "test open-account"])
        #expect(script.contains("\n## The room looks at the streams\nstreams\n#> id "))
        #expect(script.contains("\n## Onboarding is a customer stream\n"))
        let report = try check("workshop.vsw", in: folder)
        #expect(report.error == nil)
        #expect(report.diff == nil)
        #expect(report.updatedText == script)
    }

    @Test("a session that begins by setting its date or seed gets no header line for it")
    func leadingSettings() throws {
        let folder = try temporaryFolder()
        var session = Session(seed: 3)
        type(["set today 2026-06-01", "load demo", "set seed 9"], into: &session, in: folder)
        let script = try save(&session, as: "s.vsw", in: folder)
        #expect(commands(script) == ["set seed 3", "set today 2026-06-01", "load demo", "set seed 9"])
        #expect(try check("s.vsw", in: folder).diff == nil)
    }

    @Test("changing one #> line makes check fail with a diff naming that line and its command")
    func changedLineFails() throws {
        let folder = try temporaryFolder()
        var session = Session()
        type(["load demo", "streams"], into: &session, in: folder)
        let script = try save(&session, as: "s.vsw", in: folder)
        var lines = script.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let changed = try #require(lines.firstIndex { $0.hasPrefix("#> it-infra ") })
        lines[changed] = lines[changed].replacingOccurrences(of: "Manage IT", with: "Mangle IT")
        try lines.joined(separator: "\n").write(toFile: folder + "/s.vsw", atomically: true, encoding: .utf8)
        let report = try check("s.vsw", in: folder)
        let diff = try #require(report.diff)
        let streamsLine = try #require(lines.firstIndex(of: "streams")) + 1
        #expect(diff.hasPrefix("--- s.vsw (recorded)\n+++ s.vsw (replayed)\n"))
        #expect(diff.contains("line \(streamsLine): streams"))
        #expect(diff.contains("\n-\(lines[changed])\n+\(lines[changed].replacingOccurrences(of: "Mangle IT", with: "Manage IT"))\n"))
        // The hunk starts three lines of context before the changed line (1-based).
        #expect(diff.contains("@@ -\(changed + 1 - 3),7 +\(changed + 1 - 3),7 @@"))
        #expect(report.updatedText == script)
    }

    @Test("failed and undone commands are left out, and so is what was shown of an undone change")
    func failedAndUndoneLeftOut() throws {
        let folder = try temporaryFolder()
        var session = Session()
        type(["load demo", "show it-infa", "add stream x \"X\" customer", "show x", "set output json", "undo", "streams", "history"],
             into: &session, in: folder)
        let script = try save(&session, as: "s.vsw", in: folder)
        #expect(Array(commands(script).dropFirst(2)) == ["load demo", "set output json", "streams"])
        #expect(try check("s.vsw", in: folder).diff == nil)
    }

    @Test("a redone change replays where it was made; what was shown without it is left out")
    func redoKeepsTheChange() throws {
        let folder = try temporaryFolder()
        var session = Session()
        type(["load demo", "add stream x \"X\" customer", "undo", "streams", "set seed 4", "redo", "show x"], into: &session, in: folder)
        let script = try save(&session, as: "s.vsw", in: folder)
        #expect(Array(commands(script).dropFirst(2)) == ["load demo", "add stream x \"X\" customer", "set seed 4", "show x"])
        let report = try check("s.vsw", in: folder)
        #expect(report.error == nil)
        #expect(report.diff == nil)
    }

    @Test("undo and redo across scenarios give scripts that check clean", arguments: [
        // compare reads both scenarios, so it goes with a change undone in either.
        ["load demo", "scenario new trial", "add stream zz \"Zed\" customer", "scenario use baseline", "compare baseline trial",
         "scenario use trial", "undo"],
        // A change redone from another scenario replays in its own.
        ["load demo", "scenario new trial", "scenario use baseline", "add stream zz \"Zed\" customer", "undo", "scenario use trial",
         "redo", "scenario use baseline", "show zz", "scenario list"],
        // What another scenario showed stays.
        ["load demo", "scenario new trial", "add stream zz \"Zed\" customer", "scenario use baseline", "streams", "scenario use trial",
         "undo", "show open-account"],
    ])
    func acrossScenarios(_ lines: [String]) throws {
        let folder = try temporaryFolder()
        var session = Session()
        type(lines, into: &session, in: folder)
        let script = try save(&session, as: "s.vsw", in: folder)
        let report = try check("s.vsw", in: folder)
        #expect(report.error == nil, "\(script)")
        #expect(report.diff == nil, "\(script)")
        if lines.contains("streams") { #expect(commands(script).contains("streams")) }
    }

    @Test("relative paths are rewritten against the script's folder, and its output with them")
    func pathsRewritten() throws {
        let folder = try temporaryFolder()
        try FileManager.default.createDirectory(atPath: folder + "/sessions", withIntermediateDirectories: true)
        var session = Session()
        type(["load demo", "save model sessions/bank.yaml", "load sessions/bank.yaml", "streams"], into: &session, in: folder)
        let script = try save(&session, as: "sessions/s.vsw", in: folder)
        #expect(Array(commands(script).dropFirst(2)) == ["load demo", "save model bank.yaml", "load bank.yaml", "streams"])
        #expect(script.contains("#> Loaded Northwind Bank from bank.yaml:"))
        let report = try check("sessions/s.vsw", in: folder)
        #expect(report.error == nil)
        #expect(report.diff == nil)
    }

    @Test("save session refuses to replace a file it did not write, unless --force")
    func refusesToOverwrite() throws {
        let folder = try temporaryFolder()
        try "mine\n".write(toFile: folder + "/notes.vsw", atomically: true, encoding: .utf8)
        var session = Session()
        type(["load demo"], into: &session, in: folder)
        let error = try #require(failure(&session, "save session notes.vsw", in: folder))
        #expect(error.message.contains("--force"))
        #expect(try String(contentsOfFile: folder + "/notes.vsw", encoding: .utf8) == "mine\n")
        try run(&session, "save session notes.vsw --force", in: folder)
        try run(&session, "streams", in: folder)
        // A file this session wrote may be written again.
        try run(&session, "save session notes.vsw", in: folder)
        #expect(try String(contentsOfFile: folder + "/notes.vsw", encoding: .utf8).contains("\nstreams\n"))
    }

    @Test("unsaved work: anything a save would write that the last save did not")
    func unsavedWork() throws {
        let folder = try temporaryFolder()
        var session = Session()
        #expect(!session.hasUnsavedWork)
        type(["help", "load demo"], into: &session, in: folder)
        #expect(session.hasUnsavedWork)
        try run(&session, "save session s.vsw", in: folder)
        #expect(!session.hasUnsavedWork)
        type(["show it-infa", "history"], into: &session, in: folder)
        #expect(!session.hasUnsavedWork)
        type(["streams"], into: &session, in: folder)
        #expect(session.hasUnsavedWork)
    }

    @Test("a script with Windows line ends parses as one with Unix ones")
    func crlf() {
        let unix = SessionScript(text: "set seed 1\n#> Seed is 1.\n## Note\nstreams\n", name: .file("u.vsw"), baseDirectory: "/")
        let windows = SessionScript(text: "set seed 1\r\n#> Seed is 1.\r\n## Note\r\nstreams\r\n", name: .file("u.vsw"), baseDirectory: "/")
        #expect(windows.lines == unix.lines)
        #expect(windows.lines == ["set seed 1", "#> Seed is 1.", "## Note", "streams"])
        #expect(windows.entries.count == 3)
    }

    @Test("save session warns when a replay would need --allow-write for a write it records")
    func warnsOfWritesOutside() throws {
        let folder = try temporaryFolder()
        try FileManager.default.createDirectory(atPath: folder + "/models", withIntermediateDirectories: true)
        try FileManager.default.createDirectory(atPath: folder + "/out", withIntermediateDirectories: true)
        var session = Session()
        type(["load demo", "save model models/m.yaml"], into: &session, in: folder)
        let reply = try run(&session, "save session out/s.vsw", in: folder)
        #expect(reply.warnings.count == 1)
        #expect(reply.warnings.first?.contains("save model ../models/m.yaml") == true)
        #expect(reply.warnings.first?.contains("--allow-write") == true)
        let quiet = try run(&session, "save session s.vsw", in: folder)
        #expect(quiet.warnings.isEmpty, "under the script's own folder a replay may write")
        // The same file under another spelling is the one this session wrote.
        try run(&session, "save session ./s.vsw", in: folder)
    }

    @Test("a script parses into narrative, commands with continued lines, and their #> lines")
    func parsing() {
        let text = "# header\n## Why we are here\nadd stage open-account \"Check\" \\\n  servers 2\n#> Added stage.\n#>\n#> more\n\nstreams\n"
        let script = SessionScript(text: text, name: .file("s.vsw"), baseDirectory: "/")
        #expect(script.entries.count == 4)
        guard case .narrative(let narrative, _) = script.entries[0], case .command(let add, let recorded) = script.entries[1],
              case .blank(let blank, _) = script.entries[2], case .command(let streams, let none) = script.entries[3] else {
            Issue.record("unexpected entries \(script.entries)")
            return
        }
        #expect(narrative == "Why we are here")
        #expect(add.firstLine == 3)
        #expect(add.text == "add stage open-account \"Check\" \\\n  servers 2")
        #expect(recorded.lines == ["Added stage.", "", "more"])
        #expect(recorded.range == 4..<7)
        #expect(blank.firstLine == 8)
        #expect(streams.firstLine == 9)
        #expect(none.lines.isEmpty && none.range == 9..<9)
    }
}

@Suite("Safe replay")
struct SafeReplayTests {
    /// Plays `script` (written to `folder/name`) the way `vsw run` does, collecting its errors.
    private func play(_ script: String, named name: String = "s.vsw", in folder: String) throws -> TranscriptCheck.Report {
        try script.write(toFile: folder + "/" + name, atomically: true, encoding: .utf8)
        return TranscriptCheck.check(try SessionScript.read(name, workingDirectory: folder), in: Session(), workingDirectory: folder)
    }

    @Test("writes outside the script's folder and sessions/ are refused and leave no file", arguments: [
        "save model ../escaped.yaml", "save model /tmp/vsw-escaped-\(UUID().uuidString).yaml", "save session ../escaped.vsw",
        "save model link/escaped.yaml",
    ])
    func escapingWritesRefused(_ command: String) throws {
        let root = try temporaryFolder()
        let folder = root + "/scripts"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        // A symlink inside the folder that leads out of it.
        try FileManager.default.createDirectory(atPath: root + "/outside", withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(atPath: folder + "/link", withDestinationPath: root + "/outside")
        let report = try play("load demo\n\(command)\n", in: folder)
        let error = try #require(report.error)
        #expect(error.contains("s.vsw:2:"))
        #expect(error.contains("a replayed script may write only under"))
        let written = try FileManager.default.subpathsOfDirectory(atPath: root).filter { $0.hasSuffix(".yaml") || $0.contains("escaped") }
        #expect(written.isEmpty)
        if command.hasPrefix("save model /tmp/") {
            let path = String(command.dropFirst("save model ".count))
            #expect(!FileManager.default.fileExists(atPath: path))
        }
    }

    @Test("a file that is a symlink out of the folder is not written through")
    func symlinkedFileRefused() throws {
        let root = try temporaryFolder()
        try FileManager.default.createDirectory(atPath: root + "/scripts", withIntermediateDirectories: true)
        try "victim\n".write(toFile: root + "/victim.yaml", atomically: true, encoding: .utf8)
        try FileManager.default.createSymbolicLink(atPath: root + "/scripts/out.yaml", withDestinationPath: root + "/victim.yaml")
        let report = try play("load demo\nsave model out.yaml\n", in: root + "/scripts")
        #expect(report.error?.contains("is \(root)/victim.yaml, outside them") == true, "\(report.error ?? "")")
        #expect(try String(contentsOfFile: root + "/victim.yaml", encoding: .utf8) == "victim\n")
    }

    @Test("writes under the script's folder, sessions/, and --allow-write folders are allowed")
    func allowedWrites() throws {
        let root = try temporaryFolder()
        for sub in ["scripts", "sessions", "exports"] {
            try FileManager.default.createDirectory(atPath: root + "/" + sub, withIntermediateDirectories: true)
        }
        try "load demo\nsave model here.yaml\nsave model ../sessions/there.yaml\nsave model ../exports/allowed.yaml\n"
            .write(toFile: root + "/scripts/s.vsw", atomically: true, encoding: .utf8)
        let script = try SessionScript.read("scripts/s.vsw", workingDirectory: root)
        let report = TranscriptCheck.check(script, in: Session(), workingDirectory: root, allowWrite: [root + "/exports"])
        #expect(report.error == nil)
        for path in ["scripts/here.yaml", "sessions/there.yaml", "exports/allowed.yaml"] {
            #expect(FileManager.default.fileExists(atPath: root + "/" + path))
        }
    }

    @Test("a replayed script may not raise the event budget, nor replay itself")
    func boundedWork() throws {
        let folder = try temporaryFolder()
        let budget = try play("set budget 100000000000\n", in: folder)
        #expect(budget.error?.contains("may not raise the event budget") == true)
        let loop = try play("load demo\nreplay loop.vsw\n", named: "loop.vsw", in: folder)
        #expect(loop.error?.contains("replaying it inside itself would never end") == true)
    }

    @Test("replay runs a script's commands in the session, paths resolving against its folder")
    func replayInSession() throws {
        let folder = try temporaryFolder()
        try FileManager.default.createDirectory(atPath: folder + "/inner", withIntermediateDirectories: true)
        var session = Session()
        type(["load demo", "save model inner/bank.yaml"], into: &session, in: folder)
        try "load bank.yaml\nadd stream x \"X\" customer\n".write(toFile: folder + "/inner/r.vsw", atomically: true, encoding: .utf8)
        try "replay inner/r.vsw\nshow x\n".write(toFile: folder + "/outer.vsw", atomically: true, encoding: .utf8)
        let report = TranscriptCheck.check(try SessionScript.read("outer.vsw", workingDirectory: folder), in: Session(),
                                           workingDirectory: folder)
        #expect(report.error == nil)
        // The replayed script's output is recorded under the replay line.
        #expect(report.updatedText.contains("replay inner/r.vsw\n#> Loaded Northwind Bank from bank.yaml:"))
        #expect(report.updatedText.contains("show x\n#> X (x): customer stream"))
    }

    @Test("nested replays share one command budget, so nesting cannot multiply work without bound")
    func commandBudget() throws {
        let folder = try temporaryFolder()
        try String(repeating: "help\n", count: 10).write(toFile: folder + "/leaf.vsw", atomically: true, encoding: .utf8)
        try String(repeating: "replay leaf.vsw\n", count: 10).write(toFile: folder + "/root.vsw", atomically: true, encoding: .utf8)
        var host = TranscriptCheck(session: Session())
        let within = host.play(try SessionScript.read("root.vsw", workingDirectory: folder), workingDirectory: folder, commandBudget: 110)
        #expect(within.failures == 0)
        var tight = TranscriptCheck(session: Session())
        let over = tight.play(try SessionScript.read("root.vsw", workingDirectory: folder), workingDirectory: folder, commandBudget: 60)
        #expect(over.failures == 1)
        #expect(tight.session.cells.count == 60, "the budget counts the replay lines and the commands they run")
    }

    @Test("replay must end its line")
    func replayEndsItsLine() throws {
        var session = Session()
        let error = try #require(failure(&session, "replay a.vsw; streams"))
        #expect(error.message.contains("put the commands after it on a line of their own"))
    }
}
