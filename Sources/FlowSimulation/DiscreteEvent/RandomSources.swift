import Foundation

/// SplitMix64 (Steele, Lea, Flood 2014): seeds the other generators and derives each
/// replication's seed from the master seed (DESIGN §6).
public struct SplitMix64: Sendable {
    private var state: UInt64

    public init(seed: UInt64) { state = seed }

    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        return Self.mix(state)
    }

    /// The finaliser alone: a well-spread function of one word.
    public static func mix(_ value: UInt64) -> UInt64 {
        var z = value
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// Replication r's seed: `splitmix64(master ^ splitmix64(r))`, so replications are
    /// independent of how many run at once.
    public static func replicationSeed(master: UInt64, replication: Int) -> UInt64 {
        mix(master ^ mix(UInt64(replication)))
    }
}

/// xoshiro256** (Blackman, Vigna 2018): the generator behind each random stream.
public struct Xoshiro256StarStar: Sendable {
    private var s0, s1, s2, s3: UInt64

    /// Four words from a SplitMix64 seeded with `seed`, as the authors recommend.
    public init(seed: UInt64) {
        var mixer = SplitMix64(seed: seed)
        s0 = mixer.next()
        s1 = mixer.next()
        s2 = mixer.next()
        s3 = mixer.next()
    }

    public mutating func next() -> UInt64 {
        let result = ((s1 &* 5) << 7 | (s1 &* 5) >> 57) &* 9
        let t = s1 << 17
        s2 ^= s0
        s3 ^= s1
        s1 ^= s2
        s0 ^= s3
        s2 ^= t
        s3 = s3 << 45 | s3 >> 19
        return result
    }

    /// Uniform on (0, 1): 53 random bits, never 0, so logarithms stay finite.
    public mutating func uniform() -> Double {
        (Double(next() >> 11) + 0.5) * 0x1p-53
    }
}

/// The three random streams of one replication — arrivals, services, defects — kept apart so
/// that the baseline and degraded cases draw the same numbers for the same purposes (common
/// random numbers).
struct RandomStreams {
    var arrivals: Xoshiro256StarStar
    var services: Xoshiro256StarStar
    var defects: Xoshiro256StarStar

    init(replicationSeed seed: UInt64) {
        var seeds = SplitMix64(seed: seed)
        arrivals = Xoshiro256StarStar(seed: seeds.next())
        services = Xoshiro256StarStar(seed: seeds.next())
        defects = Xoshiro256StarStar(seed: seeds.next())
    }
}

/// Service times with mean 1 and a given coefficient of variation (DESIGN §6): cv = 1
/// exponential, cv = 0 constant, otherwise lognormal with σ² = ln(1 + cv²), μ = −σ²/2.
/// A stage scales them by its mean service time.
struct UnitServiceTime: Sendable {
    enum Shape: Sendable {
        case constant
        case exponential
        case lognormal(sigma: Double)
    }

    let shape: Shape

    init(cv: Double) {
        if cv <= 0 {
            shape = .constant
        } else if cv == 1 {
            shape = .exponential
        } else {
            shape = .lognormal(sigma: log(1 + cv * cv).squareRoot())
        }
    }

    func sample(_ random: inout Xoshiro256StarStar) -> Double {
        switch shape {
        case .constant: return 1
        case .exponential: return -log(random.uniform())
        case .lognormal(let sigma):
            // Box–Muller, one normal per two uniforms: simple, and the draws per sample fixed.
            let normal = (-2 * log(random.uniform())).squareRoot() * cos(2 * Double.pi * random.uniform())
            return exp(sigma * normal - sigma * sigma / 2)
        }
    }
}
