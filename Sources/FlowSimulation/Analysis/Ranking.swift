extension Array {
    /// The elements sorted so that `first(a, b)` puts a before b; elements neither puts first
    /// keep their order, so rankings are the same on every run.
    func stablySorted(_ first: (Element, Element) -> Bool) -> [Element] {
        enumerated().sorted { a, b in
            first(a.element, b.element) || (!first(b.element, a.element) && a.offset < b.offset)
        }.map(\.element)
    }
}
