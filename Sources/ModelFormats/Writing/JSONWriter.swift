/// Renders a `FileTree` as JSON in the same schema: fixed key order, block mappings across
/// lines, flow mappings on one line, unit values as strings and plain numbers as numbers.
enum JSONWriter {
    static func render(_ tree: FileTree) -> String {
        value(tree, indent: 0) + "\n"
    }

    private static func value(_ tree: FileTree, indent: Int) -> String {
        let pad = String(repeating: " ", count: indent)
        let inner = String(repeating: " ", count: indent + 2)
        switch tree {
        case .string(let text):
            return quoted(text)
        case .unit(let text):
            return isJSONNumber(text) ? text : quoted(text)
        case .bare(let text):
            return text == "true" || text == "false" || isJSONNumber(text) ? text : quoted(text)
        case .list(let items):
            if items.contains(where: { if case .map = $0 { return true } else { return false } }) {
                return "[\n" + items.map { inner + value($0, indent: indent + 2) }.joined(separator: ",\n") + "\n\(pad)]"
            }
            return "[" + items.map { value($0, indent: indent) }.joined(separator: ", ") + "]"
        case .map(let pairs, let block):
            if block {
                return "{\n" + pairs.map { "\(inner)\(quoted($0.0)): \(value($0.1, indent: indent + 2))" }
                    .joined(separator: ",\n") + "\n\(pad)}"
            }
            return "{ " + pairs.map { "\(quoted($0.0)): \(value($0.1, indent: indent))" }.joined(separator: ", ") + " }"
        }
    }

    /// JSON's number grammar, without exponents: `-?(0|[1-9][0-9]*)(.[0-9]+)?`.
    static func isJSONNumber(_ text: String) -> Bool {
        var scalars = Substring(text).unicodeScalars[...]
        if scalars.first == "-" { scalars = scalars.dropFirst() }
        let integer = scalars.prefix { $0.properties.numericType != nil && $0.isASCII }
        guard !integer.isEmpty, integer.count == 1 || integer.first != "0" else { return false }
        scalars = scalars.dropFirst(integer.count)
        if scalars.isEmpty { return true }
        guard scalars.first == "." else { return false }
        let fraction = scalars.dropFirst()
        return !fraction.isEmpty && fraction.allSatisfy { $0.isASCII && $0.properties.numericType != nil }
    }

    /// A JSON string; `/` stays as it is. The reader is libyaml, which refuses what YAML
    /// calls non-printable; beyond the Basic Multilingual Plane everything is printable.
    static func quoted(_ text: String) -> String {
        YAMLScalar.quoted(text) { scalar in
            scalar.value > 0xFFFF ? nil : "\\u" + YAMLScalar.hex(scalar.value, width: 4)
        }
    }
}

/// JSON text for other modules' output (JSON Lines), spelled as the model files spell it.
public enum JSONText {
    /// A JSON string literal; `/` stays as it is; what libyaml would refuse is escaped.
    public static func quoted(_ text: String) -> String { JSONWriter.quoted(text) }
}
