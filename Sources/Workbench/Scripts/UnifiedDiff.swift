/// A unified diff between two lists of lines, as `diff -u` and `git diff` print it.
///
/// The changes come from the standard library's `CollectionDifference` (Myers); this type only
/// lays them out in hunks with GNU's numbering, so the text reads like any other patch.
enum UnifiedDiff {
    /// One line of the edit script, with the 0-based positions in `old` and `new` it stands at.
    private struct Edit {
        let mark: Character
        let text: String
        let old: Int
        let new: Int
    }

    /// The diff from `old` to `new` under the headers `--- oldName` and `+++ newName`, with
    /// `context` unchanged lines around each change; nil when the lines are equal.
    ///
    /// Each hunk header is followed by `label(i)`, where `i` is the 0-based index in `old` of the
    /// hunk's first changed line, or of the old line just before it when that change is an
    /// insertion (none at the top of the file, where `label` is not asked): the label names
    /// what was changed, not what the context happens to start in.
    static func make(old: [String], new: [String], oldName: String, newName: String,
                     context: Int = 3, label: (Int) -> String? = { _ in nil }) -> String? {
        let edits = script(old: old, new: new)
        let changes = edits.indices.filter { edits[$0].mark != " " }
        guard let first = changes.first else { return nil }
        let context = max(context, 0)

        // Like GNU, a gap the two contexts would cover joins its changes, so no line shows twice.
        var groups = [(first: first, last: first)]
        for index in changes.dropFirst() {
            if index - groups[groups.count - 1].last - 1 <= 2 * context {
                groups[groups.count - 1].last = index
            } else {
                groups.append((index, index))
            }
        }

        var output = "--- \(oldName)\n+++ \(newName)\n"
        for group in groups {
            let lines = edits[max(group.first - context, 0)...min(group.last + context, edits.count - 1)]
            output += hunk(lines, label: label)
        }
        return output
    }

    /// Old lines removed and new lines inserted, interleaved with the unchanged ones in order;
    /// within a change the removals come first, as GNU prints them.
    private static func script(old: [String], new: [String]) -> [Edit] {
        var removed = Set<Int>(), inserted = Set<Int>()
        for change in new.difference(from: old) {
            switch change {
            case .remove(let offset, _, _): removed.insert(offset)
            case .insert(let offset, _, _): inserted.insert(offset)
            }
        }
        var edits: [Edit] = []
        var i = 0, j = 0
        while i < old.count || j < new.count {
            if i < old.count, removed.contains(i) {
                edits.append(Edit(mark: "-", text: old[i], old: i, new: j))
                i += 1
            } else if j < new.count, inserted.contains(j) {
                edits.append(Edit(mark: "+", text: new[j], old: i, new: j))
                j += 1
            } else {
                // What the difference leaves alone pairs up in order, so old[i] == new[j] here.
                edits.append(Edit(mark: " ", text: old[i], old: i, new: j))
                i += 1
                j += 1
            }
        }
        return edits
    }

    /// One hunk: its `@@` header, then its lines, each ending in a newline.
    private static func hunk(_ lines: ArraySlice<Edit>, label: (Int) -> String?) -> String {
        guard let head = lines.first, let change = lines.first(where: { $0.mark != " " }) else { return "" }
        let oldCount = lines.count { $0.mark != "+" }
        let newCount = lines.count { $0.mark != "-" }
        let labelIndex = change.mark == "+" ? change.old - 1 : change.old
        let name = labelIndex >= 0 ? label(labelIndex) : nil
        var text = "@@ -\(range(head.old, oldCount)) +\(range(head.new, newCount)) @@"
        text += name.map { " " + $0 } ?? ""
        text += "\n"
        for line in lines {
            text += "\(line.mark)\(line.text)\n"
        }
        return text
    }

    /// GNU's `start,count`: 1-based, `,1` left out, and an empty range named by the line before it.
    private static func range(_ start: Int, _ count: Int) -> String {
        switch count {
        case 0: "\(start),0"
        case 1: "\(start + 1)"
        default: "\(start + 1),\(count)"
        }
    }
}
