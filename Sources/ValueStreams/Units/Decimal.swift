/// Strict decimal reading for typed values: digits with at most one point and an optional
/// sign. No exponents, `inf` or `nan`, which `Double(_:)` would otherwise accept.
package enum StrictDecimal {
    /// Splits `text` into its leading signed decimal and the unit that follows it.
    package static func split(_ text: String) -> (number: Double, unit: Substring)? {
        var index = text.startIndex
        if index < text.endIndex, text[index] == "+" || text[index] == "-" {
            index = text.index(after: index)
        }
        var sawDigit = false
        var sawPoint = false
        while index < text.endIndex {
            let character = text[index]
            if character.isASCII, character.isNumber {
                sawDigit = true
            } else if character == ".", !sawPoint {
                sawPoint = true
            } else {
                break
            }
            index = text.index(after: index)
        }
        guard sawDigit, let number = Double(text[text.startIndex..<index]), number.isFinite else {
            return nil
        }
        return (number, text[index...])
    }

    /// The whole of `text` as a decimal number, or nil.
    package static func parse(_ text: String) -> Double? {
        guard let (number, unit) = split(text), unit.isEmpty else { return nil }
        return number
    }

    /// The whole of `text` as a whole number without sign or point, or nil.
    package static func parseWhole(_ text: String) -> Int? {
        guard !text.isEmpty, text.count <= 9, text.allSatisfy({ $0.isASCII && $0.isNumber }) else {
            return nil
        }
        return Int(text)
    }
}

extension Double {
    /// The shortest decimal spelling that reads back to the same value: `42`, `0.5`, `0.1`.
    /// Never in exponent form, which the strict readers refuse.
    package var shortDecimal: String {
        guard isFinite else { return "0" }
        if self == rounded(), abs(self) < 9e15 {
            return String(Int64(self))
        }
        let shortest = "\(self)"
        guard let e = shortest.firstIndex(where: { $0 == "e" || $0 == "E" }),
              let exponent = Int(shortest[shortest.index(after: e)...]) else {
            return shortest.hasSuffix(".0") ? String(shortest.dropLast(2)) : shortest
        }
        let negative = shortest.hasPrefix("-")
        let mantissa = shortest[shortest.index(shortest.startIndex, offsetBy: negative ? 1 : 0)..<e]
        var digits = mantissa.filter { $0 != "." }
        var point = (mantissa.firstIndex(of: ".").map { mantissa.distance(from: mantissa.startIndex, to: $0) } ?? mantissa.count) + exponent
        if point <= 0 {
            digits = String(repeating: "0", count: 1 - point) + digits
            point = 1
        } else if point > digits.count {
            digits += String(repeating: "0", count: point - digits.count)
        }
        var fraction = Substring(digits.dropFirst(point))
        while fraction.last == "0" { fraction = fraction.dropLast() }
        let whole = String(digits.prefix(point))
        return (negative ? "-" : "") + whole + (fraction.isEmpty ? "" : "." + fraction)
    }

    /// `self` to `digits` significant digits, trailing zeros kept (`0.6250`, `1235`): the
    /// one spelling of figures in text. Deterministic, with no locale.
    package func fixed(significant digits: Int) -> String {
        guard isFinite else { return "-" }
        if self == 0 { return "0" }
        var magnitude = 0
        var scaled = abs(self)
        while scaled >= 10 { scaled /= 10; magnitude += 1 }
        while scaled < 1 { scaled *= 10; magnitude -= 1 }
        func spell(_ decimals: Int) -> String {
            var factor = 1.0
            for _ in 0..<decimals { factor *= 10 }
            let units = (abs(self) * factor).rounded()
            var text = units.shortDecimal
            if decimals > 0 {
                if text.count <= decimals { text = String(repeating: "0", count: decimals - text.count + 1) + text }
                text.insert(".", at: text.index(text.endIndex, offsetBy: -decimals))
            }
            return (self < 0 ? "-" : "") + text
        }
        let decimals = max(0, digits - 1 - magnitude)
        var text = spell(decimals)
        // Rounding up may add a digit (9.99996 → 10.000): drop one decimal then.
        if decimals > 0, text.filter(\.isNumber).drop(while: { $0 == "0" }).count > digits {
            text = spell(decimals - 1)
        }
        return text
    }
}
