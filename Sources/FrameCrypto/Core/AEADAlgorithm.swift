/// A hash function as FrameCrypto uses it: inside HMAC for SFrame's AES-CTR + HMAC
/// algorithms, and inside HKDF for an SFrame cipher suite's key schedule.
public enum DigestAlgorithm: String, Sendable, Hashable, CaseIterable, Codable, CustomStringConvertible {
    /// SHA-256: 32-byte output, 64-byte block.
    case sha256 = "SHA-256"
    /// SHA-512: 64-byte output, 128-byte block.
    case sha512 = "SHA-512"

    /// `Nh`: the output size in bytes.
    @inlinable
    public var outputByteCount: Int {
        switch self {
        case .sha256: 32
        case .sha512: 64
        }
    }

    /// The block size in bytes (HMAC pads its key to this).
    @inlinable
    public var blockByteCount: Int {
        switch self {
        case .sha256: 64
        case .sha512: 128
        }
    }

    public var description: String { rawValue }
}

/// An authenticated encryption algorithm a backend may implement: AES-GCM with a 128- or
/// 256-bit key, or SFrame's AES-CTR + HMAC (RFC 9605 §4.5.1) with a truncated tag.
///
/// Every algorithm takes a 96-bit nonce. For AES-CTR + HMAC the key is `enc_key ‖ auth_key`
/// (the AES key, then the HMAC key of the hash's output size), the cipher runs AES-CTR from
/// the counter block `nonce ‖ 0x00000000`, and the tag is
/// `truncate(HMAC(auth_key, len(aad) ‖ len(ct) ‖ Nt ‖ nonce ‖ aad ‖ ct), Nt)`, each length
/// 8 bytes big-endian.
///
/// The raw value is the algorithm's name as reports print it.
public enum AEADAlgorithm: String, Sendable, Hashable, CaseIterable, Codable, CustomStringConvertible {
    /// AES-128-GCM: 16-byte key, 16-byte tag.
    case aes128GCM = "AES-128-GCM"
    /// AES-256-GCM: 32-byte key, 16-byte tag. FrameBench's default and SFrame suite 5's AEAD.
    case aes256GCM = "AES-256-GCM"
    /// AES-128-CTR with HMAC-SHA-256 truncated to 80 bits (SFrame suite 1): 48-byte key.
    case aes128CTRHMACSHA256Tag80 = "AES-128-CTR-HMAC-SHA256-80"
    /// AES-128-CTR with HMAC-SHA-256 truncated to 64 bits (SFrame suite 2): 48-byte key.
    case aes128CTRHMACSHA256Tag64 = "AES-128-CTR-HMAC-SHA256-64"
    /// AES-128-CTR with HMAC-SHA-256 truncated to 32 bits (SFrame suite 3): 48-byte key.
    case aes128CTRHMACSHA256Tag32 = "AES-128-CTR-HMAC-SHA256-32"
    /// AES-256-CTR with HMAC-SHA-512 truncated to 80 bits (SFrame suite 6): 96-byte key.
    case aes256CTRHMACSHA512Tag80 = "AES-256-CTR-HMAC-SHA512-80"
    /// AES-256-CTR with HMAC-SHA-512 truncated to 64 bits (SFrame suite 7): 96-byte key.
    case aes256CTRHMACSHA512Tag64 = "AES-256-CTR-HMAC-SHA512-64"
    /// AES-256-CTR with HMAC-SHA-512 truncated to 32 bits (SFrame suite 8): 96-byte key.
    case aes256CTRHMACSHA512Tag32 = "AES-256-CTR-HMAC-SHA512-32"

    /// How an algorithm encrypts and authenticates.
    public enum Mode: Sendable, Hashable {
        /// AES in Galois/Counter Mode.
        case gcm
        /// AES in counter mode, authenticated with HMAC over `hash` (RFC 9605 §4.5.1).
        case ctrHMAC(hash: DigestAlgorithm)
    }

    /// How this algorithm encrypts and authenticates.
    @inlinable
    public var mode: Mode {
        switch self {
        case .aes128GCM, .aes256GCM: .gcm
        case .aes128CTRHMACSHA256Tag80, .aes128CTRHMACSHA256Tag64, .aes128CTRHMACSHA256Tag32: .ctrHMAC(hash: .sha256)
        case .aes256CTRHMACSHA512Tag80, .aes256CTRHMACSHA512Tag64, .aes256CTRHMACSHA512Tag32: .ctrHMAC(hash: .sha512)
        }
    }

    /// Whether this is an AES-GCM algorithm.
    @inlinable
    public var isGCM: Bool { mode == .gcm }

    /// The HMAC hash of an AES-CTR + HMAC algorithm, `nil` for AES-GCM.
    @inlinable
    public var hmacHash: DigestAlgorithm? {
        if case let .ctrHMAC(hash) = mode { hash } else { nil }
    }

    /// The AES key size in bytes: 16 or 32.
    @inlinable
    public var encryptionKeyByteCount: Int {
        switch self {
        case .aes128GCM, .aes128CTRHMACSHA256Tag80, .aes128CTRHMACSHA256Tag64, .aes128CTRHMACSHA256Tag32: 16
        case .aes256GCM, .aes256CTRHMACSHA512Tag80, .aes256CTRHMACSHA512Tag64, .aes256CTRHMACSHA512Tag32: 32
        }
    }

    /// The HMAC key size in bytes (the hash's output size), 0 for AES-GCM.
    @inlinable
    public var authenticationKeyByteCount: Int { hmacHash?.outputByteCount ?? 0 }

    /// The whole key's size in bytes: 16 or 32 for AES-GCM; for AES-CTR + HMAC
    /// `enc_key ‖ auth_key`, 48 or 96.
    @inlinable
    public var keyByteCount: Int { encryptionKeyByteCount + authenticationKeyByteCount }

    /// The nonce size in bytes: 12 for every algorithm.
    @inlinable
    public var nonceByteCount: Int { AESGCM.nonceByteCount }

    /// The tag size in bytes: 16 for AES-GCM; 10, 8 or 4 for AES-CTR + HMAC.
    @inlinable
    public var tagByteCount: Int {
        switch self {
        case .aes128GCM, .aes256GCM: 16
        case .aes128CTRHMACSHA256Tag80, .aes256CTRHMACSHA512Tag80: 10
        case .aes128CTRHMACSHA256Tag64, .aes256CTRHMACSHA512Tag64: 8
        case .aes128CTRHMACSHA256Tag32, .aes256CTRHMACSHA512Tag32: 4
        }
    }

    /// The algorithm called `name` (its raw value, case-insensitive), or `nil`.
    public init?(name: String) {
        guard let found = Self.allCases.first(where: { $0.rawValue.lowercased() == name.lowercased() }) else {
            return nil
        }
        self = found
    }

    public var description: String { rawValue }
}
