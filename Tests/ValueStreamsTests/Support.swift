import Testing
@testable import ValueStreams

/// A small deterministic generator (SplitMix64), so every "random-ish" test sees the same
/// inputs on every run and a failure can be reproduced from its seed.
struct SeededGenerator: RandomNumberGenerator {
    private var state: UInt64

    init(seed: UInt64) { state = seed }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// A whole number in `range`.
    mutating func int(in range: ClosedRange<Int>) -> Int { Int.random(in: range, using: &self) }

    /// A fraction in `range`.
    mutating func double(in range: ClosedRange<Double>) -> Double { Double.random(in: range, using: &self) }

    mutating func bool() -> Bool { next() & 1 == 1 }
}

/// The error a parse throws, or nil when it succeeds. (Closures do not infer typed throws,
/// so this takes any error and records one of the wrong type.)
func unitError<T>(_ parse: () throws -> T) -> UnitError? {
    do {
        _ = try parse()
        return nil
    } catch let error as UnitError {
        return error
    } catch {
        Issue.record("expected a UnitError, got \(error)")
        return UnitError("\(error)")
    }
}

/// The error a resolution throws, or nil when it succeeds.
func resolutionError<T>(_ resolve: () throws -> T) -> ResolutionError? {
    do {
        _ = try resolve()
        return nil
    } catch let error as ResolutionError {
        return error
    } catch {
        Issue.record("expected a ResolutionError, got \(error)")
        return ResolutionError(entity: "?", name: "\(error)", suggestions: [], scope: "")
    }
}

/// Reads a value the test itself spells correctly; a typo in a test is a test failure.
func duration(_ text: String) -> ValueStreams.Duration {
    do { return try ValueStreams.Duration(parsing: text) } catch { fatalError("test fixture: \(error)") }
}

func fraction(_ text: String) -> Fraction {
    do { return try Fraction(parsing: text) } catch { fatalError("test fixture: \(error)") }
}

func rate(_ text: String) -> Rate {
    do { return try Rate(parsing: text) } catch { fatalError("test fixture: \(error)") }
}

func date(_ text: String) -> CalendarDate {
    do { return try CalendarDate(parsing: text) } catch { fatalError("test fixture: \(error)") }
}

/// A supporting stream with no stages.
func supporting(_ id: String, name: String? = nil, stages: [Stage] = []) -> ValueStream {
    ValueStream(id: id, name: name ?? "Stream \(id)", kind: .supporting, stages: stages)
}

/// A customer stream with the given stages.
func customer(_ id: String, name: String? = nil, stages: [Stage] = [Stage(name: "Apply")]) -> ValueStream {
    ValueStream(id: id, name: name ?? "Stream \(id)", kind: .customer, stages: stages)
}

/// A link between two endpoints, written as in a model file (`a`, `a/Stage`).
func link(_ from: String, _ to: String, _ effect: Effect = .capacity, id: String? = nil) -> IntegrationPoint {
    IntegrationPoint(id: id, from: Endpoint(parsing: from), to: Endpoint(parsing: to), effect: effect)
}

extension Array where Element == ModelIssue {
    var errors: [ModelIssue] { filter { $0.severity == .error } }
    var warnings: [ModelIssue] { filter { $0.severity == .warning } }
    var paths: [String] { map(\.path) }
}
