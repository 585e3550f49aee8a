/// `vsw check`: replays a script and compares each command's output, drawn as text, with
/// the `#>` lines recorded under it. The script as `--update` would write it is the script
/// with each command's `#>` lines replaced by what it gave; the difference between the two
/// is the unified diff `check` prints.
public struct TranscriptCheck: ScriptHost {
    public var session: Session
    /// The output of each command of the outermost script, by its first line (1-based),
    /// drawn as `#>` lines; the output of scripts it replays counts as the `replay` line's.
    private var outputs: [Int: [String]] = [:]
    private var current: Int?
    private var error: String?

    init(session: Session) {
        self.session = session
    }

    /// What a check found.
    public struct Report: Sendable {
        /// The script with every command's output as this replay gave it.
        public let updatedText: String
        /// A unified diff from the script to `updatedText`, naming script lines; nil when equal.
        public let diff: String?
        /// The first command that failed, formatted with its place; the check stops there.
        public let error: String?
    }

    /// Checks `script` on `session` (a fresh one, seeded as `vsw check` was told).
    public static func check(_ script: SessionScript, in session: Session, workingDirectory: String,
                             allowWrite: [String] = []) -> Report {
        var host = TranscriptCheck(session: session)
        _ = host.play(script, workingDirectory: workingDirectory, allowWrite: allowWrite)
        var updated: [String] = []
        var cursor = 0
        var commandAt: [Int: String] = [:]
        for entry in script.entries {
            let source: Source, recorded: SessionScript.Recorded
            switch entry {
            case .narrative: continue
            case .command(let command, let output):
                (source, recorded) = (command, output)
                commandAt[source.firstLine - 1] = source.text.prefix { $0 != "\n" }.description
            case .blank(let blank, let output):
                (source, recorded) = (blank, output)
            }
            guard let lines = host.outputs[source.firstLine] else { continue }
            updated += script.lines[cursor..<recorded.range.lowerBound]
            updated += lines
            cursor = recorded.range.upperBound
        }
        updated += script.lines[cursor...]
        let name = script.name.displayName ?? "script"
        let diff = UnifiedDiff.make(old: script.lines, new: updated, oldName: "\(name) (recorded)", newName: "\(name) (replayed)") { line in
            // The hunk names the command whose output it is in.
            guard let start = commandAt.keys.filter({ $0 <= line }).max(), let command = commandAt[start] else { return nil }
            return "line \(start + 1): \(command.count > 60 ? command.prefix(57) + "..." : command)"
        }
        return Report(updatedText: updated.isEmpty ? "" : updated.joined(separator: "\n") + "\n", diff: diff, error: host.error)
    }

    public mutating func narrative(_ text: String, depth: Int) {}

    public mutating func willRun(_ source: Source, step: Bool, depth: Int) -> Bool {
        if depth == 0 {
            current = source.firstLine
            outputs[source.firstLine] = []
        }
        return true
    }

    public mutating func ran(_ outcome: Result<Reply, LanguageError>, from source: Source, depth: Int) {
        switch outcome {
        case .success(let reply):
            // Recordings are always text, without colour, whatever the output mode.
            let text = Renderer.render(reply.result, RenderOptions())
            if let current { outputs[current, default: []] += SessionScript.outputLines(text) }
        case .failure(let failure):
            if error == nil { error = failure.formatted(in: source) }
            // A command that fails keeps its recorded lines: there is nothing to put instead.
            if let current { outputs[current] = nil }
        }
    }
}
