/// CSV (RFC 4180) for tables: a header of keys, values as JSON has them, lists joined with
/// `;` as in CSV inventories. Other results are drawn as text.
public enum CSVRenderer {
    public static func render(_ result: CommandResult) -> String {
        guard case .table(let table) = result else { return TextRenderer.render(result) }
        var lines = [table.columns.map { field($0.key) }.joined(separator: ",")]
        lines += table.rows.map { row in row.map { field(text($0)) }.joined(separator: ",") }
        return lines.joined(separator: "\n")
    }

    static func text(_ value: Value) -> String {
        switch value {
        case .number(let number), .percent(let number), .typed(_, let number), .rated(_, let number, _): return Figures.json(number)
        case .bool(let flag): return flag ? "true" : "false"
        case .list(let items): return items.map(text).joined(separator: ";")
        case .object(let entries): return entries.map { "\($0.key)=\(text($0.value))" }.joined(separator: ";")
        case .text, .integer, .null: return TextRenderer.text(value)
        }
    }

    /// A field, quoted when it holds a comma, a quote or a line break.
    static func field(_ text: String) -> String {
        guard text.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return text }
        return "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
