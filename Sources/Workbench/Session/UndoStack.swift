import ValueStreams

/// What undo restores: the model and where it came from. Value semantics make a snapshot a
/// copy that shares storage with the live model until either changes.
struct Snapshot: Sendable, Equatable {
    var model: Model?
    var origin: String?
}

/// One stack for the session: each change keeps the state before it; undo swaps it back and
/// keeps the undone state for redo. A new change forgets what could be redone.
struct UndoStack: Sendable {
    struct Entry: Sendable {
        /// The state to restore.
        let snapshot: Snapshot
        /// The history cell of the command that made the change.
        let cell: Int
    }

    /// Bounded so a long session's memory stays bounded.
    static let limit = 500

    private(set) var past: [Entry] = []
    private(set) var future: [Entry] = []

    mutating func record(before snapshot: Snapshot, cell: Int) {
        past.append(Entry(snapshot: snapshot, cell: cell))
        if past.count > Self.limit { past.removeFirst(past.count - Self.limit) }
        future.removeAll()
    }

    /// The entry to go back to, given the current state to keep for redo.
    mutating func undo(current: Snapshot) -> Entry? {
        guard let entry = past.popLast() else { return nil }
        future.append(Entry(snapshot: current, cell: entry.cell))
        return entry
    }

    mutating func redo(current: Snapshot) -> Entry? {
        guard let entry = future.popLast() else { return nil }
        past.append(Entry(snapshot: current, cell: entry.cell))
        return entry
    }
}

/// A command entered in the session and what became of it.
public struct Cell: Sendable, Hashable {
    public enum Status: String, Sendable, Hashable {
        case ok
        case failed
        case undone
    }

    public let input: String
    public internal(set) var status: Status
}
