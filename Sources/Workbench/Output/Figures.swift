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
}
