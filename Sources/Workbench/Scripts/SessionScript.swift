/// A `.vsw` script read into what replays and checks need (DESIGN §7): narrative (`##`
/// lines), commands (continued lines joined) and the output recorded under each as `#>`
/// lines. Other comments and blank lines are kept in `lines` only.
public struct SessionScript: Sendable {
    public enum Entry: Sendable {
        /// A `## …` line: its text, and the line as a source so the session records it.
        case narrative(String, Source)
        /// A command and the output recorded under it.
        case command(Source, recorded: Recorded)
        /// A blank line: nothing, except in the `guide` interview, where it moves to the next step.
        case blank(Source, recorded: Recorded)
    }

    /// The `#>` lines under a command: their text, and where they sit (0-based line indices;
    /// an empty range just after the command when there are none).
    public struct Recorded: Sendable, Hashable {
        public let lines: [String]
        public let range: Range<Int>
    }

    public let name: SourceName
    /// The script's folder, which its paths resolve against.
    public let baseDirectory: String
    /// The script's path, symlinks resolved, when it is a file: replaying it inside itself is refused.
    public let path: String?
    /// The script's lines, without their newlines.
    public let lines: [String]
    public let entries: [Entry]

    /// Scripts larger than this are refused before they are read.
    public static let maximumBytes = 16 << 20

    public init(text: String, name: SourceName, baseDirectory: String, path: String? = nil) {
        self.name = name
        self.baseDirectory = baseDirectory
        self.path = path
        // "\r\n" is one Character in Swift: split on it as well as on "\n".
        var lines = text.split(omittingEmptySubsequences: false) { $0 == "\n" || $0 == "\r\n" }.map { line in
            line.last == "\r" ? String(line.dropLast()) : String(line)
        }
        if lines.last == "" { lines.removeLast() }
        self.lines = lines
        var entries: [Entry] = []
        var index = 0
        while index < lines.count {
            let line = lines[index]
            let trimmed = line.drop { $0 == " " || $0 == "\t" }
            if let narrative = Self.narrative(line) {
                entries.append(.narrative(narrative, Source(name: name, text: line, firstLine: index + 1, baseDirectory: baseDirectory)))
                index += 1
                continue
            }
            if trimmed.hasPrefix("#") {
                index += 1
                continue
            }
            var text = trimmed.isEmpty ? "" : line
            var last = index
            while Lexer.needsContinuation(text), last + 1 < lines.count {
                last += 1
                text += "\n" + lines[last]
            }
            var end = last + 1
            var recorded: [String] = []
            while end < lines.count, let output = Self.output(lines[end]) {
                recorded.append(output)
                end += 1
            }
            let source = Source(name: name, text: text, firstLine: index + 1, baseDirectory: baseDirectory)
            let output = Recorded(lines: recorded, range: (last + 1)..<end)
            entries.append(text.isEmpty ? .blank(source, recorded: output) : .command(source, recorded: output))
            index = end
        }
        self.entries = entries
    }

    /// The narrative of a `## …` line (one space after `##` dropped), else nil.
    static func narrative(_ line: String) -> String? {
        let trimmed = line.drop { $0 == " " || $0 == "\t" }
        guard trimmed.hasPrefix("##"), !trimmed.contains("\n") else { return nil }
        let text = trimmed.dropFirst(2)
        return String(text.first == " " ? text.dropFirst() : text)
    }

    /// The output a `#>` line records (`#>` alone is an empty line), else nil.
    static func output(_ line: String) -> String? {
        guard line.hasPrefix("#>") else { return nil }
        let text = line.dropFirst(2)
        return String(text.first == " " ? text.dropFirst() : text)
    }

    /// Output text as the `#>` lines that record it; no lines for no output.
    static func outputLines(_ text: String) -> [String] {
        guard !text.isEmpty else { return [] }
        return text.split(separator: "\n", omittingEmptySubsequences: false).map { $0.isEmpty ? "#>" : "#> " + $0 }
    }

    /// Narrative as the `##` lines that hold it.
    public static func narrativeLines(_ text: String) -> String {
        text.split(separator: "\n", omittingEmptySubsequences: false).map { $0.isEmpty ? "##" : "## " + $0 }.joined(separator: "\n")
    }

    /// One saved session's line: narrative, or a command with the output it gave.
    enum Item: Sendable, Hashable {
        case narrative(String)
        case command(String, output: String)
    }

    /// The text of a saved session: a header comment, then each item.
    static func compose(header: String, items: [Item]) -> String {
        var lines = ["# " + header]
        for item in items {
            switch item {
            case .narrative(let text):
                lines.append(narrativeLines(text))
            case .command(let text, let output):
                lines.append(text)
                lines += outputLines(output)
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }
}
