/// Draws results as plain text: tables with columns as wide as their content, two spaces
/// apart, numbers right-aligned, no trailing blanks — the same bytes on every run.
public enum TextRenderer {
    public static func render(_ result: CommandResult) -> String {
        switch result {
        case .message(let text): return text
        case .table(let table): return render(table)
        case .document(let sections): return sections.map(render).joined(separator: "\n\n")
        case .empty: return ""
        }
    }

    public static func render(_ table: Table) -> String {
        let widths = table.columns.indices.map { column in
            ([table.columns[column].title] + table.rows.map { column < $0.count ? $0[column] : "" })
                .map(displayWidth).max() ?? 0
        }
        func line(_ cells: [String]) -> String {
            var parts: [String] = []
            for (column, spec) in table.columns.enumerated() {
                let cell = column < cells.count ? cells[column] : ""
                let padding = String(repeating: " ", count: widths[column] - displayWidth(cell))
                parts.append(spec.alignment == .right ? padding + cell : cell + padding)
            }
            return trimTrailing(parts.joined(separator: "  "))
        }
        var lines = [line(table.columns.map(\.title))]
        lines.append(trimTrailing(widths.map { String(repeating: "-", count: $0) }.joined(separator: "  ")))
        lines += table.rows.map(line)
        if table.rows.isEmpty { lines.append("(none)") }
        return lines.joined(separator: "\n")
    }

    static func render(_ section: Section) -> String {
        var lines: [String] = []
        if let title = section.title { lines.append(title) }
        let labelWidth = section.fields.map { displayWidth($0.label) }.max() ?? 0
        for field in section.fields {
            lines.append(trimTrailing("  " + field.label + ":" + String(repeating: " ", count: labelWidth - displayWidth(field.label) + 1) + field.value))
        }
        if let table = section.table {
            lines += render(table).split(separator: "\n", omittingEmptySubsequences: false).map { "  " + $0 }
        }
        return lines.joined(separator: "\n")
    }

    /// Terminal columns a string takes: wide East Asian characters count two.
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
        var text = Substring(text)
        while text.last == " " { text = text.dropLast() }
        return String(text)
    }
}
