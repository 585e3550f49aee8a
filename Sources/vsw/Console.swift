import Foundation

/// Writing to standard output and standard error, unbuffered so the two stay in order.
enum Console {
    static func write(_ text: String) {
        FileHandle.standardOutput.write(Data(text.utf8))
    }

    static func writeError(_ text: String) {
        FileHandle.standardError.write(Data(text.utf8))
    }

    /// Line editing only when both standard input and output are terminals.
    static var isInteractive: Bool { isatty(0) == 1 && isatty(1) == 1 }

    /// Where line-editing history lives: `$XDG_STATE_HOME/vsw/history`, by default
    /// `~/.local/state/vsw/history`.
    static var historyFile: String? {
        let environment = ProcessInfo.processInfo.environment
        if let state = environment["XDG_STATE_HOME"], state.hasPrefix("/") { return state + "/vsw/history" }
        guard let home = environment["HOME"], !home.isEmpty else { return nil }
        return home + "/.local/state/vsw/history"
    }
}
