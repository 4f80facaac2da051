public import FrameCrypto

/// Why the frames suite could not run or stopped.
public enum FramesSuiteError: Error, Equatable, Sendable, CustomStringConvertible {
    /// A configuration value out of range; the text says which and why.
    case invalidConfiguration(String)
    /// A backend refused or failed.
    case crypto(FrameCryptoError)
    /// The C reference failed.
    case referenceFailed(String)

    public var description: String {
        switch self {
        case let .invalidConfiguration(reason): reason
        case let .crypto(error): "\(error)"
        case let .referenceFailed(reason): reason
        }
    }
}
