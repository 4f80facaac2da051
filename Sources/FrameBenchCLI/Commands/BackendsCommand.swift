import ArgumentParser
import Foundation
import FrameBench
import FrameCrypto

struct BackendsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "backends",
        abstract:
            "List the crypto backends, their libraries and versions, which AES-GCM code path each takes on this CPU, and whether they run here.",
        discussion: """
            The default backends are what every suite measures unless told otherwise. Variants \
            drive the same libraries the way many real clients do (no context reuse, the \
            legacy cipher placeholder, no key precomputation); select one with --backend NAME. \
            The code path (VAES + VPCLMULQDQ, AES-NI + PCLMULQDQ, or table-based) comes from the \
            library's own query where it has one (libgcrypt, mbedTLS, libsodium), its build \
            configuration (wolfSSL, Botan), or else a measured probe: a 16 KiB seal timed \
            against the floor reference tells table-based code from hardware AES, and the \
            library's dispatch rule tells VAES from AES-NI; the notes below the table give the \
            method and the evidence. The optional libraries (nettle, \
            libgcrypt, mbedtls, wolfssl, botan) are listed when the build enabled their package \
            traits (swift build --traits AllBackends).
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
            BackendRegistry.all.map { Entry(backend: CodePathProbe.probed($0), variant: false) }
            + BackendRegistry.variants.map { Entry(backend: $0.info, variant: true) }
        if json {
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
            print(String(decoding: try encoder.encode(entries), as: UTF8.self))
            return
        }
        var table = TextTable(headers: ["backend", "set", "library", "version", "code path", "status"])
        for entry in entries {
            let info = entry.backend
            table.add([
                info.name, entry.variant ? "variant" : "default", info.library, info.version,
                info.codePath?.path.label ?? "unknown",
                info.availability.reason.map { "unavailable: \($0)" } ?? "available",
            ])
        }
        print(table.render())
        print("\ncode paths (how each was found):")
        for entry in entries where !entry.variant {
            guard let path = entry.backend.codePath else { continue }
            print("  \(entry.backend.name): \(path.path.label), by \(path.source.rawValue): \(path.evidence)")
        }
        print("  floor (reference, not a backend): \(FloorReference.description)")
        var allocating = [(SwiftCryptoContext.info.name, SwiftCryptoContext.allocationsPerFrame)]
        #if Botan
        allocating.append((BotanContext.info.name, BotanContext.allocationsPerFrame))
        #endif
        print("\nheap allocations per frame (scripts/check-allocations.sh): 0 for every backend but")
        for (name, counts) in allocating {
            print("  \(name): \(counts.seal) per seal, \(counts.open) per open (inside the library's API)")
        }
        for entry in entries {
            if let residue = entry.secretResidue { print("\nnote: \(entry.backend.name) \(residue)") }
        }
    }
}
