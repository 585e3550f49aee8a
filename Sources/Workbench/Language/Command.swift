import ValueStreams

/// A value typed in a command, with the place it was typed, so errors can point at it.
public struct Operand: Sendable, Hashable {
    public let text: String
    public let span: SourceSpan
    /// Whether it was typed in quotes: a quoted `"none"` is text, a bare `none` clears.
    public let quoted: Bool

    public init(_ text: String, at span: SourceSpan, quoted: Bool = false) {
        self.text = text
        self.span = span
        self.quoted = quoted
    }

    /// Whether this is the bare word `none`, which clears a field.
    var isNone: Bool { !quoted && text.lowercased() == "none" }

    /// The operand's text read by `read` (a unit, a choice, a date); its error points here.
    func read<Value>(_ read: (String) throws(UnitError) -> Value) throws(LanguageError) -> Value {
        do {
            return try read(text)
        } catch {
            throw LanguageError(error.message, at: span)
        }
    }
}

/// `KEY VALUE` in `add` commands: a model-file key (dotted for nested fields) and its value.
public struct Assignment: Sendable, Hashable {
    public let key: Operand
    public let value: Operand

    public init(_ key: Operand, _ value: Operand) {
        self.key = key
        self.value = value
    }
}

/// What `add` adds.
public enum Addition: Sendable, Hashable {
    /// `add stream ID "NAME" KIND [KEY VALUE…]`
    case stream(id: Operand, name: Operand, kind: Operand)
    /// `add stage X "NAME" [after STAGE] [KEY VALUE…]`
    case stage(stream: Operand, name: Operand, after: Operand?)
    /// `add link S[/STAGE] -> T[/STAGE] effect E [strength N] [sla KEY VALUE…] [id ID] [description "…"]`
    case link(from: Operand, to: Operand)
    /// `add segment "NAME" [expects "…"]`
    case segment(name: Operand)
    /// `add stakeholder "NAME" [function F]`
    case stakeholder(name: Operand)
    /// `add capability ID "NAME" [parent P] [assessment N]`
    case capability(id: Operand, name: Operand)
    /// `add metric X "NAME" CATEGORY [KEY VALUE…]`
    case metric(stream: Operand, name: Operand, category: Operand)
}

/// A parsed command: the AST the session executes.
public enum Command: Sendable, Hashable {
    case load(Operand)
    case streams
    case show(Operand)
    case stages(Operand)
    case deps(Operand?)
    case map(Operand)
    case capabilities
    case saveModel(Operand)
    case newModel(Operand)
    case add(Addition, [Assignment])
    /// `set TARGET.FIELD = VALUE`
    case set(target: Operand, value: Operand)
    /// `remove X|X/STAGE`
    case remove(Operand)
    /// `remove link NAME`
    case removeLink(Operand)
    case undo
    case redo
    case history
    case setOutput(Operand)
    case setSeed(Operand)
    /// `set budget N`: events a DES replication may process.
    case setBudget(Operand)
    case setToday(Operand)
    case setFacilitator(Operand)
    /// `test X|all`
    case test(Operand)
    /// `classify X as KIND [because "…"]`
    case classify(stream: Operand, kind: Operand, because: Operand?)
    /// `validate X by "WHO" [from FUNCTION] agree|disagree ["note"]`
    case validate(stream: Operand, by: Operand, function: Operand?, verdict: Operand, note: Operand?)
    /// `review [--only CODE]`
    case review(only: Operand?)
    /// `recommend [X]`
    case recommend(Operand?)
    /// `scenario new NAME [from NAME]`
    case scenarioNew(name: Operand, from: Operand?)
    case scenarioUse(Operand)
    case scenarioList
    case scenarioDrop(Operand)
    /// `whatif reclassify X as KIND [named NAME]`
    case whatifReclassify(stream: Operand, kind: Operand, named: Operand?)
    /// `compare A B`
    case compare(Operand, Operand)
    case heatmap
    /// `guide`: the five-step identification interview.
    case guide
    /// `degrade S FIELD to|by V [from T for D]`
    case degrade(stream: Operand, field: Operand, change: Operand, value: Operand, from: Operand?, length: Operand?)
    /// `restore S|all`
    case restore(Operand)
    case degradations
    /// `simulate [engine analytic|des] [runs N] [horizon T] [warmup T] [seed N] [stream X]`
    case simulate(engine: Operand?, stream: Operand?, options: [Assignment])
    /// `impact [X[.METRIC]] [why]`
    case impact(Operand?, why: Bool)
    case bottlenecks
    /// `prioritise [budget B]`
    case prioritise(budget: Operand?)
    /// `sensitivity [by P] [field F]`
    case sensitivity(by: Operand?, field: Operand?)
    /// `breakpoint S [field F] [for X]`
    case breakpoint(stream: Operand, field: Operand?, customer: Operand?)
    case help(topic: Operand?)
    case quit
    /// `note "…"` (or a line `## …`): narrative, saved as `##` lines.
    case note(Operand)
    /// `save session PATH [--force]`
    case saveSession(Operand, force: Bool)
    /// `replay PATH [--step] [--allow-write DIR]…`
    case replay(Operand, step: Bool, allowWrite: [Operand])
    /// `export notebook PATH.md|PATH.html [--force]`
    case exportNotebook(Operand, force: Bool)

    /// Whether the command changes the model, and so goes on the undo stack.
    var isUndoable: Bool {
        switch self {
        case .load, .newModel, .add, .set, .remove, .removeLink, .classify, .validate, .scenarioNew, .scenarioDrop,
             .whatifReclassify, .degrade, .restore: return true
        default: return false
        }
    }

    /// Whether a saved session writes the command: not the commands about the session's own
    /// record (`history`, `undo`, `redo`, `save session`), nor `replay` (the commands it ran
    /// are cells of their own), `guide` (its answers' commands are) or `quit`.
    var isRecorded: Bool {
        switch self {
        case .history, .undo, .redo, .saveSession, .replay, .guide, .quit: return false
        default: return true
        }
    }

    /// Whether the command writes a file (which a replay does again, under its policy).
    var writes: Bool {
        switch self {
        case .saveModel, .exportNotebook, .saveSession: return true
        default: return false
        }
    }

    /// Whether the command shows more than the current scenario.
    var readsEveryScenario: Bool {
        switch self {
        case .compare, .scenarioList: return true
        default: return false
        }
    }

    /// Whether what the command shows or writes depends on the model, so undoing an earlier
    /// change leaves it out of a saved session too: replayed without the change, it would
    /// say something else. Settings, notes and help stand on their own.
    var readsModel: Bool {
        switch self {
        case .setOutput, .setSeed, .setBudget, .setToday, .setFacilitator, .scenarioUse, .note, .help: return false
        default: return !isUndoable
        }
    }
}

/// A command with where it sits in its source and the text it was typed as.
public struct Statement: Sendable, Hashable {
    public let command: Command
    /// The command from its first token, as far as its first line goes.
    public internal(set) var span: SourceSpan
    /// The command as typed, from its first token to its last.
    public let text: String
}
