import Foundation
package import FrameVectors
package import Testing

/// Seeds for the property tests: each test has a fixed default seed, so `swift test` is
/// reproducible; `FRAMEBENCH_PROPERTY_SEED=N` runs every property with seed N instead, and
/// every failure names the seed that produced it.
package enum PropertySeed {
    /// The seed a property runs with: `FRAMEBENCH_PROPERTY_SEED` when set, else `fixed`.
    package static func seed(default fixed: UInt64) -> UInt64 {
        ProcessInfo.processInfo.environment["FRAMEBENCH_PROPERTY_SEED"].flatMap { UInt64($0) } ?? fixed
    }

    /// A generator for a property run with `seed`.
    package static func random(_ seed: UInt64) -> SeededRandom { SeededRandom(seed: seed) }

    /// The comment every failed expectation carries.
    package static func note(_ seed: UInt64, _ detail: String = "") -> Comment {
        "seed \(seed) (rerun with FRAMEBENCH_PROPERTY_SEED=\(seed))\(detail.isEmpty ? "" : ": " + detail)"
    }

    /// Whether the full-size runs were asked for (`FRAMEBENCH_PROPERTY_FULL=1`): millions of
    /// frames instead of the few hundred thousand a debug `swift test` can afford.
    package static var full: Bool { ProcessInfo.processInfo.environment["FRAMEBENCH_PROPERTY_FULL"] == "1" }
}
