/// A chart a result carries as data. Text draws it in characters, the HTML notebook as an
/// inline SVG with a title and a text alternative; JSON and CSV carry the figures in their
/// rows already and leave it out.
public struct Chart: Sendable, Hashable {
    /// One bar: its label, its signed size (infinite for an overload, drawn full length),
    /// and the figure written beside it.
    public struct Bar: Sendable, Hashable {
        public let label: String
        public let value: Double
        public let text: String
    }

    /// One point of a series.
    public struct Point: Sendable, Hashable {
        public let x: Double
        public let y: Double
    }

    /// A stretch of a series' x axis to shade (a degradation's window), with what it is.
    public struct Band: Sendable, Hashable {
        public let from: Double
        public let to: Double
        public let label: String
    }

    /// A stage on a value-stream map.
    public struct MapStage: Sendable, Hashable {
        public let name: String
        public let functions: [String]
        /// Its flow parameters in words (`2 servers, 20m`).
        public let flow: String
        /// The supporting streams feeding it, each `stream (effect)`.
        public let feeders: [String]
        /// Whether work changes hands to other functions after it.
        public let handoff: Bool
    }

    public enum Kind: Sendable, Hashable {
        /// Signed bars about an axis; a tornado when sorted by size. `width` is the longest
        /// bar in characters, in text.
        case bars([Bar], width: Int)
        /// A line over time: `x` in hours; `summary` is written after the text sparkline;
        /// `bands` are shaded on the picture.
        case series([Point], xLabel: String, yLabel: String, summary: String, bands: [Band] = [])
        /// A stream's stages in order with what feeds them. Its text form is the map's own
        /// lines, which the section holds; the chart is the picture.
        case valueStreamMap(stream: String, stages: [MapStage])
    }

    /// What the chart shows: its caption, and the title of its picture.
    public let title: String
    public let kind: Kind

    public init(_ title: String, _ kind: Kind) {
        self.title = title
        self.kind = kind
    }

    /// The chart in characters, one string a line (none for a map: its section's lines draw it).
    var textLines: [String] {
        switch kind {
        case .bars(let bars, let width): return Figures.bars(bars.map { ($0.label, $0.value, $0.text) }, width: width)
        case .series(let points, _, _, let summary, _): return [Figures.sparkline(points.map(\.y)) + " " + summary]
        case .valueStreamMap: return []
        }
    }

    /// The chart's figures in words, for those who cannot see the picture.
    var description: String {
        switch kind {
        case .bars(let bars, _): return bars.map { "\($0.label): \($0.text)" }.joined(separator: "; ")
        case .series(let points, let xLabel, let yLabel, let summary, let bands):
            return "\(yLabel) over \(xLabel), \(points.count) points \(summary)"
                + bands.map { "; shaded: \($0.label)" }.joined()
        case .valueStreamMap(let stream, let stages):
            return "\(stream): " + stages.enumerated().map { index, stage in
                "\(index + 1). \(stage.name)" + (stage.feeders.isEmpty ? "" : " (fed by \(stage.feeders.joined(separator: ", ")))")
            }.joined(separator: "; ")
        }
    }
}

extension Chart.Bar {
    init(_ label: String, _ value: Double, _ text: String) {
        self.init(label: label, value: value, text: text)
    }
}
