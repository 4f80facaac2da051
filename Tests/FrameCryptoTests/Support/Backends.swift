import Foundation
import FrameCrypto
import Testing

/// Helpers for running one test body against every available backend.
enum Backends {
    static var available: [AEADBackend] { BackendRegistry.available }

    /// Every ordered pair of available backends, including a backend with itself.
    static var pairs: [(AEADBackend, AEADBackend)] {
        available.flatMap { a in available.map { b in (a, b) } }
    }
}

/// Which registered backends and variants the tests over "every available backend" leave
/// out, and whether that is allowed: on a developer's machine a backend may be missing
/// (libsodium's AES-GCM needs AES-NI), so the tests skip it and say so; under `CI=true`
/// every registered backend must run, unless `FRAMEBENCH_ALLOW_MISSING_BACKENDS` names it
/// (comma-separated), for a CI machine known to lack one.
struct BackendCoverage {
    /// A backend or variant that cannot run here, and why.
    struct LeftOut: Equatable {
        var name: String
        var reason: String
    }

    var leftOut: [LeftOut]
    var environment: [String: String]

    /// This machine's backends and this process's environment.
    static var current: BackendCoverage {
        BackendCoverage(
            leftOut: (BackendRegistry.all + BackendRegistry.variants).compactMap { backend in
                backend.info.availability.reason.map { LeftOut(name: backend.info.name, reason: $0) }
            },
            environment: ProcessInfo.processInfo.environment)
    }

    var isCI: Bool { ["true", "1"].contains(environment["CI"]?.lowercased() ?? "") }

    var allowedMissing: Set<String> {
        Set((environment["FRAMEBENCH_ALLOW_MISSING_BACKENDS"] ?? "").split(separator: ",").map {
            $0.trimmingCharacters(in: .whitespaces)
        })
    }

    /// One issue per backend left out: an error under CI (unless allowed), else a warning
    /// that names it, so a skipped backend is never silent.
    var issues: [(severity: Issue.Severity, comment: String)] {
        leftOut.map { backend in
            let text = "backend \(backend.name) is registered but unavailable here (\(backend.reason)): "
            if isCI && !allowedMissing.contains(backend.name) {
                return (.error, text + "under CI=true every registered backend must run (FRAMEBENCH_ALLOW_MISSING_BACKENDS=\(backend.name) exempts it)")
            }
            return (.warning, text + "every test over the available backends leaves it out")
        }
    }
}

/// Seals `plaintext` with `context` and returns ciphertext and tag (test convenience).
func sealCopy<C: AEADContext & ~Copyable>(
    _ context: inout C, nonce: Nonce, aad: [UInt8], plaintext: [UInt8]
) throws(FrameCryptoError) -> (ciphertext: [UInt8], tag: [UInt8]) {
    var text = plaintext
    var tag = [UInt8](repeating: 0, count: AESGCM.tagByteCount)
    var textSpan = text.mutableSpan
    var tagSpan = tag.mutableSpan
    try context.seal(nonce: nonce, aad: aad.span, text: &textSpan, tag: &tagSpan)
    return (text, tag)
}

/// Opens a copy of `ciphertext`; returns the buffer after the call (plaintext on success)
/// and the error, if any.
func openCopy<C: AEADContext & ~Copyable>(
    _ context: inout C, nonce: Nonce, aad: [UInt8], ciphertext: [UInt8], tag: [UInt8]
) -> (buffer: [UInt8], error: FrameCryptoError?) {
    var text = ciphertext
    var span = text.mutableSpan
    do {
        try context.open(nonce: nonce, aad: aad.span, text: &span, tag: tag.span)
        return (text, nil)
    } catch {
        return (text, error)
    }
}
