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
        let typed = "set today 2026-12-01\nload demo\n## The room looks\nstreams\nshow it-infa\ntest open-account\nsave session s.vsw\n"
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
}
