import Foundation
import Workbench

/// Runs lines of commands against one session and prints what they give back.
struct Driver {
    var session = Session()
    /// At the prompt errors are shown and the loop goes on; elsewhere the first error stops it.
    let interactive: Bool

    static let prompt = "vsw> "

    /// Runs one logical line; false if a command failed. Sets `quit` when a command asks.
    mutating func run(_ source: Source, quit: inout Bool) -> Bool {
        for outcome in session.run(source) {
            guard show(outcome, from: source) else { return false }
            if case .success(let reply) = outcome, reply.quits { quit = true }
        }
        return true
    }

    /// Prints a result on standard output and its warnings, or an error, on standard error;
    /// false for an error.
    func show(_ outcome: Result<Reply, LanguageError>, from source: Source, printsResult: Bool = true) -> Bool {
        switch outcome {
        case .success(let reply):
            for warning in reply.warnings { Console.writeError(warning + "\n") }
            let text = TextRenderer.render(reply.result)
            if !text.isEmpty, printsResult { Console.write(text + "\n") }
            return true
        case .failure(let error):
            Console.writeError(error.formatted(in: source, promptWidth: Self.prompt.count) + "\n")
            return false
        }
    }

    /// Reads logical lines (joining continuations) and runs each; false if one failed and
    /// the input is not interactive.
    mutating func run(reader: inout some LineReader, name: SourceName, baseDirectory: String) -> Bool {
        var lineNumber = 0
        var quit = false
        while !quit {
            var prompt = interactive ? Self.prompt : ""
            guard var text = reader.readLine(prompt: prompt) else { break }
            lineNumber += 1
            let firstLine = lineNumber
            prompt = interactive ? "...> " : ""
            while Lexer.needsContinuation(text), let more = reader.readLine(prompt: prompt) {
                lineNumber += 1
                text += "\n" + more
            }
            let source = Source(name: name, text: text, firstLine: firstLine, baseDirectory: baseDirectory)
            if !run(source, quit: &quit), !interactive { return false }
        }
        return true
    }
}

/// Lines of a text already in memory (a script file, `-c`), as a reader.
struct TextLineReader: LineReader {
    private var lines: [Substring]
    private var index = 0

    init(_ text: String) {
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        if text.hasSuffix("\n") { lines.removeLast() }
        self.lines = lines
    }

    mutating func readLine(prompt: String) -> String? {
        guard index < lines.count else { return nil }
        index += 1
        var line = lines[index - 1]
        if line.hasSuffix("\r") { line = line.dropLast() }
        return String(line)
    }
}
