import Foundation

/// How figures are spelled in text: a fixed number of significant digits, so the same
/// result always gives the same bytes.
enum Figures {
    /// `value` to `digits` significant digits, trailing zeros kept (`62.50`).
    static func significant(_ value: Double, digits: Int = 4) -> String {
        guard value.isFinite else { return "-" }
        if value == 0 { return "0" }
        let magnitude = Int(floor(log10(abs(value))))
        let decimals = max(0, digits - 1 - magnitude)
        return String(format: "%.\(decimals)f", value)
    }

    /// A fraction as a percentage to four significant digits: `0.625` → `62.50%`.
    static func percent(_ fraction: Double) -> String {
        significant(fraction * 100) + "%"
    }
}
