/// A distinct phase of a value stream (BIZBOK), with entrance and exit criteria, the
/// functions taking part, the capabilities enabling it, and its flow parameters.
///
/// Flow fields the file leaves out stay nil, so a saved file reads as it was written; the
/// `effective…` accessors give the defaults (1 server, cv 1, no wait, no defects).
public struct Stage: Sendable, Hashable {
    /// Unique within its stream; links and `rework_to` name the stage by it.
    public var name: String
    /// The functions (departments) taking part.
    public var functions: [String]
    /// Parallel servers working the stage; nil means 1.
    public var servers: Int?
    /// Mean service time per visit; nil means the stage has no flow data yet.
    public var time: Duration?
    /// Coefficient of variation of the service time.
    public var cv: PlainNumber?
    /// Fixed wait per visit, with no server held.
    public var wait: Duration?
    /// Probability that a visit ends defective and makes a new visit to `reworkTo`.
    public var defects: Fraction?
    /// The stage a defective item returns to: this stage (the default) or an earlier one.
    public var reworkTo: String?
    /// Ids of the capabilities enabling this stage.
    public var capabilities: [String]
    /// The entrance criterion: what must hold before work enters the stage.
    public var entrance: String?
    /// The exit criterion: what must hold before work leaves the stage.
    public var exit: String?
    /// Cost of one step of improvement (one more server).
    public var cost: PlainNumber?

    /// Creates a stage; flow fields left nil take their defaults.
    public init(
        name: String, functions: [String] = [], servers: Int? = nil, time: Duration? = nil,
        cv: PlainNumber? = nil, wait: Duration? = nil, defects: Fraction? = nil, reworkTo: String? = nil,
        capabilities: [String] = [], entrance: String? = nil, exit: String? = nil, cost: PlainNumber? = nil
    ) {
        self.name = name
        self.functions = functions
        self.servers = servers
        self.time = time
        self.cv = cv
        self.wait = wait
        self.defects = defects
        self.reworkTo = reworkTo
        self.capabilities = capabilities
        self.entrance = entrance
        self.exit = exit
        self.cost = cost
    }

    /// Servers in force: the declared number, else 1.
    public var effectiveServers: Int { servers ?? 1 }
    /// Service-time cv in force: the declared one, else 1 (exponential).
    public var effectiveCV: Double { cv?.value ?? 1 }
    /// Fixed wait per visit in hours: the declared one, else 0.
    public var effectiveWaitHours: Double { wait?.hours ?? 0 }
    /// Defect (rework) probability per visit, 0…1: the declared one, else 0.
    public var effectiveDefectProbability: Double { defects?.value ?? 0 }
}
