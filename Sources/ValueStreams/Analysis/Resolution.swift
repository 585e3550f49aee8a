/// Why a name did not resolve, with the nearest names for "did you mean".
public struct ResolutionError: Error, Sendable, Equatable, CustomStringConvertible {
    /// What was looked for: `stream`, `stage`, `capability`, `link`.
    public let entity: String
    public let name: String
    /// The nearest names, best first.
    public let suggestions: [String]
    /// Extra words after the name, e.g. ` in stream 'open-account'`.
    public let scope: String

    public var description: String {
        "no \(entity) '\(name)'\(scope)\(NameSuggestions.phrase(suggestions))"
    }
}

extension Model {
    /// The index of the stream whose id or name is `name`, case-insensitively.
    public func streamIndex(_ name: String) -> Int? {
        // By index, so no stream is copied to compare a name.
        streams.indices.first { streams[$0].id.caseInsensitiveEquals(name) }
            ?? streams.indices.first { streams[$0].name.caseInsensitiveEquals(name) }
    }

    /// Each link's ends as stream indices, in `integrations` order, resolved once as
    /// `streamIndex` resolves them (id first, then name), for loops over streams or links
    /// that would otherwise resolve every link again each time round.
    package func linkEnds() -> [LinkEnds] {
        integrations.map { LinkEnds(from: streamIndex($0.from.stream), to: streamIndex($0.to.stream)) }
    }

    /// The stream whose id or name is `name`, or an error suggesting the nearest.
    public func resolveStream(_ name: String) throws(ResolutionError) -> ValueStream {
        try resolveStream(name, suggest: true)
    }

    /// As `resolveStream(_:)`; without `suggest` the error offers no names, and none are searched.
    func resolveStream(_ name: String, suggest: Bool) throws(ResolutionError) -> ValueStream {
        streams[try resolveStreamIndex(name, suggest: suggest)]
    }

    /// The index of the stream whose id or name is `name`, or an error suggesting the nearest.
    public func resolveStreamIndex(_ name: String) throws(ResolutionError) -> Int {
        try resolveStreamIndex(name, suggest: true)
    }

    func resolveStreamIndex(_ name: String, suggest: Bool) throws(ResolutionError) -> Int {
        guard let index = streamIndex(name) else {
            throw ResolutionError(entity: "stream", name: name, suggestions: suggest ? nearestStreamIDs(to: name) : [], scope: "")
        }
        return index
    }

    /// The ids of the streams whose id or name is nearest to `name`, each stream once.
    public func nearestStreamIDs(to name: String) -> [String] {
        let candidates = streams.flatMap { [$0.id, $0.name] }
        var ids: [String] = []
        for match in NameSuggestions.nearest(to: name, among: candidates, limit: 6) {
            guard let index = streamIndex(match), !ids.contains(streams[index].id) else { continue }
            ids.append(streams[index].id)
        }
        return Array(ids.prefix(3))
    }

    /// The stream and stage index `stream/stage` names, or an error suggesting the nearest.
    public func resolveStage(_ endpoint: Endpoint) throws(ResolutionError) -> (stream: ValueStream, stage: Int) {
        try resolveStage(endpoint, suggest: true)
    }

    /// As `resolveStage(_:)`; without `suggest` the error offers no names, and none are searched.
    func resolveStage(_ endpoint: Endpoint, suggest: Bool) throws(ResolutionError) -> (stream: ValueStream, stage: Int) {
        let stream = try resolveStream(endpoint.stream, suggest: suggest)
        guard let stageName = endpoint.stage else {
            throw ResolutionError(entity: "stage", name: "", suggestions: suggest ? stream.stages.map(\.name) : [], scope: " in stream '\(stream.id)'")
        }
        guard let stage = stream.stageIndex(named: stageName) else {
            throw ResolutionError(entity: "stage", name: stageName,
                                  suggestions: suggest ? NameSuggestions.nearest(to: stageName, among: stream.stages.map(\.name)) : [],
                                  scope: " in stream '\(stream.id)'")
        }
        return (stream, stage)
    }
}

/// The streams a link's ends name, as indices into `Model.streams`; nil for an unknown stream.
package struct LinkEnds: Sendable, Hashable {
    package let from: Int?
    package let to: Int?
}
