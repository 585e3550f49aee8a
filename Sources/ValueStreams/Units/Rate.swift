/// An arrival rate as typed (`120/day`, `10/h`), with its value per hour.
public struct Rate: Sendable, Hashable, CustomStringConvertible {
    /// Arrivals per hour.
    public let perHour: Double
    /// The spelling the user typed.
    public let text: String

    static let perUnit: [(unit: String, hours: Double)] = [
        ("/s", 1.0 / 3600), ("/min", 1.0 / 60), ("/h", 1), ("/day", 24), ("/week", 168),
    ]

    /// Reads an unsigned count per period (`/s /min /h /day /week`), up to a billion an hour.
    public init(parsing text: String) throws(UnitError) {
        guard let (number, unit) = StrictDecimal.split(text), text.first != "+", text.first != "-" else {
            throw UnitError("'\(text)' is not a rate; write a count per period, e.g. 120/day or 10/h")
        }
        if unit.isEmpty {
            throw UnitError("'\(text)' needs a period; add one, e.g. \(text)/day or \(text)/h")
        }
        guard let hours = Self.perUnit.first(where: { $0.unit == unit })?.hours else {
            throw UnitError("'\(text)' has an unknown period '\(unit)'; use /s, /min, /h, /day or /week")
        }
        let perHour = number / hours
        guard perHour.isFinite, perHour <= 1e9 else {
            throw UnitError("'\(text)' is more than a billion an hour; write a rate a model can serve")
        }
        self.perHour = perHour
        self.text = text
    }

    /// The rate as typed (`120/day`).
    public var description: String { text }
}
