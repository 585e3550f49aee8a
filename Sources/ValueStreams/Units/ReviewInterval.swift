/// How often a stream must be reviewed: calendar months or years (`12 months`, `1y`), or a
/// duration (`26w`).
public struct ReviewInterval: Sendable, Hashable, CustomStringConvertible {
    /// A calendar length, or a fixed one.
    public enum Length: Sendable, Hashable {
        /// Calendar months (a year is 12): due on the same day of the month, clamped.
        case months(Int)
        /// A fixed length of time, counted in whole days since the review.
        case duration(Duration)
    }

    /// The interval's length, calendar or fixed.
    public let length: Length
    /// The spelling the user typed.
    public let text: String

    /// Twelve calendar months, the default.
    public static let `default` = ReviewInterval(length: .months(12), text: "12 months")

    init(length: Length, text: String) {
        self.length = length
        self.text = text
    }

    /// Reads months or years (`12 months`, `1y`), 1 month to 100 years, or a positive duration (`26w`).
    public init(parsing text: String) throws(UnitError) {
        let words = text.split(separator: " ", omittingEmptySubsequences: true)
        let calendarUnits: [String: Int] = [
            "month": 1, "months": 1, "mo": 1, "year": 12, "years": 12, "y": 12,
        ]
        let count: Substring
        let unit: Substring
        if words.count == 2 {
            (count, unit) = (words[0], words[1])
        } else {
            let digits = text.prefix(while: { $0.isASCII && $0.isNumber })
            (count, unit) = (digits, text.dropFirst(digits.count))
        }
        if let number = StrictDecimal.parseWhole(String(count)), let factor = calendarUnits[unit.lowercased()] {
            guard (1...1200).contains(number * factor) else {
                throw UnitError("'\(text)' is not a review interval of 1 month to 100 years")
            }
            self.init(length: .months(number * factor), text: text)
            return
        }
        guard let duration = try? Duration(parsing: text), duration.hours > 0 else {
            throw UnitError("'\(text)' is not a review interval; write e.g. 12 months, 1y or 26w")
        }
        self.init(length: .duration(duration), text: text)
    }

    /// Whether a review on `reviewed` is overdue on `today`.
    public func isOverdue(reviewed: CalendarDate, today: CalendarDate) -> Bool {
        switch length {
        case .months(let months):
            return reviewed.adding(months: months) < today
        case .duration(let duration):
            return Double(today.dayNumber - reviewed.dayNumber) * 24 > duration.hours
        }
    }

    /// The interval as typed.
    public var description: String { text }
}
