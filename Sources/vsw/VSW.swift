import ArgumentParser
import Foundation
import LineEditor
import ModelFormats
import Workbench

/// `vsw`: the value stream workbench.
struct VSW: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "vsw",
        abstract: "The value stream workbench: classify and stress-test an organisation's value streams.",
        usage: """
            vsw [--model PATH|demo] [--format MODE] [--seed N] [-c COMMANDS]
            vsw --recover
            vsw run FILE... [--echo] [--step] [--keep-going] [--allow-write DIR] [--model PATH|demo] [--format MODE] [--seed N]
            vsw check FILE... [--update] [--allow-write DIR]
            vsw export FILE [--to md|html] [--output PATH] [--force] [--allow-write DIR]
            """,
        discussion: """
            On a terminal, vsw opens an interactive prompt; otherwise it reads commands from \
            standard input, one per line, and stops at the first that fails (exit status 1). \
            Type 'help' at the prompt for the command language. At the prompt every line is journalled as it is \
            entered (in $XDG_STATE_HOME/vsw/journal), so a session that is killed, or quit with unsaved work, \
            is not lost: vsw --recover restores it. VSW_WORKERS=N limits the discrete-event engine to N threads \
            (default one per core); its figures are the same either way.
            """,
        version: WorkbenchVersion.current,
        subcommands: [Run.self, Check.self, Export.self])

    @OptionGroup var options: SessionOptions

    @Option(name: .customShort("c"), help: ArgumentHelp("Run these commands (separated by ';') and exit.", valueName: "COMMANDS"))
    var commands: String?

    @Flag(name: .long, help: "Restore a session the journal kept (killed, or quit with unsaved work), then go on with it.")
    var recover = false

    func validate() throws {
        if recover, commands != nil || options.model != nil {
            throw ValidationError("--recover restores a whole session; it does not combine with -c or --model")
        }
    }

    func run() throws {
        let interactive = commands == nil && Console.isInteractive
        let here = FileManager.default.currentDirectoryPath
        if interactive {
            Console.write("vsw \(WorkbenchVersion.current), the value stream workbench. Type help for the commands, quit or Ctrl-D to leave.\n")
        }
        // Only a session typed at a terminal journals; a recovered one is journalled anew.
        let folder = Console.journalFolder
        let unfinished = (interactive || recover) ? folder.map(Journal.unfinished) ?? [] : []
        // Ctrl-C stops a long replay while restoring, as it does at the prompt.
        if interactive { Interrupts.install() }
        let recovered = recover ? Recovery.choose(from: unfinished, interactive: interactive) : nil
        if recover, recovered == nil { return }
        if !recover, let mention = Recovery.mention(unfinished) { Console.write(mention + "\n") }
        // A recovered session goes on where it was: its folder, seed, output and date. The
        // journal's header is the session's.
        var driver = Driver(session: recovered.map(Recovery.session) ?? options.session, interactive: interactive)
        let base = recovered?.header.directory ?? here
        if interactive, let folder {
            let session = driver.session
            driver.journal = SessionJournal(in: folder, header: Journal.Header(
                started: SessionJournal.now(), directory: base, seed: session.seed, output: session.output.rawValue,
                version: WorkbenchVersion.current, today: session.today.description))
        }
        if let recovered {
            Recovery.restore(recovered, into: &driver)
            // The new journal holds all of it now; without one the old stays until nothing is unsaved.
            if driver.journal != nil { try? Journal.discard(path: recovered.path) }
        }
        defer {
            if !interactive, let recovered, !driver.session.hasUnsavedWork { try? Journal.discard(path: recovered.path) }
        }
        if let model = options.model, !driver.preload(model: model, baseDirectory: here) { throw ExitCode(1) }
        if let commands {
            var reader = TextLineReader(commands)
            guard driver.run(reader: &reader, name: .commandLine, baseDirectory: here) else { throw ExitCode(1) }
            return
        }
        if interactive, var editor = EditLineReader(program: "vsw", historyFile: Console.historyFile) {
            _ = driver.run(reader: &editor, name: .prompt, baseDirectory: base)
            driver.finish()
            return
        }
        var reader = StandardInputReader(showsPrompt: interactive)
        let succeeded = driver.run(reader: &reader, name: interactive ? .prompt : .standardInput, baseDirectory: base)
        driver.finish()
        guard succeeded else { throw ExitCode(1) }
    }
}

/// Options every way of running shares: the first model, the output mode, the seed.
struct SessionOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("Start with this model loaded: a .yaml/.yml/.json file, or 'demo'.", valueName: "PATH|demo"))
    var model: String?

    @Option(name: .long, help: ArgumentHelp("How results are drawn: text, json (JSON Lines), csv or markdown.", valueName: "MODE"))
    var format: OutputMode = .text

    @Option(name: .long, help: ArgumentHelp("The master seed for simulations.", valueName: "N"))
    var seed: UInt64 = 1

    var session: Session { Session(output: format, seed: seed) }
}

extension OutputMode: ExpressibleByArgument {}

/// `vsw run FILE…`: replay scripts, each from its own folder, stopping at the first error.
struct Run: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Replay scripts: each command's result is printed as it would be recorded; paths resolve against the script's folder.",
        discussion: """
            A replayed script writes files only under its own folder and sessions/ of the current folder, unless \
            --allow-write names another; it may not raise the DES event budget.
            """)

    @Argument(help: ArgumentHelp("The scripts to run, in order.", valueName: "FILE"))
    var files: [String]

    @OptionGroup var options: SessionOptions

    @Flag(name: .long, help: "Print each command, as 'vsw> COMMAND', and the narrative before its output.")
    var echo = false

    @Flag(name: .long, help: "Show the narrative and each command, and wait for Enter before running it ('q' stops).")
    var step = false

    @Flag(name: .long, help: "Go on after a failing command; the exit status is still 1 if any failed.")
    var keepGoing = false

    @OptionGroup var replay: ReplayOptions

    func validate() throws {
        if files.isEmpty { throw ValidationError("name at least one script to run, e.g. vsw run sessions/tour.vsw") }
    }

    func run() throws {
        var driver = Driver(session: options.session, interactive: false)
        driver.keepGoing = keepGoing
        driver.echo = echo
        let here = driver.workingDirectory
        if let model = options.model, !driver.preload(model: model, baseDirectory: here) { throw ExitCode(1) }
        let folders = replay.folders(in: here)
        for file in files {
            let script = try Scripts.read(file, in: here)
            let playback = driver.play(script, workingDirectory: here, allowWrite: folders, step: step, keepGoing: keepGoing)
            if playback.stopped { break }
            if playback.failures > 0, !keepGoing { throw ExitCode(1) }
        }
        if driver.failures > 0 { throw ExitCode(1) }
    }
}

/// `vsw check FILE…`: replay scripts and compare each command's output with its `#>` lines.
struct Check: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Replay scripts and compare each command's output with the #> lines recorded under it.",
        discussion: """
            A difference is printed as a unified diff naming the script's lines, and the exit status is 1. \
            With --update the #> lines are rewritten instead. Recordings are always text, so --format does not apply.
            """)

    @Argument(help: ArgumentHelp("The scripts to check.", valueName: "FILE"))
    var files: [String]

    @Flag(name: .long, help: "Rewrite each script's #> lines with the output this replay gives.")
    var update = false

    @OptionGroup var replay: ReplayOptions

    func validate() throws {
        if files.isEmpty { throw ValidationError("name at least one script to check, e.g. vsw check sessions/tour.vsw") }
    }

    func run() throws {
        let here = FileManager.default.currentDirectoryPath
        let folders = replay.folders(in: here)
        var failed = false
        for file in files {
            let script = try Scripts.read(file, in: here)
            let name = script.name.displayName ?? file
            let report = TranscriptCheck.check(script, in: Session(), workingDirectory: here, allowWrite: folders)
            if let error = report.error {
                Console.writeError(error + "\n")
                failed = true
                continue
            }
            guard let diff = report.diff else {
                Console.write("\(name): output as recorded\n")
                continue
            }
            if update {
                do {
                    try AtomicFile.write(report.updatedText, to: Session.resolve(file, against: here))
                } catch {
                    Console.writeError("vsw: \(error.description)\n")
                    failed = true
                    continue
                }
                Console.write("\(name): #> lines updated\n")
            } else {
                Console.write(diff)
                failed = true
            }
        }
        if failed { throw ExitCode(1) }
    }
}

/// `vsw export FILE --to md|html`: replay a saved script and write its notebook.
struct Export: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Replay a saved script and write its notebook: Markdown, or one self-contained HTML page with charts.",
        discussion: """
            The notebook goes beside the script, named after it (sessions/x.vsw gives sessions/x.html), unless \
            --output says where; the format is --to's, else --output's extension. A file that is not a vsw notebook \
            is replaced only with --force.
            """)

    @Argument(help: ArgumentHelp("The script to replay.", valueName: "FILE"))
    var file: String

    @Option(name: .long, help: ArgumentHelp("The notebook's format: md (Markdown) or html.", valueName: "md|html"))
    var to: Notebook.Format?

    @Option(name: [.customShort("o"), .long], help: ArgumentHelp("Where to write it.", valueName: "PATH"))
    var output: String?

    @Flag(name: .long, help: "Replace a file that is not a vsw notebook.")
    var force = false

    @OptionGroup var replay: ReplayOptions

    /// The format: `--to`, else the output's extension; they must agree when both are given.
    var format: Notebook.Format? { to ?? output.flatMap(Notebook.Format.init(path:)) }

    func validate() throws {
        guard let format else { throw ValidationError("say which notebook to write: --to md or --to html (or an --output ending in .md or .html)") }
        if let output, let named = Notebook.Format(path: output), named != format {
            throw ValidationError("--to \(format.rawValue) and --output \(output) disagree; give one, or make them match")
        }
    }

    func run() throws {
        guard let format else { throw ExitCode(2) }
        let here = FileManager.default.currentDirectoryPath
        let script = try Scripts.read(file, in: here)
        let stem = file.lowercased().hasSuffix(".vsw") ? String(file.dropLast(4)) : file
        let target = Session.resolve(output ?? stem + "." + format.rawValue, against: here)
        if let path = script.path, ReplayPolicy.location(target) == path {
            Console.writeError("vsw: the notebook would replace the script \(file) itself; give another --output\n")
            throw ExitCode(1)
        }
        if !force, !Notebook.mayReplace(target) {
            Console.writeError("vsw: \(ScriptPaths.display(target, in: here)) exists and is not a vsw notebook; add --force to replace it\n")
            throw ExitCode(1)
        }
        var host = QuietHost(session: Session(), reportsErrors: true)
        let playback = host.play(script, workingDirectory: here, allowWrite: replay.folders(in: here))
        guard playback.failures == 0 else { throw ExitCode(1) }
        let name = script.name.displayName ?? file
        do {
            try AtomicFile.write(host.session.notebookText(format, of: name), to: target)
        } catch {
            Console.writeError("vsw: \(error.description)\n")
            throw ExitCode(1)
        }
        Console.write("Wrote the \(format == .html ? "HTML" : "Markdown") notebook of \(name) to \(ScriptPaths.display(target, in: here)).\n")
    }
}

extension Notebook.Format: ExpressibleByArgument {}

/// What `run` and `check` let a replayed script do beyond its defaults.
struct ReplayOptions: ParsableArguments {
    @Option(name: .customLong("allow-write"), help: ArgumentHelp("Let the scripts write under DIR too (may be repeated).", valueName: "DIR"))
    var allowWrite: [String] = []

    /// The `--allow-write` folders, resolved against `directory`.
    func folders(in directory: String) -> [String] { allowWrite.map { Session.resolve($0, against: directory) } }
}

/// Reading a script named on the command line.
enum Scripts {
    static func read(_ file: String, in directory: String) throws -> SessionScript {
        do {
            return try SessionScript.read(file, workingDirectory: directory)
        } catch {
            Console.writeError("vsw: \(error.message)\n")
            throw ExitCode(1)
        }
    }
}
