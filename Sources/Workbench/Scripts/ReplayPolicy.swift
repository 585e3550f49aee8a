#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import FlowSimulation

/// What a replayed script may do (DESIGN §7): write only under its own folder, `sessions/`
/// of the working folder and the folders `--allow-write` names, and not raise the DES
/// event budget. Reads are not restricted. Sessions a person types are unrestricted.
public struct ReplayPolicy: Sendable, Hashable {
    /// Folders, symlinks resolved, that writes must fall under; nil: anywhere.
    public let writableFolders: [String]?
    /// The most events a DES replication may be given (`set budget`); nil: no cap.
    public let maximumEventBudget: Int?
    /// Restoring a session from its journal: nothing is written again (the files are there
    /// already, or newer ones are), and `save session` only notes what it wrote.
    public let restoring: Bool

    public static let unrestricted = ReplayPolicy(writableFolders: nil, maximumEventBudget: nil)
    public static let restoringJournal = ReplayPolicy(writableFolders: [], maximumEventBudget: nil, restoring: true)

    init(writableFolders: [String]?, maximumEventBudget: Int?, restoring: Bool = false) {
        self.writableFolders = writableFolders
        self.maximumEventBudget = maximumEventBudget
        self.restoring = restoring
    }

    /// The policy for replaying a script in `scriptFolder`, started in `workingDirectory`.
    public static func replaying(scriptFolder: String, workingDirectory: String, allowing folders: [String]) -> ReplayPolicy {
        let roots = [scriptFolder, Session.resolve("sessions", against: workingDirectory)] + folders
        var unique: [String] = []
        for root in roots.map(Self.location) where !unique.contains(root) { unique.append(root) }
        return ReplayPolicy(writableFolders: unique, maximumEventBudget: DiscreteEventEngine.Settings().eventBudget)
    }

    /// This policy, or `other` where this one is unrestricted: a script replayed by a
    /// replayed script cannot widen what the outer one may do.
    func narrowed(to other: ReplayPolicy) -> ReplayPolicy {
        writableFolders == nil ? other : self
    }

    /// Refuses a write to `path` (absolute) outside the writable folders, pointing at `operand`.
    func checkWrite(_ path: String, typed operand: Operand) throws(LanguageError) {
        if restoring { throw LanguageError("nothing is written again while a session is restored from its journal", at: operand.span) }
        guard let folders = writableFolders else { return }
        let target = Self.location(path)
        guard !folders.contains(where: { target.hasPrefix($0.hasSuffix("/") ? $0 : $0 + "/") }) else { return }
        throw LanguageError("a replayed script may write only under \(folders.map { "'\($0)'" }.joined(separator: ", ")); "
                            + "'\(operand.text)' is \(target), outside them, so nothing was written; --allow-write DIR names another folder",
                            at: operand.span)
    }

    /// Where `path` really is: `.` and `..` taken out, and symlinks resolved as far as the
    /// path exists (the rest cannot be a symlink yet).
    public static func location(_ path: String) -> String {
        var existing = path
        var rest: [String] = []
        while !existing.isEmpty, existing != "/", access(existing, F_OK) != 0 {
            let parts = existing.split(separator: "/", omittingEmptySubsequences: true)
            guard let last = parts.last else { break }
            rest.insert(String(last), at: 0)
            existing = "/" + parts.dropLast().joined(separator: "/")
        }
        var base = existing
        if let resolved = realpath(existing, nil) {
            base = String(cString: resolved)
            free(resolved)
        }
        var components = base.split(separator: "/").map(String.init)
        for part in rest {
            switch part {
            case ".": continue
            case "..": if !components.isEmpty { components.removeLast() }
            default: components.append(part)
            }
        }
        return "/" + components.joined(separator: "/")
    }
}
