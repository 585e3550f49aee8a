import Testing
@testable import ValueStreams

/// Within `tolerance`, relative for values above 1.
func close(_ a: Double, _ b: Double, tolerance: Double = 1e-12) -> Bool {
    abs(a - b) <= tolerance * max(1, abs(b))
}

/// Texts no strict reader may accept as a number: exponents, infinities, hex, stray signs
/// and points, spaces, non-ASCII digits.
let notNumbers = [
    "", "-", "+", ".", "inf", "-inf", "+inf", "Infinity", "nan", "NaN", "-nan", "0x10", "0X1p3",
    "--1", "+-1", "-+1", "1.2.3", "1..2", "1,5", " 1", "1 ", "1_000", "١", "e3",
]

@Suite("Duration")
struct DurationTests {
    @Test("a number and a unit, in hours (m is minutes, 1d = 24h, 1w = 168h)", arguments: [
        ("30s", 1.0 / 120), ("3600s", 1), ("20m", 1.0 / 3), ("90m", 1.5), ("1440m", 24),
        ("4h", 4), ("1.5h", 1.5), (".5h", 0.5), ("0h", 0), ("2d", 48), ("0.5d", 12),
        ("1w", 168), ("26w", 26 * 168), ("007h", 7),
    ] as [(String, Double)])
    func readsEveryUnit(text: String, hours: Double) throws {
        let value = try Duration(parsing: text)
        #expect(close(value.hours, hours))
        #expect(value.text == text, "the text is kept as typed")
        #expect(value.description == text)
        let signed = try Duration(parsing: text, signed: true)
        #expect(signed == value, "an unsigned value reads the same when a sign is allowed")
    }

    @Test("each unit is the stated number of hours, for any count", arguments: [
        ("s", 1.0 / 3600), ("m", 1.0 / 60), ("h", 1), ("d", 24), ("w", 168),
    ] as [(String, Double)])
    func unitFactors(unit: String, hoursPerUnit: Double) throws {
        for count in [0.0, 1, 2, 2.5, 7, 10, 12.25, 1000] {
            let value = try Duration(parsing: "\(count.shortDecimal)\(unit)")
            #expect(close(value.hours, count * hoursPerUnit), "\(count)\(unit)")
        }
    }

    @Test("a bare number is an error that says to add a unit", arguments: ["20", "1.5", "0", ".5"])
    func bareNumber(text: String) {
        let error = unitError { try Duration(parsing: text) }
        #expect(error != nil)
        let message = error?.message ?? ""
        #expect(message.contains("'\(text)'"))
        #expect(message.contains("unit"))
        #expect(message.contains("add"))
        #expect(message.contains("e.g. \(text)m"))
    }

    @Test("an unknown unit is an error naming the unit", arguments: [
        ("20x", "x"), ("20min", "min"), ("20H", "H"), ("2 h", " h"), ("20hr", "hr"), ("2hh", "hh"), ("3y", "y"),
        ("1e3h", "e3h"), ("1E3h", "E3h"), ("0x10h", "x10h"), ("1.2.3h", ".3h"), ("20%", "%"), ("2/h", "/h"),
    ])
    func unknownUnit(text: String, unit: String) {
        let error = unitError { try Duration(parsing: text) }
        #expect(error?.message.contains("unknown time unit '\(unit)'") == true, "\(String(describing: error))")
        #expect(unitError { try Duration(parsing: text, signed: true) } != nil)
    }

    @Test("no number, an exponent, inf or nan is never a duration, signed or not", arguments: notNumbers + [
        "h", "m", "-h", "infh", "nanh", "-infh", "1e3h", "1e-3h", "2e1m", "--1h", "+-1h", " 2h", "2h ",
    ])
    func notADuration(text: String) {
        #expect(unitError { try Duration(parsing: text) } != nil)
        #expect(unitError { try Duration(parsing: text, signed: true) } != nil)
    }

    @Test("a sign is an error unless signed", arguments: [("+2h", 2.0), ("-30m", -0.5), ("+1.5d", 36), ("-1w", -168), ("-0s", 0)])
    func sign(text: String, hours: Double) throws {
        let error = unitError { try Duration(parsing: text) }
        #expect(error?.message.contains("sign") == true, "\(String(describing: error))")
        let value = try Duration(parsing: text, signed: true)
        #expect(close(value.hours, hours))
        #expect(value.text == text)
    }

    @Test("a duration made from hours is spelled in hours and reads back")
    func fromHours() throws {
        #expect(Duration(hours: 1.5).text == "1.5h")
        #expect(Duration(hours: 4).text == "4h")
        #expect(Duration(hours: 0.25).hours == 0.25)
        var generator = SeededGenerator(seed: 0xD0_7A71_0)
        for _ in 0..<300 {
            let hours = generator.double(in: 0...10_000) * (generator.bool() ? 1 : 1e-4)
            let value = Duration(hours: hours)
            #expect(try Duration(parsing: value.text).hours == hours, "\(value.text)")
        }
    }
}

@Suite("Rate")
struct RateTests {
    @Test("a count per period, per hour", arguments: [
        ("120/day", 5.0), ("10/h", 10), ("1/s", 3600), ("2/min", 120), ("168/week", 1),
        ("0.5/h", 0.5), ("24/day", 1), ("1/week", 1.0 / 168), (".5/min", 30), ("0/day", 0),
    ] as [(String, Double)])
    func readsEveryPeriod(text: String, perHour: Double) throws {
        let value = try Rate(parsing: text)
        #expect(close(value.perHour, perHour))
        #expect(value.text == text)
        #expect(value.description == text)
    }

    @Test("a bare number needs a period", arguments: ["120", "0.5"])
    func bareNumber(text: String) {
        let error = unitError { try Rate(parsing: text) }
        #expect(error?.message.contains("period") == true)
        #expect(error?.message.contains("\(text)/day") == true)
    }

    @Test("an unknown period is an error", arguments: ["120/month", "120/d", "120/hour", "120/ day", "120 /day", "120/", "1e3/h", "120h"])
    func unknownPeriod(text: String) {
        let error = unitError { try Rate(parsing: text) }
        #expect(error?.message.contains("unknown period") == true, "\(String(describing: error))")
    }

    @Test("signs, exponents and non-numbers are errors", arguments: notNumbers + ["-5/h", "+5/h", "/h", "inf/h", "nan/day", "--1/h"])
    func notARate(text: String) {
        #expect(unitError { try Rate(parsing: text) } != nil)
    }
}

@Suite("Fraction")
struct FractionTests {
    @Test("a percentage or a plain fraction 0…1", arguments: [
        ("3%", 0.03), ("0.03", 0.03), ("1", 1), ("100%", 1), ("0", 0), ("0%", 0), ("99.5%", 0.995),
        ("0.5", 0.5), (".5", 0.5), ("1.0", 1), ("50%", 0.5), ("0.1%", 0.001),
    ])
    func reads(text: String, value: Double) throws {
        let fraction = try Fraction(parsing: text)
        #expect(close(fraction.value, value, tolerance: 1e-15))
        #expect(fraction.text == text)
        #expect(fraction.description == text)
        #expect(try Fraction(parsing: text, signed: true) == fraction)
    }

    @Test("a plain number above 1 is a forgotten %")
    func forgottenPercent() {
        #expect(unitError { try Fraction(parsing: "3") }?.message == "'3' is a fraction 0…1; did you mean 3%?")
        #expect(unitError { try Fraction(parsing: "1.5") }?.message.contains("did you mean 1.5%?") == true)
        #expect(unitError { try Fraction(parsing: "100") }?.message.contains("did you mean 100%?") == true)
        #expect(unitError { try Fraction(parsing: "1.0001") } != nil)
    }

    @Test("more than 100% is an error", arguments: ["120%", "100.5%", "1000%"])
    func aboveHundred(text: String) {
        #expect(unitError { try Fraction(parsing: text) }?.message.contains("100%") == true)
        #expect(unitError { try Fraction(parsing: text, signed: true) } != nil)
    }

    @Test("a sign is an error unless signed, and then −100%…+100%", arguments: [
        ("-3%", -0.03), ("+5%", 0.05), ("-100%", -1), ("+0.5", 0.5), ("-1", -1),
    ])
    func sign(text: String, value: Double) throws {
        #expect(unitError { try Fraction(parsing: text) }?.message.contains("sign") == true)
        let fraction = try Fraction(parsing: text, signed: true)
        #expect(fraction.value == value)
        #expect(fraction.text == text)
    }

    @Test("signed offsets beyond ±100% are errors", arguments: ["+120%", "-120%", "-3", "+1.5"])
    func signedOutOfRange(text: String) {
        #expect(unitError { try Fraction(parsing: text, signed: true) } != nil)
    }

    @Test("other units and non-numbers are errors", arguments: notNumbers + ["3x", "3 %", "3%%", "1e-2", "%", "3/h", "2h", "inf%", "nan%"])
    func notAFraction(text: String) {
        #expect(unitError { try Fraction(parsing: text) } != nil)
        #expect(unitError { try Fraction(parsing: text, signed: true) } != nil)
    }

    @Test("a fraction made from a value is its shortest percentage and reads back", arguments: [
        (1.0, "100%"), (0.5, "50%"), (0.03, "3%"), (0.995, "99.5%"), (0, "0%"), (0.7, "70%"),
        (0.07, "7%"), (0.29, "29%"), (0.57, "57%"),
    ])
    func fromValue(value: Double, text: String) throws {
        let fraction = Fraction(value: value)
        #expect(fraction.value == value)
        #expect(fraction.text == text)
        #expect(try Fraction(parsing: fraction.text).value == value)
    }

    @Test("full is 100%")
    func full() {
        #expect(Fraction.full.value == 1)
        #expect(Fraction.full.text == "100%")
    }
}

/// Reference calendar, written independently of the one under test.
func isLeap(_ year: Int) -> Bool { year % 400 == 0 || (year % 4 == 0 && year % 100 != 0) }

func referenceDays(month: Int, year: Int) -> Int {
    [31, isLeap(year) ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1]
}

func spelled(_ year: Int, _ month: Int, _ day: Int) -> String {
    func pad(_ value: Int, _ width: Int) -> String {
        let digits = String(value)
        return String(repeating: "0", count: max(0, width - digits.count)) + digits
    }
    return "\(pad(year, 4))-\(pad(month, 2))-\(pad(day, 2))"
}

@Suite("CalendarDate")
struct CalendarDateTests {
    @Test("a date reads as year, month and day and prints as typed")
    func valid() throws {
        let value = try CalendarDate(parsing: "2026-06-01")
        #expect((value.year, value.month, value.day) == (2026, 6, 1))
        #expect(value.description == "2026-06-01")
        #expect(try CalendarDate(parsing: "0001-01-01").description == "0001-01-01")
        #expect(try CalendarDate(parsing: "9999-12-31").description == "9999-12-31")
    }

    @Test("29 February exists in leap years only", arguments: [
        (2024, true), (2023, false), (1900, false), (2000, true), (2100, false), (2400, true), (1996, true), (2026, false),
    ])
    func leapDay(year: Int, leap: Bool) {
        let text = spelled(year, 2, 29)
        #expect((unitError { try CalendarDate(parsing: text) } == nil) == leap, "\(text)")
        #expect(unitError { try CalendarDate(parsing: spelled(year, 2, 30)) } != nil)
        #expect(unitError { try CalendarDate(parsing: spelled(year, 2, 28)) } == nil)
    }

    @Test("a day that is not on the calendar is an error", arguments: [
        "2026-13-01", "2026-00-10", "2026-01-00", "2026-01-32", "2026-04-31", "2026-06-31", "2026-09-31", "2026-11-31", "2023-02-29",
    ])
    func notADay(text: String) {
        #expect(unitError { try CalendarDate(parsing: text) }?.message.contains("not a day of the calendar") == true)
    }

    @Test("anything but YYYY-MM-DD is an error", arguments: [
        "", "2026", "2026-06", "2026-6-01", "2026-06-1", "26-06-01", "02026-06-01", "2026-006-01", "2026/06/01",
        "2026-06-01T00:00", "2026-06-01-", "-2026-06-01", "+026-06-01", "2026-+6-01", "2026- 6-01", "2026-06-0a",
        " 2026-06-01", "2026-06-01 ", "2026--06-01", "2026-06--1", "20.6-06-01",
    ])
    func notADate(text: String) {
        #expect(unitError { try CalendarDate(parsing: text) }?.message.contains("YYYY-MM-DD") == true, "\(text)")
    }

    @Test("every month and day of many years parses exactly when the reference calendar has it")
    func everyDay() {
        let years = Array(1896...1904) + Array(1996...2030) + Array(2096...2104) + [1600, 1700, 2400]
        for year in years {
            for month in 0...13 {
                for day in 0...32 {
                    let exists = (1...12).contains(month) && (1...referenceDays(month: month, year: year)).contains(day)
                    let parsed = unitError { try CalendarDate(parsing: spelled(year, month, day)) } == nil
                    if parsed != exists {
                        Issue.record("\(spelled(year, month, day)): parsed \(parsed), exists \(exists)")
                    }
                }
            }
        }
    }

    @Test("day numbers count days from 1970-01-01", arguments: [
        ("1970-01-01", 0), ("1969-12-31", -1), ("1970-01-02", 1), ("2000-01-01", 10_957), ("2026-06-01", 20_605),
        ("1900-01-01", -25_567), ("0001-01-01", -719_162),
    ])
    func dayNumbers(text: String, number: Int) {
        #expect(date(text).dayNumber == number)
    }

    @Test("differences of day numbers", arguments: [
        ("2026-01-01", "2025-01-01", 365), ("2025-01-01", "2024-01-01", 366), ("2000-03-01", "2000-02-28", 2),
        ("1900-03-01", "1900-02-28", 1), ("2101-01-01", "2001-01-01", 36_524), ("2026-12-02", "2025-12-01", 366),
    ])
    func differences(later: String, earlier: String, days: Int) {
        #expect(date(later).dayNumber - date(earlier).dayNumber == days)
    }

    @Test("consecutive calendar days have consecutive day numbers, and order agrees")
    func consecutiveDays() throws {
        var previous: CalendarDate?
        for year in 1890...2110 {
            for month in 1...12 {
                for day in 1...referenceDays(month: month, year: year) {
                    let current = try CalendarDate(parsing: spelled(year, month, day))
                    if let previous, current.dayNumber != previous.dayNumber + 1 || !(previous < current) || current < previous {
                        Issue.record("\(previous) -> \(current): day numbers \(previous.dayNumber) -> \(current.dayNumber)")
                    }
                    previous = current
                }
            }
        }
    }

    @Test("ordering is by year, then month, then day")
    func ordering() {
        let texts = ["2025-12-31", "2026-01-01", "2026-01-02", "2026-02-01", "2027-01-01", "2000-12-31", "2026-01-10"]
        let sorted = texts.map(date).sorted().map(\.description)
        #expect(sorted == ["2000-12-31", "2025-12-31", "2026-01-01", "2026-01-02", "2026-01-10", "2026-02-01", "2027-01-01"])
        #expect(date("2026-06-01") == date("2026-06-01"))
        #expect(!(date("2026-06-01") < date("2026-06-01")))
        #expect(date("2025-12-31") < date("2026-01-01"))
        #expect(date("2026-01-31") < date("2026-02-01"))
    }

    @Test("adding months keeps the day, clamped to the end of a shorter month", arguments: [
        ("2024-01-31", 1, "2024-02-29"), ("2025-01-31", 1, "2025-02-28"), ("2025-03-31", 1, "2025-04-30"),
        ("2025-12-15", 1, "2026-01-15"), ("2025-12-01", 12, "2026-12-01"), ("2024-02-29", 12, "2025-02-28"),
        ("2024-02-29", 48, "2028-02-29"), ("2026-03-31", -1, "2026-02-28"), ("2026-01-15", -1, "2025-12-15"),
        ("2025-06-10", 0, "2025-06-10"), ("2025-01-31", 25, "2027-02-28"), ("2025-08-31", 6, "2026-02-28"),
        ("2026-01-01", -13, "2024-12-01"), ("1999-12-31", 2, "2000-02-29"),
    ])
    func addingMonths(from: String, months: Int, expected: String) {
        #expect(date(from).adding(months: months).description == expected)
    }

    @Test("adding months: always a real date, the right month, and reversible for days up to 28")
    func addingMonthsInvariants() throws {
        var generator = SeededGenerator(seed: 2026_06_01)
        for _ in 0..<500 {
            let year = generator.int(in: 1800...2200)
            let month = generator.int(in: 1...12)
            let day = generator.int(in: 1...referenceDays(month: month, year: year))
            let months = generator.int(in: -240...240)
            let start = try CalendarDate(parsing: spelled(year, month, day))
            let result = start.adding(months: months)
            #expect(try CalendarDate(parsing: result.description) == result, "\(start) + \(months)")
            #expect(result.year * 12 + result.month - 1 == year * 12 + month - 1 + months)
            #expect(result.day == min(day, referenceDays(month: result.month, year: result.year)))
            if day <= 28 {
                #expect(result.adding(months: -months) == start)
            }
        }
    }
}

@Suite("ReviewInterval")
struct ReviewIntervalTests {
    @Test("calendar months and years", arguments: [
        ("12 months", 12), ("1 month", 1), ("1y", 12), ("2 years", 24), ("6months", 6), ("1 year", 12),
        ("3mo", 3), ("12 Months", 12), ("100 years", 1200), ("1200 months", 1200), ("18  months", 18),
    ])
    func calendar(text: String, months: Int) throws {
        let interval = try ReviewInterval(parsing: text)
        #expect(interval.length == .months(months))
        #expect(interval.text == text)
        #expect(interval.description == text)
    }

    @Test("a duration", arguments: [("26w", 26.0 * 168), ("90d", 90 * 24), ("1w", 168)] as [(String, Double)])
    func durations(text: String, hours: Double) throws {
        let interval = try ReviewInterval(parsing: text)
        guard case .duration(let duration) = interval.length else {
            Issue.record("\(text) should be a duration, got \(interval.length)")
            return
        }
        #expect(close(duration.hours, hours))
        #expect(interval.text == text)
    }

    @Test("errors", arguments: [
        "", "months", "y", "0 months", "0y", "1201 months", "101 years", "12", "1.5 years", "-1 months", "+1y",
        "12 weeks", "twelve months", "1 2 months", "12 monthsx", "1e1 months", "26 w", "2h3", "inf",
    ])
    func errors(text: String) {
        #expect(unitError { try ReviewInterval(parsing: text) } != nil, "\(text)")
    }

    @Test("the default is twelve calendar months")
    func defaultInterval() {
        #expect(ReviewInterval.default.length == .months(12))
        #expect(ReviewInterval.default.text == "12 months")
        #expect(Model(name: "M").effectiveReviewInterval == .default)
        let declared = try? ReviewInterval(parsing: "6 months")
        #expect(Model(name: "M", reviewInterval: declared).effectiveReviewInterval == declared)
    }

    @Test("overdue only after the interval has passed")
    func overdueBoundary() throws {
        let twelve = try ReviewInterval(parsing: "12 months")
        let reviewed = date("2025-12-01")
        #expect(!twelve.isOverdue(reviewed: reviewed, today: date("2025-12-01")))
        #expect(!twelve.isOverdue(reviewed: reviewed, today: date("2026-11-30")))
        #expect(!twelve.isOverdue(reviewed: reviewed, today: date("2026-12-01")))
        #expect(twelve.isOverdue(reviewed: reviewed, today: date("2026-12-02")))
        #expect(!twelve.isOverdue(reviewed: reviewed, today: date("2024-01-01")), "a review in the future is not overdue")

        // 26 weeks = 182 days: 2026-01-01 + 182 days is 2026-07-02.
        let weeks = try ReviewInterval(parsing: "26w")
        #expect(!weeks.isOverdue(reviewed: date("2026-01-01"), today: date("2026-07-02")))
        #expect(weeks.isOverdue(reviewed: date("2026-01-01"), today: date("2026-07-03")))

        // Calendar months clamp: a review on 31 January is due by the end of February.
        let month = try ReviewInterval(parsing: "1 month")
        #expect(!month.isOverdue(reviewed: date("2025-01-31"), today: date("2025-02-28")))
        #expect(month.isOverdue(reviewed: date("2025-01-31"), today: date("2025-03-01")))
    }

    @Test("once overdue, a review stays overdue", arguments: ["1 month", "6 months", "1y", "26w", "90d"])
    func monotone(text: String) throws {
        let interval = try ReviewInterval(parsing: text)
        let reviewed = date("2024-02-29")
        var overdueSince: CalendarDate?
        for year in 2024...2026 {
            for month in 1...12 {
                for day in 1...referenceDays(month: month, year: year) {
                    let today = try CalendarDate(parsing: spelled(year, month, day))
                    let overdue = interval.isOverdue(reviewed: reviewed, today: today)
                    if overdueSince != nil {
                        #expect(overdue, "\(text): overdue before \(today) but not on it")
                    } else if overdue {
                        overdueSince = today
                    }
                }
            }
        }
        #expect(overdueSince != nil)
    }
}

@Suite("Measure")
struct MeasureTests {
    @Test("a number, a percentage or a duration", arguments: [
        ("42", 42.0), ("99.5%", 0.995), ("2d", 48), ("-0.2", -0.2), ("30m", 0.5), ("+2h", 2), ("0", 0), ("-60", -60), ("3%", 0.03),
    ])
    func reads(text: String, value: Double) throws {
        let measure = try Measure(parsing: text)
        #expect(close(measure.value, value))
        #expect(measure.text == text)
        #expect(measure.description == text)
    }

    @Test("errors", arguments: notNumbers + ["abc", "1e3", "5/h", "2x", "%", "2 d", "inf%", "nanh"])
    func errors(text: String) {
        #expect(unitError { try Measure(parsing: text) } != nil, "\(text)")
    }
}

@Suite("Double.shortDecimal")
struct ShortDecimalTests {
    @Test("the shortest plain decimal", arguments: [
        (42.0, "42"), (0.5, "0.5"), (0.1, "0.1"), (1e-5, "0.00001"), (1.5e-7, "0.00000015"), (-0.2, "-0.2"),
        (1e20, "100000000000000000000"), (-1e20, "-100000000000000000000"), (1.5e16, "15000000000000000"),
        (0, "0"), (-3, "-3"), (123.456, "123.456"), (0.0001, "0.0001"), (2.5e-10, "0.00000000025"),
        (12_345_678_901_234_567_890.0, "12345678901234567000"), (999_999_999_999_999, "999999999999999"),
        (1e15, "1000000000000000"), (1_234_567_890_123_456, "1234567890123456"), (-4e15, "-4000000000000000"),
    ])
    func spelling(value: Double, text: String) {
        #expect(value.shortDecimal == text)
    }

    /// Finite doubles over many magnitudes: raw bit patterns, and decimal mantissas scaled by
    /// powers of ten, both signs.
    static func samples() -> [Double] {
        var generator = SeededGenerator(seed: 0x5EED_DEC1)
        var values: [Double] = []
        while values.count < 300 {
            let value = Double(bitPattern: generator.next())
            if value.isFinite { values.append(value) }
        }
        for _ in 0..<300 {
            let mantissa = Double(generator.int(in: 1...999_999)) / Double([1, 10, 100, 1000][generator.int(in: 0...3)])
            var value = mantissa
            let exponent = generator.int(in: -20...22)
            for _ in 0..<abs(exponent) { value = exponent < 0 ? value / 10 : value * 10 }
            values.append(generator.bool() ? -value : value)
        }
        return values
    }

    @Test("reads back exactly, never in exponent form, with no redundant zeros")
    func roundTrip() {
        for value in Self.samples() {
            let text = value.shortDecimal
            #expect(Double(text) == value, "\(value) -> \(text)")
            #expect(StrictDecimal.parse(text) == value, "the strict reader accepts \(text)")
            #expect(!text.contains("e") && !text.contains("E"), "\(text)")
            #expect(!text.hasPrefix("+"))
            if text.contains(".") {
                #expect(!text.hasSuffix("0") && !text.hasSuffix("."), "\(value) -> \(text)")
            }
            let significant = text.filter { $0.isNumber }.drop { $0 == "0" }
            let trimmed = text.contains(".") ? String(significant) : String(significant.reversed().drop { $0 == "0" })
            #expect(trimmed.count <= 17, "\(value) -> \(text) has more digits than a double needs")
        }
    }
}

@Suite("StrictDecimal")
struct StrictDecimalTests {
    @Test("rejects exponents, infinities, hex and malformed numbers", arguments: notNumbers + ["1e3", "1E3", "1e-3", "0x10", "1.2.3", "--1", "5m"])
    func rejects(text: String) {
        #expect(StrictDecimal.parse(text) == nil, "\(text)")
    }

    @Test("accepts plain signed decimals", arguments: [
        (".5", 0.5), ("-0.25", -0.25), ("5", 5), ("+5", 5), ("0.0", 0), ("007", 7), ("-.5", -0.5), ("123456.789", 123_456.789),
    ])
    func accepts(text: String, value: Double) {
        #expect(StrictDecimal.parse(text) == value)
    }

    @Test("splits a leading decimal from its unit", arguments: [
        ("20m", 20.0, "m"), ("-1.5h", -1.5, "h"), ("120/day", 120, "/day"), ("3%", 3, "%"), ("1e3", 1, "e3"),
        ("1.2.3", 1.2, ".3"), ("7", 7, ""), ("+2 h", 2, " h"),
    ])
    func split(text: String, number: Double, unit: String) throws {
        let parts = try #require(StrictDecimal.split(text))
        #expect(parts.number == number)
        #expect(parts.unit == unit)
    }

    @Test("no leading number, no split", arguments: ["", "m", "-m", ".h", "inf", "nan", "--1", "+.h"])
    func noSplit(text: String) {
        #expect(StrictDecimal.split(text) == nil)
    }

    @Test("whole numbers: digits only, at most nine")
    func whole() {
        #expect(StrictDecimal.parseWhole("0012") == 12)
        #expect(StrictDecimal.parseWhole("2026") == 2026)
        #expect(StrictDecimal.parseWhole("123456789") == 123_456_789)
        for text in ["", "+1", "-1", "1.0", "1234567890", "١٢", " 1", "1 ", "1e3", "0x1"] {
            #expect(StrictDecimal.parseWhole(text) == nil, "\(text)")
        }
    }
}

@Suite("Spellings made from values")
struct MadeFromValueTests {
    @Test("a fraction whose percentage would not read back is spelled as the exact fraction")
    func thirds() throws {
        let third = Fraction(value: 1.0 / 3)
        #expect(try Fraction(parsing: third.text).value == 1.0 / 3)
        #expect(Fraction(value: 0.07).text == "7%")
    }

    @Test("a zero-length review interval is refused like zero months")
    func zeroInterval() {
        #expect(throws: UnitError.self) { try ReviewInterval(parsing: "0w") }
        #expect(throws: UnitError.self) { try ReviewInterval(parsing: "0 months") }
    }
}
