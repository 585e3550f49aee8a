import Foundation
import ValueStreams
import Workbench

/// `vsw --recover`: restore a session the journal kept, because it was killed or quit with
/// unsaved work (DESIGN §7). Its successful lines are replayed quietly; commands that write
/// files are not run again; the line that was running is offered, not rerun.
enum Recovery {
    /// The line the REPL prints on start when the journal holds unfinished sessions.
    static func mention(_ unfinished: [Journal.Contents]) -> String? {
        guard let newest = unfinished.first else { return nil }
        let count = unfinished.count
        let commands = commandCount(newest)
        return "\(count) unfinished session\(count == 1 ? "" : "s") in the journal (\(count == 1 ? "" : "newest ")\(newest.header.started), "
            + "\(commands) command\(commands == 1 ? "" : "s")): vsw --recover restores \(count == 1 ? "it" : "one")."
    }

    /// The lines that succeeded, which a recovery replays.
    static func commandCount(_ contents: Journal.Contents) -> Int {
        contents.lines.count { $0.outcome == .ok }
    }

    /// `12 commands, last: simulate`.
    static func describe(_ contents: Journal.Contents) -> String {
        let commands = commandCount(contents)
        let last = contents.lines.last.map { "last: \($0.text.prefix { $0 != "\n" }.prefix(40))" } ?? "nothing typed"
        return "\(commands) command\(commands == 1 ? "" : "s"), \(last)"
    }

    /// Lists the unfinished sessions and picks one: the only one, the newest when not at a
    /// terminal, else the one the person chooses (who may discard some first). Nil when
    /// there is none or they leave.
    static func choose(from journals: [Journal.Contents], interactive: Bool) -> Journal.Contents? {
        var unfinished = journals
        while true {
            guard !unfinished.isEmpty else {
                Console.write("The journal holds no unfinished session.\n")
                return nil
            }
            guard unfinished.count > 1 || interactive else { return unfinished.first }
            Console.write("Unfinished sessions, newest first:\n")
            for (number, contents) in unfinished.enumerated() {
                Console.write("  \(number + 1)  \(contents.header.started)  \(describe(contents))  (\(contents.path))\n")
            }
            guard interactive else { return unfinished.first }
            let range = unfinished.count == 1 ? "1" : "1-\(unfinished.count)"
            Console.write("Restore which (\(range), Enter for 1; d N discards one; q leaves)? ")
            guard let answer = readLine()?.trimmingCharacters(in: .whitespaces).lowercased(), answer != "q" else { return nil }
            if answer.isEmpty { return unfinished.first }
            if let number = Int(answer), unfinished.indices.contains(number - 1) { return unfinished[number - 1] }
            if answer.hasPrefix("d"), let number = Int(answer.dropFirst().trimmingCharacters(in: .whitespaces)),
               unfinished.indices.contains(number - 1) {
                do {
                    try Journal.discard(path: unfinished[number - 1].path)
                    Console.write("Discarded the session of \(unfinished[number - 1].header.started).\n")
                    unfinished.remove(at: number - 1)
                } catch {
                    Console.write("vsw: \(error.description)\n")
                }
                continue
            }
            Console.write("'\(answer)' is not one of them.\n")
        }
    }

    /// A session as the journal's began: its output mode, seed and date.
    static func session(of contents: Journal.Contents) -> Session {
        let header = contents.header
        return Session(output: OutputMode(rawValue: header.output) ?? .text, seed: header.seed,
                       today: header.today.flatMap { try? CalendarDate(parsing: $0) })
    }

    /// Replays the journal's successful lines into the driver's session and into its journal
    /// (the new session's, when it has one). Says what it did.
    static func restore(_ contents: Journal.Contents, into driver: inout Driver) {
        let header = contents.header
        let (interactive, journal) = (driver.interactive, driver.journal)
        var host = QuietHost(session: driver.session)
        // Nothing is written again: the files are there already, or newer ones are.
        host.session.policy = .restoringJournal
        var replayed = 0
        var notRun: [String] = []
        var running: [String] = []
        for line in contents.lines {
            guard let outcome = line.outcome else { running.append(line.text); continue }
            guard outcome == .ok else { continue }
            let before = host.session.cells.count
            let source = Source(name: .prompt, text: line.text, baseDirectory: header.directory)
            for case .success(let reply) in host.session.run(source) {
                _ = host.playRequest(of: reply, workingDirectory: header.directory)
            }
            let added = host.session.cells[before...]
            let ok = Driver.didWork(added)
            notRun += added.filter { $0.status == .failed }.map(\.input)
            journal?.entered(line.text)
            journal?.finished(ok)
            replayed += 1
        }
        host.session.policy = .unrestricted
        driver.session = host.session
        driver.typedAnything = replayed > 0
        // Still not done: the next recovery offers them again.
        for text in running { journal?.entered(text) }
        var message = "Restored the session of \(header.started): \(replayed) line\(replayed == 1 ? "" : "s") replayed."
        if !notRun.isEmpty {
            message += "\nFailed when replayed (commands that write files are not run again): " + notRun.joined(separator: "; ")
        }
        if !running.isEmpty {
            message += "\nRunning when it ended, not rerun: " + running.joined(separator: "; ") + (interactive ? " (Up brings it back)" : "")
        }
        if header.directory != FileManager.default.currentDirectoryPath {
            message += "\nPaths resolve against \(header.directory), as they did in the session."
        }
        Console.write(message + "\n")
    }
}

/// Plays a script without printing its results (recovery, `vsw export`); errors go to
/// standard error when `reportsErrors`.
struct QuietHost: ScriptHost {
    var session: Session
    var reportsErrors = false
    mutating func narrative(_ text: String, depth: Int) {}
    mutating func willRun(_ source: Source, step: Bool, depth: Int) -> Bool { true }
    mutating func ran(_ outcome: Result<Reply, LanguageError>, from source: Source, depth: Int) {
        if reportsErrors, case .failure(let error) = outcome { Console.writeError(error.formatted(in: source) + "\n") }
    }
}
