import ModelFormats
import ValueStreams

/// The five-step identification framework as an interview (`guide`): each line the user
/// types is an answer; what they accept becomes ordinary commands, run and recorded as if
/// typed, so a saved session replays the result without the interview.
///
/// Answers are `|`-separated fields; an empty line goes on to the next step, `stop` ends
/// the interview.
struct Interview: Sendable, Equatable {
    enum Step: Int, Sendable, Equatable, CaseIterable {
        case segments, customerStreams, stages, supportingStreams, validation, dependencies
    }

    var step: Step = .segments
    /// The customer stream whose stages are asked for next.
    var stagesOf: String?

    /// The short name the prompt shows.
    var promptLabel: String {
        switch step {
        case .segments: return "guide 1/5 segments"
        case .customerStreams, .stages: return "guide 2/5 streams"
        case .supportingStreams: return "guide 3/5 supporting"
        case .validation: return "guide 4/5 validate"
        case .dependencies: return "guide 5/5 links"
        }
    }

    /// The question for the current step, with proposals from what the model holds.
    func question(_ model: Model) -> String {
        switch step {
        case .segments:
            let known = model.segments.map(\.name)
            return "Step 1 of 5: customer segments and what they expect.\n"
                + (known.isEmpty ? "" : "Known: \(known.joined(separator: ", ")).\n")
                + "Answer NAME | WHAT THEY EXPECT (e.g. Retail | an account in a day); an empty line goes on."
        case .customerStreams:
            let known = model.streams.filter { $0.kind == .customer }.map(\.id)
            return "Step 2 of 5: map each customer value stream from its trigger to the value the customer gets.\n"
                + (known.isEmpty ? "" : "Known: \(known.joined(separator: ", ")).\n")
                + "Answer ID | NAME | WHO TRIGGERS IT, AND HOW | THE VALUE THE CUSTOMER GETS; an empty line goes on."
        case .stages:
            return "The stages of \(stagesOf ?? "the stream"), in order: NAME | NAME | … (an empty line skips)."
        case .supportingStreams:
            let functions = Set(model.streams.filter { $0.kind == .customer }.flatMap(\.functions)).sorted()
            return "Step 3 of 5: the supporting streams that enable them (HR, IT, finance, compliance).\n"
                + (functions.isEmpty ? "" : "Functions in your customer stages, each may run one: \(functions.joined(separator: ", ")).\n")
                + "Answer ID | NAME; an empty line goes on."
        case .validation:
            let stakeholders = model.stakeholders.map(\.name)
            return "Step 4 of 5: validate the classification with stakeholders.\n"
                + (stakeholders.isEmpty ? "" : "Known stakeholders: \(stakeholders.joined(separator: ", ")).\n")
                + "Answer WHO | FUNCTION | STREAM | agree or disagree; an empty line goes on."
        case .dependencies:
            let unsupported = model.unsupportedStages().map { "\(model.streams[$0.stream].id)/\(model.streams[$0.stream].stages[$0.stage].name)" }
            return "Step 5 of 5: document dependencies and integration points.\n"
                + (unsupported.isEmpty ? "" : "Customer stages no supporting stream is linked to yet: \(unsupported.joined(separator: ", ")).\n")
                + "Answer SUPPORTING | STREAM/STAGE | capacity, latency or quality; an empty line ends the interview."
        }
    }

    /// After an accepted answer: the same question, in one line.
    func again() -> String {
        switch step {
        case .segments: return "Another segment (NAME | WHAT THEY EXPECT), or an empty line to go on."
        case .customerStreams: return "Another customer stream (ID | NAME | TRIGGER | VALUE), or an empty line to go on."
        case .stages: return question(Model(name: ""))
        case .supportingStreams: return "Another supporting stream (ID | NAME), or an empty line to go on."
        case .validation: return "Another sign-off (WHO | FUNCTION | STREAM | agree or disagree), or an empty line to go on."
        case .dependencies: return "Another link (SUPPORTING | STREAM/STAGE | EFFECT), or an empty line to end the interview."
        }
    }

    /// The commands an answer stands for, or a message saying what to type instead.
    func commands(for answer: String, in model: Model) -> Result<[String], UnitError> {
        let fields = answer.split(separator: "|", omittingEmptySubsequences: false).map { Substring($0).trimmingBlanksAndQuotes }
        func need(_ count: Int, _ form: String) -> String? {
            fields.count == count && fields.allSatisfy({ !$0.isEmpty }) ? nil : "answer \(form), with | between the parts"
        }
        switch step {
        case .segments:
            if let problem = need(2, "NAME | WHAT THEY EXPECT") { return .failure(UnitError(problem)) }
            return .success(["add segment \(Lexer.quoted(fields[0])) expects \(Lexer.quoted(fields[1]))"])
        case .customerStreams:
            if let problem = need(4, "ID | NAME | WHO TRIGGERS IT, AND HOW | THE VALUE THE CUSTOMER GETS") { return .failure(UnitError(problem)) }
            guard Model.isIdentifier(fields[0]) else { return .failure(UnitError("an ID is one word, e.g. open-account")) }
            return .success(["add stream \(fields[0]) \(Lexer.quoted(fields[1])) customer serves external trigger.by \(Lexer.quoted(fields[2])) trigger.external true value \(Lexer.quoted(fields[3]))"])
        case .stages:
            let names = fields.filter { !$0.isEmpty }
            guard let stream = stagesOf, !names.isEmpty else { return .failure(UnitError("answer NAME | NAME | …")) }
            return .success(names.map { "add stage \(stream) \(Lexer.quoted($0))" })
        case .supportingStreams:
            if let problem = need(2, "ID | NAME") { return .failure(UnitError(problem)) }
            guard Model.isIdentifier(fields[0]) else { return .failure(UnitError("an ID is one word, e.g. it-infra")) }
            return .success(["add stream \(fields[0]) \(Lexer.quoted(fields[1])) supporting serves internal trigger.external false"])
        case .validation:
            if let problem = need(4, "WHO | FUNCTION | STREAM | agree or disagree") { return .failure(UnitError(problem)) }
            var commands: [String] = []
            if !model.stakeholders.contains(where: { $0.name.caseInsensitiveEquals(fields[0]) }) {
                commands.append("add stakeholder \(Lexer.quoted(fields[0])) function \(Lexer.quoted(fields[1]))")
            }
            commands.append("validate \(Lexer.quoted(fields[2])) by \(Lexer.quoted(fields[0])) from \(Lexer.quoted(fields[1])) \(fields[3])")
            return .success(commands)
        case .dependencies:
            if let problem = need(3, "SUPPORTING | STREAM/STAGE | capacity, latency or quality") { return .failure(UnitError(problem)) }
            let target = Endpoint(parsing: fields[1])
            let to = target.stage.map { "\(target.stream)/\(Lexer.quoted($0))" } ?? target.stream
            return .success(["add link \(Lexer.quoted(fields[0])) -> \(to) effect \(fields[2])"])
        }
    }

    /// The step after an answer was accepted (streams ask for their stages next).
    mutating func accepted(_ answer: String) {
        switch step {
        case .customerStreams:
            stagesOf = answer.split(separator: "|").first.map { Substring($0).trimmingBlanksAndQuotes }
            step = .stages
        case .stages:
            step = .customerStreams
            stagesOf = nil
        default:
            break
        }
    }

    /// Moves on after an empty answer; false when the interview is over.
    mutating func next() -> Bool {
        switch step {
        case .segments: step = .customerStreams
        case .customerStreams: step = .supportingStreams
        case .stages: step = .customerStreams; stagesOf = nil
        case .supportingStreams: step = .validation
        case .validation: step = .dependencies
        case .dependencies: return false
        }
        return true
    }
}

extension Substring {
    /// Without blanks around it, nor a pair of quotes around the whole.
    var trimmingBlanksAndQuotes: String {
        let text = trimmingBlanks
        guard text.count >= 2, text.first == "\"", text.last == "\"" else { return text }
        return String(text.dropFirst().dropLast())
    }
}
