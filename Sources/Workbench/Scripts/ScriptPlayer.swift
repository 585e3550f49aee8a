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

    /// Runs `script` in the host's session under the replay policy for its folder: each
    /// narrative line and command in order, scripts it replays in turn. Stops at the first
    /// failure unless `keepGoing`.
    public mutating func play(_ script: SessionScript, workingDirectory: String, allowWrite: [String] = [],
                              step: Bool = false, keepGoing: Bool = false) -> Playback {
        play(script, workingDirectory: workingDirectory, allowWrite: allowWrite, step: step, keepGoing: keepGoing,
             enclosing: script.path.map { [$0] } ?? [], depth: 0)
    }

    private mutating func play(_ script: SessionScript, workingDirectory: String, allowWrite: [String], step: Bool,
                               keepGoing: Bool, enclosing: [String], depth: Int) -> Playback {
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
                                          enclosing: enclosing + [ReplayPolicy.location(request.path)], depth: depth + 1)
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
        let folder = String(path[..<(path.lastIndex(of: "/") ?? path.startIndex)])
        self.init(text: text, name: .file(ScriptPaths.display(path, in: workingDirectory)), baseDirectory: folder.isEmpty ? "/" : folder,
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
