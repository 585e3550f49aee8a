/// Charts as inline SVG for the HTML notebook: sized by their content, styled by the page's
/// CSS classes, each with a `<title>` and a `<desc>` that says its figures in words.
enum SVGCharts {
    /// The chart as an `<svg>` element; `id` makes its title and description unique on the page.
    static func svg(_ chart: Chart, id: String) -> String {
        let body: (width: Double, height: Double, content: String)
        switch chart.kind {
        case .bars(let bars, _): body = self.bars(bars)
        case .series(let points, let xLabel, let yLabel, _, let bands): body = series(points, xLabel: xLabel, yLabel: yLabel, bands: bands)
        case .valueStreamMap(_, let stages): body = map(stages, id: id)
        }
        return "<svg class=\"chart\" viewBox=\"0 0 \(number(body.width)) \(number(body.height))\" width=\"\(number(body.width))\" "
            + "role=\"img\" aria-labelledby=\"\(id)-title\" aria-describedby=\"\(id)-desc\">"
            + "<title id=\"\(id)-title\">\(HTML.escape(chart.title))</title><desc id=\"\(id)-desc\">\(HTML.escape(chart.description))</desc>"
            + body.content + "</svg>"
    }

    /// Horizontal bars about an axis: labels on the left, negatives left of the axis.
    private static func bars(_ bars: [Chart.Bar]) -> (Double, Double, String) {
        // Labels past 46 characters are cut short on the picture; the description has them whole.
        let labelLimit = 46
        let row = 26.0, labelWidth = Double(min(labelLimit, bars.map(\.label.count).max() ?? 0)) * 7.6 + 12, span = 300.0, textWidth = 120.0
        let largest = bars.map { abs($0.value) }.filter(\.isFinite).max() ?? 0
        let anyNegative = bars.contains { $0.value < 0 }
        let axis = labelWidth + (anyNegative ? span : 0)
        let width = axis + span + textWidth
        var content = ""
        for (index, bar) in bars.enumerated() {
            let y = Double(index) * row + 6
            let length: Double
            if !bar.value.isFinite { length = bar.value.isNaN ? 0 : span }
            else if largest > 0 { length = max(bar.value == 0 ? 0 : 2, abs(bar.value) / largest * span) }
            else { length = 0 }
            let x = bar.value < 0 ? axis - length : axis
            let kind = !bar.value.isFinite ? "bar overload" : bar.value < 0 ? "bar negative" : "bar"
            content += "<text class=\"label\" x=\"\(number(labelWidth - 8))\" y=\"\(number(y + 14))\" text-anchor=\"end\">"
                + "\(HTML.escape(clip(bar.label, labelLimit)))</text>"
            content += "<rect class=\"\(kind)\" x=\"\(number(x))\" y=\"\(number(y))\" width=\"\(number(length))\" height=\"18\"/>"
            let textX = bar.value < 0 ? axis + 6 : axis + length + 6
            content += "<text class=\"value\" x=\"\(number(textX))\" y=\"\(number(y + 14))\">\(HTML.escape(bar.text))</text>"
        }
        let height = Double(bars.count) * row + 12
        content += "<line class=\"axis\" x1=\"\(number(axis))\" y1=\"0\" x2=\"\(number(axis))\" y2=\"\(number(height))\"/>"
        return (width, height, content)
    }

    /// A line over time with its axes, the peak marked and the bands shaded behind it.
    private static func series(_ points: [Chart.Point], xLabel: String, yLabel: String, bands: [Chart.Band]) -> (Double, Double, String) {
        let width = 760.0, height = 260.0, left = 60.0, right = 20.0, top = 16.0, bottom = 44.0
        let plotWidth = width - left - right, plotHeight = height - top - bottom
        let xs = points.map(\.x), ys = points.map(\.y)
        let xMin = xs.min() ?? 0, xMax = max(xs.max() ?? 1, xMin + 1e-9)
        let yMax = (ys.max() ?? 0) > 0 ? ys.max() ?? 1 : 1
        func px(_ x: Double) -> Double { left + (x - xMin) / (xMax - xMin) * plotWidth }
        func py(_ y: Double) -> Double { top + plotHeight - y / yMax * plotHeight }
        var content = ""
        for band in bands {
            // Only the part inside the plot: a window may start before the series or end after it.
            let from = px(min(max(band.from, xMin), xMax)), to = px(min(max(band.to, xMin), xMax))
            guard to > from else { continue }
            content += "<rect class=\"band\" x=\"\(number(from))\" y=\"\(number(top))\" width=\"\(number(to - from))\" height=\"\(number(plotHeight))\"/>"
            content += "<text class=\"band-label\" x=\"\(number(from + 4))\" y=\"\(number(top + 12))\">\(HTML.escape(band.label))</text>"
        }
        content += "<line class=\"axis\" x1=\"\(number(left))\" y1=\"\(number(top + plotHeight))\" x2=\"\(number(left + plotWidth))\" y2=\"\(number(top + plotHeight))\"/>"
        content += "<line class=\"axis\" x1=\"\(number(left))\" y1=\"\(number(top))\" x2=\"\(number(left))\" y2=\"\(number(top + plotHeight))\"/>"
        // Ticks as whole numbers where the range is wide enough, else to three figures.
        func tick(_ value: Double, range: Double) -> String {
            range >= 10 ? String(Int(value.rounded())) : Figures.significant(value, digits: 3)
        }
        for fraction in points.count > 1 ? [0.0, 0.5, 1.0] : [1.0] {
            let y = yMax * fraction
            content += "<text class=\"tick\" x=\"\(number(left - 6))\" y=\"\(number(py(y) + 4))\" text-anchor=\"end\">\(tick(y, range: yMax))</text>"
            let x = xMin + (xMax - xMin) * fraction
            content += "<text class=\"tick\" x=\"\(number(px(x)))\" y=\"\(number(top + plotHeight + 16))\" text-anchor=\"middle\">"
                + "\(tick(x, range: xMax - xMin))</text>"
        }
        let path = points.map { "\(number(px($0.x))),\(number(py($0.y)))" }.joined(separator: " ")
        content += "<polyline class=\"series\" points=\"\(path)\"/>"
        if let peak = points.max(by: { $0.y < $1.y }) {
            content += "<circle class=\"peak\" cx=\"\(number(px(peak.x)))\" cy=\"\(number(py(peak.y)))\" r=\"4\"/>"
        }
        content += "<text class=\"axis-label\" x=\"\(number(left + plotWidth / 2))\" y=\"\(number(height - 6))\" text-anchor=\"middle\">\(HTML.escape(xLabel))</text>"
        content += "<text class=\"axis-label\" x=\"14\" y=\"\(number(top + plotHeight / 2))\" text-anchor=\"middle\" "
            + "transform=\"rotate(-90 14 \(number(top + plotHeight / 2)))\">\(HTML.escape(yLabel))</text>"
        return (width, height, content)
    }

    /// Stages as boxes left to right, arrows between them (a hand-off marked), and the
    /// supporting streams feeding each stage above it.
    private static func map(_ stages: [Chart.MapStage], id: String) -> (Double, Double, String) {
        let box = 196.0, gap = 36.0, feederLine = 16.0
        let feeders = Double(stages.map(\.feeders.count).max() ?? 0)
        let top = 12 + feeders * feederLine + (feeders > 0 ? 18 : 0)
        let boxHeight = 108.0
        let width = Double(stages.count) * (box + gap) - gap + 24
        let arrow = "\(id)-arrow"
        var content = "<defs><marker id=\"\(arrow)\" viewBox=\"0 0 10 10\" refX=\"9\" refY=\"5\" markerWidth=\"7\" markerHeight=\"7\" "
            + "orient=\"auto-start-reverse\"><path d=\"M 0 0 L 10 5 L 0 10 z\" class=\"arrowhead\"/></marker></defs>"
        for (index, stage) in stages.enumerated() {
            let x = 12 + Double(index) * (box + gap)
            for (row, feeder) in stage.feeders.enumerated() {
                content += "<text class=\"feeder\" x=\"\(number(x + box / 2))\" y=\"\(number(12 + Double(row + 1) * feederLine - 4))\" "
                    + "text-anchor=\"middle\">\(HTML.escape(clip(feeder, 26)))</text>"
            }
            if !stage.feeders.isEmpty {
                content += "<line class=\"feed\" x1=\"\(number(x + box / 2))\" y1=\"\(number(top - 16))\" x2=\"\(number(x + box / 2))\" "
                    + "y2=\"\(number(top - 2))\" marker-end=\"url(#\(arrow))\"/>"
            }
            content += "<rect class=\"stage\" x=\"\(number(x))\" y=\"\(number(top))\" width=\"\(number(box))\" height=\"\(number(boxHeight))\" rx=\"6\"/>"
            content += "<text class=\"stage-name\" x=\"\(number(x + 10))\" y=\"\(number(top + 22))\">\(index + 1). \(HTML.escape(clip(stage.name, 20)))</text>"
            content += "<text class=\"stage-team\" x=\"\(number(x + 10))\" y=\"\(number(top + 44))\">\(HTML.escape(clip(stage.functions.joined(separator: ", "), 24)))</text>"
            let flow = stage.flow.components(separatedBy: ", ")
            for (row, part) in flow.prefix(3).enumerated() {
                content += "<text class=\"stage-flow\" x=\"\(number(x + 10))\" y=\"\(number(top + 64 + Double(row) * 16))\">\(HTML.escape(clip(part, 26)))</text>"
            }
            if index + 1 < stages.count {
                let y = top + boxHeight / 2
                content += "<line class=\"\(stage.handoff ? "flow handoff" : "flow")\" x1=\"\(number(x + box))\" y1=\"\(number(y))\" "
                    + "x2=\"\(number(x + box + gap - 2))\" y2=\"\(number(y))\" marker-end=\"url(#\(arrow))\"/>"
            }
        }
        return (width, top + boxHeight + 12, content)
    }

    private static func clip(_ text: String, _ count: Int) -> String {
        text.count > count ? String(text.prefix(count - 1)) + "…" : text
    }

    /// A coordinate to two decimals at most, without trailing zeros: the same bytes every run.
    private static func number(_ value: Double) -> String {
        guard value.isFinite else { return "0" }
        var text = String(format: "%.2f", value)
        while text.contains("."), text.hasSuffix("0") { text.removeLast() }
        if text.hasSuffix(".") { text.removeLast() }
        return text == "-0" ? "0" : text
    }
}
