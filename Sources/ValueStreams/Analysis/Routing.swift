/// How items move through a stream's stages: visit ratios from rework, and the load each
/// stage carries. Shared by load-time warnings and both engines.
public enum Routing {
    /// The most stages a stream may have; bounds the visit-ratio solve (O(n³)).
    public static let maximumStages = 500

    /// Mean visits per item to each stage. An item goes through the stages in order; after a
    /// visit to stage j it returns, with the stage's defect probability, to `rework_to` (this
    /// stage by default) and passes again through every stage from there.
    ///
    /// Returns nil when a `rework_to` names a later or unknown stage, or a defect
    /// probability is not below 1 (then items would never leave).
    public static func visits(of stream: ValueStream) -> [Double]? {
        let count = stream.stages.count
        guard count > 0, count <= maximumStages else { return count == 0 ? [] : nil }
        var targets: [Int] = []
        for (index, stage) in stream.stages.enumerated() {
            let target = stage.reworkTo.map { stream.stageIndex(named: $0) } ?? index
            guard let target, target <= index else { return nil }
            guard stage.effectiveDefectProbability < 1, stage.effectiveDefectProbability >= 0 else { return nil }
            targets.append(target)
        }
        // Traffic equations v = e₀ + v·P, written as (I − Pᵀ) v = e₀ and solved by elimination.
        var matrix = [[Double]](repeating: [Double](repeating: 0, count: count + 1), count: count)
        for row in 0..<count { matrix[row][row] = 1 }
        matrix[0][count] = 1
        for (from, stage) in stream.stages.enumerated() {
            let p = stage.effectiveDefectProbability
            matrix[targets[from]][from] -= p
            if from + 1 < count { matrix[from + 1][from] -= 1 - p }
        }
        return solve(&matrix)
    }

    /// Gaussian elimination with partial pivoting on an augmented matrix.
    private static func solve(_ m: inout [[Double]]) -> [Double]? {
        let n = m.count
        for column in 0..<n {
            var pivot = column
            for row in column..<n where abs(m[row][column]) > abs(m[pivot][column]) { pivot = row }
            guard abs(m[pivot][column]) > 1e-12 else { return nil }
            m.swapAt(column, pivot)
            for row in 0..<n where row != column {
                let factor = m[row][column] / m[column][column]
                if factor == 0 { continue }
                for k in column...n { m[row][k] -= factor * m[column][k] }
            }
        }
        return (0..<n).map { m[$0][n] / m[$0][$0] }
    }

    /// Each stage's utilisation `λ·visits·time/servers`, nil for a stage without a service
    /// time or when the stream has no demand or a broken routing.
    public static func utilisations(of stream: ValueStream) -> [Double?] {
        guard let demand = stream.demand, let visits = visits(of: stream) else {
            return stream.stages.map { _ in nil }
        }
        return zip(stream.stages, visits).map { stage, visit in
            guard let time = stage.time else { return nil }
            return demand.perHour * visit * time.hours / Double(stage.effectiveServers)
        }
    }
}
