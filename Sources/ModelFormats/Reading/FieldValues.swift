import ValueStreams

/// How the text typed for each kind of field is read and checked. The file reader uses
/// these, and so do commands that take a field's value, so a value means the same wherever
/// it is typed.
public enum FieldValue {
    /// The most servers a stage may have.
    public static let maximumServers = 10_000

    public static func duration(_ text: String) throws(UnitError) -> Duration {
        try Duration(parsing: text)
    }

    /// A positive arrival rate.
    public static func demand(_ text: String) throws(UnitError) -> Rate {
        if text.first == "-" {
            throw UnitError("'\(text)' is negative; demand must be above zero, e.g. 120/day")
        }
        let rate = try Rate(parsing: text)
        guard rate.perHour > 0 else {
            throw UnitError("'\(text)' is zero; demand must be above zero, e.g. 120/day (leave it out to not simulate the stream)")
        }
        return rate
    }

    /// A probability, level or strength, 0…1 or 0…100 %.
    public static func fraction(_ text: String) throws(UnitError) -> Fraction {
        try Fraction(parsing: text)
    }

    /// A defect probability: a fraction below 100 %.
    public static func defects(_ text: String) throws(UnitError) -> Fraction {
        let fraction = try Fraction(parsing: text)
        guard fraction.value < 1 else {
            throw UnitError("'\(text)' would rework every item forever; defects must stay below 100%")
        }
        return fraction
    }

    public static func servers(_ text: String) throws(UnitError) -> Int {
        guard let count = StrictDecimal.parseWhole(text) else {
            throw UnitError("'\(text)' is not a whole number of servers; write e.g. 4")
        }
        guard count >= 1 else {
            throw UnitError("'\(text)' servers: a stage needs at least 1 server")
        }
        guard count <= maximumServers else {
            throw UnitError("'\(text)' servers: at most \(maximumServers) are supported")
        }
        return count
    }

    /// A plain number ≥ 0 (cv, cost), as typed.
    public static func nonNegative(_ text: String) throws(UnitError) -> PlainNumber {
        let number = try PlainNumber(parsing: text)
        guard number.value >= 0 else { throw UnitError("'\(text)' is negative; write a number ≥ 0") }
        return number
    }

    /// A signed plain number (response coefficients, ranges), as typed.
    public static func number(_ text: String) throws(UnitError) -> PlainNumber {
        try PlainNumber(parsing: text)
    }

    public static func assessment(_ text: String) throws(UnitError) -> Int {
        guard let level = StrictDecimal.parseWhole(text), (1...5).contains(level) else {
            throw UnitError("'\(text)' is not an assessment; write a whole number 1–5")
        }
        return level
    }

    public static func bool(_ text: String) throws(UnitError) -> Bool {
        switch text.lowercased() {
        case "true", "yes": return true
        case "false", "no": return false
        default: throw UnitError("'\(text)' is not true or false")
        }
    }

    public static func date(_ text: String) throws(UnitError) -> CalendarDate {
        try CalendarDate(parsing: text)
    }

    public static func reviewInterval(_ text: String) throws(UnitError) -> ReviewInterval {
        try ReviewInterval(parsing: text)
    }

    public static func measure(_ text: String) throws(UnitError) -> Measure {
        try Measure(parsing: text)
    }

    /// One of an enumeration's spellings, case-insensitively, with "did you mean".
    public static func choice<E: RawRepresentable & CaseIterable>(
        _ text: String, _ what: String
    ) throws(UnitError) -> E where E.RawValue == String {
        if let match = E.allCases.first(where: { $0.rawValue.caseInsensitiveEquals(text) }) { return match }
        let names = E.allCases.map(\.rawValue)
        let options = names.dropLast().joined(separator: ", ") + " or " + (names.last ?? "")
        throw UnitError("'\(text)' is not \(what)\(NameSuggestions.didYouMean(text, among: names)) (use \(options))")
    }
}
