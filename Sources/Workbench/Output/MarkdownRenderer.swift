/// Markdown: tables as pipe tables with the text values, documents as headings, field lists
/// and tables; messages as they are.
public enum MarkdownRenderer {
    public static func render(_ result: CommandResult) -> String {
        switch result {
        case .table(let table): return render(table)
        case .document(let document): return document.sections.map(render).joined(separator: "\n\n")
        case .message, .empty: return TextRenderer.render(result)
        }
    }

    static func render(_ table: Table) -> String {
        var lines = ["| " + table.columns.map { cell($0.title) }.joined(separator: " | ") + " |"]
        lines.append("|" + table.columns.map { $0.alignment == .right ? " ---: |" : " --- |" }.joined())
        lines += table.rows.map { row in "| " + row.map { cell(TextRenderer.text($0)) }.joined(separator: " | ") + " |" }
        if !table.notes.isEmpty { lines += [""] + table.notes }
        if let chart = table.chart, !chart.textLines.isEmpty {
            lines += ["", chart.title + ":", "", "```text"] + chart.textLines + ["```"]
        }
        return lines.joined(separator: "\n")
    }

    static func render(_ section: Section) -> String {
        var blocks: [String] = []
        if let title = section.title { blocks.append("### \(cell(title))") }
        if !section.fields.isEmpty {
            blocks.append(section.fields.map { "- **\(cell($0.label))**: \(cell(TextRenderer.text($0.value)))" }.joined(separator: "\n"))
        }
        let lines = section.lines + (section.chart?.textLines ?? [])
        if !lines.isEmpty { blocks.append("```text\n" + lines.joined(separator: "\n") + "\n```") }
        if let table = section.table { blocks.append(render(table)) }
        return blocks.joined(separator: "\n\n")
    }

    /// Text safe inside a table cell: pipes escaped, line breaks as `<br>`.
    static func cell(_ text: String) -> String {
        text.replacingOccurrences(of: "|", with: "\\|").replacingOccurrences(of: "\n", with: "<br>")
    }
}
