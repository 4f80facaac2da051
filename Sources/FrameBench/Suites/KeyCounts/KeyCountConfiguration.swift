package import FrameCrypto

/// What the key-count study measures: the per-frame cost of an SFrame open as the
/// receiver holds more live keys, with the frames spread over all of them.
package struct KeyCountConfiguration: Sendable, Equatable {
    /// Backends by name; empty means every available default backend.
    package var backends: [String] = []
    /// Live receive keys, one case each: from one sender up to 200 senders × 2 epochs.
    package var keyCounts: [Int] = [1, 2, 10, 50, 100, 200, 400]
    /// Frame sizes: an audio frame and a video packet, where per-key costs weigh most.
    package var frameSizes: [Int] = [100, 1200]
    /// Time (or frames) per case.
    package var length: RunLength = .seconds(0.3)
    /// Interleaved warm-up per frame size.
    package var warmupSeconds: Double = 0.1
    /// Batch duration to calibrate to (on the one-key case; every key count of a backend
    /// uses that batch size).
    package var targetBatchNanoseconds: UInt64 = 20_000
    /// Consecutive runs of batches whose medians are the samples.
    package var repetitions = 10
    /// Seed of keys, payload and the order of senders.
    package var seed: UInt64 = 1

    /// The defaults.
    package init() {}

    /// The most keys a case may hold.
    package static let maxKeyCount = 100_000

    /// Checks every value and resolves the backends.
    ///
    /// - Throws: ``SuiteError/invalidConfiguration(_:)`` or ``SuiteError/crypto(_:)``.
    package func resolvedBackends() throws(SuiteError) -> [AEADBackend] {
        func invalid(_ reason: String) -> SuiteError { .invalidConfiguration(reason) }
        guard !keyCounts.isEmpty else { throw invalid("no key counts given") }
        for n in keyCounts where !(1...Self.maxKeyCount).contains(n) {
            throw invalid("a key count must be 1 to \(Self.maxKeyCount), not \(n)")
        }
        guard Set(keyCounts).count == keyCounts.count else { throw invalid("a key count is listed twice") }
        if let reason = ConfigurationChecks.frameSizes(frameSizes, context: " for the key-count study") { throw invalid(reason) }
        if let reason = ConfigurationChecks.timing(
            length: length, warmupSeconds: warmupSeconds, targetBatchNanoseconds: targetBatchNanoseconds,
            repetitions: repetitions)
        {
            throw invalid(reason)
        }
        return try ConfigurationChecks.backends(backends, crypto: { .crypto($0) }, invalid: invalid)
    }

    /// The study's options as text, for ``RunConfiguration/extra``.
    package var extraDescription: [String: String] {
        var extra = [
            "keyCounts": keyCounts.map(String.init).joined(separator: ","),
            "keyFrameSizes": frameSizes.map(String.init).joined(separator: ","),
        ]
        switch length {
        case let .seconds(s): extra["keySecondsPerCase"] = String(s)
        case let .count(n): extra["keyFramesPerCase"] = String(n)
        }
        return extra
    }
}
