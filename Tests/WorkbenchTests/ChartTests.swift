import Testing
@testable import Workbench

/// The text charts: sparklines, signed bars (tornado) and meters.
@Suite("Text charts")
struct ChartTests {
    @Test("a sparkline spans the lowest to the highest block, one character per value up to the width")
    func sparkline() {
        #expect(Figures.sparkline([0, 1, 2, 3, 4, 5, 6, 7]) == "▁▂▃▄▅▆▇█")
        #expect(Figures.sparkline([]) == "")
        #expect(Figures.sparkline(Array(repeating: 2, count: 5)) == "▁▁▁▁▁")
        #expect(Figures.sparkline((0..<200).map(Double.init), width: 50).count == 50)
    }

    @Test("bars: the largest magnitude fills the width, negatives grow left of the axis, a non-zero value shows one block")
    func bars() {
        let lines = Figures.bars([("up", 2, "+2"), ("down", -1, "-1"), ("tiny", 0.001, "+0.001"), ("none", 0, "0")], width: 10)
        #expect(lines.count == 4)
        #expect(lines[0] == "up    " + String(repeating: " ", count: 10) + "│" + String(repeating: "█", count: 10) + " +2")
        #expect(lines[1] == "down  " + String(repeating: " ", count: 5) + String(repeating: "█", count: 5) + "│ -1")
        #expect(lines[2].hasSuffix("│█ +0.001"))
        #expect(lines[3].hasSuffix("│ 0"))
        // Without negatives there is no left side; an infinite value (an overload) fills the width.
        #expect(Figures.bars([("a", .infinity, "overloaded"), ("b", 1, "+1")], width: 4) == ["a  │████ overloaded", "b  │████ +1"])
        #expect(Figures.bars([("a", .infinity, "overloaded"), ("b", 0, "0")], width: 4) == ["a  │████ overloaded", "b  │ 0"],
                "an overload beside nothing still fills the width")
    }

    @Test("a meter fills its share of the width")
    func meter() {
        #expect(Figures.meter(0.5) == "█████░░░░░")
        #expect(Figures.meter(1.7, width: 4) == "████")
        #expect(Figures.meter(-1, width: 3) == "░░░")
    }
}
