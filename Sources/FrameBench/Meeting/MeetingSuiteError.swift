public import FrameCrypto

/// Why the meeting suite could not run or stopped.
public enum MeetingSuiteError: Error, Equatable, Sendable, CustomStringConvertible {
    /// A configuration value out of range or flags that conflict; the text says which.
    case invalidConfiguration(String)
    /// A backend, a key operation or a frame's seal or open failed.
    case crypto(FrameCryptoError)

    public var description: String {
        switch self {
        case let .invalidConfiguration(reason): reason
        case let .crypto(error): "\(error)"
        }
    }
}
