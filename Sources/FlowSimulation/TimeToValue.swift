import Foundation

extension AnalyticEngine {
    /// The documented approximation for percentiles and the on-time rate: time-to-value is
    /// the fixed waits plus a gamma-distributed rest, whose mean is the sum of mean sojourns
    /// and whose variance treats each visit's sojourn as exponential; gamma quantiles and
    /// probabilities by the Wilson–Hilferty transformation.
    struct TimeToValue {
        private(set) var fixed = 0.0
        private(set) var mean = 0.0
        private(set) var variance = 0.0

        init() {}

        /// The distribution of a stable stream's time-to-value from its stages.
        init(_ stages: [StageResult]) {
            for stage in stages {
                add(visits: stage.visits, fixed: stage.fixedWaitHours, sojourn: (stage.queueWaitHours ?? 0) + (stage.serviceHours ?? 0))
            }
        }

        /// One stage's part: per visit a fixed wait, and a sojourn taken as exponential.
        mutating func add(visits: Double, fixed wait: Double, sojourn: Double) {
            fixed += visits * wait
            mean += visits * sojourn
            variance += visits * sojourn * sojourn
        }

        private var shape: Double { variance > 0 ? mean * mean / variance : .infinity }

        func quantile(_ p: Double) -> Double {
            guard mean > 0, shape.isFinite else { return fixed + mean }
            let k = shape
            let z = Self.normalQuantile(p)
            let cube = 1 - 1 / (9 * k) + z * (1 / (9 * k)).squareRoot()
            return fixed + mean * max(0, cube * cube * cube)
        }

        func probability(atMost x: Double) -> Double {
            let rest = x - fixed
            guard rest > 0 else { return 0 }
            guard mean > 0, shape.isFinite else { return rest >= mean ? 1 : 0 }
            let k = shape
            let z = (pow(rest / mean, 1.0 / 3) - (1 - 1 / (9 * k))) / (1 / (9 * k)).squareRoot()
            return 0.5 * erfc(-z / 2.0.squareRoot())
        }

        /// The standard normal quantile (Acklam's rational approximation, |error| < 1.2e-9).
        static func normalQuantile(_ p: Double) -> Double {
            let a = [-3.969683028665376e+01, 2.209460984245205e+02, -2.759285104469687e+02, 1.383577518672690e+02, -3.066479806614716e+01, 2.506628277459239e+00]
            let b = [-5.447609879822406e+01, 1.615858368580409e+02, -1.556989798598866e+02, 6.680131188771972e+01, -1.328068155288572e+01]
            let c = [-7.784894002430293e-03, -3.223964580411365e-01, -2.400758277161838e+00, -2.549732539343734e+00, 4.374664141464968e+00, 2.938163982698783e+00]
            let d = [7.784695709041462e-03, 3.224671290700398e-01, 2.445134137142996e+00, 3.754408661907416e+00]
            let low = 0.02425
            if p < low {
                let q = (-2 * log(p)).squareRoot()
                return (((((c[0] * q + c[1]) * q + c[2]) * q + c[3]) * q + c[4]) * q + c[5]) / ((((d[0] * q + d[1]) * q + d[2]) * q + d[3]) * q + 1)
            }
            if p > 1 - low {
                let q = (-2 * log(1 - p)).squareRoot()
                return -(((((c[0] * q + c[1]) * q + c[2]) * q + c[3]) * q + c[4]) * q + c[5]) / ((((d[0] * q + d[1]) * q + d[2]) * q + d[3]) * q + 1)
            }
            let q = p - 0.5
            let r = q * q
            return (((((a[0] * r + a[1]) * r + a[2]) * r + a[3]) * r + a[4]) * r + a[5]) * q / (((((b[0] * r + b[1]) * r + b[2]) * r + b[3]) * r + b[4]) * r + 1)
        }
    }
}
