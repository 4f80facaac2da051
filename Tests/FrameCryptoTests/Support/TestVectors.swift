import Foundation
import Testing

/// Where the shared public test vectors are: `$FRAMEBENCH_VECTORS`, else `../shared/vectors`
/// beside the project root. Tests that need them are disabled (reported as skipped, with
/// this reason) when the folder is absent.
enum TestVectors {
    static let directory: String = {
        if let override = ProcessInfo.processInfo.environment["FRAMEBENCH_VECTORS"], !override.isEmpty {
            return override
        }
        // …/Tests/FrameCryptoTests/Support/TestVectors.swift → project root → ../shared/vectors
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent()
        return root.deletingLastPathComponent().appendingPathComponent("shared/vectors").path
    }()

    static var available: Bool { FileManager.default.fileExists(atPath: directory) }

    static var skipReason: Comment {
        "test vectors not found at \(directory); set FRAMEBENCH_VECTORS or place shared/vectors beside the project"
    }

    static func path(_ relative: String) -> String { directory + "/" + relative }
}
