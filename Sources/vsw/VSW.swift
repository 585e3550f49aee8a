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
            vsw run FILE... [--keep-going] [--model PATH|demo] [--format MODE] [--seed N]
            """,
        discussion: """
            On a terminal, vsw opens an interactive prompt; otherwise it reads commands from \
            standard input, one per line, and stops at the first that fails (exit status 1). \
            Type 'help' at the prompt for the command language.
            """,
        version: WorkbenchVersion.current,
        subcommands: [Run.self])

    @OptionGroup var options: SessionOptions

    @Option(name: .customShort("c"), help: ArgumentHelp("Run these commands (separated by ';') and exit.", valueName: "COMMANDS"))
    var commands: String?

    func run() throws {
        let interactive = commands == nil && Console.isInteractive
        var driver = Driver(session: options.session, interactive: interactive)
        let here = FileManager.default.currentDirectoryPath
        if interactive {
            Console.write("vsw \(WorkbenchVersion.current), the value stream workbench. Type help for the commands, quit or Ctrl-D to leave.\n")
        }
        if let model = options.model, !driver.preload(model: model, baseDirectory: here) { throw ExitCode(1) }
        if let commands {
            var reader = TextLineReader(commands)
            guard driver.run(reader: &reader, name: .commandLine, baseDirectory: here) else { throw ExitCode(1) }
            return
        }
        if interactive, var editor = EditLineReader(program: "vsw", historyFile: Console.historyFile) {
            _ = driver.run(reader: &editor, name: .prompt, baseDirectory: here)
            return
        }
        var reader = StandardInputReader(showsPrompt: interactive)
        guard driver.run(reader: &reader, name: interactive ? .prompt : .standardInput, baseDirectory: here) else {
            throw ExitCode(1)
        }
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

/// `vsw run FILE…`: run scripts, each from its own folder, stopping at the first error.
struct Run: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Run script files: each line a command; paths resolve against the script's folder.")

    @Argument(help: ArgumentHelp("The scripts to run, in order.", valueName: "FILE"))
    var files: [String]

    @OptionGroup var options: SessionOptions

    @Flag(name: .long, help: "Go on after a failing command; the exit status is still 1 if any failed.")
    var keepGoing = false

    func validate() throws {
        if files.isEmpty { throw ValidationError("name at least one script to run, e.g. vsw run sessions/tour.vsw") }
    }

    func run() throws {
        var driver = Driver(session: options.session, interactive: false)
        driver.keepGoing = keepGoing
        let here = FileManager.default.currentDirectoryPath
        if let model = options.model, !driver.preload(model: model, baseDirectory: here) { throw ExitCode(1) }
        for file in files {
            guard let data = FileManager.default.contents(atPath: file), let text = String(bytes: data, encoding: .utf8) else {
                Console.writeError("vsw: cannot read '\(file)': no such file, or not UTF-8 text\n")
                throw ExitCode(1)
            }
            let folder = URL(fileURLWithPath: file, relativeTo: URL(fileURLWithPath: here, isDirectory: true))
                .deletingLastPathComponent().path
            var reader = TextLineReader(text)
            guard driver.run(reader: &reader, name: .file(file), baseDirectory: folder) else { throw ExitCode(1) }
        }
        if driver.failures > 0 { throw ExitCode(1) }
    }
}
