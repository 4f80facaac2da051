import Crypto
import Foundation

/// AES-256-GCM through apple/swift-crypto's public API, `AES.GCM`: the API most Swift
/// developers use. On Linux it runs BoringSSL, which swift-crypto vendors and builds.
///
/// It is driven exactly as a user calls it: the key is a `SymmetricKey`, made once per
/// context; each frame is one `AES.GCM.seal(_:using:nonce:authenticating:)`, whose
/// `SealedBox` ciphertext and tag are copied into the caller's buffers, or one
/// `AES.GCM.SealedBox(nonce:ciphertext:tag:)` plus `AES.GCM.open(_:using:authenticating:)`,
/// whose plaintext `Data` is copied into the caller's buffer.
///
/// **Unlike `openssl` and `sodium`, it allocates on every frame**: measured with
/// package-benchmark's `Malloc (total)` and with valgrind (swift-crypto 4.5.2, Swift 6.3,
/// Linux x86-64), **9 heap allocations per seal and 5 per open**, the same at 64 B, 1200 B
/// and 64 KiB (at 64 B: 1039 bytes per seal, 326 per open, valgrind). swift-crypto makes
/// a BoringSSL AEAD context object per call, returns ciphertext and tag as new `Data` and
/// builds the `SealedBox`'s combined nonce‖ciphertext‖tag; open builds a `SealedBox` from
/// the frame and returns the plaintext as new `Data`. Every frame's bytes are also copied
/// once more, into the caller's buffer. The public API offers no way to keep an expanded
/// key: BoringSSL expands the AES key schedule and the GHASH key on every call. The
/// measured cost therefore is the cost of the API as Swift developers meet it, not of
/// BoringSSL's AES-GCM itself; swift-crypto exposes no C API to build a reference on, so
/// this backend has no C reference in the frames suite.
///
/// `SymmetricKey` keeps its bytes in memory it zeroes when the last reference goes.
/// Not everything else is wiped, and the public API gives no way to wipe it; see
/// ``secretResidue``.
public struct SwiftCryptoContext: AEADContext, ~Copyable, Sendable {
    private let key: SymmetricKey

    /// What this backend leaves in freed memory, which swift-crypto's public API gives no
    /// way to avoid; `framebench backends` prints it and `docs/keys.md` explains it.
    public static let secretResidue = """
        leaves secrets in freed heap memory: the expanded AES round keys and GHASH key \
        of the BoringSSL AEAD context swift-crypto allocates per call (freed after \
        EVP_AEAD_CTX_cleanup, which does not wipe them), and each frame's plaintext in \
        the Data objects AES.GCM returns or copies (freed unwiped); openssl and sodium \
        keep one context per key and wipe it
        """

    /// Heap allocations per frame that swift-crypto's API makes (the type comment says how
    /// they were measured); `scripts/check-allocations.sh` holds the backend to exactly these
    /// and `framebench backends` prints them. Every other backend but `botan` makes 0.
    public static let allocationsPerFrame = (seal: 9, open: 5)

    public static var info: BackendInfo {
        BackendInfo(
            name: "swift-crypto",
            library: "apple/swift-crypto (BoringSSL)",
            version: DependencyVersions.swiftCrypto,
            summary:
                "AES.GCM.seal/open through the public API, as Swift developers call it; allocates per frame (Data results): \(allocationsPerFrame.seal) per seal, \(allocationsPerFrame.open) per open",
            availability: .available, codePath: DefaultBackendCodePaths.swiftCrypto)
    }

    public static var algorithms: [AEADAlgorithm] { [.aes128GCM, .aes256GCM] }

    public let algorithm: AEADAlgorithm

    public init(algorithm: AEADAlgorithm, key: Span<UInt8>) throws(FrameCryptoError) {
        try BackendPreconditions.checkKey(key, algorithm: algorithm, for: Self.self)
        self.algorithm = algorithm
        self.key = key.withUnsafeBytes { SymmetricKey(data: $0) }
    }

    public mutating func seal(
        nonce: Nonce,
        aad: UnsafeRawBufferPointer,
        plaintext: UnsafeRawBufferPointer,
        ciphertext: UnsafeMutableRawBufferPointer,
        tag: UnsafeMutableRawPointer
    ) throws(FrameCryptoError) {
        try BackendPreconditions.checkSeal(aad: aad, plaintext: plaintext, ciphertext: ciphertext)
        let box: AES.GCM.SealedBox
        do {
            box = try AES.GCM.seal(plaintext, using: key, nonce: try Self.gcmNonce(nonce), authenticating: aad)
        } catch {
            throw .libraryCallFailed("AES.GCM.seal")
        }
        guard box.ciphertext.count == plaintext.count, box.tag.count == AESGCM.tagByteCount else {
            throw .libraryCallFailed("AES.GCM.seal")
        }
        Self.copy(box.ciphertext, to: ciphertext)
        box.tag.withUnsafeBytes { tag.copyMemory(from: $0.baseAddress!, byteCount: AESGCM.tagByteCount) }
    }

    public mutating func open(
        nonce: Nonce,
        aad: UnsafeRawBufferPointer,
        ciphertext: UnsafeRawBufferPointer,
        tag: UnsafeRawPointer,
        plaintext: UnsafeMutableRawBufferPointer
    ) throws(FrameCryptoError) {
        try BackendPreconditions.checkOpen(aad: aad, ciphertext: ciphertext, plaintext: plaintext)
        let opened: Data
        do {
            let box = try AES.GCM.SealedBox(
                nonce: try Self.gcmNonce(nonce), ciphertext: ciphertext,
                tag: UnsafeRawBufferPointer(start: tag, count: AESGCM.tagByteCount))
            opened = try AES.GCM.open(box, using: key, authenticating: aad)
        } catch let error as CryptoKitError where Self.isTagMismatch(error) {
            secureZero(plaintext)
            throw .authenticationFailed
        } catch {
            secureZero(plaintext)
            throw .libraryCallFailed("AES.GCM.open")
        }
        guard opened.count == plaintext.count else {
            secureZero(plaintext)
            throw .libraryCallFailed("AES.GCM.open")
        }
        Self.copy(opened, to: plaintext)
    }

    /// Whether `error` means the tag did not verify: `authenticationFailure` from CryptoKit,
    /// or, from swift-crypto's BoringSSL on Linux, `underlyingCoreCryptoError` carrying
    /// `ERR_PACK(ERR_LIB_CIPHER (30), CIPHER_R_BAD_DECRYPT (101))`. (Found by the
    /// `FuzzReceiverOpen` fuzzer: every forged frame was reported as a library failure.)
    private static func isTagMismatch(_ error: CryptoKitError) -> Bool {
        switch error {
        case .authenticationFailure:
            return true
        case let .underlyingCoreCryptoError(code):
            let packed = UInt32(bitPattern: code)
            return packed >> 24 == 30 && packed & 0xfff == 101
        default:
            return false
        }
    }

    private static func gcmNonce(_ nonce: Nonce) throws -> AES.GCM.Nonce {
        try nonce.withUnsafeBytePointer { bytes in
            try AES.GCM.Nonce(data: UnsafeRawBufferPointer(start: bytes, count: AESGCM.nonceByteCount))
        }
    }

    /// Copies `data` (exactly `destination.count` bytes) into `destination`.
    private static func copy(_ data: Data, to destination: UnsafeMutableRawBufferPointer) {
        data.withUnsafeBytes { source in
            if let from = source.baseAddress, let to = destination.baseAddress, source.count > 0 {
                to.copyMemory(from: from, byteCount: source.count)
            }
        }
    }
}
