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
        #expect(lines.first == "# vsw notebook: Northwind Bank")
        #expect(markdown.contains("\n\nWhere IT feeds the loan stream\n\n"))
        #expect(markdown.contains("```vsw\nvsw> impact apply-for-loan\n```\n\n| stream | metric |"))
        #expect(markdown.contains("\n| --- | --- | ---: |"))
        #expect(markdown.contains("Change % by figure:\n\n```text\n"))
        // Every fence that opens closes.
        #expect(lines.filter { $0.hasPrefix("```") }.count % 2 == 0)
        #expect(Notebook.fence("a ``` b", language: "text") == "````text\na ``` b\n````")
    }

    @Test("export notebook writes by the extension, refuses another, and a replay writes only where it may")
    func exportCommand() throws {
        let folder = try temporaryFolder()
        var session = try Self.workshop()
        let before = session.notebook().html()
        let reply = try run(&session, "export notebook book.html", in: folder)
        guard case .message(let text, _) = reply.result else { Issue.record("a message"); return }
        #expect(text == "Wrote the notebook book.html (HTML): 11 commands, 8 charts.")
        #expect(try String(contentsOfFile: folder + "/book.html", encoding: .utf8) == before)
        try run(&session, "export notebook book.md", in: folder)
        #expect(try String(contentsOfFile: folder + "/book.md", encoding: .utf8).hasPrefix("# vsw notebook"))
        #expect(failure(&session, "export notebook book.pdf", in: folder)?.message.contains("end the path in .md or .html") == true)
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
