import Foundation
import Testing

/// vsw in a real terminal, driven through tmux (`send-keys`, `capture-pane`): a child given
/// a pty by Process has no controlling terminal, so Ctrl-C would raise no SIGINT there.
/// Each test has its own tmux server, HOME, XDG_STATE_HOME and TERM; the suite runs one
/// test at a time, with generous deadlines.
@Suite("vsw in a terminal", .serialized)
struct TerminalTests {
    /// One vsw running in a tmux window of its own server.
    final class Terminal {
        let socket = "vsw-test-\(UUID().uuidString.prefix(8))"
        let folder: URL
        var state: URL { folder.appendingPathComponent("state") }
        var statusFile: URL { folder.appendingPathComponent("status") }

        init() throws {
            folder = try Binary.temporaryFolder()
            try FileManager.default.createDirectory(at: folder.appendingPathComponent("home"), withIntermediateDirectories: true)
        }

        static let tmux: String? = ["/usr/bin/tmux", "/usr/local/bin/tmux", "/bin/tmux"].first {
            FileManager.default.isExecutableFile(atPath: $0)
        }

        @discardableResult
        func tmux(_ arguments: [String]) throws -> String {
            guard let tmux = Self.tmux else { throw TerminalError.noTmux }
            let arguments = ["-u", "-L", socket] + arguments
            guard arguments.contains("capture-pane") else {
                // Foundation's Process learns of a child's exit through a descriptor the
                // child inherits; the tmux server the first command starts keeps it open,
                // and waitUntilExit would never return. posix_spawn and waitpid have no
                // such descriptor.
                try Self.spawnAndWait(tmux, arguments)
                return ""
            }
            let process = Process()
            process.executableURL = URL(fileURLWithPath: tmux)
            process.arguments = arguments
            let output = Pipe()
            process.standardOutput = output
            process.standardError = FileHandle.nullDevice
            process.standardInput = FileHandle.nullDevice
            try process.run()
            let data = output.fileHandleForReading.readDataToEndOfFile()
            process.waitUntilExit()
            return String(decoding: data, as: UTF8.self)
        }

        /// Runs a program with standard streams on /dev/null and waits for it.
        static func spawnAndWait(_ path: String, _ arguments: [String]) throws {
            var actions = posix_spawn_file_actions_t()
            posix_spawn_file_actions_init(&actions)
            defer { posix_spawn_file_actions_destroy(&actions) }
            for descriptor: Int32 in [0, 1, 2] {
                posix_spawn_file_actions_addopen(&actions, descriptor, "/dev/null", descriptor == 0 ? O_RDONLY : O_WRONLY, 0)
            }
            let argv: [UnsafeMutablePointer<CChar>?] = ([path] + arguments).map { strdup($0) } + [nil]
            defer { argv.forEach { free($0) } }
            // Test threads block signals, and a blocked mask is inherited: give tmux (and so
            // vsw) a clean one, as a shell would.
            var attributes = posix_spawnattr_t()
            posix_spawnattr_init(&attributes)
            defer { posix_spawnattr_destroy(&attributes) }
            var none = sigset_t()
            sigemptyset(&none)
            posix_spawnattr_setsigmask(&attributes, &none)
            var interrupt = sigset_t()
            sigemptyset(&interrupt)
            sigaddset(&interrupt, SIGINT)
            posix_spawnattr_setsigdefault(&attributes, &interrupt)
            posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF))
            var pid: pid_t = 0
            let spawned = posix_spawn(&pid, path, &actions, &attributes, argv, environ)
            guard spawned == 0 else { throw TerminalError.spawn(path, spawned) }
            var status: Int32 = 0
            while waitpid(pid, &status, 0) < 0, errno == EINTR {}
        }

        /// Starts `vsw ARGUMENTS` in the folder; its exit status goes to `statusFile`.
        func start(_ arguments: [String]) throws {
            func quoted(_ text: String) -> String { "'" + text.replacingOccurrences(of: "'", with: "'\\''") + "'" }
            let command = "cd \(quoted(folder.path)) && env -i PATH=/usr/bin:/bin HOME=\(quoted(folder.appendingPathComponent("home").path)) "
                + "XDG_STATE_HOME=\(quoted(state.path)) TERM=xterm-256color LANG=C.UTF-8 "
                + ([Binary.url.path] + arguments).map(quoted).joined(separator: " ")
                + "; echo $? > \(quoted(statusFile.path)); sleep 60"
            try tmux(["new-session", "-d", "-x", "160", "-y", "50", command])
        }

        func send(_ keys: String...) throws {
            try tmux(["send-keys", "-t", "0"] + keys)
        }

        /// Types text literally (no key names).
        func type(_ text: String) throws {
            try tmux(["send-keys", "-t", "0", "-l", text])
        }

        func screen() throws -> [String] {
            try tmux(["capture-pane", "-p", "-t", "0"]).split(separator: "\n", omittingEmptySubsequences: false)
                .map { String($0) }.filter { !$0.trimmingCharacters(in: .whitespaces).isEmpty }
        }

        /// Waits until the screen satisfies `condition`, up to `seconds`.
        @discardableResult
        func waitFor(_ what: String, seconds: Double = 20, _ condition: ([String]) -> Bool) throws -> [String] {
            let deadline = Date().addingTimeInterval(seconds)
            while Date() < deadline {
                let lines = try screen()
                if condition(lines) { return lines }
                Thread.sleep(forTimeInterval: 0.1)
            }
            throw TerminalError.timeout(what, try screen())
        }

        /// Waits for the last line to be exactly `line` (trailing blanks trimmed).
        @discardableResult
        func waitForLastLine(_ line: String) throws -> [String] {
            try waitFor("last line '\(line)'") { $0.last?.trimmingCharacters(in: .whitespaces) == line.trimmingCharacters(in: .whitespaces) }
        }

        func exitStatus(seconds: Double = 20) throws -> Int32? {
            let deadline = Date().addingTimeInterval(seconds)
            while Date() < deadline {
                if let text = try? String(contentsOf: statusFile, encoding: .utf8), let status = Int32(text.trimmingCharacters(in: .whitespacesAndNewlines)) {
                    return status
                }
                Thread.sleep(forTimeInterval: 0.1)
            }
            return nil
        }

        deinit {
            _ = try? tmux(["kill-server"])
        }
    }

    enum TerminalError: Error, CustomStringConvertible {
        case noTmux
        case spawn(String, Int32)
        case timeout(String, [String])

        var description: String {
            switch self {
            case .noTmux: return "tmux is needed for the terminal tests (scripts/test installs it)"
            case .spawn(let path, let error): return "could not start \(path): error \(error)"
            case .timeout(let what, let screen): return "timed out waiting for \(what); the screen:\n" + screen.joined(separator: "\n")
            }
        }
    }

    @Test("lo + TAB completes to 'load '")
    func completesCommand() throws {
        let terminal = try Terminal()
        try terminal.start([])
        try terminal.waitForLastLine("vsw>")
        try terminal.type("lo")
        try terminal.send("Tab")
        try terminal.waitForLastLine("vsw> load")
        // The completion ended the word with a space: typing on makes 'load demo'.
        try terminal.type("demo")
        try terminal.send("Enter")
        try terminal.waitFor("the demo to load") { $0.contains { $0.hasPrefix("Loaded Northwind Bank from demo") } }
        try terminal.waitForLastLine("vsw northwind>")
    }

    @Test("show + a stream-name prefix + TAB completes the name, quoted")
    func completesStreamName() throws {
        let terminal = try Terminal()
        try terminal.start(["--model", "demo"])
        try terminal.waitForLastLine("vsw northwind>")
        try terminal.type("show Manage")
        try terminal.send("Tab")
        try terminal.waitForLastLine("vsw northwind> show \"Manage IT Infrastructure\"")
        try terminal.send("Enter")
        try terminal.waitFor("the stream") { $0.contains("Manage IT Infrastructure (it-infra): supporting stream") }
    }

    @Test("Up recalls the previous command")
    func upRecalls() throws {
        let terminal = try Terminal()
        try terminal.start(["--model", "demo"])
        try terminal.waitForLastLine("vsw northwind>")
        try terminal.type("stages open-account")
        try terminal.send("Enter")
        try terminal.waitFor("the stages") { $0.contains { $0.hasPrefix("Verify identity") } }
        try terminal.waitForLastLine("vsw northwind>")
        try terminal.send("Up")
        try terminal.waitForLastLine("vsw northwind> stages open-account")
    }

    @Test("Ctrl-C on a half-typed line gives a fresh prompt, and the process lives")
    func controlC() throws {
        let terminal = try Terminal()
        try terminal.start(["--model", "demo"])
        try terminal.waitForLastLine("vsw northwind>")
        try terminal.type("show open-acc")
        try terminal.waitForLastLine("vsw northwind> show open-acc")
        try terminal.send("C-c")
        try terminal.waitForLastLine("vsw northwind>")
        try terminal.type("streams")
        try terminal.send("Enter")
        try terminal.waitFor("the streams after Ctrl-C") { $0.contains { $0.hasPrefix("ensure-compliance") } }
        #expect(try terminal.screen().allSatisfy { !$0.contains("error:") }, "the discarded line must not run")
    }

    @Test("Ctrl-D on an empty line quits with status 0")
    func controlD() throws {
        let terminal = try Terminal()
        try terminal.start(["--model", "demo"])
        try terminal.waitForLastLine("vsw northwind>")
        try terminal.send("C-d")
        #expect(try terminal.exitStatus() == 0)
    }

    @Test("after a restart the history holds the earlier commands")
    func historyPersists() throws {
        let first = try Terminal()
        try first.start(["--model", "demo"])
        try first.waitForLastLine("vsw northwind>")
        for command in ["streams", "show it-infra"] {
            try first.type(command)
            try first.send("Enter")
            try first.waitForLastLine("vsw northwind>")
        }
        try first.send("C-d")
        #expect(try first.exitStatus() == 0)
        let history = first.state.appendingPathComponent("vsw/history")
        #expect(FileManager.default.fileExists(atPath: history.path), "history lives in $XDG_STATE_HOME/vsw/history")

        // A second vsw with the same state folder: its own tmux server, the same history.
        let second = try Terminal()
        try FileManager.default.copyItem(at: first.state, to: second.state)
        try second.start(["--model", "demo"])
        try second.waitForLastLine("vsw northwind>")
        try second.send("Up")
        try second.waitForLastLine("vsw northwind> show it-infra")
        try second.send("Up")
        try second.waitForLastLine("vsw northwind> streams")
    }

    /// The journals in a terminal's state folder.
    static func journals(_ terminal: Terminal) throws -> [URL] {
        let folder = terminal.state.appendingPathComponent("vsw/journal")
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        return names.filter { $0.hasSuffix(".journal") }.sorted().map { folder.appendingPathComponent($0) }
    }

    @Test("killed with SIGKILL mid-session, vsw --recover restores every command entered before the kill")
    func recoversAfterKill() throws {
        let first = try Terminal()
        try first.start([])
        try first.waitForLastLine("vsw>")
        let commands = ["load demo", "add stream x \"X\" customer", "set x.owner = \"Ana Lima\"", "## The room agrees on x",
                        "show it-infa", "degrade it-infra availability to 90%"]
        for command in commands {
            try first.type(command)
            try first.send("Enter")
            try first.waitForLastLine("vsw northwind>")
        }
        // A long simulation is running when the process is killed.
        try first.type("simulate engine des runs 1000 horizon 100000h")
        try first.send("Enter")
        let journal = try #require(try Self.journals(first).first)
        try first.waitFor("the running line to be journalled") { _ in
            ((try? String(contentsOf: journal, encoding: .utf8)) ?? "").hasSuffix("> simulate engine des runs 1000 horizon 100000h\n")
        }
        // The journal is named after the session's process.
        let pid = try #require(journal.deletingPathExtension().lastPathComponent.split(separator: "-").last.flatMap { Int32($0) })
        #expect(kill(pid, SIGKILL) == 0)
        #expect(try first.exitStatus() == 137)

        let second = try Terminal()
        try FileManager.default.copyItem(at: first.state, to: second.state)
        try second.start([])
        try second.waitFor("the mention of the unfinished session") {
            $0.contains { $0.hasPrefix("1 unfinished session in the journal") && $0.contains("vsw --recover restores it") }
        }
        try second.type("quit")
        try second.send("Enter")
        #expect(try second.exitStatus() == 0)

        let third = try Terminal()
        try FileManager.default.copyItem(at: first.state, to: third.state)
        try third.start(["--recover"])
        // It lists what the journal holds and asks; Enter takes the newest.
        try third.waitFor("the question") { $0.last?.hasPrefix("Restore which (1, Enter for 1; d N discards one; q leaves)?") == true }
        try third.send("Enter")
        let restored = try third.waitFor("the restored session") { $0.contains { $0.hasPrefix("Running when it ended, not rerun:") } }
        #expect(restored.contains { $0.hasPrefix("Restored the session of ") && $0.contains("5 lines replayed") })
        try third.waitForLastLine("vsw northwind>")
        try third.type("history")
        try third.send("Enter")
        let history = try third.waitFor("the history") { $0.contains { $0.contains("degrade it-infra availability to 90%") } }
        for command in commands where command != "show it-infa" {
            #expect(history.contains { $0.contains(command) && $0.hasSuffix("ok") }, "\(command) was recovered")
        }
        try third.type("show x")
        try third.send("Enter")
        try third.waitFor("the recovered edit") { $0.contains { $0.contains("owner: Ana Lima") } }
        // The old journal gave way to the new session's; quitting with unsaved work keeps it.
        #expect(try Self.journals(third).count == 1)
        try third.type("quit")
        try third.send("Enter")
        try third.waitFor("the note that the journal keeps the work") { $0.contains { $0.hasPrefix("Unsaved work is kept in the journal") } }
        #expect(try third.exitStatus() == 0)
        let kept = try String(contentsOf: try #require(try Self.journals(third).first), encoding: .utf8)
        #expect(kept.contains("> add stream x \"X\" customer\n= ok\n"))
        // The line that was running is still unfinished, for the next recovery to offer.
        #expect(kept.contains("\n> simulate engine des runs 1000 horizon 100000h\n> history\n= ok\n"))
        #expect(kept.contains("\ntoday "))
    }

    @Test("at the --recover question, d N discards an unfinished session")
    func discardAtRecover() throws {
        let terminal = try Terminal()
        let folder = terminal.state.appendingPathComponent("vsw/journal")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let journal = folder.appendingPathComponent("20261130-090000-1.journal")
        try "vsw-journal 1\nstarted 2026-11-30 09:00:00\ndirectory /\nseed 1\noutput text\nversion 0.1.0\n> load demo\n= ok\n"
            .write(to: journal, atomically: true, encoding: .utf8)
        try terminal.start(["--recover"])
        try terminal.waitFor("the question") { $0.last?.hasPrefix("Restore which") == true }
        try terminal.type("d 1")
        try terminal.send("Enter")
        try terminal.waitFor("the discard") { $0.contains("Discarded the session of 2026-11-30 09:00:00.") }
        try terminal.waitFor("nothing left") { $0.contains("The journal holds no unfinished session.") }
        #expect(try terminal.exitStatus() == 0)
        #expect(!FileManager.default.fileExists(atPath: journal.path))
    }

    @Test("when the journal cannot be kept, the REPL warns once and goes on")
    func journalFailureWarnsOnce() throws {
        let terminal = try Terminal()
        // The state "folder" is a file, so no journal folder can be made in it.
        try "not a folder".write(to: terminal.state, atomically: true, encoding: .utf8)
        try terminal.start(["--model", "demo"])
        try terminal.waitForLastLine("vsw northwind>")
        try terminal.type("add stream x \"X\" customer")
        try terminal.send("Enter")
        try terminal.waitForLastLine("vsw northwind>")
        try terminal.type("streams")
        try terminal.send("Enter")
        let screen = try terminal.waitFor("the streams") { $0.contains { $0.hasPrefix("ensure-compliance") } }
        #expect(screen.filter { $0.contains("this session is not journalled") }.count == 1, "\(screen)")
        try terminal.send("C-d")
        // Leaving with unsaved work it cannot keep, it says so plainly.
        try terminal.waitFor("the goodbye") { $0.contains { $0.hasPrefix("This session's unsaved work was not journalled") } }
        #expect(try terminal.exitStatus() == 0)
    }

    @Test("a session saved before it ends leaves no journal behind")
    func savedSessionLeavesNoJournal() throws {
        let terminal = try Terminal()
        try terminal.start([])
        try terminal.waitForLastLine("vsw>")
        for command in ["load demo", "streams", "save session workshop.vsw"] {
            try terminal.type(command)
            try terminal.send("Enter")
            try terminal.waitForLastLine("vsw northwind>")
        }
        #expect(try Self.journals(terminal).count == 1)
        try terminal.send("C-d")
        #expect(try terminal.exitStatus() == 0)
        #expect(try Self.journals(terminal).isEmpty)
        let script = try String(contentsOf: terminal.folder.appendingPathComponent("workshop.vsw"), encoding: .utf8)
        #expect(script.contains("\nstreams\n#> id "))
    }

    @Test("a non-ASCII name is typed, completed and found")
    func nonASCII() throws {
        let terminal = try Terminal()
        try """
            model: Zürcher Versicherung
            streams:
              - id: zurich-claims
                name: Zürich Ünderwriting
                kind: customer
                stages:
                  - { name: Prüfen, servers: 2, time: 1h }
            """.write(to: terminal.folder.appendingPathComponent("zurich.yaml"), atomically: true, encoding: .utf8)
        try terminal.start(["--model", "zurich.yaml"])
        try terminal.waitForLastLine("vsw zürcher>")
        try terminal.type("show \"Zürich Ünderwriting\"")
        try terminal.send("Enter")
        try terminal.waitFor("the stream by its name") { $0.contains("Zürich Ünderwriting (zurich-claims): customer stream") }
        try terminal.waitForLastLine("vsw zürcher>")
        try terminal.type("stages Zür")
        try terminal.send("Tab")
        try terminal.waitForLastLine("vsw zürcher> stages \"Zürich Ünderwriting\"")
        try terminal.send("Enter")
        try terminal.waitFor("the stage") { $0.contains { $0.hasPrefix("Prüfen") } }
    }

    @Test("the prompt names the model; an error's caret sits under the input")
    func promptAndCaret() throws {
        let terminal = try Terminal()
        try terminal.start(["--model", "demo"])
        try terminal.waitForLastLine("vsw northwind>")
        try terminal.type("show it-infa")
        try terminal.send("Enter")
        let screen = try terminal.waitFor("the error") { $0.contains("error: no stream 'it-infa'; did you mean 'it-infra'?") }
        let caret = try #require(screen.first { $0.contains("^") })
        #expect(caret == String(repeating: " ", count: "vsw northwind> show ".count) + "^^^^^^^")
    }

    @Test("~/.editrc is read: a binding there works at the prompt")
    func editrc() throws {
        let terminal = try Terminal()
        try "bind -s ^G streams\n".write(to: terminal.folder.appendingPathComponent("home/.editrc"), atomically: true, encoding: .utf8)
        try terminal.start(["--model", "demo"])
        try terminal.waitForLastLine("vsw northwind>")
        try terminal.send("C-g")
        try terminal.waitForLastLine("vsw northwind> streams")
    }

    @Test("a line ending in a backslash continues at the continuation prompt")
    func continuation() throws {
        let terminal = try Terminal()
        try terminal.start(["--model", "demo"])
        try terminal.waitForLastLine("vsw northwind>")
        try terminal.type("deps \\")
        try terminal.send("Enter")
        try terminal.waitForLastLine("...>")
        try terminal.type("close-books")
        try terminal.send("Enter")
        try terminal.waitFor("the links of close-books") { $0.contains { $0.hasPrefix("fin-offer") } }
    }
}
