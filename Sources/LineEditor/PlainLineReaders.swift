import Foundation

/// Lines from standard input with no editing; shows the prompt only when asked to.
public struct StandardInputReader: LineReader {
    let showsPrompt: Bool

    public init(showsPrompt: Bool) {
        self.showsPrompt = showsPrompt
    }

    public mutating func readLine(prompt: String, completer: Completer?) -> LineInput {
        if showsPrompt { Terminal.write(prompt) }
        guard let line = Swift.readLine(strippingNewline: true) else { return .end }
        return .line(line)
    }
}

/// The lines of a text already in memory: a script file, `-c`, a test.
public struct TextLineReader: LineReader {
    private let lines: [Substring]
    private var index = 0

    public init(_ text: String) {
        // "\r\n" is one Character in Swift: split on it as well as on "\n".
        var lines = text.split(omittingEmptySubsequences: false) { $0 == "\n" || $0 == "\r\n" }
        if text.last == "\n" || text.last == "\r\n" { lines.removeLast() }
        self.lines = lines
    }

    public mutating func readLine(prompt: String, completer: Completer?) -> LineInput {
        guard index < lines.count else { return .end }
        index += 1
        var line = lines[index - 1]
        if line.hasSuffix("\r") { line = line.dropLast() }
        return .line(String(line))
    }
}
