/// One value in a result, typed so each renderer can spell it its own way: text shows what a
/// person reads (`15m`, `62.50%`), JSON and CSV what a program reads (`0.25`, `0.625`).
public indirect enum Value: Sendable, Hashable {
    /// Words, shown as they are; a string in JSON.
    case text(String)
    /// A whole number, spelled in full everywhere.
    case integer(Int)
    /// A figure: four significant digits in text, six in JSON.
    case number(Double)
    /// A fraction: a percentage in text, the fraction in JSON.
    case percent(Double)
    /// A value as the user typed it (`15m`, `120/day`), with the figure JSON carries.
    case typed(String, Double)
    /// A flag: `yes` or `no` in text, `true` or `false` in JSON and CSV.
    case bool(Bool)
    /// Items in order: comma-separated in text, `;`-separated in CSV, an array in JSON.
    case list([Value])
    /// Keyed entries in order: `label value` pairs in text, `key=value` in CSV, an object in JSON.
    case object([Entry])
    /// A figure with a rating 1 (bad) to 5 (good): coloured red to green on a terminal; the
    /// figure in JSON.
    case rated(String, Double, rating: Int)
    /// Absent: empty in text and CSV, `null` in JSON.
    case null

    /// A key and its value, in an object or a message's figures.
    public struct Entry: Sendable, Hashable {
        /// The key in JSON (`latency_h`).
        public let key: String
        /// The value under the key.
        public let value: Value
        /// The word text shows instead of the key (`latency`), if it differs.
        public let label: String?

        /// Creates an entry; without a label, text shows the key.
        public init(_ key: String, _ value: Value, label: String? = nil) {
            self.key = key
            self.value = value
            self.label = label
        }
    }

    /// Text, or null when absent.
    static func optional(_ text: String?) -> Value { text.map(Value.text) ?? .null }
}

/// A table result: columns and rows, in the order they were produced.
public struct Table: Sendable, Hashable {
    /// A column: its key for programs, its heading for people, its alignment.
    public struct Column: Sendable, Hashable {
        /// Which side cells line up on in text and Markdown.
        public enum Alignment: Sendable, Hashable {
            /// Flush left, for words.
            case left
            /// Flush right, for figures.
            case right
        }

        /// The key in JSON and CSV (`time_h`).
        public let key: String
        /// The heading in text and Markdown (`time`).
        public let title: String
        /// Which side its cells line up on; left unless said otherwise.
        public let alignment: Alignment

        /// Creates a column; the title defaults to the key and the alignment to left.
        public init(_ key: String, _ title: String? = nil, _ alignment: Alignment = .left) {
            self.key = key
            self.title = title ?? key
            self.alignment = alignment
        }
    }

    /// The columns, in order.
    public let columns: [Column]
    /// The rows, each with one value per column.
    public let rows: [[Value]]
    /// Lines for people, drawn under the table in text and Markdown; not data.
    public let notes: [String]
    /// A chart of the rows' figures, drawn after the notes under its title.
    public let chart: Chart?

    /// Creates a table; notes default to none.
    public init(columns: [Column], rows: [[Value]], notes: [String] = [], chart: Chart? = nil) {
        self.columns = columns
        self.rows = rows
        self.notes = notes
        self.chart = chart
    }
}

extension Table {
    /// The rows as a list of objects keyed by the columns: a table inside a document's data.
    public var records: Value {
        .list(rows.map { row in .object(zip(columns, row).map { Value.Entry($0.key, $1) }) })
    }
}

/// A labelled value in a section.
public struct Field: Sendable, Hashable {
    /// The label text shows before the value.
    public let label: String
    /// The value shown.
    public let value: Value

    /// Creates a field from a label and its value.
    public init(_ label: String, _ value: Value) {
        self.label = label
        self.value = value
    }
}

/// A titled block of a document: labelled fields, preformatted lines, and a table.
public struct Section: Sendable, Hashable {
    /// The heading; nil for an untitled section.
    public let title: String?
    /// Labelled values, drawn first, in order.
    public let fields: [Field]
    /// Text drawn as it is (a value-stream map).
    public let lines: [String]
    /// A table drawn after the fields and lines; nil for none.
    public let table: Table?
    /// A chart, drawn after the lines and before the table; the section's title is its caption.
    public let chart: Chart?

    /// Creates a section; every part defaults to empty.
    public init(title: String? = nil, fields: [Field] = [], lines: [String] = [], chart: Chart? = nil, table: Table? = nil) {
        self.title = title
        self.fields = fields
        self.lines = lines
        self.chart = chart
        self.table = table
    }
}

/// A result that reads as sections in text and as one object in JSON.
public struct Document: Sendable, Hashable {
    /// What text and Markdown draw, in order.
    public let sections: [Section]
    /// The same content for programs: one JSON object.
    public let data: Value

    /// Creates a document from its sections for people and its data for programs.
    public init(sections: [Section], data: Value) {
        self.sections = sections
        self.data = data
    }
}

/// What a command produced. Commands never print: a renderer draws this.
public enum CommandResult: Sendable, Hashable {
    /// A confirmation or an answer in words, with the figures behind it.
    case message(String, figures: [Value.Entry] = [])
    /// A table: aligned columns in text, one JSON object per row.
    case table(Table)
    /// Sections for people, with one JSON object for programs.
    case document(Document)
    /// Nothing to show.
    case empty
}
