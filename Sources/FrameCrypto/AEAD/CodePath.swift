/// Which AES-GCM code a backend's library runs on this CPU.
///
/// The same library can be several times faster or slower depending on whether its
/// distribution's build, on this CPU, takes its vector-AES code, its AES-NI code or its
/// portable table code; ``CodePathReport`` says which, and how that was found out.
public enum CodePath: String, Sendable, Equatable, CaseIterable, Codable {
    /// Vector AES and vector carry-less multiply (VAES, VPCLMULQDQ): several blocks per
    /// instruction.
    case vaes
    /// AES-NI and PCLMULQDQ: one block per instruction.
    case aesni
    /// Portable code: AES with lookup tables (or bit-slicing) and GHASH with a table of
    /// multiples of the hash key.
    case tableBased
    /// Not known (a results file from a newer FrameBench, or no way to tell).
    case unknown

    /// How reports print it.
    public var label: String {
        switch self {
        case .vaes: "VAES + VPCLMULQDQ"
        case .aesni: "AES-NI + PCLMULQDQ"
        case .tableBased: "table-based"
        case .unknown: "unknown"
        }
    }

    /// Decodes an unknown value (written by a newer FrameBench) as ``unknown``.
    public init(from decoder: any Decoder) throws {
        let raw = try decoder.singleValueContainer().decode(String.self)
        self = CodePath(rawValue: raw) ?? .unknown
    }
}

/// How a ``CodePathReport`` was found out.
public enum CodePathSource: String, Sendable, Equatable, Codable {
    /// The library's own run-time query answered (libgcrypt's `hwflist`, mbedTLS's
    /// `mbedtls_aesni_has_support`, libsodium's `crypto_aead_aes256gcm_is_available`).
    case libraryQuery
    /// The library's build configuration decides alone (wolfSSL built without AES-NI).
    case buildConfiguration
    /// The library has no query: its documented run-time dispatch rule, applied to its
    /// build (the routines it contains) and this CPU's CPUID features.
    case dispatchRule
    /// The library has no query: its AES-GCM was timed against the floor reference (AES-NI +
    /// PCLMULQDQ intrinsics) on this CPU, which tells table-based code from hardware AES;
    /// VAES or AES-NI then comes from its dispatch rule (FrameBench's `CodePathProbe`).
    case measuredProbe
    /// A newer source this FrameBench does not know.
    case unknown

    public init(from decoder: any Decoder) throws {
        let raw = try decoder.singleValueContainer().decode(String.self)
        self = CodePathSource(rawValue: raw) ?? .unknown
    }
}

/// Which code path a backend takes here, how that was found, and the evidence in a sentence.
public struct CodePathReport: Sendable, Equatable, Codable {
    public let path: CodePath
    public let source: CodePathSource
    /// What was read: the query's answer, the build flag, the CPUID bits.
    public let evidence: String

    public init(path: CodePath, source: CodePathSource, evidence: String) {
        self.path = path
        self.source = source
        self.evidence = evidence
    }
}
