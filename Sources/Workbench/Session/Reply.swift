/// What a command that ran gave back: its result, warnings to show, and whether to stop.
public struct Reply: Sendable, Hashable {
    public let result: CommandResult
    /// Located warnings (e.g. from a model file), shown on standard error.
    public let warnings: [String]
    /// The command asked to leave the workbench.
    public let quits: Bool
    /// `replay`: the script whose commands the caller runs next, printing as it goes.
    public let replay: ReplayRequest?
    /// Ctrl-C stopped it part way: a replay would not give the same, so it is not recorded.
    public let interrupted: Bool

    public init(_ result: CommandResult, warnings: [String] = [], quits: Bool = false, replay: ReplayRequest? = nil,
                interrupted: Bool = false) {
        self.result = result
        self.warnings = warnings
        self.quits = quits
        self.replay = replay
        self.interrupted = interrupted
    }
}
