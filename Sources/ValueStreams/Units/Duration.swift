/// A length of time as typed (`30s 20m 4h 2d 1w`), with its value in hours.
///
/// `m` is minutes; a day is 24 hours, because servers work around the clock.
public struct Duration: Sendable, Hashable, CustomStringConvertible {
    /// The value in hours.
    public let hours: Double
    /// The spelling the user typed, kept so a saved file reads as it was written.
    public let text: String

    static let hoursPerUnit: [(unit: String, hours: Double)] = [
        ("s", 1.0 / 3600), ("m", 1.0 / 60), ("h", 1), ("d", 24), ("w", 168),
    ]

    /// Reads a duration; a sign is accepted only when `signed` is true (`+2h`).
    public init(parsing text: String, signed: Bool = false) throws(UnitError) {
        guard let (number, unit) = StrictDecimal.split(text) else {
            throw UnitError("'\(text)' is not a duration; write a number and a unit, e.g. 20m, 4h or 2d")
        }
        if unit.isEmpty {
            throw UnitError("'\(text)' needs a unit; add one, e.g. \(text)m, \(text)h or \(text)d")
        }
        guard let factor = Self.hoursPerUnit.first(where: { $0.unit == unit })?.hours else {
            throw UnitError("'\(text)' has an unknown time unit '\(unit)'; use s, m, h, d or w (e.g. 20m)")
        }
        if !signed, text.first == "+" || text.first == "-" {
            throw UnitError("'\(text)' must not carry a sign here; write e.g. \(text.dropFirst())")
        }
        let hours = number * factor
        guard hours.isFinite, abs(hours) <= Self.maximumHours else {
            throw UnitError("'\(text)' is longer than a century; write a duration up to 100 years")
        }
        self.hours = hours
        self.text = text
    }

    /// A century: longer durations are mistakes, and would overflow the engines' clocks.
    public static let maximumHours = 876_600.0

    /// A duration of `hours`, spelled in hours.
    public init(hours: Double) {
        self.hours = hours
        self.text = "\(hours.shortDecimal)h"
    }

    /// The duration as typed (`20m`).
    public var description: String { text }
}
