/// An SFrame cipher suite from the IANA "SFrame Cipher Suites" registry: its AEAD, the hash
/// of its key schedule, and the sizes `Nk`, `Nn` and `Nt` (RFC 9605 §4.5 and §8.1;
/// suites 6–8 from draft-barnes-sframe-iana-256).
///
/// The raw value is the suite's 16-bit registry number, as written into the key
/// schedule's labels.
public enum SFrameCipherSuite: UInt16, Sendable, Hashable, CaseIterable, Codable, CustomStringConvertible {
    /// 0x0001 `AES_128_CTR_HMAC_SHA256_80`.
    case aes128CTRHMACSHA256Tag80 = 1
    /// 0x0002 `AES_128_CTR_HMAC_SHA256_64`.
    case aes128CTRHMACSHA256Tag64 = 2
    /// 0x0003 `AES_128_CTR_HMAC_SHA256_32`.
    case aes128CTRHMACSHA256Tag32 = 3
    /// 0x0004 `AES_128_GCM_SHA256_128`.
    case aes128GCMSHA256 = 4
    /// 0x0005 `AES_256_GCM_SHA512_128`: FrameBench's default.
    case aes256GCMSHA512 = 5
    /// 0x0006 `AES_256_CTR_HMAC_SHA512_80`.
    case aes256CTRHMACSHA512Tag80 = 6
    /// 0x0007 `AES_256_CTR_HMAC_SHA512_64`.
    case aes256CTRHMACSHA512Tag64 = 7
    /// 0x0008 `AES_256_CTR_HMAC_SHA512_32`.
    case aes256CTRHMACSHA512Tag32 = 8

    /// The suite FrameBench uses unless told otherwise: `AES_256_GCM_SHA512_128`.
    public static let `default`: SFrameCipherSuite = .aes256GCMSHA512

    /// The AEAD that protects frames.
    @inlinable
    public var aead: AEADAlgorithm {
        switch self {
        case .aes128CTRHMACSHA256Tag80: .aes128CTRHMACSHA256Tag80
        case .aes128CTRHMACSHA256Tag64: .aes128CTRHMACSHA256Tag64
        case .aes128CTRHMACSHA256Tag32: .aes128CTRHMACSHA256Tag32
        case .aes128GCMSHA256: .aes128GCM
        case .aes256GCMSHA512: .aes256GCM
        case .aes256CTRHMACSHA512Tag80: .aes256CTRHMACSHA512Tag80
        case .aes256CTRHMACSHA512Tag64: .aes256CTRHMACSHA512Tag64
        case .aes256CTRHMACSHA512Tag32: .aes256CTRHMACSHA512Tag32
        }
    }

    /// The hash of the key schedule's HKDF: SHA-256 for suites 1–4, SHA-512 for 5–8.
    @inlinable
    public var kdfHash: DigestAlgorithm { rawValue <= 4 ? .sha256 : .sha512 }

    /// `Nk`: the size of `sframe_key` in bytes (16, 32, 48 or 96).
    @inlinable
    public var keyByteCount: Int { aead.keyByteCount }
    /// `Nn`: the size of `sframe_salt` (the nonce) in bytes: 12.
    @inlinable
    public var nonceByteCount: Int { aead.nonceByteCount }
    /// `Nt`: the tag size in bytes (16, 10, 8 or 4).
    @inlinable
    public var tagByteCount: Int { aead.tagByteCount }

    /// The suite's name in the IANA registry, such as `AES_256_GCM_SHA512_128`.
    public var ianaName: String {
        switch self {
        case .aes128CTRHMACSHA256Tag80: "AES_128_CTR_HMAC_SHA256_80"
        case .aes128CTRHMACSHA256Tag64: "AES_128_CTR_HMAC_SHA256_64"
        case .aes128CTRHMACSHA256Tag32: "AES_128_CTR_HMAC_SHA256_32"
        case .aes128GCMSHA256: "AES_128_GCM_SHA256_128"
        case .aes256GCMSHA512: "AES_256_GCM_SHA512_128"
        case .aes256CTRHMACSHA512Tag80: "AES_256_CTR_HMAC_SHA512_80"
        case .aes256CTRHMACSHA512Tag64: "AES_256_CTR_HMAC_SHA512_64"
        case .aes256CTRHMACSHA512Tag32: "AES_256_CTR_HMAC_SHA512_32"
        }
    }

    /// The suite for `aead`, if one uses it.
    public init?(aead: AEADAlgorithm) {
        guard let found = Self.allCases.first(where: { $0.aead == aead }) else { return nil }
        self = found
    }

    /// `"<number> <IANA name>"`, such as `5 AES_256_GCM_SHA512_128`.
    public var description: String { "\(rawValue) \(ianaName)" }
}
