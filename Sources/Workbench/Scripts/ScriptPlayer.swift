import Foundation
import ModelFormats

/// `replay PATH`: the script a command asked the caller to run, already read.
public struct ReplayRequest: Sendable, Hashable {
    /// The script's path, resolved.
    public let path: String
    public let text: String
    /// `--step`: wait for Enter before each command.
    public let step: Bool
    /// `--allow-write` folders, resolved.
    public let allowWrite: [String]
    /// Where the path was typed, for errors about the replay as a whole.
    let span: SourceSpan
}

/// Whoever plays a script: `vsw run` and `replay` print as they go, `vsw check` records.
/// `play` is the one loop over a script's entries; the host sees each step.
public protocol ScriptHost {
    var session: Session { get set }
    /// A `##` line, before the session records it. `depth` is 0 for the outermost script.
    mutating func narrative(_ text: String, depth: Int)
    /// The command about to run; false stops the replay (`q` at a `--step` prompt).
    mutating func willRun(_ source: Source, step: Bool, depth: Int) -> Bool
    /// What one of the line's commands gave.
    mutating func ran(_ outcome: Result<Reply, LanguageError>, from source: Source, depth: Int)
}

/// How a replay ended.
public struct Playback: Sendable, Hashable {
    /// Commands that failed (more than one only when kept going).
    public var failures = 0
    /// Stopped early: `q` at a step, or `quit` in the script.
    public var stopped = false
}

extension ScriptHost {
    /// Replays that may nest (a script replaying another), for a bound on input-driven work.
    public static var maximumDepth: Int { 8 }
    /// Commands one replay may run, those of the scripts it replays included: nesting
    /// multiplies, so depth alone does not bound the work.
    public static var maximumCommands: Int { 100_000 }

    /// Runs `script` in the host's session under the replay policy for its folder: each
    /// narrative line and command in order, scripts it replays in turn, at most
    /// `commandBudget` commands in all. Stops at the first failure unless `keepGoing`.
    public mutating func play(_ script: SessionScript, workingDirectory: String, allowWrite: [String] = [],
                              step: Bool = false, keepGoing: Bool = false, commandBudget: Int = maximumCommands) -> Playback {
        var remaining = commandBudget
        return play(script, workingDirectory: workingDirectory, allowWrite: allowWrite, step: step, keepGoing: keepGoing,
                    enclosing: script.path.map { [$0] } ?? [], depth: 0, remaining: &remaining)
    }

    /// Plays the script `reply` asks for (`replay PATH`), if it asks for one: a line at the
    /// prompt or from the journal, not inside a script (`play` handles those itself).
    public mutating func playRequest(of reply: Reply, workingDirectory: String, keepGoing: Bool = false) -> Playback? {
        guard let request = reply.replay else { return nil }
        return play(SessionScript(replaying: request, workingDirectory: workingDirectory), workingDirectory: workingDirectory,
                    allowWrite: request.allowWrite, step: request.step, keepGoing: keepGoing)
    }

    private mutating func play(_ script: SessionScript, workingDirectory: String, allowWrite: [String], step: Bool,
                               keepGoing: Bool, enclosing: [String], depth: Int, remaining: inout Int) -> Playback {
        let outer = session.policy
        session.policy = outer.narrowed(to: .replaying(scriptFolder: script.baseDirectory, workingDirectory: workingDirectory,
                                                       allowing: allowWrite))
        defer { session.policy = outer }
        var playback = Playback()
        for entry in script.entries {
            switch entry {
            case .narrative(let text, let source):
                narrative(text, depth: depth)
                _ = session.run(source)
            case .blank(let source, _) where session.interviewPrompt != nil, .command(let source, _):
                guard remaining > 0 else {
                    ran(.failure(LanguageError("this replay has run the most commands one may, the scripts it replays included "
                                               + "(\(Self.maximumCommands) unless said); nothing more runs")), from: source, depth: depth)
                    playback.failures += 1
                    return playback
                }
                remaining -= 1
                guard willRun(source, step: step, depth: depth) else {
                    playback.stopped = true
                    return playback
                }
                for var outcome in session.run(source) {
                    var nested: Playback?
                    if case .success(let reply) = outcome, let request = reply.replay {
                        if let refusal = Self.refusal(of: request, enclosing: enclosing, depth: depth) {
                            outcome = .failure(refusal)
                        } else {
                            ran(outcome, from: source, depth: depth)
                            nested = play(SessionScript(replaying: request, workingDirectory: workingDirectory), workingDirectory: workingDirectory, allowWrite: request.allowWrite,
                                          step: step || request.step, keepGoing: keepGoing,
                                          enclosing: enclosing + [ReplayPolicy.location(request.path)], depth: depth + 1,
                                          remaining: &remaining)
                        }
                    }
                    if let nested {
                        playback.failures += nested.failures
                        if nested.stopped { playback.stopped = true; return playback }
                        if nested.failures > 0, !keepGoing { return playback }
                        continue
                    }
                    ran(outcome, from: source, depth: depth)
                    switch outcome {
                    case .failure:
                        playback.failures += 1
                        if !keepGoing { return playback }
                    case .success(let reply) where reply.quits:
                        playback.stopped = true
                        return playback
                    case .success:
                        break
                    }
                }
            case .blank:
                continue
            }
        }
        return playback
    }

    /// Why a script may not replay `request` here: it is already being replayed, or replays
    /// nest too deep.
    private static func refusal(of request: ReplayRequest, enclosing: [String], depth: Int) -> LanguageError? {
        let location = ReplayPolicy.location(request.path)
        if enclosing.contains(location) {
            return LanguageError("this script is already being replayed; replaying it inside itself would never end", at: request.span)
        }
        if depth + 1 >= maximumDepth {
            return LanguageError("replays may nest \(maximumDepth) deep; this one would be deeper", at: request.span)
        }
        return nil
    }
}

extension SessionScript {
    /// The script a `replay` asked for, named for the person in `workingDirectory`.
    public init(replaying request: ReplayRequest, workingDirectory: String) {
        self.init(text: request.text, path: request.path, workingDirectory: workingDirectory)
    }

    /// The script at `path` (absolute), named for the person in `workingDirectory`.
    init(text: String, path: String, workingDirectory: String) {
        self.init(text: text, name: .file(ScriptPaths.display(path, in: workingDirectory)), baseDirectory: FileIO.folder(of: path),
                  path: ReplayPolicy.location(path))
    }

    /// Reads the script at `path` (relative to `workingDirectory`), refusing what is not a
    /// readable UTF-8 file of bounded size.
    public static func read(_ path: String, workingDirectory: String) throws(LanguageError) -> SessionScript {
        let target = Session.resolve(path, against: workingDirectory)
        let text = try Session.readScript(target, named: Operand(path, at: SourceSpan(lineOffset: 0, column: 1, length: 1)))
        return SessionScript(text: text, path: target, workingDirectory: workingDirectory)
    }
}

/// `replay PATH`: the session reads the script; the caller plays it.
extension Session {
    mutating func replay(_ path: Operand, step: Bool, allowWrite: [Operand], in source: Source) throws(LanguageError) -> Reply {
        let target = Self.resolve(path.text, in: source)
        let text = try Self.readScript(target, named: path)
        let folders = allowWrite.map { Self.resolve($0.text, in: source) }
        return Reply(.empty, replay: ReplayRequest(path: target, text: text, step: step, allowWrite: folders, span: path.span))
    }

    /// Reads a script file, refusing what is not a readable UTF-8 file of bounded size.
    static func readScript(_ target: String, named path: Operand) throws(LanguageError) -> String {
        let size = (try? FileManager.default.attributesOfItem(atPath: target)[.size] as? Int) ?? nil
        guard let size else { throw LanguageError("cannot read '\(path.text)': no such file", at: path.span) }
        guard size <= SessionScript.maximumBytes else {
            throw LanguageError("'\(path.text)' is \(size) bytes; a script may be at most \(SessionScript.maximumBytes)", at: path.span)
        }
        guard let data = FileManager.default.contents(atPath: target), let text = String(bytes: data, encoding: .utf8) else {
            throw LanguageError("cannot read '\(path.text)': not a readable UTF-8 text file", at: path.span)
        }
        return text
    }
}
