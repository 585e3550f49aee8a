import Foundation
import ModelFormats
import ValueStreams

/// What TAB offers at the end of a partly typed line: the characters of the word being
/// typed, which a candidate replaces, and the candidates.
public struct Completion: Sendable, Equatable {
    public let replacing: Int
    public let candidates: [String]

    public init(replacing: Int, candidates: [String]) {
        self.replacing = replacing
        self.candidates = candidates
    }
}

/// Completion of what the user means: command words and sub-keywords, stream ids and names
/// (quoted when they hold spaces), `stream/stage` paths, links, field keys, capability ids,
/// choices such as effects and output modes, and file paths.
public enum CompletionEngine {
    /// Lists a folder for path completion: entry names, folders ending in `/`; nil if none.
    public typealias FolderLister = @Sendable (String) -> [String]?

    /// The completion of `text` against `model` (what names there are to offer), with
    /// relative paths under `baseDirectory`.
    public static func complete(_ text: String, in model: Model?, baseDirectory: String,
                                listFolder: @escaping FolderLister = listFolder) -> Completion {
        let (start, current) = currentWord(text)
        let statementStart = text[..<start].lastIndex(of: ";").map { text.index(after: $0) } ?? text.startIndex
        guard let previous = try? Lexer.tokens(String(text[statementStart..<start])) else {
            return Completion(replacing: current.count, candidates: [])
        }
        let context = Context(previous: previous, current: current, model: model,
                              baseDirectory: baseDirectory, listFolder: listFolder)
        return Completion(replacing: current.count, candidates: context.candidates())
    }

    /// Where the word being typed starts, and the word: after the last blank or `;` outside
    /// quotes, or at an open quote.
    static func currentWord(_ text: String) -> (String.Index, String) {
        var start = text.startIndex
        var inQuote = false
        var index = text.startIndex
        while index < text.endIndex {
            let character = text[index]
            if inQuote {
                if character == "\\" { index = text.index(after: index); if index == text.endIndex { break } }
                else if character == "\"" { inQuote = false }
            } else if character == "\"" {
                inQuote = true
            } else if character == " " || character == "\t" || character == ";" || character == "=" {
                start = text.index(after: index)
            }
            index = text.index(after: index)
        }
        return (start, String(text[start...]))
    }

    /// The default folder lister: the file system.
    public static let listFolder: FolderLister = { folder in
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: folder.isEmpty ? "." : folder) else { return nil }
        return names.sorted().map { name in
            var isFolder: ObjCBool = false
            let path = (folder.isEmpty ? "." : folder) + "/" + name
            return FileManager.default.fileExists(atPath: path, isDirectory: &isFolder) && isFolder.boolValue ? name + "/" : name
        }
    }

    /// What the candidates depend on.
    struct Context {
        let previous: [Token]
        let current: String
        let model: Model?
        let baseDirectory: String
        let listFolder: FolderLister

        /// The word as meant: without its quotes, lowercased, for prefix matching.
        var meant: String { current.replacingOccurrences(of: "\"", with: "").lowercased() }

        func matching(_ candidates: [String]) -> [String] {
            var seen = Set<String>()
            return candidates.filter { candidate in
                candidate.replacingOccurrences(of: "\"", with: "").lowercased().hasPrefix(meant) && seen.insert(candidate).inserted
            }
        }

        func candidates() -> [String] {
            guard let first = previous.first else { return matching(CommandCatalog.commandWords) }
            let word = first.text.lowercased()
            let specs = CommandCatalog.all.filter { $0.words[0] == word }
            guard !specs.isEmpty else { return [] }
            let second = previous.count > 1 ? previous[1].text.lowercased() : nil
            if previous.count == 1 {
                let keywords = specs.filter { $0.words.count > 1 }.map { $0.words[1] }
                if word == "help" { return matching(CommandCatalog.commandWords) }
                if word == "set" { return matching(keywords + fieldTargets()) }
                if word == "remove" { return matching(keywords + streamsAndStages()) }
                if !keywords.isEmpty, !specs.contains(where: { $0.words.count == 1 }) { return matching(keywords) }
            }
            if word == "help" {
                let forms = CommandCatalog.all.filter { $0.words[0] == second && $0.words.count > 1 }
                return previous.count == 2 ? matching(forms.map { $0.words[1] }) : []
            }
            let spec = specs.first { $0.words.count > 1 && $0.words[1] == second } ?? specs.first { $0.words.count == 1 }
            guard let spec else { return [] }
            let arguments = Array(previous.dropFirst(spec.words.count))
            return matching(argumentCandidates(spec.name, arguments))
        }

        /// Candidates for the next argument of a command, given the ones typed so far.
        private func argumentCandidates(_ command: String, _ arguments: [Token]) -> [String] {
            let position = arguments.count
            let last = arguments.last?.text.lowercased()
            switch command {
            case "load": return position == 0 ? ["demo"] + paths() : []
            case "save model", "save session", "replay", "export notebook": return position == 0 ? paths() : []
            case "show", "stages", "map", "deps": return position == 0 ? streams() : []
            case "set": return position == 0 ? fieldTargets() : position == 1 ? ["="] : values(forKey: fieldKey(arguments[0].text))
            case "set output": return position == 0 ? OutputMode.allCases.map(\.rawValue) : []
            case "remove": return position == 0 ? streamsAndStages() : []
            case "remove link": return position == 0 ? links() : []
            case "add stream":
                if position == 2 { return StreamKind.allCases.map(\.rawValue) }
                return position >= 3 ? keyOrValue(arguments.dropFirst(3), keys: FieldEditor.streamKeys) : []
            case "add stage":
                if position == 0 { return streams() }
                if last == "after", position >= 3 { return stages(of: arguments[0].text) }
                return position >= 2 ? keyOrValue(arguments.dropFirst(2).filter { !$0.isWord("after") }[...], keys: ["after"] + FieldEditor.stageKeys) : []
            case "add link":
                if position == 0 || position == 2 { return streamsAndStages() }
                if position == 1 { return ["->"] }
                if last == "effect" { return Effect.allCases.map(\.rawValue) }
                if last == "sla" { return CommandCatalog.slaKeys }
                return CommandCatalog.linkKeywords
            case "add metric":
                if position == 0 { return streams() }
                // The names other streams use, so the same metric is spelled the same way.
                if position == 1 { return metricNames() }
                if position == 2 { return MetricCategory.allCases.map(\.rawValue) }
                return position >= 3 ? keyOrValue(arguments.dropFirst(3), keys: FieldEditor.metricKeys.filter { $0 != "name" && $0 != "category" }) : []
            case "add segment": return position >= 1 ? keyOrValue(arguments.dropFirst(1), keys: ["expects"]) : []
            case "add stakeholder": return position >= 1 ? keyOrValue(arguments.dropFirst(1), keys: ["function"]) : []
            case "add capability": return position >= 2 ? keyOrValue(arguments.dropFirst(2), keys: ["parent", "assessment"]) : []
            case "degrade":
                switch position {
                case 0: return streams(.supporting)
                case 1: return ServiceField.allCases.map(\.rawValue)
                case 2: return Degradation.Change.allCases.map(\.rawValue)
                default: return []
                }
            case "restore": return position == 0 ? streams() + ["all"] : []
            case "impact": return position == 0 ? streams(.customer) : position == 1 ? ["why"] : []
            case "breakpoint":
                if position == 0 { return streams(.supporting) }
                switch last {
                case "field": return ServiceField.allCases.map(\.rawValue)
                case "for": return streams(.customer)
                default: return position % 2 == 1 ? ["field", "for"] : []
                }
            default: return []
            }
        }

        /// After `KEY VALUE` pairs: a key when an even number of words follow, else its value.
        private func keyOrValue(_ pairs: ArraySlice<Token>, keys: [String]) -> [String] {
            pairs.count % 2 == 0 ? keys : values(forKey: pairs.last?.text.lowercased() ?? "")
        }

        /// The choices a field takes, where it has a fixed set.
        private func values(forKey key: String) -> [String] {
            switch key {
            case "kind": return StreamKind.allCases.map(\.rawValue)
            case "serves": return Audience.allCases.map(\.rawValue)
            case "owner.reach", "governance.model": return Reach.allCases.map(\.rawValue)
            case "effect": return Effect.allCases.map(\.rawValue)
            case "category": return MetricCategory.allCases.map(\.rawValue)
            case "direction": return Direction.allCases.map(\.rawValue)
            case "trigger.external": return ["true", "false"]
            case "capabilities", "parent": return model?.capabilities.map(\.id) ?? []
            default: return []
            }
        }

        /// The FIELD of a typed `X.FIELD`: what follows the last dot.
        private func fieldKey(_ target: String) -> String {
            target.split(separator: ".").last.map { String($0).lowercased() } ?? ""
        }

        /// Streams (of `kind`, when given) by id, or by name when the typed text matches the
        /// name but not the id.
        func streams(_ kind: StreamKind? = nil) -> [String] {
            guard let model else { return [] }
            return model.streams.compactMap { stream in
                if let kind, stream.kind != kind { return nil }
                if stream.id.lowercased().hasPrefix(meant) { return stream.id }
                if stream.name.lowercased().hasPrefix(meant) { return Lexer.spelled(stream.name) }
                return nil
            }
        }

        /// `stream/Stage` paths once a `/` is typed, else streams (ids end in `/` to go on).
        func streamsAndStages() -> [String] {
            guard let slash = current.firstIndex(of: "/") else { return streams() }
            return stages(of: String(current[..<slash]))
        }

        func stages(of streamName: String) -> [String] {
            guard let model, let index = model.streamIndex(streamName.replacingOccurrences(of: "\"", with: "")) else { return [] }
            let stream = model.streams[index]
            let prefix = current.contains("/") ? String(current[..<(current.firstIndex(of: "/") ?? current.endIndex)]) + "/" : ""
            return stream.stages.map { prefix + Lexer.spelled($0.name) }
        }

        func metricNames() -> [String] {
            model?.streams.flatMap { $0.metrics.map { Lexer.spelled($0.name) } } ?? []
        }

        func links() -> [String] {
            model?.integrations.map { $0.id ?? Lexer.spelled($0.descriptiveName) } ?? []
        }

        /// `X.` targets for `set`, then `X.FIELD` once a target is typed.
        func fieldTargets() -> [String] {
            guard let model else { return [] }
            let plain = current.replacingOccurrences(of: "\"", with: "")
            if let dot = plain.lastIndex(of: ".") {
                let target = String(plain[..<dot])
                let keys: [String]
                if target.contains("/"), (try? model.resolveStage(Endpoint(parsing: target))) != nil {
                    keys = FieldEditor.stageKeys
                } else if model.streamIndex(target) != nil {
                    keys = FieldEditor.streamKeys
                } else if ModelEditor.linkIndex(target, in: model) != nil {
                    keys = FieldEditor.linkKeys
                } else {
                    keys = []
                }
                let typedTarget = String(current[..<(current.lastIndex(of: ".") ?? current.endIndex)])
                if !keys.isEmpty { return keys.map { typedTarget + "." + $0 } }
            }
            if current.contains("/") { return streamsAndStages().map { $0 + "." } }
            return streams().map { $0 + "." } + model.integrations.compactMap { $0.id.map { $0 + "." } }
        }

        /// Files and folders under the folder the typed path names.
        func paths() -> [String] {
            let plain = current.replacingOccurrences(of: "\"", with: "")
            let folderPart = plain.lastIndex(of: "/").map { String(plain[...$0]) } ?? ""
            var folder = Session.resolve(folderPart, against: baseDirectory)
            while folder.count > 1, folder.hasSuffix("/") { folder.removeLast() }
            let base = String(plain.dropFirst(folderPart.count))
            guard let entries = listFolder(folder) else { return [] }
            return entries.filter { !$0.hasPrefix(".") || base.hasPrefix(".") }.map { entry in
                // A quoted folder stays open, so TAB can go on into it.
                let path = Lexer.spelled(folderPart + entry)
                return entry.hasSuffix("/") && path.hasSuffix("\"") ? String(path.dropLast()) : path
            }
        }
    }
}
