/// One value in a result, typed so each renderer can spell it its own way: text shows what a
/// person reads (`15m`, `62.50%`), JSON and CSV what a program reads (`0.25`, `0.625`).
public indirect enum Value: Sendable, Hashable {
    case text(String)
    case integer(Int)
    /// A figure: four significant digits in text, six in JSON.
    case number(Double)
    /// A fraction: a percentage in text, the fraction in JSON.
    case percent(Double)
    /// A value as the user typed it (`15m`, `120/day`), with the figure JSON carries.
    case typed(String, Double)
    case bool(Bool)
    case list([Value])
    case object([Entry])
    /// Absent: empty in text and CSV, `null` in JSON.
    case null

    /// A key and its value, in an object or a message's figures.
    public struct Entry: Sendable, Hashable {
        /// The key in JSON (`latency_h`).
        public let key: String
        public let value: Value
        /// The word text shows instead of the key (`latency`), if it differs.
        public let label: String?

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
    public struct Column: Sendable, Hashable {
        public enum Alignment: Sendable, Hashable {
            case left
            case right
        }

        /// The key in JSON and CSV (`time_h`).
        public let key: String
        /// The heading in text and Markdown (`time`).
        public let title: String
        public let alignment: Alignment

        public init(_ key: String, _ title: String? = nil, _ alignment: Alignment = .left) {
            self.key = key
            self.title = title ?? key
            self.alignment = alignment
        }
    }

    public let columns: [Column]
    public let rows: [[Value]]
    /// Lines for people, drawn under the table in text and Markdown; not data.
    public let notes: [String]

    public init(columns: [Column], rows: [[Value]], notes: [String] = []) {
        self.columns = columns
        self.rows = rows
        self.notes = notes
    }
}

/// A labelled value in a section.
public struct Field: Sendable, Hashable {
    public let label: String
    public let value: Value

    public init(_ label: String, _ value: Value) {
        self.label = label
        self.value = value
    }
}

/// A titled block of a document: labelled fields, preformatted lines, and a table.
public struct Section: Sendable, Hashable {
    public let title: String?
    public let fields: [Field]
    /// Text drawn as it is (a value-stream map).
    public let lines: [String]
    public let table: Table?

    public init(title: String? = nil, fields: [Field] = [], lines: [String] = [], table: Table? = nil) {
        self.title = title
        self.fields = fields
        self.lines = lines
        self.table = table
    }
}

/// A result that reads as sections in text and as one object in JSON.
public struct Document: Sendable, Hashable {
    public let sections: [Section]
    /// The same content for programs: one JSON object.
    public let data: Value

    public init(sections: [Section], data: Value) {
        self.sections = sections
        self.data = data
    }
}

/// What a command produced. Commands never print: a renderer draws this.
public enum CommandResult: Sendable, Hashable {
    /// A confirmation or an answer in words, with the figures behind it.
    case message(String, figures: [Value.Entry] = [])
    case table(Table)
    case document(Document)
    /// Nothing to show.
    case empty
}
