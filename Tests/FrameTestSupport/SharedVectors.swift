import Foundation
package import Testing

/// The full originals the in-repo copy was trimmed from: `$FRAMEBENCH_VECTORS`, else
/// `../shared/vectors` beside the project root. Only the tests that compare the copy with them,
/// or that need records the copy leaves out, read them (trait: ``SharedVectors/condition``).
package enum SharedVectors {
    package static let directory: String = {
        if let override = ProcessInfo.processInfo.environment["FRAMEBENCH_VECTORS"], !override.isEmpty {
            return override
        }
        // …/Tests/FrameTestSupport/SharedVectors.swift → project root → ../shared/vectors
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent()
        return root.deletingLastPathComponent().appendingPathComponent("shared/vectors").path
    }()

    /// A file of the full originals, by its path relative to ``directory``.
    package static func path(_ relative: String) -> String { directory + "/" + relative }

    /// What this process does about the folder: decided once from `CI` and the folder.
    package static let availability = Availability.decide(
        directory: directory,
        exists: FileManager.default.fileExists(atPath: directory),
        ci: CIEnvironment.isCI)

    /// Enables the test unless the folder is absent outside CI (then it is reported as skipped,
    /// with the reason). In CI an absent folder leaves the test enabled, and its first
    /// ``requireFolder()`` fails it.
    package static var condition: ConditionTrait {
        .enabled(if: !availability.skips, Comment(rawValue: availability.message))
    }

    /// The folder, or an error that fails the test (only reached under `CI=true` with the folder absent).
    package static func requireFolder() throws(Missing) {
        if case .fail(let message) = availability { throw Missing(message: message) }
    }

    /// The folder is required (CI) and absent.
    package struct Missing: Error, CustomStringConvertible {
        package let message: String
        package var description: String { message }
    }

    /// Whether tests needing the full files run, skip or fail.
    package enum Availability: Equatable {
        case run
        case skip(reason: String)
        case fail(message: String)

        /// `CI` set to `true` or `1` (any case), as CI services set it.
        package static func isCI(_ environment: [String: String]) -> Bool {
            CIEnvironment.isCI(environment)
        }

        package static func decide(directory: String, exists: Bool, ci: Bool) -> Availability {
            if exists { return .run }
            if ci {
                return .fail(
                    message: "CI=true and no test-vector folder at \(directory): CI must check the in-repo copy "
                        + "against the full originals; set FRAMEBENCH_VECTORS or place shared/vectors beside the project")
            }
            return .skip(
                reason: "full test vectors not found at \(directory); set FRAMEBENCH_VECTORS or place "
                    + "shared/vectors beside the project (the in-repo copy under Tests/Vectors is tested regardless)")
        }

        package var skips: Bool {
            if case .skip = self { true } else { false }
        }

        package var message: String {
            switch self {
            case .run: ""
            case .skip(let reason): reason
            case .fail(let message): message
            }
        }
    }
}
