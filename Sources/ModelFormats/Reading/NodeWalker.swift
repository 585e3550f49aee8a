import ValueStreams
import Yams

/// Walks a composed YAML tree with the key path of every node, collecting located
/// diagnostics and remembering where each path sits so later checks can point at it.
struct NodeWalker {
    let file: String
    private(set) var diagnostics: [Diagnostic] = []
    /// Where each key path's value starts, for locating whole-model checks.
    private(set) var marks: [String: Mark] = [:]
    private var nodesVisited = 0

    /// The most nodes one file may hold: bounds the walk whatever the input.
    static let maximumNodes = 2_000_000

    init(file: String) { self.file = file }

    var hasErrors: Bool { diagnostics.contains { $0.severity == .error } }

    mutating func report(_ severity: Diagnostic.Severity, at mark: Mark?, _ message: String) {
        diagnostics.append(Diagnostic(file: file, line: mark?.line ?? 1, column: mark?.column ?? 1,
                                      severity: severity, message: message))
    }

    mutating func error(_ node: Node, _ path: String, _ message: String) {
        report(.error, at: node.mark, path.isEmpty ? message : "\(path): \(message)")
    }

    /// The location of `path` or, failing that, of its nearest recorded ancestor.
    func mark(for path: String) -> Mark? {
        var current = Substring(path)
        while !current.isEmpty {
            if let mark = marks[String(current)] { return mark }
            guard let cut = current.lastIndex(where: { $0 == "." || $0 == "[" }) else { break }
            current = current[..<cut]
        }
        return marks[""]
    }

    /// Records `node` at `path`; false when the file holds too many values to walk.
    mutating func visit(_ node: Node, at path: String) -> Bool {
        nodesVisited += 1
        if nodesVisited == Self.maximumNodes {
            report(.error, at: node.mark, "the file holds more than \(Self.maximumNodes) values; split it")
        }
        guard nodesVisited < Self.maximumNodes else { return false }
        if marks[path] == nil { marks[path] = node.mark }
        return true
    }

    // MARK: Shapes

    /// A mapping's values by key, after reporting unknown keys (with "did you mean") and
    /// missing required keys. Nil when `node` is not a mapping.
    mutating func fields(of node: Node, at path: String, allowed: [String], required: [String] = [],
                         what: String) -> [String: Node]? {
        guard visit(node, at: path) else { return nil }
        guard case .mapping(let mapping) = node else {
            error(node, path, "expected \(what) (a mapping of keys to values), found \(describe(node))")
            return nil
        }
        var values: [String: Node] = [:]
        for (keyNode, value) in mapping {
            guard case .scalar(let key) = keyNode else {
                error(keyNode, path, "keys must be plain names, found \(describe(keyNode))")
                continue
            }
            let keyPath = path.isEmpty ? key.string : "\(path).\(key.string)"
            guard allowed.contains(key.string) else {
                report(.error, at: keyNode.mark,
                       "\(keyPath): unknown key '\(key.string)' in \(what)\(NameSuggestions.didYouMean(key.string, among: allowed))")
                continue
            }
            values[key.string] = value
        }
        for key in required where values[key].map(isEmpty) ?? true {
            let hint = values[key] == nil ? "missing required key '\(key)'" : "'\(key)' must not be empty"
            error(node, path, "\(hint) in \(what)")
        }
        return values
    }

    /// The items of a sequence; a null is an empty list.
    mutating func items(of node: Node, at path: String, what: String) -> [Node] {
        guard visit(node, at: path) else { return [] }
        switch node {
        case .sequence(let sequence): return Array(sequence)
        case _ where isNull(node): return []
        default:
            error(node, path, "expected a list of \(what), found \(describe(node)); write e.g. [A, B] or one '- ' item per line")
            return []
        }
    }

    /// A scalar's text; nil (after reporting) when the node is a mapping or a list, and nil
    /// without a report when it is null.
    mutating func text(_ node: Node, at path: String) -> String? {
        guard visit(node, at: path) else { return nil }
        guard case .scalar(let scalar) = node else {
            error(node, path, "expected a single value, found \(describe(node))")
            return nil
        }
        if isNull(node) { return nil }
        if scalar.style == .plain || scalar.style == .any, let decimal = Self.exponentFree(scalar.string) { return decimal }
        return scalar.string
    }

    /// A list of scalar texts.
    mutating func texts(_ node: Node, at path: String, what: String) -> [String] {
        items(of: node, at: path, what: what).enumerated().compactMap { index, item in
            text(item, at: "\(path)[\(index)]")
        }
    }

    /// A scalar read by `parse`, reporting its `UnitError` at the value.
    mutating func value<T>(_ node: Node, at path: String, _ parse: (String) throws(UnitError) -> T) -> T? {
        guard let text = text(node, at: path) else { return nil }
        do {
            return try parse(text)
        } catch {
            self.error(node, path, error.message)
            return nil
        }
    }

    /// A plain number written with an exponent (`1e-05`, as JSON writers spell small numbers)
    /// in the decimal spelling every field reader takes (`0.00001`); nil for anything else.
    static func exponentFree(_ text: String) -> String? {
        guard let e = text.firstIndex(where: { $0 == "e" || $0 == "E" }), text.count <= 40 else { return nil }
        let mantissa = text[..<e]
        var exponent = text[text.index(after: e)...]
        if exponent.first == "+" || exponent.first == "-" { exponent = exponent.dropFirst() }
        let digits = mantissa.drop { $0 == "-" || $0 == "+" }
        guard !digits.isEmpty, !exponent.isEmpty, exponent.count <= 3, exponent.allSatisfy({ $0.isASCII && $0.isNumber }),
              digits.allSatisfy({ ($0.isASCII && $0.isNumber) || $0 == "." }), digits.filter({ $0 == "." }).count <= 1,
              mantissa.count - digits.count <= 1, let value = Double(text), value.isFinite else { return nil }
        return value.shortDecimal
    }

    /// Whether a node is null or empty text, quoted or not.
    func isEmpty(_ node: Node) -> Bool {
        if isNull(node) { return true }
        if case .scalar(let scalar) = node { return scalar.string.isEmpty }
        return false
    }

    /// Whether a node is YAML's null: `~`, `null` or nothing, unquoted.
    func isNull(_ node: Node) -> Bool {
        guard case .scalar(let scalar) = node, scalar.style == .plain || scalar.style == .any else { return false }
        return ["", "~", "null", "Null", "NULL"].contains(scalar.string)
    }

    private func describe(_ node: Node) -> String {
        switch node {
        case .scalar(let scalar): return isNull(node) ? "nothing" : "'\(scalar.string)'"
        case .mapping: return "a mapping"
        case .sequence: return "a list"
        case .alias: return "an alias"
        }
    }
}
