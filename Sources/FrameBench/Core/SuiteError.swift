package import FrameCrypto

/// Why a suite (frames, overhead, key counts, meeting) could not run or stopped.
package enum SuiteError: Error, Equatable, Sendable, CustomStringConvertible {
    /// A configuration value out of range or flags that conflict; the text says which.
    case invalidConfiguration(String)
    /// A backend refused or failed (a key operation, a frame's seal or open).
    case crypto(FrameCryptoError)
    /// The C reference failed (frames suite).
    case referenceFailed(String)
    /// A measured case failed (overhead suite and key-count study: the C reference, a
    /// runner, the harness meeting).
    case measurementFailed(String)

    package var description: String {
        switch self {
        case let .invalidConfiguration(reason): reason
        case let .crypto(error): "\(error)"
        case let .referenceFailed(reason): reason
        case let .measurementFailed(reason): reason
        }
    }

    /// `error` as a failed measurement: a backend's failure stays `crypto`, anything else
    /// becomes ``measurementFailed(_:)`` with the same text.
    init(measuring error: SuiteError) {
        if case let .crypto(cause) = error { self = .crypto(cause) } else { self = .measurementFailed(error.description) }
    }
}
