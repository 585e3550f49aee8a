import Foundation
import LineEditor
import Workbench

/// Runs lines of commands against one session and prints what they give back.
struct Driver: ScriptHost {
    var session: Session
    /// At the prompt errors are shown and the loop goes on; elsewhere the first error stops it.
    let interactive: Bool
    /// Whether results may use colour: standard output is a terminal, and neither
    /// `NO_COLOR` nor `TERM=dumb` says otherwise.
    let colour: Bool
    /// Go on after a failing command (`vsw run --keep-going`), remembering that one failed.
    var keepGoing = false
    /// Print `vsw> COMMAND` (and the narrative) before each command of a script (`vsw run --echo`).
    var echo = false
    /// The folder the process started in: `sessions/` there is writable to replayed scripts.
    let workingDirectory = FileManager.default.currentDirectoryPath
    /// Where an interactive session journals each line and its outcome.
    var journal: SessionJournal?
    /// Whether anything was typed (or recovered): a session started with `--model` and left
    /// at once has no work of its own to keep.
    var typedAnything = false
    private(set) var failures = 0
    /// Whether anything has been printed, so Markdown results can be kept apart.
    private var printedAny = false
    /// The width of the prompt the current line was typed at, for the caret under it.
    private var promptWidth = Driver.prompt.count

    static let prompt = "vsw> "

    init(session: Session, interactive: Bool) {
        self.session = session
        self.interactive = interactive
        // At the prompt Ctrl-C only sets a flag (the line editor's handler): a long run polls
        // it and stops with what it has done. Elsewhere Ctrl-C ends the process as usual.
        if interactive { self.session.shouldStop = { Interrupts.pending } }
        // A progress bar for long runs, on standard error when it is a terminal.
        if isatty(2) == 1 { self.session.progress = Console.progress }
        let environment = ProcessInfo.processInfo.environment
        colour = isatty(1) == 1 && environment["NO_COLOR"] == nil && environment["TERM"] != "dumb"
        if let text = environment["VSW_WORKERS"] {
            if let workers = Int(text), workers >= 1, workers <= 1_024 {
                self.session.workers = workers
            } else {
                Console.writeError("vsw: VSW_WORKERS=\(text) is not a whole number from 1 to 1024; the DES uses one thread per core\n")
            }
        }
    }

    /// Runs one logical line; false if a command failed. Sets `quit` when a command asks.
    mutating func run(_ source: Source, quit: inout Bool) -> Bool {
        var printed = false
        for outcome in session.run(source) {
            // Once a command on the line has printed, a caret would land under its output.
            guard show(outcome, from: source, caretUnderInput: !printed) else { return false }
            if case .success(let reply) = outcome {
                printed = printed || reply.result != .empty
                if reply.quits { quit = true }
                // At the prompt each command a replay runs is shown before its output, as it would be typed.
                let echoed = echo
                echo = echo || interactive
                defer { echo = echoed }
                if let playback = playRequest(of: reply, workingDirectory: workingDirectory, keepGoing: keepGoing),
                   playback.failures > 0 { return false }
            }
        }
        return true
    }

    // Playing a script (`vsw run`, `replay`): each command as the prompt would show it.

    mutating func narrative(_ text: String, depth: Int) {
        if echo { Console.write(SessionScript.narrativeLines(text) + "\n") }
    }

    mutating func willRun(_ source: Source, step: Bool, depth: Int) -> Bool {
        if echo || step { Console.write(Self.prompt + source.text + "\n") }
        guard step else { return true }
        if isatty(0) == 1 { Console.writeError("[Enter runs it, q stops] ") }
        guard let answer = readLine() else { return false }
        return answer.trimmingCharacters(in: .whitespaces).lowercased() != "q"
    }

    mutating func ran(_ outcome: Result<Reply, LanguageError>, from source: Source, depth: Int) {
        _ = show(outcome, from: source, caretUnderInput: false)
    }

    /// Prints a result on standard output and its warnings, or an error, on standard error;
    /// false for an error.
    mutating func show(_ outcome: Result<Reply, LanguageError>, from source: Source, printsResult: Bool = true,
                       caretUnderInput: Bool = true) -> Bool {
        switch outcome {
        case .success(let reply):
            for warning in reply.warnings { Console.writeError(warning + "\n") }
            let text = Renderer.render(reply.result, RenderOptions(mode: session.output, colour: colour))
            if !text.isEmpty, printsResult {
                // Markdown blocks must be apart, or two tables read as one.
                Console.write((printedAny && session.output == .markdown ? "\n" : "") + text + "\n")
                printedAny = true
            }
            return true
        case .failure(let error):
            failures += 1
            Console.writeError(error.formatted(in: source, promptWidth: caretUnderInput ? promptWidth : nil) + "\n")
            return false
        }
    }

    /// The prompt: the model's short name, once one is loaded (`vsw northwind> `).
    var prompt: String {
        if let interview = session.interviewPrompt { return "\(interview)> " }
        guard let name = session.promptName else { return Self.prompt }
        return session.scenarioName.map { "vsw \(name) [\($0)]> " } ?? "vsw \(name)> "
    }

    /// Reads logical lines (joining continuations) and runs each; false if one failed and
    /// the input is neither interactive nor kept going. Ctrl-C discards the line being typed.
    mutating func run(reader: inout some LineReader, name: SourceName, baseDirectory: String) -> Bool {
        var lineNumber = 0
        var quit = false
        while !quit {
            // Only the model: a copy of the whole session would be copied again by the command.
            let model = session.model
            let completer: Completer = { text in
                let completion = CompletionEngine.complete(text, in: model, baseDirectory: baseDirectory)
                return Completions(replacing: completion.replacing, candidates: completion.candidates)
            }
            let prompt = self.prompt
            var input = reader.readLine(prompt: interactive ? prompt : "", completer: completer)
            guard case .line(var text) = input else {
                if input == .interrupted { continue }
                break
            }
            lineNumber += 1
            let firstLine = lineNumber
            while Lexer.needsContinuation(text) {
                input = reader.readLine(prompt: interactive ? "...> " : "", completer: completer)
                guard case .line(let more) = input else { break }
                lineNumber += 1
                text += "\n" + more
            }
            if input == .interrupted { continue }
            let source = Source(name: name, text: text, firstLine: firstLine, baseDirectory: baseDirectory)
            promptWidth = prompt.count
            journal?.entered(text)
            typedAnything = true
            let before = session.cells.count
            let succeeded = run(source, quit: &quit)
            journal?.finished(Self.didWork(session.cells[before...]))
            if !succeeded, !interactive, !keepGoing { return false }
        }
        return true
    }

    /// Whether a line's cells did something a recovery must replay: any that neither failed
    /// nor was stopped (a line of several commands may fail part way), or none at all (a comment).
    static func didWork(_ cells: ArraySlice<Cell>) -> Bool {
        cells.isEmpty || cells.contains { $0.status != .failed && $0.status != .stopped }
    }

    /// `--model PATH|demo`: load before anything else, reporting errors against the flag.
    mutating func preload(model path: String, baseDirectory: String) -> Bool {
        let source = Source(name: .commandLine, text: path, baseDirectory: baseDirectory)
        let argument = Operand(path, at: SourceSpan(lineOffset: 0, column: 1, length: max(1, path.count)))
        let typed = "load \(Lexer.spelled(path))"
        journal?.entered(typed)
        let loaded = show(session.execute(.load(argument), typed: typed, in: source), from: source, printsResult: interactive)
        journal?.finished(loaded)
        return loaded
    }

    /// The end of an interactive session: the journal is kept while there is unsaved work,
    /// and the person is told where that work is, or that it is gone.
    mutating func finish() {
        guard interactive else { return }
        let unsaved = typedAnything && session.hasUnsavedWork
        guard let journal else {
            if unsaved { Console.write("This session's unsaved work was not journalled (see the warning above), so it ends here.\n") }
            return
        }
        journal.end(keeping: unsaved)
        self.journal = nil
        guard unsaved else { return }
        Console.write(journal.failed
            ? "Unsaved work is kept in the journal up to its failed write: vsw --recover restores that much.\n"
            : "Unsaved work is kept in the journal: vsw --recover restores it, or save session PATH keeps it for good.\n")
    }
}
