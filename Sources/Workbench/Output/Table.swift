/// A table result: columns and rows of text cells, in the order they were produced.
public struct Table: Sendable, Hashable {
    public struct Column: Sendable, Hashable {
        public enum Alignment: Sendable, Hashable {
            case left
            case right
        }

        public let title: String
        public let alignment: Alignment

        public init(_ title: String, _ alignment: Alignment = .left) {
            self.title = title
            self.alignment = alignment
        }
    }

    public let columns: [Column]
    public let rows: [[String]]

    public init(columns: [Column], rows: [[String]]) {
        self.columns = columns
        self.rows = rows
    }
}

/// A labelled value in a section.
public struct Field: Sendable, Hashable {
    public let label: String
    public let value: String

    public init(_ label: String, _ value: String) {
        self.label = label
        self.value = value
    }
}

/// A titled block of a document result: labelled fields, and optionally a table.
public struct Section: Sendable, Hashable {
    public let title: String?
    public let fields: [Field]
    public let table: Table?

    public init(title: String? = nil, fields: [Field] = [], table: Table? = nil) {
        self.title = title
        self.fields = fields
        self.table = table
    }
}

/// What a command produced. Commands never print: a renderer draws this.
public enum CommandResult: Sendable, Hashable {
    /// A confirmation or an answer in words.
    case message(String)
    case table(Table)
    /// Several sections, as `show` gives.
    case document([Section])
    /// Nothing to show.
    case empty
}
