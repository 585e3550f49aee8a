import Foundation
import Workbench

/// The interactive session's journal, if one could be kept: a failed write warns once and
/// the session goes on without it (DESIGN §7).
final class SessionJournal {
    private var journal: Journal?
    /// A write failed: the journal may miss lines from then on.
    private(set) var failed = false

    /// Starts a journal in `folder`; nil (after a warning) when it cannot.
    init?(in folder: String, header: Journal.Header) {
        do {
            journal = try Journal.start(in: folder, header: header)
        } catch {
            Console.writeError("vsw: \(error.description); this session is not journalled, so save session PATH keeps its work\n")
            return nil
        }
    }

    var path: String? { journal?.path }

    func entered(_ text: String) {
        guard journal != nil else { return }
        do { try journal?.entered(text) } catch { warn(error) }
    }

    func finished(_ ok: Bool) {
        guard journal != nil else { return }
        do { try journal?.finished(ok ? .ok : .failed) } catch { warn(error) }
    }

    /// The session is over: keep the journal when there is unsaved work, else delete it.
    func end(keeping: Bool) {
        guard let journal = journal.take() else { return }
        if keeping { journal.close() } else { journal.remove() }
    }

    private func warn(_ error: JournalError) {
        guard !failed else { return }
        failed = true
        Console.writeError("vsw: \(error.description); the journal may miss what follows, so save session PATH keeps it\n")
    }

    /// The UTC time stamp a journal header carries, e.g. `2026-12-01 15:03:07`.
    static func now() -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC") ?? .current
        let parts = calendar.dateComponents([.year, .month, .day, .hour, .minute, .second], from: Date())
        func two(_ value: Int?) -> String { String(format: "%02d", value ?? 0) }
        return String(format: "%04d", parts.year ?? 1970) + "-\(two(parts.month))-\(two(parts.day)) "
            + "\(two(parts.hour)):\(two(parts.minute)):\(two(parts.second))"
    }
}
