/// Why a typed value could not be read, worded as advice on what to type instead.
public struct UnitError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The whole message, e.g. `'3' is a fraction 0…1; did you mean 3%?`.
    public let message: String

    /// Creates an error from its advice message.
    public init(_ message: String) { self.message = message }

    /// The message itself.
    public var description: String { message }
}
