import Foundation

/// Writing to standard output and standard error, unbuffered so the two stay in order.
enum Console {
    static func write(_ text: String) {
        FileHandle.standardOutput.write(Data(text.utf8))
    }

    static func writeError(_ text: String) {
        FileHandle.standardError.write(Data(text.utf8))
    }

    /// Draws `label: [#####·····] done/total` over itself on standard error; clears it when done.
    @Sendable static func progress(_ label: String, _ done: Int, _ total: Int) {
        let width = 30
        let filled = total > 0 ? width * done / total : width
        let bar = String(repeating: "#", count: filled) + String(repeating: "·", count: width - filled)
        writeError(done >= total ? "\r\u{1B}[K" : "\r\u{1B}[Ksimulating \(label): [\(bar)] \(done)/\(total)")
    }

    /// Line editing only when both standard input and output are terminals.
    static var isInteractive: Bool { isatty(0) == 1 && isatty(1) == 1 }

    /// vsw's state folder: `$XDG_STATE_HOME/vsw`, by default `~/.local/state/vsw`.
    static var stateFolder: String? {
        let environment = ProcessInfo.processInfo.environment
        if let state = environment["XDG_STATE_HOME"], state.hasPrefix("/") { return state + "/vsw" }
        guard let home = environment["HOME"], !home.isEmpty else { return nil }
        return home + "/.local/state/vsw"
    }

    /// Where line-editing history lives.
    static var historyFile: String? { stateFolder.map { $0 + "/history" } }

    /// Where interactive sessions journal what is typed (DESIGN §7).
    static var journalFolder: String? { stateFolder.map { $0 + "/journal" } }
}
