import Foundation
import Testing

/// `save session`, `vsw run`, `vsw check` and safe replay, through the built binary.
@Suite("session scripts, end to end")
struct SessionScriptEndToEndTests {
    /// A folder with `sessions/NAME` copied from the repository's example.
    private func copy(example name: String) throws -> URL {
        let folder = try Binary.temporaryFolder()
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("sessions"), withIntermediateDirectories: true)
        try FileManager.default.copyItem(at: Binary.repository.appendingPathComponent("sessions/\(name)"),
                                         to: folder.appendingPathComponent("sessions/\(name)"))
        return folder
    }

    @Test("save session, then vsw check passes; vsw run prints what the #> lines hold")
    func saveThenCheck() throws {
        let folder = try Binary.temporaryFolder()
        let typed = "set today 2026-12-01\nload demo\n## The room looks\nstreams\nshow it-infa\ntest open-account\n"
            + "export notebook s.html\nsave session s.vsw\n"
        let saved = try Binary.run([], input: typed, directory: folder)
        #expect(saved.status == 1, "the typo stops the pipe before the save")
        let kept = try Binary.run([], input: typed.replacingOccurrences(of: "show it-infa\n", with: ""), directory: folder)
        #expect(kept.status == 0, "\(kept.stderr)")
        let check = try Binary.run(["check", "s.vsw"], directory: folder)
        #expect(check.status == 0, "\(check.stdout)\(check.stderr)")
        #expect(check.stdout == "s.vsw: output as recorded\n")
        let script = try String(contentsOf: folder.appendingPathComponent("s.vsw"), encoding: .utf8)
        let recorded = script.split(separator: "\n").filter { $0.hasPrefix("#>") }
            .map { $0 == "#>" ? "" : String($0.dropFirst(3)) }
        let run = try Binary.run(["run", "s.vsw"], directory: folder)
        #expect(run.status == 0)
        #expect(run.stdout == recorded.joined(separator: "\n") + "\n")
    }

    @Test("one changed #> line fails vsw check with exit 1 and a diff naming the line; --update mends it")
    func changedLine() throws {
        let folder = try copy(example: "classification-workshop.vsw")
        let path = folder.appendingPathComponent("sessions/classification-workshop.vsw")
        var lines = try String(contentsOf: path, encoding: .utf8).components(separatedBy: "\n")
        let index = try #require(lines.firstIndex { $0.hasPrefix("#> ") && $0.contains("it-service-desk") })
        let original = lines[index]
        lines[index] = original.replacingOccurrences(of: "it-service-desk", with: "it-servise-desk")
        try lines.joined(separator: "\n").write(to: path, atomically: true, encoding: .utf8)

        let check = try Binary.run(["check", "sessions/classification-workshop.vsw"], directory: folder)
        #expect(check.status == 1)
        #expect(check.stdout.hasPrefix("--- sessions/classification-workshop.vsw (recorded)\n+++ sessions/classification-workshop.vsw (replayed)\n"))
        #expect(check.stdout.contains("\n-\(lines[index])\n+\(original)\n"))
        let hunk = try #require(check.stdout.split(separator: "\n").first { $0.hasPrefix("@@ ") })
        // The hunk's range covers the changed line, and it names the command the output is of.
        let start = try #require(Int(hunk.dropFirst(4).prefix { $0.isNumber }))
        #expect(start <= index + 1 && index + 1 <= start + 6, "\(hunk)")
        // It names the command whose output changed, by its line.
        let command = try #require(lines[..<index].lastIndex { !$0.hasPrefix("#") && !$0.isEmpty })
        #expect(hunk.hasSuffix(" @@ line \(command + 1): \(lines[command])"), "\(hunk)")

        let update = try Binary.run(["check", "--update", "sessions/classification-workshop.vsw"], directory: folder)
        #expect(update.status == 0)
        #expect(try String(contentsOf: path, encoding: .utf8).components(separatedBy: "\n")[index] == original)
        #expect(try Binary.run(["check", "sessions/classification-workshop.vsw"], directory: folder).status == 0)
    }

    @Test("vsw run --echo shows the narrative and each command; --step waits for Enter and q stops")
    func echoAndStep() throws {
        let folder = try Binary.temporaryFolder()
        try "## First the model\nload demo\nstreams\n## Then one stream\nshow it-infra\n"
            .write(to: folder.appendingPathComponent("s.vsw"), atomically: true, encoding: .utf8)
        let echo = try Binary.run(["run", "--echo", "s.vsw"], directory: folder)
        #expect(echo.status == 0)
        let lines = echo.stdout.split(separator: "\n").map(String.init)
        #expect(lines.first == "## First the model")
        #expect(lines.dropFirst().first == "vsw> load demo")
        #expect(lines.contains("## Then one stream"))
        #expect(lines.contains("vsw> show it-infra"))

        let step = try Binary.run(["run", "--step", "s.vsw"], input: "\n\nq\n", directory: folder)
        #expect(step.status == 0)
        #expect(step.stdout.contains("vsw> streams\nid "))
        #expect(step.stdout.contains("vsw> show it-infra\n"))
        #expect(!step.stdout.contains("Manage IT Infrastructure (it-infra): supporting stream"), "q stopped before show ran")
    }

    @Test("a replayed script's write outside its folder is refused, located, and leaves no file; --allow-write permits it")
    func escapingWrite() throws {
        let folder = try Binary.temporaryFolder()
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("scripts"), withIntermediateDirectories: true)
        try "load demo\nsave model ../out.yaml\n".write(to: folder.appendingPathComponent("scripts/s.vsw"), atomically: true, encoding: .utf8)
        let refused = try Binary.run(["run", "scripts/s.vsw"], directory: folder)
        #expect(refused.status == 1)
        #expect(refused.stderr.hasPrefix("scripts/s.vsw:2:12: error: a replayed script may write only under"), "\(refused.stderr)")
        #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("out.yaml").path))
        let allowed = try Binary.run(["run", "--allow-write", ".", "scripts/s.vsw"], directory: folder)
        #expect(allowed.status == 0, "\(allowed.stderr)")
        #expect(FileManager.default.fileExists(atPath: folder.appendingPathComponent("out.yaml").path))
    }

    @Test("replay in a session runs the script's commands and shows each; there is no shell escape")
    func replayAndNoShell() throws {
        let folder = try copy(example: "tour.vsw")
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("sessions/models"), withIntermediateDirectories: true)
        try FileManager.default.copyItem(at: Binary.repository.appendingPathComponent("sessions/models/harbor-insurance.yaml"),
                                         to: folder.appendingPathComponent("sessions/models/harbor-insurance.yaml"))
        let replay = try Binary.run([], input: "replay sessions/tour.vsw\nstreams\n", directory: folder)
        #expect(replay.status == 0, "\(replay.stderr)")
        #expect(replay.stdout.contains("Loaded Harbor Mutual Insurance from models/harbor-insurance.yaml"))
        let shell = try Binary.run([], input: "!touch pwned\n", directory: folder)
        #expect(shell.status == 1)
        #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("pwned").path))
    }

    @Test("vsw --recover lists unfinished sessions newest first and restores the newest when piped; the old journal goes once saved")
    func recoverPiped() throws {
        let folder = try Binary.temporaryFolder()
        let journals = folder.appendingPathComponent("state/vsw/journal")
        try FileManager.default.createDirectory(at: journals, withIntermediateDirectories: true)
        func journal(_ started: String, _ lines: String) -> String {
            "vsw-journal 1\nstarted \(started)\ndirectory \(folder.path)\nseed 4\noutput text\nversion 0.1.0\n" + lines
        }
        try journal("2026-11-30 09:00:00", "> load demo\n= ok\n").write(to: journals.appendingPathComponent("20261130-090000-1.journal"),
                                                                         atomically: true, encoding: .utf8)
        let newest = journals.appendingPathComponent("20261201-100000-2.journal")
        // The session loaded a model by a relative path; recovery runs from another folder.
        #expect(try Binary.run(["-c", "load demo; save model m.yaml"], directory: folder).status == 0)
        try journal("2026-12-01 10:00:00", "> load m.yaml\n= ok\n> show it-infa\n= failed\n> add stream x \"X\" customer; show y\n= ok\n"
                    + "> save model out.yaml\n= ok\n> simulate engine des runs 1000\n").write(to: newest, atomically: true, encoding: .utf8)
        let elsewhere = folder.appendingPathComponent("elsewhere")
        try FileManager.default.createDirectory(at: elsewhere, withIntermediateDirectories: true)
        let environment: [String: String?] = ["XDG_STATE_HOME": folder.appendingPathComponent("state").path]
        let recovered = try Binary.run(["--recover"], input: "history\nsave session s.vsw\n", directory: elsewhere, environment: environment)
        #expect(recovered.status == 0, "\(recovered.stderr)")
        let lines = recovered.stdout.split(separator: "\n").map(String.init)
        #expect(lines.first == "Unfinished sessions, newest first:")
        #expect(lines.dropFirst().first?.hasPrefix("  1  2026-12-01 10:00:00  3 commands") == true, "\(lines)")
        #expect(lines.contains("Restored the session of 2026-12-01 10:00:00: 3 lines replayed."))
        #expect(lines.contains("Failed when replayed (commands that write files are not run again): show y; save model out.yaml"))
        #expect(lines.contains("Running when it ended, not rerun: simulate engine des runs 1000"))
        #expect(lines.contains { $0.hasPrefix("2  add stream x \"X\" customer") && $0.hasSuffix("ok") })
        #expect(lines.contains("Paths resolve against \(folder.path), as they did in the session."))
        #expect(lines.contains { $0.hasPrefix("1  load m.yaml") && $0.hasSuffix("ok") })
        #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("out.yaml").path), "writes are not run again")
        // Saved, so nothing of it is lost: its journal is gone, the older one stays.
        #expect(!FileManager.default.fileExists(atPath: newest.path))
        #expect(try FileManager.default.contentsOfDirectory(atPath: journals.path) == ["20261130-090000-1.journal"])
        let script = try String(contentsOf: folder.appendingPathComponent("s.vsw"), encoding: .utf8)
        #expect(script.contains("\nadd stream x \"X\" customer\n"))
        #expect(script.contains("set seed 4\n"))

        // Nothing left to recover: it says so and exits.
        let nothing = try Binary.run(["--recover"], input: "streams\n", directory: folder,
                                     environment: ["XDG_STATE_HOME": folder.appendingPathComponent("empty-state").path])
        #expect(nothing.status == 0)
        #expect(nothing.stdout == "The journal holds no unfinished session.\n")
    }

    @Test("vsw export writes a saved script's notebook; the committed example notebooks are what it writes now")
    func exportNotebooks() throws {
        let folder = try Binary.temporaryFolder()
        for format in ["html", "md"] {
            let target = folder.appendingPathComponent("notebook.\(format)")
            let export = try Binary.run(["export", "sessions/degradation-analysis.vsw", "--to", format, "-o", target.path],
                                        directory: Binary.repository)
            #expect(export.status == 0, "\(export.stderr)")
            #expect(export.stdout.hasPrefix("Wrote the \(format == "html" ? "HTML" : "Markdown") notebook of sessions/degradation-analysis.vsw"))
            let written = try String(contentsOf: target, encoding: .utf8)
            let committed = try String(contentsOf: Binary.repository.appendingPathComponent("sessions/notebooks/degradation-analysis.\(format)"),
                                       encoding: .utf8)
            #expect(written == committed, "sessions/notebooks/degradation-analysis.\(format) is out of date: run scripts/notebook")
            if format == "html" { #expect(written.components(separatedBy: "<svg ").count - 1 >= 4) }
        }
        let bad = try Binary.run(["export", "sessions/degradation-analysis.vsw", "--to", "pdf"], directory: Binary.repository)
        #expect(bad.status == 2)
        let mismatch = try Binary.run(["export", "sessions/degradation-analysis.vsw", "--to", "md", "-o", folder.appendingPathComponent("x.html").path],
                                      directory: Binary.repository)
        #expect(mismatch.status == 2)
        #expect(mismatch.stderr.contains("disagree"))
        // The format may come from the output's name; nothing is lost to an export.
        let script = folder.appendingPathComponent("s.vsw")
        try "load demo\nstreams\n".write(to: script, atomically: true, encoding: .utf8)
        let ontoScript = try Binary.run(["export", "s.vsw", "--to", "md", "-o", "s.vsw"], directory: folder)
        #expect(ontoScript.status == 1)
        #expect(ontoScript.stderr.contains("would replace the script s.vsw itself"))
        #expect(try String(contentsOf: script, encoding: .utf8) == "load demo\nstreams\n")
        try "my notes\n".write(to: folder.appendingPathComponent("s.md"), atomically: true, encoding: .utf8)
        let refused = try Binary.run(["export", "s.vsw", "--to", "md"], directory: folder)
        #expect(refused.status == 1)
        #expect(refused.stderr.contains("s.md exists and is not a vsw notebook; add --force"))
        #expect(try String(contentsOf: folder.appendingPathComponent("s.md"), encoding: .utf8) == "my notes\n")
        #expect(try Binary.run(["export", "s.vsw", "-o", "s.md", "--force"], directory: folder).status == 0)
        #expect(try Binary.run(["export", "s.vsw", "-o", "s.md"], directory: folder).status == 0, "a notebook vsw wrote is replaced")
    }
}
