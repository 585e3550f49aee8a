import ArgumentParser
import Foundation
import ModelFormats
import Workbench

/// `vsw`: the value stream workbench.
struct VSW: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "vsw",
        abstract: "The value stream workbench: classify and stress-test an organisation's value streams.",
        usage: """
            vsw [--model PATH|demo] [-c COMMANDS]
            vsw run FILE... [--model PATH|demo]
            """,
        discussion: """
            On a terminal, vsw opens an interactive prompt; otherwise it reads commands from \
            standard input, one per line, and stops at the first that fails (exit status 1). \
            Type 'help' at the prompt for the command language.
            """,
        version: WorkbenchVersion.current,
        subcommands: [Run.self])

    @Option(name: .long, help: ArgumentHelp("Start with this model loaded: a .yaml/.yml/.json file, or 'demo'.", valueName: "PATH|demo"))
    var model: String?

    @Option(name: .customShort("c"), help: ArgumentHelp("Run these commands (separated by ';') and exit.", valueName: "COMMANDS"))
    var commands: String?

    func run() throws {
        let interactive = commands == nil && Console.isInteractive
        var driver = Driver(interactive: interactive)
        let here = FileManager.default.currentDirectoryPath
        if interactive {
            Console.write("vsw \(WorkbenchVersion.current), the value stream workbench. Type help for the commands, quit or Ctrl-D to leave.\n")
        }
        if let model, !driver.preload(model: model, baseDirectory: here) { throw ExitCode(1) }
        if let commands {
            var reader = TextLineReader(commands)
            guard driver.run(reader: &reader, name: .commandLine, baseDirectory: here) else { throw ExitCode(1) }
            return
        }
        var reader = StandardInputReader(showsPrompt: interactive)
        guard driver.run(reader: &reader, name: interactive ? .prompt : .standardInput, baseDirectory: here) else {
            throw ExitCode(1)
        }
    }
}

/// `vsw run FILE…`: run scripts, each from its own folder, stopping at the first error.
struct Run: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Run script files: each line a command; paths resolve against the script's folder.")

    @Argument(help: ArgumentHelp("The scripts to run, in order.", valueName: "FILE"))
    var files: [String]

    @Option(name: .long, help: ArgumentHelp("Start with this model loaded: a file, or 'demo'.", valueName: "PATH|demo"))
    var model: String?

    func validate() throws {
        if files.isEmpty { throw ValidationError("name at least one script to run, e.g. vsw run sessions/tour.vsw") }
    }

    func run() throws {
        var driver = Driver(interactive: false)
        let here = FileManager.default.currentDirectoryPath
        if let model, !driver.preload(model: model, baseDirectory: here) { throw ExitCode(1) }
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
    }
}

extension Driver {
    /// `--model PATH|demo`: load before anything else, reporting errors against the flag.
    mutating func preload(model path: String, baseDirectory: String) -> Bool {
        let source = Source(name: .commandLine, text: path, baseDirectory: baseDirectory)
        let argument = Operand(path, at: SourceSpan(lineOffset: 0, column: 1, length: max(1, path.count)))
        return show(session.execute(.load(argument), in: source), from: source, printsResult: interactive)
    }
}
