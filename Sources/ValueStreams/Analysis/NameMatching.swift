extension String {
    /// Whether two names are the same ignoring case, the way names resolve everywhere.
    package func caseInsensitiveEquals(_ other: String) -> Bool {
        if self == other { return true }
        // Names are mostly ASCII: compare those bytes without allocating. The first pair of
        // ASCII bytes that differ in case-folded form settles it; anything else, Unicode.
        var mine = utf8.makeIterator()
        var theirs = other.utf8.makeIterator()
        while true {
            let a = mine.next(), b = theirs.next()
            guard let a, let b else {
                if a == nil, b == nil { return true }
                break
            }
            guard a < 0x80, b < 0x80 else { break }
            if Self.foldedASCII(a) != Self.foldedASCII(b) { return false }
        }
        return lowercased() == other.lowercased()
    }

    private static func foldedASCII(_ byte: UInt8) -> UInt8 {
        byte >= 0x41 && byte <= 0x5A ? byte | 0x20 : byte
    }
}

/// "Did you mean" suggestions: the names nearest to a miss, by edit distance.
public enum NameSuggestions {
    /// Longer names are matched by prefix only; this bounds each edit distance.
    static let maximumLength = 64
    /// The most candidates one suggestion looks at.
    static let maximumCandidates = 5_000

    /// Up to `limit` names from `candidates` close enough to `miss` to be worth suggesting,
    /// nearest first (ties keep the candidates' order).
    public static func nearest(to miss: String, among candidates: [String], limit: Int = 3) -> [String] {
        let target = Array(miss.lowercased())
        guard !target.isEmpty, target.count <= maximumLength else { return [] }
        var scored: [(distance: Int, index: Int, name: String)] = []
        var seen = Set<String>()
        for (index, candidate) in candidates.prefix(maximumCandidates).enumerated() where seen.insert(candidate.lowercased()).inserted {
            let other = Array(candidate.lowercased())
            let allowed = max(2, min(target.count, other.count) / 3)
            let prefix = other.starts(with: target) || target.starts(with: other)
            // Names too long or too different in length cannot be near: skip the edit distance.
            guard prefix || (other.count <= maximumLength && abs(other.count - target.count) <= allowed) else { continue }
            let distance = prefix ? 1 : editDistance(target, other)
            if distance <= allowed {
                scored.append((distance, index, candidate))
            }
        }
        scored.sort { ($0.distance, $0.index) < ($1.distance, $1.index) }
        return scored.prefix(limit).map(\.name)
    }

    /// `; did you mean 'x'?` or `; did you mean 'x' or 'y'?`, or empty when nothing is near.
    /// Only the nearest names are offered: `lod` suggests `load`, not also `add`.
    public static func didYouMean(_ miss: String, among candidates: [String]) -> String {
        let target = Array(miss.lowercased())
        let near = nearest(to: miss, among: candidates)
        let distances = near.map { distance(target, Array($0.lowercased())) }
        guard let best = distances.min() else { return "" }
        return phrase(zip(near, distances).filter { $0.1 == best }.map(\.0))
    }

    /// The distance `nearest` ranks by: 1 for a prefix either way, else the edit distance.
    static func distance(_ target: [Character], _ other: [Character]) -> Int {
        other.starts(with: target) || target.starts(with: other) ? 1 : editDistance(target, other)
    }

    /// `; did you mean 'x'?` for already chosen suggestions, or empty when there are none.
    public static func phrase(_ suggestions: [String]) -> String {
        let names = suggestions.map { "'\($0)'" }
        switch names.count {
        case 0: return ""
        case 1: return "; did you mean \(names[0])?"
        default: return "; did you mean \(names.dropLast().joined(separator: ", ")) or \(names[names.count - 1])?"
        }
    }

    /// Damerau–Levenshtein (optimal string alignment) distance.
    static func editDistance(_ a: [Character], _ b: [Character]) -> Int {
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var previousPrevious = [Int](repeating: 0, count: b.count + 1)
        var previous = Array(0...b.count)
        var current = [Int](repeating: 0, count: b.count + 1)
        for i in 1...a.count {
            current[0] = i
            for j in 1...b.count {
                let cost = a[i - 1] == b[j - 1] ? 0 : 1
                var best = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
                if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] {
                    best = min(best, previousPrevious[j - 2] + 1)
                }
                current[j] = best
            }
            (previousPrevious, previous, current) = (previous, current, previousPrevious)
        }
        return previous[b.count]
    }
}
