import Foundation

/// Where the loop gets its lines: a prompt on a terminal, or plain lines from a pipe.
protocol LineReader {
    /// The next line without its newline, or nil at the end of input.
    mutating func readLine(prompt: String) -> String?
}

/// Plain lines from standard input; shows the prompt only when asked to (on a terminal).
struct StandardInputReader: LineReader {
    let showsPrompt: Bool

    mutating func readLine(prompt: String) -> String? {
        if showsPrompt { Console.write(prompt) }
        return Swift.readLine(strippingNewline: true)
    }
}

/// Writing to standard output and standard error, unbuffered so the two stay in order.
enum Console {
    static func write(_ text: String) {
        FileHandle.standardOutput.write(Data(text.utf8))
    }

    static func writeError(_ text: String) {
        FileHandle.standardError.write(Data(text.utf8))
    }

    static var isInteractive: Bool { isatty(0) == 1 && isatty(1) == 1 }
}
