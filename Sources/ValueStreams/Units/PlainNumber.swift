/// A plain number as typed (`0.50`, `-0.2`, `1.0`): a cv, a cost, a response coefficient.
/// Kept with its spelling so a saved file reads as it was written.
public struct PlainNumber: Sendable, Hashable, CustomStringConvertible, ExpressibleByFloatLiteral, ExpressibleByIntegerLiteral {
    /// The number's value, as a `Double`.
    public let value: Double
    /// The spelling the user typed.
    public let text: String

    /// Reads a signed decimal; no exponents, `inf` or `nan`.
    public init(parsing text: String) throws(UnitError) {
        guard let value = StrictDecimal.parse(text) else {
            throw UnitError("'\(text)' is not a number; write e.g. 0.5 or -0.2")
        }
        self.value = value
        self.text = text
    }

    /// A number made from a value, spelled in its shortest form.
    public init(_ value: Double) {
        self.value = value
        self.text = value.shortDecimal
    }

    /// A number from a float literal, spelled in its shortest form.
    public init(floatLiteral value: Double) { self.init(value) }

    /// A number from an integer literal, spelled in its shortest form.
    public init(integerLiteral value: Int) { self.init(Double(value)) }

    /// The number as typed.
    public var description: String { text }
}
