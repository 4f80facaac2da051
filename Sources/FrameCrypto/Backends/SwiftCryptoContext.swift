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
/// **Unlike `openssl` and `sodium`, it allocates on every frame** — the API returns its
/// results as new `Data` — and copies every frame's bytes once more. Measured with
/// package-benchmark's `Malloc (total)` (swift-crypto 4.5.2, Swift 6.3, Linux x86-64),
/// per call: seal 3 allocations, open 2, the same at 64 B, 1200 B and 64 KiB (see
/// `docs/measurement.md`). The public API also offers no way to keep an expanded key:
/// BoringSSL expands the AES key schedule and the GHASH table again on every call. The
/// measured cost therefore is the cost of the API as Swift developers meet it, not of
/// BoringSSL's AES-GCM itself; swift-crypto exposes no C API to build a reference on, so
/// this backend has no C reference in the frames suite.
///
/// `SymmetricKey` keeps its bytes in memory it zeroes when the last reference goes.
public struct SwiftCryptoContext: AEADContext, ~Copyable, Sendable {
    private let key: SymmetricKey

    public static var info: BackendInfo {
        BackendInfo(
            name: "swift-crypto",
            library: "apple/swift-crypto (BoringSSL)",
            version: DependencyVersions.swiftCrypto,
            summary: "AES.GCM.seal/open through the public API, as Swift developers call it; allocates per frame (Data results)",
            availability: .available)
    }

    public init(key: Span<UInt8>) throws(FrameCryptoError) {
        guard key.count == AESGCM.keyByteCount else {
            throw .invalidKeyLength(expected: AESGCM.keyByteCount, actual: key.count)
        }
        self.key = key.withUnsafeBytes { SymmetricKey(data: $0) }
    }

    public mutating func seal(
        nonce: Nonce,
        aad: UnsafeRawBufferPointer,
        plaintext: UnsafeRawBufferPointer,
        ciphertext: UnsafeMutableRawBufferPointer,
        tag: UnsafeMutableRawPointer
    ) throws(FrameCryptoError) {
        guard ciphertext.count == plaintext.count else {
            throw .bufferSizeMismatch(expected: plaintext.count, actual: ciphertext.count)
        }
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
        guard plaintext.count == ciphertext.count else {
            throw .bufferSizeMismatch(expected: ciphertext.count, actual: plaintext.count)
        }
        let opened: Data
        do {
            let box = try AES.GCM.SealedBox(
                nonce: try Self.gcmNonce(nonce), ciphertext: ciphertext,
                tag: UnsafeRawBufferPointer(start: tag, count: AESGCM.tagByteCount))
            opened = try AES.GCM.open(box, using: key, authenticating: aad)
        } catch CryptoKitError.authenticationFailure {
            Self.wipe(plaintext)
            throw .authenticationFailed
        } catch {
            Self.wipe(plaintext)
            throw .libraryCallFailed("AES.GCM.open")
        }
        guard opened.count == plaintext.count else {
            Self.wipe(plaintext)
            throw .libraryCallFailed("AES.GCM.open")
        }
        Self.copy(opened, to: plaintext)
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

    private static func wipe(_ buffer: UnsafeMutableRawBufferPointer) {
        if let base = buffer.baseAddress, buffer.count > 0 { memset(base, 0, buffer.count) }
    }
}
