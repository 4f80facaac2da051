package import FrameCrypto
package import Testing

/// The backends a test runs over: every registered backend that runs here, so a new backend
/// listed in `BackendRegistry` is tested without touching the tests.
package enum TestBackends {
    /// Every available backend.
    package static var available: [AEADBackend] { BackendRegistry.available }

    /// The names of the available backends, for parameterised tests.
    package static var names: [String] { available.map { $0.info.name } }

    /// The optional libraries this build contains (their package traits), in registry order:
    /// the one list the registry and C-reference tests both read.
    package static var optionalLibraries: [String] {
        var names: [String] = []
        #if Nettle
        names.append("nettle")
        #endif
        #if Libgcrypt
        names.append("libgcrypt")
        #endif
        #if MbedTLS
        names.append("mbedtls")
        #endif
        #if WolfSSL
        names.append("wolfssl")
        #endif
        #if Botan
        names.append("botan")
        #endif
        return names
    }

    /// The names of the variants that run here.
    package static var variantNames: [String] {
        BackendRegistry.variants.filter { $0.info.availability.isAvailable }.map { $0.info.name }
    }

    /// Every ordered pair of available backends, including a backend with itself.
    package static var pairs: [(AEADBackend, AEADBackend)] {
        available.flatMap { a in available.map { b in (a, b) } }
    }

    /// The backend or variant called `name`.
    package static func backend(named name: String) throws -> AEADBackend {
        try BackendRegistry.backend(named: name)
    }

    /// Whether a named backend runs here, for `.enabled(if:)` on tests that need one backend:
    /// such a test shows as skipped, with the reason, rather than passing by doing nothing.
    /// (Under `CI=true`, FrameCryptoTests' `BackendCoverageTests` fails on any registered
    /// backend that cannot run.)
    package static func isAvailable(_ name: String) -> Bool {
        (try? BackendRegistry.backend(named: name).info.availability.isAvailable) ?? false
    }

    /// Why a named backend is skipped here.
    package static func skipReason(_ name: String) -> Comment {
        let reason = (try? BackendRegistry.backend(named: name).info.availability.reason) ?? "not registered"
        return Comment(rawValue: "backend \(name) is unavailable here: \(reason) (under CI=true BackendCoverageTests fails)")
    }
}
