import Testing
@testable import Workbench

@Suite("TAB completion")
struct CompletionTests {
    func session(_ load: Bool = true) throws -> Session {
        var session = Session()
        if load { _ = try #require(session.run(Source(name: .prompt, text: "load demo", baseDirectory: "/")).last).get() }
        return session
    }

    func complete(_ text: String, _ session: Session, files: [String: [String]] = [:]) -> Completion {
        CompletionEngine.complete(text, in: session.model, baseDirectory: "/work", listFolder: { files[$0] })
    }

    @Test("command words and sub-keywords")
    func commands() throws {
        let session = try session(false)
        #expect(complete("lo", session) == Completion(replacing: 2, candidates: ["load"]))
        #expect(complete("st", session).candidates == ["streams", "stages"])
        #expect(complete("add s", session) == Completion(replacing: 1, candidates: ["stream", "stage", "segment", "stakeholder"]))
        #expect(complete("save ", session).candidates == ["model", "session"])
        #expect(complete("set o", session).candidates == ["output"])
        #expect(complete("help sh", session).candidates == ["show"])
        #expect(complete("help add l", session).candidates == ["link"])
        #expect(complete("streams; sh", session).candidates == ["show"], "after ; a new command starts")
    }

    @Test("degrade, restore, impact and breakpoint: streams, then their fields and keywords")
    func simulationArguments() throws {
        let session = try session()
        #expect(complete("degrade it-i", session).candidates == ["it-infra"])
        #expect(complete("degrade it-infra a", session).candidates == ["availability"])
        #expect(complete("degrade it-infra latency ", session).candidates == ["to", "by"])
        #expect(complete("restore a", session).candidates.contains("all"))
        #expect(complete("impact open-account w", session).candidates == ["why"])
        #expect(complete("breakpoint it-infra ", session).candidates == ["field", "for"])
        #expect(complete("breakpoint it-infra field c", session).candidates == ["capacity"])
        #expect(complete("breakpoint it-infra for open", session).candidates == ["open-account"])
    }

    @Test("stream ids, and names quoted when they hold spaces, each stream once")
    func streams() throws {
        let session = try session()
        #expect(complete("show Manage", session) == Completion(replacing: 6, candidates: ["\"Manage IT Infrastructure\""]))
        #expect(complete("show \"Manage IT", session) == Completion(replacing: 10, candidates: ["\"Manage IT Infrastructure\""]))
        #expect(complete("show op", session).candidates == ["open-account"], "the id matches, so the name is not offered too")
        #expect(complete("stages it-", session).candidates == ["it-service-desk", "it-infra"])
        #expect(complete("show x", session).candidates.isEmpty)
        #expect(complete("show ", try self.session(false)).candidates.isEmpty, "no model, no names")
    }

    @Test("stream/stage paths, quoted where a stage name has spaces")
    func stages() throws {
        let session = try session()
        #expect(complete("remove open-account/Ver", session) == Completion(replacing: 16, candidates: ["open-account/\"Verify identity\""]))
        #expect(complete("add link it-infra -> open-account/A", session).candidates == ["open-account/Apply", "open-account/Activate"])
        #expect(complete("add stage open-account Fraud after Ver", session).candidates == ["\"Verify identity\""])
    }

    @Test("set: targets, then their fields; fixed choices for values")
    func setTargets() throws {
        let session = try session()
        #expect(complete("set open-acc", session).candidates == ["open-account."])
        #expect(complete("set open-account.pro", session).candidates == ["open-account.promise"])
        #expect(complete("set open-account/\"Verify identity\".ser", session).candidates == ["open-account/\"Verify identity\".servers"])
        #expect(complete("set it-verify.str", session).candidates == ["it-verify.strength"])
        #expect(complete("set open-account.serves = ", session).candidates == ["external", "internal"])
        #expect(complete("set output j", session).candidates == ["json"])
    }

    @Test("add link: endpoints, the arrow, keywords and effects")
    func addLink() throws {
        let session = try session()
        #expect(complete("add link it-inf", session).candidates == ["it-infra"])
        #expect(complete("add link it-infra ", session).candidates == ["->"])
        #expect(complete("add link it-infra -> open-account/Apply e", session).candidates == ["effect"])
        #expect(complete("add link it-infra -> open-account/Apply effect l", session).candidates == ["latency"])
        #expect(complete("add link it-infra -> open-account/Apply effect latency sla a", session).candidates == ["availability"])
    }

    @Test("links by id, capabilities for stage keys, keys for add")
    func others() throws {
        let session = try session()
        #expect(complete("remove link it-ver", session).candidates == ["it-verify"])
        #expect(complete("add stage open-account Fraud capabilities k", session).candidates == ["kyc"])
        #expect(complete("add stage open-account Fraud serv", session).candidates == ["servers"])
        #expect(complete("add stream fx \"FX\" sup", session).candidates == ["supporting"])
        let costs = try #require(session.model).streams.flatMap(\.metrics).map(\.name).filter { $0.hasPrefix("Cost p") }
        #expect(!costs.isEmpty)
        var unique: [String] = []
        for name in costs where !unique.contains("\"\(name)\"") { unique.append("\"\(name)\"") }
        #expect(complete("add metric it-infra \"Cost p", session).candidates == unique, "metric names other streams use")
    }

    @Test("file paths for load and save, folders ending in /, hidden files only when asked")
    func paths() throws {
        let session = try session()
        let files = ["/work": ["models/", "notes.txt", ".hidden"], "/work/models": ["bank.yaml", "my bank.yaml"]]
        #expect(complete("load ", session, files: files).candidates == ["demo", "models/", "notes.txt"])
        #expect(complete("load mo", session, files: files).candidates == ["models/"])
        #expect(complete("load models/b", session, files: files) == Completion(replacing: 8, candidates: ["models/bank.yaml"]))
        #expect(complete("load models/my", session, files: files).candidates == ["\"models/my bank.yaml\""])
        #expect(complete("load .h", session, files: files).candidates == [".hidden"])
        #expect(complete("save model nowhere/x", session, files: files).candidates.isEmpty)
        #expect(complete("save session mo", session, files: files).candidates == ["models/"])
        #expect(complete("replay n", session, files: files).candidates == ["notes.txt"])
    }
}
