/// A cheap scan before composing untrusted YAML: Yams' composer recurses, so a file nested
/// thousands deep would exhaust the stack. The bound over-counts (flow brackets plus
/// indentation steps plus compact `- - -` dashes), which is safe for real model files.
enum NestingGuard {
    static let maximumDepth = 64

    /// The line of the first place nested deeper than `maximumDepth`, or nil.
    static func firstTooDeepLine(in text: String) -> Int? {
        var flowDepth = 0
        var indents: [Int] = []
        var lineNumber = 0
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            lineNumber += 1
            let scalars = Array(line.unicodeScalars)
            var position = 0
            while position < scalars.count, scalars[position] == " " { position += 1 }
            if position == scalars.count || scalars[position] == "#" { continue }
            if flowDepth == 0 {
                while let last = indents.last, last >= position { indents.removeLast() }
                indents.append(position)
            }
            var dashes = 0
            var quote: Unicode.Scalar?
            var index = position
            while index < scalars.count {
                let scalar = scalars[index]
                if let open = quote {
                    if scalar == "\\", open == "\"" { index += 1 } else if scalar == open { quote = nil }
                } else {
                    switch scalar {
                    case "\"", "'": quote = scalar
                    case "[", "{": flowDepth += 1
                    case "]", "}": flowDepth = max(0, flowDepth - 1)
                    case "#" where index > 0 && scalars[index - 1] == " ": index = scalars.count
                    case "-" where index + 1 < scalars.count && scalars[index + 1] == " " && flowDepth == 0: dashes += 1
                    default: break
                    }
                }
                index += 1
            }
            if flowDepth + indents.count + dashes > maximumDepth { return lineNumber }
        }
        return nil
    }
}
