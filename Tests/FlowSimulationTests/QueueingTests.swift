import Foundation
import Testing
@testable import FlowSimulation

@Suite("Queueing formulas")
struct QueueingTests {
    /// Erlang C from its textbook form, with powers and factorials: a second method, for
    /// checking the recursion the engine uses.
    static func textbookErlangC(_ c: Int, _ a: Double) -> Double {
        var factorial = 1.0
        var sum = 0.0
        for k in 0..<c {
            if k > 0 { factorial *= Double(k) }
            sum += pow(a, Double(k)) / factorial
        }
        let top = pow(a, Double(c)) / (factorial * Double(max(c, 1))) / (1 - a / Double(c))
        return top / (sum + top)
    }

    static let cases: [(Int, Double)] = [1, 2, 3, 5, 8, 20].flatMap { c in [0.1, 0.5, 0.8, 0.9, 0.95].map { (c, $0) } }

    @Test("Erlang C matches the textbook formula for several c and utilisations up to 0.95", arguments: cases)
    func erlangC(_ servers: Int, _ utilisation: Double) throws {
        let load = utilisation * Double(servers)
        let value = try #require(Queueing.erlangC(servers: servers, offeredLoad: load))
        let expected = Self.textbookErlangC(servers, load)
        #expect(abs(value - expected) <= 1e-9 * expected, "C(\(servers), \(load)) = \(value), expected \(expected)")
    }

    @Test("M/M/1 and M/M/c waits: Wq = C/(cμ − λ)", arguments: cases)
    func meanWait(_ servers: Int, _ utilisation: Double) throws {
        let service = 0.25
        let arrivals = utilisation * Double(servers) / service
        let station = Queueing.Station(arrivalsPerHour: arrivals, serviceHours: service, servers: servers)
        let wait = try #require(Queueing.meanQueueWait(station))
        let expected = Self.textbookErlangC(servers, arrivals * service) / (Double(servers) / service - arrivals)
        #expect(abs(wait - expected) <= 1e-9 * max(expected, 1e-12))
        if servers == 1 {
            // M/M/1 in closed form: Wq = ρ/(μ − λ).
            #expect(abs(wait - utilisation / (1 / service - arrivals)) <= 1e-12)
        }
    }

    @Test("Allen–Cunneen scales the exponential wait by (1 + cs²)/2: constant service halves it")
    func allenCunneen() throws {
        let exponential = Queueing.Station(arrivalsPerHour: 3, serviceHours: 0.5, servers: 2)
        let constant = Queueing.Station(arrivalsPerHour: 3, serviceHours: 0.5, servers: 2, serviceCV: 0)
        let variable = Queueing.Station(arrivalsPerHour: 3, serviceHours: 0.5, servers: 2, serviceCV: 2)
        let base = try #require(Queueing.meanQueueWait(exponential))
        #expect(try #require(Queueing.meanQueueWait(constant)) == base / 2)
        #expect(abs(try #require(Queueing.meanQueueWait(variable)) - base * 2.5) <= 1e-12)
    }

    @Test("overload begins exactly at utilisation 1: no wait figure, a backlog growth, nothing infinite")
    func overload() {
        let atOne = Queueing.Station(arrivalsPerHour: 8, serviceHours: 0.25, servers: 2)
        #expect(atOne.utilisation == 1)
        #expect(atOne.isOverloaded)
        #expect(Queueing.meanQueueWait(atOne) == nil)
        #expect(atOne.backlogGrowthPerHour == 0)
        let over = Queueing.Station(arrivalsPerHour: 10, serviceHours: 0.25, servers: 2)
        #expect(over.backlogGrowthPerHour == 2)
        let under = Queueing.Station(arrivalsPerHour: 7.99, serviceHours: 0.25, servers: 2)
        #expect(!under.isOverloaded)
        let wait = Queueing.meanQueueWait(under)
        #expect(wait.map { $0.isFinite && $0 > 0 } == true)
        #expect(Queueing.erlangC(servers: 0, offeredLoad: 1) == nil)
        #expect(Queueing.erlangC(servers: 3, offeredLoad: 0) == 0)
    }
}
