import ValueStreams

/// A named copy of the model: `baseline`, and the what-ifs made from it.
public struct Scenario: Sendable, Equatable {
    public let name: String
    public var model: Model
    /// The scenario it was made from; nil for the baseline.
    public let parent: String?
    /// The supporting streams' trouble in this scenario (`degrade`), one per stream and field.
    public var degradations: [Degradation] = []
}

/// What undo restores: the scenarios, which one is current, and where the model came from.
/// Value semantics make a snapshot a copy that shares storage with the live models until
/// either changes.
struct Snapshot: Sendable, Equatable {
    static let baseline = "baseline"

    private(set) var scenarios: [Scenario] = []
    private(set) var current = 0
    var origin: String?

    init() {}

    /// A freshly loaded or new model: its baseline only.
    init(model: Model, origin: String) {
        scenarios = [Scenario(name: Self.baseline, model: model, parent: nil)]
        self.origin = origin
    }

    /// The current scenario's model; setting it changes that scenario only.
    var model: Model? {
        get { scenarios.isEmpty ? nil : scenarios[current].model }
        set {
            guard let newValue, !scenarios.isEmpty else { return }
            scenarios[current].model = newValue
        }
    }

    var currentScenario: Scenario? { scenarios.isEmpty ? nil : scenarios[current] }

    /// The current scenario's degradations; setting them changes that scenario only.
    var degradations: [Degradation] {
        get { scenarios.isEmpty ? [] : scenarios[current].degradations }
        set { if !scenarios.isEmpty { scenarios[current].degradations = newValue } }
    }

    func index(of name: String) -> Int? {
        scenarios.firstIndex { $0.name.caseInsensitiveEquals(name) }
    }

    /// Adds a scenario copied from `source` and makes it current.
    mutating func add(_ name: String, from source: Int) {
        scenarios.append(Scenario(name: name, model: scenarios[source].model, parent: scenarios[source].name,
                                  degradations: scenarios[source].degradations))
        current = scenarios.count - 1
    }

    mutating func use(_ index: Int) { current = index }

    /// `restored`, but still in the scenario named `name` when it has one: undo and redo
    /// change models, never which scenario is current.
    func keepingCurrent(_ name: String?, in restored: Snapshot) -> Snapshot {
        var snapshot = restored
        if let name, let index = restored.index(of: name) { snapshot.current = index }
        return snapshot
    }

    /// Drops a scenario other than the baseline; dropping the current one goes to its parent.
    mutating func drop(_ index: Int) {
        let currentName = scenarios[current].name
        let parent = scenarios[index].parent ?? Self.baseline
        scenarios.remove(at: index)
        current = self.index(of: currentName) ?? self.index(of: parent) ?? 0
    }
}

/// One stack for the session: each change keeps the state before it; undo swaps it back and
/// keeps the undone state for redo. A new change forgets what could be redone.
struct UndoStack: Sendable {
    struct Entry: Sendable {
        /// The state to restore.
        let snapshot: Snapshot
        /// The history cell of the command that made the change.
        let cell: Int
        /// The scenario that was current when the change was made.
        let scenario: String?
    }

    /// Bounded so a long session's memory stays bounded.
    static let limit = 500

    private(set) var past: [Entry] = []
    private(set) var future: [Entry] = []

    mutating func record(before snapshot: Snapshot, cell: Int) {
        past.append(Entry(snapshot: snapshot, cell: cell, scenario: snapshot.currentScenario?.name))
        if past.count > Self.limit { past.removeFirst(past.count - Self.limit) }
        future.removeAll()
    }

    /// The entry to go back to, given the current state to keep for redo.
    mutating func undo(current: Snapshot) -> Entry? {
        guard let entry = past.popLast() else { return nil }
        future.append(Entry(snapshot: current, cell: entry.cell, scenario: entry.scenario))
        return entry
    }

    mutating func redo(current: Snapshot) -> Entry? {
        guard let entry = future.popLast() else { return nil }
        past.append(Entry(snapshot: current, cell: entry.cell, scenario: entry.scenario))
        return entry
    }
}
