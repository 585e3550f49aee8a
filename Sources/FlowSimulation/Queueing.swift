/// Steady-state formulas for a multi-server FIFO station, the analytic engine's building
/// block (DESIGN §6): Erlang C for exponential service, Allen–Cunneen for other service
/// variability, with arrivals taken as Poisson (arrival cv 1) at every stage — a documented
/// approximation for stages fed by other stages.
public enum Queueing {
    /// A station's load: arrivals per hour, mean service hours, servers.
    public struct Station: Sendable, Hashable {
        public let arrivalsPerHour: Double
        public let serviceHours: Double
        public let servers: Int
        /// The service time's coefficient of variation (1 exponential, 0 constant).
        public let serviceCV: Double

        public init(arrivalsPerHour: Double, serviceHours: Double, servers: Int, serviceCV: Double = 1) {
            self.arrivalsPerHour = arrivalsPerHour
            self.serviceHours = serviceHours
            self.servers = servers
            self.serviceCV = serviceCV
        }

        /// Offered load in servers' worth of work: λ·E[S].
        public var offeredLoad: Double { arrivalsPerHour * serviceHours }
        /// Utilisation ρ = λ·E[S]/c.
        public var utilisation: Double { servers > 0 ? offeredLoad / Double(servers) : .infinity }
        /// Whether the queue grows without bound: ρ ≥ 1.
        public var isOverloaded: Bool { !(utilisation < 1) }
        /// How fast the backlog grows when overloaded: arrivals beyond capacity, per hour.
        public var backlogGrowthPerHour: Double {
            guard serviceHours > 0 else { return 0 }
            return max(0, arrivalsPerHour - Double(servers) / serviceHours)
        }
    }

    /// Erlang C: the probability an arrival waits, for `servers` and an offered load below
    /// `servers`. Computed through the Erlang B recursion, which neither overflows nor loses
    /// precision the way powers and factorials do.
    public static func erlangC(servers: Int, offeredLoad load: Double) -> Double? {
        guard servers >= 1, load >= 0, load < Double(servers) else { return nil }
        if load == 0 { return 0 }
        var blocking = 1.0
        for k in 1...servers {
            blocking = load * blocking / (Double(k) + load * blocking)
        }
        let rho = load / Double(servers)
        return blocking / (1 - rho * (1 - blocking))
    }

    /// Mean wait in the queue (hours), or nil when the station is overloaded. Erlang C for
    /// cv = 1; otherwise scaled by Allen–Cunneen's (ca² + cs²)/2 with ca = 1.
    public static func meanQueueWait(_ station: Station) -> Double? {
        guard station.serviceHours > 0 else { return station.arrivalsPerHour >= 0 ? 0 : nil }
        guard let waitProbability = erlangC(servers: station.servers, offeredLoad: station.offeredLoad) else { return nil }
        let capacity = Double(station.servers) / station.serviceHours
        let exponentialWait = waitProbability / (capacity - station.arrivalsPerHour)
        return exponentialWait * (1 + station.serviceCV * station.serviceCV) / 2
    }
}
