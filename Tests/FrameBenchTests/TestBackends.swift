import FrameCrypto
import Testing

/// Whether a named backend runs here, for `.enabled(if:)` on tests that need one backend:
/// such a test shows as skipped, with the reason, rather than passing by doing nothing.
/// (Under `CI=true`, FrameCryptoTests' `BackendCoverageTests` fails on any registered
/// backend that cannot run.)
enum TestBackends {
    static func isAvailable(_ name: String) -> Bool {
        (try? BackendRegistry.backend(named: name).info.availability.isAvailable) ?? false
    }

    static func skipReason(_ name: String) -> Comment {
        let reason = (try? BackendRegistry.backend(named: name).info.availability.reason) ?? "not registered"
        return Comment(rawValue: "backend \(name) is unavailable here: \(reason) (under CI=true BackendCoverageTests fails)")
    }
}
