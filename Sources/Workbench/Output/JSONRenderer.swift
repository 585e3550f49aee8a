import ModelFormats

/// JSON Lines: a table is one object per row, any other result one object; keys in the
/// order the result gives them; numbers to six significant digits.
public enum JSONRenderer {
    public static func render(_ result: CommandResult) -> String {
        switch result {
        case .message(let text, let figures):
            return object([Value.Entry("message", .text(text))] + figures)
        case .table(let table):
            return table.rows.map { row in
                object(zip(table.columns, row).map { Value.Entry($0.key, $1) })
            }.joined(separator: "\n")
        case .document(let document):
            // A document whose data is a list is rows: one object per line, like a table.
            if case .list(let rows) = document.data { return rows.map(json).joined(separator: "\n") }
            return json(document.data)
        case .empty:
            return ""
        }
    }

    static func object(_ entries: [Value.Entry]) -> String {
        "{" + entries.map { "\(JSONText.quoted($0.key)): \(json($0.value))" }.joined(separator: ", ") + "}"
    }

    static func json(_ value: Value) -> String {
        switch value {
        case .text(let text): return JSONText.quoted(text)
        case .integer(let number): return String(number)
        case .number(let number), .percent(let number), .typed(_, let number), .rated(_, let number, _): return Figures.json(number)
        case .bool(let flag): return flag ? "true" : "false"
        case .list(let items): return "[" + items.map(json).joined(separator: ", ") + "]"
        case .object(let entries): return object(entries)
        case .null: return "null"
        }
    }
}
