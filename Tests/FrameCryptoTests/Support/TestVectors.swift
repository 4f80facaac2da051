import Foundation
import Testing

/// The public test vectors the tests read: the trimmed copy committed under `Tests/Vectors`
/// (see its PROVENANCE.md), present on every clone, so tests that read it never skip.
enum TestVectors {
    /// `Tests/Vectors` of this checkout.
    static let directory: String = {
        // …/Tests/FrameCryptoTests/Support/TestVectors.swift → Tests → Tests/Vectors
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("Vectors").path
    }()

    /// A file of the in-repo copy, by its path relative to `Tests/Vectors` (the same relative
    /// path as in the full originals: `wycheproof/aes_gcm_test.json`, `nist/…`, `sframe/…`).
    static func path(_ relative: String) -> String { directory + "/" + relative }
}

/// The full originals the in-repo copy was trimmed from: `$FRAMEBENCH_VECTORS`, else
/// `../shared/vectors` beside the project root. Only the tests that compare the copy with them,
/// or that need records the copy leaves out, read them (trait: ``SharedVectors/condition``).
enum SharedVectors {
    static let directory: String = {
        if let override = ProcessInfo.processInfo.environment["FRAMEBENCH_VECTORS"], !override.isEmpty {
            return override
        }
        // …/Tests/FrameCryptoTests/Support/TestVectors.swift → project root → ../shared/vectors
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent()
        return root.deletingLastPathComponent().appendingPathComponent("shared/vectors").path
    }()

    static func path(_ relative: String) -> String { directory + "/" + relative }

    /// What this process does about the folder: decided once from `CI` and the folder.
    static let availability = Availability.decide(
        directory: directory,
        exists: FileManager.default.fileExists(atPath: directory),
        ci: Availability.isCI(ProcessInfo.processInfo.environment))

    /// Enables the test unless the folder is absent outside CI (then it is reported as skipped,
    /// with the reason). In CI an absent folder leaves the test enabled, and its first
    /// ``requireFolder()`` fails it.
    static var condition: ConditionTrait {
        .enabled(if: !availability.skips, Comment(rawValue: availability.message))
    }

    /// The folder, or an error that fails the test (only reached under `CI=true` with the folder absent).
    static func requireFolder() throws(Missing) {
        if case .fail(let message) = availability { throw Missing(message: message) }
    }

    struct Missing: Error, CustomStringConvertible {
        let message: String
        var description: String { message }
    }

    /// Whether tests needing the full files run, skip or fail.
    enum Availability: Equatable {
        case run
        case skip(reason: String)
        case fail(message: String)

        /// `CI` set to `true` or `1` (any case), as CI services set it.
        static func isCI(_ environment: [String: String]) -> Bool {
            guard let value = environment["CI"]?.lowercased() else { return false }
            return value == "true" || value == "1"
        }

        static func decide(directory: String, exists: Bool, ci: Bool) -> Availability {
            if exists { return .run }
            if ci {
                return .fail(message: "CI=true and no test-vector folder at \(directory): CI must check the in-repo copy "
                    + "against the full originals; set FRAMEBENCH_VECTORS or place shared/vectors beside the project")
            }
            return .skip(reason: "full test vectors not found at \(directory); set FRAMEBENCH_VECTORS or place "
                + "shared/vectors beside the project (the in-repo copy under Tests/Vectors is tested regardless)")
        }

        var skips: Bool {
            if case .skip = self { true } else { false }
        }

        var message: String {
            switch self {
            case .run: ""
            case .skip(let reason): reason
            case .fail(let message): message
            }
        }
    }
}
