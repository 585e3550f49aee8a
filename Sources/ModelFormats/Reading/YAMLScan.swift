/// A cheap pass over untrusted YAML text before Yams composes it, and the one place that
/// knows where YAML comments are.
///
/// - Nesting: Yams' composer recurses, so a file nested thousands deep would exhaust the
///   stack. The depth counted over-estimates (flow brackets, plus indentation steps, plus
///   compact `- - -` dashes), which is safe for real model files.
/// - Anchors and aliases: Yams resolves aliases into copies and does not keep anchors, so
///   they cannot be seen in the tree; an alias bomb would multiply the walk. Model files
///   have no use for them.
/// Block scalars (`|`, `>`) are not followed; their text is scanned like any other.
struct YAMLScan {
    static let maximumDepth = 64

    struct Problem: Equatable {
        let line: Int
        let column: Int
        let message: String
    }

    private(set) var firstProblem: Problem?
    private(set) var hasComments = false

    init(_ text: String) {
        scan(Array(text.unicodeScalars))
    }

    private mutating func scan(_ scalars: [Unicode.Scalar]) {
        var line = 1
        var lineStart = 0
        var quote: Unicode.Scalar?
        var flowDepth = 0
        var indents: [Int] = []
        var dashes = 0
        var atLineStart = true
        var index = 0

        func problem(_ message: String, at position: Int) -> Problem {
            Problem(line: line, column: position - lineStart + 1, message: message)
        }
        /// Whether position follows a blank or starts the line: where `#` starts a comment.
        func afterBlank(_ position: Int) -> Bool {
            position == lineStart || scalars[position - 1] == " " || scalars[position - 1] == "\t"
        }
        /// Whether position starts a node, where a quote, an anchor or an alias may begin: at
        /// the line's first character, or after `: `, `- `, `[`, `{` or `,` (and blanks). In the
        /// middle of plain text (`A 'quoted`, `Hire *senior* analysts`) they are characters.
        func atNodeStart(_ position: Int) -> Bool {
            var back = position - 1
            while back >= lineStart, scalars[back] == " " || scalars[back] == "\t" { back -= 1 }
            guard back >= lineStart else { return true }
            switch scalars[back] {
            case "[", "{", ",": return true
            case ":":
                // `key: value`, or JSON's `"key":value`.
                return back + 1 < position || (back > lineStart && (scalars[back - 1] == "\"" || scalars[back - 1] == "'"))
            case "-", "?":
                // A block indicator: blanks on both sides.
                return back + 1 < position && (back == lineStart || scalars[back - 1] == " " || scalars[back - 1] == "\t")
            default: return false
            }
        }

        while index < scalars.count {
            let scalar = scalars[index]
            if scalar == "\n" {
                line += 1
                lineStart = index + 1
                dashes = 0
                atLineStart = quote == nil
                index += 1
                continue
            }
            if let open = quote {
                if open == "\"", scalar == "\\" {
                    index += 2
                    continue
                }
                if scalar == open {
                    if open == "'", index + 1 < scalars.count, scalars[index + 1] == "'" {
                        index += 2
                        continue
                    }
                    quote = nil
                }
                index += 1
                continue
            }
            if atLineStart {
                var position = index
                while position < scalars.count, scalars[position] == " " { position += 1 }
                atLineStart = false
                if position < scalars.count, scalars[position] != "\n", scalars[position] != "#", flowDepth == 0 {
                    let indent = position - lineStart
                    while let last = indents.last, last >= indent { indents.removeLast() }
                    indents.append(indent)
                    if indents.count > Self.maximumDepth {
                        firstProblem = problem(tooDeep, at: lineStart)
                        return
                    }
                }
                index = position
                continue
            }
            switch scalar {
            case "#" where afterBlank(index):
                hasComments = true
                while index < scalars.count, scalars[index] != "\n" { index += 1 }
                continue
            case "\"" where atNodeStart(index), "'" where atNodeStart(index):
                quote = scalar
            case "[", "{":
                flowDepth += 1
                if flowDepth + indents.count + dashes > Self.maximumDepth {
                    firstProblem = problem(tooDeep, at: index)
                    return
                }
            case "]", "}":
                flowDepth = max(0, flowDepth - 1)
            case "-" where flowDepth == 0 && atNodeStart(index) && index + 1 < scalars.count && scalars[index + 1] == " ":
                dashes += 1
                if flowDepth + indents.count + dashes > Self.maximumDepth {
                    firstProblem = problem(tooDeep, at: index)
                    return
                }
            case "&" where atNodeStart(index), "*" where atNodeStart(index):
                if index + 1 < scalars.count, !" \t\n,[]{}".unicodeScalars.contains(scalars[index + 1]), firstProblem == nil {
                    firstProblem = problem(
                        "anchors and aliases (&, *) are not supported in model files; write the value out, or put text that begins with \(scalar) in quotes",
                        at: index)
                }
            default:
                break
            }
            index += 1
        }
    }

    private var tooDeep: String { "nested more than \(Self.maximumDepth) levels deep; model files need far fewer" }
}
