/// A command entered in the session and what became of it.
public struct Cell: Sendable, Hashable {
    public enum Status: String, Sendable, Hashable {
        case ok
        case failed
        case undone
        /// `guide` and its answers: the commands they made are cells of their own.
        case interview
        /// Stopped part way by Ctrl-C: its figures are of what was done, which no replay repeats.
        case stopped
    }

    /// The line as typed (`redo` for a redo, which records the command it redid).
    public let input: String
    public internal(set) var status: Status
    /// What the command gave, for a saved session (when `Command.isRecorded`) and the
    /// notebook; nil for a failure or a run stopped part way.
    let recorded: Recorded?

    init(input: String, status: Status, recorded: Recorded? = nil) {
        self.input = input
        self.status = status
        self.recorded = recorded
    }

    /// A command that succeeded, as a saved session replays it.
    struct Recorded: Sendable, Hashable {
        let command: Command
        /// The command as typed.
        let text: String
        /// What it gave back, drawn as text for the `#>` lines when the session is saved.
        let result: CommandResult
        /// The folder its relative paths resolved against.
        let baseDirectory: String
        /// The scenario current when it ran.
        let scenario: String
    }
}
