import Foundation

/// The public test vectors the tests read: the trimmed copy committed under `Tests/Vectors`
/// (see its PROVENANCE.md), present on every clone, so tests that read it never skip.
package enum TestVectors {
    /// `Tests/Vectors` of this checkout.
    package static let directory: String = {
        // …/Tests/FrameTestSupport/TestVectors.swift → Tests → Tests/Vectors
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Vectors").path
    }()

    /// A file of the in-repo copy, by its path relative to `Tests/Vectors` (the same relative
    /// path as in the full originals: `wycheproof/aes_gcm_test.json`, `nist/…`, `sframe/…`).
    package static func path(_ relative: String) -> String { directory + "/" + relative }
}
