import Foundation
import ModelFormats

/// `save session`: the session as a replayable script (DESIGN §7).
extension Session {
    /// The recorded cells a saved session writes now, in script order.
    var scriptCells: [Int] {
        cells.indices.filter { cells[$0].status == .ok && cells[$0].recorded != nil }
            .sorted { (scriptOrder[$0] ?? $0, $0) < (scriptOrder[$1] ?? $1, $1) }
    }

    /// Whether a `save session` now would write something the last one did not.
    public var hasUnsavedWork: Bool { scriptCells != savedCells }

    mutating func saveSession(_ path: Operand, force: Bool, in source: Source) throws(LanguageError) -> Reply {
        let target = Self.resolve(path.text, in: source)
        try policy.checkWrite(target, typed: path)
        if !force, !writtenScripts.contains(target), FileManager.default.fileExists(atPath: target) {
            throw LanguageError("'\(path.text)' exists and this session did not write it; add --force to replace it, or choose another name",
                                at: path.span)
        }
        let folder = (target as NSString).deletingLastPathComponent
        let included = scriptCells
        let text = scriptText(of: included, in: folder)
        do {
            try AtomicFile.write(text, to: target)
        } catch {
            throw LanguageError(error.description, at: path.span)
        }
        writtenScripts.insert(target)
        savedCells = included
        let notes = included.filter { if case .note = cells[$0].recorded?.command { true } else { false } }.count
        let commands = included.count - notes
        return Reply(.message("Saved the session to \(path.text): \(commands) command\(commands == 1 ? "" : "s")"
                              + (notes > 0 ? " and \(notes) note\(notes == 1 ? "" : "s")" : "")
                              + ". vsw check \(path.text) replays it and compares the output.",
                              figures: [.init("path", .text(path.text)), .init("commands", .integer(commands)),
                                        .init("notes", .integer(notes))]))
    }

    /// The script: a header, the seed and date the session began with, then each cell.
    func scriptText(of included: [Int], in folder: String) -> String {
        var items: [SessionScript.Item] = []
        // A setting the session itself begins with needs no header line before it.
        let leading = included.prefix { index in
            switch cells[index].recorded?.command { case .setSeed?, .setToday?: true; default: false }
        }.compactMap { cells[$0].recorded?.command }
        let settings = [leading.contains { if case .setSeed = $0 { true } else { false } } ? nil : "set seed \(startSeed)",
                        leading.contains { if case .setToday = $0 { true } else { false } } ? nil : "set today \(startToday)"]
        // Run on a fresh session, so the lines carry exactly the output a replay gives.
        var fresh = Session()
        for setting in settings.compactMap({ $0 }) {
            let output = fresh.run(Source(name: .commandLine, text: setting, baseDirectory: folder))
                .compactMap { try? $0.get() }.map { Renderer.render($0.result, RenderOptions()) }
            items.append(.command(setting, output: output.joined(separator: "\n")))
        }
        for index in included {
            guard let recorded = cells[index].recorded else { continue }
            if case .note(let text) = recorded.command {
                items.append(.narrative(text.text))
                continue
            }
            var text = recorded.text
            var output = Renderer.render(recorded.result, RenderOptions())
            if let (words, path) = Self.pathOperand(of: recorded.command), !path.text.hasPrefix("/"), !path.text.hasPrefix("~") {
                let moved = ScriptPaths.relative(Self.resolve(path.text, against: recorded.baseDirectory), from: folder)
                if moved != path.text {
                    text = words + " " + Lexer.spelled(moved)
                    // The output names the path as typed; a replay names it as rewritten.
                    if let range = output.range(of: path.text) { output.replaceSubrange(range, with: moved) }
                }
            }
            items.append(.command(text, output: output))
        }
        return SessionScript.compose(header: "vsw \(WorkbenchVersion.current) session, saved \(today). "
                                         + "Replay it with vsw run FILE; vsw check FILE compares its output.", items: items)
    }

    /// The command's words and its path, for commands that take one (not `load demo`).
    static func pathOperand(of command: Command) -> (String, Operand)? {
        switch command {
        case .load(let path) where !(path.text == "demo" && !path.quoted): return ("load", path)
        case .saveModel(let path): return ("save model", path)
        default: return nil
        }
    }

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
