import Foundation
import ValueStreams

/// How figures are spelled: a fixed number of significant digits, so the same result always
/// gives the same bytes.
enum Figures {
    /// `value` to `digits` significant digits, trailing zeros kept (`62.50`).
    static func significant(_ value: Double, digits: Int = 4) -> String {
        value.fixed(significant: digits)
    }

    /// A fraction as a percentage to four significant digits: `0.625` → `62.50%`.
    static func percent(_ fraction: Double) -> String {
        significant(fraction * 100) + "%"
    }

    /// A JSON number: six significant digits, shortest spelling, never an exponent.
    static func json(_ value: Double) -> String {
        guard value.isFinite else { return "null" }
        guard value != 0, let rounded = Double(String(format: "%.5e", value)) else { return "0" }
        return rounded.shortDecimal
    }

    /// Values as a sparkline of block characters, lowest to highest, `width` wide at most
    /// (each character the largest of the values it covers); empty for no values.
    static func sparkline(_ values: [Double], width: Int = 50) -> String {
        guard let top = values.max(), !values.isEmpty else { return "" }
        let bottom = values.min() ?? 0
        let blocks = Array("▁▂▃▄▅▆▇█")
        let step = max(1, (values.count + width - 1) / width)
        return String(stride(from: 0, to: values.count, by: step).map { index in
            let value = values[index..<min(values.count, index + step)].max() ?? bottom
            let level = top > bottom ? Int((value - bottom) / (top - bottom) * Double(blocks.count - 1)) : 0
            return blocks[min(blocks.count - 1, max(0, level))]
        })
    }

    /// Signed bars about an axis, one line per item: negatives grow left of `│`, positives
    /// right, scaled so the largest magnitude fills `width` blocks (a non-zero value gets one
    /// at least); `label` and `text` frame each bar. A tornado when sorted by size.
    static func bars(_ items: [(label: String, value: Double, text: String)], width: Int = 24) -> [String] {
        let largest = items.map { abs($0.value) }.filter(\.isFinite).max() ?? 0
        let labelWidth = items.map(\.label.count).max() ?? 0
        let anyNegative = items.contains { $0.value < 0 }
        return items.map { item in
            // An infinite value (an overload) fills the width, whatever the others are.
            let blocks: Int
            if !item.value.isFinite { blocks = item.value.isNaN ? 0 : width }
            else if largest > 0, item.value != 0 { blocks = max(1, Int((abs(item.value) / largest * Double(width)).rounded())) }
            else { blocks = 0 }
            let bar = String(repeating: "█", count: blocks)
            let left = anyNegative ? String(repeating: " ", count: item.value < 0 ? width - blocks : width) + (item.value < 0 ? bar : "") : ""
            let right = item.value < 0 ? "" : bar
            let label = item.label + String(repeating: " ", count: labelWidth - item.label.count)
            return "\(label)  \(left)│\(right) \(item.text)"
        }
    }

    /// A share of 0…1 as a bar `width` blocks long, filled from the left: `██████░░░░`.
    static func meter(_ share: Double, width: Int = 10) -> String {
        let filled = share.isFinite ? min(width, max(0, Int((share * Double(width)).rounded()))) : width
        return String(repeating: "█", count: filled) + String(repeating: "░", count: width - filled)
    }
}
