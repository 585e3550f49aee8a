/// Draws results as plain text: tables with columns as wide as their content, two spaces
/// apart, no trailing blanks — the same bytes on every run. Colour, when asked for, only
/// emphasises headings.
public enum TextRenderer {
    public static func render(_ result: CommandResult, colour: Bool = false) -> String {
        let style = Style(colour: colour)
        switch result {
        case .message(let text, _): return text
        case .table(let table): return render(table, style)
        case .document(let document): return document.sections.map { render($0, style) }.joined(separator: "\n\n")
        case .empty: return ""
        }
    }

    /// A value as a person reads it.
    static func text(_ value: Value) -> String {
        switch value {
        case .text(let text): return text
        case .integer(let number): return String(number)
        case .number(let number): return Figures.significant(number)
        case .percent(let fraction): return Figures.percent(fraction)
        case .typed(let text, _), .rated(let text, _, _): return text
        case .bool(let flag): return flag ? "yes" : "no"
        case .list(let items): return items.map(text).joined(separator: ", ")
        case .object(let entries): return entries.map { "\($0.label ?? $0.key) \(text($0.value))" }.joined(separator: ", ")
        case .null: return ""
        }
    }

    static func render(_ table: Table, _ style: Style = Style(colour: false)) -> String {
        // A line break inside a cell would break the table's rows apart.
        let cells = table.rows.map { $0.map { text($0).replacingOccurrences(of: "\n", with: " ") } }
        let widths = table.columns.indices.map { column in
            ([table.columns[column].title] + cells.map { column < $0.count ? $0[column] : "" }).map(displayWidth).max() ?? 0
        }
        func line(_ cells: [String], _ values: [Value]? = nil) -> String {
            var parts: [String] = []
            for (column, spec) in table.columns.enumerated() {
                let cell = column < cells.count ? cells[column] : ""
                let padding = String(repeating: " ", count: widths[column] - displayWidth(cell))
                var shown = cell
                if let values, column < values.count, case .rated(_, _, let rating) = values[column] { shown = style.rating(cell, rating) }
                parts.append(spec.alignment == .right ? padding + shown : shown + padding)
            }
            return trimTrailing(parts.joined(separator: "  "))
        }
        var lines = [style.heading(line(table.columns.map(\.title)))]
        lines.append(trimTrailing(widths.map { String(repeating: "-", count: $0) }.joined(separator: "  ")))
        lines += zip(cells, table.rows).map { line($0, $1) }
        if table.rows.isEmpty { lines.append("(none)") }
        var tail = table.notes
        if let chart = table.chart {
            let drawn = chart.textLines
            if !drawn.isEmpty { tail += ["", chart.title + ":"] + drawn.map { "  " + $0 } }
        }
        if !tail.isEmpty { lines += [""] + tail }
        return lines.joined(separator: "\n")
    }

    static func render(_ section: Section, _ style: Style) -> String {
        var lines: [String] = []
        if let title = section.title { lines.append(style.heading(title)) }
        let labelWidth = section.fields.map { displayWidth($0.label) }.max() ?? 0
        for field in section.fields {
            let padding = String(repeating: " ", count: labelWidth - displayWidth(field.label) + 1)
            lines.append(trimTrailing("  " + field.label + ":" + padding + text(field.value)))
        }
        lines += (section.lines + (section.chart?.textLines ?? [])).map { trimTrailing("  " + $0) }
        if let table = section.table {
            lines += render(table, style).split(separator: "\n", omittingEmptySubsequences: false).map { trimTrailing("  " + $0) }
        }
        return lines.joined(separator: "\n")
    }

    /// ANSI emphasis, or none.
    struct Style {
        let colour: Bool

        func heading(_ text: String) -> String { colour ? "\u{1B}[1m\(text)\u{1B}[0m" : text }

        /// A rating's colour: 1–2 red, 3 yellow, 4–5 green.
        func rating(_ text: String, _ rating: Int) -> String {
            guard colour, !text.isEmpty else { return text }
            let code = rating <= 2 ? "31" : rating == 3 ? "33" : "32"
            return "\u{1B}[\(code)m\(text)\u{1B}[0m"
        }
    }

    /// Terminal columns a string takes: wide East Asian characters count two, combining
    /// marks none.
    static func displayWidth(_ text: String) -> Int {
        text.unicodeScalars.reduce(0) { width, scalar in
            switch scalar.value {
            case 0x0300...0x036F, 0x200B...0x200F, 0xFE00...0xFE0F: return width
            case 0x1100...0x115F, 0x2E80...0xA4CF, 0xAC00...0xD7A3, 0xF900...0xFAFF, 0xFE30...0xFE4F,
                 0xFF00...0xFF60, 0xFFE0...0xFFE6, 0x1F300...0x1F64F, 0x1F900...0x1F9FF, 0x20000...0x3FFFD:
                return width + 2
            default: return width + 1
            }
        }
    }

    static func trimTrailing(_ text: String) -> String {
        guard text.last == " " else { return text }
        guard let last = text.lastIndex(where: { $0 != " " }) else { return "" }
        return String(text[...last])
    }
}
