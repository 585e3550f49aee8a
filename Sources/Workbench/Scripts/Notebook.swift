import Foundation
import ModelFormats
import ValueStreams

/// A workshop's record to send the room (DESIGN §7): the narrative, each command that
/// succeeded and what it gave, in order — as Markdown, or as one self-contained HTML page with
/// SVG charts. Unlike a saved session it keeps what was later undone (marked so), because the
/// room saw it; failed commands are left out.
public struct Notebook: Sendable {
    /// How a notebook is written, from its file's extension.
    public enum Format: String, Sendable, CaseIterable {
        case markdown = "md"
        case html

        /// The format a path's extension names (`.md`, `.markdown`, `.html`, `.htm`), if any.
        public init?(path: String) {
            // A name with a stem and an extension: not `md`, nor the hidden `.md`.
            let name = path.split(separator: "/").last ?? ""
            guard let dot = name.lastIndex(of: "."), dot != name.startIndex else { return nil }
            switch name[name.index(after: dot)...].lowercased() {
            case "md", "markdown": self = .markdown
            case "html", "htm": self = .html
            default: return nil
            }
        }
    }

    enum Entry: Sendable {
        case narrative(String)
        /// A command, what it gave, and why a saved session leaves it out, if it does
        /// (`undone later`).
        case command(String, CommandResult, remark: String?)
    }

    let title: String
    /// The session's date and seed, for the line under the title.
    let date: CalendarDate
    let seed: UInt64
    let entries: [Entry]

    /// The line under the title: when, with what seed, how much, by which version.
    var subtitle: String {
        "A session of \(date), seed \(seed), \(commands) command\(commands == 1 ? "" : "s"); vsw \(WorkbenchVersion.current)."
    }

    /// The notebook in `format`.
    public func render(_ format: Format) -> String {
        format == .markdown ? markdown() : html()
    }

    /// What marks a file as a vsw notebook, which an export may replace without `--force`.
    public static let marker = "vsw notebook"

    /// Whether the file at `path` is missing or a notebook vsw wrote: either may be written.
    public static func mayReplace(_ path: String) -> Bool {
        guard let data = FileManager.default.contents(atPath: path) else { return true }
        let head = String(decoding: data.prefix(512), as: UTF8.self)
        return head.hasPrefix("<!-- \(marker) -->") || head.contains("<meta name=\"generator\" content=\"\(marker)\">")
    }

    /// Commands whose result draws a chart: the count the export reports.
    var charts: Int {
        entries.reduce(0) { count, entry in
            guard case .command(_, let result, _) = entry else { return count }
            switch result {
            case .table(let table): return count + (table.chart == nil ? 0 : 1)
            case .document(let document):
                return count + document.sections.reduce(0) { $0 + ($1.chart == nil ? 0 : 1) + ($1.table?.chart == nil ? 0 : 1) }
            case .message, .empty: return count
            }
        }
    }

    var commands: Int { entries.filter { if case .command = $0 { true } else { false } }.count }

    // MARK: Markdown

    /// Headings, narrative paragraphs, each command as a code block and its output as a pipe
    /// table or a text block: what common viewers render.
    func markdown() -> String {
        var blocks = ["<!-- \(Self.marker) -->", "# " + MarkdownRenderer.text(title), "*" + MarkdownRenderer.text(subtitle) + "*"]
        for entry in entries {
            switch entry {
            case .narrative(let text):
                blocks.append(text.split(separator: "\n", omittingEmptySubsequences: false).map { MarkdownRenderer.text(String($0)) }
                    .joined(separator: "  \n"))
            case .command(let text, let result, let remark):
                blocks.append(MarkdownRenderer.fence("vsw> " + text, language: "vsw") + (remark.map { "\n\n*(\($0))*" } ?? ""))
                switch result {
                case .table, .document: blocks.append(MarkdownRenderer.render(result))
                case .message: blocks.append(MarkdownRenderer.fence(TextRenderer.render(result), language: "text"))
                case .empty: break
                }
            }
        }
        return blocks.joined(separator: "\n\n") + "\n"
    }

    // MARK: HTML

    /// One page: inline styles for the screen, a projector and print; inline SVG charts; no
    /// script and no reference outside the page.
    func html() -> String {
        var body: [String] = []
        for (index, entry) in entries.enumerated() {
            switch entry {
            case .narrative(let text):
                body.append("<p class=\"narrative\">\(HTML.escape(text).replacingOccurrences(of: "\n", with: "<br>"))</p>")
            case .command(let text, let result, let remark):
                let id = "c\(index + 1)"
                var cell = "<article class=\"cell\(remark == nil ? "" : " undone")\" id=\"\(id)\">\n<h2 class=\"command\">"
                    + "<span class=\"prompt\" aria-hidden=\"true\">vsw&gt; </span><code>\(HTML.escape(text))</code>"
                    + (remark.map { " <span class=\"badge\">\(HTML.escape($0))</span>" } ?? "") + "</h2>"
                let output = HTMLRenderer.render(result, id: id)
                if !output.isEmpty { cell += "\n" + output }
                body.append(cell + "\n</article>")
            }
        }
        return """
            <!DOCTYPE html>
            <html lang="en">
            <head>
            <meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <meta name="generator" content="\(Self.marker)">
            <title>\(HTML.escape(title))</title>
            <style>
            \(Self.styles)
            </style>
            </head>
            <body>
            <header>
            <h1>\(HTML.escape(title))</h1>
            <p class="subtitle">\(HTML.escape(subtitle))</p>
            </header>
            <main>
            \(body.joined(separator: "\n"))
            </main>
            </body>
            </html>

            """
    }

    /// The page's stylesheet: large type and strong contrast for a projector, and A4 print.
    static let styles = """
        :root { --ink: #1b1f24; --muted: #5a6270; --rule: #d5d9e0; --panel: #f5f7fa; --accent: #1f5fa8; --other: #8a6d3b; --warn: #b3261e; }
        * { box-sizing: border-box; }
        html { font-size: 18px; }
        body { margin: 0; color: var(--ink); background: #fff; font-family: "DejaVu Sans", "Segoe UI", Helvetica, Arial, sans-serif; line-height: 1.5; }
        header, main { max-width: 1180px; margin: 0 auto; padding: 0 32px; }
        header { padding-top: 28px; padding-bottom: 8px; border-bottom: 3px solid var(--accent); }
        h1 { font-size: 1.9rem; margin: 0 0 4px; }
        .subtitle { color: var(--muted); margin: 0 0 12px; }
        .narrative { font-size: 1.15rem; margin: 28px 0 8px; padding-left: 14px; border-left: 4px solid var(--accent); }
        .cell { margin: 18px 0 26px; }
        h2.command { font-size: 1rem; font-weight: 600; margin: 0 0 8px; padding: 6px 12px; background: var(--panel); border-radius: 6px; }
        code, p { overflow-wrap: break-word; }
        h2.command code { font-family: "DejaVu Sans Mono", Menlo, Consolas, monospace; }
        .badge { font-size: 0.75rem; font-weight: 400; color: var(--muted); border: 1px solid var(--rule); border-radius: 4px; padding: 0 6px; margin-left: 8px; }
        .prompt { color: var(--muted); font-family: "DejaVu Sans Mono", Menlo, Consolas, monospace; }
        h3 { font-size: 1.05rem; margin: 16px 0 6px; }
        pre.output { font-family: "DejaVu Sans Mono", Menlo, Consolas, monospace; font-size: 0.8rem; line-height: 1.35; background: var(--panel);
          padding: 10px 12px; border-radius: 6px; overflow-x: auto; white-space: pre; margin: 6px 0; }
        p.output { margin: 6px 0; }
        .table { overflow-x: auto; }
        table { border-collapse: collapse; font-size: 0.85rem; margin: 6px 0; }
        th, td { padding: 4px 10px; border-bottom: 1px solid var(--rule); text-align: left; vertical-align: top; }
        th { background: var(--panel); border-bottom: 2px solid var(--rule); }
        td.number, th.number { text-align: right; font-variant-numeric: tabular-nums; }
        tbody tr:nth-child(even) td { background: #fafbfc; }
        p.note { color: var(--muted); font-size: 0.85rem; margin: 4px 0; }
        dl { display: grid; grid-template-columns: max-content 1fr; gap: 2px 16px; margin: 6px 0; font-size: 0.9rem; }
        dt { color: var(--muted); }
        dd { margin: 0; }
        details summary { color: var(--muted); cursor: pointer; font-size: 0.85rem; }
        figure { margin: 10px 0; }
        figcaption { font-weight: 600; font-size: 0.9rem; margin-bottom: 4px; }
        svg.chart { max-width: 100%; height: auto; font-family: "DejaVu Sans", Helvetica, Arial, sans-serif; font-size: 13px; }
        svg .bar { fill: var(--accent); }
        svg .bar.negative { fill: var(--other); }
        svg .bar.overload { fill: var(--warn); }
        svg .axis { stroke: var(--ink); stroke-width: 1; }
        svg .label, svg .value, svg .tick, svg .axis-label { fill: var(--ink); }
        svg .tick { font-size: 11px; fill: var(--muted); }
        svg .series { fill: none; stroke: var(--accent); stroke-width: 2; }
        svg .band { fill: #fbe3e1; }
        svg .band-label { fill: var(--warn); font-size: 11px; }
        svg .peak { fill: var(--warn); }
        svg .stage { fill: var(--panel); stroke: var(--accent); stroke-width: 1.5; }
        svg .stage-name { font-weight: 600; fill: var(--ink); }
        svg .stage-team { fill: var(--accent); font-size: 12px; }
        svg .stage-flow { fill: var(--muted); font-size: 11.5px; }
        svg .feeder { fill: var(--warn); font-size: 12px; }
        svg .flow, svg .feed { stroke: var(--ink); stroke-width: 1.5; }
        svg .flow.handoff { stroke: var(--warn); stroke-dasharray: 5 3; }
        svg .arrowhead { fill: var(--ink); }
        @media print {
          @page { size: A4; margin: 14mm 12mm; }
          html { font-size: 10.5pt; }
          header, main { max-width: none; padding: 0; }
          figure, tr, p.output, dl { break-inside: avoid; }
          .narrative, h2.command, h3, figcaption { break-after: avoid; }
          pre.output { white-space: pre-wrap; font-size: 8pt; }
          .table { overflow: visible; }
          table { font-size: 7.5pt; }
          th, td { padding: 2px 6px; white-space: nowrap; }
          h1 { font-size: 1.5rem; }
          details > pre.output { display: none; }
        }
        """
}

extension Session {
    /// The notebook of this session so far: every command that gave a result, in order.
    func notebook(title: String? = nil) -> Notebook {
        var entries: [Notebook.Entry] = []
        for cell in cells where cell.status == .ok || cell.status == .undone {
            guard let recorded = cell.recorded, recorded.command != .quit else { continue }
            if case .note(let text) = recorded.command {
                entries.append(.narrative(text.text))
            } else {
                let remark = cell.status != .undone ? nil
                    : recorded.command.isUndoable ? "undone later" : "what it shows was undone or redone later"
                entries.append(.command(recorded.text, recorded.result, remark: remark))
            }
        }
        return Notebook(title: title ?? "vsw notebook" + (model.map { ": \($0.name)" } ?? ""), date: today, seed: startSeed,
                        entries: entries)
    }

    /// The notebook of a replayed script, titled after it, in `format`.
    public func notebookText(_ format: Notebook.Format, of script: String) -> String {
        notebook(title: "vsw notebook: \(script.split(separator: "/").last.map(String.init) ?? script)" + (model.map { " (\($0.name))" } ?? ""))
            .render(format)
    }

    /// `export notebook PATH [--force]`: the format from the extension, written atomically
    /// under the policy; a file that is not a vsw notebook is replaced only with `--force`.
    mutating func exportNotebook(_ path: Operand, force: Bool, in source: Source) throws(LanguageError) -> Reply {
        guard let format = Notebook.Format(path: path.text) else {
            throw LanguageError("a notebook is Markdown or HTML: end the path in .md or .html, e.g. sessions/notebooks/workshop.html",
                                at: path.span)
        }
        let target = Self.resolve(path.text, in: source)
        try policy.checkWrite(target, typed: path)
        if !force, !Notebook.mayReplace(target) {
            throw LanguageError("'\(path.text)' exists and is not a vsw notebook; add --force to replace it, or choose another name",
                                at: path.span)
        }
        let notebook = notebook()
        do {
            try AtomicFile.write(notebook.render(format), to: target)
        } catch {
            throw LanguageError(error.description, at: path.span)
        }
        let (commands, charts) = (notebook.commands, notebook.charts)
        // The text leaves out the count of commands: a replay of a saved session has its
        // seed and date lines too, and would say another number.
        return Reply(.message("Wrote the notebook \(path.text) (\(format == .html ? "HTML" : "Markdown"), "
                              + "\(charts) chart\(charts == 1 ? "" : "s")).",
                              figures: [.init("path", .text(path.text)), .init("format", .text(format.rawValue)),
                                        .init("commands", .integer(commands)), .init("charts", .integer(charts))]))
    }
}
