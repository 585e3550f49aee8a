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
        // Traffic equations v = e₀ + v·P, written as (I − Pᵀ) v = e₀.
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

    /// Solves the augmented system by elimination. Rework only flows back, and forward flow
    /// only to the next stage, so the matrix is upper Hessenberg: each column has one entry
    /// below the diagonal, and elimination (pivoting between two rows) costs O(n²), not O(n³).
    private static func solve(_ m: inout [[Double]]) -> [Double]? {
        let n = m.count
        for column in 0..<n {
            if column + 1 < n, abs(m[column + 1][column]) > abs(m[column][column]) { m.swapAt(column, column + 1) }
            guard abs(m[column][column]) > 1e-12 else { return nil }
            if column + 1 < n, m[column + 1][column] != 0 {
                let factor = m[column + 1][column] / m[column][column]
                for k in column...n { m[column + 1][k] -= factor * m[column][k] }
            }
        }
        var solution = [Double](repeating: 0, count: n)
        for row in stride(from: n - 1, through: 0, by: -1) {
            var sum = m[row][n]
            for k in (row + 1)..<n { sum -= m[row][k] * solution[k] }
            solution[row] = sum / m[row][row]
        }
        return solution
    }

    /// Each stage's utilisation `λ·visits·time/servers`, nil for a stage without a service
    /// time or when the stream has no demand or a broken routing.
    public static func utilisations(of stream: ValueStream) -> [Double?] {
        guard stream.demand != nil else { return stream.stages.map { _ in nil } }
        return utilisations(of: stream, visits: visits(of: stream))
    }

    /// As `utilisations(of:)`, from the stream's visits already solved (`visits(of: stream)`),
    /// so a caller that needs both solves once.
    public static func utilisations(of stream: ValueStream, visits: [Double]?) -> [Double?] {
        guard let demand = stream.demand, let visits else {
            return stream.stages.map { _ in nil }
        }
        return zip(stream.stages, visits).map { stage, visit in
            guard let time = stage.time else { return nil }
            return demand.perHour * visit * time.hours / Double(stage.effectiveServers)
        }
    }
}
