import Testing
@testable import Workbench

/// Unified diffs of lines: the literal expectations are what GNU `diff -u` prints for the same
/// files, less its timestamps.
@Suite struct UnifiedDiffTests {
    /// `line 1` … `line n`.
    private func numbered(_ n: Int) -> [String] { (1...n).map { "line \($0)" } }

    private func diff(_ old: [String], _ new: [String], context: Int = 3,
                      label: (Int) -> String? = { _ in nil }) -> String? {
        UnifiedDiff.make(old: old, new: new, oldName: "a", newName: "b", context: context, label: label)
    }

    @Test func equalLinesGiveNil() {
        #expect(diff([], []) == nil)
        #expect(diff(numbered(10), numbered(10)) == nil)
        #expect(diff(["x"], ["x"], context: 0) == nil)
    }

    @Test func oneChangedLineInTheMiddle() {
        var new = numbered(10)
        new[4] = "line five"
        #expect(diff(numbered(10), new) == """
            --- a
            +++ b
            @@ -2,7 +2,7 @@
             line 2
             line 3
             line 4
            -line 5
            +line five
             line 6
             line 7
             line 8

            """)
    }

    @Test func insertionAtTheStart() {
        #expect(diff(["a", "b", "c", "d"], ["n", "a", "b", "c", "d"]) == """
            --- a
            +++ b
            @@ -1,3 +1,4 @@
            +n
             a
             b
             c

            """)
        #expect(diff(["a", "b", "c", "d"], ["n", "a", "b", "c", "d"], context: 0) == "--- a\n+++ b\n@@ -0,0 +1 @@\n+n\n")
    }

    @Test func insertionAtTheEnd() {
        #expect(diff(["a", "b", "c", "d"], ["a", "b", "c", "d", "z"]) == """
            --- a
            +++ b
            @@ -2,3 +2,4 @@
             b
             c
             d
            +z

            """)
    }

    @Test func deletionOfEverything() {
        #expect(diff(["a", "b"], []) == "--- a\n+++ b\n@@ -1,2 +0,0 @@\n-a\n-b\n")
        #expect(diff(["n", "a"], ["a"], context: 0) == "--- a\n+++ b\n@@ -1 +0,0 @@\n-n\n")
    }

    @Test func emptyOld() {
        #expect(diff([], ["a", "b"]) == "--- a\n+++ b\n@@ -0,0 +1,2 @@\n+a\n+b\n")
        #expect(diff([], ["a"]) == "--- a\n+++ b\n@@ -0,0 +1 @@\n+a\n")
    }

    @Test func removalsComeBeforeInsertionsAndEmptyRangesNameTheLineBefore() {
        let old = ["a", "b", "c", "d", "e"], new = ["a", "b", "X", "Y", "d", "e", "f"]
        #expect(diff(old, new) == "--- a\n+++ b\n@@ -1,5 +1,7 @@\n a\n b\n-c\n+X\n+Y\n d\n e\n+f\n")
        #expect(diff(old, new, context: 0) == "--- a\n+++ b\n@@ -3 +3,2 @@\n-c\n+X\n+Y\n@@ -5,0 +7 @@\n+f\n")
        #expect(diff(old, ["a", "b", "NEW", "c", "d", "e"], context: 1) == "--- a\n+++ b\n@@ -2,2 +2,3 @@\n b\n+NEW\n c\n")
    }

    @Test func changesFarApartGiveTwoHunks() {
        // Seven unchanged lines between the changes: more than two contexts cover.
        let old = (1...20).map(String.init)
        var new = old
        new[2] = "x"
        new[10] = "y"
        #expect(diff(old, new) == """
            --- a
            +++ b
            @@ -1,6 +1,6 @@
             1
             2
            -3
            +x
             4
             5
             6
            @@ -8,7 +8,7 @@
             8
             9
             10
            -11
            +y
             12
             13
             14

            """)
    }

    @Test func changesCloseTogetherMerge() {
        // Six unchanged lines between the changes: exactly what the two contexts cover, so GNU joins them.
        let old = (1...20).map(String.init)
        var new = old
        new[2] = "x"
        new[9] = "y"
        #expect(diff(old, new) == """
            --- a
            +++ b
            @@ -1,13 +1,13 @@
             1
             2
            -3
            +x
             4
             5
             6
             7
             8
             9
            -10
            +y
             11
             12
             13

            """)
        #expect(diff(old, new, context: 2)?.components(separatedBy: "\n@@ ").count == 3, "with less context they split")
    }

    @Test func labelFollowsTheHunkHeader() {
        let old = (1...20).map(String.init)
        var new = old
        new[2] = "x"
        new[10] = "y"
        var asked: [Int] = []
        let text = diff(old, new) { index in
            asked.append(index)
            return "§\(old[index])"
        }
        let headers = text?.split(separator: "\n").filter { $0.hasPrefix("@@") }
        // The label names the first changed line, not the first line of context.
        #expect(headers == ["@@ -1,6 +1,6 @@ §3", "@@ -8,7 +8,7 @@ §11"])
        #expect(asked == [2, 10])
        #expect(diff(old, new, label: { _ in nil })?.contains("@@ \n") == false, "no trailing space without a label")
    }

    @Test func labelOfAnInsertionIsTheOldLineBeforeIt() {
        let old = ["a", "b", "c", "d", "e"]
        let label: (Int) -> String? = { "[\(old[$0])]" }
        #expect(diff(old, ["a", "b", "NEW", "c", "d", "e"], context: 0, label: label)
                == "--- a\n+++ b\n@@ -2,0 +3 @@ [b]\n+NEW\n")
        #expect(diff(old, ["a", "b", "NEW", "c", "d", "e"], context: 1, label: label)
                == "--- a\n+++ b\n@@ -2,2 +2,3 @@ [b]\n b\n+NEW\n c\n")
        // At the top there is no line before, so no label.
        #expect(diff(old, ["top"] + old, context: 0, label: label) == "--- a\n+++ b\n@@ -0,0 +1 @@\n+top\n")
        #expect(diff([], ["x"], label: { _ in Issue.record("asked for a label of an empty file"); return "?" })
                == "--- a\n+++ b\n@@ -0,0 +1 @@\n+x\n")
    }

    @Test func applyingTheDiffToOldGivesNew() throws {
        var random = LCG(seed: 20_240_601)
        for _ in 0..<300 {
            let old = random.lines(count: random.below(25))
            let new = random.below(5) == 0 ? random.lines(count: random.below(25)) : random.edited(old)
            for context in [0, 1, 2, 3, 5] {
                let text = diff(old, new, context: context)
                guard let text else {
                    #expect(old == new, "nil only for equal lines")
                    continue
                }
                #expect(old != new)
                #expect(try apply(text, to: old, context: context) == new, "\(old) → \(new), context \(context):\n\(text)")
                #expect(diff(old, new, context: context) == text, "deterministic")
            }
        }
    }
}

/// Applies a unified diff the way `patch` would, requiring every context and removed line to
/// match, the header counts to be right, and hunks to be apart and trimmed to `context`.
private func apply(_ diff: String, to old: [String], context: Int) throws -> [String] {
    var lines = diff.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    try #require(lines.last == "", "ends with a newline")
    lines.removeLast()
    try #require(lines.count > 2 && lines[0] == "--- a" && lines[1] == "+++ b")
    var result: [String] = [], position = 0, index = 2
    while index < lines.count {
        let fields = lines[index].split(separator: " ")
        try #require(fields.count == 4 && fields[0] == "@@" && fields[3] == "@@", "a header: \(lines[index])")
        let (oldStart, oldCount) = try range(fields[1], "-")
        let (newStart, newCount) = try range(fields[2], "+")
        index += 1
        let start = oldCount == 0 ? oldStart : oldStart - 1
        try #require(start >= position && (position == 0 || start > position), "hunks in order, with a gap")
        try #require(start <= old.count)
        result += old[position..<start]
        position = start
        #expect(result.count == (newCount == 0 ? newStart : newStart - 1), "the new start matches")
        var marks = ""
        while index < lines.count, !lines[index].hasPrefix("@@") {
            let line = lines[index], text = String(line.dropFirst())
            let mark = try #require(line.first)
            if mark != "+" {
                try #require(position < old.count && old[position] == text, "\(mark)\(text) matches old")
                position += 1
            }
            if mark != "-" { result.append(text) }
            marks.append(mark)
            index += 1
        }
        #expect(marks.count { $0 != "+" } == oldCount && marks.count { $0 != "-" } == newCount, "counts match")
        let leading = marks.prefix { $0 == " " }.count, trailing = marks.reversed().prefix { $0 == " " }.count
        #expect(leading < marks.count, "a hunk holds a change")
        #expect(leading <= context && trailing <= context, "context trimmed")
        #expect(leading == context || start == 0, "full context unless at the top")
        #expect(trailing == context || position == old.count, "full context unless at the bottom")
    }
    return result + old[position...]
}

/// `start,count` after its sign, the count 1 when left out.
private func range(_ field: Substring, _ sign: Character) throws -> (Int, Int) {
    try #require(field.first == sign)
    let parts = field.dropFirst().split(separator: ",", omittingEmptySubsequences: false)
    try #require(parts.count == 1 || parts.count == 2)
    let start = try #require(Int(parts[0]))
    let count = try #require(parts.count == 2 ? Int(parts[1]) : 1)
    try #require(parts.count == 1 || count != 1, "GNU leaves out ,1")
    return (start, count)
}

/// A seeded linear congruential generator, so the random cases are the same on every run.
private struct LCG {
    var state: UInt64
    init(seed: UInt64) { state = seed }

    mutating func below(_ bound: Int) -> Int {
        state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
        return Int((state >> 33) % UInt64(bound))
    }

    /// Few distinct lines, so that repeats give the diff choices to make.
    mutating func lines(count: Int) -> [String] {
        (0..<count).map { _ in ["a", "b", "c", "d", "e", "f"][below(6)] }
    }

    /// `lines` with some lines kept, dropped, replaced and inserted.
    mutating func edited(_ lines: [String]) -> [String] {
        var result: [String] = []
        for line in lines {
            switch below(20) {
            case 0..<3: continue
            case 3..<5: result += self.lines(count: 1)
            case 5..<7: result += self.lines(count: 1 + below(3)) + [line]
            default: result.append(line)
            }
        }
        return result + self.lines(count: below(2) == 0 ? 0 : below(4))
    }
}
