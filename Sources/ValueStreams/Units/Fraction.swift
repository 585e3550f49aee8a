/// A probability, level or strength, typed as a percentage (`3%`) or a fraction (`0.03`).
public struct Fraction: Sendable, Hashable, CustomStringConvertible {
    /// The value as a fraction 0…1 (or beyond, for signed offsets).
    public let value: Double
    /// The spelling the user typed.
    public let text: String

    /// Reads a fraction in 0…1; a plain number above 1 is taken for a forgotten `%`.
    /// With `signed`, a leading sign is kept and the range is −1…1 (`errors by +5%`).
    public init(parsing text: String, signed: Bool = false) throws(UnitError) {
        guard let (number, unit) = StrictDecimal.split(text) else {
            throw UnitError("'\(text)' is not a fraction; write a percentage or a fraction 0…1, e.g. 3% or 0.03")
        }
        let hasSign = text.first == "+" || text.first == "-"
        if hasSign, !signed {
            throw UnitError("'\(text)' must not carry a sign here; write a percentage 0…100%, e.g. \(text.dropFirst())")
        }
        let value: Double
        switch unit {
        case "%":
            value = number / 100
            if abs(value) > 1 {
                throw UnitError("'\(text)' is above 100%; write a percentage 0…100%")
            }
        case "":
            if abs(number) > 1 {
                throw UnitError("'\(text)' is a fraction 0…1; did you mean \(text)%?")
            }
            value = number
        default:
            throw UnitError("'\(text)' has an unknown unit '\(unit)'; write a percentage or a fraction 0…1, e.g. 3% or 0.03")
        }
        self.value = value
        self.text = text
    }

    /// A fraction spelled as a percentage.
    public init(value: Double) {
        self.value = value
        // Rounded to 1e-9 of a point so 0.07 spells 7%, not 7.000000000000001%; a value
        // that spelling would change (1/3) is written as the exact fraction instead.
        let percent = "\((((value * 100) * 1e9).rounded() / 1e9).shortDecimal)%"
        let readsBack = (try? Fraction(parsing: percent, signed: true))?.value == value
        self.text = readsBack || abs(value) > 1 ? percent : value.shortDecimal
    }

    /// 100 %, the nominal service level.
    public static let full = Fraction(value: 1)

    /// The fraction as typed (`3%`).
    public var description: String { text }
}
