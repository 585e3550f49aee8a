import Foundation
import ModelFormats

/// `save session`: the session as a replayable script (DESIGN §7).
extension Session {
    /// The recorded cells a saved session writes now, in order.
    var scriptCells: [Int] {
        cells.indices.filter { cells[$0].status == .ok && cells[$0].recorded?.command.isRecorded == true }
    }

    /// Whether a `save session` now would write something the last one did not.
    public var hasUnsavedWork: Bool { scriptCells != savedCells }

    mutating func saveSession(_ path: Operand, force: Bool, in source: Source) throws(LanguageError) -> Reply {
        let target = Self.resolve(path.text, in: source)
        let location = ReplayPolicy.location(target)
        let included = scriptCells
        if policy.restoring {
            // The session wrote it before it ended; restoring it only notes that it did.
            writtenScripts.insert(location)
            savedCells = included
            return Reply(.message("The session saved \(path.text) here; it is not written again."))
        }
        try policy.checkWrite(target, typed: path)
        if !force, !writtenScripts.contains(location), FileManager.default.fileExists(atPath: target) {
            throw LanguageError("'\(path.text)' exists and this session did not write it; add --force to replace it, or choose another name",
                                at: path.span)
        }
        let folder = FileIO.folder(of: target)
        let text = scriptText(of: included, in: folder)
        do {
            try AtomicFile.write(text, to: target)
        } catch {
            throw LanguageError(error.description, at: path.span)
        }
        writtenScripts.insert(location)
        savedCells = included
        let outside = writesOutsideReplay(of: included, in: folder, workingDirectory: source.baseDirectory)
        let warnings = outside.isEmpty ? [] : ["warning: replayed, the script writes outside its folder and sessions/ ("
            + outside.joined(separator: "; ") + "); vsw run and vsw check need --allow-write DIR for that"]
        let notes = included.filter { if case .note = cells[$0].recorded?.command { true } else { false } }.count
        let commands = included.count - notes
        return Reply(.message("Saved the session to \(path.text): \(commands) command\(commands == 1 ? "" : "s")"
                              + (notes > 0 ? " and \(notes) note\(notes == 1 ? "" : "s")" : "")
                              + ". vsw check \(path.text) replays it and compares the output.",
                              figures: [.init("path", .text(path.text)), .init("commands", .integer(commands)),
                                        .init("notes", .integer(notes))]), warnings: warnings)
    }

    /// The recorded writes a replay of a script in `folder` would refuse (it writes only under
    /// the script's folder and sessions/), as the script spells them.
    func writesOutsideReplay(of included: [Int], in folder: String, workingDirectory: String) -> [String] {
        let replayed = ReplayPolicy.replaying(scriptFolder: folder, workingDirectory: workingDirectory, allowing: [])
        return included.compactMap { index -> String? in
            guard let recorded = cells[index].recorded, recorded.command.writes,
                  let (_, written) = Self.pathOperand(of: recorded.command) else { return nil }
            do {
                try replayed.checkWrite(Self.resolve(written.text, against: recorded.baseDirectory), typed: written)
                return nil
            } catch {
                return Self.scriptLine(of: recorded, in: folder).text
            }
        }
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
            let (text, output) = Self.scriptLine(of: recorded, in: folder)
            items.append(.command(text, output: output))
        }
        return SessionScript.compose(header: "vsw \(WorkbenchVersion.current) session, saved \(today). "
                                         + "Replay it with vsw run FILE; vsw check FILE compares its output.", items: items)
    }

    /// A recorded command as a script in `folder` writes it, with its output: a relative
    /// path is rewritten against the folder, and so is the output that names it.
    static func scriptLine(of recorded: Cell.Recorded, in folder: String) -> (text: String, output: String) {
        let output = Renderer.render(recorded.result, RenderOptions())
        guard let (words, path) = pathOperand(of: recorded.command), !path.text.hasPrefix("/"), !path.text.hasPrefix("~") else {
            return (recorded.text, output)
        }
        let moved = ScriptPaths.relative(resolve(path.text, against: recorded.baseDirectory), from: folder)
        guard moved != path.text else { return (recorded.text, output) }
        return (words + " " + Lexer.spelled(moved), renaming(path.text, to: moved, in: output))
    }

    /// `text` with the path `old` named as `new` where it stands as a word of its own
    /// (after a space, before `:`, `.`, a space or the end), as a message names a path.
    static func renaming(_ old: String, to new: String, in text: String) -> String {
        var result = ""
        var rest = Substring(text)
        while let range = rest.range(of: " " + old) {
            let after = rest[range.upperBound...].first
            result += rest[..<range.lowerBound]
            result += after == nil || [":", ".", " ", "\n"].contains(after) ? " " + new : String(rest[range])
            rest = rest[range.upperBound...]
        }
        return result + rest
    }

    /// The command's words and its path, for commands that take one (not `load demo`).
    static func pathOperand(of command: Command) -> (String, Operand)? {
        switch command {
        case .load(let path) where !(path.text == "demo" && !path.quoted): return ("load", path)
        case .saveModel(let path): return ("save model", path)
        case .exportNotebook(let path, _): return ("export notebook", path)
        default: return nil
        }
    }
}
