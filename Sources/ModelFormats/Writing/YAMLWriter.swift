/// Renders a `FileTree` as YAML: block style for the model and each stream, one flow
/// mapping per stage, metric, link, sign-off and segment, values as typed.
enum YAMLWriter {
    static func render(_ tree: FileTree) -> String {
        var output = ""
        block(tree, indent: 0, into: &output)
        return output
    }

    private static func block(_ tree: FileTree, indent: Int, into output: inout String) {
        guard case .map(let pairs, _) = tree else { return }
        let pad = String(repeating: " ", count: indent)
        for (key, value) in pairs {
            switch value {
            case .list(let items) where items.contains(where: isMapping):
                output += "\(pad)\(key):\n"
                for item in items {
                    if case .map(_, block: true) = item {
                        var nested = ""
                        block(item, indent: indent + 4, into: &nested)
                        // The first line of a block item follows its dash.
                        output += "\(pad)  - " + nested.dropFirst(indent + 4)
                    } else {
                        output += "\(pad)  - \(flow(item))\n"
                    }
                }
            case .map(_, block: true):
                output += "\(pad)\(key):\n"
                block(value, indent: indent + 2, into: &output)
            default:
                output += "\(pad)\(key): \(flow(value))\n"
            }
        }
    }

    private static func isMapping(_ tree: FileTree) -> Bool {
        if case .map = tree { return true }
        return false
    }

    private static func flow(_ tree: FileTree) -> String {
        switch tree {
        case .string(let text): return YAMLScalar.quotedIfNeeded(text)
        case .unit(let text), .bare(let text): return text
        case .list(let items): return "[" + items.map(flow).joined(separator: ", ") + "]"
        case .map(let pairs, _): return "{ " + pairs.map { "\($0.0): \(flow($0.1))" }.joined(separator: ", ") + " }"
        }
    }
}

/// When text may be written as a plain YAML scalar, and how to quote it when not.
enum YAMLScalar {
    /// Words that YAML 1.1 or 1.2 readers would take for a boolean or null.
    private static let reserved: Set<String> = ["true", "false", "yes", "no", "on", "off", "y", "n", "null", "~"]

    static func quotedIfNeeded(_ text: String) -> String {
        isSafePlain(text) ? text : doubleQuoted(text)
    }

    /// Plain only when no reader, in block or flow context, could read it differently.
    static func isSafePlain(_ text: String) -> Bool {
        guard let first = text.unicodeScalars.first, let last = text.unicodeScalars.last else { return false }
        if reserved.contains(text.lowercased()) { return false }
        if "-?:,[]{}#&*!|>'\"%@`".unicodeScalars.contains(first) { return false }
        if first.properties.numericType != nil || first == "." || first == "+" { return false }
        if first == " " || last == " " || last == ":" { return false }
        if text.contains(": ") || text.contains(" #") { return false }
        for scalar in text.unicodeScalars {
            if ",[]{}\"\\".unicodeScalars.contains(scalar) || scalar == "\t" || mustEscape(scalar) { return false }
        }
        return true
    }

    /// Characters a reader would refuse or change (YAML's non-printables, NEL, line and
    /// paragraph separators, invisible format characters): written as escapes.
    static func mustEscape(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x20...0x7E:
            return false
        case 0x85, 0x2028, 0x2029:
            return true
        case 0xA0...0xD7FF, 0xE000...0xFFFD, 0x10000...0x10FFFF:
            return scalar.properties.generalCategory == .format
        default:
            return true
        }
    }

    static func doubleQuoted(_ text: String) -> String {
        quoted(text) { scalar in
            if scalar.value < 0x100 { return "\\x" + hex(scalar.value, width: 2) }
            if scalar.value <= 0xFFFF { return "\\u" + hex(scalar.value, width: 4) }
            return "\\U" + hex(scalar.value, width: 8)
        }
    }

    /// Text in double quotes with the escapes YAML and JSON share; `escape` spells any other
    /// character that `mustEscape` flags (nil keeps it as it is).
    static func quoted(_ text: String, escape: (Unicode.Scalar) -> String?) -> String {
        var output = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": output += "\\\""
            case "\\": output += "\\\\"
            case "\n": output += "\\n"
            case "\t": output += "\\t"
            case "\r": output += "\\r"
            default:
                if mustEscape(scalar), let escaped = escape(scalar) {
                    output += escaped
                } else {
                    output.unicodeScalars.append(scalar)
                }
            }
        }
        return output + "\""
    }

    static func hex(_ value: UInt32, width: Int) -> String {
        let digits = String(value, radix: 16, uppercase: true)
        return String(repeating: "0", count: max(0, width - digits.count)) + digits
    }
}
