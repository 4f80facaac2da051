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
            legacy cipher placeholder, no key precomputation, HMAC re-keyed per frame); select \
            one with --backend NAME. The suites column lists the SFrame cipher suites (RFC 9605 \
            and its IANA registry, 1-8) each one implements; the others are n/a for it. \
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
        /// The SFrame cipher suites it implements, in order.
        var suites: [SFrameCipherSuite]

        /// `type` as listed, described by `info` when given (a probed code path), else by its own.
        init(_ type: AEADBackend, variant: Bool, info: BackendInfo? = nil) {
            backend = info ?? type.info
            self.variant = variant
            suites = SFrameCipherSuite.allCases.filter { BackendRegistry.implements(type, $0) }
        }

        /// The suites as ranges: `1-8`, `4,5`, `1-3,6-8`.
        var suiteList: String {
            var runs: [(UInt16, UInt16)] = []
            for n in suites.map(\.rawValue) {
                if let last = runs.last, last.1 + 1 == n { runs[runs.count - 1].1 = n } else { runs.append((n, n)) }
            }
            return runs.map { $0.0 == $0.1 ? "\($0.0)" : $0.1 == $0.0 + 1 ? "\($0.0),\($0.1)" : "\($0.0)-\($0.1)" }
                .joined(separator: ",")
        }

        /// Secrets the backend leaves in freed memory, when it is known to.
        var secretResidue: String? {
            backend.name == SwiftCryptoContext.info.name ? SwiftCryptoContext.secretResidue : nil
        }

        func encode(to encoder: any Encoder) throws {
            try backend.encode(to: encoder)
            var container = encoder.container(keyedBy: Key.self)
            try container.encode(variant, forKey: .variant)
            try container.encode(suites.map(\.rawValue), forKey: .suites)
            try container.encodeIfPresent(secretResidue, forKey: .secretResidue)
        }

        enum Key: String, CodingKey {
            case variant
            case suites
            case secretResidue
        }
    }

    func run() throws {
        let entries =
            BackendRegistry.all.map { Entry($0, variant: false, info: CodePathProbe.probed($0)) }
            + (BackendRegistry.variants + BackendRegistry.ctrHMACVariants).map { Entry($0, variant: true) }
        if json {
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
            print(String(decoding: try encoder.encode(entries), as: UTF8.self))
            return
        }
        var table = TextTable(headers: ["backend", "set", "suites", "library", "version", "code path", "status"])
        for entry in entries {
            let info = entry.backend
            table.add([
                info.name, entry.variant ? "variant" : "default", entry.suiteList, info.library, info.version,
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
