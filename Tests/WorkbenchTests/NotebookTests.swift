import Foundation
import Testing
@testable import Workbench

@Suite("Notebooks")
struct NotebookTests {
    /// A session with one of each chart: a map, impact's bars, sensitivity's tornado and a
    /// windowed DES run's work in progress.
    static func workshop() throws -> Session {
        var session = Session()
        let lines = [
            "set today 2026-12-01", "load demo", "## Where IT feeds the loan stream", "map apply-for-loan",
            "degrade it-infra availability to 90%", "impact apply-for-loan", "sensitivity", "restore all",
            "degrade it-infra availability to 0% from 20h for 8h",
            "simulate engine des runs 2 horizon 60h warmup 10h stream open-account", "note \"A <b>bold</b> & risky claim\"",
            "show it-infa", "add stream x \"X\" customer", "undo",
        ]
        for line in lines { _ = session.run(Source(name: .prompt, text: line, baseDirectory: "/")) }
        return session
    }

    @Test("the HTML page is self-contained: inline styles and SVG, no script, no reference outside it")
    func selfContained() throws {
        let html = try Self.workshop().notebook().html()
        #expect(html.hasPrefix("<!DOCTYPE html>\n<html lang=\"en\">"))
        for forbidden in ["<script", "http:", "https:", " src=", "href=", "@import", "<link", "<img", "<iframe", "<object"] {
            #expect(!html.contains(forbidden), "the page holds \(forbidden)")
        }
        // url() appears only for the arrowheads the maps define on the page itself.
        let urls = html.components(separatedBy: "url(").dropFirst()
        #expect(urls.allSatisfy { $0.hasPrefix("#") })
        #expect(html.contains("<style>") && html.contains("@media print") && html.contains("size: A4"))
    }

    @Test("every kind of chart is an SVG with a title and a text alternative of its figures")
    func charts() throws {
        let html = try Self.workshop().notebook().html()
        let svgs = html.components(separatedBy: "<svg ").dropFirst()
        // The map, impact's bars, five tornadoes (one per customer stream) and the work in progress.
        #expect(svgs.count == 8)
        for svg in svgs {
            #expect(svg.contains("role=\"img\""))
            #expect(svg.contains("<title id=") && svg.contains("<desc id="))
        }
        #expect(html.contains("class=\"stage\""), "the value-stream map")
        #expect(html.contains("class=\"bar\""), "bars")
        #expect(html.contains("class=\"series\""), "the time series")
        #expect(html.contains("class=\"band\"") && html.contains("shaded: the window, 20–28h"), "the window shaded, and said")
        #expect(html.contains("<desc id=\"c6-chart-desc\">apply-for-loan time_to_value_mean_h: +1.740%"), "impact's figures in words")
        // Ids are unique on the page.
        let ids = html.components(separatedBy: " id=\"").dropFirst().map { $0.prefix { $0 != "\"" } }
        #expect(Set(ids).count == ids.count)
    }

    @Test("the page is accessible: headings, header cells, escaped text; failures out, undone work marked")
    func structure() throws {
        let html = try Self.workshop().notebook().html()
        #expect(html.contains("<h1>vsw notebook: Northwind Bank</h1>"))
        #expect(html.contains("<h2 class=\"command\"><span class=\"prompt\" aria-hidden=\"true\">vsw&gt; </span><code>impact apply-for-loan</code></h2>"))
        #expect(html.contains("<th scope=\"col\">stream</th>"))
        #expect(html.contains("<p class=\"narrative\">A &lt;b&gt;bold&lt;/b&gt; &amp; risky claim</p>"))
        #expect(!html.contains("it-infa"), "a failed command is not in the notebook")
        #expect(html.contains("<code>add stream x &quot;X&quot; customer</code> <span class=\"badge\">undone later</span>"))
        #expect(html.contains("<code>undo</code>"))
    }

    @Test("the Markdown has a heading, narrative, each command in a code block and tables as pipe tables")
    func markdown() throws {
        let markdown = try Self.workshop().notebook().markdown()
        let lines = markdown.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        #expect(Array(lines.prefix(3)) == ["<!-- vsw notebook -->", "", "# vsw notebook: Northwind Bank"])
        #expect(markdown.contains("\n\nWhere IT feeds the loan stream\n\n"))
        #expect(markdown.contains("```vsw\nvsw> impact apply-for-loan\n```\n\n| stream | metric |"))
        #expect(markdown.contains("\n| --- | --- | ---: |"))
        #expect(markdown.contains("Change % by figure:\n\n```text\n"))
        // Every fence that opens closes.
        #expect(lines.filter { $0.hasPrefix("```") }.count % 2 == 0)
        #expect(MarkdownRenderer.fence("a ``` b", language: "text") == "````text\na ``` b\n````")
        // Table notes are paragraphs of their own.
        #expect(markdown.contains("\n\nA rate's change is in percentage points (pp); change % is relative to the baseline.\n\n"))
    }

    @Test("narrative and names read as themselves in Markdown, not as headings, lists, fences or HTML", arguments: [
        ("# not a heading", "\\# not a heading"), ("- not a list", "\\- not a list"), ("1. not a list", "1\\. not a list"),
        ("```", "\\`\\`\\`"), ("<b>bold</b> & co &amp;", "&lt;b>bold&lt;/b> & co &amp;amp;"), ("a | b *c*", "a \\| b \\*c\\*"),
        ("> not a quote", "\\> not a quote"), ("plain_id words", "plain_id words"),
    ])
    func markdownEscapes(_ note: String, _ expected: String) throws {
        var session = Session()
        _ = session.run(Source(name: .prompt, text: "note " + Lexer.quoted(note), baseDirectory: "/"))
        _ = session.run(Source(name: .prompt, text: "help quit", baseDirectory: "/"))
        let markdown = session.notebook().markdown()
        #expect(markdown.contains("\n\n" + expected + "\n\n```vsw\nvsw> help quit\n```"), "\(markdown)")
    }

    @Test("a stream with no stages has no map picture; the page stays valid")
    func emptyMap() throws {
        var session = Session()
        for line in ["new model Empty", "add stream x \"X\" customer", "map x"] {
            _ = session.run(Source(name: .prompt, text: line, baseDirectory: "/"))
        }
        let html = session.notebook().html()
        #expect(!html.contains("<svg"))
        #expect(html.contains("Value stream map: X (x)"))
    }

    @Test("export notebook writes by the extension, refuses another, and a replay writes only where it may")
    func exportCommand() throws {
        let folder = try temporaryFolder()
        var session = try Self.workshop()
        let before = session.notebook().html()
        let reply = try run(&session, "export notebook book.html", in: folder)
        guard case .message(let text, _) = reply.result else { Issue.record("a message"); return }
        #expect(text == "Wrote the notebook book.html (HTML, 8 charts).")
        guard case .message(_, let figures) = reply.result else { return }
        #expect(figures.first { $0.key == "commands" }?.value == .integer(11))
        #expect(try String(contentsOfFile: folder + "/book.html", encoding: .utf8) == before)
        try run(&session, "export notebook book.md", in: folder)
        #expect(try String(contentsOfFile: folder + "/book.md", encoding: .utf8).contains("\n# vsw notebook"))
        #expect(failure(&session, "export notebook book.pdf", in: folder)?.message.contains("end the path in .md or .html") == true)
        #expect(failure(&session, "export notebook md", in: folder)?.message.contains("end the path in .md or .html") == true)
        // A file that is not a notebook is kept unless --force; a notebook vsw wrote is replaced.
        try "# My own notes\n".write(toFile: folder + "/notes.md", atomically: true, encoding: .utf8)
        #expect(failure(&session, "export notebook notes.md", in: folder)?.message.contains("is not a vsw notebook; add --force") == true)
        #expect(try String(contentsOfFile: folder + "/notes.md", encoding: .utf8) == "# My own notes\n")
        try run(&session, "export notebook notes.md --force", in: folder)
        try run(&session, "export notebook notes.md", in: folder)
        #expect(Notebook.mayReplace(folder + "/notes.md") && Notebook.mayReplace(folder + "/book.html"))
        // Replayed, the export is written again, under the replay's rules.
        try "load demo\nexport notebook ../out.html\n".write(toFile: folder + "/s.vsw", atomically: true, encoding: .utf8)
        let check = TranscriptCheck.check(try SessionScript.read("s.vsw", workingDirectory: folder + "/"), in: Session(),
                                          workingDirectory: folder)
        #expect(check.error?.contains("a replayed script may write only under") == true)
    }

    @Test("the same session gives the same bytes")
    func deterministic() throws {
        #expect(try Self.workshop().notebook().html() == Self.workshop().notebook().html())
        #expect(try Self.workshop().notebook().markdown() == Self.workshop().notebook().markdown())
    }
}
