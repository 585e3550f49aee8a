/// HTML for the notebook: a result as a fragment of the page — tables as tables with header
/// cells, documents as sections with headings, charts as inline SVG. No script, no styles of
/// its own (the page's stylesheet has them), no reference outside the page.
enum HTMLRenderer {
    /// The result as HTML; `id` prefixes the ids its charts need, unique on the page.
    static func render(_ result: CommandResult, id: String) -> String {
        switch result {
        case .message(let text, _):
            return text.contains("\n") ? "<pre class=\"output\">\(HTML.escape(text))</pre>" : "<p class=\"output\">\(HTML.escape(text))</p>"
        case .table(let table): return render(table, id: id)
        case .document(let document):
            return document.sections.enumerated().map { index, section in render(section, id: "\(id)-\(index + 1)") }.joined(separator: "\n")
        case .empty: return ""
        }
    }

    static func render(_ table: Table, id: String) -> String {
        var html = "<div class=\"table\"><table>\n<thead><tr>"
        for column in table.columns {
            html += "<th scope=\"col\"\(column.alignment == .right ? " class=\"number\"" : "")>\(HTML.escape(column.title))</th>"
        }
        html += "</tr></thead>\n<tbody>\n"
        for row in table.rows {
            html += "<tr>"
            for (column, value) in zip(table.columns, row) {
                html += "<td\(column.alignment == .right ? " class=\"number\"" : "")>\(HTML.escape(TextRenderer.text(value)))</td>"
            }
            html += "</tr>\n"
        }
        if table.rows.isEmpty { html += "<tr><td colspan=\"\(table.columns.count)\">(none)</td></tr>\n" }
        html += "</tbody></table></div>"
        let notes = table.notes.filter { !$0.isEmpty }
        if !notes.isEmpty { html += "\n" + notes.map { "<p class=\"note\">\(HTML.escape($0))</p>" }.joined(separator: "\n") }
        if let chart = table.chart { html += "\n" + figure(chart, id: id + "-chart") }
        return html
    }

    static func render(_ section: Section, id: String) -> String {
        var parts: [String] = []
        if let title = section.title { parts.append("<h3>\(HTML.escape(title))</h3>") }
        if !section.fields.isEmpty {
            parts.append("<dl>" + section.fields.map { "<dt>\(HTML.escape($0.label))</dt><dd>\(HTML.escape(TextRenderer.text($0.value)))</dd>" }
                .joined() + "</dl>")
        }
        if let chart = section.chart { parts.append(figure(chart, id: id + "-chart", caption: section.title == nil)) }
        if !section.lines.isEmpty {
            let text = "<pre class=\"output\">\(HTML.escape(section.lines.joined(separator: "\n")))</pre>"
            // A map's text form says the same as its picture: kept, folded away.
            if case .valueStreamMap? = section.chart?.kind {
                parts.append("<details><summary>The map as text</summary>\(text)</details>")
            } else {
                parts.append(text)
            }
        }
        if let table = section.table { parts.append(render(table, id: id + "-table")) }
        return "<section class=\"result\">\n" + parts.joined(separator: "\n") + "\n</section>"
    }

    /// A chart in a `<figure>`, its title as the caption unless a heading above says it.
    static func figure(_ chart: Chart, id: String, caption: Bool = true) -> String {
        "<figure>" + (caption ? "<figcaption>\(HTML.escape(chart.title))</figcaption>" : "") + SVGCharts.svg(chart, id: id) + "</figure>"
    }
}

/// Text made safe inside HTML and SVG.
enum HTML {
    static func escape(_ text: String) -> String {
        var result = ""
        result.reserveCapacity(text.count)
        for character in text {
            switch character {
            case "&": result += "&amp;"
            case "<": result += "&lt;"
            case ">": result += "&gt;"
            case "\"": result += "&quot;"
            case "'": result += "&#39;"
            default: result.append(character)
            }
        }
        return result
    }
}
