import Foundation
import FlowSimulation
import ModelFormats
import ValueStreams

/// The workbench's state and the one place commands run. A command works on a copy and
/// the session takes the copy only when it succeeds, so a failed command changes nothing.
public struct Session: Sendable {
    private(set) var snapshot = Snapshot()
    /// How results are drawn (`set output`).
    public private(set) var output: OutputMode
    /// The master seed of simulations (`set seed`, `--seed`).
    public private(set) var seed: UInt64
    /// Events one DES replication may process (`set budget`).
    public private(set) var eventBudget = DiscreteEventEngine.Settings().eventBudget
    /// The date `set today` gave; otherwise the session's start date is today.
    public private(set) var todayOverride: CalendarDate?
    /// Who `classify` records as the facilitator (`set facilitator`).
    public private(set) var facilitator: String?
    private var undoStack = UndoStack()
    /// The `guide` interview, while it runs: lines are answers.
    private var interview: Interview?
    /// Every command entered, in order.
    public private(set) var cells: [Cell] = []
    /// The recorded cells the last `save session` wrote, to tell whether work is unsaved.
    var savedCells: [Int] = []
    /// Scripts this session wrote, which it may write again without `--force`.
    var writtenScripts: Set<String> = []
    /// The seed and date the session started with, which a saved session sets first.
    let startSeed: UInt64
    let startToday: CalendarDate
    /// What a replayed script may do; a session typed or piped is unrestricted.
    public var policy = ReplayPolicy.unrestricted
    /// Threads the discrete-event engine may use (`VSW_WORKERS`); nil: one per core. The
    /// figures are the same whatever it is.
    public var workers: Int?
    /// Polled by long runs (the discrete-event engine): true stops them with what is done.
    public var shouldStop: @Sendable () -> Bool = { false }
    /// Told how a long run goes: what runs, and how many of its replications are done of how many.
    public var progress: @Sendable (String, Int, Int) -> Void = { _, _, _ in }

    /// A session with no model; its clock reads `today` (by default the real date, UTC)
    /// until `set today`, so a session that runs past midnight keeps its date.
    public init(output: OutputMode = .text, seed: UInt64 = 1, today: CalendarDate? = nil) {
        self.output = output
        self.seed = seed
        startSeed = seed
        startToday = today ?? Self.systemToday()
    }

    /// The model commands work on, if one is loaded.
    public var model: Model? { snapshot.model }
    /// Where the model came from: `demo`, a path, or `new model`.
    public var modelOrigin: String? { snapshot.origin }

    /// The session clock: `set today`, else the date the session started on.
    public var today: CalendarDate { todayOverride ?? startToday }

    static func systemToday() -> CalendarDate {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC") ?? .current
        let parts = calendar.dateComponents([.year, .month, .day], from: Date())
        return CalendarDate(year: parts.year ?? 1970, month: parts.month ?? 1, day: parts.day ?? 1)
    }

    /// What the prompt shows while `guide` runs (`guide 2/5 streams`), else nil.
    public var interviewPrompt: String? { interview?.promptLabel }

    /// The current scenario's name, or nil for the baseline (which the prompt does not show).
    public var scenarioName: String? {
        guard let name = snapshot.currentScenario?.name, name != Snapshot.baseline else { return nil }
        return name
    }

    /// The current scenario's name, the baseline's included.
    var currentScenarioName: String { snapshot.currentScenario?.name ?? Snapshot.baseline }

    /// The scenarios, in the order they were made.
    public var scenarios: [Scenario] { snapshot.scenarios }

    /// The model's short name for the prompt: its first word, lowercased (`northwind`).
    public var promptName: String? {
        guard let name = model?.name.split(separator: " ").first else { return nil }
        let short = name.lowercased().filter { $0.isLetter || $0.isNumber || $0 == "-" }
        return short.isEmpty ? nil : short
    }

    /// Parses and runs one logical line: each `;`-separated command in turn, stopping at the
    /// first that fails. A line that does not parse runs nothing.
    public mutating func run(_ source: Source) -> [Result<Reply, LanguageError>] {
        if let narrative = SessionScript.narrative(source.text) {
            let note = Operand(narrative, at: SourceSpan(lineOffset: 0, column: 1, length: max(1, source.text.count)), quoted: true)
            return [execute(.note(note), typed: source.text, in: source)]
        }
        if interview != nil { return answer(source) }
        let statements: [Statement]
        do throws(LanguageError) {
            statements = try Parser.parse(source)
            // Its commands run after the line's, so nothing may follow it there.
            if let replay = statements.dropLast().first(where: { if case .replay = $0.command { true } else { false } }) {
                throw LanguageError("replay runs after the rest of its line; put the commands after it on a line of their own",
                                    at: replay.span)
            }
        } catch {
            cells.append(Cell(input: source.text, status: .failed))
            return [.failure(error)]
        }
        var outcomes: [Result<Reply, LanguageError>] = []
        for statement in statements {
            let outcome = execute(statement, in: source)
            outcomes.append(outcome)
            guard case .success(let reply) = outcome, !reply.quits else { break }
        }
        return outcomes
    }

    /// One line of the `guide` interview: the commands an answer stands for run together on a
    /// copy, and the session takes the copy only if all succeed.
    private mutating func answer(_ source: Source) -> [Result<Reply, LanguageError>] {
        guard var interview, let model else { self.interview = nil; return [] }
        let text = source.text.trimmingCharacters(in: .whitespaces)
        if text.hasPrefix("#") { return [] }
        let whole = SourceSpan(lineOffset: 0, column: 1, length: max(1, source.text.prefix { $0 != "\n" }.count))
        if text.lowercased() == "stop" {
            cells.append(Cell(input: source.text, status: .interview))
            self.interview = nil
            return [.success(Reply(.message("The interview is over.")))]
        }
        if text.isEmpty {
            cells.append(Cell(input: source.text, status: .interview))
            guard interview.next() else {
                self.interview = nil
                return [.success(Reply(.message("The interview is over: streams, validate and deps show what it built.")))]
            }
            self.interview = interview
            return [.success(Reply(.message(interview.question(model))))]
        }
        let commands: [String]
        switch interview.commands(for: text, in: model) {
        case .failure(let problem):
            cells.append(Cell(input: source.text, status: .failed))
            return [.failure(LanguageError(problem.message, at: whole))]
        case .success(let generated):
            commands = generated
        }
        var next = self
        next.interview = nil
        next.cells.append(Cell(input: source.text, status: .interview))
        var outcomes: [Result<Reply, LanguageError>] = []
        for command in commands {
            let generated = Source(name: source.name, text: command, firstLine: source.firstLine, baseDirectory: source.baseDirectory)
            for outcome in next.run(generated) {
                guard case .success = outcome else {
                    cells.append(Cell(input: source.text, status: .failed))
                    return [.failure(LanguageError("this answer would run '\(command)', which fails; nothing changed", at: whole,
                                                   details: outcome.failureMessage.map { [$0] } ?? []))]
                }
                outcomes.append(outcome)
            }
        }
        interview.accepted(text)
        next.interview = interview
        self = next
        let echoed = commands.map { "+ \($0)" }.joined(separator: "\n")
        return [.success(Reply(.message(echoed + "\n" + interview.again())))]
    }

    /// Runs one command against a copy of the state; commits the copy on success. Either
    /// way the command becomes a history cell.
    public mutating func execute(_ statement: Statement, in source: Source) -> Result<Reply, LanguageError> {
        var next = self
        let before = snapshot
        let cell = cells.count
        do {
            let reply = try next.perform(statement.command, in: source)
            // Consumed, so the undo stack and the cells are not shared (and copied) on append.
            self = consume next
            if statement.command.isUndoable { undoStack.record(before: before, cell: cell) }
            let recorded = !reply.interrupted
                ? Cell.Recorded(command: statement.command, text: statement.text, result: reply.result,
                                baseDirectory: source.baseDirectory, scenario: currentScenarioName)
                : nil
            // The interview is not replayed: the commands its answers make are.
            let status: Cell.Status = reply.interrupted ? .stopped : statement.command == .guide ? .interview : .ok
            cells.append(Cell(input: statement.text, status: status, recorded: recorded))
            return .success(reply)
        } catch {
            cells.append(Cell(input: statement.text, status: .failed))
            // An error about the whole command points at the command, not the whole line.
            return .failure(error.span == nil ? LanguageError(error.message, at: statement.span, details: error.details) : error)
        }
    }

    /// Runs a command built by the caller (`--model`), typed as `text`.
    public mutating func execute(_ command: Command, typed text: String, in source: Source) -> Result<Reply, LanguageError> {
        execute(Statement(command: command, span: SourceSpan(lineOffset: 0, column: 1, length: max(1, text.count)), text: text),
                in: source)
    }

    private mutating func perform(_ command: Command, in source: Source) throws(LanguageError) -> Reply {
        switch command {
        case .load(let path): return try load(path, in: source)
        case .streams: return Reply(.table(StreamViews.list(try requireModel())))
        case .show(let name): return Reply(try StreamViews.show(name, in: try requireModel()))
        case .stages(let name): return Reply(.table(try StreamViews.stages(name, in: try requireModel())))
        case .deps(let name): return Reply(.table(try LinkViews.deps(name, in: try requireModel())))
        case .map(let name): return Reply(try MapView.map(name, in: try requireModel()))
        case .capabilities: return Reply(.table(CapabilityViews.list(try requireModel())))
        case .heatmap: return Reply(HeatmapView.heatmap(try requireModel(), today: today))
        case .saveModel(let path): return try saveModel(path, in: source)
        case .newModel(let name):
            snapshot = Snapshot(model: Model(name: name.text), origin: "new model")
            return Reply(.message("New model \(name.text): no streams yet; add one with add stream."))
        case .add(let addition, let fields): return try edit { model throws(LanguageError) in try ModelEditor.add(addition, fields, to: &model) }
        case .set(let target, let value): return try edit { model throws(LanguageError) in try ModelEditor.set(target, to: value, in: &model) }
        case .remove(let target): return try edit { model throws(LanguageError) in try ModelEditor.remove(target, from: &model) }
        case .removeLink(let name): return try edit { model throws(LanguageError) in try ModelEditor.removeLink(name, from: &model) }
        case .undo: return try undo()
        case .redo: return try redo()
        case .history: return Reply(.table(HistoryView.table(cells)))
        case .setOutput(let mode):
            output = try mode.read { text throws(UnitError) in try FieldValue.choice(text, "an output mode") }
            return Reply(.message("Output is \(output.rawValue) from now on."))
        case .setSeed(let text):
            guard let value = UInt64(text.text) else {
                throw LanguageError("'\(text.text)' is not a seed; write a whole number from 0 to \(UInt64.max)", at: text.span)
            }
            seed = value
            return Reply(.message("Seed is \(value)."))
        case .setBudget(let text):
            guard let value = Int(text.text), value >= 1 else {
                throw LanguageError("'\(text.text)' is not an event budget; write a whole number from 1, e.g. 100000000", at: text.span)
            }
            if let cap = policy.maximumEventBudget, value > cap {
                throw LanguageError("a replayed script may not raise the event budget above \(cap)", at: text.span)
            }
            eventBudget = value
            return Reply(.message("A DES replication may process \(value) events."))
        case .setToday(let text):
            todayOverride = try text.read { text throws(UnitError) in try CalendarDate(parsing: text) }
            return Reply(.message("Today is \(today) for this session."))
        case .setFacilitator(let name):
            facilitator = name.text
            return Reply(.message("Facilitator is \(name.text)."))
        case .test(let name): return Reply(try ClassificationViews.test(name, in: try requireModel()))
        case .review(let only): return Reply(try ClassificationViews.review(only: only, in: try requireModel(), today: today))
        case .recommend(let name): return Reply(try ClassificationViews.recommend(name, in: try requireModel()))
        case .classify(let stream, let kind, let because):
            let (today, facilitator) = (self.today, self.facilitator)
            return try edit { model throws(LanguageError) in
                try ModelEditor.classify(stream, as: kind, because: because, by: facilitator, on: today, in: &model)
            }
        case .validate(let stream, let who, let function, let verdict, let note):
            let today = self.today
            return try edit { model throws(LanguageError) in
                try ModelEditor.validate(stream, by: who, from: function, verdict: verdict, note: note, on: today, in: &model)
            }
        case .scenarioNew(let name, let from):
            _ = try requireModel()
            let source = try from.map { (from: Operand) throws(LanguageError) in try scenarioIndex(from) } ?? snapshot.current
            try checkNewScenarioName(name)
            snapshot.add(name.text, from: source)
            return Reply(.message("Scenario \(name.text) made from \(snapshot.scenarios[source].name); it is current."))
        case .scenarioUse(let name):
            snapshot.use(try scenarioIndex(name))
            return Reply(.message("Scenario \(snapshot.scenarios[snapshot.current].name) is current."))
        case .scenarioList:
            _ = try requireModel()
            return Reply(.table(ScenarioViews.list(snapshot.scenarios, current: snapshot.current)))
        case .scenarioDrop(let name):
            let index = try scenarioIndex(name)
            guard snapshot.scenarios[index].name != Snapshot.baseline else {
                throw LanguageError("the baseline cannot be dropped", at: name.span)
            }
            snapshot.drop(index)
            return Reply(.message("Dropped scenario \(name.text); \(snapshot.scenarios[snapshot.current].name) is current."))
        case .whatifReclassify(let stream, let kind, let named):
            let before = try requireModel()
            let resolved = try StreamViews.resolve(stream, in: before)
            let name = named ?? Operand("\(resolved.id)-as-\(kind.text.lowercased())", at: stream.span)
            try checkNewScenarioName(name)
            var after = before
            let (today, facilitator) = (self.today, self.facilitator)
            _ = try ModelEditor.classify(stream, as: kind, because: Operand("what-if", at: kind.span), by: facilitator, on: today, in: &after)
            let parent = snapshot.current
            snapshot.add(name.text, from: parent)
            snapshot.model = after
            let comparison = ModelComparison(before, after, today: today)
            return Reply(ScenarioViews.consequences(comparison, from: snapshot.scenarios[parent].name, to: name.text))
        case .compare(let first, let second):
            let a = snapshot.scenarios[try scenarioIndex(first)]
            let b = snapshot.scenarios[try scenarioIndex(second)]
            return Reply(ScenarioViews.compare(ModelComparison(a.model, b.model, today: today), a.name, b.name,
                                               simulated: ScenarioViews.simulated(a, b)))
        case .degrade(let stream, let field, let change, let value, let from, let length):
            var degradations = snapshot.degradations
            let message = try Degrading.degrade(stream, field, change, value, from: from, length: length,
                                                in: try requireModel(), into: &degradations)
            snapshot.degradations = degradations
            return Reply(.message(message))
        case .restore(let stream):
            var degradations = snapshot.degradations
            let message = try Degrading.restore(stream, in: try requireModel(), from: &degradations)
            snapshot.degradations = degradations
            return Reply(.message(message))
        case .degradations:
            _ = try requireModel()
            return Reply(.table(Degrading.table(snapshot.degradations)))
        case .simulate(let engine, let stream, let options):
            let model = try requireModel()
            switch try EngineChoice(engine, options: options, seed: seed, budget: eventBudget, workers: workers) {
            case .analytic:
                let run = try SimulationViews.run(stream, in: model, degradations: snapshot.degradations)
                return Reply(SimulationViews.simulate(run, in: model, scenario: currentScenarioName), warnings: SimulationViews.warnings(run))
            case .discreteEvent(let settings):
                try SimulationViews.refuseWindowsPastHorizon(snapshot.degradations, settings: settings,
                                                             horizon: options.first { $0.key.text.lowercased() == "horizon" }?.value)
                let run = try SimulationViews.runEvents(stream, in: model, degradations: snapshot.degradations, settings: settings,
                                                        shouldStop: shouldStop, progress: progress)
                return Reply(SimulationViews.simulate(run, in: model, scenario: currentScenarioName), warnings: SimulationViews.warnings(run),
                             interrupted: run.cancelled)
            }
        case .impact(let target, why: true):
            return Reply(try AnalysisViews.why(target, in: try requireModel(), degradations: snapshot.degradations, scenario: currentScenarioName))
        case .impact(let stream, why: false):
            let model = try requireModel()
            let run = try SimulationViews.run(stream, in: model, degradations: snapshot.degradations)
            return Reply(SimulationViews.impact(run, in: model, scenario: currentScenarioName, named: stream != nil),
                         warnings: SimulationViews.warnings(run))
        case .bottlenecks:
            return Reply(AnalysisViews.bottlenecks(in: try requireModel(), degradations: snapshot.degradations))
        case .prioritise(let budget):
            return Reply(try AnalysisViews.prioritise(budget: budget, in: try requireModel(), degradations: snapshot.degradations))
        case .sensitivity(let step, let field):
            return Reply(try AnalysisViews.sensitivity(by: step, field: field, in: try requireModel(), degradations: snapshot.degradations))
        case .breakpoint(let stream, let field, let customer):
            return Reply(try AnalysisViews.breakpoint(stream, field: field, customer: customer, in: try requireModel(),
                                                      degradations: snapshot.degradations))
        case .guide:
            let model = try requireModel()
            let interview = Interview()
            self.interview = interview
            return Reply(.message("The identification interview, in five steps; type stop to end it.\n" + interview.question(model)))
        case .help(let topic): return Reply(try HelpText.render(topic))
        case .quit: return Reply(.empty, quits: true)
        case .note: return Reply(.empty)
        case .saveSession(let path, let force): return try saveSession(path, force: force, in: source)
        case .replay(let path, let step, let allowWrite): return try replay(path, step: step, allowWrite: allowWrite, in: source)
        case .exportNotebook(let path, let force): return try exportNotebook(path, force: force, in: source)
        }
    }

    private func scenarioIndex(_ name: Operand) throws(LanguageError) -> Int {
        _ = try requireModel()
        guard let index = snapshot.index(of: name.text) else {
            let near = NameSuggestions.didYouMean(name.text, among: snapshot.scenarios.map(\.name))
            throw LanguageError("no scenario '\(name.text)'\(near.isEmpty ? "; scenario list shows them" : near)", at: name.span)
        }
        return index
    }

    private func checkNewScenarioName(_ name: Operand) throws(LanguageError) {
        guard Model.isIdentifier(name.text) else {
            throw LanguageError("a scenario name is one word of letters, digits and - _ . ~ :, e.g. desk-supports", at: name.span)
        }
        if snapshot.index(of: name.text) != nil {
            throw LanguageError("there is already a scenario '\(name.text)'; choose another name, or scenario use it", at: name.span)
        }
    }

    func requireModel() throws(LanguageError) -> Model {
        guard let model else {
            throw LanguageError("no model loaded; load one first, e.g. load demo")
        }
        return model
    }

    /// Applies an edit to a copy of the model, then checks the whole model: errors refuse
    /// the edit, warnings come with the reply.
    private mutating func edit(_ change: (inout Model) throws(LanguageError) -> Edit) throws(LanguageError) -> Reply {
        var model = try requireModel()
        let edit = try change(&model)
        let issues = model.validate()
        let errors = issues.filter { $0.severity == .error }
        if !errors.isEmpty {
            throw LanguageError("the change would leave the model invalid, so nothing changed", at: edit.span,
                                details: errors.map(\.description))
        }
        // Only new warnings are news; the old model is checked again only when there are any.
        var warnings = issues.filter { $0.severity == .warning }
        if !warnings.isEmpty {
            let before = Set(try requireModel().validate().filter { $0.severity == .warning })
            warnings.removeAll { before.contains($0) }
        }
        snapshot.model = model
        return Reply(.message(edit.message), warnings: warnings.map(\.description))
    }

    private mutating func undo() throws(LanguageError) -> Reply {
        guard let entry = undoStack.undo(current: snapshot) else { throw LanguageError("nothing to undo") }
        snapshot = snapshot.keepingCurrent(snapshot.currentScenario?.name, in: entry.snapshot)
        cells[entry.cell].status = .undone
        // What was shown with the change goes with it: replayed without it, it would say
        // something else. (Later changes were undone before this one.)
        leaveOutViews(since: entry.cell)
        return Reply(.message("Undid: \(cells[entry.cell].input)\(scenarioNote(of: entry))"))
    }

    private mutating func redo() throws(LanguageError) -> Reply {
        guard let entry = undoStack.redo(current: snapshot) else { throw LanguageError("nothing to redo") }
        snapshot = snapshot.keepingCurrent(snapshot.currentScenario?.name, in: entry.snapshot)
        cells[entry.cell].status = .ok
        // The change replays where it was first made; what was shown without it goes.
        leaveOutViews(since: entry.cell)
        return Reply(.message("Redid: \(cells[entry.cell].input)\(scenarioNote(of: entry))"))
    }

    /// Leaves out of a saved session what was shown, after `cell`, of the scenario that cell
    /// changed, or across scenarios (`compare`, `scenario list`): it showed a state that a
    /// replay, with `cell` undone or redone, does not reach.
    private mutating func leaveOutViews(since cell: Int) {
        let changed = cells[cell].recorded?.scenario
        for index in cells.indices.dropFirst(cell + 1) where cells[index].status == .ok {
            guard let recorded = cells[index].recorded, recorded.command.isRecorded, recorded.command.readsModel else { continue }
            if recorded.scenario == changed || recorded.command.readsEveryScenario { cells[index].status = .undone }
        }
    }

    /// ` (in scenario X)` when the change undone or redone was made in another scenario.
    private func scenarioNote(of entry: UndoStack.Entry) -> String {
        guard let made = entry.scenario, made != snapshot.currentScenario?.name else { return "" }
        return " (in scenario \(made); \(snapshot.currentScenario?.name ?? Snapshot.baseline) is still current)"
    }

    /// A path typed in a command, resolved against the source's folder.
    static func resolve(_ path: String, in source: Source) -> String {
        resolve(path, against: source.baseDirectory)
    }

    /// `path` with `~` expanded, and relative to `base` unless it is absolute.
    public static func resolve(_ path: String, against base: String) -> String {
        let expanded = (path as NSString).expandingTildeInPath
        if expanded.hasPrefix("/") || base.isEmpty { return expanded }
        return base.hasSuffix("/") ? base + expanded : base + "/" + expanded
    }

    private mutating func load(_ path: Operand, in source: Source) throws(LanguageError) -> Reply {
        let loaded: LoadedModel
        if path.text == "demo", !path.quoted {
            switch ModelFiles.demo() {
            case .success(let demo): loaded = demo
            case .failure(let error):
                throw LanguageError("the built-in demo does not load (a bug; please report it)", at: path.span,
                                    details: error.diagnostics.map(\.description))
            }
        } else {
            switch ModelFiles.read(path: Self.resolve(path.text, in: source), name: path.text) {
            case .success(let model): loaded = model
            case .failure(.invalid(let error)):
                let count = error.errors.count
                throw LanguageError("'\(path.text)' has \(count) error\(count == 1 ? "" : "s"); the model was not loaded",
                                    at: path.span, details: error.diagnostics.map(\.description))
            case .failure(let error):
                throw LanguageError(error.description, at: path.span)
            }
        }
        snapshot = Snapshot(model: loaded.model, origin: path.text)
        return Reply(StreamViews.loadSummary(loaded.model, from: path.text, warnings: loaded.warnings.count),
                     warnings: loaded.warnings.map(\.description))
    }

    private func saveModel(_ path: Operand, in source: Source) throws(LanguageError) -> Reply {
        let model = try requireModel()
        let target = Self.resolve(path.text, in: source)
        try policy.checkWrite(target, typed: path)
        switch ModelFiles.save(model, to: target) {
        case .success(let report):
            var message = "Saved \(model.name) to \(path.text)."
            if report.backup != nil {
                message += " The old file had comments, which a save cannot keep: it is kept as \(path.text).bak."
            }
            return Reply(.message(message, figures: [.init("path", .text(path.text)), .init("backup", .optional(report.backup.map { _ in path.text + ".bak" }))]))
        case .failure(let error):
            throw LanguageError(error.description, at: path.span)
        }
    }
}

extension Result where Failure == LanguageError {
    /// The error's message, if this is one.
    var failureMessage: String? {
        if case .failure(let error) = self { return ([error.message] + error.details).joined(separator: "\n") }
        return nil
    }
}

/// What an edit did, for its confirmation, and where to point if the model refuses it.
struct Edit {
    let message: String
    let span: SourceSpan
}
