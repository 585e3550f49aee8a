import Foundation

/// Counts of times in logarithmic buckets, for percentiles across replications. Bucket k
/// holds [low·g^k, low·g^(k+1)) with g = 1.01; a percentile is read as its bucket's geometric
/// middle, so it is within ±0.5 % of the exact order statistic (the documented error). Times
/// below `low` share the first bucket, times above the last share the last.
struct LogHistogram: Sendable, Hashable {
    static let low = 1e-4
    static let growth = 1.01
    static let bucketCount = Int((log(1e7 / low) / log(growth)).rounded(.up))

    private(set) var counts = [Int](repeating: 0, count: bucketCount)
    private(set) var total = 0

    mutating func add(_ hours: Double) {
        let index = hours > Self.low ? Int(log(hours / Self.low) / log(Self.growth)) : 0
        counts[min(max(index, 0), Self.bucketCount - 1)] += 1
        total += 1
    }

    mutating func merge(_ other: LogHistogram) {
        for index in counts.indices { counts[index] += other.counts[index] }
        total += other.total
    }

    /// The p-quantile, or nil when empty.
    func quantile(_ p: Double) -> Double? {
        guard total > 0 else { return nil }
        let rank = max(1, Int((p * Double(total)).rounded(.up)))
        var seen = 0
        for (index, count) in counts.enumerated() where count > 0 {
            seen += count
            if seen >= rank { return Self.low * pow(Self.growth, Double(index) + 0.5) }
        }
        return Self.low * pow(Self.growth, Double(Self.bucketCount) - 0.5)
    }
}
