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
        // Each note a paragraph of its own, as text: a viewer would run lines together.
        for note in table.notes where !note.isEmpty { lines += ["", text(note)] }
        if let chart = table.chart {
            let drawn = chart.textLines
            if !drawn.isEmpty { lines += ["", text(chart.title) + ":", "", fence(drawn.joined(separator: "\n"), language: "text")] }
        }
        return lines.joined(separator: "\n")
    }

    static func render(_ section: Section) -> String {
        var blocks: [String] = []
        if let title = section.title { blocks.append("### \(text(title))") }
        if !section.fields.isEmpty {
            blocks.append(section.fields.map { "- **\(cell($0.label))**: \(cell(TextRenderer.text($0.value)))" }.joined(separator: "\n"))
        }
        let lines = section.lines + (section.chart?.textLines ?? [])
        if !lines.isEmpty { blocks.append(fence(lines.joined(separator: "\n"), language: "text")) }
        if let table = section.table { blocks.append(render(table)) }
        return blocks.joined(separator: "\n\n")
    }

    /// Text safe inside a table cell: inline markers escaped, line breaks as `<br>`.
    static func cell(_ value: String) -> String {
        value.split(separator: "\n", omittingEmptySubsequences: false).map { inline(String($0)) }.joined(separator: "<br>")
    }

    /// Text with the characters that would start emphasis, code, a link, a cell or HTML
    /// escaped. (`_` inside words is left alone: it marks nothing there, and ids have many.)
    static func inline(_ value: String) -> String {
        var result = ""
        let characters = Array(value)
        for (index, character) in characters.enumerated() {
            switch character {
            case "\\", "`", "*", "[", "]", "|": result += "\\" + String(character)
            case "<": result += "&lt;"
            // Only where it could start an entity (`&amp;`, `&#38;`): `R & D` stays as typed.
            case "&" where index + 1 < characters.count && (characters[index + 1].isLetter || characters[index + 1] == "#"):
                result += "&amp;"
            default: result.append(character)
            }
        }
        return result
    }

    /// A line that reads as itself, not as Markdown: `inline`, and kept a paragraph when it
    /// would open a block (a heading, list, quote or setext underline).
    static func text(_ value: String) -> String {
        let result = inline(value)
        let indent = String(result.prefix { $0 == " " })
        let trimmed = result.dropFirst(indent.count)
        guard let first = trimmed.first else { return result }
        if "#>-+=".contains(first) { return indent + "\\" + trimmed }
        // `1.` or `1)` would number a list: the escape goes on the punctuation.
        let digits = trimmed.prefix { $0.isASCII && $0.isNumber }
        if !digits.isEmpty, let mark = trimmed.dropFirst(digits.count).first, ".)".contains(mark) {
            return indent + digits + "\\" + trimmed.dropFirst(digits.count)
        }
        return result
    }

    /// A fenced code block long enough that no line inside can close it.
    static func fence(_ text: String, language: String) -> String {
        var fence = "```"
        while text.contains(fence) { fence += "`" }
        return fence + language + "\n" + text + "\n" + fence
    }
}
