/// A problem found in a model as a whole: a broken reference, a duplicate, a suspicious link.
///
/// `path` is the file's key path (`streams[0].stages[1].rework_to`), so a reader can locate
/// the problem in the file it came from and an editor can name the field.
public struct ModelIssue: Sendable, Hashable, CustomStringConvertible {
    public enum Severity: String, Sendable, Hashable {
        case error
        case warning
    }

    public let severity: Severity
    public let path: String
    public let message: String

    public init(_ severity: Severity, _ path: String, _ message: String) {
        self.severity = severity
        self.path = path
        self.message = message
    }

    public var description: String { "\(severity.rawValue): \(path): \(message)" }
}

extension Model {
    /// Every cross-entity problem in the model: errors (the model must not be used) and
    /// warnings (it is real, and review or simulation will report it). Field values are
    /// checked where they are read; this checks how the entities fit together.
    public func validate() -> [ModelIssue] {
        var issues: [ModelIssue] = []
        checkIdentifiers(into: &issues)
        checkDuplicates(into: &issues)
        for (streamIndex, stream) in streams.enumerated() {
            checkStages(of: stream, at: "streams[\(streamIndex)]", into: &issues)
        }
        checkCapabilities(into: &issues)
        checkLinks(into: &issues)
        checkDependencyCycles(into: &issues)
        return issues
    }

    /// Whether `text` can be typed as one word of the command language and used in a
    /// `stream/stage` path: letters, digits and `- _ . ~ :`, no spaces and no `/`.
    public static func isIdentifier(_ text: String) -> Bool {
        !text.isEmpty && text.allSatisfy { $0.isLetter || $0.isNumber || "-_.~:".contains($0) }
    }

    private func checkIdentifiers(into issues: inout [ModelIssue]) {
        let advice = "must be one word of letters, digits and - _ . ~ : (no spaces or /), e.g. open-account"
        // An empty id is already reported as missing where it is read.
        for (index, stream) in streams.enumerated() where !stream.id.isEmpty && !Self.isIdentifier(stream.id) {
            issues.append(.init(.error, "streams[\(index)].id", "stream id '\(stream.id)' \(advice)"))
        }
        for (index, capability) in capabilities.enumerated() where !capability.id.isEmpty && !Self.isIdentifier(capability.id) {
            issues.append(.init(.error, "capabilities[\(index)].id", "capability id '\(capability.id)' \(advice)"))
        }
        for (index, link) in integrations.enumerated() {
            if let id = link.id, !Self.isIdentifier(id) {
                issues.append(.init(.error, "integrations[\(index)].id", "link id '\(id)' \(advice)"))
            }
        }
    }

    private func checkDuplicates(into issues: inout [ModelIssue]) {
        func firstDuplicates(_ keys: [String]) -> [(index: Int, first: Int)] {
            var firstSeen: [String: Int] = [:]
            var found: [(Int, Int)] = []
            for (index, key) in keys.enumerated() {
                let folded = key.lowercased()
                if let first = firstSeen[folded] { found.append((index, first)) } else { firstSeen[folded] = index }
            }
            return found
        }
        for (index, first) in firstDuplicates(streams.map(\.id)) {
            issues.append(.init(.error, "streams[\(index)].id", "duplicate stream id '\(streams[index].id)' (first at streams[\(first)]); give each stream its own id"))
        }
        for (index, first) in firstDuplicates(streams.map(\.name)) {
            issues.append(.init(.error, "streams[\(index)].name", "duplicate stream name '\(streams[index].name)' (first at streams[\(first)]); names resolve like ids, so give each stream its own"))
        }
        let unnamed = integrations.enumerated().filter { $0.element.id == nil }
        for (position, first) in firstDuplicates(unnamed.map(\.element.descriptiveName)) {
            issues.append(.init(.error, "integrations[\(unnamed[position].offset)]", "duplicate link '\(unnamed[position].element.descriptiveName)' (first at integrations[\(unnamed[first].offset)]); give one an id, or remove it"))
        }
        for (index, first) in firstDuplicates(capabilities.map(\.id)) {
            issues.append(.init(.error, "capabilities[\(index)].id", "duplicate capability id '\(capabilities[index].id)' (first at capabilities[\(first)]); give each capability its own id"))
        }
        let linkIDs = integrations.enumerated().compactMap { index, link in link.id.map { (index, $0) } }
        for (position, first) in firstDuplicates(linkIDs.map(\.1)) {
            let (index, id) = linkIDs[position]
            issues.append(.init(.error, "integrations[\(index)].id", "duplicate link id '\(id)' (first at integrations[\(linkIDs[first].0)]); give each link its own id"))
        }
        for (index, first) in firstDuplicates(segments.map(\.name)) {
            issues.append(.init(.error, "segments[\(index)].name", "duplicate segment '\(segments[index].name)' (first at segments[\(first)]); give each segment its own name"))
        }
        for (index, first) in firstDuplicates(stakeholders.map(\.name)) {
            issues.append(.init(.error, "stakeholders[\(index)].name", "duplicate stakeholder '\(stakeholders[index].name)' (first at stakeholders[\(first)]); list each person once"))
        }
        for (streamIndex, stream) in streams.enumerated() {
            for (index, first) in firstDuplicates(stream.metrics.map(\.name)) {
                issues.append(.init(.error, "streams[\(streamIndex)].metrics[\(index)].name", "duplicate metric '\(stream.metrics[index].name)' in stream '\(stream.id)' (first at metrics[\(first)]); give each metric its own name"))
            }
            for (index, first) in firstDuplicates(stream.stages.map(\.name)) {
                issues.append(.init(.error, "streams[\(streamIndex)].stages[\(index)].name", "duplicate stage name '\(stream.stages[index].name)' in stream '\(stream.id)' (first at stages[\(first)]); give each stage its own name"))
            }
        }
    }

    private func checkStages(of stream: ValueStream, at path: String, into issues: inout [ModelIssue]) {
        if stream.stages.count > Routing.maximumStages {
            issues.append(.init(.error, "\(path).stages", "stream '\(stream.id)' has \(stream.stages.count) stages; at most \(Routing.maximumStages) are supported"))
            return
        }
        if let recorded = stream.classification?.kind, recorded != stream.kind {
            issues.append(.init(.warning, "\(path).classification.kind", "stream '\(stream.id)' is declared '\(stream.kind.rawValue)' but its classification record says '\(recorded.rawValue)'"))
        }
        let capabilityIDs = capabilities.map(\.id)
        var reworkBroken = false
        for (index, stage) in stream.stages.enumerated() {
            let stagePath = "\(path).stages[\(index)]"
            if let target = stage.reworkTo {
                if let targetIndex = stream.stageIndex(named: target) {
                    if targetIndex > index {
                        reworkBroken = true
                        issues.append(.init(.error, "\(stagePath).rework_to", "rework_to '\(target)' is a later stage; name this stage or an earlier one"))
                    }
                } else {
                    reworkBroken = true
                    let earlier = stream.stages[...index].map(\.name)
                    issues.append(.init(.error, "\(stagePath).rework_to", "no stage '\(target)' in stream '\(stream.id)'\(Self.suggest(target, among: earlier, after: issues))"))
                }
            }
            for (capabilityIndex, capability) in stage.capabilities.enumerated()
            where !capabilityIDs.contains(where: { $0.caseInsensitiveEquals(capability) }) {
                issues.append(.init(.error, "\(stagePath).capabilities[\(capabilityIndex)]", "no capability '\(capability)'\(Self.suggest(capability, among: capabilityIDs, after: issues))"))
            }
        }
        if !segments.isEmpty {
            for (index, segment) in stream.segments.enumerated()
            where !segments.contains(where: { $0.name.caseInsensitiveEquals(segment) }) {
                issues.append(.init(.warning, "\(path).segments[\(index)]", "no segment '\(segment)' in the model\(Self.suggest(segment, among: segments.map(\.name), after: issues))"))
            }
        }
        guard !reworkBroken else { return }
        let visits = Routing.visits(of: stream)
        if !stream.stages.isEmpty, visits == nil {
            issues.append(.init(.warning, "\(path).stages", "stream '\(stream.id)' reworks so nearly every item that its visits cannot be computed; lower its defect probabilities"))
        }
        for (index, utilisation) in Routing.utilisations(of: stream, visits: visits).enumerated() {
            if let utilisation, utilisation >= 1 {
                issues.append(.init(.warning, "\(path).stages[\(index)]", "stage '\(stream.stages[index].name)' of '\(stream.id)' is at utilisation \(Self.percent(utilisation)) (≥ 100%): its queue grows without bound"))
            }
        }
    }

    /// Suggestions cost an edit distance per candidate: only the first issues get them, so a
    /// file full of broken references still loads (and fails) quickly.
    static let suggestedIssues = 50

    static func suggest(_ miss: String, among candidates: [String], after issues: [ModelIssue]) -> String {
        issues.count < suggestedIssues ? NameSuggestions.didYouMean(miss, among: candidates) : ""
    }

    static func percent(_ fraction: Double) -> String {
        (fraction * 100).fixed(significant: 4) + "%"
    }

    private func checkCapabilities(into issues: inout [ModelIssue]) {
        let ids = capabilities.map(\.id)
        for (index, capability) in capabilities.enumerated() {
            if let parent = capability.parent, !ids.contains(where: { $0.caseInsensitiveEquals(parent) }) {
                issues.append(.init(.error, "capabilities[\(index)].parent", "no capability '\(parent)'\(Self.suggest(parent, among: ids, after: issues))"))
            }
        }
    }

    private func checkLinks(into issues: inout [ModelIssue]) {
        for (index, link) in integrations.enumerated() {
            let path = "integrations[\(index)]"
            let from = checkEndpoint(link.from, at: "\(path).from", into: &issues)
            let to = checkEndpoint(link.to, at: "\(path).to", into: &issues)
            guard let from, let to else { continue }
            if to.kind == .customer, link.to.stage == nil {
                issues.append(.init(.error, "\(path).to", "a link to customer stream '\(to.id)' must name a stage, e.g. \(to.id)/\(to.stages.first?.name ?? "STAGE")"))
            }
            switch (from.kind, to.kind) {
            case (.customer, .customer):
                issues.append(.init(.warning, "\(path)", "link '\(link.name)' runs from customer stream '\(from.id)' to customer stream '\(to.id)'; integration points come from supporting streams"))
            case (.customer, .supporting):
                issues.append(.init(.warning, "\(path)", "link '\(link.name)' runs from customer stream '\(from.id)' to supporting stream '\(to.id)'; integration points come from supporting streams"))
            default:
                break
            }
        }
    }

    /// The stream an endpoint names, after reporting an unknown stream or stage.
    private func checkEndpoint(_ endpoint: Endpoint, at path: String, into issues: inout [ModelIssue]) -> ValueStream? {
        // Past the first issues, no suggestions are searched (see `suggestedIssues`).
        let suggest = issues.count < Self.suggestedIssues
        do {
            if endpoint.stage != nil {
                return try resolveStage(endpoint, suggest: suggest).stream
            }
            return try resolveStream(endpoint.stream, suggest: suggest)
        } catch {
            issues.append(.init(.error, path, error.description))
            return nil
        }
    }

    /// The supporting→supporting dependency cycles, each reported once, from its earliest stream.
    private func checkDependencyCycles(into issues: inout [ModelIssue]) {
        let ends = linkEnds()
        for cycle in dependencyCycles(ends: ends) {
            let link = ends.firstIndex { $0.from == cycle[0] && $0.to == cycle[cycle.count > 1 ? 1 : 0] }
            issues.append(.init(.warning, link.map { "integrations[\($0)]" } ?? "integrations", "dependency cycle: \(cycleNames(cycle))"))
        }
    }

    /// A cycle from `dependencyCycles()` as its stream ids, back to the first: `a -> b -> a`.
    func cycleNames(_ cycle: [Int]) -> String {
        (cycle + [cycle[0]]).map { streams[$0].id }.joined(separator: " -> ")
    }

    /// Cycles among supporting streams along supporting→supporting links, as stream indices;
    /// one per strongly connected component (Tarjan), in model order.
    public func dependencyCycles() -> [[Int]] {
        dependencyCycles(ends: linkEnds())
    }

    /// As `dependencyCycles()`, with the links' ends already resolved (`linkEnds()`).
    func dependencyCycles(ends: [LinkEnds]) -> [[Int]] {
        var edges = [[Int]](repeating: [], count: streams.count)
        for end in ends {
            guard let from = end.from, let to = end.to,
                  streams[from].kind == .supporting, streams[to].kind == .supporting,
                  !edges[from].contains(to) else { continue }
            edges[from].append(to)
        }
        var index = 0
        var indices = [Int?](repeating: nil, count: streams.count)
        var lowLinks = [Int](repeating: 0, count: streams.count)
        var onStack = [Bool](repeating: false, count: streams.count)
        var stack: [Int] = []
        var cycles: [[Int]] = []

        // Iterative Tarjan, so a long chain cannot overflow the call stack.
        for root in streams.indices where indices[root] == nil {
            var work: [(node: Int, edge: Int)] = [(root, 0)]
            indices[root] = index; lowLinks[root] = index; index += 1
            stack.append(root); onStack[root] = true
            while let (node, edge) = work.last {
                if edge < edges[node].count {
                    work[work.count - 1].edge += 1
                    let next = edges[node][edge]
                    if indices[next] == nil {
                        indices[next] = index; lowLinks[next] = index; index += 1
                        stack.append(next); onStack[next] = true
                        work.append((next, 0))
                    } else if onStack[next], let nextIndex = indices[next] {
                        lowLinks[node] = min(lowLinks[node], nextIndex)
                    }
                    continue
                }
                work.removeLast()
                if let parent = work.last?.node { lowLinks[parent] = min(lowLinks[parent], lowLinks[node]) }
                guard lowLinks[node] == indices[node] else { continue }
                var component: [Int] = []
                while let top = stack.popLast() {
                    onStack[top] = false
                    component.append(top)
                    if top == node { break }
                }
                if component.count > 1 || edges[node].contains(node) {
                    cycles.append(orderedCycle(component.sorted(), edges: edges))
                }
            }
        }
        return cycles.sorted { $0[0] < $1[0] }
    }

    /// The shortest cycle through a component's first stream (breadth-first, following
    /// edges in declared order), as the streams along it.
    private func orderedCycle(_ component: [Int], edges: [[Int]]) -> [Int] {
        let start = component[0]
        var parent: [Int: Int] = [:]
        var queue = [start]
        var head = 0
        while head < queue.count {
            let node = queue[head]
            head += 1
            for next in edges[node] where component.contains(next) {
                if next == start {
                    var cycle = [node]
                    while let previous = parent[cycle[0]] { cycle.insert(previous, at: 0) }
                    return cycle
                }
                if parent[next] == nil, next != start {
                    parent[next] = node
                    queue.append(next)
                }
            }
        }
        return [start]
    }

}
