import Testing
@testable import ValueStreams

let streamIDs = ["open-account", "it-infra", "hr", "apply-for-loan"]

@Suite("NameSuggestions")
struct NameSuggestionsTests {
    @Test("the nearest names to a miss", arguments: [
        ("it-infa", streamIDs, ["it-infra"]),                 // a letter left out
        ("it-infar", streamIDs, ["it-infra"]),                // two letters swapped
        ("oepn-account", streamIDs, ["open-account"]),        // two letters swapped
        ("it-infrs", streamIDs, ["it-infra"]),                // a wrong letter
        ("open", streamIDs, ["open-account"]),                // a prefix of the name
        ("open-account-now", streamIDs, ["open-account"]),    // the name is a prefix of the miss
        ("IT-INFA", streamIDs, ["it-infra"]),                 // case does not count
        ("it-infa", ["Open-Account", "IT-Infra"], ["IT-Infra"]), // the candidate keeps its spelling
        ("opn-acont", streamIDs, ["open-account"]),           // three edits are near for a long name
        ("zzz", streamIDs, []),                               // nothing near
        ("hrx", ["ops"], []),                                 // three edits are far for a short name
        ("", streamIDs, []),                                  // nothing to match
        ("aply", ["Apply", "apply", "APPLY"], ["Apply"]),     // each name once, first spelling
    ] as [(String, [String], [String])])
    func nearest(miss: String, candidates: [String], expected: [String]) {
        #expect(NameSuggestions.nearest(to: miss, among: candidates) == expected)
    }

    @Test("nearest first; ties keep the candidates' order")
    func order() {
        // kyx and kyd are one edit from kyc, kxz two.
        #expect(NameSuggestions.nearest(to: "kyc", among: ["kxz", "kyx", "kyd"]) == ["kyx", "kyd", "kxz"])
        #expect(NameSuggestions.nearest(to: "kyc", among: ["kyd", "kxz", "kyx"]) == ["kyd", "kyx", "kxz"])
    }

    @Test("at most limit names", arguments: [(0, 0), (1, 1), (2, 2), (3, 3), (4, 4), (10, 4)])
    func limit(limit: Int, count: Int) {
        let candidates = ["abc", "abd", "abe", "abf"]
        #expect(NameSuggestions.nearest(to: "ab", among: candidates, limit: limit) == Array(candidates.prefix(count)))
        #expect(NameSuggestions.nearest(to: "ab", among: candidates).count == 3, "three by default")
    }

    @Test("'did you mean' for none, one, two and three suggestions")
    func phrasing() {
        #expect(NameSuggestions.phrase([]) == "")
        #expect(NameSuggestions.phrase(["a"]) == "; did you mean 'a'?")
        #expect(NameSuggestions.phrase(["a", "b"]) == "; did you mean 'a' or 'b'?")
        #expect(NameSuggestions.phrase(["a", "b", "c"]) == "; did you mean 'a', 'b' or 'c'?")
        #expect(NameSuggestions.didYouMean("it-infa", among: streamIDs) == "; did you mean 'it-infra'?")
        #expect(NameSuggestions.didYouMean("zzz", among: streamIDs) == "")
        #expect(NameSuggestions.didYouMean("ab", among: ["abc", "abd", "abe", "abf"]) == "; did you mean 'abc', 'abd' or 'abe'?")
        #expect(NameSuggestions.didYouMean("ab", among: ["abc", "abd"]) == "; did you mean 'abc' or 'abd'?")
    }

    @Test("edit distance by hand", arguments: [
        ("kitten", "sitting", 3), ("ab", "ba", 1), ("", "abc", 3), ("abc", "", 3), ("", "", 0), ("same", "same", 0),
        ("ca", "abc", 3), ("it-infa", "it-infra", 1), ("it-infar", "it-infra", 1), ("abcd", "badc", 2),
    ] as [(String, String, Int)])
    func distanceByHand(a: String, b: String, distance: Int) {
        #expect(NameSuggestions.editDistance(Array(a), Array(b)) == distance)
    }

    /// Optimal string alignment distance with the whole matrix, as the textbook writes it.
    static func referenceDistance(_ a: [Character], _ b: [Character]) -> Int {
        var d = [[Int]](repeating: [Int](repeating: 0, count: b.count + 1), count: a.count + 1)
        for i in 0...a.count { d[i][0] = i }
        for j in 0...b.count { d[0][j] = j }
        for i in stride(from: 1, through: a.count, by: 1) {
            for j in stride(from: 1, through: b.count, by: 1) {
                let cost = a[i - 1] == b[j - 1] ? 0 : 1
                d[i][j] = min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost)
                if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] {
                    d[i][j] = min(d[i][j], d[i - 2][j - 2] + 1)
                }
            }
        }
        return d[a.count][b.count]
    }

    @Test("edit distance agrees with the textbook matrix; zero only for equal names; symmetric; bounded by the lengths")
    func distanceInvariants() {
        var generator = SeededGenerator(seed: 0xED17)
        let alphabet: [Character] = ["a", "b", "c", "-"]
        for _ in 0..<1000 {
            let a = (0..<generator.int(in: 0...8)).map { _ in alphabet[generator.int(in: 0...3)] }
            let b = (0..<generator.int(in: 0...8)).map { _ in alphabet[generator.int(in: 0...3)] }
            let distance = NameSuggestions.editDistance(a, b)
            #expect(distance == Self.referenceDistance(a, b), "\(String(a)) / \(String(b))")
            #expect(distance == NameSuggestions.editDistance(b, a))
            #expect((distance == 0) == (a == b))
            #expect(distance >= abs(a.count - b.count) && distance <= max(a.count, b.count))
        }
    }

    @Test("suggestions are candidates, within the limit, each once, never further than allowed")
    func suggestionInvariants() {
        var generator = SeededGenerator(seed: 0x5A6E)
        let alphabet: [Character] = ["a", "b", "c", "A"]
        for _ in 0..<500 {
            let word = { (length: Int, generator: inout SeededGenerator) in
                String((0..<length).map { _ in alphabet[generator.int(in: 0...3)] })
            }
            let miss = word(generator.int(in: 1...6), &generator)
            let candidates = (0..<generator.int(in: 0...6)).map { _ in word(generator.int(in: 1...8), &generator) }
            let limit = generator.int(in: 0...4)
            let suggestions = NameSuggestions.nearest(to: miss, among: candidates, limit: limit)
            #expect(suggestions.count <= limit)
            #expect(suggestions.allSatisfy { candidates.contains($0) })
            #expect(Set(suggestions.map { $0.lowercased() }).count == suggestions.count)
            let target = Array(miss.lowercased())
            let distances = suggestions.map { suggestion -> Int in
                let other = Array(suggestion.lowercased())
                let distance = other.starts(with: target) || target.starts(with: other) ? 1 : NameSuggestions.editDistance(target, other)
                #expect(distance <= max(2, min(target.count, other.count) / 3), "\(miss) -> \(suggestion)")
                return distance
            }
            #expect(distances == distances.sorted(), "nearest first: \(miss) -> \(suggestions)")
        }
    }

    @Test("names are equal ignoring case only")
    func caseInsensitiveEquals() {
        #expect("Apply".caseInsensitiveEquals("aPPLY"))
        #expect("Verify identity".caseInsensitiveEquals("VERIFY IDENTITY"))
        #expect(!"Apply".caseInsensitiveEquals("Apply "))
        #expect(!"Apply".caseInsensitiveEquals("Aply"))
        #expect("".caseInsensitiveEquals(""))
        #expect(!"ab".caseInsensitiveEquals("abc") && !"abc".caseInsensitiveEquals("ab"))
    }

    @Test("beyond ASCII the comparison is Unicode's: accents, the Kelvin sign, combining marks")
    func caseInsensitiveUnicode() {
        #expect("Ünïcode".caseInsensitiveEquals("üNÏCODE"))
        #expect("\u{212A}elvin".caseInsensitiveEquals("kelvin"), "the Kelvin sign lowercases to k")
        #expect("Cafe\u{301}".caseInsensitiveEquals("CAFÉ"), "a combining accent equals the precomposed letter")
        #expect(!"Café".caseInsensitiveEquals("Cafe"))
        #expect(!"Straße".caseInsensitiveEquals("STRASSE"), "lowercasing does not fold ß to ss")
    }
}

func resolutionModel() -> Model {
    Model(name: "Northwind", streams: [
        ValueStream(id: "open-account", name: "Open Account", kind: .customer, stages: [
            Stage(name: "Apply"), Stage(name: "Verify identity"), Stage(name: "Activate"),
        ]),
        ValueStream(id: "it-infra", name: "Manage IT Infrastructure", kind: .supporting),
        ValueStream(id: "alpha", name: "beta", kind: .supporting),
        ValueStream(id: "beta", name: "Gamma", kind: .supporting),
    ])
}

@Suite("Resolution")
struct ResolutionTests {
    @Test("a stream resolves by id or by name, case-insensitively", arguments: [
        ("open-account", "open-account"), ("OPEN-ACCOUNT", "open-account"), ("Open Account", "open-account"),
        ("open account", "open-account"), ("manage it infrastructure", "it-infra"), ("It-Infra", "it-infra"),
        ("beta", "beta"), ("BETA", "beta"), ("gamma", "beta"),
    ])
    func stream(name: String, id: String) throws {
        let model = resolutionModel()
        #expect(try model.resolveStream(name).id == id)
        #expect(model.streamIndex(name) == model.streams.firstIndex { $0.id == id })
    }

    @Test("a miss names what was looked for and suggests the nearest")
    func streamMiss() throws {
        let model = resolutionModel()
        let error = try #require(resolutionError { try model.resolveStream("it-infa") })
        #expect(error.description == "no stream 'it-infa'; did you mean 'it-infra'?")
        #expect(error.entity == "stream")
        #expect(error.name == "it-infa")
        #expect(error.suggestions == ["it-infra"])
        #expect(error.scope == "")
        #expect(resolutionError { try model.resolveStream("zzz") }?.description == "no stream 'zzz'")
        #expect(resolutionError { try model.resolveStream("Manage IT Infrastructur") }?.description
            == "no stream 'Manage IT Infrastructur'; did you mean 'it-infra'?", "a near name suggests the stream's id")
        #expect(resolutionError { try model.resolveStream("Open Acount") }?.suggestions == ["open-account"],
                "near both the id and the name: the stream once")
        #expect(model.streamIndex("it-infa") == nil)
    }

    @Test("nearestStreamIDs: stream ids, each once, nearest first, at most three")
    func nearestIDs() {
        let model = Model(name: "M", streams: [
            supporting("ops-a", name: "Ops A"), supporting("ops-b", name: "Ops B"), supporting("ops-c", name: "Ops C"),
            supporting("ops-d", name: "Ops D"), supporting("hr", name: "Hire"),
        ])
        #expect(model.nearestStreamIDs(to: "ops") == ["ops-a", "ops-b", "ops-c"])
        #expect(model.nearestStreamIDs(to: "hire-x") == ["hr"], "near the name Hire: the id hr")
        #expect(model.nearestStreamIDs(to: "zzzzzz") == [])
    }

    @Test("a stage resolves within its stream by name, case-insensitively", arguments: [
        ("open-account/Apply", 0), ("open-account/verify identity", 1), ("OPEN ACCOUNT/ACTIVATE", 2),
    ])
    func stage(text: String, index: Int) throws {
        let model = resolutionModel()
        let (stream, stage) = try model.resolveStage(Endpoint(parsing: text))
        #expect(stream.id == "open-account")
        #expect(stage == index)
    }

    @Test("a stage miss, a stream miss, and a missing stage name")
    func stageMisses() throws {
        let model = resolutionModel()
        let stage = try #require(resolutionError { try model.resolveStage(Endpoint(parsing: "open-account/Verfy identity")) })
        #expect(stage.description == "no stage 'Verfy identity' in stream 'open-account'; did you mean 'Verify identity'?")
        #expect(stage.entity == "stage")
        #expect(stage.scope == " in stream 'open-account'")

        let stream = try #require(resolutionError { try model.resolveStage(Endpoint(parsing: "open-acount/Apply")) })
        #expect(stream.entity == "stream")
        #expect(stream.name == "open-acount")
        #expect(stream.suggestions == ["open-account"])

        let unnamed = try #require(resolutionError { try model.resolveStage(Endpoint(stream: "open-account")) })
        #expect(unnamed.entity == "stage")
        #expect(unnamed.scope == " in stream 'open-account'")
        #expect(unnamed.suggestions == ["Apply", "Verify identity", "Activate"])
    }
}
