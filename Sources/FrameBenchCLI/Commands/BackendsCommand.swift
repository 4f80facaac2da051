import ArgumentParser
import Foundation
import FrameBench
import FrameCrypto

struct BackendsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "backends",
        abstract: "List the crypto backends, their libraries and versions, and whether they run here.",
        discussion: """
            The default backends are what every suite measures unless told otherwise. Variants \
            drive the same libraries the way many real clients do (no context reuse, the \
            legacy cipher placeholder, no key precomputation); select one with --backend NAME.
            """)

    @Flag(help: "Print JSON instead of a table.")
    var json = false

    /// One listed backend: its description and whether it is a variant.
    struct Entry: Encodable {
        var backend: BackendInfo
        var variant: Bool

        /// Secrets the backend leaves in freed memory, when it is known to.
        var secretResidue: String? {
            backend.name == SwiftCryptoContext.info.name ? SwiftCryptoContext.secretResidue : nil
        }

        func encode(to encoder: any Encoder) throws {
            try backend.encode(to: encoder)
            var container = encoder.container(keyedBy: Key.self)
            try container.encode(variant, forKey: .variant)
            try container.encodeIfPresent(secretResidue, forKey: .secretResidue)
        }

        enum Key: String, CodingKey {
            case variant
            case secretResidue
        }
    }

    func run() throws {
        let entries =
            BackendRegistry.all.map { Entry(backend: $0.info, variant: false) }
            + BackendRegistry.variants.map { Entry(backend: $0.info, variant: true) }
        if json {
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
            print(String(decoding: try encoder.encode(entries), as: UTF8.self))
            return
        }
        var table = TextTable(headers: ["backend", "set", "library", "version", "status"])
        for entry in entries {
            let info = entry.backend
            table.add([
                info.name, entry.variant ? "variant" : "default", info.library, info.version,
                info.availability.reason.map { "unavailable: \($0)" } ?? "available",
            ])
        }
        print(table.render())
        for entry in entries {
            if let residue = entry.secretResidue { print("\nnote: \(entry.backend.name) \(residue)") }
        }
    }
}
