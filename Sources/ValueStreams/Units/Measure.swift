/// A metric's baseline or target as typed: a number (`42`), a percentage (`99.5%`) or a
/// duration (`2d`).
public struct Measure: Sendable, Hashable, CustomStringConvertible {
    /// The value: the number itself, a percentage as a fraction, a duration in hours.
    public let value: Double
    /// The spelling the user typed.
    public let text: String

    /// Reads a plain number, a percentage or a (signed) duration.
    public init(parsing text: String) throws(UnitError) {
        if let number = StrictDecimal.parse(text) {
            self.value = number
        } else if let (number, unit) = StrictDecimal.split(text), unit == "%" {
            self.value = number / 100
        } else if let duration = try? Duration(parsing: text, signed: true) {
            self.value = duration.hours
        } else {
            throw UnitError("'\(text)' is not a measure; write a number, a percentage or a duration, e.g. 42, 99.5% or 2d")
        }
        self.text = text
    }

    /// The measure as typed.
    public var description: String { text }
}
